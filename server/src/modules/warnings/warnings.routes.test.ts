import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentFor, createTestEnv, PASSWORD, projectBody, type TestEnv } from '../../../test/helpers.js';
import { onProjectDataChanged } from './hooks.js';

// now: 2026-06-15 (helpers default)
let env: TestEnv;
let pA: number; // county A, behind 序时
let pB: number; // county B, on time
const q = (s: string, p: unknown[] = []) => env.database.pool.query(s, p);

beforeAll(async () => {
  env = await createTestEnv();
  const disp = await env.login('disp');
  pA = (await disp.post('/api/projects', projectBody('330122001', { name: '甲县滞后项目', totalInvestment: 5000 }))).json().id;
  pB = (await disp.post('/api/projects', projectBody('330127', { name: '乙县正常项目', totalInvestment: 3000 }))).json().id;
  const monthly = Array(12).fill(100);
  await q(`INSERT INTO annual_plans (project_id, year, category, planned_investment, monthly) VALUES ($1, 2026, 'continuing', 1200, $2), ($3, 2026, 'continuing', 1200, $2)`, [pA, monthly, pB]);
  // A: 240 done to May = 20% vs 41.67% → 21.67 points behind → yellow; B: 500 → on time
  await q(`INSERT INTO monthly_reports (project_id, year, month, status, investment) VALUES ($1, 2026, 5, 'accepted', 240), ($2, 2026, 5, 'accepted', 500)`, [pA, pB]);
  await q(`UPDATE projects SET actual_start = '2026-01-10', stats_code = 'S' WHERE id IN ($1, $2)`, [pA, pB]);
});
afterAll(async () => env?.close());

