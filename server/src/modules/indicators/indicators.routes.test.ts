import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestEnv, projectBody, type Agent, type TestEnv } from '../../../test/helpers.js';
import { indicatorValues } from './indicators.schema.js';
import { refreshStale } from './indicators.compute.js';
import { remindOwed } from './indicators.service.js';
import { notifications } from '../../db/schema.js';

/**
 * The indicator layer through the API on the two-county fixture (桐庐: towns 桐君, 横村; 淳安),
 * on 2026-11-05 (China): 序时 of October = 83.33%.
 */
let env: TestEnv;
let admin: Agent, disp: Agent, town1: Agent, town2: Agent, countyA: Agent, countyB: Agent, dept: Agent, unit: Agent, leader: Agent;
let toilet: number; // reported, monthly, towns
const put = (a: Agent, url: string, payload: unknown) => env.app.inject({ method: 'PUT', url, headers: { cookie: a.cookie, 'x-csrf-token': a.csrf }, payload: payload as object });
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');

beforeAll(async () => {
  env = await createTestEnv({ now: '2026-11-05T02:00:00Z' });
  [admin, disp, town1, countyA, countyB, dept, unit, leader] = (await Promise.all(['admin1', 'disp', 'townA1', 'regionA', 'regionB', 'deptA', 'unitA', 'leader1'].map((u) => env.login(u)))) as Agent[] as [Agent, Agent, Agent, Agent, Agent, Agent, Agent, Agent];
  // a second town login (横村镇)
  const res = await admin.post('/api/users', { username: 'town2', displayName: '横村', role: 'region', scopeType: 'region', regionCode: env.fx.townA2, password: 'Test@2026ok' });
  expect(res.statusCode, res.body).toBe(201);
  await env.ctx.db.execute(sql`UPDATE users SET must_change_password = false`);
  town2 = await env.login('town2');
});
afterAll(() => env.close());

describe('the catalogue', () => {
  it('ships the standard indicators: project figures computed, five macro indicators imported', async () => {
    const res = await disp.get('/api/indicators');
    expect(res.statusCode).toBe(200);
    const codes = res.json().map((i: { code: string }) => i.code);
    expect(codes).toEqual(expect.arrayContaining(['start_rate', 'investment_rate', 'completion_rate', 'production_rate', 'reserve_conversion_rate', 'investment_intensity', 'gdp', 'fai', 'industry_va', 'retail', 'budget_revenue']));
    const gdp = res.json().find((i: { code: string }) => i.code === 'gdp');
    expect(gdp).toMatchObject({ source: 'imported', cadence: 'quarter', rankBy: 'growth', benchmark: true, builtin: true });
    const f = await disp.get('/api/indicators/formulas');
    expect(f.json().find((x: { value: string }) => x.value === 'reserveConversionRate').definition).toContain('储备转化率');
  });
  it('only the admin defines indicators; bad input gets Chinese reasons', async () => {
    const body = { code: 'rural_toilet', name: '农村户厕改造', unit: '户', decimals: 0, cadence: 'month', source: 'reported', appliesTo: ['town'], rankBy: 'completion', benchmark: true };
    expect((await disp.post('/api/indicators', body)).statusCode).toBe(403);
    expect((await town1.post('/api/indicators', body)).statusCode).toBe(403);
    const created = await admin.post('/api/indicators', body);
    expect(created.statusCode, created.body).toBe(201);
    toilet = created.json().id;
    expect(created.json()).toMatchObject({ accumulation: 'cumulative', direction: 'higher', status: 'active', inUse: false });
    const dup = await admin.post('/api/indicators', { ...body, code: 'RURAL_TOILET' });
    expect(dup.statusCode).toBe(409);
    const noFormula = await admin.post('/api/indicators', { ...body, code: 'x1', source: 'computed' });
    expect(noFormula.statusCode).toBe(400);
    expect(noFormula.json().error.details[0].message).toBe('系统计算的指标须选择计算公式');
    const wrongSubject = await admin.post('/api/indicators', { ...body, code: 'x2', source: 'computed', formula: 'problemsOnTimeRate' });
    expect(wrongSubject.statusCode).toBe(400);
    expect(wrongSubject.json().error.message).toContain('问题按时办结率');
  });
  it('a standard indicator is retired, never deleted', async () => {
    const list = (await admin.get('/api/indicators')).json();
    const gdp = list.find((i: { code: string }) => i.code === 'gdp');
    expect((await admin.delete(`/api/indicators/${gdp.id}`)).statusCode).toBe(409);
    const retired = await admin.patch(`/api/indicators/${gdp.id}`, { status: 'retired' });
    expect(retired.json().status).toBe('retired');
    expect((await admin.get('/api/indicators')).json().some((i: { code: string }) => i.code === 'gdp')).toBe(false);
    expect((await admin.get('/api/indicators?status=all')).json().some((i: { code: string }) => i.code === 'gdp')).toBe(true);
    await admin.patch(`/api/indicators/${gdp.id}`, { status: 'active' });
  });
});

