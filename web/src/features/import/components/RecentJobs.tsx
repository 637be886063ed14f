import { Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../../../i18n';
import type { ImportJob } from '../api/import';
import { jobErrorText } from '../api/import';
import { useRecentJobs } from '../hooks/useImport';

const STATUS_COLOR = { running: 'processing', done: 'success', failed: 'error' } as const;

/** The user's last imports (not the dry runs): file, time, outcome. */
export function RecentJobs() {
  const { t } = useI18n();
  const jobs = useRecentJobs();
  const rows = (jobs.data ?? []).filter((j) => j.dryRun === false).slice(0, 5);
  if (!rows.length) return null;
  const outcome = (j: ImportJob) => {
    if (j.status === 'failed') return jobErrorText(j.error) ?? '';
    if (j.status === 'running') return t(`import.phase.${j.phase}`);
    const r = j.result;
    if (!r) return '';
    return r.errors.length ? t('import.dryRunErrors', { n: r.errors.length }) : t('import.summary', { created: r.created, updated: r.updated, unchanged: r.unchanged ?? 0 });
  };
  return (
    <div style={{ marginTop: 24 }}>
      <Typography.Text strong>{t('import.recent')}</Typography.Text>
      <Table<ImportJob>
        data-testid="import-recent"
        size="small"
        rowKey="id"
        style={{ marginTop: 8 }}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 640 }}
        columns={[
          { key: 'file', dataIndex: 'filename', title: t('import.recent.file'), ellipsis: true },
          { key: 'at', dataIndex: 'startedAt', title: t('import.recent.at'), width: 150, render: (_: unknown, j: ImportJob) => (j.startedAt ? dayjs(j.startedAt).format('YYYY-MM-DD HH:mm') : '') },
          { key: 'status', dataIndex: 'status', title: t('common.status'), width: 90, render: (_: unknown, j: ImportJob) => <Tag color={STATUS_COLOR[j.status]}>{t(`import.status.${j.status}`)}</Tag> },
          { key: 'outcome', title: t('import.recent.outcome'), ellipsis: true, render: (_: unknown, j: ImportJob) => outcome(j) },
        ]}
      />
    </div>
  );
}
