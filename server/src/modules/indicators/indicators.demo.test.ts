import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoEnv } from '../../../test/helpers.js';

/** The demo county shows the indicator layer on first start (seeded on 2026-11-05). */
let env: Awaited<ReturnType<typeof createDemoEnv>>;
beforeAll(async () => {
  env = await createDemoEnv('2026-11-05T02:00:00Z');
}, 240_000);
afterAll(() => env?.close());

const byCode = async (a: Awaited<ReturnType<typeof env.login>>, code: string) => (await a.get('/api/indicators')).json().find((i: { code: string }) => i.code === code);

describe('demo indicators', () => {
  it('分水镇 owes October’s 农村户厕改造; the dispatcher sees who reported, who was returned, who is missing', async () => {
    const fenshui = await env.login('fenshui');
    const owed = (await fenshui.get('/api/indicator-values/owed')).json();
    expect(owed).toEqual([expect.objectContaining({ period: '2026-10', indicatorName: '农村户厕改造', unitName: '分水镇', status: 'missing' })]);
    const disp = await env.login('diaodu');
    const periods = (await disp.get('/api/indicator-periods')).json();
    expect(periods[0]).toMatchObject({ period: '2026-10', status: 'open', counts: { owed: 7, accepted: 4, returned: 1, submitted: 1, missing: 1 } });
  });
  it('the towns are ranked on September’s published figures; a town sees its peers’ ranks', async () => {
    const fenshui = await env.login('fenshui');
    const toilet = await byCode(fenshui, 'rural_toilet');
    const t = (await fenshui.get(`/api/indicator-values?indicatorId=${toilet.id}&period=2026-09`)).json();
    expect(t.published).toBe(true);
    expect(t.items).toHaveLength(7);
    expect(t.items.every((i: { rank: number | null }) => i.rank !== null)).toBe(true);
    const own = t.items.find((i: { unitName: string }) => i.unitName === '分水镇');
    expect(own.target).toBe(600);
    expect(t.items.filter((i: { target: number | null }) => i.target !== null)).toHaveLength(1);
    const summary = (await fenshui.get('/api/benchmarks/summary')).json();
    expect(summary.items[0]).toMatchObject({ indicatorName: '农村户厕改造', period: '2026-09', of: 7 });
  });
  it('桐庐县 among the Hangzhou peers on the five macro indicators', async () => {
    const leader = await env.login('xianzhang');
    const fai = await byCode(leader, 'fai');
    const groups = (await leader.get('/api/peer-groups')).json();
    const b = (await leader.get(`/api/benchmarks?indicatorId=${fai.id}&period=2026-10&group=${groups[0].id}&unitType=region&unitId=330122`)).json();
    expect(b.rows).toHaveLength(5);
    expect(b.rows.filter((r: { external: boolean }) => r.external)).toHaveLength(4);
    expect(b.rows.find((r: { self: boolean }) => r.self).unitName).toBe('桐庐县');
    expect(b.trend.length).toBeGreaterThan(5);
    const gdp = await byCode(leader, 'gdp');
    const q3 = (await leader.get(`/api/benchmarks?indicatorId=${gdp.id}&period=2026-Q3&group=${groups[0].id}&unitType=region&unitId=330122`)).json();
    expect(q3.rows.every((r: { growth: number | null }) => r.growth !== null)).toBe(true);
    // without a group, a county with no sibling on the platform is shown in its peer group
    const county = await env.login('xianzhang');
    const d = (await county.get(`/api/benchmarks?indicatorId=${fai.id}&period=2026-10`)).json();
    expect(d.group.name).toBe('杭州市各县（市、区）');
    expect(d.unit.unitName).toBe('桐庐县');
    const dash = (await county.get('/api/benchmarks/summary')).json();
    expect(dash.items.map((i: { indicatorName: string }) => i.indicatorName)).toEqual(expect.arrayContaining(['地区生产总值', '固定资产投资']));
    expect(dash.items.find((i: { indicatorName: string }) => i.indicatorName === '固定资产投资')).toMatchObject({ period: '2026-10', of: 5 });
  });
  it('computed indicators read the demo ledger', async () => {
    const disp = await env.login('diaodu');
    const rate = await byCode(disp, 'investment_rate');
    const t = (await disp.get(`/api/indicator-values?indicatorId=${rate.id}&period=2026-10&unitType=county`)).json();
    expect(t.items[0].unitName).toBe('桐庐县');
    expect(t.items[0].value).toBeGreaterThan(0);
    const towns = (await disp.get(`/api/indicator-values?indicatorId=${rate.id}&period=2026-10&unitType=town`)).json();
    expect(towns.items.filter((i: { value: number | null }) => i.value !== null).length).toBeGreaterThan(1);
  });
});
