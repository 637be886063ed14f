import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NotificationListSchema, NotificationQuerySchema, NotificationReadSchema } from '@tiaodu/contracts';
import type { AppDeps } from '../../core/module.js';
import { ctxOf } from '../../plugins/auth.js';
import * as svc from './notifications.service.js';

export function notificationRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['notifications'];
  const permission = 'notification:read' as const;
  r.get(
    '/api/notifications',
    { config: { permission }, schema: { tags, summary: '我的消息', querystring: NotificationQuerySchema, response: { 200: NotificationListSchema } } },
    async (req) => svc.listNotifications(ctxOf(req, deps), req.query),
  );
  r.get(
    '/api/notifications/unread-count',
    { config: { permission }, schema: { tags, summary: '未读消息数', response: { 200: z.object({ unread: z.number() }) } } },
    async (req) => svc.getUnreadCount(ctxOf(req, deps)),
  );
  r.post(
    '/api/notifications/read',
    { config: { permission, keepsReadCache: true }, schema: { tags, summary: '标为已读（指定的或全部）', body: NotificationReadSchema, response: { 200: z.object({ updated: z.number() }) } } },
    async (req) => svc.markRead(ctxOf(req, deps), req.body.ids),
  );
}
