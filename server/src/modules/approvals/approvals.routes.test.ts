import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { createTestEnv, PASSWORD, projectBody, type Agent, type TestEnv } from '../../../test/helpers.js';
import { approvalSignals, auditEvents, notifications, users } from '../../db/schema.js';
import { createUser } from '../admin/users.service.js';
import { runApprovalSignals } from './signals.job.js';

/*
 * One project of 杭州甲公司 in 桐庐 with three items:
 *   A 建设工程规划许可证 (自然资源和规划局, promised 5: 受理1 承办2 审核1 批准1 办结1)
 *   D 建设用地规划许可证 (same department and limits), accepted with A, nobody looks at it until late
 *   B 施工图审查 (交通运输局, promised 10: 1/4/2/2/1)
 * across the 2026 Dragon Boat Festival (06-19 Fri … 06-21 Sun off).
 */
let env: TestEnv;
let disp: Agent, unit: Agent, dept: Agent, deptB: Agent, sup: Agent, regionB: Agent, leader1: Agent, admin: Agent;
let projectId: number;
let itemA: number, itemB: number, itemD: number;
let paA: number, paB: number, paD: number;

const at = (china: string) => env.clock.set(new Date(`${china}+08:00`));
const stepDays = (accept: number, undertake: number, review: number, approve: number, finish: number) => ({ accept, undertake, review, approve, finish });

beforeAll(async () => {
  env = await createTestEnv({ now: '2026-06-15T01:00:00Z', config: { sessionIdleMinutes: 200_000, sessionMaxHours: 5000 } });
  await createUser(env.ctx, { username: 'deptB1', displayName: '测试deptB1', role: 'department', scopeType: 'department', departmentId: env.fx.deptB, password: PASSWORD });
  await env.ctx.db.update(users).set({ mustChangePassword: false });
  [disp, unit, dept, deptB, sup, regionB, leader1, admin] = (await Promise.all(['disp', 'unitA', 'deptA', 'deptB1', 'super', 'regionB', 'leader1', 'admin1'].map((u) => env.login(u)))) as [Agent, Agent, Agent, Agent, Agent, Agent, Agent, Agent];
  const p = await disp.post('/api/projects', projectBody(env.fx.townA1, { ownerEnterpriseId: env.fx.entA, investmentType: 'enterprise', field: 'industry' }));
  expect(p.statusCode, p.body).toBe(201);
  projectId = p.json().id;
});
afterAll(() => env.close());

const act = (a: Agent, id: number, action: string, extra: Record<string, unknown> = {}) => a.post(`/api/project-approvals/${id}/act`, { action, ...extra });

