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
