import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { createTestEnv, projectBody, type Agent, type TestEnv } from '../../../test/helpers.js';
import { monthlyReports } from '../../db/schema.js';
import { bumpRollups, rebuildRollups } from '../dashboard/rollups.js';

let env: TestEnv;
let disp: Agent;
let idA: number; // 桐君街道 (county A), started
let idA2: number; // 横村镇 (county A), preliminary
let idB: number; // 淳安县 (county B), construction
let idDone: number; // county A, completed

const put = (a: Agent, url: string, body: unknown) => env.app.inject({ method: 'PUT', url, headers: { cookie: a.cookie, 'x-csrf-token': a.csrf }, payload: body as object });
const even = (total: number) => {
  const cents = Math.round(total * 100);
  const base = Math.floor(cents / 12);
  return Array.from({ length: 12 }, (_, i) => (base + (i < cents - base * 12 ? 1 : 0)) / 100);
};
const plan = (planned: number, over: Record<string, unknown> = {}) => ({ category: 'new_start', plannedInvestment: planned, monthly: even(planned), imageTarget: '主体结顶', ...over });

async function rollupRows(year: number) {
  const r = await env.database.db.execute(sql`SELECT month, region_code, category, planned::text AS planned, completed::text AS completed, reports FROM monthly_rollups
    WHERE year = ${year} AND (planned <> 0 OR completed <> 0 OR reports <> 0) ORDER BY month, region_code, category`);
  return r.rows;
}

beforeAll(async () => {
  env = await createTestEnv();
  disp = await env.login('disp');
  const mk = async (region: string, over: Record<string, unknown>) => (await disp.post('/api/projects', projectBody(region, over))).json().id as number;
  idA = await mk(env.fx.townA1, { name: '甲镇物流园', stage: 'started', category: 'new_start', totalInvestment: 50000, ownerEnterpriseId: env.fx.entA });
  idA2 = await mk(env.fx.townA2, { name: '横村镇污水管网', stage: 'preliminary', category: 'preparatory', totalInvestment: 8000 });
  idB = await mk(env.fx.countyB, { name: '乙县水库', stage: 'construction', category: 'continuing', totalInvestment: 90000 });
  idDone = await mk(env.fx.townA1, { name: '甲镇已竣工厂房', stage: 'completed', category: 'completion', totalInvestment: 3000 });
  expect([idA, idA2, idB, idDone].every(Boolean)).toBe(true);
});
afterAll(async () => env?.close());

