import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { createTestEnv, projectBody, type Agent, type TestEnv } from '../../../test/helpers.js';
import { auditEvents, departments, notifications, problemEvents, problems, projects } from '../../db/schema.js';
import { escalateOverdueProblems, promptDueProblems } from './problems.service.js';

let env: TestEnv;
let pA: number; // entA's project in 桐庐 (town A1), 包保领导 leader1
let pB: number; // entB's project in 淳安
const put = (a: Agent, url: string, payload: unknown) => env.app.inject({ method: 'PUT', url, headers: { cookie: a.cookie, 'x-csrf-token': a.csrf }, payload: payload as object });
let disp: Agent, unit: Agent, dept: Agent, leader1: Agent, leader2: Agent, regionB: Agent, admin: Agent;

const at = (china: string) => env.clock.set(new Date(`${china}+08:00`));
const noticesOf = async (userId: number) => env.ctx.db.select().from(notifications).where(eq(notifications.userId, userId));

beforeAll(async () => {
  // sessions outlive the clock moves of these tests
  env = await createTestEnv({ now: '2026-06-15T02:00:00Z', config: { sessionIdleMinutes: 200_000, sessionMaxHours: 5000 } }); // Monday 15 June 2026, 10:00 in China
  disp = await env.login('disp');
  unit = await env.login('unitA');
  dept = await env.login('deptA');
  leader1 = await env.login('leader1');
  leader2 = await env.login('leader2');
  regionB = await env.login('regionB');
  admin = await env.login('admin1');
  const mk = async (region: string, ent: number, leaders: number[]) => {
    const res = await disp.post('/api/projects', projectBody(region, { ownerEnterpriseId: ent, leaderIds: leaders }));
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as number;
  };
  pA = await mk(env.fx.townA1, env.fx.entA, [env.fx.people.leader1!]);
  pB = await mk(env.fx.countyB, env.fx.entB, []);
  // 分管领导 of the natural-resources bureau
  await env.ctx.db.update(departments).set({ leaderId: env.fx.people.leader2! }).where(eq(departments.id, env.fx.deptA));
});
afterAll(() => env.close());

const body = (over: Record<string, unknown> = {}) => ({ projectId: pA, category: 'land', title: '用地指标未落实', description: '二期用地指标尚未下达，影响开工。', ...over });

describe('raising a problem', () => {
  it('needs a session and the right role', async () => {
    expect((await env.app.inject({ method: 'POST', url: '/api/problems', payload: body() })).statusCode).toBe(401);
    expect((await leader1.post('/api/problems', body())).statusCode).toBe(403);
    expect((await dept.post('/api/problems', body())).statusCode).toBe(403);
  });
  it('validates the fields, in Chinese', async () => {
    const res = await unit.post('/api/problems', body({ title: ' ', category: 'weather' }));
    expect(res.statusCode).toBe(400);
    const paths = res.json().error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['title', 'category']));
    expect(res.json().error.details.find((d: { path: string }) => d.path === 'title').message).toBe('请填写问题标题');
  });
  it('a unit raises only for its own projects', async () => {
    const res = await unit.post('/api/problems', body({ projectId: pB }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('projectId');
  });
  it('a unit raises one for its project: pending, timeline, audit, the dispatcher notified', async () => {
    const res = await unit.post('/api/problems', body());
    expect(res.statusCode, res.body).toBe(201);
    const p = res.json();
    expect(p).toMatchObject({ status: 'pending', source: 'unit', level: 0, levelName: '承办部门', raisedByName: '测试unitA', dueDate: null, overdueDays: 0 });
    expect(p.events.map((e: { kind: string }) => e.kind)).toEqual(['raised']);
    expect(p.abilities).toEqual({ assign: false, accept: false, answer: false, rate: false, attach: true });
    const audit = await env.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'problem.raise'), eq(auditEvents.entityId, String(p.id))));
    expect(audit).toHaveLength(1);
    expect((await noticesOf(env.fx.users.disp!)).map((n) => n.title)).toContain('新问题待交办：用地指标未落实');
  });
});

