import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { notificationDeliveries, notifications, users } from '../../db/schema.js';
import type { Ctx } from '../../core/context.js';
import { messageGateway } from './gateway.js';

export interface NotifyInput {
  userIds: Iterable<number | null | undefined>;
  kind: string;
  title: string;
  body?: string | null;
  /** Path in the web app, e.g. /problems/12. */
  link?: string | null;
  /** The same key for the same user is stored once (a repeated run notifies nobody twice). */
  dedupeKey?: string | null;
}

/**
 * Notifies users inside the caller's transaction: one notification per user (the acting user
 * is left out), and one pending delivery per configured outside channel for users with a
 * phone number. Deliveries are sent after the commit by `deliverPending` (a scheduled job),
 * so no gateway call ever holds a transaction open. Returns the ids of the new notifications.
 */
export async function notify(tx: DbOrTx, ctx: Ctx, input: NotifyInput): Promise<number[]> {
  const ids = [...new Set([...input.userIds].filter((u): u is number => typeof u === 'number' && u > 0 && u !== ctx.user.id))];
  if (ids.length === 0) return [];
  const at = ctx.clock.now().toISOString();
  const inserted = await tx
    .insert(notifications)
    .values(
      ids.map((userId) => ({
        userId,
        kind: input.kind,
        title: input.title.slice(0, 200),
        body: input.body ?? null,
        link: input.link ?? null,
        dedupeKey: input.dedupeKey ?? null,
        createdAt: at,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: notifications.id, userId: notifications.userId });
  const channels = ctx.config.notifyChannels;
  if (inserted.length && channels.length && ctx.config.messageGateway !== 'off') {
    const phones = await tx
      .select({ id: users.id, phone: users.phone })
      .from(users)
      .where(and(inArray(users.id, inserted.map((n) => n.userId)), eq(users.active, true)));
    const phoneOf = new Map(phones.filter((p) => p.phone).map((p) => [p.id, p.phone!]));
    const text = `【调度】${input.title}${input.body ? `：${input.body}` : ''}`.slice(0, 300);
    const rows = inserted.flatMap((n) =>
      phoneOf.has(n.userId) ? channels.map((channel) => ({ notificationId: n.id, channel, recipient: phoneOf.get(n.userId)!, status: 'pending', payload: { text }, at })) : [],
    );
    if (rows.length) await tx.insert(notificationDeliveries).values(rows);
  }
  return inserted.map((n) => n.id);
}

/** Sends the pending deliveries through the message gateway and records each outcome. */
export async function deliverPending(ctx: Ctx, limit = 200): Promise<{ sent: number; failed: number }> {
  const gateway = messageGateway(ctx.config);
  const pending = await ctx.db
    .select({ id: notificationDeliveries.id, channel: notificationDeliveries.channel, recipient: notificationDeliveries.recipient, payload: notificationDeliveries.payload })
    .from(notificationDeliveries)
    .where(eq(notificationDeliveries.status, 'pending'))
    .orderBy(asc(notificationDeliveries.id))
    .limit(limit);
  let sent = 0;
  let failed = 0;
  for (const d of pending) {
    const at = ctx.clock.now().toISOString();
    if (!gateway) {
      await ctx.db.update(notificationDeliveries).set({ status: 'skipped', at }).where(eq(notificationDeliveries.id, d.id));
      continue;
    }
    try {
      await gateway.send(d.channel as 'sms' | 'wechat', d.recipient ?? '', String((d.payload as { text?: string } | null)?.text ?? ''));
      await ctx.db.update(notificationDeliveries).set({ status: 'sent', at, error: null }).where(eq(notificationDeliveries.id, d.id));
      sent++;
    } catch (err) {
      await ctx.db
        .update(notificationDeliveries)
        .set({ status: 'failed', at, error: String((err as Error)?.message ?? err).slice(0, 500) })
        .where(eq(notificationDeliveries.id, d.id));
      failed++;
    }
  }
  return { sent, failed };
}

/** Unread notifications of a user (for the bell). */
export async function unreadCount(db: DbOrTx, userId: number): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), sql`${notifications.readAt} is null`));
  return r?.n ?? 0;
}
