import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { dashboardQuerySchema } from '@tiaodu/contracts';
import type { AppDeps } from '../../core/module.js';
import { ctxOf } from '../../plugins/auth.js';
import { getDashboard } from './dashboard.service.js';

export function dashboardRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/dashboard', { config: { permission: 'dashboard:read' }, schema: { tags: ['dashboard'], summary: '领导驾驶舱（本人数据范围）', querystring: dashboardQuerySchema } }, async (req) =>
    getDashboard(ctxOf(req, deps), req.query),
  );
}
