import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ReportDetailSchema,
  ReportDraftSchema,
  ReportGapQuerySchema,
  ReportGapsSchema,
  ReportListQuerySchema,
  ReportListSchema,
  ReportReturnSchema,
  ReportReviseSchema,
  ReportSchema,
  ReportWindowCreateSchema,
  ReportWindowPatchSchema,
  ReportWindowSchema,
  ReportPhotoSchema,
} from '@tiaodu/contracts';
import type { AppDeps } from '../../core/module.js';
import { ctxOf } from '../../plugins/auth.js';
import { uploadedFiles } from '../../plugins/uploads.js';
import * as svc from './reports.service.js';
import * as photos from './photos.service.js';
import { exportReports } from './reports.export.js';
import { importReports } from './reports.import.js';
import { attachmentDisposition, XLSX_MIME } from '../../lib/xlsx/write.js';
import { AppError } from '../../core/errors.js';

const Year = z.coerce.number({ message: '年度不正确' }).int('年度不正确').min(2000, '年度不正确').max(2100, '年度不正确');
const Month = z.coerce.number({ message: '月份不正确' }).int('月份不正确').min(1, '月份应为1—12').max(12, '月份应为1—12');
const ReportParams = z.object({ projectId: z.coerce.number().int().positive(), year: Year, month: Month });
const IdParams = z.object({ id: z.coerce.number().int().positive() });
const Versioned = z.object({ version: z.number().int().positive().optional() }).optional();

export function reportRoutes(app: FastifyInstance, deps: AppDeps): void {
  reportPhotoRoutes(app, deps);
  // before /api/reports/:projectId/... so that export.xlsx is not taken for a project id
  reportFileRoutes(app, deps);
  reportImportRoutes(app, deps);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['reports'];
  const path = '/api/reports/:projectId/:year/:month';

  r.get(
    '/api/report-windows',
    { config: { permission: 'report:read' }, schema: { tags, summary: '月报填报窗口', querystring: z.object({ year: Year.optional() }), response: { 200: z.array(ReportWindowSchema) } } },
    async (req) => svc.listWindows(ctxOf(req, deps), req.query.year),
  );
  r.post(
    '/api/report-windows',
    { config: { permission: 'report:window' }, schema: { tags, summary: '开启某月月报填报（截止日期）', body: ReportWindowCreateSchema, response: { 201: ReportWindowSchema } } },
    async (req, reply) => reply.status(201).send(await svc.openWindow(ctxOf(req, deps), req.body)),
  );
  r.patch(
    '/api/report-windows/:id',
    { config: { permission: 'report:window' }, schema: { tags, summary: '修改截止日期、关闭或重新开启填报', params: IdParams, body: ReportWindowPatchSchema, response: { 200: ReportWindowSchema } } },
    async (req) => svc.patchWindow(ctxOf(req, deps), req.params.id, req.body),
  );

  r.get(
    '/api/reports',
    { config: { permission: 'report:read' }, schema: { tags, summary: '某月月报列表（含应报未报、派生指标）', querystring: ReportListQuerySchema, response: { 200: ReportListSchema } } },
    async (req) => svc.listReports(ctxOf(req, deps), req.query),
  );
  r.get(
    '/api/reports/missing',
    { config: { permission: 'report:read' }, schema: { tags, summary: '缺报、迟报、退回月报及按区域、责任单位统计', querystring: ReportGapQuerySchema, response: { 200: ReportGapsSchema } } },
    async (req) => svc.reportGaps(ctxOf(req, deps), req.query.year, req.query.month),
  );
  r.get(
    '/api/projects/:id/reports',
    { config: { permission: 'report:read' }, schema: { tags, summary: '项目某年的月报', params: IdParams, querystring: z.object({ year: Year }), response: { 200: z.array(ReportSchema) } } },
    async (req) => svc.projectReports(ctxOf(req, deps), req.params.id, req.query.year),
  );
  r.get(path, { config: { permission: 'report:read' }, schema: { tags, summary: '一份月报（含修订记录、照片）', params: ReportParams, response: { 200: ReportDetailSchema } } }, async (req) =>
    svc.getReport(ctxOf(req, deps), req.params.projectId, req.params.year, req.params.month),
  );
  r.put(
    path,
    { config: { permission: 'report:fill' }, schema: { tags, summary: '保存月报草稿', params: ReportParams, body: ReportDraftSchema, response: { 200: ReportDetailSchema } } },
    async (req) => svc.saveDraft(ctxOf(req, deps), req.params.projectId, req.params.year, req.params.month, req.body),
  );
  r.post(
    `${path}/submit`,
    { config: { permission: 'report:fill' }, schema: { tags, summary: '报送月报', params: ReportParams, body: Versioned, response: { 200: ReportDetailSchema } } },
    async (req) => {
      const ctx = ctxOf(req, deps);
      await svc.submitReport(ctx, req.params.projectId, req.params.year, req.params.month, { version: req.body?.version });
      return svc.getReport(ctx, req.params.projectId, req.params.year, req.params.month);
    },
  );
  r.post(
    `${path}/return`,
    { config: { permission: 'report:review' }, schema: { tags, summary: '退回月报（原因）', params: ReportParams, body: ReportReturnSchema.extend({ version: z.number().int().positive().optional() }), response: { 200: ReportDetailSchema } } },
    async (req) => {
      const ctx = ctxOf(req, deps);
      await svc.returnReport(ctx, req.params.projectId, req.params.year, req.params.month, req.body.reason, req.body.version);
      return svc.getReport(ctx, req.params.projectId, req.params.year, req.params.month);
    },
  );
  r.post(
    `${path}/accept`,
    { config: { permission: 'report:review' }, schema: { tags, summary: '月报审核通过', params: ReportParams, body: Versioned, response: { 200: ReportDetailSchema } } },
    async (req) => {
      const ctx = ctxOf(req, deps);
      await svc.acceptReport(ctx, req.params.projectId, req.params.year, req.params.month, req.body?.version);
      return svc.getReport(ctx, req.params.projectId, req.params.year, req.params.month);
    },
  );
  r.post(
    `${path}/revise`,
    { config: { permission: 'report:review' }, schema: { tags, summary: '修订已通过的月报（原因，保留修订记录）', params: ReportParams, body: ReportReviseSchema, response: { 200: ReportDetailSchema } } },
    async (req) => svc.reviseReport(ctxOf(req, deps), req.params.projectId, req.params.year, req.params.month, req.body),
  );
}

