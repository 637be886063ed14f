import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import { createTestEnv, projectBody, type Agent, type TestEnv } from '../../../test/helpers.js';
import { assignmentEvents, auditEvents, monthlyReports, notifications } from '../../db/schema.js';
import { loadCalendar } from '../../core/calendar.js';
import { putPlan } from '../plans/plans.service.js';
import { assignmentRates } from './assignments.service.js';
import { computeFigures } from '../indicators/indicators.compute.js';

let env: TestEnv;
let disp: Agent, deptA: Agent, leader1: Agent, leader2: Agent, townA1: Agent, regionA: Agent, regionB: Agent, admin: Agent, sup: Agent, promo: Agent, unitA: Agent;
let item1: number; // leader1 → deptA (桐庐县自然资源和规划局), limit 5
let item2: number; // 县委常委会 (assigner leader2) → townA1's town, co-unit deptB (淳安)
let item3: number; // a proposal to county B, with a due date
let pA: number;
let pB: number;

const at = (china: string) => env.clock.set(new Date(`${china}+08:00`));
const ids = async (a: Agent) => {
  const res = await a.get('/api/assignments?pageSize=200');
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().items as Array<{ id: number }>).map((i) => i.id).sort((x, y) => x - y);
};

beforeAll(async () => {
  env = await createTestEnv({ now: '2026-06-15T02:00:00Z', config: { sessionIdleMinutes: 200_000, sessionMaxHours: 5000 } }); // Monday 15 June 2026, 10:00 in China
  [disp, deptA, leader1, leader2, townA1, regionA, regionB, admin, sup, promo, unitA] = (await Promise.all(
    ['disp', 'deptA', 'leader1', 'leader2', 'townA1', 'regionA', 'regionB', 'admin1', 'super', 'promo', 'unitA'].map((u) => env.login(u)),
  )) as [Agent, Agent, Agent, Agent, Agent, Agent, Agent, Agent, Agent, Agent, Agent];
  pA = (await disp.post('/api/projects', projectBody(env.fx.townA1, { ownerEnterpriseId: env.fx.entA }))).json().id;
  pB = (await disp.post('/api/projects', projectBody(env.fx.countyB, { ownerEnterpriseId: env.fx.entB }))).json().id;
}, 120_000);
afterAll(() => env.close());

const base = { kind: '交办', title: '加快用地报批', content: '请加快二期用地报批，明确时间表。', source: 'leader', meetingName: null, meetingDate: null, coUnits: [] };

