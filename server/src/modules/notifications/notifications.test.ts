import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestEnv, type TestEnv } from '../../../test/helpers.js';
import { notificationDeliveries, notifications, users } from '../../db/schema.js';
import { LoggingGateway, setMessageGateway } from './gateway.js';
import { deliverPending, notify } from './notify.js';

let env: TestEnv;
const gateway = new LoggingGateway(() => {});

beforeAll(async () => {
  env = await createTestEnv();
  setMessageGateway(gateway);
  await env.ctx.db.update(users).set({ phone: '13800000001' }).where(eq(users.id, env.fx.users.deptA!));
});
afterAll(async () => {
  setMessageGateway(undefined);
  await env.close();
});

describe('notify', () => {
  it('inserts one notice per user in the caller\'s transaction, deduplicated by key, not to the actor', async () => {
    const { deptA, unitA, disp } = env.fx.users;
    const actorCtx = { ...env.ctx, user: { ...env.ctx.user, id: disp! } };
    const ids = await env.ctx.db.transaction((tx) =>
      notify(tx, actorCtx, { userIds: [deptA, unitA, deptA, disp, null], kind: 'problem.assigned', title: '问题交办', body: '请办理', link: '/problems/1', dedupeKey: 'k1' }),
    );
    expect(ids).toHaveLength(2);
    const again = await env.ctx.db.transaction((tx) => notify(tx, actorCtx, { userIds: [deptA, unitA], kind: 'problem.assigned', title: '问题交办', dedupeKey: 'k1' }));
    expect(again).toEqual([]);
    const rows = await env.ctx.db.select().from(notifications).where(eq(notifications.dedupeKey, 'k1'));
    expect(rows.map((r) => r.userId).sort()).toEqual([deptA, unitA].sort());
  });

  it('nothing is kept when the transaction rolls back', async () => {
    await expect(
      env.ctx.db.transaction(async (tx) => {
        await notify(tx, env.ctx, { userIds: [env.fx.users.unitA], kind: 'x', title: '回滚', dedupeKey: 'rollback' });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await env.ctx.db.select().from(notifications).where(eq(notifications.dedupeKey, 'rollback'))).toHaveLength(0);
  });

  it('queues an SMS for users with a phone and delivers it through the gateway after commit', async () => {
    const pending = await env.ctx.db.select().from(notificationDeliveries).where(eq(notificationDeliveries.status, 'pending'));
    expect(pending).toHaveLength(1);
    expect(pending[0]).toMatchObject({ channel: 'sms', recipient: '13800000001' });
    expect(gateway.sent).toHaveLength(0);
    expect(await deliverPending(env.ctx)).toEqual({ sent: 1, failed: 0 });
    expect(gateway.sent).toEqual([{ channel: 'sms', to: '13800000001', text: '【调度】问题交办：请办理' }]);
    expect(await deliverPending(env.ctx)).toEqual({ sent: 0, failed: 0 });
    const [d] = await env.ctx.db.select().from(notificationDeliveries);
    expect(d!.status).toBe('sent');
  });

  it('a failing gateway marks the delivery failed with its error', async () => {
    setMessageGateway({ name: 'broken', send: async () => Promise.reject(new Error('短信平台超时')) });
    try {
      await env.ctx.db.transaction((tx) => notify(tx, env.ctx, { userIds: [env.fx.users.deptA], kind: 'x', title: '失败的短信' }));
      expect(await deliverPending(env.ctx)).toEqual({ sent: 0, failed: 1 });
      const rows = await env.ctx.db.select().from(notificationDeliveries).where(eq(notificationDeliveries.status, 'failed'));
      expect(rows[0]!.error).toBe('短信平台超时');
    } finally {
      setMessageGateway(gateway);
    }
  });
});

describe('notification endpoints', () => {
  it('401 without a session', async () => {
    expect((await env.app.inject({ method: 'GET', url: '/api/notifications' })).statusCode).toBe(401);
  });
  it('a user lists only their own notices, counts the unread and marks them read', async () => {
    const unit = await env.login('unitA');
    const list = await unit.get('/api/notifications');
    expect(list.statusCode).toBe(200);
    const body = list.json();
    expect(body.items.map((n: { title: string }) => n.title)).toEqual(['问题交办']);
    expect(body.unread).toBe(1);
    expect(body.items[0].link).toBe('/problems/1');
    const dept = await env.login('deptA');
    const theirs = (await dept.get('/api/notifications')).json();
    expect(theirs.total).toBe(2);
    // marking someone else's notice read changes nothing
    expect((await unit.post('/api/notifications/read', { ids: [theirs.items[0].id] })).json()).toEqual({ updated: 0 });
    expect((await dept.get('/api/notifications/unread-count')).json()).toEqual({ unread: 2 });
    expect((await unit.post('/api/notifications/read', { ids: ['x'] })).statusCode).toBe(400);
    expect((await unit.post('/api/notifications/read', { ids: [body.items[0].id] })).json()).toEqual({ updated: 1 });
    expect((await unit.get('/api/notifications/unread-count')).json()).toEqual({ unread: 0 });
    expect((await dept.post('/api/notifications/read', {})).json()).toEqual({ updated: 2 });
    expect((await dept.get('/api/notifications?unread=1')).json().items).toEqual([]);
  });
});

describe('notification list filters and ownership', () => {
  // leader1 gets one notice of each group, at distinct times (newest last); leader2 gets one of their own
  const seeded: Record<string, number> = {};
  beforeAll(async () => {
    const { leader1, leader2 } = env.fx.users;
    const notices = [
      { key: 'problem', kind: 'problem.escalated', title: '问题超期升级至分管领导：施工便道', link: '/problems/7' },
      { key: 'approval', kind: 'approval.process.red', title: '红色预警：某项目审批全流程超时', link: '/projects/3/approvals' },
      { key: 'other', kind: 'report.reminder', title: '月报填报提醒', link: null },
      { key: 'approvalLatest', kind: 'approval.submitted', title: '新申报审批事项：施工许可', link: '/approvals/5' },
    ];
    for (const [i, n] of notices.entries()) {
      const at = { ...env.ctx, clock: { now: () => new Date(Date.UTC(2026, 5, 16, 1, i)) } } as typeof env.ctx;
      const [id] = await env.ctx.db.transaction((tx) => notify(tx, at, { userIds: [leader1], kind: n.kind, title: n.title, link: n.link, dedupeKey: `filters:${n.key}` }));
      seeded[n.key] = id!;
    }
    const [theirs] = await env.ctx.db.transaction((tx) => notify(tx, env.ctx, { userIds: [leader2], kind: 'problem.assigned', title: '别人的交办', link: '/problems/8', dedupeKey: 'filters:theirs' }));
    seeded.theirs = theirs!;
  });

  const titles = (body: { items: Array<{ title: string }> }) => body.items.map((n) => n.title);

  it('newest first; the group filter splits problem.*, approval.* and the rest in SQL, with the total of the filter', async () => {
    const leader = await env.login('leader1');
    const all = (await leader.get('/api/notifications')).json();
    expect(all.items.map((n: { id: number }) => n.id)).toEqual([seeded.approvalLatest, seeded.other, seeded.approval, seeded.problem]);
    expect(all).toMatchObject({ total: 4, unread: 4 });
    const problem = (await leader.get('/api/notifications?group=problem')).json();
    expect(titles(problem)).toEqual(['问题超期升级至分管领导：施工便道']);
    expect(problem).toMatchObject({ total: 1, unread: 4 });
    const approval = (await leader.get('/api/notifications?group=approval')).json();
    expect(approval.items.map((n: { kind: string }) => n.kind)).toEqual(['approval.submitted', 'approval.process.red']);
    expect(approval.total).toBe(2);
    const other = (await leader.get('/api/notifications?group=other')).json();
    expect(other.items.map((n: { kind: string }) => n.kind)).toEqual(['report.reminder']);
    // paging within a group
    const page2 = (await leader.get('/api/notifications?group=approval&page=2&pageSize=1')).json();
    expect(page2).toMatchObject({ total: 2, items: [expect.objectContaining({ id: seeded.approval })] });
  });

  it('unread and group combine; marking read moves a notice out of the unread list of its group', async () => {
    const leader = await env.login('leader1');
    expect((await leader.post('/api/notifications/read', { ids: [seeded.approvalLatest] })).json()).toEqual({ updated: 1 });
    const unreadApproval = (await leader.get('/api/notifications?group=approval&unread=1')).json();
    expect(unreadApproval.items.map((n: { id: number }) => n.id)).toEqual([seeded.approval]);
    expect(unreadApproval).toMatchObject({ total: 1, unread: 3 });
    const readOne = (await leader.get('/api/notifications?group=approval')).json().items[0];
    expect(readOne).toMatchObject({ id: seeded.approvalLatest, readAt: expect.any(String) });
    // marking the same one again changes nothing
    expect((await leader.post('/api/notifications/read', { ids: [seeded.approvalLatest] })).json()).toEqual({ updated: 0 });
  });

  it('one user never sees nor marks another user\'s notices, by list, filter or id', async () => {
    const leader = await env.login('leader1');
    const other = await env.login('leader2');
    const theirs = (await other.get('/api/notifications?group=problem')).json();
    expect(theirs.items.map((n: { id: number }) => n.id)).toEqual([seeded.theirs]);
    for (const group of ['problem', 'approval', 'other']) {
      const mine = (await leader.get(`/api/notifications?group=${group}`)).json();
      expect(mine.items.map((n: { id: number }) => n.id)).not.toContain(seeded.theirs);
    }
    // leader1 asks to mark leader2's notice and their own: only their own changes
    expect((await leader.post('/api/notifications/read', { ids: [seeded.theirs, seeded.problem] })).json()).toEqual({ updated: 1 });
    expect((await other.get('/api/notifications/unread-count')).json()).toEqual({ unread: 1 });
    // leader1's 全部标为已读 leaves leader2's untouched
    expect((await leader.post('/api/notifications/read', {})).json()).toEqual({ updated: 2 });
    expect((await leader.get('/api/notifications/unread-count')).json()).toEqual({ unread: 0 });
    expect((await other.get('/api/notifications?unread=1')).json().items.map((n: { id: number }) => n.id)).toEqual([seeded.theirs]);
  });

  it('401 without a session on every endpoint', async () => {
    expect((await env.app.inject({ method: 'GET', url: '/api/notifications?group=problem' })).statusCode).toBe(401);
    expect((await env.app.inject({ method: 'GET', url: '/api/notifications/unread-count' })).statusCode).toBe(401);
    expect((await env.app.inject({ method: 'POST', url: '/api/notifications/read', payload: {} })).statusCode).toBe(401);
  });

  it('400 VALIDATION on a bad query, with the field', async () => {
    const leader = await env.login('leader1');
    for (const [q, field] of [
      ['group=warning', 'group'],
      ['unread=yes', 'unread'],
      ['page=0', 'page'],
      ['pageSize=101', 'pageSize'],
      ['pageSize=abc', 'pageSize'],
    ] as const) {
      const res = await leader.get(`/api/notifications?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION');
      expect(res.json().error.details.map((d: { path: string }) => d.path).join(',')).toContain(field);
    }
  });
});