describe('catalogue and templates', () => {
  it('needs a session and approval:manage', async () => {
    const body = { code: 'X-1', name: '测试事项', departmentId: env.fx.deptA, phase: 'land_planning', statutoryDays: 20, promisedDays: 5, stepDays: stepDays(1, 2, 1, 1, 1) };
    expect((await env.app.inject({ method: 'POST', url: '/api/approval-items', payload: body })).statusCode).toBe(401);
    expect((await unit.post('/api/approval-items', body)).statusCode).toBe(403);
    expect((await dept.post('/api/approval-items', body)).statusCode).toBe(403);
    expect((await sup.post('/api/approval-items', body)).statusCode).toBe(403);
  });

  it('checks limits: promised within statutory, the steps after 受理 within the promised limit', async () => {
    const base = { code: 'X-2', name: '测试事项', departmentId: env.fx.deptA, phase: 'land_planning' };
    const r1 = await disp.post('/api/approval-items', { ...base, statutoryDays: 5, promisedDays: 8, stepDays: stepDays(1, 2, 1, 1, 1) });
    expect(r1.statusCode).toBe(400);
    expect(r1.json().error.details).toContainEqual({ path: 'promisedDays', message: '承诺时限不能超过法定时限' });
    const r2 = await disp.post('/api/approval-items', { ...base, statutoryDays: 20, promisedDays: 5, stepDays: stepDays(1, 3, 1, 1, 1) });
    expect(r2.statusCode).toBe(400);
    expect(r2.json().error.details).toContainEqual({ path: 'stepDays', message: '承办、审核、批准、办结时限之和不能超过承诺时限' });
    const r3 = await disp.post('/api/approval-items', { ...base, departmentId: 99999, statutoryDays: 20, promisedDays: 5, stepDays: stepDays(1, 2, 1, 1, 1) });
    expect(r3.statusCode).toBe(400);
  });

  it('creates items; a code is unique', async () => {
    const mk = async (code: string, name: string, dept: number, phase: string, promised: number, steps: ReturnType<typeof stepDays>) => {
      const r = await disp.post('/api/approval-items', { code, name, departmentId: dept, phase, statutoryDays: 20, promisedDays: promised, stepDays: steps });
      expect(r.statusCode, r.body).toBe(201);
      return r.json();
    };
    const a = await mk('TL-GH-01', '建设工程规划许可证核发', env.fx.deptA, 'engineering', 5, stepDays(1, 2, 1, 1, 1));
    expect(a).toMatchObject({ departmentName: '桐庐县自然资源和规划局', phase: 'engineering', promisedDays: 5, used: 0 });
    itemA = a.id;
    itemD = (await mk('TL-GH-02', '建设用地规划许可证核发', env.fx.deptA, 'land_planning', 5, stepDays(1, 2, 1, 1, 1))).id;
    itemB = (await mk('TL-JT-01', '施工图审查', env.fx.deptB, 'construction', 10, stepDays(1, 4, 2, 2, 1))).id;
    const dup = await disp.post('/api/approval-items', { code: 'tl-gh-01', name: '重复', departmentId: env.fx.deptA, phase: 'engineering', statutoryDays: 20, promisedDays: 5, stepDays: stepDays(1, 2, 1, 1, 1) });
    expect(dup.statusCode).toBe(409);
    const list = (await unit.get('/api/approval-items')).json();
    expect(list.map((i: { code: string }) => i.code)).toEqual(['TL-GH-02', 'TL-GH-01', 'TL-JT-01']); // by phase
  });

  it('templates by project type; applying twice adds nothing; the project gets the limits of the day', async () => {
    const t = await disp.post('/api/approval-templates', { name: '企业投资工业项目', investmentType: 'enterprise', projectField: 'industry', itemCodes: ['TL-GH-01', 'TL-GH-02', 'TL-JT-01'] });
    expect(t.statusCode, t.body).toBe(201);
    const other = await disp.post('/api/approval-templates', { name: '政府投资房建项目', investmentType: 'government', itemCodes: ['TL-GH-01'] });
    expect(other.statusCode).toBe(201);
    expect((await disp.post('/api/approval-templates', { name: '坏模板', itemCodes: ['NOPE'] })).statusCode).toBe(400);
    const fits = (await disp.get(`/api/projects/${projectId}/approval-templates`)).json();
    expect(fits.map((x: { name: string; fits: boolean }) => [x.name, x.fits])).toEqual([
      ['企业投资工业项目', true],
      ['政府投资房建项目', false],
    ]);
    expect((await unit.post(`/api/projects/${projectId}/approvals/apply-template`, { templateId: t.json().id })).statusCode).toBe(403);
    const r = await disp.post(`/api/projects/${projectId}/approvals/apply-template`, { templateId: t.json().id });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().items.map((i: { name: string; status: string }) => [i.name, i.status])).toEqual([
      ['建设用地规划许可证核发', 'not_started'],
      ['建设工程规划许可证核发', 'not_started'],
      ['施工图审查', 'not_started'],
    ]);
    const again = await disp.post(`/api/projects/${projectId}/approvals/apply-template`, { templateId: t.json().id });
    expect(again.json().items).toHaveLength(3);
    const byItem = Object.fromEntries(again.json().items.map((i: { itemId: number; id: number }) => [i.itemId, i.id]));
    [paA, paB, paD] = [byItem[itemA], byItem[itemB], byItem[itemD]];
    // the catalogue changes later; the project's item keeps its 5 days
    const upd = await disp.patch(`/api/approval-items/${itemA}`, { code: 'TL-GH-01', name: '建设工程规划许可证核发', departmentId: env.fx.deptA, phase: 'engineering', statutoryDays: 20, promisedDays: 8, stepDays: stepDays(1, 3, 2, 1, 1) });
    expect(upd.statusCode, upd.body).toBe(200);
    expect((await disp.get(`/api/project-approvals/${paA}`)).json()).toMatchObject({ promisedDays: 5 });
    expect((await disp.delete(`/api/approval-items/${itemA}`)).statusCode).toBe(409);
    const audit = await env.ctx.db.select().from(auditEvents).where(eq(auditEvents.action, 'approval.add'));
    expect(audit).toHaveLength(1);
  });
});

