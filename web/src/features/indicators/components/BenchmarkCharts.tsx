import { useMemo } from 'react';
import { Col, Empty, Row } from 'antd';
import type { Benchmark } from '@tiaodu/contracts';
import { EChart } from '../../../components/charts/EChart';
import { DashCard } from '../../dashboard/components/DashCard';
import { useI18n } from '../../../i18n';
import { growthBarOption, growthRows, metricOf, rankTrendOption, type ChartWords } from './benchmarkCharts';

/** The two charts of the benchmark page (loaded on their own: ECharts is large). */
export function BenchmarkCharts({ b, height }: { b: Benchmark; height: number }) {
  const { t, lang } = useI18n();
  const metric = metricOf(b).key;
  const title = metric === 'growth' ? t('ind.bench.growthChart') : metric === 'progress' ? t('ind.bench.progressChart') : t('ind.bench.valueChart');
  const words: ChartWords = useMemo(
    () => ({ metric: metric === 'growth' ? t('ind.col.growth') : metric === 'progress' ? t('ind.col.progress') : t('ind.col.value'), growth: t('ind.col.growth'), average: t('ind.bench.average'), rank: t('ind.col.rank'), rankOf: (rank, of) => t('ind.bench.rankOf', { rank, of }), external: t('ind.bench.external'), lang }),
    [t, metric, lang],
  );
  const bars = useMemo(() => growthBarOption(b, words), [b, words]);
  const trend = useMemo(() => rankTrendOption(b, words), [b, words]);
  const empty = (text: string) => <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text} style={{ height, margin: 0, paddingTop: height / 4 }} />;
  return (
    <Row gutter={[12, 12]}>
      <Col xs={24} lg={14}>
        <DashCard title={title} testId="bench-growth-chart">
          {growthRows(b).length ? <EChart option={bars} height={height} ariaLabel={title} /> : empty(t('ind.bench.noFigures'))}
        </DashCard>
      </Col>
      <Col xs={24} lg={10}>
        <DashCard title={t('ind.bench.rankChart', { name: b.unit?.unitName ?? '' })} testId="bench-rank-chart">
          {b.unit && b.trend.some((p) => p.rank != null) ? <EChart option={trend} height={height} ariaLabel={t('ind.bench.rankChart', { name: b.unit.unitName })} /> : empty(t('ind.bench.noTrend'))}
        </DashCard>
      </Col>
    </Row>
  );
}