/** Photos of reports: upload (several files), scoped reading of the image and its thumbnail, deletion. */
export function reportPhotoRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['reports'];
  r.post(
    '/api/reports/:projectId/:year/:month/photos',
    { config: { permission: 'report:fill' }, schema: { tags, summary: '上传月报照片（可多张，每张不超过10MB，JPEG/PNG/WebP）', consumes: ['multipart/form-data'], params: ReportParams, response: { 201: z.array(ReportPhotoSchema) } } },
    async (req, reply) => {
      const files = await uploadedFiles(req, { files: photos.PHOTO_MAX_FILES, fileSize: photos.PHOTO_MAX_BYTES }, '照片');
      return reply.status(201).send(await photos.addPhotos(ctxOf(req, deps), req.params.projectId, req.params.year, req.params.month, files));
    },
  );
  for (const thumb of [false, true]) {
    r.get(
      thumb ? '/api/photos/:id/thumb' : '/api/photos/:id',
      { config: { permission: 'report:read' }, schema: { tags, summary: thumb ? '照片缩略图' : '照片原图', params: IdParams } },
      async (req, reply) => {
        const f = await photos.readPhoto(ctxOf(req, deps), req.params.id, thumb);
        return reply.header('content-type', f.mime).header('content-length', f.size).header('cache-control', 'private, max-age=3600').header('x-content-type-options', 'nosniff').send(f.stream);
      },
    );
  }
  r.delete('/api/photos/:id', { config: { permission: 'report:fill' }, schema: { tags, summary: '删除月报照片（草稿或退回时）', params: IdParams, response: { 200: z.object({ ok: z.boolean() }) } } }, async (req) => {
    await photos.deletePhoto(ctxOf(req, deps), req.params.id);
    return { ok: true };
  });
}

/** The side-by-side export of a year up to a month. */
export function reportFileRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/reports/export.xlsx',
    {
      config: { permission: 'report:read' },
      schema: { tags: ['reports'], summary: '导出月度调度表（逐月形象进度与完成投资并列，累计列）', querystring: z.object({ year: Year, upToMonth: Month, regionCode: z.string().regex(/^(\d{6}|\d{9})$/, '区域代码不正确').optional(), q: z.string().trim().max(100).optional() }) },
    },
    async (req, reply) => {
      const ctx = ctxOf(req, deps);
      const buf = await exportReports(ctx, req.query);
      const name = `月度调度表_${req.query.year}年1-${req.query.upToMonth}月.xlsx`;
      return reply.header('Content-Type', XLSX_MIME).header('Content-Disposition', attachmentDisposition(name, `reports_${req.query.year}_${req.query.upToMonth}.xlsx`)).header('Cache-Control', 'no-store').send(buf);
    },
  );
}

/** A month of reports from .xlsx (dispatcher), with a dry run. */
export function reportImportRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/reports/import',
    {
      config: { permission: 'report:review' },
      schema: {
        tags: ['reports'],
        summary: '导入某月月报（Excel，一行一个项目；先校验，全部正确才导入）',
        consumes: ['multipart/form-data'],
        querystring: z.object({ year: Year, month: Month, dryRun: z.enum(['true', 'false', '1', '0']).optional() }),
      },
    },
    async (req) => {
      if (!req.isMultipart()) throw new AppError('BAD_REQUEST', '请以 multipart/form-data 方式上传文件（字段名 file）');
      let file: Buffer | undefined;
      for await (const part of req.parts()) if (part.type === 'file' && !file) file = await part.toBuffer();
      if (!file) throw new AppError('VALIDATION', '请选择要导入的 Excel 文件', [{ path: 'file', message: '请选择文件' }]);
      const dryRun = req.query.dryRun === 'true' || req.query.dryRun === '1';
      return importReports(ctxOf(req, deps), req.query.year, req.query.month, file, dryRun);
    },
  );
}
