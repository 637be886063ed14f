import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IndicatorImportResultSchema, PeriodSchema } from '@tiaodu/contracts';
import type { AppDeps } from '../../../core/module.js';
import { ctxOf } from '../../../plugins/auth.js';
import { uploadedWorkbook } from '../../../plugins/uploads.js';
import { AppError } from '../../../core/errors.js';
import { importTargets, importValues } from './indicators.import.js';

const DryRun = z.enum(['true', 'false', '1', '0'], { message: 'dryRun 应为 true 或 false' }).default('true');
const ValuesImportQuery = z.object({ dryRun: DryRun, period: PeriodSchema.optional() });
const TargetsImportQuery = z.object({
  dryRun: DryRun,
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  indicatorId: z.coerce.number().int().positive().optional(),
});

const readUpload = (req: FastifyRequest) => uploadedWorkbook(req, 'indicators.xlsx');

/** A form field checked by its schema (400 with the field named). */
function field<T>(fields: Record<string, string>, name: string, schema: z.ZodType<T>): T | undefined {
  const raw = fields[name]?.trim();
  if (raw === undefined || raw === '') return undefined;
  const r = schema.safeParse(raw);
  if (!r.success) {
    const message = r.error.issues[0]?.message ?? '格式不正确';
    throw new AppError('VALIDATION', `${name}：${message}`, [{ path: name, message }]);
  }
  return r.data;
}

const dry = (v: string) => v === 'true' || v === '1';

/**
 * The indicator imports: a statistics sheet into the values of a period, a targets sheet into
 * a year's targets. `dryRun=true` (the default) answers the plan without writing; a real run
 * with any error writes nothing (400 IMPORT_FAILED, details = the result).
 */
export function indicatorImportRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['indicators'];
  const heavy = { rateLimit: { max: 60, timeWindow: '1 minute', keyGenerator: (req: FastifyRequest) => (req.user ? `u${req.user.id}` : req.ip) } };

  r.post(
    '/api/indicator-values/import',
    {
      config: { permission: 'indicator:import', ...heavy },
      schema: {
        tags,
        summary: '导入统计数据（Excel：各单位 × 指标，一个期别）；dryRun=true 只校验；有错误时不导入任何数据',
        description: '表单字段：file（.xlsx/.xls/.et/.csv），period（可选，如 2026-10、2026-Q1、2026-H1、2026；不填时从表头标题识别）',
        consumes: ['multipart/form-data'],
        querystring: ValuesImportQuery,
        response: { 200: IndicatorImportResultSchema },
      },
    },
    async (req) => {
      const up = await readUpload(req);
      const period = field(up.fields, 'period', PeriodSchema) ?? req.query.period;
      return importValues(ctxOf(req, deps), { file: up.file, period: period ?? null, dryRun: dry(req.query.dryRun), filename: up.filename });
    },
  );

  r.post(
    '/api/targets/import',
    {
      config: { permission: 'indicator:target', ...heavy },
      schema: {
        tags,
        summary: '导入目标任务（Excel：各单位的基数、年度目标、分解与多年目标，或各指标的年度目标）；dryRun=true 只校验',
        description: '表单字段：file，year（年度），indicatorId（可选：单一指标的分解表；不填时从表头标题识别，多指标表按列名识别）',
        consumes: ['multipart/form-data'],
        querystring: TargetsImportQuery,
        response: { 200: IndicatorImportResultSchema },
      },
    },
    async (req) => {
      const up = await readUpload(req);
      const year = field(up.fields, 'year', z.coerce.number({ message: '年度应为数字' }).int('年度应为整数').min(2000, '年度超出范围').max(2100, '年度超出范围')) ?? req.query.year;
      if (!year) throw new AppError('VALIDATION', '请填写年度', [{ path: 'year', message: '请填写年度' }]);
      const indicatorId = field(up.fields, 'indicatorId', z.coerce.number({ message: '指标编号应为数字' }).int().positive('指标编号无效')) ?? req.query.indicatorId;
      return importTargets(ctxOf(req, deps), { file: up.file, year, indicatorId: indicatorId ?? null, dryRun: dry(req.query.dryRun), filename: up.filename });
    },
  );
}