describe('creating an item', () => {
  it('needs the permission: units and departments cannot assign, a project unit has no access at all', async () => {
    expect((await deptA.post('/api/assignments', { ...base, assignee: { unitType: 'department', unitId: String(env.fx.deptA) }, limitDays: 5 })).statusCode).toBe(403);
    expect((await unitA.get('/api/assignments')).statusCode).toBe(403);
    expect((await unitA.get('/api/assignments/stats')).statusCode).toBe(403);
  });

  it('validates: a meeting needs its name and date, a limit or a due date, an existing unit', async () => {
    const res = await disp.post('/api/assignments', { ...base, source: 'meeting', assignee: { unitType: 'department', unitId: String(env.fx.deptA) } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(['meetingName', 'meetingDate', 'limitDays']));
    const bad = await disp.post('/api/assignments', { ...base, assignee: { unitType: 'department', unitId: '99999' }, limitDays: 5 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0]).toMatchObject({ path: 'assignee', message: '承办单位不存在或已停用' });
  });

  it('a leader assigns: the assigner is the leader’s person, due in working days, event, audit, the unit notified', async () => {
    const res = await leader1.post('/api/assignments', { ...base, assignee: { unitType: 'department', unitId: String(env.fx.deptA) }, limitDays: 5 });
    expect(res.statusCode, res.body).toBe(201);
    const a = res.json();
    item1 = a.id;
    const cal = await loadCalendar(env.ctx.db);
    // 5 working days after 15 June: 19 June is the Dragon Boat holiday
    expect(a).toMatchObject({ status: 'open', level: 0, assignerPersonId: env.fx.people.leader1, assignee: { unitType: 'department', name: '桐庐县自然资源和规划局' }, limitDays: 5, dueDate: cal.addWorkdays('2026-06-15', 5), overdueDays: 0 });
    expect(a.dueDate).toBe('2026-06-23');
    expect(a.events).toHaveLength(1);
    expect(a.events[0]).toMatchObject({ kind: 'created', toStatus: 'open', dueDate: '2026-06-23' });
    const audit = await env.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'assignment.create'), eq(auditEvents.entityId, String(item1))));
    expect(audit).toHaveLength(1);
    const notes = await env.ctx.db.select().from(notifications).where(eq(notifications.userId, env.fx.users.deptA!));
    expect(notes.map((n) => n.kind)).toContain('assignment.created');
  });

  it('from a meeting, for another leader, with a co-unit; a proposal with a due date', async () => {
    const res = await disp.post('/api/assignments', {
      ...base,
      title: '闲置厂房盘活',
      source: 'meeting',
      meetingName: '县委常委会',
      meetingDate: '2026-06-15',
      assignerPersonId: env.fx.people.leader2,
      assignee: { unitType: 'region', unitId: env.fx.townA1 },
      coUnits: [{ unitType: 'department', unitId: String(env.fx.deptB) }],
      limitDays: 5,
    });
    expect(res.statusCode, res.body).toBe(201);
    item2 = res.json().id;
    expect(res.json()).toMatchObject({ meetingName: '县委常委会', assignee: { name: '桐君街道' }, coUnits: [{ unitType: 'department', name: '淳安县交通运输局' }] });
    const p = await disp.post('/api/assignments', { ...base, kind: '建议提案', title: '增开夜班公交', assignee: { unitType: 'region', unitId: env.fx.countyB }, dueDate: '2026-07-10' });
    expect(p.statusCode, p.body).toBe(201);
    item3 = p.json().id;
    expect(p.json()).toMatchObject({ kind: '建议提案', limitDays: null, dueDate: '2026-07-10', levelDueDate: '2026-07-10' });
  });
});

describe('who sees what (in SQL)', () => {
  it('admin, dispatcher and supervisor see all; units their own and their subtree’s; leaders what they assigned; co-units theirs', async () => {
    const all = [item1, item2, item3].sort((x, y) => x - y);
    expect(await ids(admin)).toEqual(all);
    expect(await ids(disp)).toEqual(all);
    expect(await ids(sup)).toEqual(all);
    expect(await ids(regionA)).toEqual([item1, item2]); // the county: its department and its town
    expect(await ids(townA1)).toEqual([item2]);
    expect(await ids(regionB)).toEqual([item2, item3].sort((x, y) => x - y)); // co-unit 淳安县交通运输局, and its own
    expect(await ids(deptA)).toEqual([item1]);
    expect(await ids(leader1)).toEqual([item1]);
    expect(await ids(leader2)).toEqual([item2]);
    expect(await ids(promo)).toEqual([]);
    expect((await unitA.get(`/api/assignments/${item1}`)).statusCode).toBe(403);
    expect((await townA1.get(`/api/assignments/${item1}`)).statusCode).toBe(404);
    expect((await leader2.get(`/api/assignments/${item1}`)).statusCode).toBe(404);
    expect((await deptA.get(`/api/assignments/${item1}`)).json().abilities).toEqual({ answer: true, rate: false });
    expect((await regionB.get(`/api/assignments/${item2}`)).json().abilities).toEqual({ answer: false, rate: false });
  });
});

