import { useState } from 'react';
import { Alert, App, Button, Flex, Input, InputNumber, Progress, Select, Space, Table, Typography } from 'antd';
import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import type { TaskListItem } from '@tiaodu/contracts';
import { errorText } from '../../../api/errors';
import { PageHeader } from '../../../components/PageHeader';
import { formatDate } from '../../../components/format';
import { useNarrow } from '../../../hooks/useMedia';
import { useUrlFilters } from '../../../hooks/useUrlParams';
import { useI18n } from '../../../i18n';
import { useCan } from '../../auth/hooks/useAuth';
import { tasksApi } from '../api/tasks';
import { ImportTasks } from '../components/ImportTasks';
import { LightMark } from '../components/Marks';
import { TaskForm } from '../components/TaskForm';
import { useTasks, useTaskTypes, useTaskUnits } from '../hooks/useTasks';

/** 重点任务: the list with its filters, export and import, and the form of a new task. */
export function TaskListPage() {
  const { t, lang } = useI18n();
  const can = useCan();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const narrow = useNarrow();
  const [sp, set] = useUrlFilters();
  const year = sp.get('year') ? Number(sp.get('year')) : undefined;
  const type = sp.get('type') ?? undefined;
  const q = sp.get('q') ?? undefined;
  const light = sp.get('light') ?? undefined;
  const leadUnit = sp.get('leadUnit') ?? undefined;
  const list = useTasks({ year, type, q, light, leadUnit });
  const units = useTaskUnits();
  const types = useTaskTypes();
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState(false);

  const doExport = async () => {
    setExporting(true);
    try {
      await tasksApi.exportXlsx(year);
    } catch (e) {
      message.error(errorText(e, lang));
    } finally {
      setExporting(false);
    }
  };

  return (
    <div>
      <PageHeader
        title={t('task.list.title')}
        sub={t('task.list.sub')}
        extra={
          <Space wrap>
            <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void doExport()} data-testid="task-export">
              {t('task.export')}
            </Button>
            {can('task:import') ? (
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="task-import">
                {t('task.import')}
              </Button>
            ) : null}
            {can('task:manage') ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="task-new">
                {t('task.new')}
              </Button>
            ) : null}
          </Space>
        }
      />
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder={t('task.filter.q')} defaultValue={q} onSearch={(v) => set({ q: v })} style={{ width: narrow ? '100%' : 220 }} data-testid="task-filter-q" />
        <Select allowClear placeholder={t('task.filter.type')} value={type} onChange={(v) => set({ type: v })} options={(types.data?.types ?? []).map((x) => ({ value: x, label: x }))} style={{ width: 140 }} data-testid="task-filter-type" />
        <InputNumber placeholder={t('task.filter.year')} value={year} min={2000} max={2100} onChange={(v) => set({ year: v ?? null })} style={{ width: 110 }} data-testid="task-filter-year" />
        <Select
          allowClear
          placeholder={t('task.filter.light')}
          value={light}
          onChange={(v) => set({ light: v })}
          style={{ width: 120 }}
          options={[
            { value: 'red', label: t('task.light.red') },
            { value: 'yellow', label: t('task.light.yellow') },
            { value: 'green', label: t('task.light.green') },
            { value: 'none', label: t('task.light.none') },
            { value: 'done', label: t('task.done') },
          ]}
          data-testid="task-filter-light"
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('task.filter.unit')}
          value={leadUnit}
          onChange={(v) => set({ leadUnit: v })}
          loading={units.isLoading}
          options={units.data.map((u) => ({ value: `${u.unitType}:${u.unitId}`, label: u.parentName ? `${u.unitName}（${u.parentName}）` : u.unitName }))}
          style={{ width: narrow ? '100%' : 200 }}
          data-testid="task-filter-unit"
        />
      </Flex>
      {list.isError ? <Alert type="error" message={errorText(list.error, lang)} /> : null}
      <Table<TaskListItem>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={list.data ?? []}
        scroll={narrow ? undefined : { x: 980 }}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        data-testid="task-table"
        onRow={(r) => ({ 'data-testid': `task-row-${r.id}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('task.col.title'),
            dataIndex: 'title',
            render: (v: string, r) => (
              <span style={{ overflowWrap: 'anywhere' }}>
                <Link to={`/tasks/${r.id}`}>{v}</Link>
                {narrow ? (
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    {r.leadUnitName} · {formatDate(r.deadline, lang)}
                  </Typography.Text>
                ) : null}
              </span>
            ),
          },
          { title: t('task.col.type'), dataIndex: 'type', width: 100, responsive: ['md'] },
          { title: t('task.col.leader'), dataIndex: 'leadLeaderName', width: 100, responsive: ['lg'], render: (v: string | null) => v ?? '—' },
          { title: t('task.col.unit'), dataIndex: 'leadUnitName', width: 140, responsive: ['sm'] },
          { title: t('task.col.deadline'), dataIndex: 'deadline', width: 130, responsive: ['md'], render: (v: string) => formatDate(v, lang) },
          { title: t('task.col.progress'), dataIndex: 'progress', width: 130, responsive: ['md'], render: (v: number | null) => (v == null ? <Typography.Text type="secondary">—</Typography.Text> : <Progress percent={Math.round(v * 10) / 10} size="small" />) },
          { title: t('task.col.light'), dataIndex: 'light', width: narrow ? 84 : 100, render: (_: unknown, r) => <LightMark light={r.light} reason={r.lightReason} done={r.done} /> },
        ]}
      />
      <TaskForm open={creating} task={null} onClose={() => setCreating(false)} onSaved={(d) => navigate(`/tasks/${d.id}`)} />
      <ImportTasks open={importing} onClose={() => setImporting(false)} year={year} />
    </div>
  );
}