describe('a problem through its life, with escalation by the clock', () => {
  let id: number;
  let version: number;
  beforeAll(async () => {
    at('2026-06-15T10:00:00');
    const res = await unit.post('/api/problems', body({ title: '施工用电未接入', category: 'utilities' }));
    id = res.json().id;
    version = res.json().version;
  });

  it('scope: another county and the department (before assignment) do not see it; the project leader does', async () => {
    expect((await regionB.get(`/api/problems/${id}`)).statusCode).toBe(404);
    expect((await dept.get(`/api/problems/${id}`)).statusCode).toBe(404);
    expect((await leader1.get(`/api/problems/${id}`)).statusCode).toBe(200);
    expect((await regionB.get('/api/problems')).json().total).toBe(0);
  });

  it('only the dispatcher assigns, to an active unit and one of its people; stale versions conflict', async () => {
    const assign = { responsibleDeptId: env.fx.deptA, responsibleUserId: env.fx.users.deptA, limitDays: 2, version };
    expect((await unit.post(`/api/problems/${id}/assign`, assign)).statusCode).toBe(403);
    const wrongPerson = await disp.post(`/api/problems/${id}/assign`, { ...assign, responsibleUserId: env.fx.users.leader1 });
    expect(wrongPerson.statusCode).toBe(400);
    expect(wrongPerson.json().error.details[0].path).toBe('responsibleUserId');
    expect((await disp.post(`/api/problems/${id}/assign`, { ...assign, limitDays: 0 })).statusCode).toBe(400);
    const res = await disp.post(`/api/problems/${id}/assign`, assign);
    expect(res.statusCode, res.body).toBe(200);
    // Monday + 2 working days
    expect(res.json()).toMatchObject({ status: 'pending', responsibleDeptId: env.fx.deptA, responsibleUserName: '测试deptA', limitDays: 2, dueDate: '2026-06-17' });
    expect((await disp.post(`/api/problems/${id}/assign`, assign)).statusCode).toBe(409);
    version = res.json().version;
    expect((await noticesOf(env.fx.users.deptA!)).map((n) => n.title)).toContain('问题交办：施工用电未接入');
  });

  it('the department now sees it in 待我处理 and accepts it; a leader cannot accept for it', async () => {
    const list = (await dept.get('/api/problems?tab=todo')).json();
    expect(list.items.map((p: { id: number }) => p.id)).toEqual([id]);
    expect(list.counts.todo).toBe(1);
    expect((await leader1.post(`/api/problems/${id}/accept`, { version })).statusCode).toBe(403);
    const res = await dept.post(`/api/problems/${id}/accept`, { version });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('handling');
    version = res.json().version;
  });

  it('one working day before the limit the responsible person is prompted, once', async () => {
    at('2026-06-15T16:00:00');
    expect(await promptDueProblems(env.ctx)).toEqual({ prompted: 0 }); // due Wed, two working days left
    at('2026-06-16T09:00:00');
    expect(await promptDueProblems(env.ctx)).toEqual({ prompted: 1 });
    expect(await promptDueProblems(env.ctx)).toEqual({ prompted: 0 });
    at('2026-06-17T09:00:00');
    expect(await promptDueProblems(env.ctx)).toEqual({ prompted: 0 }); // same level, same due date: already told
    const prompts = (await noticesOf(env.fx.users.deptA!)).filter((n) => n.kind === 'problem.prompt');
    expect(prompts.map((n) => n.title)).toEqual(['临期提醒：问题将于2026-06-17到期：施工用电未接入']);
    expect((await noticesOf(env.fx.users.unitA!)).filter((n) => n.kind === 'problem.prompt')).toEqual([]);
  });

  it('due today is not overdue; the scheduler leaves it', async () => {
    at('2026-06-17T18:00:00');
    expect(await escalateOverdueProblems(env.ctx)).toEqual({ problems: 0, moves: 0 });
    expect((await dept.get(`/api/problems/${id}`)).json()).toMatchObject({ level: 0, overdueDays: 0 });
  });

  it('one working day late, the on-demand run moves it to the 分管领导, who sees it in 待我处理; a second run changes nothing', async () => {
    at('2026-06-18T09:00:00');
    const overdue = (await dept.get(`/api/problems/${id}`)).json();
    expect(overdue.overdueDays).toBe(1);
    const run = await disp.post('/api/scheduler/run', { jobs: ['problems.escalate'] });
    expect(run.statusCode, run.body).toBe(200);
    expect(run.json().runs[0]).toMatchObject({ status: 'ok', result: { problems: 1, moves: 1 } });
    const p = (await leader2.get(`/api/problems/${id}`)).json();
    // 分管领导 has 5 working days from the old due date; 19–21 June is the Dragon Boat holiday
    expect(p).toMatchObject({ level: 1, levelName: '分管领导', dueDate: '2026-06-25', holders: [{ id: env.fx.users.leader2, name: '测试leader2' }] });
    expect(p.events.at(-1)).toMatchObject({ kind: 'escalated', actorName: null, fromLevel: 0, toLevel: 1, dueDate: '2026-06-25' });
    expect((await leader2.get('/api/problems?tab=todo')).json().items.map((x: { id: number }) => x.id)).toEqual([id]);
    const notes = (await noticesOf(env.fx.users.leader2!)).length;
    expect(await escalateOverdueProblems(env.ctx)).toEqual({ problems: 0, moves: 0 });
    expect((await noticesOf(env.fx.users.leader2!)).length).toBe(notes);
    version = p.version;
  });

  it('at the new level the 分管领导 is prompted before its own limit', async () => {
    at('2026-06-24T09:00:00');
    expect(await promptDueProblems(env.ctx)).toEqual({ prompted: 1 });
    const titles = (await noticesOf(env.fx.users.leader2!)).filter((n) => n.kind === 'problem.prompt').map((n) => n.title);
    expect(titles).toEqual(['临期提醒：问题将于2026-06-25到期：施工用电未接入']);
  });

  it('after a missed fortnight, one run climbs once per elapsed limit, to the top', async () => {
    at('2026-07-10T09:00:00');
    expect(await escalateOverdueProblems(env.ctx)).toEqual({ problems: 1, moves: 2 });
    expect(await escalateOverdueProblems(env.ctx)).toEqual({ problems: 0, moves: 0 });
    const evs = await env.ctx.db.select().from(problemEvents).where(and(eq(problemEvents.problemId, id), eq(problemEvents.kind, 'escalated')));
    expect(evs.map((e) => [e.toLevel, e.dueDate])).toEqual([
      [1, '2026-06-25'],
      [2, '2026-07-02'],
      [3, '2026-07-16'],
    ]);
    const p = (await disp.get(`/api/problems/${id}`)).json();
    expect(p).toMatchObject({ level: 3, levelName: '县委县政府调度会', holders: [{ id: env.fx.users.disp }] });
    // the 包保领导 held it at level 2 and still sees it; the 分管领导 too
    expect((await leader1.get(`/api/problems/${id}`)).statusCode).toBe(200);
    expect((await leader2.get(`/api/problems/${id}`)).statusCode).toBe(200);
    expect((await leader2.get('/api/problems?tab=todo')).json().total).toBe(0);
    version = p.version;
  });

  it('only the unit or the current level answers; a past holder cannot', async () => {
    expect((await unit.post(`/api/problems/${id}/answer`, { outcome: 'solved', answer: '已通电', version })).statusCode).toBe(403);
    expect((await leader2.post(`/api/problems/${id}/answer`, { outcome: 'solved', answer: '已通电', version })).statusCode).toBe(403);
    const res = await dept.post(`/api/problems/${id}/answer`, { outcome: 'solved', answer: '已协调供电公司，7月9日通电', version });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'answered_solved', answer: '已协调供电公司，7月9日通电', overdueDays: 0 });
    version = res.json().version;
    expect((await noticesOf(env.fx.users.unitA!)).map((n) => n.title)).toContain('问题已办结，请评价：施工用电未接入');
  });

  it('不满意 reopens it with a new limit; 暂缓 needs a condition and a date; 满意 closes it', async () => {
    expect((await dept.post(`/api/problems/${id}/rate`, { rating: 'satisfied', version })).statusCode).toBe(403);
    let res = await unit.post(`/api/problems/${id}/rate`, { rating: 'unsatisfied', note: '只接了临时电', version });
    expect(res.statusCode, res.body).toBe(200);
    // Friday 10 July + 10 working days (the top level's limit)
    expect(res.json()).toMatchObject({ status: 'handling', level: 3, answer: null, rating: 'unsatisfied', dueDate: '2026-07-24' });
    version = res.json().version;
    const bad = await dept.post(`/api/problems/${id}/answer`, { outcome: 'deferred', answer: '正式用电需新建线路', version });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { path: string }) => d.path).sort()).toEqual(['deferralCondition', 'deferralDate']);
    res = await dept.post(`/api/problems/${id}/answer`, { outcome: 'deferred', answer: '正式用电需新建线路', deferralCondition: '110kV线路工程完工', deferralDate: '2026-10-31', version });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'deferred', deferralDate: '2026-10-31' });
    version = res.json().version;
    res = await unit.post(`/api/problems/${id}/rate`, { rating: 'basic', version });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'closed', rating: 'basic' });
    expect(res.json().closedAt).not.toBeNull();
    expect(res.json().events.map((e: { kind: string }) => e.kind)).toEqual(['raised', 'assigned', 'accepted', 'escalated', 'escalated', 'escalated', 'answered', 'rated', 'reopened', 'deferred', 'rated', 'closed']);
    expect((await dept.post(`/api/problems/${id}/answer`, { outcome: 'solved', answer: 'x', version: res.json().version })).statusCode).toBe(409);
  });
});