describe('answer and rate', () => {
  it('only the assignee unit answers; a co-unit cannot', async () => {
    const v = (await disp.get(`/api/assignments/${item2}`)).json().version;
    expect((await regionB.post(`/api/assignments/${item2}/answer`, { answer: '协办意见', version: v })).statusCode).toBe(403);
    expect((await townA1.post(`/api/assignments/${item1}/answer`, { answer: 'x', version: 1 })).statusCode).toBe(404);
    // the county sees its department's item but does not answer for it
    expect((await regionA.get(`/api/assignments/${item1}`)).json().abilities.answer).toBe(false);
    expect((await regionA.get(`/api/assignments/${item2}`)).json().abilities.answer).toBe(true); // its town's
  });

  it('answered → the assigner rates; 不满意 reopens it for a new answer; 满意 closes it', async () => {
    let a = (await deptA.get(`/api/assignments/${item1}`)).json();
    let res = await deptA.post(`/api/assignments/${item1}/answer`, { answer: '已报送市局。', version: a.version });
    expect(res.statusCode, res.body).toBe(200);
    a = res.json();
    expect(a).toMatchObject({ status: 'answered', answer: '已报送市局。' });
    expect((await deptA.post(`/api/assignments/${item1}/answer`, { answer: '再答', version: a.version })).statusCode).toBe(409);
    // the dispatcher may rate in general, but not an item it neither created nor assigned
    expect((await disp.post(`/api/assignments/${item1}/rate`, { rating: 'satisfied', version: a.version })).statusCode).toBe(403);
    expect((await leader1.get(`/api/assignments/${item1}`)).json().abilities.rate).toBe(true);
    res = await leader1.post(`/api/assignments/${item1}/rate`, { rating: 'unsatisfied', note: '时间表不明确', version: a.version });
    expect(res.statusCode, res.body).toBe(200);
    a = res.json();
    expect(a).toMatchObject({ status: 'open', answer: null, rating: 'unsatisfied', dueDate: '2026-06-23' });
    expect(a.levelDueDate).toBe('2026-06-23'); // 5 working days from today again
    expect(a.events.map((e: { kind: string }) => e.kind)).toEqual(['created', 'answered', 'rated', 'reopened']);
    a = (await deptA.post(`/api/assignments/${item1}/answer`, { answer: '已报送市局，7月中旬批复。', version: a.version })).json();
    res = await leader1.post(`/api/assignments/${item1}/rate`, { rating: 'satisfied', version: a.version });
    expect(res.json()).toMatchObject({ status: 'closed', rating: 'satisfied' });
    expect(res.json().closedAt).not.toBeNull();
    const kinds = (await env.ctx.db.select().from(notifications).where(eq(notifications.userId, env.fx.users.deptA!))).map((n) => n.kind);
    expect(kinds).toEqual(expect.arrayContaining(['assignment.created', 'assignment.reopened', 'assignment.closed']));
    expect((await env.ctx.db.select().from(notifications).where(eq(notifications.userId, env.fx.users.leader1!))).map((n) => n.kind)).toContain('assignment.answered');
  });
});

