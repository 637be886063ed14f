import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoEnv, seededDemoDatabase, type Agent } from '../../../test/helpers.js';
import { taskStatusOf } from './tasks.service.js';

/** The demo county's key tasks on 2026-07-08 (a Wednesday): reports since February, a red task with a 督办 open. */
let env: Awaited<ReturnType<typeof createDemoEnv>>;
let disp: Agent, town: Agent, sup: Agent, leader: Agent, dept: Agent;
beforeAll(async () => {
  env = await createDemoEnv('2026-07-08T02:00:00Z');
  [disp, town, sup, leader, dept] = await Promise.all(['diaodu', 'fenshui', 'ducha', 'xianzhang', 'ziranziyuan'].map((u) => env.login(u))) as [Agent, Agent, Agent, Agent, Agent];
}, 240_000);
afterAll(() => env.close());

type Item = { id: number; title: string; light: string | null; lightReason: string | null; progress: number | null; done: boolean };

describe('demo key tasks', () => {
  it('has the campaign with sub-tasks to towns and monthly reports, the last one waiting for review', async () => {
    const list = (await disp.get('/api/tasks')).json() as Item[];
    expect(list.length).toBeGreaterThanOrEqual(8);
    const sewage = list.find((t) => t.title === '农村生活污水治理攻坚')!;
    const d = (await disp.get(`/api/tasks/${sewage.id}`)).json();
    expect(d.type).toBe('攻坚战役');
    expect(d.subTasks.map((s: { leadUnitName: string }) => s.leadUnitName)).toEqual(['分水镇', '横村镇']);
    expect(d.reports.length).toBeGreaterThanOrEqual(4);
    expect(d.reports[0].status).toBe('submitted');
    expect(d.reports.slice(1).every((r: { status: string }) => r.status === 'accepted')).toBe(true);
    expect(d.targets[0].reached).not.toBeNull();
  });
  it('the water bureau’s half-year review: 20 of 24 sites, 65% of the dredging', async () => {
    const list = (await disp.get('/api/tasks')).json() as Item[];
    const w = (await disp.get(`/api/tasks/${list.find((t) => t.title.startsWith('水利局'))!.id}`)).json();
    expect(w.targets.map((t: { reached: string; progress: number }) => [t.reached, t.progress])).toEqual([
      ['20', 83.33],
      ['6.5', 65],
    ]);
    expect(w.progress).toBe(83.33);
  });
  it('one task is red by an overdue node with a 督办 open; the 督查 desk shows them', async () => {
    const desk = (await sup.get('/api/tasks/overdue')).json();
    const land = desk.tasks.find((t: Item) => t.title === '重点项目土地征收攻坚');
    expect(land).toMatchObject({ light: 'red' });
    expect(land.lightReason).toMatch(/^节点「征收补偿方案公告」逾期\d+个工作日$/);
    expect(desk.urges).toHaveLength(1);
    expect(desk.urges[0]).toMatchObject({ status: 'open', overdue: false });
    expect(desk.overdueNodes.map((n: { name: string }) => n.name)).toContain('征收补偿方案公告');
    const s = (await sup.get('/api/tasks/stats?period=2026')).json();
    expect(s.units.length).toBeGreaterThan(3);
    expect(s.counts.done).toBe(1);
  });
  it('linked ledger projects roll into 重大项目攻坚年; the county head sees it among their own tasks', async () => {
    const mine = (await leader.get('/api/tasks/mine')).json() as Item[];
    const big = mine.find((t) => t.title === '重大项目攻坚年')!;
    expect(big).toBeTruthy();
    const d = (await leader.get(`/api/tasks/${big.id}`)).json();
    expect(d.projects.length).toBeGreaterThan(0);
    expect(d.targets[0].fromProjects).toBe(true);
    expect(Number(d.projectRollup.completed)).toBeGreaterThan(0);
  });
  it('the town and the department see their own tasks', async () => {
    const t = (await town.get('/api/tasks')).json() as Item[];
    expect(t.map((x) => x.title)).toEqual(expect.arrayContaining(['分水镇污水处理站点提标改造', '分水制笔产业园提升改造', '农村生活污水治理攻坚']));
    const d = (await dept.get('/api/tasks')).json() as Item[];
    expect(d.map((x) => x.title)).toContain('重点项目土地征收攻坚');
    expect(d.map((x) => x.title)).not.toContain('分水制笔产业园提升改造');
    const st = await taskStatusOf(env.ctx, t.map((x) => x.id));
    expect(st.size).toBe(t.length);
  });
});

describe('the demo seeds on other days', () => {
  it.each(['2026-01-02T02:00:00Z', '2026-12-30T02:00:00Z'])('%s', async (now) => {
    const { database } = await seededDemoDatabase(now);
    try {
      const r = await database.db.execute('SELECT count(*)::int AS n FROM tasks');
      expect((r.rows[0] as { n: number }).n).toBeGreaterThanOrEqual(10);
    } finally {
      await database.close();
    }
  }, 240_000);
});
