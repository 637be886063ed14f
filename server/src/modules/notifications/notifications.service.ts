import { and, desc, eq, inArray, isNull, like, notLike, sql, type SQL } from 'drizzle-orm';
import { NOTIFICATION_GROUP_PREFIXES, type NotificationGroup, type NotificationList, type NotificationQuery } from '@tiaodu/contracts';
import { notifications } from './notifications.schema.js';
import { toIso } from '../../core/clock.js';
import type { Ctx } from '../../core/context.js';
import { unreadCount } from './notify.js';

/** The SQL condition of a group: the kind's prefix, or neither prefix for 'other'. */
function groupCondition(group: NotificationGroup | undefined): SQL | undefined {
  if (!group) return undefined;
  if (group === 'other') return and(...Object.values(NOTIFICATION_GROUP_PREFIXES).map((p) => notLike(notifications.kind, `${p}%`)));
  return like(notifications.kind, `${NOTIFICATION_GROUP_PREFIXES[group]}%`);
}

/** The signed-in user's notifications, newest first, optionally unread only or of one group; only ever their own. */
export async function listNotifications(ctx: Ctx, q: NotificationQuery): Promise<NotificationList> {
  const where = and(eq(notifications.userId, ctx.user.id), q.unread === '1' ? isNull(notifications.readAt) : undefined, groupCondition(q.group));
  const [rows, [count], unread] = await Promise.all([
    ctx.db
      .select()
      .from(notifications)
      .where(where)
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db.select({ n: sql<number>`count(*)::int` }).from(notifications).where(where),
    unreadCount(ctx.db, ctx.user.id),
  ]);
  return {
    items: rows.map((r) => ({ id: r.id, kind: r.kind, title: r.title, body: r.body, link: r.link, createdAt: toIso(r.createdAt), readAt: toIso(r.readAt) })),
    total: count?.n ?? 0,
    unread,
  };
}

export async function getUnreadCount(ctx: Ctx): Promise<{ unread: number }> {
  return { unread: await unreadCount(ctx.db, ctx.user.id) };
}

/** Marks the user's own notifications read (the given ones, or all); returns how many changed. */
export async function markRead(ctx: Ctx, ids?: number[]): Promise<{ updated: number }> {
  const rows = await ctx.db
    .update(notifications)
    .set({ readAt: ctx.clock.now().toISOString() })
    .where(and(eq(notifications.userId, ctx.user.id), isNull(notifications.readAt), ids ? inArray(notifications.id, ids.length ? ids : [0]) : undefined))
    .returning({ id: notifications.id });
  return { updated: rows.length };
}
