import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, projectBody, type TestEnv } from '../../../test/helpers.js';
import { rebuildRollups, bumpRollups, projectContributions } from './rollups.js';

// now: 2026-06-15
let env: TestEnv;
const ids: Record<string, number> = {};
const q = (s: string, p: unknown[] = []) => env.database.pool.query(s, p);

beforeAll(async () => {
  env = await createTestEnv();
  const disp = await env.login('disp');
  const mk = async (key: string, region: string, over: Record<string, unknown> = {}) => {
    ids[key] = (await disp.post('/api/projects', projectBody(region, { name: key, lng: 119.69, lat: 29.79, ...over }))).json().id;
  };
  await mk('a1', '330122001', { totalInvestment: 5000.55 });
  await mk('a2', '330122102', { totalInvestment: 2000 });
  await mk('b1', '330127', { totalInvestment: 3000, responsibleDeptId: env.fx.deptB });
  const plans: Array<[string, number[]]> = [
    ['a1', [100.11, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100]],
    ['a2', [50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50.33]],
    ['b1', [999, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]],
  ];
  for (const [k, m] of plans) {
    const sum = Math.round(m.reduce((a, b) => a + b, 0) * 100) / 100;
    await q(`INSERT INTO annual_plans (project_id, year, category, planned_investment, monthly) VALUES ($1, 2026, 'continuing', $2, $3)`, [ids[k], sum, m]);
  }
  await q(
    `INSERT INTO monthly_reports (project_id, year, month, status, investment) VALUES
      ($1, 2026, 1, 'accepted', 80.07), ($1, 2026, 2, 'submitted', 120), ($1, 2026, 3, 'draft', 500),
      ($2, 2026, 1, 'accepted', 40.5), ($2, 2026, 2, 'returned', 70),
      ($3, 2026, 1, 'accepted', 777.77)`,
    [ids.a1, ids.a2, ids.b1],
  );
  await env.database.db.transaction((tx) => rebuildRollups(tx, 2026));
  await q(`INSERT INTO project_leaders (project_id, person_id) VALUES ($1, $2)`, [ids.a2, env.fx.people.leader1]);
  await disp.post('/api/warnings/recompute?year=2026&month=6');
});
afterAll(async () => env?.close());

async function rawTotals(regionPrefix: string) {
  const planned = (await q(`SELECT coalesce(sum(ap.planned_investment), 0)::text AS s FROM annual_plans ap JOIN projects p ON p.id = ap.project_id WHERE ap.year = 2026 AND p.region_code LIKE $1 AND p.deleted_at IS NULL`, [regionPrefix + '%'])).rows[0].s;
  const done = (await q(`SELECT coalesce(sum(r.investment), 0)::text AS s FROM monthly_reports r JOIN projects p ON p.id = r.project_id WHERE r.year = 2026 AND r.month <= 6 AND r.status = 'accepted' AND p.region_code LIKE $1`, [regionPrefix + '%'])).rows[0].s;
  const pending = (await q(`SELECT coalesce(sum(r.investment), 0)::text AS s FROM monthly_reports r JOIN projects p ON p.id = r.project_id WHERE r.year = 2026 AND r.month <= 6 AND r.status = 'submitted' AND p.region_code LIKE $1`, [regionPrefix + '%'])).rows[0].s;
  return { planned: Number(planned), done: Number(done), pending: Number(pending) };
}

