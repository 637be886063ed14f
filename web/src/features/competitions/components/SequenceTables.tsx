import { Card, Col, Empty, Flex, Row, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import type { CompetitionResults, ResultRow } from '@tiaodu/contracts';
import { useI18n } from '../../../i18n';
import { FlagMark, formatPoints, InterviewTag, ListTag, RankChangeText } from './Marks';

/** The items of a row: each item's points and what was read. */
export function ItemsTable({ items, testId }: { items: ResultRow['items']; testId?: string }) {
  const { t } = useI18n();
  return (
    <Table
      size="small"
      rowKey="itemId"
      pagination={false}
      data-testid={testId}
      dataSource={items}
      columns={[
        { title: t('comp.col.item'), dataIndex: 'name', width: 140 },
        { title: t('comp.col.points'), dataIndex: 'points', width: 70, align: 'right', render: (p: number) => <b>{formatPoints(p)}</b> },
        {
          title: t('comp.col.input'),
          key: 'input',
          render: (_, i) => <Typography.Text type={i.input.missing ? 'danger' : undefined}>{i.input.text || '—'}</Typography.Text>,
        },
      ]}
    />
  );
}

/** The explanation of a row's score, item by item (the tooltip of the score). */
function Explanation({ row }: { row: ResultRow }) {
  return (
    <div style={{ maxWidth: 420 }}>
      {row.items.map((i) => (
        <div key={i.itemId}>
          {i.name}：{formatPoints(i.points)} — {i.input.text}
        </div>
      ))}
      {row.explanation ? <div style={{ marginTop: 4, opacity: 0.85 }}>{row.explanation}</div> : null}
    </div>
  );
}

/**
 * One card per sequence, side by side: 名次, 单位, 得分 (its explanation on hover, every item in the
 * expanded row), rank change, 红旗/黄旗, 红榜/黑榜 and 约谈.
 */
export function SequenceTables({ results, competitionId, testPrefix = 'seq', stacked = false }: { results: CompetitionResults; competitionId?: number; testPrefix?: string; stacked?: boolean }) {
  const { t } = useI18n();
  const n = results.sequences.length;
  if (!n) return <Empty description={t('comp.noRows')} />;
  const columns: ColumnsType<ResultRow> = [
    { title: t('comp.col.rank'), dataIndex: 'rank', width: 52, align: 'center', render: (r: number | null, row) => <b data-testid={`${testPrefix}-rank-${row.contestantId}`}>{r ?? '—'}</b> },
    {
      title: t('comp.col.unit'),
      dataIndex: 'name',
      ellipsis: true,
      render: (name: string, row) =>
        competitionId ? (
          <Link to={`/competitions/${competitionId}/contestants/${encodeURIComponent(row.contestantId)}`} data-testid={`${testPrefix}-unit-${row.contestantId}`}>
            {name}
          </Link>
        ) : (
          name
        ),
    },
    {
      title: t('comp.col.score'),
      dataIndex: 'score',
      width: 72,
      align: 'right',
      render: (s: number, row) => (
        <Tooltip title={<Explanation row={row} />} placement="left">
          <b data-testid={`${testPrefix}-score-${row.contestantId}`} style={{ cursor: 'help' }}>
            {formatPoints(s)}
          </b>
        </Tooltip>
      ),
    },
    { title: t('comp.col.change'), dataIndex: 'rankChange', width: 56, align: 'center', render: (c: number | null) => <RankChangeText change={c} /> },
    {
      title: t('comp.col.marks'),
      key: 'marks',
      width: 112,
      render: (_, row) => (
        <Flex gap={4} align="center" wrap data-testid={`${testPrefix}-marks-${row.contestantId}`}>
          <FlagMark flag={row.flag} testId={`${testPrefix}-flag-${row.contestantId}`} />
          <ListTag list={row.list} />
          <InterviewTag on={row.interview} />
        </Flex>
      ),
    },
  ];
  return (
    <Row gutter={[12, 12]}>
      {results.sequences.map((s) => (
        <Col key={s.key} xs={24} lg={stacked || n === 1 ? 24 : 12} xxl={stacked || n === 1 ? 24 : n >= 3 ? 8 : 12}>
          <Card size="small" title={s.name} data-testid={`${testPrefix}-card-${s.key}`} extra={<Typography.Text type="secondary">{t('comp.contestants', { n: s.rows.length })}</Typography.Text>}>
            <Table<ResultRow>
              size="small"
              rowKey="contestantId"
              pagination={false}
              dataSource={s.rows}
              columns={columns}
              data-testid={`${testPrefix}-table-${s.key}`}
              expandable={{ expandedRowRender: (row) => <ItemsTable items={row.items} />, rowExpandable: (row) => row.items.length > 0, columnWidth: 28 }}
            />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
