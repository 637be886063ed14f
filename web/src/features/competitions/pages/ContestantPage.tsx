import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Empty, Flex, Result, Row, Skeleton, Table, Typography } from 'antd';
import type { Adjustment } from '@tiaodu/contracts';
import { Link, useParams } from 'react-router';
import { EChart } from '../../../components/charts/EChart';
import { errorText } from '../../../api/errors';
import { PageHeader } from '../../../components/PageHeader';
import { useI18n } from '../../../i18n';
import { periodName, shortPeriodLabel } from '../../indicators/components/figures';
import { competitionKeys, competitionsApi, type HistoryRow } from '../api/competitions';
import { trendOption } from '../components/contestantChart';
import { EvidenceLinks } from '../components/AdjustmentsPanel';
import { FlagMark, formatPoints, InterviewTag, ListTag, RankChangeText, ResultStatusTag } from '../components/Marks';
import { byPeriod } from '../components/periods';
import { ItemsTable } from '../components/SequenceTables';
import { useCompetition } from '../hooks/useCompetitions';

/** One contestant of a competition: score and rank by period, the latest period's items, its flags and its bonus / penalty entries. */
export function ContestantPage() {
  const { t, lang } = useI18n();
  const params = useParams();
  const id = Number(params.id);
  const contestantId = params.contestantId ?? '';
  const comp = useCompetition(id);
  const q = useQuery({ queryKey: competitionKeys.contestant(id, contestantId), queryFn: () => competitionsApi.contestant(id, contestantId) });
  const h = q.data;
  // the competition's own cadence for the line (a monthly competition's quarters would double the points)
  const rows = useMemo(() => [...(h?.rows ?? [])].sort((a, b) => byPeriod(a.period, b.period)), [h]);
  const cadence = comp.data?.cadence;
  const line = rows.filter((r) => !cadence || (cadence === 'month' ? /^\d{4}-\d{2}$/.test(r.period) : /-Q\d$/.test(r.period)));
  const option = useMemo(
    () => trendOption(line.map((r) => ({ label: shortPeriodLabel(r.period, lang), score: r.score, rank: r.rank })), { score: t('comp.col.score'), rank: t('comp.col.rank') }),
    [line, lang, t],
  );
  if (q.isPending) return <Skeleton active />;
  if (q.error || !h) return <Result status="404" subTitle={q.error ? errorText(q.error, lang) : ''} extra={<Link to={`/competitions/${id}`}>{t('common.back')}</Link>} />;
  const latest = rows.at(-1);
  const flagged = [...rows].reverse().filter((r) => r.flag || r.list || r.interview);
  return (
    <div>
      <PageHeader
        title={<span data-testid="contestant-title">{h.name}</span>}
        sub={`${comp.data?.name ?? ''} · ${h.sequence}`}
        extra={
          <Link to={`/competitions/${id}`}>
            <Button>{t('common.back')}</Button>
          </Link>
        }
      />
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={14}>
          <Card size="small" title={t('comp.contestant.trend')}>
            {line.length ? <EChart option={option} height={280} ariaLabel={t('comp.contestant.trend')} testId="contestant-chart" /> : <Empty description={t('comp.contestant.noRows')} />}
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card
            size="small"
            title={latest ? t('comp.contestant.latest', { period: periodName(latest.period, lang) }) : t('comp.contestant.latestNone')}
            extra={latest ? <ResultStatusTag status={latest.status} /> : null}
          >
            {latest ? (
              <>
                <Flex gap={12} align="center" wrap style={{ marginBottom: 8 }}>
                  <span>
                    {t('comp.col.score')} <b data-testid="contestant-score">{formatPoints(latest.score)}</b>
                  </span>
                  <span>
                    {t('comp.col.rank')} <b>{latest.rank ?? '—'}</b> <RankChangeText change={latest.rankChange} />
                  </span>
                  <FlagMark flag={latest.flag} />
                  <ListTag list={latest.list} />
                  <InterviewTag on={latest.interview} />
                </Flex>
                <ItemsTable items={latest.items} testId="contestant-items" />
                {latest.explanation ? <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>{latest.explanation}</Typography.Paragraph> : null}
              </>
            ) : (
              <Empty />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('comp.contestant.flags')}>
            <Table<HistoryRow>
              size="small"
              rowKey="period"
              pagination={false}
              dataSource={flagged}
              locale={{ emptyText: t('comp.contestant.noFlags') }}
              columns={[
                { title: t('comp.col.period'), dataIndex: 'period', render: (p: string) => periodName(p, lang) },
                { title: t('comp.col.rank'), dataIndex: 'rank', width: 60, align: 'center', render: (x: number | null) => x ?? '—' },
                {
                  title: t('comp.col.marks'),
                  key: 'm',
                  render: (_, r) => (
                    <Flex gap={4} align="center">
                      <FlagMark flag={r.flag} />
                      <ListTag list={r.list} />
                      <InterviewTag on={r.interview} />
                    </Flex>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('comp.contestant.adjustments')}>
            {h.adjustments.length ? null : <Alert type="info" message={t('comp.adj.noneAll')} />}
            {h.adjustments.length ? (
              <Table<Adjustment>
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={h.adjustments}
                columns={[
                  { title: t('comp.col.period'), dataIndex: 'period', width: 110, render: (p: string) => periodName(p, lang) },
                  { title: t('comp.col.points'), dataIndex: 'points', width: 64, align: 'right', render: (p: number) => <Typography.Text type={p < 0 ? 'danger' : 'success'}>{formatPoints(p, true)}</Typography.Text> },
                  { title: t('comp.col.reason'), dataIndex: 'reason' },
                  { title: t('comp.col.evidence'), key: 'f', width: 150, render: (_, a) => <EvidenceLinks competitionId={id} a={a} /> },
                ]}
              />
            ) : null}
          </Card>
        </Col>
      </Row>
    </div>
  );
}
