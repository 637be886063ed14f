import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, serial, text, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import { users } from '../../db/kernel.schema.js';
import { ts } from '../../db/columns.js';

/** Tables of the notifications module; the kernel tables they refer to come from db/. */

/** In-app notification centre; dedupe_key makes a repeated notice a no-op for the same user. */
export const notifications = pgTable(
  'notifications',
  {
    id: serial('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: varchar('kind', { length: 30 }).notNull(),
    title: varchar('title', { length: 200 }).notNull(),
    body: text('body'),
    link: varchar('link', { length: 300 }),
    dedupeKey: varchar('dedupe_key', { length: 200 }),
    createdAt: ts('created_at').notNull(),
    readAt: ts('read_at'),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.createdAt),
    index('notifications_unread_idx').on(t.userId).where(sql`${t.readAt} is null`),
    uniqueIndex('notifications_dedupe_uq').on(t.userId, t.dedupeKey),
  ],
);

/** Deliveries of a notification to an outside channel (SMS, WeChat) through the message gateway. */
export const notificationDeliveries = pgTable(
  'notification_deliveries',
  {
    id: serial('id').primaryKey(),
    notificationId: integer('notification_id')
      .notNull()
      .references(() => notifications.id, { onDelete: 'cascade' }),
    /** sms | wechat */
    channel: varchar('channel', { length: 12 }).notNull(),
    recipient: varchar('recipient', { length: 100 }),
    /** sent | failed | skipped */
    status: varchar('status', { length: 12 }).notNull(),
    payload: jsonb('payload'),
    error: text('error'),
    at: ts('at').notNull(),
  },
  (t) => [index('notification_deliveries_notification_idx').on(t.notificationId)],
);
