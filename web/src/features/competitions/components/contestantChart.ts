import type { ChartOption } from '../../../components/charts/echarts';

export interface TrendPoint {
  label: string;
  score: number;
  rank: number | null;
}

/** Score (left axis) and rank (right axis, 1 on top) by period. */
export function trendOption(points: readonly TrendPoint[], words: { score: string; rank: string }): ChartOption {
  const maxRank = Math.max(1, ...points.map((p) => p.rank ?? 1));
  return {
    tooltip: { trigger: 'axis' },
    legend: { data: [words.score, words.rank], top: 0 },
    grid: { left: 48, right: 48, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: points.map((p) => p.label), boundaryGap: false },
    yAxis: [
      { type: 'value', name: words.score, scale: true },
      { type: 'value', name: words.rank, inverse: true, min: 1, max: Math.max(2, maxRank), minInterval: 1, splitLine: { show: false } },
    ],
    series: [
      { name: words.score, type: 'line', data: points.map((p) => p.score), symbolSize: 7, itemStyle: { color: '#1d5fbf' } },
      { name: words.rank, type: 'line', yAxisIndex: 1, data: points.map((p) => p.rank), symbolSize: 7, itemStyle: { color: '#fa8c16' }, lineStyle: { type: 'dashed' }, connectNulls: true },
    ],
  } as ChartOption;
}
