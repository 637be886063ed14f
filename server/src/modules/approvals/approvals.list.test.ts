import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isNull, sql } from 'drizzle-orm';
import { createTestEnv, PASSWORD, projectBody, type Agent, type TestEnv } from '../../../test/helpers.js';
import { projectApprovals, users } from '../../db/schema.js';
import { createUser } from '../admin/users.service.js';

/*
 * The list of approval items is filtered, sorted and paged in SQL by the signal schedules
 * stored on the items; the detail of an item computes its signal from its events. The two
 * must agree on every date, after a calendar change, and on a database whose schedules were
 * never computed (an upgrade).
 *
 * Three projects of 杭州甲公司, each with X (自然资源和规划局, promised 5: 1/2/1/1/1) and Y
 * (交通运输局, promised 10: 1/4/2/2/1), moved to different places late in September 2026,
 * before the National Day holiday.
 */
let env: TestEnv;
let disp: Agent, unit: Agent, deptA: Agent, deptB: Agent, admin: Agent, regionB: Agent;
const projects: number[] = [];
const pa: Record<string, number> = {};

const at = (china: string) => env.clock.set(new Date(`${china}+08:00`));
const act = (a: Agent, id: number, action: string, extra: Record<string, unknown> = {}) => a.post(`/api/project-approvals/${id}/act`, { action, ...extra });
const RANK: Record<string, number> = { red: 0, yellow: 1, prompt: 2, none: 3 };

interface Row {
  id: number;
  signal: string;
  dueDate: string | null;
  departmentId: number;
  projectId: number;
}

