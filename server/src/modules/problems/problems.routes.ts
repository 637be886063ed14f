import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AssigneeSchema,
  LadderSchema,
  PROBLEM_CATEGORY_VALUES,
  ProblemAcceptSchema,
  ProblemAnswerSchema,
  ProblemAssignSchema,
  ProblemAttachmentSchema,
  ProblemCreateSchema,
  ProblemDetailSchema,
  ProblemEventSchema,
  ProblemListQuerySchema,
  ProblemListSchema,
  ProblemRateSchema,
  ProblemStatsQuerySchema,
  ProblemStatsSchema,
} from '@tiaodu/contracts';
import type { AppDeps } from '../../core/module.js';
import { ctxOf } from '../../plugins/auth.js';
import { uploadedFiles } from '../../plugins/uploads.js';
import { AppError } from '../../core/errors.js';
import * as svc from './problems.service.js';
import { getLadder } from './escalation.js';
import * as files from './attachments.service.js';

const IdParams = z.object({ id: z.coerce.number().int().positive() });
const FromReportSchema = z.object({ category: z.enum(PROBLEM_CATEGORY_VALUES).optional(), title: z.string().trim().min(1).max(100).optional() });

export function problemRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['problems'];
  r.get(
    '/api/problems',
    { config: { permission: 'problem:read' }, schema: { tags, summary: '问题清单（我的、待我处理、超期、全部；筛选）', querystring: ProblemListQuerySchema, response: { 200: ProblemListSchema } } },
    async (req) => svc.listProblems(ctxOf(req, deps), req.query),
  );
  r.post(
    '/api/problems',
    { config: { permission: 'problem:raise' }, schema: { tags, summary: '提出问题', body: ProblemCreateSchema, response: { 201: ProblemDetailSchema } } },
    async (req, reply) => reply.status(201).send(await svc.raiseProblem(ctxOf(req, deps), req.body)),
  );
  r.post(
    '/api/problems/from-report/:id',
    { config: { permission: 'problem:raise' }, schema: { tags, summary: '月报问题转为问题清单（每份月报一次）', params: IdParams, body: FromReportSchema, response: { 201: ProblemDetailSchema } } },
    async (req, reply) => reply.status(201).send(await svc.raiseFromReport(ctxOf(req, deps), req.params.id, req.body)),
  );
  r.get(
    '/api/problems/stats',
    { config: { permission: 'problem:read' }, schema: { tags, summary: '各承办单位问题办理情况（通报用）', querystring: ProblemStatsQuerySchema, response: { 200: ProblemStatsSchema } } },
    async (req) => svc.problemStats(ctxOf(req, deps), req.query),
  );
  r.get('/api/problems/ladder', { config: { permission: 'problem:read' }, schema: { tags, summary: '问题升级层级及时限', response: { 200: LadderSchema } } }, async (req) => getLadder(ctxOf(req, deps).db));
  r.put(
    '/api/problems/ladder',
    { config: { permission: 'problem:ladder' }, schema: { tags, summary: '设置问题升级层级及时限', body: LadderSchema, response: { 200: LadderSchema } } },
    async (req) => svc.setLadder(ctxOf(req, deps), req.body),
  );
  r.get(
    '/api/problems/assignees',
    { config: { permission: 'problem:assign' }, schema: { tags, summary: '承办单位的人员（交办时选择责任人）', querystring: z.object({ deptId: z.coerce.number().int().positive() }), response: { 200: z.array(AssigneeSchema) } } },
    async (req) => svc.listAssignees(ctxOf(req, deps), req.query.deptId),
  );
  r.get(
    '/api/problems/:id',
    { config: { permission: 'problem:read' }, schema: { tags, summary: '问题详情（含办理时间线、附件、可做的操作）', params: IdParams, response: { 200: ProblemDetailSchema } } },
    async (req) => svc.getProblemDetail(ctxOf(req, deps), req.params.id),
  );
  r.get(
    '/api/problems/:id/events',
    { config: { permission: 'problem:read' }, schema: { tags, summary: '问题办理时间线', params: IdParams, response: { 200: z.array(ProblemEventSchema) } } },
    async (req) => (await svc.getProblemDetail(ctxOf(req, deps), req.params.id)).events,
  );
  r.post(
    '/api/problems/:id/assign',
    { config: { permission: 'problem:assign' }, schema: { tags, summary: '交办：承办单位、责任人、办理时限（工作日）', params: IdParams, body: ProblemAssignSchema, response: { 200: ProblemDetailSchema } } },
    async (req) => svc.assignProblem(ctxOf(req, deps), req.params.id, req.body),
  );
  r.post(
    '/api/problems/:id/accept',
    { config: { permission: 'problem:handle' }, schema: { tags, summary: '受理', params: IdParams, body: ProblemAcceptSchema, response: { 200: ProblemDetailSchema } } },
    async (req) => svc.acceptProblem(ctxOf(req, deps), req.params.id, req.body),
  );
  r.post(
    '/api/problems/:id/answer',
    { config: { permission: 'problem:handle' }, schema: { tags, summary: '答复：已办结，或暂缓（写明条件和日期）', params: IdParams, body: ProblemAnswerSchema, response: { 200: ProblemDetailSchema } } },
    async (req) => svc.answerProblem(ctxOf(req, deps), req.params.id, req.body),
  );
  r.post(
    '/api/problems/:id/rate',
    { config: { permission: 'problem:rate' }, schema: { tags, summary: '提出人评价：满意/基本满意则销号，不满意则重新办理', params: IdParams, body: ProblemRateSchema, response: { 200: ProblemDetailSchema } } },
    async (req) => svc.rateProblem(ctxOf(req, deps), req.params.id, req.body),
  );
  r.post(
    '/api/problems/:id/attachments',
    {
      config: { permission: 'problem:read' },
      schema: { tags, summary: '上传问题附件（图片、PDF、.docx、.xlsx，每个不超过10MB）', consumes: ['multipart/form-data'], params: IdParams, response: { 201: z.array(ProblemAttachmentSchema) } },
    },
    async (req, reply) => reply.status(201).send(await files.addAttachments(ctxOf(req, deps), req.params.id, await uploadedFiles(req, { files: files.ATTACHMENT_MAX_FILES, fileSize: files.ATTACHMENT_MAX_BYTES }))),
  );
  r.get('/api/problem-attachments/:id', { config: { permission: 'problem:read' }, schema: { tags, summary: '下载问题附件', params: IdParams } }, async (req, reply) => {
    const f = await files.readAttachment(ctxOf(req, deps), req.params.id);
    const inline = f.mime.startsWith('image/') || f.mime === 'application/pdf';
    return reply
      .header('content-type', f.mime)
      .header('content-length', f.size)
      .header('content-disposition', `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(f.name)}`)
      .header('cache-control', 'private, max-age=3600')
      .header('x-content-type-options', 'nosniff')
      .send(f.stream);
  });
  r.delete('/api/problem-attachments/:id', { config: { permission: 'problem:read' }, schema: { tags, summary: '删除自己上传的附件', params: IdParams, response: { 200: z.object({ ok: z.boolean() }) } } }, async (req) => {
    await files.deleteAttachment(ctxOf(req, deps), req.params.id);
    return { ok: true };
  });
}