describe('handling an item: the department only, step by step', () => {
  it('the applicant applies; a department or the dispatcher cannot apply for the unit', async () => {
    expect((await act(dept, paA, 'submit')).statusCode).toBe(403);
    const r = await act(unit, paA, 'submit');
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ status: 'pending', currentStep: 'accept' });
    expect(r.json().steps[0]).toMatchObject({ step: 'accept', limitDays: 1, dueDate: '2026-06-16', signal: 'prompt' });
    // the department's users hear of it
    const n = await env.ctx.db.select().from(notifications).where(eq(notifications.userId, env.fx.users.deptA!));
    expect(n.map((x) => x.title)).toContain('新申报审批事项：建设工程规划许可证核发');
    expect((await act(unit, paD, 'submit')).statusCode).toBe(200);
  });

  it('a department sees only the items assigned to it', async () => {
    const mine = (await dept.get('/api/approvals')).json();
    expect(mine.items.map((i: { id: number }) => i.id).sort()).toEqual([paA, paD].sort());
    const theirs = (await deptB.get('/api/approvals')).json();
    expect(theirs.items.map((i: { id: number }) => i.id)).toEqual([paB]);
    expect((await deptB.get(`/api/project-approvals/${paA}`)).statusCode).toBe(404);
    expect((await act(deptB, paA, 'accept')).statusCode).toBe(404);
    const seen = (await deptB.get(`/api/projects/${projectId}/approvals`)).json();
    expect(seen.items.map((i: { id: number }) => i.id)).toEqual([paB]);
    expect(seen.canManage).toBe(false);
    // outside the data scope: another county's region user, a leader not assigned to the project
    expect((await regionB.get(`/api/projects/${projectId}/approvals`)).statusCode).toBe(404);
    expect((await regionB.get(`/api/project-approvals/${paA}`)).statusCode).toBe(404);
    expect((await leader1.get(`/api/projects/${projectId}/approvals`)).statusCode).toBe(404);
    expect((await regionB.get('/api/approvals')).json().total).toBe(0);
  });

  it('only the handling department acts, in order, and is stamped with time and person', async () => {
    expect((await act(disp, paA, 'accept')).statusCode).toBe(403);
    expect((await act(admin, paA, 'accept')).statusCode).toBe(403);
    expect((await act(unit, paA, 'accept')).statusCode).toBe(403);
    at('2026-06-15 11:00');
    const r = await act(dept, paA, 'accept', { version: 2 });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ status: 'accepted', currentStep: 'undertake', acceptedAt: '2026-06-15T03:00:00.000Z', dueDate: '2026-06-23', usedDays: 0 });
    expect(r.json().steps[0]).toMatchObject({ step: 'accept', doneAt: '2026-06-15T03:00:00.000Z', doneBy: '测试deptA', usedDays: 0, signal: 'none' });
    // 承办 2 days: 06-16, 06-17
    expect(r.json().steps[1]).toMatchObject({ step: 'undertake', dueDate: '2026-06-17', signal: 'none' });
    expect(r.json().actions).toEqual(['undertake', 'return']);
    expect((await act(dept, paA, 'accept', { version: 2 })).statusCode).toBe(409); // stale version
    const wrong = await act(dept, paA, 'review');
    expect(wrong.statusCode).toBe(409);
    expect(wrong.json().error.message).toBe('事项当前应办理“承办”环节，不能审核');
    expect((await act(dept, paD, 'accept')).statusCode).toBe(200);
    const audit = await env.ctx.db.select().from(auditEvents).where(eq(auditEvents.action, 'approval.act')).orderBy(asc(auditEvents.id));
    expect(audit.map((a) => a.summary)).toContain(`${(await disp.get(`/api/projects/${projectId}`)).json().name}“建设工程规划许可证核发”受理`);
  });

  it('退回补正 needs a reason and pauses the clock until the applicant resubmits', async () => {
    at('2026-06-22 09:00');
    expect((await act(disp, paB, 'submit')).statusCode).toBe(200); // 代办 by the dispatcher
    const noReason = await act(deptB, paB, 'reject');
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details).toContainEqual({ path: 'reason', message: '请填写原因' });
    const ret = await act(deptB, paB, 'return', { reason: '缺少消防设计文件' });
    expect(ret.json()).toMatchObject({ status: 'returned', suspended: true, currentStep: 'accept' });
    expect((await act(deptB, paB, 'accept')).statusCode).toBe(409);
    const unitNotes = await env.ctx.db.select().from(notifications).where(eq(notifications.userId, env.fx.users.unitA!));
    expect(unitNotes.map((n) => `${n.title}|${n.body}`)).toContainEqual(expect.stringContaining('施工图审查退回补正|'));
    const back = await act(unit, paB, 'resubmit');
    expect(back.json()).toMatchObject({ status: 'pending', suspended: false });
    expect((await act(deptB, paB, 'accept')).json()).toMatchObject({ status: 'accepted' });
    expect(back.json().events.map((e: { action: string; reason: string | null }) => [e.action, e.reason])).toEqual([
      ['submit', null],
      ['return', '缺少消防设计文件'],
      ['resubmit', null],
    ]);
  });
});

