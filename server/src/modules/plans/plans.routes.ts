import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  PlanAdjustSchema,
  PlanBulkSchema,
  PlanCopyForwardResultSchema,
  PlanCopyForwardSchema,
  PlanFilterSchema,
  PlanImportQuerySchema,
  PlanImportResultSchema,
  PlanInputSchema,
  PlanListQuerySchema,
  PlanListSchema,
  PlanSchema,
  PlanYearSchema,
  ProjectPlanSchema,
} from '@tiaodu/contracts';
import type { AppDeps } from '../../core/module.js';
import { ctxOf } from '../../plugins/auth.js';
import { AppError } from '../../core/errors.js';
import { attachmentDisposition, XLSX_MIME } from '../../lib/xlsx/write.js';
import * as svc from './plans.service.js';
import { exportPlans } from './plans.export.js';
import { importPlans } from './plans.import.js';

const IdParams = z.object({ id: z.coerce.number().int().positive() });
const IdYearParams = IdParams.extend({ year: PlanYearSchema });

async function readFile(req: FastifyRequest): Promise<{ file: Buffer; filename: string }> {
  if (!req.isMultipart()) throw new AppError('BAD_REQUEST', '请以 multipart/form-data 方式上传文件（字段名 file）');
  for await (const part of req.parts()) {
    if (part.type === 'file' && part.fieldname === 'file') return { file: await part.toBuffer(), filename: part.filename || 'plans.xlsx' };
    if (part.type === 'file') await part.toBuffer();
  }
  throw new AppError('VALIDATION', '请选择要导入的 Excel 文件', [{ path: 'file', message: '请选择文件' }]);
}

/** Annual plans (年度计划) and their monthly breakdown. */
export function planRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['plans'];
  const heavy = { rateLimit: { max: 60, timeWindow: '1 minute', keyGenerator: (req: FastifyRequest) => (req.user ? `u${req.user.id}` : req.ip) } };

  r.get(
    '/api/plans',
    { config: { permission: 'plan:read' }, schema: { tags, summary: '年度计划列表（筛选、分页，合计含各月）', querystring: PlanListQuerySchema, response: { 200: PlanListSchema } } },
    async (req) => svc.listPlans(ctxOf(req, deps), req.query),
  );
  r.get(
    '/api/plans/export.xlsx',
    { config: { permission: 'plan:read', ...heavy }, schema: { tags, summary: '导出年度投资计划表（Excel）', querystring: PlanFilterSchema } },
    async (req, reply) => {
      const buf = await exportPlans(ctxOf(req, deps), req.query);
      reply
        .header('Content-Type', XLSX_MIME)
        .header('Content-Disposition', attachmentDisposition(`${req.query.year}年度投资计划表.xlsx`, `plans_${req.query.year}.xlsx`))
        .header('Cache-Control', 'no-store');
      return reply.send(buf);
    },
  );
  r.post(
    '/api/plans/import',
    {
      config: { permission: 'plan:edit', ...heavy },
      schema: { tags, summary: '导入年度计划（Excel）：dryRun=true 只校验；有错误时不导入任何数据', consumes: ['multipart/form-data'], querystring: PlanImportQuerySchema, response: { 200: PlanImportResultSchema } },
    },
    async (req) => {
      const up = await readFile(req);
      return importPlans(ctxOf(req, deps), up.file, { year: req.query.year, dryRun: req.query.dryRun, filename: up.filename });
    },
  );
  r.patch(
    '/api/plans/bulk',
    { config: { permission: 'plan:edit' }, schema: { tags, summary: '批量保存年度计划（表格编辑；任一行有误则全部不保存）', body: PlanBulkSchema, response: { 200: z.object({ saved: z.array(PlanSchema) }) } } },
    async (req) => svc.bulkSave(ctxOf(req, deps), req.body),
  );
  r.post(
    '/api/plans/copy-forward',
    { config: { permission: 'plan:edit' }, schema: { tags, summary: '结转下年：续建项目带入下一年度（dryRun 只统计）', body: PlanCopyForwardSchema, response: { 200: PlanCopyForwardResultSchema } } },
    async (req) => svc.copyForward(ctxOf(req, deps), req.body.fromYear, req.body.toYear, { dryRun: req.body.dryRun }),
  );
  r.get(
    '/api/projects/:id/plans',
    { config: { permission: 'plan:read' }, schema: { tags, summary: '项目各年度计划及调整记录', params: IdParams, response: { 200: z.array(ProjectPlanSchema) } } },
    async (req) => svc.projectPlans(ctxOf(req, deps), req.params.id),
  );
  r.put(
    '/api/projects/:id/plans/:year',
    { config: { permission: 'plan:edit' }, schema: { tags, summary: '编制或替换年度计划（年度开始后修改须走调整）', params: IdYearParams, body: PlanInputSchema, response: { 200: PlanSchema } } },
    async (req) => svc.putPlan(ctxOf(req, deps), req.params.id, req.params.year, req.body),
  );
  r.post(
    '/api/projects/:id/plans/:year/adjust',
    { config: { permission: 'plan:edit' }, schema: { tags, summary: '年中调整年度计划（记录调整前后和原因）', params: IdYearParams, body: PlanAdjustSchema, response: { 200: PlanSchema } } },
    async (req) => svc.adjustPlan(ctxOf(req, deps), req.params.id, req.params.year, req.body),
  );
}