describe('escalation by the hourly job, with a moved clock', () => {
  it('an item unanswered past its limit climbs the problems’ ladder, once per elapsed limit, with events, notices and audit', async () => {
    at('2026-06-23T18:00:00'); // due today: not overdue
    let run = await disp.post('/api/scheduler/run', { jobs: ['assignments.escalate'] });
    expect(run.statusCode, run.body).toBe(200);
    expect(run.json().runs[0]).toMatchObject({ status: 'ok', result: { items: 0, moves: 0 } });
    at('2026-06-24T09:00:00');
    run = await disp.post('/api/scheduler/run', { jobs: ['assignments.escalate'] });
    expect(run.json().runs[0]).toMatchObject({ status: 'ok', result: { items: 1, moves: 1 } });
    let a = (await disp.get(`/api/assignments/${item2}`)).json();
    // 分管领导 of a town: its leaders' accounts; the fixture has none, so the dispatchers hold it
    expect(a).toMatchObject({ level: 1, levelName: '分管领导', dueDate: '2026-06-23', levelDueDate: '2026-06-30', holders: [{ id: env.fx.users.disp }] });
    expect(a.events.at(-1)).toMatchObject({ kind: 'escalated', actorName: null, fromLevel: 0, toLevel: 1, dueDate: '2026-06-30' });
    // again the same day: nothing more
    run = await disp.post('/api/scheduler/run', { jobs: ['assignments.escalate'] });
    expect(run.json().runs[0].result).toEqual({ items: 0, moves: 0 });
    // four weeks later: 包保领导 (the assigner, leader2), then 县委县政府调度会 (dispatchers); the proposal due
    // 10 July has passed its limit (13 July) and its 分管领导's (17 July) too
    at('2026-07-20T09:00:00');
    run = await disp.post('/api/scheduler/run', { jobs: ['assignments.escalate'] });
    expect(run.json().runs[0].result).toEqual({ items: 2, moves: 4 });
    expect((await regionB.get(`/api/assignments/${item3}`)).json()).toMatchObject({ level: 2, dueDate: '2026-07-10', levelDueDate: '2026-07-24' });
    a = (await leader2.get(`/api/assignments/${item2}`)).json();
    expect(a.level).toBe(3);
    expect(a.events.filter((e: { kind: string }) => e.kind === 'escalated').map((e: { toLevel: number }) => e.toLevel)).toEqual([1, 2, 3]);
    const lv2 = await env.ctx.db.select().from(assignmentEvents).where(and(eq(assignmentEvents.assignmentId, item2), eq(assignmentEvents.toLevel, 2)));
    expect((lv2[0]!.data as { holderIds: number[] }).holderIds).toEqual([env.fx.users.leader2]);
    const toLeader2 = await env.ctx.db.select().from(notifications).where(and(eq(notifications.userId, env.fx.users.leader2!), eq(notifications.kind, 'assignment.escalated')));
    expect(toLeader2).toHaveLength(1);
    const toTown = await env.ctx.db.select().from(notifications).where(and(eq(notifications.userId, env.fx.users.townA1!), eq(notifications.kind, 'assignment.escalated')));
    expect(toTown).toHaveLength(3);
    expect(await env.ctx.db.select().from(auditEvents).where(eq(auditEvents.action, 'assignment.escalate'))).toHaveLength(3);
    // the top is reached: it stays overdue there
    expect((await disp.post('/api/scheduler/run', { jobs: ['assignments.escalate'] })).json().runs[0].result).toEqual({ items: 0, moves: 0 });
    // 调度会 has 10 working days from 7 July
    expect(a).toMatchObject({ levelName: '县委县政府调度会', levelDueDate: '2026-07-21', overdueDays: 0 });
    at('2026-06-15T10:00:00');
  });
});

describe('办结率 and 按时办结率', () => {
  it('per unit over the items due in the period, "—" (null) for a unit with nothing due', async () => {
    const res = await disp.get('/api/assignments/stats?period=2026-06');
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json();
    expect(s).toMatchObject({ period: '2026-06', from: '2026-06-01', to: '2026-06-30' });
    const by = new Map(s.rows.map((r: { unitId: string }) => [r.unitId, r]));
    expect(by.get(String(env.fx.deptA))).toMatchObject({ due: 1, done: 1, onTime: 1, doneRate: 100, onTimeRate: 100 });
    expect(by.get(env.fx.townA1)).toMatchObject({ due: 1, done: 0, onTime: 0, doneRate: 0, onTimeRate: 0 });
    expect(by.get(env.fx.countyB)).toMatchObject({ due: 0, doneRate: null, onTimeRate: null });
    expect(s.total).toMatchObject({ unitName: '合计', due: 2, done: 1, doneRate: 50 });
    // scoped: the town sees only its own row
    const t = (await townA1.get('/api/assignments/stats?period=2026-Q2')).json();
    expect(t.rows.map((r: { unitId: string }) => r.unitId)).toEqual([env.fx.townA1]);
    expect((await disp.get('/api/assignments/stats?period=2026-13')).statusCode).toBe(400);
  });

  it('assignmentRates gives the indicator layer every unit with something due', async () => {
    const m = await assignmentRates(env.ctx.db, { from: '2026-06-01', to: '2026-06-30' });
    expect(m.get(`department:${env.fx.deptA}`)).toEqual({ due: 1, done: 1, onTime: 1 });
    expect(m.get(`region:${env.fx.townA1}`)).toEqual({ due: 1, done: 0, onTime: 0 });
    expect(m.has(`region:${env.fx.countyB}`)).toBe(false);
  });

  it('feed the computed indicators 交办事项办结率 and 按时办结率 of towns and departments', async () => {
    const figs = async (formula: 'assignmentDoneRate' | 'assignmentOnTimeRate') =>
      (await computeFigures(env.ctx, env.ctx.db, { id: 0, formula, filter: null, appliesTo: ['town', 'department'], accumulation: 'period', cadence: 'month' }, '2026-06')).map((f) => ({
        unit: `${f.unitType}:${f.unitId}`,
        value: f.value ? Number(f.value.n) / Number(f.value.d) : null,
      }));
    expect(await figs('assignmentDoneRate')).toEqual(
      expect.arrayContaining([
        { unit: `region:${env.fx.townA1}`, value: 0 },
        { unit: `department:${env.fx.deptA}`, value: 100 },
      ]),
    );
    const onTime = await figs('assignmentOnTimeRate');
    expect(onTime).toHaveLength(2); // the other town and department have nothing due: no figure
    expect(onTime).toEqual(expect.arrayContaining([{ unit: `department:${env.fx.deptA}`, value: 100 }]));
  });
});

