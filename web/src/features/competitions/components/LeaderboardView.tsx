import { Card, Col, Empty, Flex, Row, Skeleton, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { errorText } from '../../../api/errors';
import { useI18n } from '../../../i18n';
import { periodName } from '../../indicators/components/figures';
import { competitionKeys, competitionsApi, type LeaderboardRow } from '../api/competitions';
import { FLAG_COLORS, formatPoints, RankChangeText } from './Marks';
import { FlagFilled } from '@ant-design/icons';

const BOARD_STYLE = { dragon: { background: '#fff7e6' }, tiger: { background: '#f0f0f0' } } as const;

/** 龙虎榜: the year's published periods summed per sequence; 龙榜 rows on top highlighted, 虎榜 rows at the bottom. */
export function LeaderboardView({ competitionId, year }: { competitionId: number; year: number }) {
  const { t, lang } = useI18n();
  const q = useQuery({ queryKey: competitionKeys.leaderboard(competitionId, year), queryFn: () => competitionsApi.leaderboard(competitionId, year) });
  if (q.isPending) return <Skeleton active />;
  if (q.error) return <Typography.Text type="danger">{errorText(q.error, lang)}</Typography.Text>;
  const b = q.data;
  if (!b.through) return <Empty description={t('comp.board.none')} data-testid="board-empty" />;
  const columns: ColumnsType<LeaderboardRow> = [
    { title: t('comp.col.rank'), dataIndex: 'rank', width: 52, align: 'center', render: (r: number | null) => <b>{r ?? '—'}</b> },
    { title: t('comp.col.unit'), dataIndex: 'name', ellipsis: true, render: (name: string, r) => <Link to={`/competitions/${competitionId}/contestants/${encodeURIComponent(r.contestantId)}`}>{name}</Link> },
    { title: t('comp.col.total'), dataIndex: 'score', width: 76, align: 'right', render: (s: number) => <b>{formatPoints(s)}</b> },
    { title: t('comp.col.change'), dataIndex: 'rankChange', width: 56, align: 'center', render: (c: number | null) => <RankChangeText change={c} /> },
    {
      title: t('comp.col.flags'),
      key: 'flags',
      width: 90,
      render: (_, r) => (
        <Flex gap={8}>
          {r.redFlags ? (
            <span>
              <FlagFilled style={{ color: FLAG_COLORS.red }} /> {r.redFlags}
            </span>
          ) : null}
          {r.yellowFlags ? (
            <span>
              <FlagFilled style={{ color: FLAG_COLORS.yellow }} /> {r.yellowFlags}
            </span>
          ) : null}
        </Flex>
      ),
    },
    {
      title: t('comp.col.board'),
      dataIndex: 'board',
      width: 70,
      render: (bd: LeaderboardRow['board'], r) =>
        bd ? (
          <Tag color={bd === 'dragon' ? 'gold' : 'default'} data-testid={`board-${bd}-${r.contestantId}`}>
            {bd === 'dragon' ? t('comp.board.dragon') : t('comp.board.tiger')}
          </Tag>
        ) : null,
    },
  ];
  return (
    <div data-testid="leaderboard">
      <Typography.Paragraph type="secondary">{t('comp.board.through', { year: b.year, through: periodName(b.through, lang) })}</Typography.Paragraph>
      <Row gutter={[12, 12]}>
        {b.sequences.map((s) => (
          <Col key={s.key} xs={24} lg={b.sequences.length === 1 ? 24 : 12}>
            <Card size="small" title={s.name}>
              <Table<LeaderboardRow>
                size="small"
                rowKey="contestantId"
                pagination={false}
                dataSource={s.rows}
                columns={columns}
                onRow={(r) => ({ style: r.board ? BOARD_STYLE[r.board] : undefined })}
              />
            </Card>
          </Col>
        ))}
      </Row>
    </div>
  );
}
