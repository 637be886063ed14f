import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestEnv, projectBody, type TestEnv } from '../../../test/helpers.js';
import { projects } from '../../db/schema.js';
import { rebuildRollups } from '../dashboard/rollups.js';

let env: TestEnv;
let pA: number; // entA's project in 桐庐 (countyA), under construction
let pA2: number; // entA's second project, under construction
let pB: number; // entB's project in 淳安 (countyB)

async function rollups(year: number) {
  const res = await env.ctx.db.execute(sql`SELECT month, region_code, category, completed::text AS completed, pending::text AS pending, reports FROM monthly_rollups WHERE year = ${year} ORDER BY 1, 2, 3`);
  return res.rows;
}

beforeAll(async () => {
  env = await createTestEnv({ now: '2026-06-05T02:00:00Z' });
  const disp = await env.login('disp');
  const mk = async (region: string, ent: number, total = 10000) => {
    const res = await disp.post('/api/projects', projectBody(region, { ownerEnterpriseId: ent, totalInvestment: total }));
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as number;
    await env.ctx.db.update(projects).set({ stage: 'construction' }).where(eq(projects.id, id));
    return id;
  };
  pA = await mk(env.fx.townA1, env.fx.entA, 50000);
  pA2 = await mk(env.fx.townA1, env.fx.entA);
  pB = await mk(env.fx.countyB, env.fx.entB);
});
afterAll(() => env.close());

const url = (p: number, m = 5, y = 2026) => `/api/reports/${p}/${y}/${m}`;

describe('report windows', () => {
  it('a unit cannot fill before the window is open', async () => {
    const unit = await env.login('unitA');
    const res = await unit.patch(url(pA), {});
    expect(res.statusCode).toBe(404); // PATCH is not a route
    const put = await env.app.inject({ method: 'PUT', url: url(pA), headers: { cookie: unit.cookie, 'x-csrf-token': unit.csrf }, payload: { investment: 100 } });
    expect(put.statusCode).toBe(409);
    expect(put.json().error.message).toContain('尚未开启');
  });
  it('only the dispatcher opens a month, once, with a valid deadline; audited', async () => {
    const unit = await env.login('unitA');
    const disp = await env.login('disp');
    expect((await unit.post('/api/report-windows', { year: 2026, month: 5, deadline: '2026-06-05' })).statusCode).toBe(403);
    const bad = await disp.post('/api/report-windows', { year: 2026, month: 13, deadline: '2026-06' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { path: string }) => d.path).sort()).toEqual(['deadline', 'month']);
    const ok = await disp.post('/api/report-windows', { year: 2026, month: 5, deadline: '2026-06-05' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ year: 2026, month: 5, deadline: '2026-06-05', status: 'open' });
    expect((await disp.post('/api/report-windows', { year: 2026, month: 5, deadline: '2026-06-06' })).statusCode).toBe(409);
    expect((await disp.post('/api/report-windows', { year: 2026, month: 4, deadline: '2026-05-06' })).statusCode).toBe(201);
    const list = await unit.get('/api/report-windows?year=2026');
    expect(list.json().map((w: { month: number }) => w.month)).toEqual([5, 4]);
    const audit = await env.ctx.db.execute(sql`SELECT count(*)::int AS n FROM audit_events WHERE action = 'report.window'`);
    expect(audit.rows[0]).toEqual({ n: 2 });
  });
  it('401 without a session', async () => {
    expect((await env.app.inject({ method: 'GET', url: '/api/reports?year=2026&month=5' })).statusCode).toBe(401);
  });
});

function put(agent: Awaited<ReturnType<TestEnv['login']>>, u: string, body: unknown) {
  return env.app.inject({ method: 'PUT', url: u, headers: { cookie: agent.cookie, 'x-csrf-token': agent.csrf }, payload: body as object });
}

