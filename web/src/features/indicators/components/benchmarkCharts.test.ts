import { describe, expect, it } from 'vitest';
import type { Benchmark } from '@tiaodu/contracts';
import { EXTERNAL_COLOR, growthBarOption, metricOf, PEER_COLOR, rankTrendOption, SELF_COLOR, type ChartWords } from './benchmarkCharts';

const row = (unitId: string, growth: number | null, rank: number | null, extra: Partial<Benchmark['rows'][number]> = {}): Benchmark['rows'][number] => ({
  unitType: 'region',
  unitId,
  unitName: `单位${unitId}`,
  external: false,
  self: false,
  value: 100,
  growth,
  progress: null,
  rank,
  rankChange: null,
  gapToAverage: null,
  gapToLeader: null,
  ...extra,
});

const bench = (over: Partial<Benchmark> = {}): Benchmark =>
  ({
    period: '2026-Q3',
    periodLabel: '2026年第三季度',
    group: { key: 'siblings', name: '本级同类' },
    unit: { unitType: 'region', unitId: 'b', unitName: '单位b' },
    rankBy: 'growth',
    rows: [row('a', 5.5, 2), row('b', 8.1, 1, { self: true }), row('c', null, null), row('x', -1.2, 3, { external: true, unitType: 'external' })],
    average: { value: 100, growth: 4.13 },
    leader: null,
    trend: [
      { period: '2026-Q1', rank: 3, value: 1, growth: 1, of: 3 },
      { period: '2026-Q2', rank: null, value: null, growth: null, of: 3 },
      { period: '2026-Q3', rank: 1, value: 1, growth: 8.1, of: 4 },
    ],
    published: true,
    ...over,
  }) as Benchmark;

const words: ChartWords = { metric: '增速', growth: '增速', average: '平均', rank: '位次', rankOf: (r, n) => `第${r}名/共${n}个`, external: '外部', lang: 'zh' };

describe('the benchmark charts', () => {
  it('draws 增速 best first, the own unit and external peers in their colours, the average as a line; a unit without a figure is left out', () => {
    const o = growthBarOption(bench(), words) as { xAxis: { data: string[] }; series: Array<{ data: Array<{ value: number; itemStyle: { color: string } }>; markLine?: { data: Array<{ yAxis: number }>; label: { formatter: string } } }> };
    expect(o.xAxis.data).toEqual(['单位b', '单位a', '单位x']);
    expect(o.series[0]!.data.map((d) => d.itemStyle.color)).toEqual([SELF_COLOR, PEER_COLOR, EXTERNAL_COLOR]);
    expect(o.series[0]!.markLine?.data).toEqual([{ yAxis: 4.13 }]);
    expect(o.series[0]!.markLine?.label.formatter).toBe('平均 4.13%');
    const none = growthBarOption(bench({ average: { value: null, growth: null } }), words) as { series: Array<{ markLine?: unknown }> };
    expect(none.series[0]!.markLine).toBeUndefined();
  });

  it('draws what the units are ranked by: completion of the target with the average the API measured the gaps from', () => {
    const rows = [row('a', null, 1, { progress: 90, gapToAverage: 5 }), row('b', null, 2, { progress: 80, gapToAverage: -5, self: true }), row('c', null, null)];
    const b = bench({ rankBy: 'completion', rows, average: { value: 100, growth: null } });
    expect(metricOf(b)).toEqual({ key: 'progress', average: 85, pct: true });
    const o = growthBarOption(b, { ...words, metric: '完成率' }) as { xAxis: { data: string[] }; series: Array<{ name: string; markLine?: { data: Array<{ yAxis: number }> } }> };
    expect(o.xAxis.data).toEqual(['单位a', '单位b']);
    expect(o.series[0]!.markLine?.data).toEqual([{ yAxis: 85 }]);
    expect(metricOf(bench({ rankBy: 'value', indicator: { unit: '个' } as Benchmark['indicator'] }))).toEqual({ key: 'value', average: 100, pct: false });
    // a town sees its peers' figures but not their completion: the values are drawn
    const peersHidden = bench({ rankBy: 'completion', rows: [row('a', null, 1), row('b', null, 2, { progress: 80, self: true })], indicator: { unit: '户' } as Benchmark['indicator'] });
    expect(metricOf(peersHidden).key).toBe('value');
  });

  it('draws the rank with 1 at the top and a gap where a period has no rank', () => {
    const o = rankTrendOption(bench(), words) as { yAxis: { inverse: boolean; min: number; max: number }; series: Array<{ data: Array<number | null> }> };
    expect(o.yAxis).toMatchObject({ inverse: true, min: 1, max: 4 });
    expect(o.series[0]!.data).toEqual([3, null, 1]);
  });
});
