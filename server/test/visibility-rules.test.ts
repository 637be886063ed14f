/**
 * The visibility rules of README "Roles" that go beyond the data scope of projects:
 * - a leader who held a problem keeps reading it and its history after it was escalated
 *   past them, but no longer acts on it and no longer has it in 待我处理;
 * - a department sees the milestones its department is responsible for on any project, and
 *   only those: not the project's other milestones, not the project itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { departments } from '../src/db/schema.js';
import { escalateOverdueProblems } from '../src/modules/problems/problems.service.js';
import { createTestEnv, projectBody, type Agent, type TestEnv } from './helpers.js';

let env: TestEnv;
let disp: Agent, dept: Agent, leader1: Agent, leader2: Agent, regionA: Agent;
let pB: number; // a project of the other county, led by the other county's department

const at = (china: string) => env.clock.set(new Date(`${china}+08:00`));

beforeAll(async () => {
  env = await createTestEnv({ now: '2026-06-15T02:00:00Z', config: { sessionIdleMinutes: 200_000, sessionMaxHours: 5000 } });
  disp = await env.login('disp');
  dept = await env.login('deptA');
  leader1 = await env.login('leader1');
  leader2 = await env.login('leader2');
  regionA = await env.login('regionA');
  const res = await disp.post('/api/projects', projectBody(env.fx.countyB, { name: '淳安县道路项目', ownerEnterpriseId: env.fx.entB, responsibleDeptId: env.fx.deptB }));
  expect(res.statusCode, res.body).toBe(201);
  pB = res.json().id;
  // leader2 is the 分管领导 of deptA: level 1 of the escalation ladder for deptA's problems
  await env.ctx.db.update(departments).set({ leaderId: env.fx.people.leader2! }).where(eq(departments.id, env.fx.deptA));
});
afterAll(async () => env?.close());

describe('a leader keeps read access to a problem escalated past them', () => {
  let id: number;
  beforeAll(async () => {
    at('2026-06-15T10:00:00');
    const raised = await disp.post('/api/problems', { projectId: pB, category: 'land', title: '临时用地审批滞后', description: '需自然资源部门协调' });
    expect(raised.statusCode, raised.body).toBe(201);
    id = raised.json().id;
    const assigned = await disp.post(`/api/problems/${id}/assign`, { responsibleDeptId: env.fx.deptA, responsibleUserId: env.fx.users.deptA, limitDays: 2, version: raised.json().version });
    expect(assigned.statusCode, assigned.body).toBe(200);
  });

  it('before it reaches them, a leader outside the project does not see it', async () => {
    expect((await leader2.get(`/api/problems/${id}`)).statusCode).toBe(404);
    expect((await leader1.get(`/api/problems/${id}`)).statusCode).toBe(404);
  });

  it('the leader holding it sees it and has it to do', async () => {
    at('2026-06-18T09:00:00');
    expect(await escalateOverdueProblems(env.ctx)).toMatchObject({ problems: 1, moves: 1 });
    expect((await leader2.get(`/api/problems/${id}`)).json().holders).toEqual([{ id: env.fx.users.leader2, name: '测试leader2' }]);
    expect((await leader2.get('/api/problems?tab=todo')).json().items.map((p: { id: number }) => p.id)).toEqual([id]);
  });

  it('escalated past them, they still read it, its history and the list, but it is no longer theirs to do or answer', async () => {
    at('2026-07-10T09:00:00');
    await escalateOverdueProblems(env.ctx);
    const p = (await disp.get(`/api/problems/${id}`)).json();
    expect(p.holders.map((h: { id: number }) => h.id)).not.toContain(env.fx.users.leader2);
    const seen = await leader2.get(`/api/problems/${id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().events.map((e: { kind: string }) => e.kind)).toContain('escalated');
    expect((await leader2.get('/api/problems?tab=all')).json().items.map((x: { id: number }) => x.id)).toContain(id);
    expect((await leader2.get('/api/problems?tab=todo')).json().total).toBe(0);
    expect((await leader2.post(`/api/problems/${id}/answer`, { outcome: 'solved', answer: '已协调', version: p.version })).statusCode).toBe(403);
    // the project itself stays outside the leader's scope
    expect((await leader2.get(`/api/projects/${pB}`)).statusCode).toBe(404);
    // a leader who never held it, and a region outside the project, do not see it
    expect((await leader1.get(`/api/problems/${id}`)).statusCode).toBe(404);
    expect((await regionA.get(`/api/problems/${id}`)).statusCode).toBe(404);
  });
});

describe('a department sees its own milestones on projects outside its scope', () => {
  let own: number;
  beforeAll(async () => {
    at('2026-06-15T10:00:00');
    const a = await disp.post(`/api/projects/${pB}/milestones`, { name: '用地预审', dueDate: '2026-08-31', responsibleDeptId: env.fx.deptA });
    expect(a.statusCode, a.body).toBe(201);
    own = (Array.isArray(a.json()) ? a.json().find((m: { name: string }) => m.name === '用地预审') : a.json()).id;
    const b = await disp.post(`/api/projects/${pB}/milestones`, { name: '施工许可', dueDate: '2026-09-30', responsibleDeptId: env.fx.deptB });
    expect(b.statusCode, b.body).toBe(201);
  });

  it('the project list and the project stay hidden', async () => {
    expect((await dept.get(`/api/projects/${pB}`)).statusCode).toBe(404);
    expect((await dept.get('/api/projects?pageSize=200')).json().items.map((p: { id: number }) => p.id)).not.toContain(pB);
  });

  it('the project’s milestones show only its own node', async () => {
    const res = await dept.get(`/api/projects/${pB}/milestones`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().map((m: { id: number; name: string }) => [m.id, m.name])).toEqual([[own, '用地预审']]);
  });

  it('the wall chart lists the project with only its own node', async () => {
    const g = (await dept.get('/api/gantt')).json();
    const row = g.projects.find((p: { id: number }) => p.id === pB);
    expect(row.milestones.map((m: { name: string }) => m.name)).toEqual(['用地预审']);
  });

  it('without a node of its own the project’s milestones are hidden', async () => {
    const done = await disp.patch(`/api/milestones/${own}`, { responsibleDeptId: env.fx.deptB, version: 1 });
    expect(done.statusCode, done.body).toBe(200);
    expect((await dept.get(`/api/projects/${pB}/milestones`)).statusCode).toBe(404);
    expect((await dept.get('/api/gantt')).json().projects.map((p: { id: number }) => p.id)).not.toContain(pB);
  });
});
