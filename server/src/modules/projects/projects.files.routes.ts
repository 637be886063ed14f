import { PassThrough } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ImportInspectSchema,
  ImportJobSchema,
  ImportJobStartedSchema,
  ImportMappingInputSchema,
  ImportMappingSchema,
  ImportQuerySchema,
  ImportResultSchema,
  ProjectFilterSchema,
  SavedImportMappingSchema,
  type ImportMapping,
} from '@tiaodu/contracts';
import type { AppDeps } from '../../app.js';
import { AppError } from '../../core/errors.js';
import { chinaToday } from '../../core/clock.js';
import { ctxOf } from '../../plugins/auth.js';
import { attachmentDisposition, XLSX_MIME } from '../../lib/xlsx/write.js';
import { importProjects, inspectImport } from './import/import.service.js';
import { bumpReadCache } from '../../core/read-cache.js';
import { ImportJobStore } from './import/import.jobs.js';
import { listImportMappings, saveImportMapping } from './import/mappings.service.js';
import { exportLedger, writeTemplate } from './export/export.service.js';

interface Upload {
  file: Buffer;
  filename: string;
  mapping?: ImportMapping;
  sheet?: string;
  headerRow?: number;
}

/** Reads the multipart body: the `file` part and the optional `mapping`, `sheet`, `headerRow` fields. */
async function readUpload(req: FastifyRequest): Promise<Upload> {
  if (!req.isMultipart()) throw new AppError('BAD_REQUEST', '请以 multipart/form-data 方式上传文件（字段名 file）');
  let file: Buffer | undefined;
  let filename = 'ledger.xlsx';
  const fields: Record<string, string> = {};
  for await (const part of req.parts()) {
    if (part.type === 'file') {
      const buf = await part.toBuffer();
      if (part.fieldname === 'file' && !file) {
        file = buf;
        filename = part.filename || filename;
      }
    } else fields[part.fieldname] = String(part.value ?? '');
  }
  if (!file) throw new AppError('VALIDATION', '请选择要导入的 Excel 文件', [{ path: 'file', message: '请选择文件' }]);
  const out: Upload = { file, filename };
  if (fields.mapping?.trim()) {
    let json: unknown;
    try {
      json = JSON.parse(fields.mapping);
    } catch {
      throw new AppError('VALIDATION', '列映射不是合法的 JSON', [{ path: 'mapping', message: '列映射不是合法的 JSON' }]);
    }
    const m = ImportMappingSchema.safeParse(json);
    if (!m.success) {
      const details = m.error.issues.map((i) => ({ path: ['mapping', ...i.path.map(String)].join('.'), message: i.message }));
      throw new AppError('VALIDATION', `列映射有误：${details[0]?.message ?? ''}`, details);
    }
    out.mapping = m.data;
  }
  if (fields.sheet?.trim()) out.sheet = fields.sheet.trim();
  if (fields.headerRow?.trim()) {
    const n = Number(fields.headerRow);
    if (!Number.isInteger(n) || n < 1 || n > 1000) throw new AppError('VALIDATION', '表头行应为1—1000之间的整数', [{ path: 'headerRow', message: '表头行应为1—1000之间的整数' }]);
    out.headerRow = n;
  }
  return out;
}

