import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AssignmentAnswerSchema,
  AssignmentCreateSchema,
  AssignmentDetailSchema,
  AssignmentListQuerySchema,
  AssignmentListSchema,
  AssignmentRateSchema,
  AssignmentStatsQuerySchema,
  AssignmentStatsSchema,
} from '@tiaodu/contracts';
import type { AppDeps } from '../../core/module.js';
import { ctxOf } from '../../plugins/auth.js';
import * as svc from './assignments.service.js';

const IdParams = z.object({ id: z.coerce.number().int().positive() });

export function assignmentRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['assignments'];
  r.get(
    '/api/assignments',
    { config: { permission: 'assignment:read' }, schema: { tags, summary: '领导交办事项与建议提案（本人可见范围）', querystring: AssignmentListQuerySchema, response: { 200: AssignmentListSchema } } },
    async (req) => svc.listAssignments(ctxOf(req, deps), req.query),
  );
  r.post(
    '/api/assignments',
    { config: { permission: 'assignment:create' }, schema: { tags, summary: '交办事项或建议提案（会议或领导交办，时限按工作日）', body: AssignmentCreateSchema, response: { 201: AssignmentDetailSchema } } },
    async (req, reply) => reply.status(201).send(await svc.createAssignment(ctxOf(req, deps), req.body)),
  );
  r.get(
    '/api/assignments/stats',
    { config: { permission: 'assignment:read' }, schema: { tags, summary: '各承办单位办结率、按时办结率（无到期事项显示“—”）', querystring: AssignmentStatsQuerySchema, response: { 200: AssignmentStatsSchema } } },
    async (req) => svc.assignmentStats(ctxOf(req, deps), req.query),
  );
  r.get(
    '/api/assignments/:id',
    { config: { permission: 'assignment:read' }, schema: { tags, summary: '交办事项详情（含办理记录）', params: IdParams, response: { 200: AssignmentDetailSchema } } },
    async (req) => svc.getAssignment(ctxOf(req, deps), req.params.id),
  );
  r.post(
    '/api/assignments/:id/answer',
    { config: { permission: 'assignment:answer' }, schema: { tags, summary: '承办单位答复', params: IdParams, body: AssignmentAnswerSchema, response: { 200: AssignmentDetailSchema } } },
    async (req) => svc.answerAssignment(ctxOf(req, deps), req.params.id, req.body),
  );
  r.post(
    '/api/assignments/:id/rate',
    { config: { permission: 'assignment:rate' }, schema: { tags, summary: '交办领导评价：满意、基本满意办结，不满意重新办理', params: IdParams, body: AssignmentRateSchema, response: { 200: AssignmentDetailSchema } } },
    async (req) => svc.rateAssignment(ctxOf(req, deps), req.params.id, req.body),
  );
}
