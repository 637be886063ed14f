import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ApplyTemplateSchema,
  GanttQuerySchema,
  GanttSchema,
  MilestoneCreateSchema,
  MilestonePatchSchema,
  MilestoneSchema,
  MilestoneTemplateInputSchema,
  MilestoneTemplateSchema,
} from '@tiaodu/contracts';
import type { AppDeps } from '../../core/module.js';
import { ctxOf } from '../../plugins/auth.js';
import * as svc from './milestones.service.js';

const IdParams = z.object({ id: z.coerce.number().int().positive() });
const Ok = z.object({ ok: z.boolean() });

export function milestoneRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['milestones'];
  r.get('/api/milestone-templates', { config: { permission: 'milestone:read' }, schema: { tags, summary: '节点模板库', response: { 200: z.array(MilestoneTemplateSchema) } } }, async (req) =>
    svc.listTemplates(ctxOf(req, deps)),
  );
  r.post(
    '/api/milestone-templates',
    { config: { permission: 'milestone:edit' }, schema: { tags, summary: '新增节点模板（管理员、调度员）', body: MilestoneTemplateInputSchema, response: { 201: MilestoneTemplateSchema } } },
    async (req, reply) => reply.status(201).send(await svc.createTemplate(ctxOf(req, deps), req.body)),
  );
  r.put(
    '/api/milestone-templates/:id',
    { config: { permission: 'milestone:edit' }, schema: { tags, summary: '修改节点模板（管理员、调度员）', params: IdParams, body: MilestoneTemplateInputSchema, response: { 200: MilestoneTemplateSchema } } },
    async (req) => svc.updateTemplate(ctxOf(req, deps), req.params.id, req.body),
  );
  r.delete('/api/milestone-templates/:id', { config: { permission: 'milestone:edit' }, schema: { tags, summary: '删除节点模板', params: IdParams, response: { 200: Ok } } }, async (req) => {
    await svc.deleteTemplate(ctxOf(req, deps), req.params.id);
    return { ok: true };
  });
  r.get('/api/projects/:id/milestones', { config: { permission: 'milestone:read' }, schema: { tags, summary: '项目节点计划', params: IdParams, response: { 200: z.array(MilestoneSchema) } } }, async (req) =>
    svc.listProjectMilestones(ctxOf(req, deps), req.params.id),
  );
  r.post(
    '/api/projects/:id/milestones/apply-template',
    { config: { permission: 'milestone:edit' }, schema: { tags, summary: '套用模板，按目标日期倒排工期', params: IdParams, body: ApplyTemplateSchema, response: { 200: z.array(MilestoneSchema) } } },
    async (req) => svc.applyTemplate(ctxOf(req, deps), req.params.id, req.body),
  );
  r.post(
    '/api/projects/:id/milestones',
    { config: { permission: 'milestone:edit' }, schema: { tags, summary: '新增节点', params: IdParams, body: MilestoneCreateSchema, response: { 201: MilestoneSchema } } },
    async (req, reply) => reply.status(201).send(await svc.createMilestone(ctxOf(req, deps), req.params.id, req.body)),
  );
  r.patch(
    '/api/milestones/:id',
    { config: { permission: 'milestone:edit' }, schema: { tags, summary: '修改节点（责任单位只能填写完成日期和备注）', params: IdParams, body: MilestonePatchSchema, response: { 200: MilestoneSchema } } },
    async (req) => svc.updateMilestone(ctxOf(req, deps), req.params.id, req.body),
  );
  r.delete('/api/milestones/:id', { config: { permission: 'milestone:edit' }, schema: { tags, summary: '删除节点', params: IdParams, response: { 200: Ok } } }, async (req) => {
    await svc.deleteMilestone(ctxOf(req, deps), req.params.id);
    return { ok: true };
  });
  r.get('/api/gantt', { config: { permission: 'milestone:read' }, schema: { tags, summary: '挂图作战：项目节点甘特图数据', querystring: GanttQuerySchema, response: { 200: GanttSchema } } }, async (req) =>
    svc.gantt(ctxOf(req, deps), req.query),
  );
}
