import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ruleSetUpdateSchema, warningQuerySchema } from '@tiaodu/contracts';
import type { AppDeps } from '../../core/module.js';
import { ctxOf } from '../../plugins/auth.js';
import * as svc from './warnings.service.js';

const IdParams = z.object({ id: z.coerce.number().int().positive() });
const YmQuery = warningQuerySchema.pick({ year: true, month: true });

export function warningRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['warnings'];
  r.get('/api/warnings', { config: { permission: 'warning:read' }, schema: { tags, summary: '预警列表（按月、维度、灯色、区域、包抓领导筛选）', querystring: warningQuerySchema } }, async (req) =>
    svc.listWarnings(ctxOf(req, deps), req.query),
  );
  r.post('/api/warnings/recompute', { config: { permission: 'report:window' }, schema: { tags, summary: '重新计算某月预警', querystring: YmQuery } }, async (req) =>
    svc.recompute(ctxOf(req, deps), req.query.year, req.query.month),
  );
  r.get('/api/projects/:id/lights', { config: { permission: 'warning:read' }, schema: { tags, summary: '项目预警历史', params: IdParams } }, async (req) =>
    svc.projectLightHistory(ctxOf(req, deps), req.params.id),
  );
  r.get('/api/rule-sets', { config: { permission: 'ruleset:edit' }, schema: { tags, summary: '预警规则集' } }, async (req) => svc.listRuleSets(ctxOf(req, deps)));
  r.put('/api/rule-sets/:id', { config: { permission: 'ruleset:edit' }, schema: { tags, summary: '修改预警规则集', params: IdParams, body: ruleSetUpdateSchema } }, async (req) =>
    svc.updateRuleSet(ctxOf(req, deps), req.params.id, req.body),
  );
  r.post('/api/rule-sets/:id/activate', { config: { permission: 'ruleset:edit' }, schema: { tags, summary: '启用预警规则集（重新计算上月和本月的预警）', params: IdParams } }, async (req) =>
    svc.activateRuleSet(ctxOf(req, deps), req.params.id),
  );
}
