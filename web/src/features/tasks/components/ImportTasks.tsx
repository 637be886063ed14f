import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Modal, Space, Table, Tag, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import type { TaskImportResult } from '@tiaodu/contracts';
import { errorText } from '../../../api/errors';
import { useI18n } from '../../../i18n';
import { taskKeys, tasksApi } from '../api/tasks';

/** 导入任务清单: a dry run shows the rows and their errors; the real import once all rows pass. */
export function ImportTasks({ open, onClose, year }: { open: boolean; onClose: () => void; year?: number }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<TaskImportResult | null>(null);
  const run = useMutation({
    mutationFn: (dryRun: boolean) => tasksApi.importXlsx(file!, dryRun, { year }),
    onSuccess: (r) => {
      setResult(r);
      if (!r.dryRun) {
        message.success(t('task.import.done', { created: r.created, updated: r.updated }));
        void qc.invalidateQueries({ queryKey: taskKeys.all });
        close();
      }
    },
    onError: (e) => message.error(errorText(e, lang)),
  });
  const close = () => {
    setFile(null);
    setResult(null);
    onClose();
  };
  const ok = result?.dryRun && result.errors.length === 0 && result.total > 0;
  return (
    <Modal open={open} onCancel={close} title={t('task.import.title')} width={760} footer={null} destroyOnHidden>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <Upload
            accept=".xlsx"
            maxCount={1}
            beforeUpload={(f) => {
              setFile(f);
              setResult(null);
              return false;
            }}
            onRemove={() => setFile(null)}
          >
            <Button icon={<UploadOutlined />} data-testid="task-import-file">
              {t('task.import.pick')}
            </Button>
          </Upload>
          <Button disabled={!file} loading={run.isPending && run.variables} onClick={() => run.mutate(true)} data-testid="task-import-check">
            {t('task.import.check')}
          </Button>
          <Button type="primary" disabled={!ok} loading={run.isPending && !run.variables} onClick={() => run.mutate(false)} data-testid="task-import-run">
            {t('task.import.run', { n: result?.total ?? 0 })}
          </Button>
        </Space>
        {result ? (
          result.errors.length ? (
            <>
              <Alert type="error" message={t('task.import.errors', { n: result.errors.length })} />
              <Table size="small" rowKey={(e) => `${e.row}-${e.message}`} pagination={false} dataSource={result.errors} columns={[{ title: t('task.import.row'), dataIndex: 'row', width: 60 }, { title: '', dataIndex: 'message' }]} data-testid="task-import-errors" />
            </>
          ) : (
            <Alert type="success" message={t('task.import.ok', { n: result.total, create: result.wouldCreate, update: result.wouldUpdate, same: result.rows.filter((r) => r.action === 'unchanged').length })} data-testid="task-import-ok" />
          )
        ) : null}
        {result?.rows.length ? (
          <Table
            size="small"
            rowKey="row"
            pagination={{ pageSize: 10 }}
            dataSource={result.rows}
            columns={[
              { title: t('task.import.row'), dataIndex: 'row', width: 60 },
              { title: t('task.import.action'), dataIndex: 'action', width: 80, render: (a: TaskImportResult['rows'][number]['action']) => <Tag color={a === 'create' ? 'blue' : a === 'update' ? 'orange' : undefined}>{t(`task.import.action.${a}`)}</Tag> },
              { title: t('task.col.title'), dataIndex: 'title', render: (v: string, r) => (r.parentRow ? <span style={{ paddingLeft: 16 }}>└ {v}</span> : v) },
              { title: t('task.col.leader'), dataIndex: 'leadLeaderName' },
              { title: t('task.col.unit'), dataIndex: 'leadUnitName' },
              { title: t('task.col.deadline'), dataIndex: 'deadline' },
            ]}
          />
        ) : null}
      </Space>
    </Modal>
  );
}
