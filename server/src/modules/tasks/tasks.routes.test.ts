import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { createTestEnv, loginAs, PASSWORD, projectBody, type Agent, type TestEnv } from '../../../test/helpers.js';
import { escalateOverdueUrges, taskStatusOf } from './tasks.service.js';
import { readCache } from '../../core/read-cache.js';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');

let env: TestEnv;
let disp: Agent, sup: Agent, county: Agent, town1: Agent, countyB: Agent, dept: Agent, leader1: Agent, leader2: Agent, promo: Agent, unit: Agent, admin: Agent;
let taskId: number;
let taskB: number;
let subId: number;
let sitesTarget: number;
let moneyTarget: number;
let nodeId: number;
let projectId: number;
let reportId: number;
let urgeId: number;

/** China time on the test clock. */
const at = (local: string) => env.clock.set(new Date(`${local}+08:00`));
const notices = async (userId: number) =>
  (await env.ctx.db.execute(sql`SELECT kind, title, body FROM notifications WHERE user_id = ${userId} ORDER BY id`)).rows as Array<{ kind: string; title: string; body: string | null }>;

function body(over: Record<string, unknown> = {}) {
  return {
    title: '农村生活污水治理攻坚',
    type: '攻坚战役',
    year: 2026,
    leadLeaderId: env.fx.people.leader1,
    leadUnit: { unitType: 'region', unitId: env.fx.countyA },
    coUnits: [
      { unitType: 'region', unitId: env.fx.townA1 },
      { unitType: 'department', unitId: String(env.fx.deptA) },
    ],
    benchmark: '对标省级示范县',
    targets: [
      { name: '治理站点', value: 24, unit: '处', main: true },
      { name: '完成投资', value: '1', unit: '亿元', fromProjects: true },
      { name: '出台实施方案', kind: 'deliverable', dueDate: '2026-09-30' },
    ],
    cadence: 'monthly',
    deadline: '2026-12-31',
    publicCommitment: true,
    nodes: [{ name: '方案批复', dueDate: '2026-06-17' }],
    ...over,
  };
}

beforeAll(async () => {
  // sessions outlive the clock moves of these tests
  env = await createTestEnv({ now: '2026-06-15T02:00:00Z', config: { sessionIdleMinutes: 200_000, sessionMaxHours: 5000 } });
  const agents = await Promise.all(['disp', 'super', 'regionA', 'townA1', 'regionB', 'deptA', 'leader1', 'leader2', 'promo', 'unitA', 'admin1'].map((u) => env.login(u)));
  [disp, sup, county, town1, countyB, dept, leader1, leader2, promo, unit, admin] = agents as [Agent, Agent, Agent, Agent, Agent, Agent, Agent, Agent, Agent, Agent, Agent];
  const p = await disp.post('/api/projects', projectBody(env.fx.townA1, { name: '横村污水管网项目', responsibleDeptId: env.fx.deptA }));
  expect(p.statusCode, p.body).toBe(201);
  projectId = p.json().id;
}, 120_000);
afterAll(async () => env?.close());

