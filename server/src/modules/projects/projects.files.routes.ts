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
  ImportMatchesSchema,
  REGION_CODE_RE,
  type ImportMapping,
  type ImportMatches,
} from '@tiaodu/contracts';
import type { Ctx } from '../../core/context.js';
import type { AppDeps } from '../../core/module.js';
import { AppError } from '../../core/errors.js';
import { chinaToday } from '../../core/clock.js';
import { ctxOf } from '../../plugins/auth.js';
import { uploadedWorkbook } from '../../plugins/uploads.js';
import { attachmentDisposition, XLSX_MIME } from '../../lib/xlsx/write.js';
import { importProjects, inspectImport, type ImportOptions } from './import/import.service.js';
import { bumpReadCache } from '../../core/read-cache.js';
import { ImportJobStore } from './import/import.jobs.js';
import { listImportMappings, saveImportMapping, savedMapping } from './import/mappings.service.js';
import { exportLedger, writeTemplate } from './export/export.service.js';

interface Upload {
  file: Buffer;
  filename: string;
  mapping?: ImportMapping;
  mappingId?: number;
  sheet?: string;
  headerRow?: number;
  defaultRegionCode?: string;
  createMissing?: boolean;
  matches?: ImportMatches;
}

/** A JSON field of the multipart body checked by its schema, or a 400 naming the field. */
function jsonField<T>(fields: Record<string, string>, name: string, label: string, schema: z.ZodType<T>): T | undefined {
  const raw = fields[name];
  if (!raw?.trim()) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new AppError('VALIDATION', `${label}不是合法的 JSON`, [{ path: name, message: `${label}不是合法的 JSON` }]);
  }
  const m = schema.safeParse(json);
  if (!m.success) {
    const details = m.error.issues.map((i) => ({ path: [name, ...i.path.map(String)].join('.'), message: i.message }));
    throw new AppError('VALIDATION', `${label}有误：${details[0]?.message ?? ''}`, details);
  }
  return m.data;
}

/** Reads the multipart body: the `file` part and the optional `mapping`, `sheet`, `headerRow` fields. */
async function readUpload(req: FastifyRequest): Promise<Upload> {
  const { file, filename, fields } = await uploadedWorkbook(req, 'ledger.xlsx');
  const out: Upload = { file, filename };
  out.mapping = jsonField(fields, 'mapping', '列映射', ImportMappingSchema);
  out.matches = jsonField(fields, 'matches', '名称匹配', ImportMatchesSchema);
  if (fields.mappingId?.trim()) {
    const n = Number(fields.mappingId);
    if (!Number.isInteger(n) || n < 1) throw new AppError('VALIDATION', '列映射编号无效', [{ path: 'mappingId', message: '列映射编号无效' }]);
    out.mappingId = n;
  }
  if (fields.defaultRegionCode?.trim()) {
    const code = fields.defaultRegionCode.trim();
    if (!REGION_CODE_RE.test(code)) throw new AppError('VALIDATION', '默认区域的区划代码应为6位或9位数字', [{ path: 'defaultRegionCode', message: '区划代码格式不正确' }]);
    out.defaultRegionCode = code;
  }
  if (fields.createMissing?.trim()) {
    const v = fields.createMissing.trim();
    if (!['true', 'false', '1', '0'].includes(v)) throw new AppError('VALIDATION', 'createMissing 应为 true 或 false', [{ path: 'createMissing', message: '应为 true 或 false' }]);
    out.createMissing = v === 'true' || v === '1';
  }
  if (fields.sheet?.trim()) out.sheet = fields.sheet.trim();
  if (fields.headerRow?.trim()) {
    const n = Number(fields.headerRow);
    if (!Number.isInteger(n) || n < 1 || n > 1000) throw new AppError('VALIDATION', '表头行应为1—1000之间的整数', [{ path: 'headerRow', message: '表头行应为1—1000之间的整数' }]);
    out.headerRow = n;
  }
  return out;
}

/** The import options an upload gives: a saved mapping by id unless a mapping is sent. */
async function optionsOf(ctx: Ctx, up: Upload, dryRun: boolean): Promise<ImportOptions> {
  const mapping = up.mapping ?? (up.mappingId ? (ImportMappingSchema.parse(await savedMapping(ctx, up.mappingId)) as ImportMapping) : undefined);
  return {
    dryRun,
    mapping,
    sheet: up.sheet,
    headerRow: up.headerRow,
    filename: up.filename,
    defaultRegionCode: up.defaultRegionCode,
    createMissing: up.createMissing,
    matches: up.matches,
  };
}

/** Excel import and export of the ledger. */
export function projectFileRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['projects'];
  const jobs = new ImportJobStore(deps.db, deps.clock);
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
      const ctx = ctxOf(req, deps);
      return importProjects(ctx, up.file, await optionsOf(ctx, up, req.query.dryRun));
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
      const ctx = ctxOf(req, deps);
      const o = await optionsOf(ctx, up, true);
      return inspectImport(ctx, up.file, { sheet: o.sheet, headerRow: o.headerRow, mapping: o.mapping, defaultRegionCode: o.defaultRegionCode });
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
      const opts = await optionsOf(ctx, up, req.query.dryRun);
      const jobId = await jobs.start(
        ctx.user.id,
        { filename: up.filename, dryRun: opts.dryRun },
        // the job commits after the 202 went out: mark cached answers stale when it ends
        (job) => importProjects(ctx, up.file, opts, job.progress).finally(() => bumpReadCache(deps.db)),
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
      const job = await jobs.get(ctxOf(req, deps).user.id, req.params.id);
      if (!job) throw new AppError('NOT_FOUND', '导入任务不存在或已过期');
      return job;
    },
  );

  r.get(
    '/api/import-jobs',
    { config: { permission: 'project:import' }, schema: { tags, summary: '我最近的导入任务（服务重启后仍保留）', response: { 200: z.array(ImportJobSchema) } } },
    async (req) => jobs.list(ctxOf(req, deps).user.id),
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