describe('fill, submit, return, resubmit, accept, revise', () => {
  it('validates the draft in Chinese', async () => {
    const unit = await env.login('unitA');
    const res = await put(unit, url(pA), { investment: -1 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0]).toMatchObject({ path: 'investment', message: '金额不能为负数' });
  });
  it('leader cannot fill; unit cannot review; unitA cannot see entB', async () => {
    const leader = await env.login('leader1');
    expect((await put(leader, url(pA), { investment: 1 })).statusCode).toBe(403);
    const unit = await env.login('unitA');
    expect((await put(unit, url(pB), { investment: 1 })).statusCode).toBe(404);
    expect((await unit.get(url(pB))).statusCode).toBe(404);
    const list = await unit.get('/api/reports?year=2026&month=5');
    expect(list.json().items.map((r: { projectId: number }) => r.projectId).sort()).toEqual([pA, pA2].sort());
  });
  it('the whole path, with roll-ups equal to a rebuild', async () => {
    const unit = await env.login('unitA');
    const disp = await env.login('disp');
    // April: submitted and accepted, to give 年初至今累计 a base
    expect((await put(unit, url(pA, 4), { investment: 800, progressText: '基础施工' })).statusCode).toBe(200);
    expect((await unit.post(`${url(pA, 4)}/submit`, {})).statusCode).toBe(200);
    expect((await unit.post(`${url(pA, 4)}/accept`, {})).statusCode).toBe(403);
    expect((await disp.post(`${url(pA, 4)}/accept`, {})).statusCode).toBe(200);

    const saved = await put(unit, url(pA), { investment: 1200.5, progressText: '主体结构施工至三层', problemsText: '用工紧张' });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ status: 'draft', investment: 1200.5, version: 1, abilities: { fill: true } });
    const stale = await put(unit, url(pA), { investment: 1200, version: 9 });
    expect(stale.statusCode).toBe(409);
    const sub = await unit.post(`${url(pA)}/submit`, { version: 1 });
    expect(sub.statusCode, sub.body).toBe(200);
    // 年初至今累计 counts accepted reports; the submitted one is shown apart, awaiting review
    expect(sub.json()).toMatchObject({ status: 'submitted', late: false, figures: { ytd: 800, ytdPending: 1200.5, sinceStart: 800, sinceStartPctOfTotal: 1.6 } });
    expect((await rollups(2026)).find((r) => r.month === 5)).toMatchObject({ completed: '0.00', pending: '1200.50', reports: 1 });
    expect((await put(unit, url(pA), { investment: 1 })).statusCode).toBe(409);
    const again = await unit.post(`${url(pA)}/submit`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('月报已报送，不能重复报送');

    expect((await disp.post(`${url(pA)}/return`, {})).statusCode).toBe(400);
    const ret = await disp.post(`${url(pA)}/return`, { reason: '投资额与形象进度不符' });
    expect(ret.json()).toMatchObject({ status: 'returned', returnReason: '投资额与形象进度不符', figures: { ytd: 800, ytdPending: 0 } });
    expect((await put(unit, url(pA), { investment: 1000, progressText: '主体结构施工至二层' })).json().status).toBe('returned');
    // the dispatcher moves the deadline to yesterday (China time): the resubmission is late
    const w5 = (await disp.get('/api/report-windows?year=2026')).json().find((x: { month: number }) => x.month === 5);
    expect((await disp.patch(`/api/report-windows/${w5.id}`, { deadline: '2026-06-04' })).json().deadline).toBe('2026-06-04');
    const resub = await unit.post(`${url(pA)}/submit`, {});
    expect(resub.json()).toMatchObject({ status: 'submitted', late: true, investment: 1000 });
    expect((await disp.post(`${url(pA)}/accept`, {})).json()).toMatchObject({ status: 'accepted', figures: { ytd: 1800, ytdPending: 0 } });

    // revision: only the reviewer, with a reason; the original stays visible
    expect((await unit.post(`${url(pA)}/revise`, { investment: 1100, reason: '统计口径调整' })).statusCode).toBe(403);
    expect((await disp.post(`${url(pA)}/revise`, { investment: 1100 })).statusCode).toBe(400);
    const rev = await disp.post(`${url(pA)}/revise`, { investment: 1100, reason: '统计口径调整' });
    expect(rev.statusCode, rev.body).toBe(200);
    expect(rev.json()).toMatchObject({ status: 'accepted', investment: 1100, revision: 1, figures: { ytd: 1900 } });
    expect(rev.json().revisions).toMatchObject([{ revision: 1, before: { investment: 1000 }, after: { investment: 1100 }, reason: '统计口径调整', userName: '测试disp' }]);

    // a second project: submitted then returned (counts nothing)
    await put(unit, url(pA2), { investment: 300 });
    await unit.post(`${url(pA2)}/submit`, {});
    await disp.post(`${url(pA2)}/return`, { reason: '缺少照片' });

    const maintained = await rollups(2026);
    expect(maintained).toEqual([
      { month: 4, region_code: env.fx.townA1, category: 'new_start', completed: '800.00', pending: '0.00', reports: 1 },
      { month: 5, region_code: env.fx.townA1, category: 'new_start', completed: '1100.00', pending: '0.00', reports: 1 },
    ]);
    await env.ctx.db.transaction((tx) => rebuildRollups(tx, 2026));
    expect(await rollups(2026)).toEqual(maintained);
  });
  it('project reports of a year, scoped', async () => {
    const unit = await env.login('unitA');
    const res = await unit.get(`/api/projects/${pA}/reports?year=2026`);
    expect(res.json().map((r: { month: number; status: string }) => [r.month, r.status])).toEqual([
      [4, 'accepted'],
      [5, 'accepted'],
    ]);
    expect((await unit.get(`/api/projects/${pB}/reports?year=2026`)).statusCode).toBe(404);
  });
  it('missing, late and returned lists with counts per region and unit', async () => {
    const disp = await env.login('disp');
    const res = await disp.get('/api/reports/missing?year=2026&month=5');
    expect(res.statusCode, res.body).toBe(200);
    const g = res.json();
    expect(g.missing.map((r: { projectId: number }) => r.projectId)).toEqual([pB]);
    expect(g.late.map((r: { projectId: number }) => r.projectId)).toEqual([pA]);
    expect(g.returned.map((r: { projectId: number }) => r.projectId)).toEqual([pA2]);
    expect(g.byRegion).toEqual([
      { key: env.fx.townA1, name: '桐君街道', missing: 0, late: 1, returned: 1 },
      { key: env.fx.countyB, name: '淳安县', missing: 1, late: 0, returned: 0 },
    ]);
    const regionA = await env.login('regionA');
    const scoped = (await regionA.get('/api/reports/missing?year=2026&month=5')).json();
    expect(scoped.missing).toEqual([]);
    const filtered = await disp.get('/api/reports?year=2026&month=5&status=missing');
    expect(filtered.json().items.map((r: { projectId: number }) => r.projectId)).toEqual([pB]);
  });
  it('closing the window stops filling; reopening allows it again', async () => {
    const disp = await env.login('disp');
    const unit = await env.login('unitA');
    const w = (await disp.get('/api/report-windows?year=2026')).json().find((x: { month: number }) => x.month === 5);
    expect((await disp.patch(`/api/report-windows/${w.id}`, { status: 'closed' })).json().status).toBe('closed');
    const res = await put(unit, url(pA2), { investment: 280 });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('已关闭');
    expect((await disp.patch(`/api/report-windows/${w.id}`, { status: 'open', deadline: '2026-06-10' })).json()).toMatchObject({ status: 'open', deadline: '2026-06-10' });
    expect((await put(unit, url(pA2), { investment: 280 })).statusCode).toBe(200);
  });
});