describe('signals: the scheduler job', () => {
  const signalsOf = async (id: number) =>
    (await env.ctx.db.select().from(approvalSignals).where(eq(approvalSignals.projectApprovalId, id)).orderBy(asc(approvalSignals.id))).map((s) => `${s.kind}/${s.step}/${s.forDate}`);

  it('06-22: 承办 of A is yellow (due 06-17), A has one day left (prompt); a second run inserts nothing', async () => {
    at('2026-06-22 09:30');
    // D is left alone until the server "comes back" on 06-24
    const run = await runApprovalSignals(env.ctx);
    expect(run.signals).toBeGreaterThan(0);
    expect(await signalsOf(paA)).toEqual(['yellow/undertake/2026-06-17', 'prompt//2026-06-23']);
    const again = await runApprovalSignals(env.ctx);
    expect(again).toMatchObject({ signals: 0, notified: 0 });
    expect(await signalsOf(paA)).toEqual(['yellow/undertake/2026-06-17', 'prompt//2026-06-23']);
    const titles = (await env.ctx.db.select().from(notifications).where(eq(notifications.userId, env.fx.users.deptA!))).map((n) => n.title);
    expect(titles).toContain('黄色预警：建设工程规划许可证核发“承办”环节已超时');
    expect(titles).toContain('临期提醒：建设工程规划许可证核发承诺时限2026-06-23到期');
    const list = (await dept.get('/api/approvals?signal=yellow')).json();
    expect(list.items.map((i: { id: number }) => i.id)).toContain(paA);
  });

  it('06-24: A is red; D, never evaluated before, gets the same yellow and red but no late prompt', async () => {
    await env.ctx.db.delete(approvalSignals).where(eq(approvalSignals.projectApprovalId, paD));
    at('2026-06-24 09:00');
    await runApprovalSignals(env.ctx);
    expect(await signalsOf(paA)).toEqual(['yellow/undertake/2026-06-17', 'prompt//2026-06-23', 'red//2026-06-23']);
    expect(await signalsOf(paD)).toEqual(['yellow/undertake/2026-06-17', 'red//2026-06-23']);
    const dispatcher = (await env.ctx.db.select().from(notifications).where(eq(notifications.userId, env.fx.users.disp!))).map((n) => n.title);
    expect(dispatcher).toContain('红色预警：建设工程规划许可证核发已超过承诺时限');
  });

  it('the supervisor sees every overdue item and step; the department sees its own', async () => {
    const list = (await sup.get('/api/approvals/overdue')).json();
    const rows = list.items;
    expect(list.total).toBe(rows.length);
    expect([list.red, list.yellow]).toEqual([rows.filter((r: { signal: string }) => r.signal === 'red').length, rows.filter((r: { signal: string }) => r.signal === 'yellow').length]);
    // filters and paging: red only; one row a page, the rows in the same order
    const red = (await sup.get('/api/approvals/overdue?signal=red')).json();
    expect(red.items.map((r: { approvalId: number; scope: string }) => `${r.approvalId}/${r.scope}`)).toEqual(rows.filter((r: { signal: string }) => r.signal === 'red').map((r: { approvalId: number; scope: string }) => `${r.approvalId}/${r.scope}`));
    const pages = [];
    for (let page = 1; page <= rows.length; page++) pages.push(...(await sup.get(`/api/approvals/overdue?page=${page}&pageSize=1`)).json().items);
    expect(pages).toEqual(rows);
    expect((await sup.get(`/api/approvals/overdue?departmentId=${env.fx.deptB}`)).json().total).toBe(0);
    expect((await sup.get('/api/approvals/overdue?pageSize=201')).statusCode).toBe(400);
    const a = rows.filter((r: { approvalId: number }) => r.approvalId === paA);
    // 承办 since 06-15: 16, 17, 18, 22, 23, 24 = 6 of 2; the item 6 of 5
    expect(a.map((r: Record<string, unknown>) => [r.scope, r.step, r.usedDays, r.limitDays, r.overDays, r.overdueSince, r.signal])).toEqual([
      ['step', 'undertake', 6, 2, 4, '2026-06-18', 'yellow'],
      ['item', null, 6, 5, 1, '2026-06-24', 'red'],
    ]);
    expect((await deptB.get('/api/approvals/overdue')).json()).toEqual({ items: [], total: 0, red: 0, yellow: 0 });
    expect((await regionB.get('/api/approvals/overdue')).json()).toEqual({ items: [], total: 0, red: 0, yellow: 0 });
  });
});

