import { App, Button, Empty, Flex, Segmented, Select, Space, Table, Tag } from 'antd';
import { SyncOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { APPROVAL_STEPS, type OverdueRow } from '@tiaodu/contracts';
import { useI18n } from '../../../i18n';
import { PageHeader } from '../../../components/PageHeader';
import { approvalKeys, approvalsApi } from '../api/approvals';
import { errorText } from '../../../api/errors';
import { useCan } from '../../auth/hooks/useAuth';
import { SignalTag } from '../components/ApprovalTags';
import { serverPagination } from '../../../components/pagination';
import { useUrlFilters } from '../../../hooks/useUrlParams';
import { useDepartments } from '../../org/hooks/useLookups';

/** 超期督查: every open item past its promised limit and every step past its own limit, most days over first. */
export function OverduePage() {
  const { t, label, lang } = useI18n();
  const { message } = App.useApp();
  const can = useCan();
  const qc = useQueryClient();
  const [sp, set] = useUrlFilters();
  const query = { signal: sp.get('signal') ?? undefined, departmentId: sp.get('departmentId') ?? undefined, page: Number(sp.get('page') ?? 1), pageSize: Number(sp.get('pageSize') ?? 30) };
  const q = useQuery({ queryKey: approvalKeys.overdue(query), queryFn: () => approvalsApi.overdue(query), placeholderData: keepPreviousData });
  const departments = useDepartments();
  // the scheduler evaluates signals every few minutes; this runs it now (idempotent)
  const run = useMutation({
    mutationFn: approvalsApi.runSignals,
    onSuccess: (r) => {
      message.success(t('ap.overdue.ran', { n: r.signals }));
      void qc.invalidateQueries({ queryKey: approvalKeys.all });
      void qc.invalidateQueries({ queryKey: ['notifications'] });
    },
    onError: (e) => message.error(errorText(e, lang)),
  });
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <PageHeader
        title={t('ap.overdue.title')}
        sub={t('ap.overdue.sub')}
        extra={
          can('scheduler:run') ? (
            <Button icon={<SyncOutlined />} loading={run.isPending} onClick={() => run.mutate()} data-testid="btn-run-signals">
              {t('ap.overdue.run')}
            </Button>
          ) : null
        }
      />
      <Flex gap={8} wrap align="center">
        <Segmented
          value={query.signal ?? 'all'}
          onChange={(v) => set({ signal: v === 'all' ? undefined : String(v) })}
          options={[
            { value: 'all', label: t('ap.filter.all') },
            { value: 'red', label: `${t('ap.overdue.items')} ${q.data?.red ?? ''}`.trim() },
            { value: 'yellow', label: `${t('ap.overdue.steps')} ${q.data?.yellow ?? ''}`.trim() },
          ]}
          data-testid="overdue-signal"
        />
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t('ap.filter.department')}
          style={{ width: 220 }}
          value={query.departmentId ? Number(query.departmentId) : undefined}
          onChange={(v) => set({ departmentId: v })}
          options={(departments.data ?? []).filter((d) => d.kind === 'department').map((d) => ({ value: d.id, label: d.name }))}
          data-testid="overdue-department"
        />
      </Flex>
      <Table<OverdueRow>
        rowKey={(r) => `${r.approvalId}-${r.scope}-${r.step ?? ''}`}
        size="small"
        loading={q.isFetching}
        dataSource={q.data?.items ?? []}
        data-testid="overdue-table"
        scroll={{ x: 1100 }}
        locale={{ emptyText: <Empty description={t('ap.overdue.none')} /> }}
        pagination={serverPagination(t, { page: query.page, pageSize: query.pageSize, total: q.data?.total ?? 0, pageSizeOptions: [30, 50, 100, 200], onChange: (page, pageSize) => set({ page, pageSize }) })}
        columns={[
          { title: t('ap.col.signal'), dataIndex: 'signal', width: 100, render: (v: OverdueRow['signal'], r) => <SignalTag signal={v} testId={`overdue-${r.approvalId}-${r.scope}-${r.step ?? 'item'}`} /> },
          { title: t('ap.col.item'), dataIndex: 'itemName', width: 200, render: (v: string, r) => <Link to={`/approvals/${r.approvalId}`}>{v}</Link> },
          { title: t('ap.overdue.scope'), key: 'scope', width: 120, render: (_: unknown, r) => (r.scope === 'item' ? t('ap.overdue.item') : label(APPROVAL_STEPS, r.step)) },
          { title: t('ap.col.department'), dataIndex: 'departmentName', width: 180 },
          { title: t('ap.col.project'), dataIndex: 'projectName', width: 220, render: (v: string, r) => <Link to={`/projects/${r.projectId}/approvals`}>{v}</Link> },
          { title: t('ap.col.used'), key: 'used', width: 150, render: (_: unknown, r) => t('ap.days', { used: r.usedDays, limit: r.limitDays }) },
          { title: t('ap.overdue.over'), dataIndex: 'overDays', width: 110, render: (v: number) => <b>{t('ap.daysShort', { n: v })}</b> },
          { title: t('ap.overdue.since'), dataIndex: 'overdueSince', width: 110 },
          { title: t('ap.col.status'), key: 'st', width: 110, render: (_: unknown, r) => (r.scope === 'step' ? <Tag>{r.finished ? t('ap.overdue.stepDone') : t('ap.overdue.stepOpen')}</Tag> : null) },
        ]}
      />
    </Space>
  );
}