describe('creating a task', () => {
  it('refuses a node after the deadline', async () => {
    const res = await disp.post('/api/tasks', body({ nodes: [{ name: '竣工', dueDate: '2027-01-05' }] }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('节点日期晚于任务完成时限');
  });
  it('refuses a type outside the list and a target without a value', async () => {
    expect((await disp.post('/api/tasks', body({ type: '随便' }))).statusCode).toBe(400);
    const res = await disp.post('/api/tasks', body({ targets: [{ name: '站点', unit: '处' }] }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('请填写大于0的目标值');
  });
  it('creates a task with targets, a node and a linked project', async () => {
    const res = await disp.post('/api/tasks', body({ projectIds: [projectId] }));
    expect(res.statusCode, res.body).toBe(201);
    const t = res.json();
    taskId = t.id;
    sitesTarget = t.targets[0].id;
    moneyTarget = t.targets[1].id;
    nodeId = t.nodes[0].id;
    expect(t).toMatchObject({ leadUnitName: '桐庐县', coUnitNames: ['桐君街道', '桐庐县自然资源和规划局'], leadLeaderName: '测试leader1', publicCommitment: true, projects: [{ id: projectId, name: '横村污水管网项目' }] });
    expect(t.targets.map((x: { main: boolean }) => x.main)).toEqual([true, false, false]);
    expect(t.openPeriods).toEqual(['2026-06']);
    // nothing reported yet, 序时 50% in June: the sites target is red
    expect(t.targets[0]).toMatchObject({ reached: null, timeProgress: 50, light: 'red' });
  });
  it('a sub-task’s unit must be one of the root task’s units', async () => {
    const bad = await disp.post('/api/tasks', body({ title: '横村镇站点', parentId: taskId, leadUnit: { unitType: 'region', unitId: env.fx.townA2 }, coUnits: [], targets: [], nodes: [], projectIds: [] }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toBe('子任务的责任单位不在本任务的牵头或配合单位中');
    const ok = await disp.post('/api/tasks', body({ title: '桐君街道站点', parentId: taskId, leadUnit: { unitType: 'region', unitId: env.fx.townA1 }, coUnits: [], targets: [{ name: '站点', value: 6, unit: '处' }], nodes: [], projectIds: [] }));
    expect(ok.statusCode, ok.body).toBe(201);
    subId = ok.json().id;
    expect(ok.json()).toMatchObject({ depth: 1, parentId: taskId });
    expect((await disp.get(`/api/tasks/${taskId}`)).json().subTasks.map((s: { id: number }) => s.id)).toEqual([subId]);
  });
  it('a leader creates only the tasks they lead; the supervisor creates none', async () => {
    const other = await leader1.post('/api/tasks', body({ title: '乙县任务', leadLeaderId: env.fx.people.leader2, leadUnit: { unitType: 'region', unitId: env.fx.countyB }, coUnits: [], nodes: [] }));
    expect(other.statusCode).toBe(403);
    expect((await sup.post('/api/tasks', body())).statusCode).toBe(403);
    const res = await disp.post('/api/tasks', body({ title: '淳安县交通提升', leadLeaderId: env.fx.people.leader2, leadUnit: { unitType: 'region', unitId: env.fx.countyB }, coUnits: [{ unitType: 'department', unitId: String(env.fx.deptB) }], targets: [], nodes: [] }));
    expect(res.statusCode, res.body).toBe(201);
    taskB = res.json().id;
  });
  it('nodes scheduled backward from the deadline with the milestones’ function', async () => {
    const res = await disp.post(`/api/tasks/${subId}/nodes/schedule`, { nodes: [{ name: '选址', durationDays: 5 }, { name: '建设', durationDays: 10 }] });
    expect(res.statusCode, res.body).toBe(201);
    const nodes = res.json().nodes as Array<{ name: string; dueDate: string }>;
    expect(nodes.map((n) => n.name)).toEqual(['选址', '建设']);
    expect(nodes[1]!.dueDate).toBe('2026-12-31');
    expect((await disp.post(`/api/tasks/${subId}/nodes`, { name: '晚于时限', dueDate: '2027-02-01' })).json().error.message).toBe('节点日期晚于任务完成时限');
  });
});

describe('reports and review', () => {
  it('refuses a figure in another unit than its target’s', async () => {
    const res = await county.post(`/api/tasks/${taskId}/reports`, { period: '2026-06', figures: [{ targetId: sitesTarget, value: 20, unit: '公里' }], text: '进展' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('填报单位（公里）与目标单位（处）不一致');
  });
  it('refuses a closed period, a period not begun, and a period of another cadence', async () => {
    const may = await county.post(`/api/tasks/${taskId}/reports`, { period: '2026-05', figures: [] });
    expect(may.statusCode).toBe(400);
    expect(may.json().error.message).toContain('2026年5月的填报已于2026-06-03截止');
    expect((await county.post(`/api/tasks/${taskId}/reports`, { period: '2026-07', figures: [] })).json().error.message).toContain('尚未开始');
    expect((await county.post(`/api/tasks/${taskId}/reports`, { period: '2026-06-x2', figures: [] })).json().error.message).toContain('本任务每月填报');
  });
  it('only the lead unit reports: a co-unit and the supervisor cannot', async () => {
    expect((await town1.post(`/api/tasks/${taskId}/reports`, { period: '2026-06', figures: [] })).statusCode).toBe(403);
    expect((await sup.post(`/api/tasks/${taskId}/reports`, { period: '2026-06', figures: [] })).statusCode).toBe(403);
    expect((await promo.post(`/api/tasks/${taskId}/reports`, { period: '2026-06', figures: [] })).statusCode).toBe(403);
  });
  it('the lead unit reports cumulative figures (万元 converted to the target’s 亿元), with photos; a submitted figure does not count', async () => {
    const res = await county.post(`/api/tasks/${taskId}/reports`, { period: '2026-06', figures: [{ targetId: sitesTarget, value: '２０', unit: '处' }, { targetId: moneyTarget, value: 2000, unit: '万元' }], text: '已建成20处站点', nodeIdsDone: [nodeId] });
    expect(res.statusCode, res.body).toBe(201);
    reportId = res.json().id;
    expect(res.json()).toMatchObject({ status: 'submitted', figures: [{ targetId: sitesTarget, value: '20', unit: '处' }, { targetId: moneyTarget, value: '0.2', unit: '亿元' }] });
    const up = await county.upload(`/api/task-reports/${reportId}/files`, PNG, '现场.png');
    expect(up.statusCode, up.body).toBe(201);
    expect(up.json().files.map((f: { name: string }) => f.name)).toEqual(['现场.png']);
    expect((await county.upload(`/api/task-reports/${reportId}/files`, Buffer.from('not a picture'), 'x.png')).statusCode).toBe(400);
    const t = (await disp.get(`/api/tasks/${taskId}`)).json();
    expect(t.targets[0].reached).toBeNull();
    expect(t.nodes[0].doneDate).toBeNull();
    expect((await notices(env.fx.users.super!)).map((n) => n.kind)).toContain('task.reported');
  });
  it('a department cannot review; the supervisor returns with a reason, the unit resubmits, the supervisor accepts', async () => {
    expect((await dept.post(`/api/task-reports/${reportId}/review`, { action: 'accept' })).statusCode).toBe(403);
    expect((await sup.post(`/api/task-reports/${reportId}/review`, { action: 'return' })).statusCode).toBe(400);
    const ret = await sup.post(`/api/task-reports/${reportId}/review`, { action: 'return', reason: '请补充照片说明' });
    expect(ret.statusCode, ret.body).toBe(200);
    expect(ret.json()).toMatchObject({ status: 'returned', returnReason: '请补充照片说明' });
    expect((await notices(env.fx.users.regionA!)).map((n) => n.kind)).toContain('task.returned');
    const again = await county.post(`/api/tasks/${taskId}/reports`, { period: '2026-06', figures: [{ targetId: sitesTarget, value: 20 }, { targetId: moneyTarget, value: 2000, unit: '万元' }], text: '已建成20处站点（附照片）', nodeIdsDone: [nodeId] });
    expect(again.json().id).toBe(reportId);
    const acc = await sup.post(`/api/task-reports/${reportId}/review`, { action: 'accept' });
    expect(acc.statusCode, acc.body).toBe(200);
    expect(acc.json().status).toBe('accepted');
    expect((await sup.post(`/api/task-reports/${reportId}/review`, { action: 'accept' })).statusCode).toBe(409);
  });
  it('figure reached = the accepted report: 20 of 24 sites in June = 83.33% against 50%, green; the node reported done', async () => {
    const t = (await disp.get(`/api/tasks/${taskId}`)).json();
    expect(t.targets[0]).toMatchObject({ reached: '20', progress: 83.33, timeProgress: 50, deviation: 33.33, light: 'green' });
    expect(t.progress).toBe(83.33);
    expect(t.nodes[0].doneDate).toBe('2026-06-15');
  });
  it('linked projects roll into the fromProjects target: accepted completed investment of the year (万元 → 亿元 exactly)', async () => {
    await env.ctx.db.execute(sql`INSERT INTO monthly_reports (project_id, year, month, status, investment) VALUES (${projectId}, 2026, 4, 'accepted', 1234.56), (${projectId}, 2026, 5, 'submitted', 999), (${projectId}, 2025, 12, 'accepted', 5000)`);
    await env.ctx.db.execute(sql`UPDATE projects SET actual_start = '2026-03-02' WHERE id = ${projectId}`);
    const t = (await disp.get(`/api/tasks/${taskId}`)).json();
    expect(t.targets[1]).toMatchObject({ fromProjectsValue: '0.123456', reached: '0.323456' });
    expect(t.projectRollup).toEqual({ completed: '1234.56', started: 1, total: 1 });
  });
});

describe('lights, 督办 and escalation by a moved clock', () => {
  it('a node due in one working day is yellow, a working day past it red', async () => {
    const n = await disp.post(`/api/tasks/${taskId}/nodes`, { name: '管网招标', dueDate: '2026-06-17' });
    expect(n.statusCode, n.body).toBe(201);
    at('2026-06-16T10:00:00');
    let t = (await disp.get(`/api/tasks/${taskId}`)).json();
    expect(t.nodes.find((x: { name: string }) => x.name === '管网招标').light).toBe('yellow');
    at('2026-06-17T18:00:00');
    expect((await disp.get(`/api/tasks/${taskId}`)).json().light).toBe('yellow');
    at('2026-06-18T09:00:00');
    t = (await disp.get(`/api/tasks/${taskId}`)).json();
    expect(t.light).toBe('red');
    expect(t.lightReason).toBe('节点「管网招标」逾期1个工作日');
    const status = await taskStatusOf(env.ctx, [taskId, 999_999]);
    expect(status.get(taskId)).toMatchObject({ id: taskId, title: '农村生活污水治理攻坚', leadUnitName: '桐庐县', deadline: '2026-12-31', done: false, light: 'red', progress: 83.33 });
    expect(status.has(999_999)).toBe(false);
  });
  it('督办 with a limit in working days notifies the lead unit; a department cannot urge', async () => {
    at('2026-06-18T10:00:00');
    expect((await dept.post(`/api/tasks/${taskId}/urge`, { reason: '加快', limitDays: 2 })).statusCode).toBe(403);
    expect((await sup.post(`/api/tasks/${taskId}/urge`, { reason: '加快' })).statusCode).toBe(400);
    const res = await sup.post(`/api/tasks/${taskId}/urge`, { reason: '管网招标滞后，请说明原因并加快推进', limitDays: 2 });
    expect(res.statusCode, res.body).toBe(201);
    urgeId = res.json().id;
    // Thu 18 June + 2 working days: 19–21 June is the Dragon Boat holiday → Tue 23 June
    expect(res.json()).toMatchObject({ dueDate: '2026-06-23', level: 0, levelName: '承办部门', status: 'open', overdue: false });
    expect((await notices(env.fx.users.regionA!)).some((n) => n.kind === 'task.urged' && n.title === '督办：农村生活污水治理攻坚')).toBe(true);
  });
  it('unanswered past its limit it climbs the problems’ ladder, once per elapsed limit; the job is idempotent', async () => {
    at('2026-06-23T20:00:00');
    expect(await escalateOverdueUrges(env.ctx)).toEqual({ urges: 0, moves: 0 });
    at('2026-06-24T09:00:00');
    // the 督查 desk is cached until the next write: an escalation run that moves a 督办 is one
    const urgeOnDesk = async () => (await sup.get('/api/tasks/overdue')).json().urges.find((g: { id: number }) => g.id === urgeId);
    expect(await urgeOnDesk()).toMatchObject({ level: 0, overdue: true });
    expect(await escalateOverdueUrges(env.ctx)).toEqual({ urges: 1, moves: 1 });
    expect(await escalateOverdueUrges(env.ctx)).toEqual({ urges: 0, moves: 0 });
    expect(await urgeOnDesk()).toMatchObject({ level: 1, dueDate: '2026-06-30', overdue: false });
    const t = (await disp.get(`/api/tasks/${taskId}`)).json();
    expect(t.urges[0]).toMatchObject({ level: 1, levelName: '分管领导', dueDate: '2026-06-30', overdue: false });
    // the lead leader's account holds the 分管领导 level
    expect((await notices(env.fx.users.leader1!)).map((n) => n.title)).toContain('督办超期升级至分管领导：农村生活污水治理攻坚');
    // two limits later without a run: two more moves at once, to the top
    at('2026-07-22T09:00:00');
    expect(await escalateOverdueUrges(env.ctx)).toEqual({ urges: 1, moves: 2 });
    const u = (await disp.get(`/api/tasks/${taskId}`)).json().urges[0];
    expect(u).toMatchObject({ level: 3, levelName: '县委县政府调度会', overdue: true });
    expect((await notices(env.fx.users.disp!)).map((n) => n.kind)).toContain('task.urge.escalated');
  });
  it('the 督查 desk lists overdue nodes, red tasks, overdue 督办 and missing reports; the unit answers', async () => {
    const d = (await sup.get('/api/tasks/overdue')).json();
    expect(d.overdueNodes.find((n: { name: string }) => n.name === '管网招标')).toMatchObject({ taskId, dueDate: '2026-06-17', unitName: '桐庐县' });
    expect(d.tasks.map((t: { id: number }) => t.id)).toContain(taskId);
    expect(d.urges[0]).toMatchObject({ id: urgeId, overdue: true });
    // June closed on 3 July without a report from the sub-task: one missing period
    expect(d.missingReports).toContainEqual(expect.objectContaining({ taskId: subId, period: '2026-06' }));
    // every list cut at `limit`, the most pressing first, with its total
    expect(d.limit).toBe(200);
    expect(d.totals).toEqual({ overdueNodes: d.overdueNodes.length, tasks: d.tasks.length, urges: d.urges.length, missingReports: d.missingReports.length });
    const one = (await sup.get('/api/tasks/overdue?limit=1')).json();
    expect(one.totals).toEqual(d.totals);
    expect(one.overdueNodes).toEqual(d.overdueNodes.slice(0, 1));
    expect(one.missingReports).toEqual(d.missingReports.slice(0, 1));
    expect(one.tasks).toEqual(d.tasks.slice(0, 1));
    const bad = await sup.get('/api/tasks/overdue?limit=0');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('条数至少为1');
    expect((await town1.post(`/api/task-urges/${urgeId}/answer`, { text: '已招标' })).statusCode).toBe(403);
    const ans = await county.post(`/api/task-urges/${urgeId}/answer`, { text: '已于7月10日完成招标' });
    expect(ans.statusCode, ans.body).toBe(200);
    expect(ans.json()).toMatchObject({ status: 'answered', overdue: false });
    // the answer (a write through the API) empties the cached desk: the 督办 is no longer open
    expect((await sup.get('/api/tasks/overdue')).json().urges.map((g: { id: number }) => g.id)).not.toContain(urgeId);
    // signing in and out, and marking notices read, write nothing a cached answer shows: the cache stays
    const cached = readCache(env.ctx.db).size;
    expect(cached).toBeGreaterThan(0);
    const again = await loginAs(env.app, 'super', PASSWORD);
    expect((await again.post('/api/notifications/read', {})).statusCode).toBe(200);
    expect((await again.post('/api/auth/logout', {})).statusCode).toBe(200);
    expect(readCache(env.ctx.db).size).toBe(cached);
    expect(await escalateOverdueUrges(env.ctx)).toEqual({ urges: 0, moves: 0 });
  });
  it('办结率 per unit over the items due in the period; a unit with nothing due shows null', async () => {
    const s = (await sup.get('/api/tasks/stats?period=2026-06')).json();
    expect(s).toMatchObject({ period: '2026-06', from: '2026-06-01', to: '2026-06-30' });
    const a = s.units.find((u: { unitName: string }) => u.unitName === '桐庐县');
    // June: 方案批复 (done 15 June, on time) and 管网招标 (not done, overdue)
    expect(a).toMatchObject({ total: 2, done: 1, onTime: 1, overdue: 1, doneRate: 50, onTimeRate: 50, rank: 1 });
    const town = s.units.find((u: { unitName: string }) => u.unitName === '桐君街道');
    expect(town).toMatchObject({ total: 0, doneRate: null, onTimeRate: null, rank: null });
    expect((await sup.get('/api/tasks/stats?period=2026-13')).statusCode).toBe(400);
    expect(s.dueUntil, 'a past period counts to its end').toBe('2026-06-30');
  });
  it('in a period still running, only what is due by today counts; a node due later this month does not', async () => {
    const now = env.clock.now();
    try {
      at('2026-08-10T10:00:00');
      const added = await disp.post(`/api/tasks/${taskId}/nodes`, { name: '八月下旬验收', dueDate: '2026-08-25' });
      expect(added.statusCode, added.body).toBe(201);
      const unitOf = async () => (await sup.get('/api/tasks/stats?period=2026-08')).json();
      const mid = await unitOf();
      expect(mid.dueUntil).toBe('2026-08-10');
      const before = mid.units.find((u: { unitName: string }) => u.unitName === '桐庐县') ?? { total: 0, overdue: 0 };
      at('2026-08-26T10:00:00');
      const after = await unitOf();
      expect(after.dueUntil).toBe('2026-08-26');
      const a = after.units.find((u: { unitName: string }) => u.unitName === '桐庐县');
      expect(a, 'the node counts once it is due').toMatchObject({ total: before.total + 1 });
      const end = (await sup.get('/api/tasks/stats?period=2026-07')).json();
      expect(end.dueUntil, 'a month ended counts to its end').toBe('2026-07-31');
      const node = (await disp.get(`/api/tasks/${taskId}`)).json().nodes.find((n: { name: string }) => n.name === '八月下旬验收');
      expect((await disp.delete(`/api/task-nodes/${node.id}`)).statusCode).toBe(200);
    } finally {
      env.clock.set(now);
    }
  });
  it('the desk is sent gzipped to a client that accepts it, the same answer; a small answer as it is', async () => {
    const url = '/api/tasks/overdue';
    const plain = await sup.get(url);
    const gz = await env.app.inject({ method: 'GET', url, headers: { cookie: sup.cookie, 'accept-encoding': 'gzip, deflate, br' } });
    expect(gz.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.length).toBeGreaterThanOrEqual(1024);
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gz.rawPayload).toString('utf8'))).toEqual(plain.json());
    const stats = await env.app.inject({ method: 'GET', url: '/api/tasks/stats?period=2026-06', headers: { cookie: sup.cookie, 'accept-encoding': 'gzip' } });
    expect(stats.rawPayload.length).toBeLessThan(1024);
    expect(stats.headers['content-encoding']).toBeUndefined();
    expect(stats.json()).toEqual((await sup.get('/api/tasks/stats?period=2026-06')).json());
  });
});

describe('who sees what', () => {
  it('every role: lists and details within scope, 404 outside, the project unit has no task pages', async () => {
    const cases: Array<[string, Agent, number[]]> = [
      ['admin', admin, [taskId, subId, taskB]],
      ['dispatcher', disp, [taskId, subId, taskB]],
      ['supervisor', sup, [taskId, subId, taskB]],
      ['promotion', promo, [taskId, subId, taskB]],
      ['county', county, [taskId, subId]],
      ['town', town1, [taskId, subId]],
      ['other county', countyB, [taskB]],
      ['department', dept, [taskId]],
      ['leader1', leader1, [taskId, subId]],
      ['leader2', leader2, [taskB]],
    ];
    for (const [who, a, expected] of cases) {
      const list = await a.get('/api/tasks?all=true');
      expect(list.statusCode, who).toBe(200);
      expect(list.json().map((t: { id: number }) => t.id).sort(), who).toEqual([...expected].sort());
      for (const id of [taskId, subId, taskB]) expect((await a.get(`/api/tasks/${id}`)).statusCode, `${who} ${id}`).toBe(expected.includes(id) ? 200 : 404);
      const desk = (await a.get('/api/tasks/overdue')).json();
      expect(desk.tasks.every((t: { id: number }) => expected.includes(t.id)), who).toBe(true);
    }
    expect((await leader1.get('/api/tasks/mine')).json().map((t: { id: number }) => t.id)).toEqual([taskId, subId]);
    expect((await leader2.get('/api/tasks/mine')).json().map((t: { id: number }) => t.id)).toEqual([taskB]);
    for (const url of ['/api/tasks', `/api/tasks/${taskId}`, '/api/tasks/overdue', '/api/tasks/stats', '/api/tasks/mine']) expect((await unit.get(url)).statusCode, url).toBe(403);
  });
  it('filters by lead unit in SQL within the scope, tasks of every level; a bad unit is refused in Chinese', async () => {
    const ids = async (a: Agent, query: string) => {
      const res = await a.get(`/api/tasks?${query}`);
      expect(res.statusCode, `${query} ${res.body}`).toBe(200);
      return res.json().map((t: { id: number }) => t.id).sort();
    };
    const byTown = `leadUnit=region:${env.fx.townA1}`;
    const byCountyA = `leadUnit=region:${env.fx.countyA}`;
    const byCountyB = `leadUnit=region:${env.fx.countyB}`;
    expect(await ids(disp, byTown)).toEqual([subId]);
    expect(await ids(disp, byCountyA)).toEqual([taskId]);
    expect(await ids(disp, byCountyB)).toEqual([taskB]);
    expect(await ids(sup, byCountyB)).toEqual([taskB]);
    expect(await ids(county, byTown)).toEqual([subId]);
    expect(await ids(town1, byCountyA)).toEqual([taskId]);
    expect(await ids(dept, byCountyA)).toEqual([taskId]);
    expect(await ids(dept, byTown)).toEqual([]);
    expect(await ids(leader1, byCountyB)).toEqual([]);
    expect(await ids(leader2, byCountyB)).toEqual([taskB]);
    expect(await ids(countyB, byCountyA)).toEqual([]);
    expect(await ids(countyB, byTown)).toEqual([]);
    expect(await ids(disp, `leadUnit=department:${env.fx.deptA}`)).toEqual([]);
    const bad = await disp.get('/api/tasks?leadUnit=town-330122103');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('牵头单位格式应为');
    expect((await unit.get(`/api/tasks?${byCountyA}`)).statusCode).toBe(403);
  });
  it('filters by light: each light lists exactly the tasks the list shows with it, within the scope', async () => {
    type Row = { id: number; light: string | null; done: boolean };
    const shown = (r: Row) => (r.done ? 'done' : (r.light ?? 'none'));
    // one task red, one done: the filter has something to tell apart
    const done = await disp.patch(`/api/tasks/${subId}`, { done: true });
    expect(done.statusCode, done.body).toBe(200);
    try {
      for (const [who, a] of [['dispatcher', disp], ['county', county], ['other county', countyB], ['department', dept]] as Array<[string, Agent]>) {
        const all = (await a.get('/api/tasks?all=true')).json() as Row[];
        const seen = new Set<number>();
        for (const light of ['red', 'yellow', 'green', 'none', 'done']) {
          const res = await a.get(`/api/tasks?all=true&light=${light}`);
          expect(res.statusCode, res.body).toBe(200);
          const got = (res.json() as Row[]).map((r) => r.id).sort();
          expect(got, `${who} ${light}`).toEqual(all.filter((r) => shown(r) === light).map((r) => r.id).sort());
          for (const id of got) seen.add(id);
        }
        expect([...seen].sort(), `${who}: the lights split the list`).toEqual(all.map((r) => r.id).sort());
      }
      const disp4 = (l: string) => disp.get(`/api/tasks?all=true&light=${l}`).then((r) => (r.json() as Row[]).map((x) => x.id));
      expect(await disp4('done')).toEqual([subId]);
      expect(await disp4('red')).not.toContain(subId);
      const red = (await disp.get(`/api/tasks/${taskId}`)).json();
      expect(red.done).toBe(false);
      expect((await disp4(red.light ?? 'none'))).toContain(taskId);
      // the other county never sees county A's tasks, whatever the light
      for (const l of ['red', 'yellow', 'green', 'none', 'done']) expect((await countyB.get(`/api/tasks?all=true&light=${l}`)).json().map((r: Row) => r.id)).not.toContain(taskId);
      expect((await disp.get('/api/tasks?light=purple')).statusCode).toBe(400);
    } finally {
      expect((await disp.patch(`/api/tasks/${subId}`, { done: false })).statusCode).toBe(200);
    }
  });
  it('canReport: task:report, acting for the lead unit, an open period and not done — per role', async () => {
    const flag = async (a: Agent, id: number) => {
      const res = await a.get(`/api/tasks/${id}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().openPeriods.length > 0 || res.json().done).toBe(true);
      return res.json().canReport as boolean;
    };
    const cases: Array<[string, Agent, number, boolean]> = [
      ['county for its own task', county, taskId, true],
      ['county for its town’s sub-task', county, subId, true],
      ['town for its sub-task', town1, subId, true],
      ['town, a co-unit of the county’s task', town1, taskId, false],
      ['department, a co-unit', dept, taskId, false],
      ['dispatcher', disp, taskId, true],
      ['supervisor (no task:report)', sup, taskId, false],
      ['promotion (not the lead unit)', promo, taskId, false],
      ['leader1 (no task:report)', leader1, taskId, false],
      ['other county for its task', countyB, taskB, true],
    ];
    for (const [who, a, id, expected] of cases) expect(await flag(a, id), who).toBe(expected);
    // done: nobody reports
    expect((await disp.patch(`/api/tasks/${taskB}`, { done: true })).statusCode).toBe(200);
    try {
      expect(await flag(countyB, taskB), 'done').toBe(false);
    } finally {
      expect((await disp.patch(`/api/tasks/${taskB}`, { done: false })).statusCode).toBe(200);
    }
    expect(await flag(countyB, taskB), 'reopened').toBe(true);
  });
  it('writes outside the scope fail; the supervisor is read-only but for review and 督办', async () => {
    expect((await countyB.post(`/api/tasks/${taskId}/reports`, { period: '2026-07', figures: [] })).statusCode).toBe(404);
    expect((await leader2.patch(`/api/tasks/${taskId}`, { title: '改' })).statusCode).toBe(404);
    expect((await sup.patch(`/api/tasks/${taskId}`, { title: '改' })).statusCode).toBe(403);
    expect((await sup.delete(`/api/tasks/${taskB}`)).statusCode).toBe(403);
    expect((await county.patch(`/api/tasks/${taskId}`, { title: '改' })).statusCode).toBe(403);
    const mine = await leader1.patch(`/api/tasks/${taskId}`, { benchmark: '对标国家示范县' });
    expect(mine.statusCode, mine.body).toBe(200);
  });
});

describe('the responsibility letter and deletion', () => {
  it('a manager uploads the 责任状 (checked by content); readers in scope download it, others get 404', async () => {
    expect((await disp.upload(`/api/tasks/${taskId}/letter`, Buffer.from('plain text'), '责任状.pdf')).statusCode).toBe(400);
    expect((await county.upload(`/api/tasks/${taskId}/letter`, PNG, '责任状.png')).statusCode).toBe(403);
    const res = await disp.upload(`/api/tasks/${taskId}/letter`, PNG, '责任状.png');
    expect(res.statusCode, res.body).toBe(201);
    const file = res.json().files[0];
    expect(file).toMatchObject({ name: '责任状.png', kind: 'letter', mime: 'image/png' });
    const got = await county.get(`/api/tasks/${taskId}/files/${file.id}`);
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('image/png');
    expect((await countyB.get(`/api/tasks/${taskId}/files/${file.id}`)).statusCode).toBe(404);
  });
  it('a task with sub-tasks cannot be deleted; a leaf can', async () => {
    expect((await disp.delete(`/api/tasks/${taskId}`)).statusCode).toBe(409);
    const leaf = await disp.post('/api/tasks', body({ title: '临时子任务', parentId: taskId, leadUnit: { unitType: 'department', unitId: String(env.fx.deptA) }, coUnits: [], targets: [], nodes: [], projectIds: [] }));
    expect(leaf.statusCode, leaf.body).toBe(201);
    expect((await leader2.delete(`/api/tasks/${leaf.json().id}`)).statusCode).toBe(404);
    expect((await disp.delete(`/api/tasks/${leaf.json().id}`)).statusCode).toBe(200);
    expect((await disp.get(`/api/tasks/${leaf.json().id}`)).statusCode).toBe(404);
  });
});

describe('task types', () => {
  it('reads the default list; the dispatcher edits it', async () => {
    expect((await county.get('/api/task-types')).json().types).toEqual(['攻坚战役', '改革任务', '重点工作', '领导交办', '建议提案', '民心实事']);
    const put = (a: Agent, payload: unknown) => env.app.inject({ method: 'PUT', url: '/api/task-types', headers: { cookie: a.cookie, 'x-csrf-token': a.csrf }, payload: payload as object });
    expect((await put(leader1, { types: ['攻坚战役'] })).statusCode).toBe(403);
    expect((await put(sup, { types: ['攻坚战役'] })).statusCode).toBe(403);
    const res = await put(disp, { types: ['攻坚战役', '改革任务', '重点工作', '领导交办', '建议提案', '民心实事', '十项重点工作'] });
    expect(res.statusCode, res.body).toBe(200);
    expect((await county.get('/api/task-types')).json().types).toContain('十项重点工作');
  });
});

describe('import and export', () => {
  async function sheet(rows: unknown[][]): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('任务');
    ws.addRow(['2026年县重点工作任务清单']);
    ws.addRow(['序号', '任务', '牵头领导', '牵头单位', '配合单位', '完成时限', '进展情况']);
    for (const r of rows) ws.addRow(r);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }
  it('all or nothing: a row error names its row in Chinese and nothing is imported', async () => {
    const before = (await disp.get('/api/tasks?all=true')).json().length;
    const file = await sheet([
      [1, '城乡风貌整治提升', '测试leader1同志', '桐庐县', '桐君街道、县自然资源和规划局', '2026年12月底', '已启动'],
      [2, '未来乡村建设', '查无此人', '不存在局', '', '明年', ''],
    ]);
    const res = await disp.upload('/api/tasks/import?dryRun=false', file, '任务.xlsx');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().created).toBe(0);
    expect(res.json().errors.map((e: { message: string }) => e.message)).toEqual([
      '第4行：牵头领导「查无此人」不在人员库中',
      '第4行：牵头单位「不存在局」不存在',
      '第4行：完成时限「明年」无法识别，请写成 2026-12-31 或 2026年12月底',
    ]);
    expect((await disp.get('/api/tasks?all=true')).json().length).toBe(before);
  });
  it('a dry run checks, a real run imports every row with near names matched', async () => {
    const file = await sheet([
      [1, '城乡风貌整治提升', '测试leader1同志', '桐庐县', '桐君街道、县自然资源和规划局', '2026年12月底', '已启动'],
      [2, '横村镇污水零直排', '', '横村镇', '', new Date(Date.UTC(2026, 10, 30)), ''],
    ]);
    const dry = (await disp.upload('/api/tasks/import?dryRun=true', file, '任务.xlsx')).json();
    expect(dry).toMatchObject({ dryRun: true, total: 2, created: 0, errors: [] });
    expect(dry.rows[0]).toMatchObject({ title: '城乡风貌整治提升', leadUnitName: '桐庐县', coUnitNames: ['桐君街道', '桐庐县自然资源和规划局'], deadline: '2026-12-31' });
    expect((await county.upload('/api/tasks/import?dryRun=false', file, '任务.xlsx')).statusCode).toBe(403);
    const res = (await disp.upload('/api/tasks/import?dryRun=false', file, '任务.xlsx')).json();
    expect(res).toMatchObject({ dryRun: false, created: 2, errors: [] });
    const list = (await disp.get('/api/tasks?q=城乡风貌')).json();
    expect(list[0]).toMatchObject({ leadLeaderName: '测试leader1', leadUnitName: '桐庐县', deadline: '2026-12-31', type: '重点工作' });
  });
  it('an exported list imported again changes nothing; a deadline changed in Excel updates that task only', async () => {
    const exported = await disp.get('/api/tasks/export.xlsx?year=2026');
    const before = (await disp.get('/api/tasks?all=true&year=2026')).json() as Array<{ id: number; title: string; deadline: string; parentId: number | null }>;
    const again = (await disp.upload('/api/tasks/import?dryRun=true&year=2026', exported.rawPayload, '任务.xlsx')).json();
    expect(again.errors, JSON.stringify(again.errors)).toEqual([]);
    expect(again.rows.length).toBe(before.length);
    expect(again.rows.every((r: { action: string }) => r.action === 'unchanged'), JSON.stringify(again.rows.filter((r: { action: string }) => r.action !== 'unchanged'))).toBe(true);
    const sub = again.rows.find((r: { title: string }) => r.title === '桐君街道站点');
    expect(sub.parentRow, 'a row numbered 1.1 is a sub-task of row 1').not.toBeNull();
    expect(sub.taskId).toBe(before.find((t) => t.title === '桐君街道站点')!.id);

    // the office moves one deadline and adds a sub-task in Excel
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    let moved = '';
    let rootNo = '';
    ws.eachRow((row, n) => {
      if (n <= 3) return;
      if (String(row.getCell(2).value) === '横村镇污水零直排') {
        row.getCell(6).value = '2026-12-31';
        moved = String(row.getCell(1).value);
      }
      if (String(row.getCell(2).value) === '农村生活污水治理攻坚') rootNo = String(row.getCell(1).value);
    });
    expect(moved && rootNo).toBeTruthy();
    const children = ws.getRows(4, ws.rowCount - 3)!.filter((r) => String(r.getCell(1).value).startsWith(`${rootNo}.`) && String(r.getCell(1).value).split('.').length === 2).length;
    ws.addRow([`${rootNo}.${children + 1}`, '桐君街道站点二期', '', '桐君街道', '', '2026-12-31', '']);
    const changed = Buffer.from(await wb.xlsx.writeBuffer());
    const dry = (await disp.upload('/api/tasks/import?dryRun=true&year=2026', changed, '任务.xlsx')).json();
    expect(dry.errors).toEqual([]);
    expect({ create: dry.wouldCreate, update: dry.wouldUpdate, created: dry.created }).toEqual({ create: 1, update: 1, created: 0 });
    const res = (await disp.upload('/api/tasks/import?dryRun=false&year=2026', changed, '任务.xlsx')).json();
    expect({ created: res.created, updated: res.updated, unchanged: res.unchanged }).toEqual({ created: 1, updated: 1, unchanged: before.length - 1 });
    const after = (await disp.get('/api/tasks?all=true&year=2026')).json() as Array<{ id: number; title: string; deadline: string; parentId: number | null }>;
    expect(after.length).toBe(before.length + 1);
    expect(after.find((t) => t.title === '横村镇污水零直排')!.deadline).toBe('2026-12-31');
    const root = after.find((t) => t.title === '农村生活污水治理攻坚')!;
    expect(after.find((t) => t.title === '桐君街道站点二期')!.parentId, 'the new row 1.n is a sub-task of task 1').toBe(root.id);
    for (const t of before.filter((x) => x.title !== '横村镇污水零直排')) expect(after.find((a) => a.id === t.id)!.deadline).toBe(t.deadline);
  });
  it('refuses new units that would leave an existing sub-task outside its task', async () => {
    const file = await sheet([['1', '农村生活污水治理攻坚', '', '桐庐县', '', '2026-12-31', '']]);
    const res = (await disp.upload('/api/tasks/import?dryRun=true&year=2026', file, '任务.xlsx')).json();
    expect(res.errors.map((e: { message: string }) => e.message)).toEqual(['第3行：子任务「桐君街道站点」的责任单位不在新的牵头或配合单位中，请一并修改子任务']);
  });
  it('refuses a sub-task without its parent row and one led by a unit outside its task', async () => {
    const file = await sheet([
      ['1', '城乡风貌整治二期', '', '横村镇', '', '2026年12月底', ''],
      ['1.1', '风貌整治示范村', '', '桐君街道', '', '2026年11月底', ''],
      ['2.1', '无上级的子任务', '', '横村镇', '', '2026年11月底', ''],
    ]);
    const res = (await disp.upload('/api/tasks/import?dryRun=false', file, '任务.xlsx')).json();
    expect(res.created).toBe(0);
    expect(res.errors.map((e: { message: string }) => e.message)).toEqual(['第4行：子任务的责任单位「桐君街道」不在任务「城乡风貌整治二期」的牵头或配合单位中', '第5行：序号2.1是子任务，但表中在它之前没有序号2的任务']);
  });
  it('exports the list in the 督查室 layout', async () => {
    const res = await sup.get('/api/tasks/export.xlsx?year=2026');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(1).value).toBe('2026年重点任务推进情况表');
    expect((ws.getRow(3).values as unknown[]).slice(1)).toEqual(['序号', '任务', '牵头领导', '牵头单位', '配合单位', '完成时限', '进展情况']);
    const texts: string[] = [];
    ws.eachRow((r) => texts.push((r.values as unknown[]).slice(1).join('|')));
    expect(texts.some((t) => t.startsWith('1|农村生活污水治理攻坚|测试leader1|桐庐县|桐君街道、桐庐县自然资源和规划局|2026-12-31|2026年6月：已建成20处站点（附照片）'))).toBe(true);
    expect(texts.some((t) => t.startsWith('1.1|桐君街道站点'))).toBe(true);
  });
});
