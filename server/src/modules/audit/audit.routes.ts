import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AuditEventSchema, AuditQuerySchema } from '@tiaodu/contracts';
import type { AppDeps } from '../../core/module.js';
import { ctxOf } from '../../plugins/auth.js';
import { listAudit, verifyAuditChain } from './audit.service.js';

export function auditRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/audit',
    { config: { permission: 'audit:read' }, schema: { tags: ['audit'], summary: '审计日志', querystring: AuditQuerySchema, response: { 200: z.object({ items: z.array(AuditEventSchema), total: z.number() }) } } },
    async (req) => listAudit(ctxOf(req, deps), req.query),
  );
  r.get(
    '/api/audit/verify',
    { config: { permission: 'audit:read' }, schema: { tags: ['audit'], summary: '校验审计日志哈希链', response: { 200: z.object({ ok: z.boolean(), checked: z.number(), brokenAt: z.number().nullable() }) } } },
    async (req) => verifyAuditChain(ctxOf(req, deps)),
  );
}
