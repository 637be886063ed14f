import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, projectBody, type TestEnv } from '../../../test/helpers.js';
import { rebuildRollups } from './rollups.js';

// The dashboard's figures against DOMAIN.md §3, through the API. now: 2026-12-07
let env: TestEnv;
const ids: Record<string, number> = {};
const q = (s: string, p: unknown[] = []) => env.database.pool.query(s, p);

beforeAll(async () => {
  env = await createTestEnv({ now: '2026-12-07T02:00:00Z' });
  const disp = await env.login('disp');
  const mk = async (key: string, region: string) => {
    const r = await disp.post('/api/projects', projectBody(region, { name: key, totalInvestment: 5000, stage: 'construction', actualStart: '2025-03-01' }));
    expect(r.statusCode).toBe(201);
    ids[key] = r.json().id;
  };
  await mk('alone', '330127'); // alone in 淳安县
  await mk('town', '330122001');
  await mk('city', '330100'); // at the city itself (市本级)
  const plan = async (key: string, monthly: number[]) => {
    const sum = monthly.reduce((a, b) => a + Math.round(b * 100), 0) / 100;
    await q(`INSERT INTO annual_plans (project_id, year, category, planned_investment, monthly) VALUES ($1, 2026, 'continuing', $2, $3)`, [ids[key], sum, monthly]);
  };
  await plan('alone', [100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 0, 0]);
  await plan('town', [50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50.33]);
  await plan('city', [300, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  // 971.6 by the end of October: nine months of 97.16 and October's 97.16
  const vals = Array.from({ length: 10 }, (_, i) => `(${ids.alone}, 2026, ${i + 1}, 'accepted', 97.16)`).join(', ');
  await q(`INSERT INTO monthly_reports (project_id, year, month, status, investment) VALUES ${vals},
    (${ids.town}, 2026, 1, 'accepted', 40.5), (${ids.city}, 2026, 2, 'accepted', 123.45)`);
  await env.database.db.transaction((tx) => rebuildRollups(tx, 2026));
});
afterAll(async () => env?.close());

describe('dashboard figures, rounded once from exact values', () => {
  it('DOMAIN.md §3: 971.6 of a 1,000 plan at the end of October is 97.16%, 13.83 points ahead, shown 13.8', async () => {
    const d = (await (await env.login('disp')).get('/api/dashboard?year=2026&month=10&regionCode=330127')).json();
    expect(d.annualPlanned).toBe(1000);
    expect(d.completedYtd).toBe(971.6);
    expect(d.completionRate).toBe(97.16);
    expect(d.timeProgress).toBe(83.33);
    expect(d.deviation).toBe(13.83);
    expect(d.display).toEqual({ completionRate: '97.2', timeProgress: '83.3', deviation: '+13.8' });
  });

  it('序时进度 follows the active rule set: day of year (304/365 at the end of October)', async () => {
    const disp = await env.login('disp');
    const admin = await env.login('admin1');
    const sets = (await admin.get('/api/rule-sets')).json() as Array<{ id: number; name: string; active: boolean; config: { timeProgress: string } }>;
    const active = sets.find((s) => s.active)!;
    const r = await env.app.inject({
      method: 'PUT',
      url: `/api/rule-sets/${active.id}`,
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf },
      payload: { name: active.name, config: { ...active.config, timeProgress: 'day' } },
    });
    expect(r.statusCode).toBe(200);
    const d = (await disp.get('/api/dashboard?year=2026&month=10&regionCode=330127')).json();
    expect(d.timeProgressMethod).toBe('day');
    expect(d.timeProgress).toBe(83.29); // 304 / 365 = 83.287…%
    expect(d.deviation).toBe(13.87); // 97.16 − 83.2876… = 13.8724…
    expect(d.display.timeProgress).toBe('83.3');
    // the running month is measured at today: 7 December = day 341
    expect((await disp.get('/api/dashboard?year=2026&month=12&regionCode=330127')).json().timeProgress).toBe(93.42);
    await env.app.inject({ method: 'PUT', url: `/api/rule-sets/${active.id}`, headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf }, payload: { name: active.name, config: active.config } });
    expect((await disp.get('/api/dashboard?year=2026&month=10&regionCode=330127')).json().timeProgress).toBe(83.33);
  });

  it('the region rows, with 市本级, add up to the totals', async () => {
    const d = (await (await env.login('disp')).get('/api/dashboard?year=2026&month=10')).json();
    const rows = d.regions as Array<{ code: string; name: string; own: boolean; planned: number; completed: number }>;
    expect(rows.map((r) => [r.code, r.name, r.own])).toEqual([
      ['330122', '桐庐县', false],
      ['330127', '淳安县', false],
      ['330100', '市本级', true],
    ]);
    const sum = (k: 'planned' | 'completed') => rows.reduce((a, r) => a + Math.round(r[k] * 100), 0) / 100;
    expect(sum('planned')).toBe(d.annualPlanned);
    expect(sum('completed')).toBe(d.completedYtd);
    expect(d.completedYtd).toBe(1135.55); // 971.6 + 40.5 + 123.45
    expect(rows[2]).toMatchObject({ planned: 300, completed: 123.45, rate: 41.15 });
  });
});

describe('年度类别: the annual plan of the year is the one source', () => {
  it('a plan saved for the plan year sets the ledger category; the ledger cannot contradict it; dashboard and ledger agree', async () => {
    const disp = await env.login('disp');
    const r = await disp.post('/api/projects', projectBody('330127', { name: 'category', totalInvestment: 800, category: 'continuing', planYear: 2027 }));
    expect(r.statusCode, r.body).toBe(201);
    const id = r.json().id as number;
    const put = await env.app.inject({
      method: 'PUT',
      url: `/api/projects/${id}/plans/2027`,
      headers: { cookie: disp.cookie, 'x-csrf-token': disp.csrf },
      payload: { category: 'completion', plannedInvestment: 120, monthly: Array(12).fill(10) },
    });
    expect(put.statusCode, put.body).toBe(200);
    const p = (await disp.get(`/api/projects/${id}`)).json();
    expect(p.category).toBe('completion');
    const bad = await disp.patch(`/api/projects/${id}`, { category: 'new_start', version: p.version });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toBe('年度类别以2027年度计划为准，请在年度计划中修改');
    const d = (await disp.get('/api/dashboard?year=2027&month=1&regionCode=330127')).json();
    const ledger = (await disp.get('/api/projects?regionCode=330127&planYear=2027&pageSize=100')).json().items as Array<{ category: string }>;
    expect(d.byCategory.completion).toBe(ledger.filter((x) => x.category === 'completion').length);
  });
});