/** Excel import and export of the ledger. */
export function projectFileRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['projects'];
  const jobs = new ImportJobStore(deps.clock);
  // Heavy endpoints: at most 60 a minute per user.
  const heavy = { rateLimit: { max: 60, timeWindow: '1 minute', keyGenerator: (req: FastifyRequest) => (req.user ? `u${req.user.id}` : req.ip) } };

  r.post(
    '/api/projects/import',
    {
      config: { permission: 'project:import', ...heavy },
      schema: {
        tags,
        summary: '导入项目台账（Excel）：dryRun=true 只校验并预览；有错误时不导入任何数据',
        consumes: ['multipart/form-data'],
        querystring: ImportQuerySchema,
        response: { 200: ImportResultSchema },
      },
    },
    async (req) => {
      const up = await readUpload(req);
      return importProjects(ctxOf(req, deps), up.file, { dryRun: req.query.dryRun, mapping: up.mapping, sheet: up.sheet, headerRow: up.headerRow, filename: up.filename });
    },
  );

  r.post(
    '/api/projects/import/inspect',
    {
      config: { permission: 'project:import', ...heavy },
      schema: { tags, summary: '识别导入文件：工作表、表头行、各列对应的字段和示例值', consumes: ['multipart/form-data'], response: { 200: ImportInspectSchema } },
    },
    async (req) => {
      const up = await readUpload(req);
      return inspectImport(ctxOf(req, deps), up.file, { sheet: up.sheet, headerRow: up.headerRow, mapping: up.mapping });
    },
  );

  r.post(
    '/api/projects/import-jobs',
    {
      config: { permission: 'project:import', ...heavy },
      schema: { tags, summary: '后台导入任务（大文件，可查询进度）', consumes: ['multipart/form-data'], querystring: ImportQuerySchema, response: { 202: ImportJobStartedSchema } },
    },
    async (req, reply) => {
      const up = await readUpload(req);
      const ctx = ctxOf(req, deps);
      const jobId = jobs.start(
        ctx.user.id,
        // the job commits after the 202 went out: mark cached answers stale when it ends
        (job) =>
          importProjects(ctx, up.file, { dryRun: req.query.dryRun, mapping: up.mapping, sheet: up.sheet, headerRow: up.headerRow, filename: up.filename }, job.progress).finally(() =>
            bumpReadCache(deps.db),
          ),
        (err) => req.log.error({ err }, 'import job failed'),
      );
      return reply.status(202).send({ jobId });
    },
  );

  r.get(
    '/api/import-jobs/:id',
    {
      config: { permission: 'project:import' },
      schema: { tags, summary: '导入任务进度与结果', params: z.object({ id: z.string().max(64) }), response: { 200: ImportJobSchema } },
    },
    async (req) => {
      const job = jobs.get(ctxOf(req, deps).user.id, req.params.id);
      if (!job) throw new AppError('NOT_FOUND', '导入任务不存在或已过期');
      return job;
    },
  );

  r.get(
    '/api/import-mappings',
    { config: { permission: 'project:import' }, schema: { tags, summary: '已保存的导入列映射', response: { 200: z.array(SavedImportMappingSchema) } } },
    async (req) => listImportMappings(ctxOf(req, deps)),
  );

  r.post(
    '/api/import-mappings',
    { config: { permission: 'project:import' }, schema: { tags, summary: '保存导入列映射（同名覆盖）', body: ImportMappingInputSchema, response: { 201: SavedImportMappingSchema } } },
    async (req, reply) => reply.status(201).send(await saveImportMapping(ctxOf(req, deps), req.body)),
  );

  r.get(
    '/api/projects/import/template.xlsx',
    { config: { permission: 'project:import' }, schema: { tags, summary: '空白台账模板（与导出格式相同）' } },
    async (req, reply) => {
      const ctx = ctxOf(req, deps);
      const stream = new PassThrough();
      writeTemplate(ctx, stream).catch((err) => stream.destroy(err));
      reply.header('Content-Type', XLSX_MIME).header('Content-Disposition', attachmentDisposition('项目台账导入模板.xlsx', 'ledger_template.xlsx')).header('Cache-Control', 'no-store');
      return reply.send(stream);
    },
  );

  r.get(
    '/api/projects/export.xlsx',
    { config: { permission: 'project:export', ...heavy }, schema: { tags, summary: '导出项目台账（Excel，筛选条件同列表）', querystring: ProjectFilterSchema } },
    async (req, reply) => {
      const ctx = ctxOf(req, deps);
      const day = chinaToday(ctx.clock.now()).replace(/-/g, '');
      const stream = new PassThrough();
      exportLedger(ctx, req.query, stream).catch((err) => {
        req.log.error({ err }, 'ledger export failed');
        stream.destroy(err);
      });
      reply.header('Content-Type', XLSX_MIME).header('Content-Disposition', attachmentDisposition(`项目台账_${day}.xlsx`, `ledger_${day}.xlsx`)).header('Cache-Control', 'no-store');
      return reply.send(stream);
    },
  );
}
