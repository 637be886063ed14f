import { describe, expect, it } from 'vitest';
import type { DashboardDto } from '@tiaodu/contracts';
import { lightsOption, monthlyFromCumulative, planActualOption, rateOf, regionOption, stageFunnelOption } from './chartOptions';

const colors = { green: '#0f0', yellow: '#ff0', red: '#f00' };

function dto(): DashboardDto {
  const planned = [100, 250, 400, 600, 800, 1000, 1200, 1400, 1600, 1800, 2000, 2400];
  const actual = [90, 240, 380];
  return {
    year: 2026,
    month: 3,
    regionCode: null,
    source: 'rollups',
    projectCount: 5,
    byStage: { planning: 1, construction: 3, suspended: 1 },
    byCategory: { continuing: 5 },
    totalInvestment: 9000,
    annualPlanned: 2400,
    completedYtd: 380,
    pendingYtd: 0,
    completionRate: 15.83,
    timeProgress: 25,
    deviation: -9.17,
    timeProgressMethod: 'month',
    display: { completionRate: '15.8', timeProgress: '25.0', deviation: '-9.2' },
    series: planned.map((p, i) => ({ month: i + 1, planned: p, actual: actual[i] ?? null })),
    regions: [
      { code: '330122001', name: '桐君街道', own: false, planned: 1000, completed: 200, pending: 0, rate: 20 },
      { code: '330122002', name: '旧县街道', own: false, planned: 0, completed: 0, pending: 0, rate: null },
    ],
    lights: {
      investment: { green: 3, yellow: 1, red: 1 },
      start: { green: 5, yellow: 0, red: 0 },
      milestone: { green: 4, yellow: 0, red: 1 },
      report: { green: 2, yellow: 2, red: 1 },
      statistics: { green: 5, yellow: 0, red: 0 },
    },
    map: [],
    myProjects: null,
  };
}

const seriesOf = (o: ReturnType<typeof planActualOption>) => o.series as Array<{ name: string; data: unknown[] }>;

describe('dashboard charts', () => {
  it('month amounts from the cumulative series, stopping where the actual stops', () => {
    expect(monthlyFromCumulative([100, 250.5, 400, null])).toEqual([100, 150.5, 149.5, null]);
    expect(rateOf(380, 2400)).toBe(15.83);
    expect(rateOf(1, 800)).toBe(0.13); // 0.125 exactly, half away from zero
    expect(rateOf(1, 0)).toBeNull();
  });

  it('plan vs actual: completed bars up to the month, the plan and 序时进度 lines for the year', () => {
    const [done, plan, linear] = seriesOf(planActualOption(dto(), 'zh'));
    expect(done!.name).toBe('累计完成');
    expect(done!.data).toEqual([90, 240, 380, null, null, null, null, null, null, null, null, null]);
    expect(plan!.data).toEqual(dto().series.map((s) => s.planned));
    expect(linear!.data[2]).toBe(600); // 2400 × 3 ÷ 12
    expect(linear!.data[11]).toBe(2400);
  });

  it('stage funnel keeps the lifecycle order and leaves 停缓建/终止 out', () => {
    const data = (stageFunnelOption(dto(), 'zh').series as Array<{ data: Array<{ name: string; value: number; stage: string }> }>)[0]!.data;
    expect(data.map((x) => x.stage)).toEqual(['planning', 'reserve', 'preliminary', 'started', 'construction', 'completed', 'production', 'full_production']);
    expect(data.map((x) => x.value)).toEqual([1, 0, 0, 0, 3, 0, 0, 0]);
    expect(data[0]!.name).toBe('谋划');
  });

  it('regions: plan and completed per region, in the API order', () => {
    const o = regionOption(dto(), 'zh');
    expect((o.yAxis as { data: string[] }).data).toEqual(['桐君街道', '旧县街道']);
    const [plan, done] = o.series as Array<{ data: number[] }>;
    expect(plan!.data).toEqual([1000, 0]);
    expect(done!.data).toEqual([200, 0]);
  });

  it('lights: one stacked series per light with the API counts and the click target', () => {
    const s = lightsOption(dto(), 'zh', colors).series as Array<{ name: string; stack: string; itemStyle: { color: string }; data: Array<{ value: number; dimension: string; light: string }> }>;
    expect(s.map((x) => x.name)).toEqual(['绿灯', '黄灯', '红灯']);
    expect(s.map((x) => x.itemStyle.color)).toEqual(['#0f0', '#ff0', '#f00']);
    expect(s[1]!.data.map((x) => x.value)).toEqual([1, 0, 0, 2, 0]);
    expect(s[2]!.data[3]).toEqual({ value: 1, dimension: 'report', light: 'red' });
  });
});

describe('user text in chart tooltips', () => {
  it('region names are escaped, not taken for HTML', () => {
    const d = dto();
    d.regions = [{ code: '330122001', name: '<b>x</b><img src=x onerror=alert(1)>', own: false, planned: 1, completed: 0, pending: 0, rate: 0 }];
    const formatter = (regionOption(d, 'zh').tooltip as { formatter: (p: unknown) => string }).formatter;
    const html = formatter([{ dataIndex: 0 }]);
    expect(html).toContain('&lt;b&gt;x&lt;/b&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
  });
});
