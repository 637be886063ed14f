import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestEnv, projectBody, type Agent, type TestEnv } from '../../../test/helpers.js';

let env: TestEnv;
let projA: number;
let projB: number;
let tplId: number;
const put = (a: Agent, url: string, body: unknown) => env.app.inject({ method: 'PUT', url, headers: { cookie: a.cookie, 'x-csrf-token': a.csrf }, payload: body as object });
const audits = async (action: string) =>
  Number(((await env.database.db.execute(sql`SELECT count(*)::int AS n FROM audit_events WHERE action = ${action}`)).rows[0] as { n: number }).n);

beforeAll(async () => {
  env = await createTestEnv({ now: '2026-06-15T02:00:00Z' });
  const disp = await env.login('disp');
  projA = (await disp.post('/api/projects', projectBody(env.fx.townA1, { name: '甲镇物流园', leaderIds: [env.fx.people.leader1] }))).json().id;
  projB = (await disp.post('/api/projects', projectBody(env.fx.countyB, { name: '乙县水库' }))).json().id;
});
afterAll(async () => env?.close());

describe('working-day calendar API', () => {
  it('lists a year with official holidays, 调休 and overrides; admin sets and removes an override, audited', async () => {
    const admin = await env.login('admin1');
    const y = (await admin.get('/api/calendar?year=2026')).json();
    expect(y.days).toHaveLength(365);
    const byDate = new Map(y.days.map((d: { date: string }) => [d.date, d]));
    expect(byDate.get('2026-02-16')).toMatchObject({ isWorkday: false, kind: 'holiday', name: '春节', override: null });
    expect(byDate.get('2026-02-28')).toMatchObject({ isWorkday: true, kind: 'adjusted' });
    expect((await put(admin, '/api/calendar/days/2026-06-19', { isWorkday: false, name: '县庆' })).statusCode).toBe(200);
    const y2 = (await admin.get('/api/calendar?year=2026')).json();
    expect(y2.days.find((d: { date: string }) => d.date === '2026-06-19')).toMatchObject({ isWorkday: false, override: { isWorkday: false, name: '县庆' } });
    expect(await audits('calendar.set')).toBe(1);
    expect((await admin.delete('/api/calendar/days/2026-06-19')).statusCode).toBe(200);
    expect((await admin.delete('/api/calendar/days/2026-06-19')).statusCode).toBe(404);
    expect(await audits('calendar.unset')).toBe(1);
  });
  it('refuses bad input (400), anonymous (401) and non-admins (403)', async () => {
    const admin = await env.login('admin1');
    expect((await put(admin, '/api/calendar/days/2026-02-30', { isWorkday: true })).statusCode).toBe(400);
    expect((await put(admin, '/api/calendar/days/2026-03-01', { name: 'x' })).statusCode).toBe(400);
    expect((await admin.get('/api/calendar?year=abc')).statusCode).toBe(400);
    expect((await env.app.inject({ method: 'GET', url: '/api/calendar?year=2026' })).statusCode).toBe(401);
    expect((await put(await env.login('disp'), '/api/calendar/days/2026-03-02', { isWorkday: false })).statusCode).toBe(403);
  });
});