describe('lists and counts', () => {
  it('tabs: mine, overdue, filters; counts agree with the lists', async () => {
    at('2026-07-10T09:00:00');
    const mine = (await unit.get('/api/problems?tab=mine')).json();
    expect(mine.total).toBe(2);
    expect(mine.counts.mine).toBe(2);
    const all = (await disp.get('/api/problems?status=closed')).json();
    expect(all.items.map((p: { title: string }) => p.title)).toEqual(['施工用电未接入']);
    expect((await disp.get('/api/problems?keyword=用电')).json().total).toBe(1);
    expect((await disp.get('/api/problems?keyword=用地')).json().total).toBe(2);
    expect((await disp.get('/api/problems?tab=overdue')).json().total).toBe(0);
    expect((await disp.get('/api/problems?level=9')).statusCode).toBe(400);
  });

  it('a project\'s counts: open (待受理 or 办理中), overdue and all agree with its problems', async () => {
    const one = (await disp.get(`/api/problems?projectId=${pA}&tab=all&pageSize=200`)).json();
    const statuses = one.items.map((p: { status: string }) => p.status);
    expect(statuses).toEqual(expect.arrayContaining(['pending', 'closed']));
    expect(one.counts).toMatchObject({ all: one.items.length, open: statuses.filter((s: string) => s === 'pending' || s === 'handling').length, overdue: 0 });
    expect(one.counts.open).toBeGreaterThan(0);
    expect(one.counts.open).toBeLessThan(one.counts.all);
    // the counts follow the filters: none for the project without problems
    expect((await disp.get(`/api/problems?projectId=${pB}&tab=all&pageSize=5`)).json()).toMatchObject({ items: [], total: 0, counts: { all: 0, open: 0, overdue: 0 } });
  });

  it('counts per unit for the bulletin', async () => {
    const res = await disp.get('/api/problems/stats');
    expect(res.statusCode).toBe(200);
    const s = res.json();
    const row = s.rows.find((r: { deptId: number | null }) => r.deptId === env.fx.deptA);
    // assigned on 15 June, last answered (deferred) on 10 July: 10 working days in June after the 15th
    // (19 June, Dragon Boat, excluded) and 8 in July
    expect(row).toMatchObject({ raised: 1, solved: 0, deferred: 1, open: 0, overdue: 1, avgDays: 18 });
    const unassigned = s.rows.find((r: { deptId: number | null }) => r.deptId === null);
    expect(unassigned).toMatchObject({ deptName: '未交办', raised: 1, open: 1 });
    expect(s.total.raised).toBe(2);
    expect((await regionB.get('/api/problems/stats')).json().total.raised).toBe(0);
  });
});

