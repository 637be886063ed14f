import { z } from 'zod';
import { PROJECT_STAGE_VALUES, YEAR_CATEGORY_VALUES } from './enums.js';
import { AmountSchema } from './projects.js';
import { REGION_CODE_RE } from './validation.js';

/** Annual plans (年度计划) and their monthly breakdown (年度投资节点进度表), amounts in 万元. */

export const PlanYearSchema = z.coerce.number({ message: '年度不正确' }).int('年度不正确').min(2000, '年度不正确').max(2100, '年度不正确');

const MonthlySchema = z.array(AmountSchema, { message: '月度计划应为12个月的金额' }).length(12, '月度计划应为12个月的金额');

/** The editable figures of one plan (create or replace). */
export const PlanInputSchema = z.object({
  category: z.enum(YEAR_CATEGORY_VALUES, { message: '请选择年度类别' }),
  plannedInvestment: AmountSchema,
  monthly: MonthlySchema,
  imageTarget: z.string().trim().max(2000, '不能超过2000个字符').nullish().transform((v) => (v ? v : null)),
  completedBeforeYear: AmountSchema.optional(),
  /** Required when replacing an existing plan (optimistic locking). */
  version: z.number().int().positive().optional(),
});
export type PlanInput = z.infer<typeof PlanInputSchema>;

export const PlanAdjustSchema = PlanInputSchema.partial()
  .omit({ version: true })
  .extend({
    version: z.number({ message: '缺少版本号' }).int().positive(),
    reason: z.string({ message: '请填写调整原因' }).trim().min(2, '请填写调整原因').max(500, '不能超过500个字符'),
  });
export type PlanAdjust = z.infer<typeof PlanAdjustSchema>;

export const PlanBulkRowSchema = PlanInputSchema.extend({ projectId: z.number().int().positive() });
export const PlanBulkSchema = z.object({
  year: PlanYearSchema,
  rows: z.array(PlanBulkRowSchema).min(1, '没有要保存的行').max(2000, '一次最多保存2000行'),
  /** Required when the year has started and existing plans change: each change is recorded as an adjustment. */
  reason: z.string().trim().max(500, '不能超过500个字符').optional(),
});
export type PlanBulk = z.infer<typeof PlanBulkSchema>;

export const PlanCopyForwardSchema = z.object({ fromYear: PlanYearSchema, toYear: PlanYearSchema, dryRun: z.boolean().optional() });
export type PlanCopyForward = z.infer<typeof PlanCopyForwardSchema>;
export const PlanCopyForwardResultSchema = z.object({
  copied: z.number(),
  skippedExisting: z.number(),
  skippedFinished: z.number(),
  dryRun: z.boolean(),
});
export type PlanCopyForwardResult = z.infer<typeof PlanCopyForwardResultSchema>;

export const PlanSchema = z.object({
  id: z.number(),
  projectId: z.number(),
  year: z.number(),
  category: z.enum(YEAR_CATEGORY_VALUES),
  plannedInvestment: z.number(),
  monthly: z.array(z.number()),
  imageTarget: z.string().nullable(),
  completedBeforeYear: z.number(),
  version: z.number(),
  updatedAt: z.string(),
});
export type Plan = z.infer<typeof PlanSchema>;

export const PlanRowSchema = PlanSchema.extend({
  projectName: z.string(),
  projectCode: z.string().nullable(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  totalInvestment: z.number(),
  stage: z.enum(PROJECT_STAGE_VALUES),
});
export type PlanRow = z.infer<typeof PlanRowSchema>;

export const PlanFilterSchema = z.object({
  year: PlanYearSchema,
  regionCode: z.string().regex(REGION_CODE_RE, '区域代码不正确').optional(),
  category: z.enum(YEAR_CATEGORY_VALUES).optional(),
  q: z.string().trim().max(100).optional(),
});
export type PlanFilter = z.infer<typeof PlanFilterSchema>;
export const PlanListQuerySchema = PlanFilterSchema.extend({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export type PlanListQuery = z.infer<typeof PlanListQuerySchema>;

export const PlanSumsSchema = z.object({ plannedInvestment: z.number(), completedBeforeYear: z.number(), totalInvestment: z.number(), monthly: z.array(z.number()) });
export type PlanSums = z.infer<typeof PlanSumsSchema>;
export const PlanListSchema = z.object({
  items: z.array(PlanRowSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  sums: PlanSumsSchema,
});
export type PlanList = z.infer<typeof PlanListSchema>;

export const PlanChangeSchema = z.object({
  id: z.number(),
  reason: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  userName: z.string().nullable(),
  at: z.string(),
});
export type PlanChange = z.infer<typeof PlanChangeSchema>;
export const ProjectPlanSchema = PlanSchema.extend({ changes: z.array(PlanChangeSchema) });
export type ProjectPlan = z.infer<typeof ProjectPlanSchema>;

export const PlanRowIssueSchema = z.object({ row: z.number(), projectId: z.number().optional(), path: z.string(), message: z.string() });
export type PlanRowIssue = z.infer<typeof PlanRowIssueSchema>;

export const PlanImportIssueSchema = z.object({ row: z.number(), column: z.string(), value: z.string(), message: z.string() });
export const PlanImportResultSchema = z.object({
  dryRun: z.boolean(),
  imported: z.boolean(),
  rows: z.number(),
  created: z.number(),
  updated: z.number(),
  errors: z.array(PlanImportIssueSchema),
});
export type PlanImportResult = z.infer<typeof PlanImportResultSchema>;
export const PlanImportQuerySchema = z.object({
  year: PlanYearSchema,
  dryRun: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
});

/** Formats 万元 as 1,234.56. */
export function formatWan(n: number): string {
  return n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** In cents, to compare sums of two-decimal amounts exactly. */
export const toCents = (n: number) => Math.round(n * 100);

/**
 * The monthly-sum rule: 12 months, none negative, summing to the annual figure to 0.01 万元.
 * Returns the Chinese message telling the difference, or null when the plan is consistent.
 */
export function monthlySumError(planned: number, monthly: readonly number[]): string | null {
  if (monthly.length !== 12) return '月度计划应为12个月的金额';
  const neg = monthly.findIndex((m) => m < 0);
  if (neg >= 0) return `${neg + 1}月计划不能为负数`;
  const sum = monthly.reduce((s, m) => s + toCents(m), 0);
  const annual = toCents(planned);
  if (sum === annual) return null;
  return `月度计划合计 ${formatWan(sum / 100)} 万元，与年度计划 ${formatWan(annual / 100)} 万元相差 ${formatWan(Math.abs(annual - sum) / 100)} 万元`;
}
