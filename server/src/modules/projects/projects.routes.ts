import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  StartDelayReasonSchema,
  ProjectCreateSchema,
  ProjectListQuerySchema,
  ProjectListSchema,
  ProjectPatchSchema,
  ProjectSchema,
  StageChangeSchema,
  StageEventSchema,
} from '@tiaodu/contracts';
import type { AppDeps } from '../../core/module.js';
import { ctxOf } from '../../plugins/auth.js';
import * as svc from './projects.service.js';
import { projectFileRoutes } from './projects.files.routes.js';

const IdParams = z.object({ id: z.coerce.number().int().positive() });

export function projectRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['projects'];
  // File routes first: /api/projects/export.xlsx must not be taken for an :id.
  projectFileRoutes(app, deps);

  r.get(
    '/api/projects',
    { config: { permission: 'project:read' }, schema: { tags, summary: '项目台账列表（筛选、排序、分页、合计）', querystring: ProjectListQuerySchema, response: { 200: ProjectListSchema } } },
    async (req) => svc.listProjects(ctxOf(req, deps), req.query),
  );
  r.post(
    '/api/projects',
    { config: { permission: 'project:create' }, schema: { tags, summary: '新建项目', body: ProjectCreateSchema, response: { 201: ProjectSchema } } },
    async (req, reply) => reply.status(201).send(await svc.createProject(ctxOf(req, deps), req.body)),
  );
  r.get('/api/projects/:id', { config: { permission: 'project:read' }, schema: { tags, summary: '项目详情', params: IdParams, response: { 200: ProjectSchema } } }, async (req) =>
    svc.getProject(ctxOf(req, deps), req.params.id),
  );
  r.patch(
    '/api/projects/:id',
    { config: { permission: 'project:update' }, schema: { tags, summary: '修改项目（带版本号，防止覆盖他人修改）', params: IdParams, body: ProjectPatchSchema, response: { 200: ProjectSchema } } },
    async (req) => svc.updateProject(ctxOf(req, deps), req.params.id, req.body),
  );
  r.delete('/api/projects/:id', { config: { permission: 'project:delete' }, schema: { tags, summary: '删除项目', params: IdParams, response: { 200: z.object({ ok: z.boolean() }) } } }, async (req) => {
    await svc.deleteProject(ctxOf(req, deps), req.params.id);
    return { ok: true };
  });
  r.post(
    '/api/projects/:id/stage',
    { config: { permission: 'project:stage' }, schema: { tags, summary: '变更项目阶段（日期、原因、操作人）', params: IdParams, body: StageChangeSchema, response: { 200: ProjectSchema } } },
    async (req) => svc.changeStage(ctxOf(req, deps), req.params.id, req.body),
  );
  r.put(
    '/api/projects/:id/start-delay-reason',
    { config: { permission: 'project:update' }, schema: { tags, summary: '说明未按期开工原因（记录说明人和时间，留痕）', params: IdParams, body: StartDelayReasonSchema, response: { 200: ProjectSchema } } },
    async (req) => svc.setStartDelayReason(ctxOf(req, deps), req.params.id, req.body),
  );
  r.get(
    '/api/projects/:id/stages',
    { config: { permission: 'project:read' }, schema: { tags, summary: '阶段变更历史', params: IdParams, response: { 200: z.array(StageEventSchema) } } },
    async (req) => svc.stageHistory(ctxOf(req, deps), req.params.id),
  );
}