describe('targets', () => {
  it('the dispatcher sets each town’s year target in the grid; numbers as typed, full-width too', async () => {
    const grid = await disp.get(`/api/targets?year=2026&indicatorId=${toilet}`);
    expect(grid.statusCode).toBe(200);
    expect(grid.json().rows.map((r: { unitName: string }) => r.unitName)).toEqual(['桐君街道', '横村镇']);
    expect(grid.json().breakdownSize).toBe(12);
    const res = await put(disp, '/api/targets', { year: 2026, indicatorId: toilet, rows: [{ unitType: 'region', unitId: env.fx.townA1, target: '１２００' }, { unitType: 'region', unitId: env.fx.townA2, target: 600, baseline: '480' }] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().rows.map((r: { target: number }) => r.target)).toEqual([1200, 600]);
  });
  it('refuses a decimal comma, a breakdown of the wrong length and units outside the indicator, changing nothing', async () => {
    const bad = await put(disp, '/api/targets', { year: 2026, indicatorId: toilet, rows: [{ unitType: 'region', unitId: env.fx.townA1, target: '12,5' }, { unitType: 'region', unitId: env.fx.townA2, target: 1, breakdown: [1, 2] }, { unitType: 'region', unitId: env.fx.countyB, target: 3 }] });
    expect(bad.statusCode).toBe(400);
    const msgs = bad.json().error.details.map((d: { message: string }) => d.message).join('；');
    expect(msgs).toContain('逗号');
    expect(msgs).toContain('分解应有12期');
    expect(msgs).toContain('不适用于该指标');
    expect((await disp.get(`/api/targets?year=2026&indicatorId=${toilet}`)).json().rows[0].target).toBe(1200);
  });
  it('takes year and indicator from the query too, and a unit by its id alone', async () => {
    const res = await put(disp, `/api/targets?year=2026&indicatorId=${toilet}`, { rows: [{ unitId: env.fx.townA2, target: 600, baseline: '480' }] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().rows.find((r: { unitName: string }) => r.unitName === '横村镇')).toMatchObject({ target: 600, baseline: 480 });
    expect((await put(disp, '/api/targets', { rows: [] })).statusCode).toBe(400);
  });
  it('a town cannot set targets', async () => {
    expect((await put(town1, '/api/targets', { year: 2026, indicatorId: toilet, rows: [] })).statusCode).toBe(403);
  });
});

describe('reporting and review', () => {
  let periodId: number;
  let valueId: number;
  it('a period opens for reported indicators of its cadence only', async () => {
    const wrong = await disp.post('/api/indicator-periods', { period: '2026-Q3', indicatorIds: [toilet], deadline: '2026-11-08' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.message).toContain('期别应为2026-11形式');
    const computed = (await disp.get('/api/indicators')).json().find((i: { code: string }) => i.code === 'start_rate');
    expect((await disp.post('/api/indicator-periods', { period: '2026-10', indicatorIds: [computed.id], deadline: '2026-11-08' })).json().error.message).toContain('不由单位填报');
    const res = await disp.post('/api/indicator-periods', { period: '2026-10', indicatorIds: [toilet], deadline: '2026-11-08' });
    expect(res.statusCode, res.body).toBe(201);
    periodId = res.json().id;
    expect(res.json().counts).toMatchObject({ owed: 2, missing: 2, late: 0 });
    expect((await disp.post('/api/indicator-periods', { period: '2026-10', indicatorIds: [toilet], deadline: '2026-11-08' })).statusCode).toBe(409);
  });
  it('the town sees what it owes', async () => {
    const owed = await town1.get('/api/indicator-values/owed');
    expect(owed.json()).toEqual([expect.objectContaining({ periodId, indicatorId: toilet, unitName: '桐君街道', status: 'missing', target: 1200, late: false })]);
    expect((await unit.get('/api/indicator-values/owed')).statusCode).toBe(403);
  });
  it('bad reports get a 400 with a clear reason and change nothing', async () => {
    expect((await town1.post('/api/indicator-values', { indicatorId: toilet, period: '2026-09', value: 10 })).json().error.message).toContain('未开启填报或已关闭');
    expect((await town1.post('/api/indicator-values', { indicatorId: toilet, period: '2026-Q3', value: 10 })).json().error.message).toContain('月度指标');
    expect((await dept.post('/api/indicator-values', { indicatorId: toilet, period: '2026-10', value: 10 })).json().error.message).toContain('不适用于本单位');
    expect((await town1.post('/api/indicator-values', { indicatorId: toilet, period: '2026-10', value: '12,5' })).statusCode).toBe(400);
    expect((await town1.post('/api/indicator-values', { indicatorId: toilet, period: '2026-10', value: 10, unitType: 'region', unitId: env.fx.townA2 })).statusCode).toBe(403);
    expect((await env.ctx.db.select().from(indicatorValues)).filter((v) => v.source === 'reported')).toHaveLength(0);
  });
  it('the town reports with a photo; the dispatcher accepts; history kept', async () => {
    const res = await town1.post('/api/indicator-values', { indicatorId: toilet, period: '2026-10', value: '９００', note: '含集中改造' });
    expect(res.statusCode, res.body).toBe(201);
    valueId = res.json().id;
    expect(res.json()).toMatchObject({ status: 'submitted', value: 900, revision: 1 });
    const up = await town1.upload(`/api/indicator-values/${valueId}/files`, PNG, '现场.png');
    expect(up.statusCode, up.body).toBe(201);
    expect(up.json().files).toHaveLength(1);
    expect((await town1.upload(`/api/indicator-values/${valueId}/files`, Buffer.from('hello'), 'x.png')).statusCode).toBe(400);
    // not the other county, not a peer town
    expect((await countyB.get(`/api/indicator-values/${valueId}`)).statusCode).toBe(404);
    expect((await town2.get(`/api/indicator-values/${valueId}/files/${up.json().files[0].id}`)).statusCode).toBe(404);
    expect((await countyA.get(`/api/indicator-values/${valueId}/files/${up.json().files[0].id}`)).statusCode).toBe(200);
    // before review the figure does not count
    const before = (await disp.get(`/api/indicator-values?indicatorId=${toilet}&period=2026-10`)).json();
    expect(before.items.find((i: { unitName: string }) => i.unitName === '桐君街道')).toMatchObject({ value: null, status: 'submitted', rank: null });
    expect((await town1.post(`/api/indicator-values/${valueId}/review`, { action: 'accept' })).statusCode).toBe(403);
    const noReason = await disp.post(`/api/indicator-values/${valueId}/review`, { action: 'return' });
    expect(noReason.statusCode).toBe(400);
    const ok = await disp.post(`/api/indicator-values/${valueId}/review`, { action: 'accept' });
    expect(ok.json()).toMatchObject({ status: 'accepted' });
    expect(ok.json().history.map((h: { action: string }) => h.action)).toEqual(['submit', 'accept']);
    expect((await disp.post(`/api/indicator-values/${valueId}/review`, { action: 'accept' })).statusCode).toBe(409);
  });
  it('the league table: value, target, progress against 序时, light, ranks (no figure is unranked)', async () => {
    const t = (await disp.get(`/api/indicator-values?indicatorId=${toilet}&period=2026-10`)).json();
    const a = t.items.find((i: { unitName: string }) => i.unitName === '桐君街道');
    // 900 / 1200 = 75%, 序时 83.33%: 8.33 points behind → green under 银川 (yellow from 10)
    expect(a).toMatchObject({ value: 900, target: 1200, progress: 75, timeProgress: 83.33, deviation: -8.33, light: 'green', rank: 1 });
    expect(t.items.find((i: { unitName: string }) => i.unitName === '横村镇')).toMatchObject({ value: null, rank: null, status: 'missing' });
    expect(t.ruleSet.name).toContain('银川');
  });
  it('a correction after acceptance is a new revision; the accepted figure counts until it is reviewed', async () => {
    const res = await town1.post('/api/indicator-values', { indicatorId: toilet, period: '2026-10', value: 960 });
    expect(res.json()).toMatchObject({ status: 'submitted', revision: 2, value: 960 });
    const t = (await disp.get(`/api/indicator-values?indicatorId=${toilet}&period=2026-10`)).json();
    expect(t.items.find((i: { unitName: string }) => i.unitName === '桐君街道').value).toBe(900);
    await disp.post(`/api/indicator-values/${valueId}/review`, { action: 'return', reason: '与台账不符' });
    const rec = (await town1.get(`/api/indicator-values/${valueId}`)).json();
    expect(rec).toMatchObject({ status: 'returned', returnReason: '与台账不符' });
    expect(rec.history.map((h: { action: string }) => h.action)).toEqual(['submit', 'accept', 'correct', 'return']);
  });
  it('a closed period takes no report', async () => {
    await disp.patch(`/api/indicator-periods/${periodId}`, { status: 'closed' });
    expect((await town2.post('/api/indicator-values', { indicatorId: toilet, period: '2026-10', value: 300 })).json().error.message).toContain('未开启填报或已关闭');
    await disp.patch(`/api/indicator-periods/${periodId}`, { status: 'open' });
    expect((await town2.post('/api/indicator-values', { indicatorId: toilet, period: '2026-10', value: 300 })).statusCode).toBe(201);
    const cells = (await disp.get(`/api/indicator-periods/${periodId}/cells`)).json();
    expect(cells.map((c: { status: string }) => c.status).sort()).toEqual(['returned', 'submitted']);
  });
});

describe('what peers see', () => {
  it('before publication a town sees only its own row; other counties see none of it; project units are refused', async () => {
    const id = (await env.ctx.db.select().from(indicatorValues)).find((v) => v.unitId === env.fx.townA2)!.id;
    await disp.post(`/api/indicator-values/${id}/review`, { action: 'accept' });
    const own = (await town1.get(`/api/indicator-values?indicatorId=${toilet}&period=2026-10`)).json();
    expect(own.items.map((i: { unitName: string }) => i.unitName)).toEqual(['桐君街道']);
    expect(own.average).toBeNull();
    expect((await countyB.get(`/api/indicator-values?indicatorId=${toilet}&period=2026-10`)).json().items).toEqual([]);
    expect((await leader.get(`/api/indicator-values?indicatorId=${toilet}&period=2026-10`)).json().items).toEqual([]);
    expect((await countyA.get(`/api/indicator-values?indicatorId=${toilet}&period=2026-10`)).json().items).toHaveLength(2);
    expect((await unit.get(`/api/indicator-values?indicatorId=${toilet}&period=2026-10`)).statusCode).toBe(403);
  });
  it('once published, peers see figure and rank but not targets, lights or notes', async () => {
    expect((await town1.post('/api/indicator-values/publish', { indicatorId: toilet, period: '2026-10', published: true })).statusCode).toBe(403);
    expect((await disp.post('/api/indicator-values/publish', { indicatorId: toilet, period: '2026-10', published: true })).statusCode).toBe(200);
    const seen = (await town1.get(`/api/indicator-values?indicatorId=${toilet}&period=2026-10`)).json();
    const peer = seen.items.find((i: { unitName: string }) => i.unitName === '横村镇');
    // 900/1200 = 75% vs 300/600 = 50%: ranked by completion
    expect(peer).toMatchObject({ value: 300, rank: 2, target: null, light: null, note: null, status: 'published' });
    expect(seen.items.find((i: { unitName: string }) => i.unitName === '桐君街道')).toMatchObject({ rank: 1, target: 1200 });
    expect(seen.leader.unitName).toBe('桐君街道');
    const bm = (await town2.get(`/api/benchmarks?indicatorId=${toilet}&period=2026-10`)).json();
    expect(bm.group.name).toBe('桐庐县各乡镇（街道）');
    expect(bm.rows.find((r: { self: boolean }) => r.self)).toMatchObject({ unitName: '横村镇', rank: 2, gapToLeader: -25 });
    const summary = (await town2.get('/api/benchmarks/summary')).json();
    expect(summary.items).toEqual([expect.objectContaining({ indicatorName: '农村户厕改造', rank: 2, of: 2, period: '2026-10' })]);
  });
});

describe('every role on unpublished values: nothing leaks', () => {
  it('league table, record and targets show each role only the units of its scope', async () => {
    const rows = [env.fx.townA1, env.fx.townA2].map((unitId, k) => ({ indicatorId: toilet, unitType: 'region', unitId, period: '2026-11', value: String(100 + k), acceptedValue: String(100 + k), hasAccepted: true, source: 'reported', status: 'accepted', note: `备注${k}` }));
    const ids = await env.ctx.db.insert(indicatorValues).values(rows).returning({ id: indicatorValues.id });
    const town2Value = ids[1]!.id;
    const both = ['桐君街道', '横村镇'];
    const expected: Record<string, string[] | 403> = {
      admin1: both, disp: both, super: both, promo: both, regionA: both,
      townA1: ['桐君街道'], regionB: [], deptA: [], leader1: [], leader2: [], unitA: 403,
    };
    for (const [username, want] of Object.entries(expected)) {
      const a = await env.login(username);
      const t = await a.get(`/api/indicator-values?indicatorId=${toilet}&period=2026-11`);
      const rec = await a.get(`/api/indicator-values/${town2Value}`);
      const grid = await a.get(`/api/targets?year=2026&indicatorId=${toilet}`);
      if (want === 403) {
        expect([t.statusCode, rec.statusCode, grid.statusCode], username).toEqual([403, 403, 403]);
        continue;
      }
      expect(t.statusCode, username).toBe(200);
      expect(t.json().items.map((i: { unitName: string }) => i.unitName).sort(), username).toEqual([...want].sort());
      expect(JSON.stringify(t.json()).includes('备注1'), username).toBe(want.includes('横村镇'));
      expect(rec.statusCode, username).toBe(want.includes('横村镇') ? 200 : 404);
      expect(grid.json().rows.map((r: { unitName: string }) => r.unitName).sort(), username).toEqual([...want].sort());
    }
  });
});

describe('computed indicators follow the ledger', () => {
  it('开工率 of each county = started ÷ planned to start this year, recomputed after a change', async () => {
    const mk = async (over: Record<string, unknown>) => {
      const res = await disp.post('/api/projects', projectBody(env.fx.townA1, over));
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as number;
    };
    await mk({ plannedStart: '2026-03-01', actualStart: '2026-03-10', stage: 'construction' });
    await mk({ plannedStart: '2026-05-01', actualStart: '2026-06-01', stage: 'construction' });
    const late = await mk({ plannedStart: '2026-06-01' });
    const ind = (await disp.get('/api/indicators')).json().find((i: { code: string }) => i.code === 'start_rate');
    const tr = await disp.get(`/api/indicator-values?indicatorId=${ind.id}&period=2026-10&unitType=county`);
    expect(tr.statusCode, tr.body).toBe(200);
    const t = tr.json();
    const a = t.items.find((i: { unitName: string }) => i.unitName === '桐庐县');
    expect(a.value).toBeCloseTo(66.67, 2);
    expect(t.items.find((i: { unitName: string }) => i.unitName === '淳安县').value).toBeNull();
    const got = await disp.get(`/api/projects/${late}`);
    const upd = await disp.patch(`/api/projects/${late}`, { actualStart: '2026-10-20', version: got.json().version });
    expect(upd.statusCode, upd.body).toBe(200);
    const after = (await disp.get(`/api/indicator-values?indicatorId=${ind.id}&period=2026-10&unitType=county`)).json();
    expect(after.items.find((i: { unitName: string }) => i.unitName === '桐庐县').value).toBe(100);
    // the job finds nothing stale left for that pair, and is idempotent
    await refreshStale(env.ctx);
    const again = await refreshStale(env.ctx);
    expect(again.figures).toBeGreaterThanOrEqual(0);
  });
});

describe('every computed formula on a small ledger (淳安, October 2026)', () => {
  it('开工率, 竣工率, 投产率, 储备转化率, 亩均投资强度 and a filtered count, each exactly', async () => {
    const mk = async (over: Record<string, unknown>) => {
      const res = await disp.post('/api/projects', projectBody(env.fx.countyB, over));
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as { id: number; stage: string };
    };
    // A: on the 2025 list, planned and started this year; B: on the list, not started;
    // C: started 2025, completed June; D: started 2025, in production; E: started this year, suspended
    await mk({ planYear: 2025, plannedStart: '2026-03-01', actualStart: '2026-04-01', stage: 'construction', totalInvestment: 30000, landArea: 60 });
    await mk({ planYear: 2025, plannedStart: '2026-05-01', stage: 'preliminary', totalInvestment: 9000 });
    await mk({ planYear: 2025, actualStart: '2025-03-01', actualCompletion: '2026-06-30', stage: 'completed', totalInvestment: 5000 });
    await mk({ planYear: 2026, actualStart: '2025-10-01', stage: 'production', totalInvestment: 8000 });
    await mk({ planYear: 2026, actualStart: '2026-02-01', stage: 'suspended', totalInvestment: 12000, landArea: 20 });
    const list = (await disp.get('/api/indicators')).json() as Array<{ id: number; code: string }>;
    const figure = async (code: string) => {
      const id = list.find((i) => i.code === code)!.id;
      const r = await disp.get(`/api/indicator-values?indicatorId=${id}&period=2026-10&unitType=county`);
      expect(r.statusCode, r.body).toBe(200);
      return r.json().items.find((i: { unitName: string }) => i.unitName === '淳安县').value as number | null;
    };
    expect(await figure('start_rate')).toBe(50); // A of A, B
    expect(await figure('completion_rate')).toBe(25); // C of A, C, D, E
    expect(await figure('production_rate')).toBe(33.33); // D of A, C, D (E suspended)
    expect(await figure('reserve_conversion_rate')).toBe(50); // A of A, B
    expect(await figure('investment_intensity')).toBe(525); // (30000 + 12000) ÷ (60 + 20)
    expect(await figure('big_project_starts')).toBe(2); // A, E: started this year, ≥ 1 亿元
  });
});

describe('问题按时办结率 of a department follows its problems', () => {
  it('two problems due in November: one answered on time → 50%; recomputed when the second is answered', async () => {
    const pid = (await disp.post('/api/projects', projectBody(env.fx.townA1))).json().id;
    const ids: number[] = [];
    for (const title of ['用地未落实', '用电未接入']) {
      const raised = await disp.post('/api/problems', { projectId: pid, category: 'land', title, description: `${title}，影响开工。` });
      expect(raised.statusCode, raised.body).toBe(201);
      let p = raised.json();
      p = (await disp.post(`/api/problems/${p.id}/assign`, { responsibleDeptId: env.fx.deptA, responsibleUserId: env.fx.users.deptA, limitDays: 3, version: p.version })).json();
      p = (await dept.post(`/api/problems/${p.id}/accept`, { version: p.version })).json();
      ids.push(p.id);
    }
    const first = (await dept.get(`/api/problems/${ids[0]}`)).json();
    expect((await dept.post(`/api/problems/${ids[0]}/answer`, { outcome: 'solved', answer: '已协调', version: first.version })).statusCode).toBe(200);
    const ind = (await disp.get('/api/indicators')).json().find((i: { code: string }) => i.code === 'problems_on_time_rate');
    const rate = async () => (await disp.get(`/api/indicator-values?indicatorId=${ind.id}&period=2026-11&unitType=department`)).json().items.find((i: { unitId: string }) => i.unitId === String(env.fx.deptA)).value;
    expect(await rate()).toBe(50);
    const second = (await dept.get(`/api/problems/${ids[1]}`)).json();
    expect((await dept.post(`/api/problems/${ids[1]}/answer`, { outcome: 'solved', answer: '已通电', version: second.version })).statusCode).toBe(200);
    expect(await rate()).toBe(100);
  });
});

describe('benchmarks with external peers', () => {
  it('ranks by growth in a peer group with ties (1, 1, 3), gaps and rank change', async () => {
    const inds = (await admin.get('/api/indicators')).json();
    const fai = inds.find((i: { code: string }) => i.code === 'fai');
    const ext = [];
    for (const name of ['建德市', '富阳区']) {
      const r = await admin.post('/api/external-units', { name, level: 'county', parentName: '杭州市' });
      expect(r.statusCode, r.body).toBe(201);
      ext.push(String(r.json().id));
    }
    expect((await admin.post('/api/external-units', { name: '建德市' })).statusCode).toBe(409);
    const members = [{ unitType: 'region', unitId: env.fx.countyA }, { unitType: 'region', unitId: env.fx.countyB }, ...ext.map((id) => ({ unitType: 'external', unitId: id }))];
    const g = await admin.post('/api/peer-groups', { name: '杭州市县（市、区）', members });
    expect(g.statusCode, g.body).toBe(201);
    const groupId = g.json()[0].id;
    const rows = (period: string, growth: string[]) =>
      members.map((m, k) => ({ indicatorId: fai.id, unitType: m.unitType, unitId: m.unitId, period, value: String(100 + k), growth: growth[k], source: 'imported', status: 'imported' }));
    await env.ctx.db.insert(indicatorValues).values([...rows('2026-09', ['5.0', '6.0', '7.0', '8.0']), ...rows('2026-10', ['8.5', '3.2', '8.5', '-2.1'])]);
    await disp.post('/api/indicator-values/publish', { indicatorId: fai.id, period: '2026-10', published: true });
    const bm = (await countyA.get(`/api/benchmarks?indicatorId=${fai.id}&period=2026-10&group=${groupId}`)).json();
    const by = Object.fromEntries(bm.rows.map((r: { unitName: string }) => [r.unitName, r]));
    expect(by['桐庐县']).toMatchObject({ self: true, rank: 1, growth: 8.5, rankChange: 3, gapToLeader: 0 });
    expect(by['建德市']).toMatchObject({ external: true, rank: 1, rankChange: 1 });
    expect(by['淳安县']).toMatchObject({ rank: 3, gapToAverage: -1.33 });
    expect(by['富阳区'].rank).toBe(4);
    expect(bm.average.growth).toBeCloseTo(4.53, 2);
    expect(bm.trend.at(-1)).toMatchObject({ period: '2026-10', rank: 1, of: 4 });
    // unpublished: 淳安 sees only itself
    const sept = (await countyB.get(`/api/benchmarks?indicatorId=${fai.id}&period=2026-09&group=${groupId}`)).json();
    expect(sept.rows.map((r: { unitName: string }) => r.unitName)).toEqual(['淳安县']);
  });
});

describe('reminders', () => {
  it('units that owe are reminded one working day before the deadline and told once when it passed; the dispatcher gets the late list', async () => {
    await env.ctx.db.execute(sql`UPDATE indicator_periods SET status = 'closed' WHERE period = '2026-10'`);
    const heat = (await admin.post('/api/indicators', { code: 'clean_heating', name: '清洁取暖改造', unit: '户', cadence: 'month', source: 'reported', appliesTo: ['town'] })).json().id;
    const opened = await disp.post('/api/indicator-periods', { period: '2026-11', indicatorIds: [heat], deadline: '2026-12-08' });
    expect(opened.statusCode, opened.body).toBe(201);
    const mine = async (u: string) => (await env.ctx.db.select().from(notifications).where(eq(notifications.userId, env.fx.users[u] ?? 0))).map((n) => n.title);
    env.clock.set(new Date('2026-12-03T02:00:00+08:00')); // Thursday: three working days before
    expect(await remindOwed(env.ctx)).toEqual({ dueSoon: 0, late: 0 });
    env.clock.set(new Date('2026-12-07T10:00:00+08:00')); // Monday: one working day before Tuesday the 8th
    expect((await remindOwed(env.ctx)).dueSoon).toBe(2);
    expect(await mine('townA1')).toContain('2026年11月指标将于2026-12-08截止：清洁取暖改造');
    expect((await remindOwed(env.ctx)).dueSoon).toBe(0); // once
    env.clock.set(new Date('2026-12-09T10:00:00+08:00'));
    expect((await remindOwed(env.ctx)).late).toBe(2);
    expect(await mine('townA1')).toContain('2026年11月指标逾期未报：清洁取暖改造');
    expect((await mine('disp')).some((t) => t.startsWith('2026年11月指标填报已截止，2个单位未报'))).toBe(true);
    expect((await remindOwed(env.ctx)).late).toBe(0);
  });
});
