import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoEnv, type Agent } from '../../../test/helpers.js';

/** The demo county's 擂台赛 on 2026-12-07: January to November published, three quarters with flags, the first half. */
let env: Awaited<ReturnType<typeof createDemoEnv>>;
let disp: Agent, town: Agent;
beforeAll(async () => {
  env = await createDemoEnv('2026-12-07T02:00:00Z');
  disp = await env.login('diaodu');
  town = await env.login('fenshui');
}, 180_000);
afterAll(() => env.close());

describe('demo competition', () => {
  it('shows published months, quarters with red and yellow flags, the leaderboard and the flag history', async () => {
    const list = (await town.get('/api/competitions')).json();
    expect(list).toHaveLength(1);
    const c = list[0];
    const periods = c.periods.map((p: { period: string }) => p.period);
    expect(periods).toEqual(expect.arrayContaining(['2026-01', '2026-11', '2026-Q1', '2026-Q2', '2026-Q3', '2026-H1']));
    expect(c.periods.every((p: { status: string }) => p.status === 'published')).toBe(true);
    const q3 = (await town.get(`/api/competitions/${c.id}/periods/2026-Q3/results`)).json();
    expect(q3.sequences.map((s: { name: string }) => s.name)).toEqual(['乡镇（街道）', '园区']);
    const towns = q3.sequences[0].rows;
    expect(towns.filter((r: { flag: string }) => r.flag === 'red').length).toBeGreaterThanOrEqual(3);
    expect(towns.filter((r: { flag: string }) => r.flag === 'yellow').length).toBeGreaterThanOrEqual(1);
    expect(towns[0].explanation).toContain('红旗');
    const lb = (await town.get(`/api/competitions/${c.id}/leaderboard`)).json();
    expect(lb.through).toBe('2026-11');
    expect(lb.sequences[0].rows[0].board).toBe('dragon');
    const flags = (await town.get(`/api/competitions/${c.id}/flags`)).json();
    expect(flags.map((f: { period: string }) => f.period)).toEqual(expect.arrayContaining(['2026-Q1', '2026-Q2', '2026-Q3']));
    // the towns' 现场观摩 (closed four weeks before, in November) counts in November: 20 × its score of 100
    const nov = (await town.get(`/api/competitions/${c.id}/periods/2026-11/results`)).json();
    const judged = nov.sequences[0].rows.map((r: { name: string; items: Array<{ itemId: string; points: number; input: { value: number | null; text: string } }> }) => ({ name: r.name, item: r.items.find((i) => i.itemId === 'tour')! }));
    const toured = judged.filter((j: { item: { input: { value: number | null } } }) => j.item.input.value !== null);
    expect(toured.length).toBeGreaterThanOrEqual(2);
    for (const j of toured) expect(j.item.points).toBeCloseTo((20 * j.item.input.value) / 100, 2);
    expect(judged.find((j: { name: string }) => j.name === '桐君街道').item).toMatchObject({ points: 0 });
    const oct = (await town.get(`/api/competitions/${c.id}/periods/2026-10/results`)).json();
    expect(oct.sequences[0].rows.every((r: { items: Array<{ itemId: string; points: number }> }) => r.items.find((i) => i.itemId === 'tour')!.points === 0)).toBe(true);
    // the November bonus is there, with its reason
    const adj = (await disp.get(`/api/competitions/${c.id}/adjustments?period=2026-11`)).json();
    expect(adj[0]).toMatchObject({ points: 10, reason: '承办全市项目现场推进会' });
  });
});