describe('campaigns (攻坚行动)', () => {
  let cid: number;
  it('campaign:manage creates; task:read reads; a project unit reads nothing', async () => {
    await putPlan(env.ctx, pA, 2026, { category: 'new_start', plannedInvestment: 1200, monthly: [0, 0, 0, 0, 200, 300, 300, 400, 0, 0, 0, 0], imageTarget: null });
    await env.ctx.db.insert(monthlyReports).values([
      { projectId: pA, year: 2026, month: 5, status: 'accepted', investment: '400' },
      { projectId: pA, year: 2026, month: 6, status: 'submitted', investment: '100' },
    ]);
    const body = {
      name: '大干50天',
      startDate: '2026-05-20',
      endDate: '2026-07-10',
      description: '冲刺半年',
      items: [
        { kind: 'project', projectId: pA },
        { kind: 'project', projectId: pB, target: 100 },
        { kind: 'task', taskId: 99 },
      ],
    };
    for (const a of [leader1, deptA, regionA, promo]) expect((await a.post('/api/campaigns', body)).statusCode).toBe(403);
    expect((await unitA.get('/api/campaigns')).statusCode).toBe(403);
    const bad = await disp.post('/api/campaigns', { ...body, endDate: '2026-05-01' });
    expect(bad.statusCode).toBe(400);
    const res = await sup.post('/api/campaigns', body);
    expect(res.statusCode, res.body).toBe(201);
    cid = res.json().id;
    for (const a of [admin, disp, sup, regionA, townA1, regionB, deptA, leader1, leader2, promo]) {
      const r = await a.get(`/api/campaigns/${cid}`);
      expect(r.statusCode, r.body).toBe(200);
      expect((await a.get('/api/campaigns')).json().items.map((c: { id: number }) => c.id)).toContain(cid);
    }
    expect((await unitA.get(`/api/campaigns/${cid}`)).statusCode).toBe(403);
  });

  it('detail: countdown, items against the time elapsed with lights, what is behind', async () => {
    const d = (await regionB.get(`/api/campaigns/${cid}`)).json();
    // 15 June: 26 of 51 days have passed
    expect(d).toMatchObject({ status: 'active', countdown: { calendarDays: 25, timeShare: 50.98 }, itemCount: 3, summary: null, abilities: { edit: false } });
    const cal = await loadCalendar(env.ctx.db);
    expect(d.countdown.workdays).toBe(cal.workdaysBetween('2026-06-15', '2026-07-10'));
    const [a, b, t] = d.items;
    // pA: plan May–July 800, accepted May 400 (June only submitted) → 50% against 50.98%: less than 10 points behind
    expect(a).toMatchObject({ kind: 'project', refId: pA, due: 800, reached: 400, completion: 50, light: 'green', done: false, missing: false });
    // pB: 100 to do, nothing reached → 51 points behind → red (银川: beyond 30)
    expect(b).toMatchObject({ kind: 'project', refId: pB, due: 100, reached: 0, completion: 0, light: 'red', done: false });
    // a task the tasks module does not know (yet)
    expect(t).toMatchObject({ kind: 'task', refId: 99, missing: true, light: null });
    expect(d.behind.map((i: { refId: number }) => i.refId)).toEqual([pB]);
  });

  it('exports the items as a sheet with the figures and lights of the detail, for every reader; a project unit gets 403', async () => {
    const d = (await disp.get(`/api/campaigns/${cid}`)).json();
    for (const a of [admin, disp, sup, regionA, townA1, regionB, deptA, leader1, leader2, promo]) {
      const res = await a.get(`/api/campaigns/${cid}/export.xlsx`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const ws = wb.worksheets[0]!;
      expect(ws.getRow(1).getCell(1).value).toBe('大干50天逐项检查表');
      expect((ws.getRow(3).values as unknown[]).slice(1)).toEqual(['序号', '类别', '事项', '责任单位', '应完成', '已完成', '完成率（%）', '亮灯', '说明', '是否完成']);
      const rows = [4, 5, 6].map((r) => (ws.getRow(r).values as unknown[]).slice(1));
      // the detail's own figures: pA 800 due, 400 reached, 50% green; pB 100 due, nothing reached, red; the unknown task named as such
      expect(rows[0]!.slice(0, 8)).toEqual([1, '项目', d.items[0].name, d.items[0].unitName, '800万元', '400万元', 50, '绿灯']);
      expect(rows[1]!.slice(4, 8)).toEqual(['100万元', '0万元', 0, '红灯']);
      expect(rows[2]!.slice(1, 3)).toEqual(['重点任务', '任务 #99（已删除或无法读取）']);
      expect(rows[2]![9]).toBe('否');
    }
    expect((await unitA.get(`/api/campaigns/${cid}/export.xlsx`)).statusCode).toBe(403);
    expect((await disp.get('/api/campaigns/999999/export.xlsx')).statusCode).toBe(404);
  });

  it('PATCH edits with the version; once ended, a summary table and status ended', async () => {
    const d = (await disp.get(`/api/campaigns/${cid}`)).json();
    expect((await disp.patch(`/api/campaigns/${cid}`, { name: 'x', version: d.version + 1 })).statusCode).toBe(409);
    expect((await leader1.patch(`/api/campaigns/${cid}`, { name: 'x', version: d.version })).statusCode).toBe(403);
    const res = await disp.patch(`/api/campaigns/${cid}`, { name: '大干50天（冲刺）', items: d.inputs.slice(0, 2), version: d.version });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ name: '大干50天（冲刺）', itemCount: 2 });
    // a patch without items keeps them
    const kept = await disp.patch(`/api/campaigns/${cid}`, { description: '冲刺半年，逐项销号', version: res.json().version });
    expect(kept.json()).toMatchObject({ description: '冲刺半年，逐项销号', itemCount: 2 });
    at('2026-07-13T10:00:00');
    const e = (await disp.get(`/api/campaigns/${cid}`)).json();
    expect(e).toMatchObject({ status: 'ended', countdown: { calendarDays: -3, workdays: 0, timeShare: 100 } });
    expect(e.summary).toEqual([
      { kind: 'project', refId: pA, name: expect.any(String), due: 800, reached: 400, unit: '万元', done: false },
      { kind: 'project', refId: pB, name: expect.any(String), due: 100, reached: 0, unit: '万元', done: false },
    ]);
    expect(e.behind).toHaveLength(2);
    expect(await env.ctx.db.select().from(auditEvents).where(eq(auditEvents.entityType, 'campaign'))).toHaveLength(3);
    at('2026-06-15T10:00:00');
  });

  it('a task item shows its main target: what is due, in its unit, and the figure reached', async () => {
    const task = await disp.post('/api/tasks', {
      title: '污水站点提标（攻坚行动）',
      type: '重点工作',
      year: 2026,
      leadUnit: { unitType: 'region', unitId: '330122' },
      deadline: '2026-12-31',
      targets: [
        { name: '验收报告', kind: 'deliverable', dueDate: '2026-12-31' },
        { name: '站点提标', kind: 'quantity', value: 24, unit: '处', main: true },
      ],
    });
    expect(task.statusCode, task.body).toBe(201);
    const tid = task.json().id;
    const c = await disp.post('/api/campaigns', { name: '站点攻坚', startDate: '2026-06-01', endDate: '2026-07-31', items: [{ kind: 'task', taskId: tid }] });
    expect(c.statusCode, c.body).toBe(201);
    const item = (await disp.get(`/api/campaigns/${c.json().id}`)).json().items[0];
    expect(item).toMatchObject({ kind: 'task', refId: tid, due: 24, unit: '处', reached: null, done: false, missing: false });
  });
});
