import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoEnv } from '../../../test/helpers.js';

/** The demo county shows a closed tour with its results and an open one (seeded on 2026-11-05). */
let env: Awaited<ReturnType<typeof createDemoEnv>>;
beforeAll(async () => {
  env = await createDemoEnv('2026-11-05T02:00:00Z');
}, 240_000);
afterAll(() => env?.close());

describe('demo tours', () => {
  it('last quarter’s tour is closed with six projects of three towns, five judges and every sheet in', async () => {
    const disp = await env.login('diaodu');
    const list = (await disp.get('/api/tours')).json();
    expect(list.map((t: { name: string; status: string }) => [t.name, t.status])).toEqual([
      ['2026年第四季度重点项目现场观摩', 'open'],
      ['2026年第三季度重点项目现场观摩', 'closed'],
    ]);
    const past = list[1];
    expect(past).toMatchObject({ date: '2026-10-08', nominationCount: 6, method: 'trimmed', criteriaMax: 100 });
    expect(past.judges.map((j: { name: string }) => j.name)).toEqual(['郑县长', '孙副县长', '冯副县长', '赵督查', '吴资规']);
    expect((await disp.get(`/api/tours/${past.id}/scores`)).json()).toHaveLength(30);
    const res = (await disp.get(`/api/tours/${past.id}/results`)).json();
    expect(res.nominations).toHaveLength(6);
    expect(res.nominations.every((n: { judges: number; trimmed: boolean }) => n.judges === 5 && n.trimmed)).toBe(true);
    expect(res.nominations[0]).toMatchObject({ name: '横村针织产业数字化改造项目', rank: 1 });
    expect(res.regions.map((g: { regionName: string }) => g.regionName).sort()).toEqual(['分水镇', '横村镇', '瑶琳镇']);
    expect(res.regions.map((g: { rank: number }) => g.rank).sort()).toEqual([1, 2, 3]);
  });
  it('分水镇 sees its own projects’ results; the county head, a judge, sees his sheets', async () => {
    const town = await env.login('fenshui');
    const past = (await town.get('/api/tours')).json()[1];
    const res = (await town.get(`/api/tours/${past.id}/results`)).json();
    expect(res.nominations.map((n: { regionName: string }) => n.regionName)).toEqual(['分水镇', '分水镇']);
    expect(res.regions).toHaveLength(1);
    const head = await env.login('xianzhang');
    expect((await head.get(`/api/tours/${past.id}/scores`)).json()).toHaveLength(6);
  });
  it('this quarter’s tour is open a week from now: judges may not score yet', async () => {
    const head = await env.login('xianzhang');
    const next = (await head.get('/api/tours')).json()[0];
    expect(next).toMatchObject({ date: '2026-11-12', status: 'open', scoringOpen: false, scoringNote: '评分自观摩当日（2026-11-12）开始', abilities: { judge: true, score: false } });
    expect(next.nominationCount).toBe(2);
  });
});
