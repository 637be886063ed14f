import { Alert, Progress, Table, Tag, Typography } from 'antd';
import type { ImportError, ImportResult } from '@tiaodu/contracts';
import { IMPORT_JOB_PHASES } from '@tiaodu/contracts';
import { useI18n, type MessageKey } from '../../../i18n';
import type { ImportJob } from '../api/import';

const phaseKey = (phase: string | undefined): MessageKey =>
  phase && (IMPORT_JOB_PHASES as readonly string[]).includes(phase) ? (`import.phase.${phase}` as MessageKey) : 'import.phase.queued';

type PreviewRow = NonNullable<ImportResult['preview']>[number];

const ACTION_COLORS = { create: 'green', update: 'blue', unchanged: 'default' } as const;

/** The progress bar of a running job. */
export function JobProgress({ job }: { job: ImportJob | undefined }) {
  const { t } = useI18n();
  const done = job?.done ?? 0;
  const total = job?.total ?? 0;
  const percent = total > 0 ? Math.min(100, Math.round((done / total) * 100)) : 0;
  return (
    <div data-testid="import-progress" style={{ padding: '16px 0' }}>
      <Progress percent={percent} status="active" />
      <Typography.Text type="secondary">
        {t('import.running', { phase: t(phaseKey(job?.phase)) })}
        {total > 0 ? ` · ${t('import.progressText', { done, total })}` : ''}
      </Typography.Text>
    </div>
  );
}

export function ImportSummary({ result }: { result: ImportResult }) {
  const { t } = useI18n();
  return (
    <Typography.Title level={5} data-testid="import-summary" style={{ marginTop: 0 }}>
      {t('import.summary', { created: result.created, updated: result.updated, unchanged: result.unchanged ?? 0 })}
    </Typography.Title>
  );
}

export function ImportErrors({ errors }: { errors: ImportError[] }) {
  const { t } = useI18n();
  return (
    <>
      <Alert type="error" showIcon style={{ marginBottom: 12 }} title={t('import.dryRunErrors', { n: errors.length })} data-testid="import-error-message" />
      <Table<ImportError & { key: number }>
        data-testid="import-errors"
        size="small"
        rowKey="key"
        dataSource={errors.map((e, i) => ({ ...e, key: i }))}
        pagination={errors.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        scroll={{ x: 640 }}
        columns={[
          { key: 'row', dataIndex: 'row', title: t('import.err.row'), width: 80 },
          { key: 'column', dataIndex: 'column', title: t('import.err.column'), width: 160, ellipsis: true },
          { key: 'value', dataIndex: 'value', title: t('import.err.value'), width: 200, ellipsis: true },
          { key: 'message', dataIndex: 'message', title: t('import.err.message') },
        ]}
      />
    </>
  );
}

export function ImportPreview({ rows }: { rows: PreviewRow[] }) {
  const { t } = useI18n();
  const labels = { create: t('import.action.create'), update: t('import.action.update'), unchanged: t('import.action.unchanged') };
  return (
    <>
      <Typography.Text strong>{t('import.preview')}</Typography.Text>
      <Table<PreviewRow>
        data-testid="import-preview"
        size="small"
        rowKey="row"
        dataSource={rows}
        pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        scroll={{ x: 720 }}
        style={{ marginTop: 8 }}
        columns={[
          { key: 'row', dataIndex: 'row', title: t('import.err.row'), width: 70 },
          { key: 'action', dataIndex: 'action', title: t('import.preview.action'), width: 90, render: (_: unknown, r: PreviewRow) => <Tag color={ACTION_COLORS[r.action]}>{labels[r.action]}</Tag> },
          { key: 'name', dataIndex: 'name', title: t('projects.col.name'), ellipsis: true },
          { key: 'code', dataIndex: 'code', title: t('project.code'), width: 210 },
          { key: 'changes', dataIndex: 'changes', title: t('import.preview.changes'), ellipsis: true, render: (_: unknown, r: PreviewRow) => r.changes.join('、') },
        ]}
      />
    </>
  );
}