describe('efficiency: the monthly table, grades and the public page', () => {
  it('A is finished late and rated; B two working days after 受理', async () => {
    for (const a of ['undertake', 'review', 'approve', 'finish']) expect((await act(dept, paA, a, a === 'approve' ? { reason: '同意核发' } : {})).statusCode).toBe(200);
    expect((await act(dept, paA, 'return', { reason: '迟了' })).statusCode).toBe(409);
    at('2026-06-24 10:00');
    for (const a of ['undertake', 'review', 'approve', 'finish']) expect((await act(deptB, paB, a)).statusCode).toBe(200);
    expect((await act(dept, paA, 'undertake')).statusCode).toBe(409);
    expect((await unit.post(`/api/project-approvals/${paA}/rate`, { rating: 'satisfied' })).statusCode).toBe(200);
    expect((await unit.post(`/api/project-approvals/${paA}/rate`, { rating: 'satisfied' })).statusCode).toBe(409);
    expect((await deptB.post(`/api/project-approvals/${paB}/rate`, { rating: 'unsatisfied' })).statusCode).toBe(403);
    expect((await dept.post(`/api/project-approvals/${paB}/rate`, { rating: 'unsatisfied' })).statusCode).toBe(404);
    const a = (await unit.get(`/api/project-approvals/${paA}`)).json();
    expect(a).toMatchObject({ status: 'done', usedDays: 6, signal: 'red', rating: 'satisfied', canRate: false });
    expect(a.steps.find((s: { step: string }) => s.step === 'approve')).toMatchObject({ doneBy: '测试deptA' });
    expect(a.events.find((e: { action: string }) => e.action === 'approve').reason).toBe('同意核发');
  });

  it('June: 自然资源 −20% with two overdue, 交通 +80%; ranked', async () => {
    const t = (await sup.get('/api/efficiency/monthly?year=2026&month=6')).json();
    const row = (id: number) => t.rows.find((r: { departmentId: number }) => r.departmentId === id);
    // 自然资源: A 6 of 5 and D accepted, open, overdue since 06-24 → 受理 2, 办结 1, 提速率 1 − 6/5
    expect(row(env.fx.deptA)).toMatchObject({ accepted: 2, completed: 1, avgDays: 6, speedUp: -0.2, overdue: 2, satisfaction: 1, rated: 1, rank: 2 });
    // 交通: B accepted 06-22, finished 06-24 → 2 of 10 → 80%
    expect(row(env.fx.deptB)).toMatchObject({ accepted: 1, completed: 1, avgDays: 2, speedUp: 0.8, overdue: 0, satisfaction: null, rank: 1 });
    expect(t.top.map((r: { departmentId: number }) => r.departmentId)).toEqual([env.fx.deptB]);
    expect(t.bottom.map((r: { departmentId: number }) => r.departmentId)).toEqual([env.fx.deptA]);
    expect(t.publishedAt).toBeNull();
    const may = (await sup.get('/api/efficiency/monthly?year=2026&month=5')).json();
    expect(may.rows.every((r: { rank: number | null }) => r.rank === null)).toBe(true);
    expect((await sup.get('/api/efficiency/monthly?year=2026&month=13')).statusCode).toBe(400);
  });

  it('Q2 grades by the cut-offs', async () => {
    const q = (await sup.get('/api/efficiency/quarterly?year=2026&quarter=2')).json();
    const grade = (id: number) => q.rows.find((r: { departmentId: number }) => r.departmentId === id).grade;
    expect(grade(env.fx.deptA)).toBe('fail');
    expect(grade(env.fx.deptB)).toBe('excellent');
    // the admin lowers the bar: 合格 from −25%, 2 overdue
    const s = (await admin.get('/api/approval-settings')).json();
    expect(s.process.total).toBe(120);
    const lower = { ...s, grades: { ...s.grades, pass: { minSpeedUp: -0.25, maxOverdue: 3, minSatisfaction: 0.8 } } };
    expect((await unit.patch('/api/approval-settings', lower)).statusCode).toBe(403);
    expect((await admin.patch('/api/approval-settings', lower)).statusCode).toBe(200);
    const q2 = (await sup.get('/api/efficiency/quarterly?year=2026&quarter=2')).json();
    expect(q2.rows.find((r: { departmentId: number }) => r.departmentId === env.fx.deptA).grade).toBe('pass');
    const bad = await admin.patch('/api/approval-settings', { ...s, grades: { ...s.grades, good: { ...s.grades.good, minSpeedUp: 0.9 } } });
    expect(bad.statusCode).toBe(400);
  });

  it('the public page shows only what was published, without people', async () => {
    const pub = (url: string) => env.app.inject({ method: 'GET', url });
    expect((await pub('/api/public/efficiency')).json()).toEqual([]);
    expect((await pub('/api/public/efficiency/department_monthly/2026-06')).statusCode).toBe(404);
    expect((await unit.post('/api/efficiency/publish', { kind: 'department_monthly', period: '2026-06', published: true })).statusCode).toBe(403);
    expect((await disp.post('/api/efficiency/publish', { kind: 'department_monthly', period: '2026-08', published: true })).statusCode).toBe(400);
    expect((await disp.post('/api/efficiency/publish', { kind: 'department_monthly', period: '2026Q2', published: true })).statusCode).toBe(400);
    const r = await disp.post('/api/efficiency/publish', { kind: 'department_monthly', period: '2026-06', published: true });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()[0]).toMatchObject({ kind: 'department_monthly', period: '2026-06', publishedBy: '测试disp' });
    const index = await pub('/api/public/efficiency');
    expect(index.json()).toEqual([{ kind: 'department_monthly', period: '2026-06', publishedAt: '2026-06-24T02:00:00.000Z' }]);
    const table = await pub('/api/public/efficiency/department_monthly/2026-06');
    expect(table.statusCode).toBe(200);
    expect(table.json().rows.map((x: { departmentName: string; rank: number; speedUp: number }) => [x.departmentName, x.rank, x.speedUp])).toEqual([
      ['淳安县交通运输局', 1, 0.8],
      ['桐庐县自然资源和规划局', 2, -0.2],
    ]);
    expect(table.body).not.toMatch(/测试|disp|unitA|杭州甲公司/);
    expect((await pub('/api/public/efficiency/department_quarterly/2026Q2')).statusCode).toBe(404);
    // the internal table says when it was published
    expect((await sup.get('/api/efficiency/monthly?year=2026&month=6')).json().publishedAt).toBe('2026-06-24T02:00:00.000Z');
    // withdrawn → gone from the public page
    await disp.post('/api/efficiency/publish', { kind: 'department_monthly', period: '2026-06', published: false });
    expect((await pub('/api/public/efficiency/department_monthly/2026-06')).statusCode).toBe(404);
    expect((await env.ctx.db.select().from(auditEvents).where(eq(auditEvents.action, 'efficiency.publish')).orderBy(asc(auditEvents.id))).map((a) => a.summary)).toEqual([
      '公开2026年6月部门效能月度表（2个部门）',
      '撤回公开2026年6月部门效能月度表',
    ]);
  });

  it('exports the month as .xlsx', async () => {
    const res = await sup.get('/api/efficiency/monthly/export.xlsx?year=2026&month=6');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell(1, 1).value).toBe('2026年6月部门审批效能情况表');
    expect([ws.getCell(4, 1).value, ws.getCell(4, 2).value, ws.getCell(4, 6).value]).toEqual([1, '淳安县交通运输局', 0.8]);
    expect([ws.getCell(5, 2).value, ws.getCell(5, 7).value]).toEqual(['桐庐县自然资源和规划局', 2]);
  });

  it('every route but the public ones needs a session', async () => {
    for (const url of ['/api/approvals', '/api/approvals/overdue', '/api/approval-items', '/api/approval-templates', '/api/approval-settings', `/api/projects/${projectId}/approvals`, `/api/project-approvals/${paA}`, '/api/efficiency/monthly?year=2026&month=6', '/api/efficiency/quarterly?year=2026&quarter=2', '/api/efficiency/published']) {
      expect((await env.app.inject({ method: 'GET', url })).statusCode, url).toBe(401);
    }
    expect((await env.app.inject({ method: 'GET', url: '/api/public/efficiency' })).statusCode).toBe(200);
    expect((await env.app.inject({ method: 'GET', url: '/api/public/efficiency/department_monthly/2026-13' })).statusCode).toBe(400);
  });

  it('templates and unused items can be changed and deleted', async () => {
    const spare = await disp.post('/api/approval-items', { code: 'TL-SPARE', name: '备用事项', departmentId: env.fx.deptA, phase: 'acceptance', statutoryDays: 10, promisedDays: 5, stepDays: stepDays(0, 1, 1, 1, 1) });
    expect(spare.statusCode, spare.body).toBe(201);
    const t = await disp.post('/api/approval-templates', { name: '备用模板', itemCodes: ['TL-SPARE'] });
    expect((await disp.delete(`/api/approval-items/${spare.json().id}`)).statusCode).toBe(409); // still in a template
    const upd = await disp.patch(`/api/approval-templates/${t.json().id}`, { name: '备用模板（改）', projectField: 'industry', itemCodes: ['TL-GH-02'] });
    expect(upd.statusCode, upd.body).toBe(200);
    expect(upd.json()).toMatchObject({ name: '备用模板（改）', projectField: 'industry', itemCodes: ['TL-GH-02'], investmentType: null });
    expect((await unit.delete(`/api/approval-templates/${t.json().id}`)).statusCode).toBe(403);
    expect((await disp.delete(`/api/approval-items/${spare.json().id}`)).statusCode).toBe(200);
    expect((await disp.delete(`/api/approval-templates/${t.json().id}`)).statusCode).toBe(200);
    expect((await disp.patch(`/api/approval-templates/${t.json().id}`, { name: 'x', itemCodes: ['TL-GH-02'] })).statusCode).toBe(404);
    const actions = (await env.ctx.db.select().from(auditEvents)).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['approval_item.delete', 'approval_template.update', 'approval_template.delete']));
  });

  it('removing an item: only before it is applied for', async () => {
    expect((await disp.delete(`/api/project-approvals/${paA}`)).statusCode).toBe(409);
    const add = await disp.post(`/api/projects/${projectId}/approvals`, { itemId: itemA });
    expect(add.statusCode).toBe(409); // the project has it
  });
});