describe('annual plans API', () => {
  it('creates a plan for a year not yet started, reads it back, replaces it with the version', async () => {
    const res = await put(disp, `/api/projects/${idA}/plans/2027`, plan(1200));
    expect(res.statusCode).toBe(200);
    const p = res.json();
    expect(p.plannedInvestment).toBe(1200);
    expect(p.monthly).toHaveLength(12);
    const again = await put(disp, `/api/projects/${idA}/plans/2027`, plan(2400, { version: p.version }));
    expect(again.statusCode).toBe(200);
    expect(again.json().version).toBe(p.version + 1);
    const stale = await put(disp, `/api/projects/${idA}/plans/2027`, plan(2400, { version: p.version }));
    expect(stale.statusCode).toBe(409);
    const all = (await disp.get(`/api/projects/${idA}/plans`)).json();
    expect(all.map((x: { year: number }) => x.year)).toEqual([2027]);
  });

  it('refuses months that do not sum to the annual figure, telling the difference', async () => {
    const res = await put(disp, `/api/projects/${idA2}/plans/2026`, { ...plan(1200), monthly: [...Array(11).fill(100), 90] });
    expect(res.statusCode).toBe(400);
    const err = res.json().error;
    expect(err.message).toBe('月度计划合计 1,190.00 万元，与年度计划 1,200.00 万元相差 10.00 万元');
    expect(err.details[0].path).toBe('monthly');
    const short = await put(disp, `/api/projects/${idA2}/plans/2026`, { ...plan(1200), monthly: [1200] });
    expect(short.statusCode).toBe(400);
    expect((await disp.get(`/api/projects/${idA2}/plans`)).json()).toEqual([]);
  });

  it('needs a session, the permission, and the scope', async () => {
    expect((await env.app.inject({ method: 'GET', url: '/api/plans?year=2026' })).statusCode).toBe(401);
    const unit = await env.login('unitA');
    expect((await unit.get('/api/plans?year=2027')).statusCode).toBe(200);
    expect((await put(unit, `/api/projects/${idA}/plans/2028`, plan(10))).statusCode).toBe(403);
    expect((await unit.patch('/api/plans/bulk', { year: 2028, rows: [{ projectId: idA, ...plan(10) }] })).statusCode).toBe(403);
    const regionB = await env.login('regionB');
    expect((await regionB.get(`/api/projects/${idA}/plans`)).statusCode).toBe(404);
    expect((await put(regionB, `/api/projects/${idA}/plans/2028`, plan(10))).statusCode).toBe(404);
    const bulk = await regionB.patch('/api/plans/bulk', { year: 2028, rows: [{ projectId: idA, ...plan(10) }] });
    expect(bulk.statusCode).toBe(400);
    expect((await regionB.get('/api/plans?year=2027')).json().total).toBe(0);
    const regionA = await env.login('regionA');
    expect((await put(regionA, `/api/projects/${idB}/plans/2028`, plan(10))).statusCode).toBe(404);
  });

  it('saves a grid in one transaction: any row wrong → nothing saved, errors per row', async () => {
    const bad = await disp.patch('/api/plans/bulk', {
      year: 2026,
      rows: [
        { projectId: idA, ...plan(3000) },
        { projectId: idB, ...plan(5000, { category: 'continuing', monthly: even(4000) }) },
      ],
    });
    expect(bad.statusCode).toBe(400);
    const details = bad.json().error.details;
    expect(details).toEqual([{ row: 2, projectId: idB, path: 'monthly', message: '月度计划合计 4,000.00 万元，与年度计划 5,000.00 万元相差 1,000.00 万元' }]);
    expect((await disp.get('/api/plans?year=2026')).json().total).toBe(0);

    // A report of 2026 exists before the plans (it counts under the project's category until a plan gives one).
    await env.database.db.insert(monthlyReports).values({ projectId: idB, year: 2026, month: 3, status: 'accepted', investment: '700' });
    await bumpRollups(env.database.db, [{ year: 2026, month: 3, regionCode: env.fx.countyB, category: 'continuing', completed: 700, reports: 1 }]);

    const ok = await disp.patch('/api/plans/bulk', {
      year: 2026,
      rows: [
        { projectId: idA, ...plan(3000), completedBeforeYear: 0 },
        { projectId: idB, ...plan(5000, { category: 'new_start' }), completedBeforeYear: 20000 },
        { projectId: idA2, ...plan(100.01, { category: 'preparatory' }) },
        { projectId: idDone, ...plan(60, { category: 'completion' }) },
      ],
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().saved).toHaveLength(4);
  });

  it('lists with sums over the whole filtered set, in scope', async () => {
    const page = (await disp.get('/api/plans?year=2026&pageSize=1')).json();
    expect(page.total).toBe(4);
    expect(page.items).toHaveLength(1);
    expect(page.sums.plannedInvestment).toBeCloseTo(8160.01, 2);
    expect(page.sums.monthly.reduce((s: number, m: number) => s + m, 0)).toBeCloseTo(8160.01, 2);
    const a = (await disp.get(`/api/plans?year=2026&regionCode=${env.fx.countyA}`)).json();
    expect(a.total).toBe(3);
    expect(a.sums.plannedInvestment).toBeCloseTo(3160.01, 2);
    expect((await disp.get('/api/plans?year=2026&category=preparatory')).json().total).toBe(1);
    expect((await disp.get('/api/plans?year=2026&q=水库')).json().items[0].projectName).toBe('乙县水库');
    const regionB = (await (await env.login('regionB')).get('/api/plans?year=2026')).json();
    expect(regionB.total).toBe(1);
    expect(regionB.sums.plannedInvestment).toBe(5000);
  });

  it('after the year has started, changes go through an adjustment with a reason, kept in the history', async () => {
    const cur = (await disp.get(`/api/projects/${idB}/plans`)).json()[0];
    const direct = await put(disp, `/api/projects/${idB}/plans/2026`, plan(6000, { version: cur.version }));
    expect(direct.statusCode).toBe(400);
    expect(direct.json().error.message).toContain('调整');
    const noReason = await disp.post(`/api/projects/${idB}/plans/2026/adjust`, { version: cur.version, plannedInvestment: 6000, monthly: even(6000) });
    expect(noReason.statusCode).toBe(400);
    const adj = await disp.post(`/api/projects/${idB}/plans/2026/adjust`, { version: cur.version, category: 'continuing', plannedInvestment: 6000, monthly: even(6000), reason: '追加库区移民安置投资' });
    expect(adj.statusCode).toBe(200);
    expect(adj.json().plannedInvestment).toBe(6000);
    const hist = (await disp.get(`/api/projects/${idB}/plans`)).json()[0].changes;
    expect(hist).toHaveLength(1);
    expect(hist[0].reason).toBe('追加库区移民安置投资');
    expect(hist[0].before.plannedInvestment).toBe(5000);
    expect(hist[0].after.plannedInvestment).toBe(6000);
    expect(hist[0].after.category).toBe('continuing');
    // The grid needs a reason too for existing plans once the year has started.
    const grid = await disp.patch('/api/plans/bulk', { year: 2026, rows: [{ projectId: idA, ...plan(3100), version: 1 }] });
    expect(grid.statusCode).toBe(400);
    const withReason = await disp.patch('/api/plans/bulk', { year: 2026, reason: '年中调度会调整', rows: [{ projectId: idA, ...plan(3100), version: 1 }] });
    expect(withReason.statusCode).toBe(200);
    expect((await disp.get(`/api/projects/${idA}/plans`)).json().find((p: { year: number }) => p.year === 2026).changes[0].reason).toBe('年中调度会调整');
  });

  it('copies continuing projects forward with the new base, then the roll-ups equal a rebuild', async () => {
    await env.database.db.insert(monthlyReports).values([
      { projectId: idA, year: 2026, month: 4, status: 'submitted', investment: '250.5' },
      { projectId: idA, year: 2026, month: 5, status: 'draft', investment: '999' },
    ]);
    await bumpRollups(env.database.db, [{ year: 2026, month: 4, regionCode: env.fx.townA1, category: 'new_start', pending: 250.5, reports: 1 }]); // submitted: 待审核
    const dry = (await disp.post('/api/plans/copy-forward', { fromYear: 2026, toYear: 2027, dryRun: true })).json();
    // idA already has a 2027 plan; idDone is completed; idA2 and idB carry.
    expect(dry).toEqual({ copied: 2, skippedExisting: 1, skippedFinished: 1, dryRun: true });
    const res = await disp.post('/api/plans/copy-forward', { fromYear: 2026, toYear: 2027 });
    expect(res.json().copied).toBe(2);
    const b = (await disp.get(`/api/projects/${idB}/plans`)).json().find((p: { year: number }) => p.year === 2027);
    expect(b.category).toBe('continuing');
    expect(b.plannedInvestment).toBe(0);
    expect(b.completedBeforeYear).toBe(20700);
    const a2 = (await disp.get(`/api/projects/${idA2}/plans`)).json().find((p: { year: number }) => p.year === 2027);
    expect(a2.category).toBe('preparatory');
    expect((await disp.post('/api/plans/copy-forward', { fromYear: 2026, toYear: 2027 })).json().copied).toBe(0);
    // regionB only carries its own.
    const regionB = await env.login('regionB');
    expect((await regionB.post('/api/plans/copy-forward', { fromYear: 2026, toYear: 2028, dryRun: true })).json().copied).toBe(1);

    for (const year of [2026, 2027]) {
      const maintained = await rollupRows(year);
      await rebuildRollups(env.database.db, year);
      expect(await rollupRows(year)).toEqual(maintained);
      expect(maintained.length).toBeGreaterThan(0);
    }
    const audit = await env.database.db.execute(sql`SELECT action, count(*)::int AS n FROM audit_events WHERE action LIKE 'plan.%' GROUP BY action ORDER BY action`);
    expect(audit.rows.map((r) => r.action)).toEqual(['plan.adjust', 'plan.copy_forward', 'plan.save']);
  });

  it('exports the year with totals equal to the API sums, safe against formulas', async () => {
    await put(disp, `/api/projects/${idA2}/plans/2028`, plan(10, { imageTarget: '=HYPERLINK("x")' }));
    const res = await disp.get('/api/plans/export.xlsx?year=2026');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(String(ws.getCell(1, 1).value)).toBe('2026年重点项目年度投资计划表');
    const headers = (ws.getRow(3).values as unknown[]).slice(1);
    expect(headers.slice(0, 8)).toEqual(['序号', '项目名称', '项目代码', '所属区域', '年度类别', '总投资', '截至上年底累计完成', '年度计划投资']);
    expect(headers[8]).toBe('1月');
    expect(headers[20]).toBe('年度形象进度目标');
    const sums = (await disp.get('/api/plans?year=2026')).json().sums;
    const last = ws.getRow(ws.rowCount);
    expect(last.getCell(1).value).toBe('合计');
    expect(last.getCell(8).value).toBe(sums.plannedInvestment);
    for (let m = 0; m < 12; m++) expect(last.getCell(9 + m).value).toBe(sums.monthly[m]);
    const countyA = await disp.get(`/api/plans/export.xlsx?year=2028&regionCode=${env.fx.countyA}`);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(countyA.rawPayload as unknown as ArrayBuffer);
    expect(String(wb2.worksheets[0]!.getCell(1, 1).value)).toBe('桐庐县2028年重点项目年度投资计划表');
    expect(wb2.worksheets[0]!.getCell(4, 21).value).toBe(`'=HYPERLINK("x")`);
  });
});