describe('milestones API', () => {
  it('has the default template library', async () => {
    const disp = await env.login('disp');
    const list = (await disp.get('/api/milestone-templates')).json();
    expect(list[0].nodes.map((n: { name: string }) => n.name)).toEqual(['立项', '用地预审与选址', '土地出让', '规划许可', '环评', '能评', '施工图审查', '施工许可', '开工', '主体完工', '竣工验收', '投产']);
    tplId = list[0].id;
  });

  it('templates: dispatcher creates, region user is refused, bad input 400', async () => {
    const disp = await env.login('disp');
    const body = { name: '短流程', nodes: [{ name: '施工许可', durationDays: 3, responsibleDeptId: env.fx.deptA }, { name: '开工', durationDays: 2 }] };
    const r = await disp.post('/api/milestone-templates', body);
    expect(r.statusCode).toBe(201);
    expect((await (await env.login('regionA')).post('/api/milestone-templates', body)).statusCode).toBe(403);
    const bad = await disp.post('/api/milestone-templates', { name: '', nodes: [{ name: '开工', durationDays: 0 }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(['name', 'nodes.0.durationDays']));
    expect(await audits('milestone_template.create')).toBeGreaterThanOrEqual(1);
  });

  it('applies a template backward from the target date, across the Spring Festival, audited', async () => {
    const regionA = await env.login('regionA');
    const tpls = (await regionA.get('/api/milestone-templates')).json();
    const short = tpls.find((t: { name: string }) => t.name === '短流程').id;
    const res = await regionA.post(`/api/projects/${projA}/milestones/apply-template`, { templateId: short, targetDate: '2026-03-03' });
    expect(res.statusCode).toBe(200);
    const ms = res.json();
    expect(ms.map((m: { name: string; startDate: string; dueDate: string }) => [m.name, m.startDate, m.dueDate])).toEqual([
      ['施工许可', '2026-02-26', '2026-02-28'],
      ['开工', '2026-03-02', '2026-03-03'],
    ]);
    expect(ms[0]).toMatchObject({ responsibleDeptId: env.fx.deptA, overdue: true, daysLate: 107 });
    expect(await audits('milestone.apply_template')).toBe(1);
    // again without replace: refused; with replace: rescheduled from the full template
    expect((await regionA.post(`/api/projects/${projA}/milestones/apply-template`, { templateId: short, targetDate: '2026-03-03' })).statusCode).toBe(400);
    const full = await regionA.post(`/api/projects/${projA}/milestones/apply-template`, { templateId: tplId, targetDate: '2027-06-30', replace: true });
    expect(full.statusCode).toBe(200);
    expect(full.json()).toHaveLength(12);
    expect(full.json()[11]).toMatchObject({ name: '投产', dueDate: '2027-06-30' });
    // put the short one back for the next tests
    await regionA.post(`/api/projects/${projA}/milestones/apply-template`, { templateId: short, targetDate: '2026-07-03', replace: true });
  });

  it('schedules with the admin overrides of the calendar (cache invalidated on change)', async () => {
    const admin = await env.login('admin1');
    const disp = await env.login('disp');
    const p = (await disp.post('/api/projects', projectBody(env.fx.townA2, { name: '横村日历测试项目' }))).json().id;
    const tpl = (await disp.post('/api/milestone-templates', { name: '一节点', nodes: [{ name: '环评', durationDays: 3 }] })).json().id;
    const first = (await disp.post(`/api/projects/${p}/milestones/apply-template`, { templateId: tpl, targetDate: '2026-10-09' })).json();
    expect(first[0]).toMatchObject({ startDate: '2026-09-30', dueDate: '2026-10-09' });
    expect((await put(admin, '/api/calendar/days/2026-10-07', { isWorkday: true, name: '抢工' })).statusCode).toBe(200);
    const second = (await disp.post(`/api/projects/${p}/milestones/apply-template`, { templateId: tpl, targetDate: '2026-10-09', replace: true })).json();
    expect(second[0]).toMatchObject({ startDate: '2026-10-07', dueDate: '2026-10-09' });
    await admin.delete('/api/calendar/days/2026-10-07');
    const third = (await disp.post(`/api/projects/${p}/milestones/apply-template`, { templateId: tpl, targetDate: '2026-10-09', replace: true })).json();
    expect(third[0]).toMatchObject({ startDate: '2026-09-30' });
    await disp.delete(`/api/milestone-templates/${tpl}`);
  });

  it('400 on bad input, 401 anonymous, 404 for a project outside the scope', async () => {
    const regionA = await env.login('regionA');
    const bad = await regionA.post(`/api/projects/${projA}/milestones/apply-template`, { templateId: tplId, targetDate: '2026-13-01' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('targetDate');
    expect((await env.app.inject({ method: 'GET', url: `/api/projects/${projA}/milestones` })).statusCode).toBe(401);
    const regionB = await env.login('regionB');
    expect((await regionB.get(`/api/projects/${projA}/milestones`)).statusCode).toBe(404);
    expect((await regionB.post(`/api/projects/${projA}/milestones/apply-template`, { templateId: tplId, targetDate: '2026-12-01' })).statusCode).toBe(404);
  });

  it('regionB can neither see nor modify county A milestones; leaders read only', async () => {
    const regionA = await env.login('regionA');
    const [m] = (await regionA.get(`/api/projects/${projA}/milestones`)).json();
    const regionB = await env.login('regionB');
    expect((await regionB.patch(`/api/milestones/${m.id}`, { version: m.version, note: '越权' })).statusCode).toBe(404);
    expect((await regionB.delete(`/api/milestones/${m.id}`)).statusCode).toBe(404);
    const gB = (await regionB.get('/api/gantt')).json();
    expect(gB.projects).toEqual([]);
    expect((await (await env.login('leader1')).patch(`/api/milestones/${m.id}`, { version: m.version, note: 'x' })).statusCode).toBe(403);
  });

  it('a department user fills done date and note of its own nodes only', async () => {
    const regionA = await env.login('regionA');
    const [own, other] = (await regionA.get(`/api/projects/${projA}/milestones`)).json();
    const dept = await env.login('deptA');
    const mine = (await dept.get(`/api/projects/${projA}/milestones`)).json();
    expect(mine.map((m: { id: number }) => m.id)).toEqual([own.id]);
    expect(mine[0].canEdit).toBe('progress');
    expect((await dept.patch(`/api/milestones/${own.id}`, { version: own.version, dueDate: '2026-12-31' })).statusCode).toBe(403);
    expect((await dept.patch(`/api/milestones/${other.id}`, { version: other.version, doneDate: '2026-06-10' })).statusCode).toBe(404);
    const ok = await dept.patch(`/api/milestones/${own.id}`, { version: own.version, doneDate: '2026-06-12', note: '已发证' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ doneDate: '2026-06-12', note: '已发证', overdue: false, version: own.version + 1 });
    // stale version
    expect((await dept.patch(`/api/milestones/${own.id}`, { version: own.version, note: 'x' })).statusCode).toBe(409);
    expect((await dept.post(`/api/projects/${projA}/milestones/apply-template`, { templateId: tplId, targetDate: '2026-12-01', replace: true })).statusCode).toBe(403);
    expect(await audits('milestone.update')).toBe(1);
  });

  it('creates, edits and deletes a milestone; the Gantt lists it with overdue flags and days late', async () => {
    const disp = await env.login('disp');
    const c = await disp.post(`/api/projects/${projB}/milestones`, { name: '环评', startDate: '2026-05-01', dueDate: '2026-06-05', responsiblePerson: '王工' });
    expect(c.statusCode).toBe(201);
    expect(c.json()).toMatchObject({ overdue: true, daysLate: 10, seq: 1 });
    expect((await disp.post(`/api/projects/${projB}/milestones`, { name: '能评', startDate: '2026-07-01', dueDate: '2026-06-05' })).statusCode).toBe(400);
    const p = await disp.patch(`/api/milestones/${c.json().id}`, { version: 1, dueDate: '2026-06-30' });
    expect(p.json()).toMatchObject({ overdue: false, daysLate: 0 });
    const g = (await disp.get('/api/gantt')).json();
    expect(g.today).toBe('2026-06-15');
    expect(g.projects.map((x: { name: string }) => x.name)).toEqual(['甲镇物流园', '横村日历测试项目', '乙县水库']);
    const gA = (await disp.get(`/api/gantt?regionCode=${env.fx.countyA}`)).json();
    expect(gA.projects.map((x: { name: string }) => x.name)).toEqual(['甲镇物流园', '横村日历测试项目']);
    const gL = (await disp.get(`/api/gantt?leaderId=${env.fx.people.leader1}`)).json();
    expect(gL.projects).toHaveLength(1);
    expect((await disp.get('/api/gantt?from=2026-07-01&to=2026-06-01')).statusCode).toBe(400);
    const one = (await disp.get(`/api/gantt?projectId=${projB}&from=2026-06-01&to=2026-06-30`)).json();
    expect(one.projects[0].milestones[0]).toMatchObject({ name: '环评', overdue: false, dueDate: '2026-06-30' });
    expect((await disp.delete(`/api/milestones/${c.json().id}`)).statusCode).toBe(200);
    expect(await audits('milestone.delete')).toBe(1);
    expect(await audits('milestone.create')).toBe(1);
  });
});