describe('recompute and list', () => {
  it('401 without a session; 403 for a leader recomputing; 400 on a bad month', async () => {
    expect((await env.app.inject({ method: 'GET', url: '/api/warnings?year=2026&month=5' })).statusCode).toBe(401);
    expect((await (await env.login('leader1')).post('/api/warnings/recompute?year=2026&month=5')).statusCode).toBe(403);
    const disp = await env.login('disp');
    const bad = await disp.get('/api/warnings?year=2026&month=13');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('月份须在1到12之间');
    expect((await disp.post('/api/warnings/recompute?year=2026&month=7')).statusCode).toBe(400);
  });

  it('computes May for all and lists with counts', async () => {
    const disp = await env.login('disp');
    const r = await disp.post('/api/warnings/recompute?year=2026&month=5');
    expect(r.statusCode).toBe(200);
    expect(r.json().lights).toBe(10);
    const list = (await disp.get('/api/warnings?year=2026&month=5')).json();
    expect(list.total).toBe(2);
    expect(list.rows[0]).toMatchObject({ projectId: pA, worst: 'yellow' });
    expect(list.rows[0].lights.investment).toMatchObject({ light: 'yellow', value: -21.67 });
    expect(list.countsByLight).toEqual({ green: 1, yellow: 1, red: 0 });
    expect(list.countsByDimension.investment).toEqual({ green: 1, yellow: 1, red: 0 });
    const yellow = (await disp.get('/api/warnings?year=2026&month=5&dimension=investment&light=yellow')).json();
    expect(yellow.rows.map((x: { projectId: number }) => x.projectId)).toEqual([pA]);
    const audit = await q(`SELECT action FROM audit_events WHERE action = 'warning.recompute'`);
    expect(audit.rows.length).toBe(1);
  });

  it('scope: regionB sees no county-A project', async () => {
    const rb = await env.login('regionB');
    const list = (await rb.get('/api/warnings?year=2026&month=5')).json();
    expect(list.rows.map((x: { projectId: number }) => x.projectId)).toEqual([pB]);
    expect(list.countsByLight).toEqual({ green: 1, yellow: 0, red: 0 });
    expect((await rb.get(`/api/projects/${pA}/lights`)).statusCode).toBe(404);
    // lights from January (computed when the project was created) to the current month
    expect((await rb.get(`/api/projects/${pB}/lights`)).json().months.map((m: { month: number }) => m.month)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('the hook recomputes the month a change touches and every month after it, of the affected project only', async () => {
    const stamp = async () => (await q(`SELECT project_id, month, computed_at::text AS at FROM project_lights WHERE dimension = 'investment' ORDER BY 1, 2`)).rows;
    const before = await stamp();
    env.clock.set('2026-06-15T03:00:00Z');
    await env.database.db.transaction(async (tx) => {
      await tx.execute(`INSERT INTO monthly_reports (project_id, year, month, status, investment) VALUES (${pA}, 2026, 6, 'accepted', 400)` as never);
      await onProjectDataChanged(tx, env.ctx, [pA], 2026, 6);
    });
    env.clock.set('2026-06-15T02:00:00Z');
    const rows = (await q(`SELECT project_id, month, dimension, light, value FROM project_lights WHERE month = 6 AND dimension = 'investment' AND project_id = $1`, [pA])).rows;
    expect(rows).toEqual([{ project_id: pA, month: 6, dimension: 'investment', light: 'green', value: 3.33 }]);
    // months before the change, and other projects, are untouched
    const after = await stamp();
    const changed = after.filter((r, i) => r.at !== before[i]?.at).map((r) => [r.project_id, r.month]);
    expect(changed).toEqual([[pA, 6]]);
    expect((await q(`SELECT light FROM project_lights WHERE project_id = $1 AND month = 5 AND dimension = 'investment'`, [pA])).rows[0].light).toBe('yellow');
  });

  it('a revision of an older month recomputes its lights and the months after, without 重新计算', async () => {
    const disp = await env.login('disp');
    // March: 240 accepted to May puts pA 21.67 points behind; a March report of 300 more brings May to 45% (3.33 behind: green)
    await q(`INSERT INTO monthly_reports (project_id, year, month, status, investment) VALUES ($1, 2026, 3, 'accepted', 0)`, [pA]);
    expect((await disp.post('/api/report-windows', { year: 2026, month: 3, deadline: '2026-04-05' })).statusCode).toBe(201);
    const rev = await disp.post(`/api/reports/${pA}/2026/3/revise`, { investment: 300, reason: '补录3月完成投资' });
    expect(rev.statusCode, rev.body).toBe(200);
    const light = async (m: number) => (await q(`SELECT light, value FROM project_lights WHERE project_id = $1 AND year = 2026 AND month = $2 AND dimension = 'investment'`, [pA, m])).rows[0];
    expect(await light(3)).toEqual({ light: 'green', value: 0 }); // 300 of 1200 at March = 25% = 序时
    expect(await light(5)).toEqual({ light: 'green', value: 3.33 }); // 540 of 1200 = 45% vs 41.67%
    const list = (await disp.get('/api/warnings?year=2026&month=5')).json();
    expect(list.rows.find((r: { projectId: number }) => r.projectId === pA).lights.investment.light).toBe('green');
    await q(`DELETE FROM monthly_reports WHERE project_id = $1 AND month = 3`, [pA]);
    await q(`DELETE FROM report_windows WHERE year = 2026 AND month = 3`);
    await env.database.db.transaction((tx) => onProjectDataChanged(tx, env.ctx, [pA], 2026, 3));
    expect((await light(5)).light).toBe('yellow');
  });
});

describe('rule sets', () => {
  it('non-admin 403; admin lists the three shipped sets with 银川 active', async () => {
    expect((await (await env.login('disp')).get('/api/rule-sets')).statusCode).toBe(403);
    const admin = await env.login('admin1');
    const sets = (await admin.get('/api/rule-sets')).json();
    expect(sets.map((s: { code: string; active: boolean }) => [s.code, s.active])).toEqual([
      ['yinchuan', true],
      ['wuhan', false],
      ['sanya', false],
    ]);
  });

  it('PUT validates with Chinese messages, activation recomputes the current month', async () => {
    const admin = await env.login('admin1');
    const sets = (await admin.get('/api/rule-sets')).json();
    const put = (id: number, body: unknown) => env.app.inject({ method: 'PUT', url: `/api/rule-sets/${id}`, headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf }, payload: body as object });
    const bad = await put(sets[0].id, { name: '银川', config: { ...sets[0].config, investment: { mode: 'pointsBehind', yellowFrom: 30, redAbove: 10 } } });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('红灯阈值须不小于黄灯起点');
    const ok = await put(sets[0].id, { name: '银川（严格）', config: { ...sets[0].config, investment: { mode: 'pointsBehind', yellowFrom: 5, redAbove: 20 } } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().name).toBe('银川（严格）');
    // 武汉: pA in June 640/1200 = 53.3% vs 50% → green; make it behind first
    await q(`UPDATE monthly_reports SET investment = 100 WHERE project_id = $1 AND month = 6`, [pA]);
    const act = await admin.post(`/api/rule-sets/${sets[1].id}/activate`);
    expect(act.statusCode).toBe(200);
    expect(act.json().active).toBe(true);
    // 340/1200 = 28.3% < 60% of 50 = 30 → red under 武汉
    const l = (await q(`SELECT light FROM project_lights WHERE project_id = $1 AND year = 2026 AND month = 6 AND dimension = 'investment'`, [pA])).rows[0];
    expect(l.light).toBe('red');
    const audit = (await q(`SELECT action FROM audit_events WHERE action LIKE 'ruleset.%' ORDER BY id`)).rows.map((r) => r.action);
    expect(audit).toEqual(['ruleset.update', 'ruleset.activate']);
  });
});

describe('lights that move with the report window and with time', () => {
  it('opening a month lights the missing reports at once; the hourly job lights them when the deadline passes', async () => {
    let disp = await env.login('disp');
    const pC = (await disp.post('/api/projects', projectBody('330122001', { name: '甲县未报项目', totalInvestment: 2000, stage: 'construction' }))).json().id;
    await q(`INSERT INTO annual_plans (project_id, year, category, planned_investment, monthly) VALUES ($1, 2026, 'continuing', 1200, $2)`, [pC, Array(12).fill(100)]);
    const reportLight = async (month: number, id: number) =>
      (await disp.get(`/api/warnings?year=2026&month=${month}&pageSize=100`)).json().rows.find((r: { projectId: number }) => r.projectId === id)?.lights.report?.light;
    // May's window opens after its deadline (2026-06-05; today 2026-06-15): pC owes May's report
    expect((await disp.post('/api/report-windows', { year: 2026, month: 5, deadline: '2026-06-05' })).statusCode).toBe(201);
    expect(await reportLight(5, pC)).toBe('yellow');
    expect(await reportLight(5, pA)).toBe('green'); // reported
    // June's window: the deadline is still ahead
    expect((await disp.post('/api/report-windows', { year: 2026, month: 6, deadline: '2026-06-20' })).statusCode).toBe(201);
    expect(await reportLight(6, pC)).toBe('green');
    // nobody clicks; the deadline passes; the scheduled job recomputes
    env.clock.set('2026-06-21T02:00:00Z');
    // the old session expired while time passed: sign in again
    const relog = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'disp', password: PASSWORD } });
    disp = agentFor(env.app, `tiaodu_sid=${relog.cookies.find((c) => c.name === 'tiaodu_sid')!.value}`, relog.json().csrfToken);
    const run = await disp.post('/api/scheduler/run', { jobs: ['warnings.lights'], force: true });
    expect(run.statusCode).toBe(200);
    expect(run.json().runs[0]).toMatchObject({ job: 'warnings.lights', status: 'ok' });
    expect(await reportLight(6, pC)).not.toBe('green');
    // running it again changes nothing
    const before = (await q(`SELECT project_id, dimension, light, streak FROM project_lights WHERE year = 2026 AND month = 6 ORDER BY 1, 2`)).rows;
    await disp.post('/api/scheduler/run', { jobs: ['warnings.lights'], force: true });
    expect((await q(`SELECT project_id, dimension, light, streak FROM project_lights WHERE year = 2026 AND month = 6 ORDER BY 1, 2`)).rows).toEqual(before);
    env.clock.set('2026-06-15T02:00:00Z');
  });
});