async function all(a: Agent, query = ''): Promise<{ items: Row[]; total: number; signals: Record<string, number> }> {
  const r = await a.get(`/api/approvals?status=all&pageSize=200${query}`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
}

/** The list's signals equal the items' own (computed from their events), in the list's order. */
async function checkAgainstDetails(a: Agent): Promise<Row[]> {
  const list = await all(a);
  expect(list.total).toBe(list.items.length);
  for (const item of list.items) {
    const d = (await a.get(`/api/project-approvals/${item.id}`)).json();
    expect({ id: item.id, signal: item.signal, due: item.dueDate }).toEqual({ id: item.id, signal: d.signal, due: d.dueDate });
  }
  for (let i = 1; i < list.items.length; i++) {
    const [p, c] = [list.items[i - 1]!, list.items[i]!];
    const order = RANK[p.signal]! - RANK[c.signal]! || (p.dueDate ?? '9999').localeCompare(c.dueDate ?? '9999') || p.id - c.id;
    expect(order, `${JSON.stringify(p)} before ${JSON.stringify(c)}`).toBeLessThan(0);
  }
  const counted = (s: string) => list.items.filter((i) => i.signal === s).length;
  expect(list.signals).toEqual({ red: counted('red'), yellow: counted('yellow'), prompt: counted('prompt') });
  return list.items;
}

beforeAll(async () => {
  env = await createTestEnv({ now: '2026-09-21T01:00:00Z', config: { sessionIdleMinutes: 200_000, sessionMaxHours: 5000 } });
  await createUser(env.ctx, { username: 'deptB1', displayName: '测试deptB1', role: 'department', scopeType: 'department', departmentId: env.fx.deptB, password: PASSWORD });
  await env.ctx.db.update(users).set({ mustChangePassword: false });
  [disp, unit, deptA, deptB, admin, regionB] = (await Promise.all(['disp', 'unitA', 'deptA', 'deptB1', 'admin1', 'regionB'].map((u) => env.login(u)))) as [Agent, Agent, Agent, Agent, Agent, Agent];
  const item = async (code: string, dept: number, promisedDays: number, stepDays: number[]) => {
    const [accept, undertake, review, approve, finish] = stepDays;
    const r = await disp.post('/api/approval-items', { code, name: `事项${code}`, departmentId: dept, phase: 'engineering', statutoryDays: 20, promisedDays, stepDays: { accept, undertake, review, approve, finish } });
    expect(r.statusCode, r.body).toBe(201);
    return r.json().id as number;
  };
  const x = await item('L-X', env.fx.deptA, 5, [1, 2, 1, 1, 1]);
  const y = await item('L-Y', env.fx.deptB, 10, [1, 4, 2, 2, 1]);
  for (let i = 1; i <= 3; i++) {
    const p = await disp.post('/api/projects', projectBody(env.fx.townA1, { name: `列表测试项目${i}`, ownerEnterpriseId: env.fx.entA }));
    expect(p.statusCode, p.body).toBe(201);
    projects.push(p.json().id);
    for (const [k, itemId] of [['X', x], ['Y', y]] as const) {
      const r = await disp.post(`/api/projects/${p.json().id}/approvals`, { itemId });
      expect(r.statusCode, r.body).toBe(200);
      pa[`${k}${i}`] = r.json().items.find((it: { itemId: number }) => it.itemId === itemId).id;
    }
  }
  // 09-21 Mon: everything but Y3 applied for; 09-22 X1, X2, Y1 accepted, Y2 returned; 09-24 X1 handled; X3 waits
  for (const k of ['X1', 'X2', 'X3', 'Y1', 'Y2']) expect((await act(unit, pa[k]!, 'submit')).statusCode).toBe(200);
  at('2026-09-22 10:00');
  for (const k of ['X1', 'X2']) expect((await act(deptA, pa[k]!, 'accept')).statusCode).toBe(200);
  expect((await act(deptB, pa.Y1!, 'accept')).statusCode).toBe(200);
  expect((await act(deptB, pa.Y2!, 'return', { reason: '缺少消防设计文件' })).statusCode).toBe(200);
  at('2026-09-24 10:00');
  expect((await act(deptA, pa.X1!, 'undertake')).statusCode).toBe(200);
}, 60_000);
afterAll(() => env.close());

describe('the approvals list, paged by the stored signal schedules', () => {
  it('needs a session; refuses a bad page, page size or department with field messages', async () => {
    expect((await env.app.inject({ method: 'GET', url: '/api/approvals' })).statusCode).toBe(401);
    for (const [q, path, message] of [
      ['pageSize=500', 'pageSize', '每页最多200条'],
      ['page=0', 'page', '页码不正确'],
      ['departmentId=abc', 'departmentId', '部门不正确'],
      ['signal=green', 'signal', '预警不正确'],
    ] as const) {
      const r = await disp.get(`/api/approvals?${q}`);
      expect(r.statusCode, q).toBe(400);
      expect(r.json().error.details, q).toContainEqual({ path, message });
    }
  });

  it('agrees with every item’s own signal as the days pass without any act, ordered worst first then by due date', async () => {
    const seen = new Set<string>();
    for (const day of ['2026-09-24', '2026-09-25', '2026-09-29', '2026-09-30', '2026-10-09', '2026-10-14', '2026-10-20']) {
      at(`${day} 09:00`);
      for (const r of await checkAgainstDetails(disp)) seen.add(r.signal);
    }
    // the dates above cover every signal
    expect([...seen].sort()).toEqual(['none', 'prompt', 'red', 'yellow']);
  });

  it('pages: the pages put together are the whole list; a page past the end is empty but keeps the total', async () => {
    at('2026-09-29 09:00');
    const whole = (await all(disp)).items.map((i) => i.id);
    expect(whole).toHaveLength(6);
    const pages: number[] = [];
    for (let page = 1; page <= 3; page++) {
      const r = (await disp.get(`/api/approvals?status=all&page=${page}&pageSize=2`)).json();
      expect(r.total).toBe(6);
      expect(r.items).toHaveLength(2);
      pages.push(...r.items.map((i: Row) => i.id));
    }
    expect(pages).toEqual(whole);
    const past = (await disp.get('/api/approvals?status=all&page=9&pageSize=2')).json();
    expect(past).toMatchObject({ items: [], total: 6 });
    // open items only: Y3 was never applied for
    const open = (await disp.get('/api/approvals?status=open')).json();
    expect(open.total).toBe(5);
    expect(open.items.map((i: Row) => i.id)).not.toContain(pa.Y3);
  });

  it('filters by signal, department and project in SQL, and counts the signals of the unfiltered list', async () => {
    at('2026-09-29 09:00');
    const full = await all(disp);
    for (const s of ['red', 'yellow', 'prompt'] as const) {
      const r = await all(disp, `&signal=${s}`);
      expect(r.items.map((i) => i.id)).toEqual(full.items.filter((i) => i.signal === s).map((i) => i.id));
      // the counts do not depend on the signal filter
      expect(r.signals).toEqual(full.signals);
    }
    const any = await all(disp, '&signal=any');
    expect(any.items.map((i) => i.id)).toEqual(full.items.filter((i) => i.signal !== 'none').map((i) => i.id));
    expect((await all(disp, `&departmentId=${env.fx.deptB}`)).items.map((i) => i.id).sort()).toEqual([pa.Y1, pa.Y2, pa.Y3].sort());
    expect((await all(disp, `&projectId=${projects[1]}`)).items.map((i) => i.id).sort()).toEqual([pa.X2, pa.Y2].sort());
    // a department sees its own items only, whatever the filter asks
    expect((await all(deptA, `&departmentId=${env.fx.deptB}`)).total).toBe(0);
    expect((await all(deptB)).items.map((i) => i.id).sort()).toEqual([pa.Y1, pa.Y2, pa.Y3].sort());
    expect((await all(regionB)).total).toBe(0);
  });

  it('a calendar change moves the dates: the schedules are recomputed and still agree', async () => {
    at('2026-09-25 09:00');
    const before = await all(disp);
    // 09-28 and 09-29 become days off: the running clocks reach their limits later
    for (const date of ['2026-09-28', '2026-09-29']) {
      const r = await env.app.inject({ method: 'PUT', url: `/api/calendar/days/${date}`, payload: { isWorkday: false, name: '防汛停工' }, headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf } });
      expect(r.statusCode, r.body).toBe(200);
    }
    const stale = await env.ctx.db.select({ id: projectApprovals.id }).from(projectApprovals).where(isNull(projectApprovals.signalFixed));
    expect(stale.length).toBe(5); // every item applied for
    const after = await all(disp);
    expect(after.items.find((i) => i.id === pa.Y1)!.dueDate! > before.items.find((i) => i.id === pa.Y1)!.dueDate!).toBe(true);
    for (const day of ['2026-09-25', '2026-09-30', '2026-10-09', '2026-10-13']) {
      at(`${day} 09:00`);
      await checkAgainstDetails(disp);
    }
  });

  it('computes the schedules a database never had (an upgrade) before answering', async () => {
    at('2026-10-09 09:00');
    const expected = await all(disp);
    await env.ctx.db.execute(sql`UPDATE project_approvals SET signal_fixed = NULL, prompt_on = NULL, yellow_on = NULL, red_on = NULL, promised_due_date = NULL`);
    expect(await all(disp)).toEqual(expected);
    expect(await env.ctx.db.select({ id: projectApprovals.id }).from(projectApprovals).where(isNull(projectApprovals.signalFixed))).toEqual([]);
  });
});
