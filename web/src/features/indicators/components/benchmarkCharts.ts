/**
 * The charts of 经济运行对标, built from the benchmark API's answer by pure functions: 增速 by
 * unit (the own unit highlighted, the group's average as a line) and the own unit's rank over
 * the last periods (rank 1 at the top).
 */
import type { Benchmark } from '@tiaodu/contracts';
import type { ChartOption } from '../../../components/charts/echarts';
import { escapeHtml } from '../../../components/charts/html';
import { formatPct, periodName, plainFigure, shortPeriodLabel } from './figures';

export const SELF_COLOR = '#fa541c';
export const PEER_COLOR = '#69b1ff';
export const EXTERNAL_COLOR = '#b37feb';

export interface ChartWords {
  /** The name of what the bars show (增速, 完成率 or the value). */
  metric: string;
  growth: string;
  average: string;
  rank: string;
  /** "第{rank}名 / 共{of}个" */
  rankOf: (rank: number, of: number) => string;
  external: string;
  lang: 'zh' | 'en';
}

const tooltipBase = { confine: true, textStyle: { fontSize: 12 } } as const;

export type Metric = 'growth' | 'progress' | 'value';

/**
 * What the units are ranked by, drawn as bars: 增速, completion of the target, or the value; its
 * average as the API has it (for completion: a unit's completion minus its gap to the average).
 * Completion is drawn only when every ranked unit's is known, the values otherwise.
 */
export function metricOf(b: Benchmark): { key: Metric; average: number | null; pct: boolean } {
  if (b.rankBy === 'growth') return { key: 'growth', average: b.average.growth, pct: true };
  // completion, when every ranked unit's is known (a unit sees its peers' figures, not their targets: then the values)
  if (b.rankBy === 'completion' && b.rows.every((x) => x.rank == null || x.progress != null)) {
    const r = b.rows.find((x) => x.progress != null && x.gapToAverage != null);
    return { key: 'progress', average: r ? Math.round((r.progress! - r.gapToAverage!) * 100) / 100 : null, pct: true };
  }
  return { key: 'value', average: b.average.value, pct: b.indicator.unit === '%' };
}

/** The rows that have the figure drawn, best first as ranked (unranked ones are left out of the chart, not drawn as 0). */
export function growthRows(b: Benchmark): Benchmark['rows'] {
  const { key } = metricOf(b);
  return b.rows.filter((r) => r[key] != null).sort((a, c) => (a.rank ?? 1e9) - (c.rank ?? 1e9));
}

/** The ranking figure by unit (增速 for macro indicators): a bar per unit with a figure, the own unit in orange, external peers in purple, the average as a dashed line. */
export function growthBarOption(b: Benchmark, w: ChartWords): ChartOption {
  const rows = growthRows(b);
  const m = metricOf(b);
  const avg = m.average;
  const show = (v: number | null | undefined) => (m.pct ? formatPct(v) : plainFigure(v));
  return {
    animation: false,
    grid: { left: 4, right: 12, top: 24, bottom: 0, containLabel: true },
    tooltip: {
      ...tooltipBase,
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (raw: unknown) => {
        const i = ((Array.isArray(raw) ? raw[0] : raw) as { dataIndex: number }).dataIndex;
        const r = rows[i]!;
        return [`<b>${escapeHtml(r.unitName)}</b>${r.external ? ` (${escapeHtml(w.external)})` : ''}`, `${escapeHtml(w.metric)}：${show(r[m.key])}`, r.rank != null ? escapeHtml(w.rankOf(r.rank, b.rows.filter((x) => x.rank != null).length)) : ''].filter(Boolean).join('<br/>');
      },
    },
    xAxis: { type: 'category', data: rows.map((r) => r.unitName), axisLabel: { fontSize: 11, interval: 0, rotate: rows.length > 6 ? 30 : 0, width: 72, overflow: 'truncate' }, axisTick: { show: false } },
    yAxis: { type: 'value', axisLabel: { fontSize: 10, formatter: m.pct ? '{value}%' : '{value}' }, splitLine: { lineStyle: { color: '#f0f0f0' } } },
    series: [
      {
        name: w.metric,
        type: 'bar',
        barMaxWidth: 28,
        data: rows.map((r) => ({ value: r[m.key], itemStyle: { color: r.self ? SELF_COLOR : r.external ? EXTERNAL_COLOR : PEER_COLOR } })),
        label: { show: true, position: 'top', fontSize: 10, formatter: (p: { value: unknown }) => show(Number(p.value)) },
        markLine:
          avg == null
            ? undefined
            : {
                symbol: 'none',
                silent: true,
                lineStyle: { color: '#8c8c8c', type: 'dashed' },
                label: { formatter: `${w.average} ${show(avg)}`, position: 'insideEndTop', fontSize: 10 },
                data: [{ yAxis: avg }],
              },
      },
    ],
  };
}

/** The own unit's rank over the trend periods, rank 1 at the top; a period without a rank is a gap. */
export function rankTrendOption(b: Benchmark, w: ChartWords): ChartOption {
  const of = Math.max(1, ...b.trend.map((p) => p.of));
  return {
    animation: false,
    grid: { left: 4, right: 16, top: 16, bottom: 0, containLabel: true },
    tooltip: {
      ...tooltipBase,
      trigger: 'axis',
      formatter: (raw: unknown) => {
        const i = ((Array.isArray(raw) ? raw[0] : raw) as { dataIndex: number }).dataIndex;
        const p = b.trend[i]!;
        return [`<b>${escapeHtml(periodName(p.period, w.lang))}</b>`, p.rank == null ? '—' : escapeHtml(w.rankOf(p.rank, p.of)), `${escapeHtml(w.growth)}：${formatPct(p.growth)}`].join('<br/>');
      },
    },
    xAxis: { type: 'category', data: b.trend.map((p) => shortPeriodLabel(p.period, w.lang)), axisLabel: { fontSize: 10, hideOverlap: true }, boundaryGap: true },
    yAxis: { type: 'value', inverse: true, min: 1, max: of, minInterval: 1, axisLabel: { fontSize: 10 }, splitLine: { lineStyle: { color: '#f0f0f0' } } },
    series: [
      {
        name: w.rank,
        type: 'line',
        connectNulls: false,
        symbolSize: 7,
        data: b.trend.map((p) => p.rank),
        lineStyle: { color: SELF_COLOR, width: 2 },
        itemStyle: { color: SELF_COLOR },
        label: { show: true, position: 'top', fontSize: 10, formatter: (p: { value: unknown }) => (p.value == null ? '' : String(p.value)) },
      },
    ],
  };
}
