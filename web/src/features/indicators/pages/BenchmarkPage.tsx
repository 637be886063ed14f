import { lazy, Suspense } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Empty, Flex, Row as AntRow, Select, Skeleton, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { INDICATOR_RANK_BY, type Benchmark } from '@tiaodu/contracts';
import { errorText } from '../../../api/errors';
import { PageHeader } from '../../../components/PageHeader';
import { useNarrow } from '../../../hooks/useMedia';
import { useUrlParams } from '../../../hooks/useUrlParams';
import { useI18n } from '../../../i18n';
import { useCan, useCurrentUser } from '../../auth/hooks/useAuth';
import { indicatorKeys, indicatorsApi } from '../api/indicators';
import { IndicatorSelect, PeriodSelect, RankChangeText } from '../components/IndicatorPickers';
import { ExternalUnitsPanel, PeerGroupsPanel } from '../components/PeerGroups';
import { cadenceOf, periodName, formatFigure, formatPct, formatSigned, lastEndedPeriod, todayInChina } from '../components/figures';
import { pickIndicator, useIndicators } from '../hooks/useIndicators';

const BenchmarkCharts = lazy(() => import('../components/BenchmarkCharts').then((m) => ({ default: m.BenchmarkCharts })));

type Row = Benchmark['rows'][number];

/** 经济运行对标: a benchmark indicator's figures beside the peers' — rank, 增速, gaps to the average and the leader, rank change; two charts. */
export function BenchmarkPage() {
  const { t } = useI18n();
  const can = useCan();
  const [sp, update] = useUrlParams();
  const tab = sp.get('tab') ?? 'compare';
  const set = (patch: Record<string, string | number | null>) =>
    update((cur) => {
      for (const [k, v] of Object.entries(patch)) v == null ? cur.delete(k) : cur.set(k, String(v));
      return cur;
    });
  const manage = can('indicator:manage');
  return (
    <div>
      <PageHeader title={t('ind.bench.title')} sub={t('ind.bench.sub')} />
      {manage ? (
        <Tabs
          activeKey={tab}
          onChange={(k) => set({ tab: k === 'compare' ? null : k })}
          items={[
            { key: 'compare', label: t('ind.bench.compare'), children: <Compare /> },
            { key: 'groups', label: t('ind.bench.groups'), children: <PeerGroupsPanel /> },
            { key: 'external', label: t('ind.bench.externalUnits'), children: <ExternalUnitsPanel /> },
          ]}
        />
      ) : (
        <Compare />
      )}
    </div>
  );
}

