import { Empty, Skeleton, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { FlagFilled } from '@ant-design/icons';
import { errorText } from '../../../api/errors';
import { useI18n } from '../../../i18n';
import { competitionKeys, competitionsApi, type FlagHistoryRow } from '../api/competitions';
import { byPeriod } from './periods';
import { FLAG_COLORS } from './Marks';

const names = (list: string[], color?: string, flag?: string) =>
  list.length ? (
    <span>
      {flag ? <FlagFilled style={{ color: flag, marginInlineEnd: 4 }} /> : null}
      {color ? list.map((n) => <Tag key={n} color={color}>{n}</Tag>) : list.join('、')}
    </span>
  ) : (
    '—'
  );

/** 流动红旗: who held the red and yellow flags, the lists and the 约谈 of every awarded period. */
export function FlagHistory({ competitionId }: { competitionId: number }) {
  const { t, lang } = useI18n();
  const q = useQuery({ queryKey: competitionKeys.flags(competitionId), queryFn: () => competitionsApi.flags(competitionId) });
  if (q.isPending) return <Skeleton active />;
  if (q.error) return <Typography.Text type="danger">{errorText(q.error, lang)}</Typography.Text>;
  if (!q.data.length) return <Empty description={t('comp.flags.none')} />;
  const rows = [...q.data].sort((a, b) => byPeriod(b.period, a.period));
  return (
    <Table<FlagHistoryRow>
      size="small"
      data-testid="flag-history"
      rowKey={(r) => `${r.period}-${r.sequence}`}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      dataSource={rows}
      scroll={{ x: 900 }}
      columns={[
        { title: t('comp.col.period'), dataIndex: 'periodLabel', width: 130 },
        { title: t('comp.col.sequence'), dataIndex: 'sequence', width: 120 },
        { title: t('comp.flag.red'), dataIndex: 'red', render: (l: string[]) => names(l, undefined, FLAG_COLORS.red) },
        { title: t('comp.flag.yellow'), dataIndex: 'yellow', render: (l: string[]) => names(l, undefined, FLAG_COLORS.yellow) },
        { title: t('comp.list.red'), dataIndex: 'redList', render: (l: string[]) => names(l, 'red') },
        { title: t('comp.list.black'), dataIndex: 'blackList', render: (l: string[]) => names(l, '#262626') },
        { title: t('comp.interview'), dataIndex: 'interviews', render: (l: string[]) => names(l, 'volcano') },
      ]}
    />
  );
}
