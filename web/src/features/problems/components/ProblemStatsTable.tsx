import { useQuery } from '@tanstack/react-query';
import { Table, Typography } from 'antd';
import type { ProblemStatsRow } from '@tiaodu/contracts';
import { useI18n } from '../../../i18n';
import { problemKeys, problemsApi } from '../api/problems';

/** Counts per responsible unit, as the bulletin (月通报) prints them. */
export function ProblemStatsTable() {
  const { t } = useI18n();
  const stats = useQuery({ queryKey: problemKeys.stats({}), queryFn: () => problemsApi.stats({}) });
  const rows = stats.data ? [...stats.data.rows, stats.data.total] : [];
  const num = (v: number | null) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{v ?? '—'}</span>;
  return (
    <div>
      <Typography.Paragraph type="secondary">{t('problems.stats.sub')}</Typography.Paragraph>
      <Table<ProblemStatsRow>
        data-testid="problem-stats"
        size="small"
        rowKey={(r) => (r === stats.data?.total ? 'total' : String(r.deptId ?? 'none'))}
        loading={stats.isLoading}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 760 }}
        onRow={(r) => (r === stats.data?.total ? { style: { fontWeight: 600 } } : {})}
        columns={[
          { title: t('problems.stats.unit'), dataIndex: 'deptName', width: 220 },
          { title: t('problems.stats.raised'), dataIndex: 'raised', align: 'right', render: num },
          { title: t('problems.stats.solved'), dataIndex: 'solved', align: 'right', render: num },
          { title: t('problems.stats.deferred'), dataIndex: 'deferred', align: 'right', render: num },
          { title: t('problems.stats.open'), dataIndex: 'open', align: 'right', render: num },
          {
            title: t('problems.stats.overdue'),
            dataIndex: 'overdue',
            align: 'right',
            render: (v: number) => (v > 0 ? <Typography.Text type="danger">{v}</Typography.Text> : num(v)),
          },
          { title: t('problems.stats.avgDays'), dataIndex: 'avgDays', align: 'right', render: num },
        ]}
      />
    </div>
  );
}