describe('export in the side-by-side layout', () => {
  it('pairs (形象进度, 实际完成投资) per month under merged headers, then cumulative columns and totals', async () => {
    const unit = await env.login('unitA');
    const disp = await env.login('disp');
    // a formula-looking progress text must come out as text
    await put(unit, url(pA2), { investment: 280, progressText: '=1+1 基础施工' });
    await unit.post(`${url(pA2)}/submit`, {});
    // a submitted report awaiting review is not in the table
    const pending = new ExcelJS.Workbook();
    await pending.xlsx.load((await disp.get('/api/reports/export.xlsx?year=2026&upToMonth=5')).rawPayload as unknown as ArrayBuffer);
    let pendingTotal: unknown;
    pending.worksheets[0]!.eachRow((row) => {
      if (row.getCell(1).value === '合计') pendingTotal = row.getCell(15).value;
    });
    expect(pendingTotal).toBe(1100);
    expect((await disp.post(`${url(pA2)}/accept`, {})).statusCode).toBe(200);
    const res = await disp.get('/api/reports/export.xlsx?year=2026&upToMonth=5');
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-disposition']).toContain('reports_2026_5.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell(1, 1).value).toBe('2026年重点项目月度调度表（1—5月）');
    // the unit line sits at the right end of row 2, as in every exported table
    const unitCell = ws.getCell(2, ws.getRow(3).cellCount - 3);
    expect(unitCell.value).toBe('单位：万元');
    expect(unitCell.alignment?.horizontal).toBe('right');
    // month 4 header over columns 12-13 (5 fixed columns, then pairs)
    expect(ws.getCell(3, 12).value).toBe('4月');
    expect(ws.getCell(3, 13).isMerged).toBe(true);
    expect([ws.getCell(4, 12).value, ws.getCell(4, 13).value]).toEqual(['形象进度', '实际完成投资']);
    expect([16, 17, 18, 19].map((c) => ws.getCell(3, c).value)).toEqual(['年初至今累计', '占年计划%', '开工至今累计', '占总投资%']);
    const rows = new Map<string, ExcelJS.Row>();
    ws.eachRow((row, n) => {
      if (n > 4) rows.set(String(row.getCell(2).value), row);
    });
    const projectA = (await disp.get(`/api/projects/${pA}`)).json().name as string;
    const a = rows.get(projectA)!;
    expect([a.getCell(13).value, a.getCell(15).value, a.getCell(16).value, a.getCell(18).value, a.getCell(19).value]).toEqual([800, 1100, 1900, 1900, 3.8]);
    const projectA2 = (await disp.get(`/api/projects/${pA2}`)).json().name as string;
    expect(rows.get(projectA2)!.getCell(14).value).toBe("'=1+1 基础施工");
    const total = [...rows.values()].at(-1)!;
    expect(total.getCell(1).value).toBe('合计');
    expect(total.getCell(15).value).toBe(1380);
    expect(total.getCell(16).value).toBe(2180);
  });
  it('scoped: unitA exports only its projects', async () => {
    const unit = await env.login('unitA');
    const res = await unit.get('/api/reports/export.xlsx?year=2026&upToMonth=5');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.rowCount).toBe(4 + 2 + 1);
    expect((await unit.get('/api/reports/export.xlsx?year=2026&upToMonth=13')).statusCode).toBe(400);
  });
});