describe('GET /api/dashboard', () => {
  it('401, 400', async () => {
    expect((await env.app.inject({ method: 'GET', url: '/api/dashboard' })).statusCode).toBe(401);
    const r = await (await env.login('disp')).get('/api/dashboard?month=0');
    expect(r.statusCode).toBe(400);
    expect(r.body).toContain('月份须在1到12之间');
    // default: the last complete month
    expect((await (await env.login('disp')).get('/api/dashboard')).json()).toMatchObject({ year: 2026, month: 5 });
  });

  it('totals equal the sums of the raw tables, and a rebuild agrees with maintained roll-ups', async () => {
    const d = (await (await env.login('disp')).get('/api/dashboard?year=2026&month=6')).json();
    const raw = await rawTotals('33');
    expect(d.source).toBe('rollups');
    expect(d.annualPlanned).toBe(raw.planned);
    expect(d.completedYtd).toBe(raw.done);
    expect(d.completedYtd).toBe(898.34); // accepted: 80.07 + 40.5 + 777.77
    expect(d.pendingYtd).toBe(raw.pending);
    expect(d.pendingYtd).toBe(120); // submitted, awaiting review: shown apart
    expect(d.projectCount).toBe(3);
    expect(d.totalInvestment).toBe(10000.55);
    expect(d.series[11].planned).toBe(raw.planned);
    expect(d.series[5].actual).toBe(raw.done);
    const sum = (k: 'planned' | 'completed' | 'pending') => d.regions.reduce((a: number, r: Record<string, number>) => a + Math.round(r[k]! * 100), 0) / 100;
    expect([sum('planned'), sum('completed'), sum('pending')]).toEqual([d.annualPlanned, d.completedYtd, d.pendingYtd]);
    expect(d.series[6].actual).toBeNull();
    expect(d.timeProgress).toBe(50);
    // 898.34 of 2,799.44 = 32.0900…%, 17.9099… points behind 50%: two decimals, rounded once
    expect(d.completionRate).toBe(32.09);
    expect(d.deviation).toBe(-17.91);
    expect(d.display).toEqual({ completionRate: '32.1', timeProgress: '50.0', deviation: '-17.9' });
    // maintained (bump) vs rebuilt
    const before = (await q('SELECT * FROM monthly_rollups WHERE year = 2026 ORDER BY 1,2,3,4')).rows;
    await env.database.db.transaction(async (tx) => {
      await tx.execute('DELETE FROM monthly_rollups' as never);
      await bumpRollups(tx, await projectContributions(tx, Object.values(ids), 2026));
    });
    const bumped = (await q('SELECT * FROM monthly_rollups WHERE year = 2026 ORDER BY 1,2,3,4')).rows;
    expect(bumped).toEqual(before);
  });

  it('scope: regionB sees only county B, no county-A project or amount', async () => {
    const rb = await env.login('regionB');
    const d = (await rb.get('/api/dashboard?year=2026&month=6')).json();
    const raw = await rawTotals('330127');
    expect(d.projectCount).toBe(1);
    expect(d.annualPlanned).toBe(raw.planned);
    expect(d.completedYtd).toBe(777.77);
    expect(d.totalInvestment).toBe(3000);
    expect(d.map.map((m: { id: number }) => m.id)).toEqual([ids.b1]);
    expect(JSON.stringify(d)).not.toContain('a1');
    expect((await rb.get('/api/dashboard?year=2026&month=6&regionCode=330122')).statusCode).toBe(403);
  });

  it('county A: region comparison of its towns; direct computation agrees with roll-ups', async () => {
    const ra = (await (await env.login('regionA')).get('/api/dashboard?year=2026&month=6')).json();
    expect(ra.completedYtd).toBe(120.57);
    expect(ra.pendingYtd).toBe(120);
    expect(ra.regions.map((r: { code: string; completed: number; pending: number }) => [r.code, r.completed, r.pending])).toEqual([
      ['330122001', 80.07, 120],
      ['330122102', 40.5, 0],
    ]);
    const leader = (await (await env.login('leader1')).get('/api/dashboard?year=2026&month=6')).json();
    expect(leader.source).toBe('direct');
    expect(leader.completedYtd).toBe(40.5);
    expect(leader.annualPlanned).toBe(600.33);
    expect(leader.myProjects).toEqual([expect.objectContaining({ id: ids.a2, planned: 600.33, completed: 40.5, pending: 0, rate: 6.75 })]);
  });
});

describe('cached answers follow every write', () => {
  it('a report submitted through the API shows at once on the dashboard and in the warning list', async () => {
    const disp = await env.login('disp');
    const unit = await env.login('unitA');
    const before = (await disp.get('/api/dashboard?year=2026&month=5')).json();
    // asked twice without a write in between: the same answer (served from the cache)
    expect((await disp.get('/api/dashboard?year=2026&month=5')).json()).toEqual(before);
    const pid = (await disp.post('/api/projects', projectBody('330122001', { name: '缓存核对项目', ownerEnterpriseId: env.fx.entA, totalInvestment: 900, stage: 'construction' }))).json().id;
    expect((await disp.get('/api/dashboard?year=2026&month=5')).json().projectCount).toBe(before.projectCount + 1);
    const warningsOf = async (month: number) =>
      (await disp.get(`/api/warnings?year=2026&month=${month}&page=1&pageSize=100`)).json().rows.find((r: { projectId: number }) => r.projectId === pid);
    // a project created today has its lights of every month of the year so far
    expect((await warningsOf(6))?.lights.investment).toBeDefined();
    expect((await warningsOf(1))?.lights.investment).toBeDefined();
    expect((await disp.post('/api/report-windows', { year: 2026, month: 5, deadline: '2026-06-05' })).statusCode).toBe(201);
    const put = await env.app.inject({ method: 'PUT', url: `/api/reports/${pid}/2026/5`, headers: { cookie: unit.cookie, 'x-csrf-token': unit.csrf }, payload: { investment: 123.45, progressText: '桩基施工' } });
    expect(put.statusCode).toBe(200);
    // a draft does not count
    expect((await disp.get('/api/dashboard?year=2026&month=5')).json().completedYtd).toBe(before.completedYtd);
    expect((await unit.post(`/api/reports/${pid}/2026/5/submit`, {})).statusCode).toBe(200);
    // submitted: shown apart as 待审核, not in 年初至今累计
    const submitted = (await disp.get('/api/dashboard?year=2026&month=5')).json();
    expect(submitted.completedYtd).toBe(before.completedYtd);
    expect(Math.round((submitted.pendingYtd - before.pendingYtd) * 100) / 100).toBe(123.45);
    expect((await disp.post(`/api/reports/${pid}/2026/5/accept`, {})).statusCode).toBe(200);
    const after = (await disp.get('/api/dashboard?year=2026&month=5')).json();
    expect(Math.round((after.completedYtd - before.completedYtd) * 100) / 100).toBe(123.45);
    expect(after.pendingYtd).toBe(before.pendingYtd);
    // the report's change recomputed the project's lights of May and June
    expect((await warningsOf(5))?.lights.report?.light).toBe('green');
  });
});