function Compare() {
  const { t, lang, label } = useI18n();
  const narrow = useNarrow();
  const user = useCurrentUser();
  const [sp, update] = useUrlParams();
  const set = (patch: Record<string, string | number | null>) =>
    update((cur) => {
      for (const [k, v] of Object.entries(patch)) v == null ? cur.delete(k) : cur.set(k, String(v));
      return cur;
    });
  const indicators = useIndicators({ status: 'active', benchmark: true });
  const chooseUnit = user.scopeType === 'all' || user.scopeType === 'assigned';
  // a unit's own ranks first: the benchmark indicators it is judged by, each at its latest published period
  const summary = useQuery({ queryKey: indicatorKeys.summary, queryFn: indicatorsApi.summary, enabled: !chooseUnit, staleTime: 60_000 });
  const mine = summary.data?.items ?? [];
  const options = [...mine.flatMap((m) => indicators.data?.filter((i) => i.id === m.indicatorId) ?? []), ...(indicators.data ?? []).filter((i) => !mine.some((m) => m.indicatorId === i.id))];
  const indicator = pickIndicator(options, sp.get('indicatorId'));
  const askedPeriod = sp.get('period');
  const published = mine.find((m) => m.indicatorId === indicator?.id)?.period;
  const period = indicator ? (askedPeriod && cadenceOf(askedPeriod) === indicator.cadence ? askedPeriod : (published ?? lastEndedPeriod(indicator.cadence, todayInChina()))) : null;
  // no group asked: the server takes the unit's siblings, or its first peer group when it has none on the platform
  const asked = sp.get('group');
  const groups = useQuery({ queryKey: indicatorKeys.peerGroups, queryFn: indicatorsApi.peerGroups });
  const units = useQuery({ queryKey: indicatorKeys.units({ indicatorId: indicator?.id }), queryFn: () => indicatorsApi.units({ indicatorId: indicator!.id }), enabled: chooseUnit && !!indicator });
  // users without a unit of their own look from a unit they choose, the first of the indicator's by default (the county itself)
  const firstUnit = units.data?.[0];
  const unit = sp.get('unit') ?? (chooseUnit && firstUnit ? `${firstUnit.unitType}:${firstUnit.unitId}` : null);
  const q = {
    indicatorId: indicator?.id ?? 0,
    period: period ?? '',
    ...(asked ? { group: asked } : {}),
    ...(unit ? { unitType: unit.split(':')[0], unitId: unit.split(':').slice(1).join(':') } : {}),
  };
  const bench = useQuery({ queryKey: indicatorKeys.benchmark(q), queryFn: () => indicatorsApi.benchmark(q), enabled: !!indicator && !!period && (chooseUnit ? !units.isLoading : !summary.isLoading) });
  const b = bench.data;
  const decimals = b?.indicator.decimals ?? indicator?.decimals ?? 2;
  // gaps are in the ranking figure: percentage points for 增速 and completion, the indicator's unit for values
  const points = b?.rankBy === 'growth' || b?.rankBy === 'completion' || b?.indicator.unit === '%';

  const columns: ColumnsType<Row> = [
    { title: t('ind.col.rank'), dataIndex: 'rank', width: 56, align: 'center', render: (r: number | null, x) => <b data-testid={`bench-rank-${x.unitId}`}>{r ?? '—'}</b> },
    {
      title: t('ind.col.unitName'),
      dataIndex: 'unitName',
      width: 170,
      render: (v: string, x) => (
        <Space size={4} wrap>
          <span style={{ fontWeight: x.self ? 600 : undefined }}>{v}</span>
          {x.self ? <Tag color="orange">{chooseUnit ? t('ind.bench.centre') : t('ind.bench.self')}</Tag> : null}
          {x.external ? <Tag color="purple">{t('ind.bench.external')}</Tag> : null}
        </Space>
      ),
    },
    { title: b?.indicator.unit ? t('ind.col.valueIn', { unit: b.indicator.unit }) : t('ind.col.value'), dataIndex: 'value', width: 120, align: 'right', render: (v: number | null) => formatFigure(v, decimals) },
    { title: t('ind.col.growth'), dataIndex: 'growth', width: 90, align: 'right', render: (g: number | null) => <Typography.Text type={g != null && g < 0 ? 'danger' : undefined}>{formatPct(g)}</Typography.Text> },
    ...(b?.rankBy === 'completion' ? [{ title: t('ind.col.progress'), dataIndex: 'progress', width: 96, align: 'right' as const, render: (p: number | null) => formatPct(p) }] : []),
    { title: points ? t('ind.bench.gapAvgPoints') : t('ind.bench.gapAvg'), dataIndex: 'gapToAverage', width: 110, align: 'right', render: (g: number | null) => <Typography.Text type={g != null && g < 0 ? 'danger' : undefined}>{formatSigned(g, points ? 2 : decimals)}</Typography.Text> },
    { title: points ? t('ind.bench.gapLeaderPoints') : t('ind.bench.gapLeader'), dataIndex: 'gapToLeader', width: 110, align: 'right', render: (g: number | null) => formatSigned(g, points ? 2 : decimals) },
    { title: t('ind.col.rankChange'), dataIndex: 'rankChange', width: 80, align: 'center', render: (c: number | null, x) => <RankChangeText change={c} testId={`bench-change-${x.unitId}`} /> },
  ];

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Card size="small">
        <Flex gap={8} wrap align="center">
          <IndicatorSelect testId="bench-indicator" indicators={options} loading={indicators.isLoading} value={indicator?.id} onChange={(id) => set({ indicatorId: id, period: null })} width={200} />
          {indicator ? <PeriodSelect testId="bench-period" cadence={indicator.cadence} value={period} onChange={(p) => set({ period: p })} /> : null}
          <Select
            data-testid="bench-group"
            style={{ width: 220, maxWidth: '100%' }}
            value={asked ?? bench.data?.group.key ?? 'siblings'}
            onChange={(g) => set({ group: g })}
            options={[{ value: 'siblings', label: t('ind.bench.siblings') }, ...(groups.data ?? []).map((g) => ({ value: String(g.id), label: g.name }))]}
          />
          {chooseUnit ? (
            <Select
              data-testid="bench-unit"
              showSearch={{ optionFilterProp: 'label' }}
              style={{ width: 180, maxWidth: '100%' }}
              placeholder={t('ind.bench.pickUnit')}
              value={unit ?? undefined}
              onChange={(u) => set({ unit: u })}
              options={(units.data ?? []).map((u) => ({ value: `${u.unitType}:${u.unitId}`, label: u.unitName }))}
            />
          ) : null}
        </Flex>
      </Card>
      {bench.isError ? <Alert type="error" showIcon message={errorText(bench.error, lang)} /> : null}
      {!indicators.isLoading && !indicators.data?.length ? <Empty description={t('ind.bench.noIndicators')} /> : null}
      {b && !b.published ? <Alert type="warning" showIcon message={t('ind.bench.unpublished')} data-testid="bench-unpublished" /> : null}
      {b ? (
        <Flex gap={16} wrap align="center" data-testid="bench-summary">
          <Typography.Text>
            {t('ind.bench.groupIs', { name: b.group.name })} · {periodName(b.period, lang)} · {t('ind.values.rankedBy', { by: label(INDICATOR_RANK_BY, b.rankBy) })}
          </Typography.Text>
          {b.unit ? (
            <Typography.Text strong data-testid="bench-self-rank">
              {(() => {
                const self = b.rows.find((r) => r.self);
                const of = b.rows.filter((r) => r.rank != null).length;
                return self?.rank != null ? t('ind.bench.selfRank', { name: b.unit.unitName, rank: self.rank, of }) : t('ind.bench.selfUnranked', { name: b.unit.unitName });
              })()}
            </Typography.Text>
          ) : null}
        </Flex>
      ) : null}
      {narrow && b ? (
        <BenchCards b={b} decimals={decimals} points={points} selfTag={chooseUnit ? t('ind.bench.centre') : t('ind.bench.self')} />
      ) : (
      <Table<Row>
        rowKey={(r) => `${r.unitType}:${r.unitId}`}
        size="small"
        bordered
        data-testid="bench-table"
        loading={bench.isFetching}
        columns={columns}
        dataSource={b?.rows ?? []}
        pagination={false}
        scroll={{ x: 760 }}
        rowClassName={(r) => (r.self ? 'ind-row-self' : '')}
        onRow={(r) => ({ 'data-testid': `bench-row-${r.unitId}`, 'data-self': r.self ? 'true' : undefined }) as object}
        summary={() =>
          b ? (
            <Table.Summary.Row style={{ background: '#fafafa' }}>
              <Table.Summary.Cell index={0} colSpan={2}>
                <b>{t('ind.bench.average')}</b>
                {b.leader ? <Typography.Text type="secondary">{` · ${t('ind.values.leader')}：${b.leader.unitName}`}</Typography.Text> : null}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">
                {formatFigure(b.average.value, decimals)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="right">
                {formatPct(b.average.growth)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={4} colSpan={b.rankBy === 'completion' ? 4 : 3} />
            </Table.Summary.Row>
          ) : null
        }
        locale={{ emptyText: <Empty description={t('ind.values.none')} /> }}
      />
      )}
      {b && b.rows.length ? (
        <Suspense fallback={<Skeleton active />}>
          <BenchmarkCharts b={b} height={narrow ? 220 : 240} />
        </Suspense>
      ) : null}
    </Space>
  );
}

/** The comparison as cards on a phone: one per unit, the own unit marked. */
function BenchCards({ b, decimals, points, selfTag }: { b: Benchmark; decimals: number; points: boolean; selfTag: string }) {
  const { t } = useI18n();
  if (!b.rows.length) return <Empty description={t('ind.values.none')} />;
  const unit = b.indicator.unit;
  return (
    <Flex vertical gap={8} data-testid="bench-table">
      {b.rows.map((x) => (
        <Card
          key={`${x.unitType}:${x.unitId}`}
          size="small"
          data-testid={`bench-row-${x.unitId}`}
          data-self={x.self ? 'true' : undefined}
          style={x.self ? { borderColor: '#ffbb96', background: '#fff7e6' } : undefined}
          title={
            <Space size={6} wrap>
              <b data-testid={`bench-rank-${x.unitId}`}>{x.rank ?? '—'}</b>
              <span>{x.unitName}</span>
              {x.self ? <Tag color="orange">{selfTag}</Tag> : null}
              {x.external ? <Tag color="purple">{t('ind.bench.external')}</Tag> : null}
            </Space>
          }
          extra={<RankChangeText change={x.rankChange} testId={`bench-change-${x.unitId}`} />}
        >
          <AntRow gutter={[8, 4]}>
            <Col span={12}>{`${t('ind.col.value')}：${formatFigure(x.value, decimals)}${x.value != null ? unit : ''}`}</Col>
            <Col span={12}>
              {t('ind.col.growth')}：<Typography.Text type={x.growth != null && x.growth < 0 ? 'danger' : undefined}>{formatPct(x.growth)}</Typography.Text>
            </Col>
            {b.rankBy === 'completion' ? <Col span={24}>{`${t('ind.col.progress')}：${formatPct(x.progress)}`}</Col> : null}
            <Col span={12}>{`${t('ind.bench.gapAvgShort')}：${formatSigned(x.gapToAverage, points ? 2 : decimals)}`}</Col>
            <Col span={12}>{`${t('ind.bench.gapLeaderShort')}：${formatSigned(x.gapToLeader, points ? 2 : decimals)}`}</Col>
          </AntRow>
        </Card>
      ))}
      <Typography.Text type="secondary">{`${t('ind.bench.average')}：${formatFigure(b.average.value, decimals)}${unit} · ${t('ind.col.growth')} ${formatPct(b.average.growth)}`}</Typography.Text>
    </Flex>
  );
}