describe('scope of the project unit and the promotion officer', () => {
  it('a unit sees the problems others raise on its projects, not those of other projects', async () => {
    const promo = await env.login('promo');
    const mine = await promo.post('/api/problems', body({ projectId: pA, title: '外资备案' }));
    expect(mine.statusCode, mine.body).toBe(201);
    expect(mine.json().source).toBe('promotion');
    const other = await promo.post('/api/problems', body({ projectId: pB, title: '淳安项目的问题' }));
    expect(other.statusCode).toBe(201);
    expect((await unit.get(`/api/problems/${mine.json().id}`)).statusCode).toBe(200);
    expect((await unit.get(`/api/problems/${other.json().id}`)).statusCode).toBe(404);
    expect((await unit.get(`/api/problems?keyword=淳安项目`)).json().total).toBe(0);
    expect((await regionB.get(`/api/problems/${other.json().id}`)).statusCode).toBe(200);
    // the unit does not rate what it did not raise
    expect((await unit.get(`/api/problems/${mine.json().id}`)).json().abilities.rate).toBe(false);
    await env.ctx.db.delete(problems).where(eq(problems.id, mine.json().id));
    await env.ctx.db.delete(problems).where(eq(problems.id, other.json().id));
  });
});

describe('problems from monthly reports', () => {
  let reportId: number;
  beforeAll(async () => {
    at('2026-06-05T10:00:00');
    await env.ctx.db.update(projects).set({ stage: 'construction' }).where(eq(projects.id, pA));
    expect((await disp.post('/api/report-windows', { year: 2026, month: 5, deadline: '2026-06-10' })).statusCode).toBe(201);
  });
  it('a report submitted with problems text raises one pending problem, once', async () => {
    const draft = await put(unit, `/api/reports/${pA}/2026/5`, { investment: 120, problemsText: '进场道路被村民阻挡。需镇里协调' });
    expect(draft.statusCode, draft.body).toBe(200);
    const sub = await unit.post(`/api/reports/${pA}/2026/5/submit`, { version: draft.json().version });
    expect(sub.statusCode, sub.body).toBe(200);
    const [p] = await env.ctx.db.select().from(problems).where(eq(problems.source, 'report'));
    expect(p).toMatchObject({ projectId: pA, title: '进场道路被村民阻挡', description: '进场道路被村民阻挡。需镇里协调', raisedBy: env.fx.users.unitA, status: 'pending' });
    reportId = p!.reportId!;
    // returned and resubmitted: still one problem
    const ret = await disp.post(`/api/reports/${pA}/2026/5/return`, { reason: '请补充照片' });
    expect(ret.statusCode, ret.body).toBe(200);
    expect((await unit.post(`/api/reports/${pA}/2026/5/submit`, {})).statusCode).toBe(200);
    expect((await env.ctx.db.select().from(problems).where(eq(problems.reportId, reportId))).length).toBe(1);
    const byReport = (await disp.get(`/api/problems?reportId=${reportId}`)).json();
    expect(byReport.items.map((x: { id: number; source: string }) => [x.id, x.source])).toEqual([[p!.id, 'report']]);
    const again = await disp.post(`/api/problems/from-report/${reportId}`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('DUPLICATE');
    expect((await regionB.post(`/api/problems/from-report/${reportId}`, {})).statusCode).toBe(404);
  });
});

describe('attachments', () => {
  let id: number;
  beforeAll(async () => {
    id = (await env.ctx.db.select({ id: problems.id }).from(problems).where(eq(problems.title, '用地指标未落实')))[0]!.id;
  });
  it('the raiser uploads a PDF; text named .pdf is refused; scoped download', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF');
    const bad = await unit.upload(`/api/problems/${id}/attachments`, Buffer.from('hello'), '红线图.pdf');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('FILE_INVALID');
    const res = await unit.upload(`/api/problems/${id}/attachments`, pdf, '红线图.pdf');
    expect(res.statusCode, res.body).toBe(201);
    const [a] = res.json();
    expect(a).toMatchObject({ originalName: '红线图.pdf', mime: 'application/pdf', size: pdf.length });
    const get = await disp.get(`/api/problem-attachments/${a.id}`);
    expect(get.statusCode).toBe(200);
    expect(get.rawPayload.equals(pdf)).toBe(true);
    expect(get.headers['content-disposition']).toContain(encodeURIComponent('红线图.pdf'));
    expect((await regionB.get(`/api/problem-attachments/${a.id}`)).statusCode).toBe(404);
    // someone who takes no part cannot add files
    expect((await leader1.upload(`/api/problems/${id}/attachments`, pdf, 'x.pdf')).statusCode).toBe(403);
    expect((await disp.delete(`/api/problem-attachments/${a.id}`)).statusCode).toBe(403);
    expect((await unit.delete(`/api/problem-attachments/${a.id}`)).statusCode).toBe(200);
    expect((await disp.get(`/api/problem-attachments/${a.id}`)).statusCode).toBe(404);
  });
});

describe('the escalation ladder', () => {
  it('reads the default; only the admin changes it, validated', async () => {
    const res = await unit.get('/api/problems/ladder');
    expect(res.json().levels.map((l: { name: string }) => l.name)).toEqual(['承办部门', '分管领导', '包保领导', '县委县政府调度会']);
    const three = { levels: [{ name: '承办部门', limitDays: 3, holder: 'responsible' }, { name: '包保领导', limitDays: 3, holder: 'project_leaders' }, { name: '调度会', limitDays: 5, holder: 'dispatchers' }] };
    expect((await put(disp, '/api/problems/ladder', three)).statusCode).toBe(403);
    const bad = await put(admin, '/api/problems/ladder', { levels: [three.levels[1], three.levels[2]] });
    expect(bad.statusCode).toBe(400);
    const ok = await put(admin, '/api/problems/ladder', three);
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await unit.get('/api/problems/ladder')).json()).toEqual(three);
    const [n] = await env.ctx.db.select({ n: sql<number>`count(*)::int` }).from(auditEvents).where(eq(auditEvents.action, 'problem.ladder'));
    expect(n!.n).toBe(1);
  });
});
