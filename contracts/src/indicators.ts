import { z } from 'zod';
import { labels } from './enums.js';

/**
 * 指标库与目标责任 (indicators): one catalogue of every figure a region, park or department is
 * judged by — computed from the platform's data, reported by the unit, imported from the
 * statistics bureau or scored by judges — with targets, 序时 checks and peer benchmarking.
 * Competitions, key tasks, parks and bulletins read the values through one service
 * (`GET /api/indicator-values`).
 */

export const INDICATOR_DIRECTIONS = labels([
  { value: 'higher', zh: '越高越好', en: 'Higher is better' },
  { value: 'lower', zh: '越低越好', en: 'Lower is better' },
] as const);
export type IndicatorDirection = (typeof INDICATOR_DIRECTIONS)[number]['value'];

export const INDICATOR_KINDS = labels([
  { value: 'expected', zh: '预期性', en: 'Expected' },
  { value: 'binding', zh: '约束性', en: 'Binding' },
] as const);
export type IndicatorKind = (typeof INDICATOR_KINDS)[number]['value'];

export const INDICATOR_CADENCES = labels([
  { value: 'month', zh: '月度', en: 'Monthly' },
  { value: 'quarter', zh: '季度', en: 'Quarterly' },
  { value: 'halfYear', zh: '半年', en: 'Half-yearly' },
  { value: 'year', zh: '年度', en: 'Yearly' },
] as const);
export type IndicatorCadence = (typeof INDICATOR_CADENCES)[number]['value'];

export const INDICATOR_ACCUMULATIONS = labels([
  { value: 'cumulative', zh: '年内累计', en: 'Cumulative in the year' },
  { value: 'period', zh: '当期', en: 'Per period' },
] as const);
export type IndicatorAccumulation = (typeof INDICATOR_ACCUMULATIONS)[number]['value'];

export const INDICATOR_SOURCES = labels([
  { value: 'computed', zh: '系统计算', en: 'Computed' },
  { value: 'reported', zh: '单位填报', en: 'Reported' },
  { value: 'imported', zh: '统计导入', en: 'Imported' },
  { value: 'scored', zh: '评审打分', en: 'Scored' },
] as const);
export type IndicatorSource = (typeof INDICATOR_SOURCES)[number]['value'];

/** Who an indicator applies to: regions of a level, parks (regions of level park) or departments. */
export const INDICATOR_SUBJECTS = labels([
  { value: 'city', zh: '市', en: 'Cities' },
  { value: 'county', zh: '县（区）', en: 'Counties' },
  { value: 'town', zh: '乡镇（街道）', en: 'Towns' },
  { value: 'park', zh: '园区', en: 'Parks' },
  { value: 'department', zh: '部门', en: 'Departments' },
] as const);
export type IndicatorSubject = (typeof INDICATOR_SUBJECTS)[number]['value'];

/** How units are ranked: by value in its direction, by 增速, or by completion of the target. */
export const INDICATOR_RANK_BY = labels([
  { value: 'value', zh: '按数值', en: 'By value' },
  { value: 'growth', zh: '按增速', en: 'By growth' },
  { value: 'completion', zh: '按目标完成率', en: 'By completion of target' },
] as const);
export type IndicatorRankBy = (typeof INDICATOR_RANK_BY)[number]['value'];

/** The named formulas of computed indicators (docs/indicators.md gives each in Chinese). */
export const INDICATOR_FORMULAS = labels([
  { value: 'startRate', zh: '开工率', en: 'Start rate' },
  { value: 'investmentRate', zh: '投资完成率', en: 'Investment completion rate' },
  { value: 'completionRate', zh: '竣工率', en: 'Completion rate' },
  { value: 'productionRate', zh: '投产率', en: 'Production rate' },
  { value: 'reserveConversionRate', zh: '储备转化率', en: 'Reserve conversion rate' },
  { value: 'investmentIntensity', zh: '亩均投资强度', en: 'Investment per mu' },
  { value: 'projectCount', zh: '项目个数', en: 'Number of projects' },
  { value: 'investmentSum', zh: '累计完成投资', en: 'Investment completed' },
  { value: 'problemsOnTimeRate', zh: '问题按时办结率', en: 'Problems solved on time' },
  { value: 'approvalSpeedupRate', zh: '审批提速率', en: 'Approval speed-up rate' },
  { value: 'assignmentDoneRate', zh: '交办事项办结率', en: 'Assigned items done' },
  { value: 'assignmentOnTimeRate', zh: '交办事项按时办结率', en: 'Assigned items done on time' },
] as const);
export type IndicatorFormula = (typeof INDICATOR_FORMULAS)[number]['value'];
const FORMULA_VALUES = INDICATOR_FORMULAS.map((f) => f.value) as [IndicatorFormula, ...IndicatorFormula[]];

/** Common units offered in the form (any text up to 10 characters is accepted). */
export const INDICATOR_UNIT_SUGGESTIONS = ['万元', '亿元', '%', '个', '处', '户', '公里', '亩', '万元/亩', '家', '件', '人', '分'] as const;

export const projectFilterSchema = z
  .object({
    /** Projects whose stage is one of these (now). */
    stages: z.array(z.string().max(20)).max(10).optional(),
    /** Only projects started in the period's year up to its end (新开工). */
    startedInYear: z.boolean().optional(),
    /** Total investment at least (万元), e.g. 10000 for 亿元以上. */
    minTotalInvestment: z.number().min(0).max(1e10).optional(),
    categories: z.array(z.string().max(12)).max(10).optional(),
    fields: z.array(z.string().max(16)).max(20).optional(),
  })
  .strict();
export type IndicatorProjectFilter = z.infer<typeof projectFilterSchema>;

const text = (label: string, max: number) => z.string({ message: `${label}不能为空` }).trim().min(1, `${label}不能为空`).max(max, `${label}不能超过${max}个字`);

export const IndicatorInputSchema = z
  .object({
    code: z
      .string({ message: '指标代码不能为空' })
      .trim()
      .regex(/^[A-Za-z][A-Za-z0-9_.-]{0,29}$/, '指标代码须以字母开头，由字母、数字、下划线组成，不超过30位'),
    name: text('指标名称', 60),
    unit: z.string().trim().max(10, '计量单位不能超过10个字').default(''),
    decimals: z.number().int().min(0).max(4).default(2),
    direction: z.enum(['higher', 'lower'], { message: '指标方向无效' }).default('higher'),
    kind: z.enum(['expected', 'binding'], { message: '指标属性无效' }).default('expected'),
    cadence: z.enum(['month', 'quarter', 'halfYear', 'year'], { message: '统计周期无效' }),
    accumulation: z.enum(['cumulative', 'period'], { message: '累计方式无效' }).default('cumulative'),
    source: z.enum(['computed', 'reported', 'imported', 'scored'], { message: '数据来源无效' }),
    formula: z.enum(FORMULA_VALUES, { message: '计算公式无效' }).nullable().default(null),
    filter: projectFilterSchema.nullable().default(null),
    appliesTo: z.array(z.enum(['city', 'county', 'town', 'park', 'department'], { message: '适用对象无效' })).min(1, '请选择适用对象'),
    rankBy: z.enum(['value', 'growth', 'completion'], { message: '排名方式无效' }).nullable().default(null),
    /** The rule set of the 序时 check (null: the active one). */
    ruleSetId: z.number().int().positive().nullable().default(null),
    /** Shown on the benchmark page (经济运行对标). */
    benchmark: z.boolean().default(false),
    description: z.string().trim().max(500, '说明不能超过500个字').nullable().default(null),
    sort: z.number().int().min(0).max(9999).default(0),
  })
  .superRefine((v, ctx) => {
    if (v.source === 'computed' && !v.formula) ctx.addIssue({ code: 'custom', path: ['formula'], message: '系统计算的指标须选择计算公式' });
    if (v.source !== 'computed' && v.formula) ctx.addIssue({ code: 'custom', path: ['formula'], message: '只有系统计算的指标才有计算公式' });
  });
export type IndicatorInput = z.input<typeof IndicatorInputSchema>;

export const IndicatorPatchSchema = z
  .object({
    name: text('指标名称', 60),
    unit: z.string().trim().max(10, '计量单位不能超过10个字'),
    decimals: z.number().int().min(0).max(4),
    direction: z.enum(['higher', 'lower'], { message: '指标方向无效' }),
    kind: z.enum(['expected', 'binding'], { message: '指标属性无效' }),
    cadence: z.enum(['month', 'quarter', 'halfYear', 'year'], { message: '统计周期无效' }),
    accumulation: z.enum(['cumulative', 'period'], { message: '累计方式无效' }),
    formula: z.enum(FORMULA_VALUES, { message: '计算公式无效' }).nullable(),
    filter: projectFilterSchema.nullable(),
    appliesTo: z.array(z.enum(['city', 'county', 'town', 'park', 'department'], { message: '适用对象无效' })).min(1, '请选择适用对象'),
    rankBy: z.enum(['value', 'growth', 'completion'], { message: '排名方式无效' }).nullable(),
    ruleSetId: z.number().int().positive().nullable(),
    benchmark: z.boolean(),
    description: z.string().trim().max(500, '说明不能超过500个字').nullable(),
    sort: z.number().int().min(0).max(9999),
    /** active | retired (an indicator in use is retired, never deleted). */
    status: z.enum(['active', 'retired'], { message: '状态无效' }),
  })
  .partial();
export type IndicatorPatch = z.infer<typeof IndicatorPatchSchema>;

export const IndicatorSchema = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  decimals: z.number(),
  direction: z.enum(['higher', 'lower']),
  kind: z.enum(['expected', 'binding']),
  cadence: z.enum(['month', 'quarter', 'halfYear', 'year']),
  accumulation: z.enum(['cumulative', 'period']),
  source: z.enum(['computed', 'reported', 'imported', 'scored']),
  formula: z.enum(FORMULA_VALUES).nullable(),
  filter: projectFilterSchema.nullable(),
  appliesTo: z.array(z.enum(['city', 'county', 'town', 'park', 'department'])),
  rankBy: z.enum(['value', 'growth', 'completion']),
  ruleSetId: z.number().nullable(),
  benchmark: z.boolean(),
  description: z.string().nullable(),
  sort: z.number(),
  status: z.enum(['active', 'retired']),
  builtin: z.boolean(),
  /** Has values or targets (then it can be retired, not deleted). */
  inUse: z.boolean(),
});
export type Indicator = z.infer<typeof IndicatorSchema>;

export const IndicatorQuerySchema = z.object({
  status: z.enum(['active', 'retired', 'all']).optional(),
  source: z.enum(['computed', 'reported', 'imported', 'scored']).optional(),
  benchmark: z.enum(['true', 'false']).optional(),
});

/** A unit judged by indicators: a region (of any level, parks included), a department, or an external peer. */
export const UnitTypeSchema = z.enum(['region', 'department', 'external'], { message: '单位类型无效' });
export type UnitType = z.infer<typeof UnitTypeSchema>;
export const UnitRefSchema = z.object({ unitType: UnitTypeSchema, unitId: z.string().trim().min(1).max(20) });
export type UnitRef = z.infer<typeof UnitRefSchema>;

// ---------------------------------------------------------------- periods

/** Period strings: `2026-11` (month), `2026-Q3`, `2026-H1`, `2026` (year). */
export const PERIOD_RE = /^(\d{4})(?:-(0[1-9]|1[0-2])|-Q([1-4])|-H([12]))?$/;
export interface Period {
  year: number;
  cadence: IndicatorCadence;
  /** 1-based index within the year (month 1–12, quarter 1–4, half 1–2, year 1). */
  index: number;
  /** The last month (1–12) the period covers. */
  endMonth: number;
}

export function parsePeriod(s: string): Period | null {
  const m = PERIOD_RE.exec(s.trim());
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 2000 || year > 2100) return null;
  if (m[2]) return { year, cadence: 'month', index: Number(m[2]), endMonth: Number(m[2]) };
  if (m[3]) return { year, cadence: 'quarter', index: Number(m[3]), endMonth: Number(m[3]) * 3 };
  if (m[4]) return { year, cadence: 'halfYear', index: Number(m[4]), endMonth: Number(m[4]) * 6 };
  return { year, cadence: 'year', index: 1, endMonth: 12 };
}

export function formatPeriod(p: Pick<Period, 'year' | 'cadence' | 'index'>): string {
  switch (p.cadence) {
    case 'month':
      return `${p.year}-${String(p.index).padStart(2, '0')}`;
    case 'quarter':
      return `${p.year}-Q${p.index}`;
    case 'halfYear':
      return `${p.year}-H${p.index}`;
    case 'year':
      return String(p.year);
  }
}

export function periodsPerYear(c: IndicatorCadence): number {
  return c === 'month' ? 12 : c === 'quarter' ? 4 : c === 'halfYear' ? 2 : 1;
}

/** The period before (same cadence): 2026-01 → 2025-12, 2026-Q1 → 2025-Q4, 2026 → 2025. */
export function previousPeriod(s: string): string | null {
  const p = parsePeriod(s);
  if (!p) return null;
  if (p.index > 1) return formatPeriod({ ...p, index: p.index - 1 });
  return formatPeriod({ year: p.year - 1, cadence: p.cadence, index: periodsPerYear(p.cadence) });
}

/** The same period a year before (for 增速): 2026-11 → 2025-11. */
export function samePeriodLastYear(s: string): string | null {
  const p = parsePeriod(s);
  return p ? formatPeriod({ ...p, year: p.year - 1 }) : null;
}

/** The Chinese name of a period: 2026年11月, 2026年第三季度, 2026年上半年, 2026年. */
export function periodLabel(s: string): string {
  const p = parsePeriod(s);
  if (!p) return s;
  const qn = ['一', '二', '三', '四'];
  switch (p.cadence) {
    case 'month':
      return `${p.year}年${p.index}月`;
    case 'quarter':
      return `${p.year}年第${qn[p.index - 1]}季度`;
    case 'halfYear':
      return `${p.year}年${p.index === 1 ? '上' : '下'}半年`;
    case 'year':
      return `${p.year}年`;
  }
}

export const PeriodSchema = z
  .string({ message: '请填写期别' })
  .trim()
  .refine((s) => parsePeriod(s) !== null, '期别格式应为 2026-11、2026-Q3、2026-H1 或 2026');

// ---------------------------------------------------------------- targets

/** An exact decimal as typed (number or text); null = no figure. */
export const DecimalInput = z.union([z.number().finite(), z.string().trim().max(30)]).nullable();

export const TargetRowSchema = z.object({
  /** Optional: inferred from the unit id and the indicator's subjects (a region code, else a department id). */
  unitType: UnitTypeSchema.optional(),
  unitId: z.union([z.string().trim().min(1).max(20), z.number().int().positive().transform(String)]),
  unitName: z.string().optional(),
  baseline: DecimalInput.optional(),
  target: DecimalInput,
  /** Per-period targets within the year (12 months, 4 quarters or 2 halves), each the period's own figure (for a cumulative indicator the 序时 share to a period is the sum to it ÷ the year). */
  breakdown: z.array(DecimalInput).max(12).nullable().optional(),
  /** A multi-year target (e.g. 三年翻一番: 2028 → twice the baseline). */
  multiYear: z.object({ year: z.number().int().min(2000).max(2100), value: DecimalInput }).nullable().optional(),
  note: z.string().trim().max(200).nullable().optional(),
});
export type TargetRow = z.infer<typeof TargetRowSchema>;

export const TargetsQuerySchema = z.object({
  year: z.coerce.number({ message: '请填写年度' }).int().min(2000).max(2100),
  indicatorId: z.coerce.number({ message: '请选择指标' }).int().positive(),
});
/** The grid's rows; year and indicator in the body or in the query (`PUT /api/targets?year&indicatorId`). */
export const TargetsPutSchema = z.object({
  year: z.number().int().min(2000).max(2100).optional(),
  indicatorId: z.number().int().positive().optional(),
  rows: z.array(TargetRowSchema).max(2000),
});
export const TargetsPutQuerySchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  indicatorId: z.coerce.number().int().positive().optional(),
});
export const TargetGridRowSchema = z.object({
  unitType: UnitTypeSchema,
  unitId: z.string(),
  unitName: z.string(),
  baseline: z.number().nullable(),
  target: z.number().nullable(),
  breakdown: z.array(z.number().nullable()).nullable(),
  multiYear: z.object({ year: z.number(), value: z.number().nullable() }).nullable(),
  note: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export const TargetGridSchema = z.object({
  indicator: IndicatorSchema,
  year: z.number(),
  /** How many breakdown cells a row has (0 when the cadence is yearly). */
  breakdownSize: z.number(),
  rows: z.array(TargetGridRowSchema),
});
export type TargetGrid = z.infer<typeof TargetGridSchema>;

// ---------------------------------------------------------------- data entry periods

export const IndicatorPeriodInputSchema = z.object({
  period: PeriodSchema,
  indicatorIds: z.array(z.number().int().positive()).min(1, '请选择填报指标').max(100),
  deadline: z.string({ message: '请填写截止日期' }).regex(/^\d{4}-\d{2}-\d{2}$/, '截止日期格式应为 YYYY-MM-DD'),
  note: z.string().trim().max(200).nullable().optional(),
});
export const IndicatorPeriodPatchSchema = z
  .object({
    deadline: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '截止日期格式应为 YYYY-MM-DD'),
    status: z.enum(['open', 'closed'], { message: '状态无效' }),
    note: z.string().trim().max(200).nullable(),
  })
  .partial();
export const IndicatorPeriodSchema = z.object({
  id: z.number(),
  period: z.string(),
  periodLabel: z.string(),
  indicators: z.array(z.object({ id: z.number(), code: z.string(), name: z.string(), unit: z.string() })),
  deadline: z.string(),
  status: z.enum(['open', 'closed']),
  note: z.string().nullable(),
  openedAt: z.string(),
  /** Counts over (unit × indicator) cells owed in this period. */
  counts: z.object({ owed: z.number(), submitted: z.number(), accepted: z.number(), returned: z.number(), missing: z.number(), late: z.number() }),
});
export type IndicatorPeriod = z.infer<typeof IndicatorPeriodSchema>;

/** A cell a unit owes (待填报) or owed, with its state. */
export const OwedItemSchema = z.object({
  periodId: z.number(),
  period: z.string(),
  periodLabel: z.string(),
  deadline: z.string(),
  indicatorId: z.number(),
  indicatorName: z.string(),
  unit: z.string(),
  unitType: UnitTypeSchema,
  unitId: z.string(),
  unitName: z.string(),
  valueId: z.number().nullable(),
  value: z.number().nullable(),
  /** missing | draft | submitted | accepted | returned */
  status: z.string(),
  late: z.boolean(),
  returnReason: z.string().nullable(),
  target: z.number().nullable(),
});
export type OwedItem = z.infer<typeof OwedItemSchema>;

// ---------------------------------------------------------------- values

export const VALUE_STATUSES = labels([
  { value: 'missing', zh: '未填报', en: 'Missing' },
  { value: 'draft', zh: '草稿', en: 'Draft' },
  { value: 'submitted', zh: '待审核', en: 'Submitted' },
  { value: 'accepted', zh: '已审核', en: 'Accepted' },
  { value: 'returned', zh: '已退回', en: 'Returned' },
  { value: 'imported', zh: '统计导入', en: 'Imported' },
  { value: 'computed', zh: '系统计算', en: 'Computed' },
] as const);
export type ValueStatus = (typeof VALUE_STATUSES)[number]['value'];

export const IndicatorValuesQuerySchema = z.object({
  indicatorId: z.coerce.number({ message: '请选择指标' }).int().positive(),
  period: PeriodSchema,
  /** region level (city/county/town/park) or department; default: the indicator's first subject. */
  unitType: z.enum(['city', 'county', 'town', 'park', 'department', 'region', 'external']).optional(),
  /** Limit to the units under this region (default: the user's scope). */
  regionCode: z.string().regex(/^\d{6,12}$/).optional(),
});

export const ValueItemSchema = z.object({
  valueId: z.number().nullable(),
  unitType: UnitTypeSchema,
  unitId: z.string(),
  unitName: z.string(),
  value: z.number().nullable(),
  /** The exact figure as stored (decimal text), null when there is none. */
  valueText: z.string().nullable(),
  target: z.number().nullable(),
  /** Completion of the target in %, or null. */
  progress: z.number().nullable(),
  /** 序时进度 of the period in % (cumulative indicators with a target), or null. */
  timeProgress: z.number().nullable(),
  /** Cumulative: completion − 序时 in percentage points; per period: value − target in the indicator's unit. */
  deviation: z.number().nullable(),
  light: z.enum(['green', 'yellow', 'red']).nullable(),
  lightDetail: z.string().nullable(),
  rank: z.number().nullable(),
  rankChange: z.number().nullable(),
  /** 增速 in % against the same period a year before (imported, or computed from last year's value). */
  growth: z.number().nullable(),
  status: z.string(),
  note: z.string().nullable(),
  files: z.number(),
  updatedAt: z.string().nullable(),
});
export type ValueItem = z.infer<typeof ValueItemSchema>;

export const IndicatorValuesSchema = z.object({
  indicator: IndicatorSchema,
  period: z.string(),
  periodLabel: z.string(),
  /** The units compared (what ranks, average and leader are over). */
  unitType: z.string(),
  items: z.array(ValueItemSchema),
  average: z.number().nullable(),
  averageGrowth: z.number().nullable(),
  leader: z.object({ unitType: UnitTypeSchema, unitId: z.string(), unitName: z.string(), value: z.number().nullable(), growth: z.number().nullable() }).nullable(),
  published: z.boolean(),
  /** The rule set the lights were decided under. */
  ruleSet: z.object({ id: z.number(), name: z.string() }).nullable(),
});
export type IndicatorValues = z.infer<typeof IndicatorValuesSchema>;

export const ValueReportSchema = z.object({
  indicatorId: z.number({ message: '请选择指标' }).int().positive(),
  period: PeriodSchema,
  value: z.union([z.number().finite(), z.string().trim().min(1, '请填写数值').max(30)], { message: '请填写数值' }),
  growth: DecimalInput.optional(),
  note: z.string().trim().max(500, '说明不能超过500个字').nullable().optional(),
  /** Only for those who report for several units (the dispatcher); a unit reports for itself. The type is inferred when left out. */
  unitType: UnitTypeSchema.optional(),
  unitId: z.union([z.string().trim().min(1).max(20), z.number().int().positive().transform(String)]).optional(),
  /** false keeps a draft; default true (submit for review). */
  submit: z.boolean().optional(),
});
export type ValueReport = z.infer<typeof ValueReportSchema>;

export const ValueReviewSchema = z
  .object({
    action: z.enum(['accept', 'return'], { message: '审核操作应为 accept 或 return' }),
    reason: z.string().trim().max(300, '退回原因不能超过300个字').nullable().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.action === 'return' && !v.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: '退回须填写原因' });
  });

export const ValueRecordSchema = z.object({
  id: z.number(),
  indicatorId: z.number(),
  indicatorName: z.string(),
  unitType: UnitTypeSchema,
  unitId: z.string(),
  unitName: z.string(),
  period: z.string(),
  value: z.number().nullable(),
  valueText: z.string().nullable(),
  growth: z.number().nullable(),
  note: z.string().nullable(),
  status: z.string(),
  source: z.string(),
  revision: z.number(),
  returnReason: z.string().nullable(),
  submittedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  late: z.boolean(),
  files: z.array(z.object({ id: z.number(), name: z.string(), mime: z.string(), size: z.number(), url: z.string() })),
  history: z.array(
    z.object({ revision: z.number(), action: z.string(), value: z.string().nullable(), growth: z.string().nullable(), status: z.string(), note: z.string().nullable(), by: z.string().nullable(), at: z.string() }),
  ),
});
export type ValueRecord = z.infer<typeof ValueRecordSchema>;

export const ValueListQuerySchema = z.object({
  periodId: z.coerce.number().int().positive().optional(),
  period: PeriodSchema.optional(),
  indicatorId: z.coerce.number().int().positive().optional(),
  status: z.enum(['draft', 'submitted', 'accepted', 'returned', 'imported']).optional(),
});

export const PublishSchema = z.object({ indicatorId: z.number().int().positive(), period: PeriodSchema, published: z.boolean().default(true) });

// ---------------------------------------------------------------- benchmarking (对标)

export const PeerGroupInputSchema = z.object({
  name: text('对标组名称', 50),
  members: z.array(UnitRefSchema).min(2, '对标组至少需要两个单位').max(200),
  note: z.string().trim().max(200).nullable().optional(),
});
export const PeerGroupSchema = z.object({
  id: z.number(),
  name: z.string(),
  members: z.array(z.object({ unitType: UnitTypeSchema, unitId: z.string(), unitName: z.string() })),
  note: z.string().nullable(),
});
export type PeerGroup = z.infer<typeof PeerGroupSchema>;

export const ExternalUnitInputSchema = z.object({
  name: text('单位名称', 50),
  level: z.enum(['province', 'city', 'county', 'town', 'park'], { message: '层级无效' }).default('county'),
  parentName: z.string().trim().max(50).nullable().optional(),
});
export const ExternalUnitSchema = z.object({ id: z.number(), name: z.string(), level: z.string(), parentName: z.string().nullable() });

export const BenchmarkQuerySchema = z.object({
  indicatorId: z.coerce.number({ message: '请选择指标' }).int().positive(),
  period: PeriodSchema,
  /** `siblings` (the unit among its parent's units of the same level, the default) or a peer group id. */
  group: z.string().trim().max(20).optional(),
  /** The unit in the middle (default: the user's own unit; all-scope users may choose). */
  unitType: UnitTypeSchema.optional(),
  unitId: z.string().trim().max(20).optional(),
});

export const BenchmarkRowSchema = z.object({
  unitType: UnitTypeSchema,
  unitId: z.string(),
  unitName: z.string(),
  external: z.boolean(),
  self: z.boolean(),
  value: z.number().nullable(),
  growth: z.number().nullable(),
  progress: z.number().nullable(),
  rank: z.number().nullable(),
  rankChange: z.number().nullable(),
  /** unit − average, in percentage points for 增速 and rates. */
  gapToAverage: z.number().nullable(),
  /** unit − best (≤ 0). */
  gapToLeader: z.number().nullable(),
});
export const BenchmarkSchema = z.object({
  indicator: IndicatorSchema,
  period: z.string(),
  periodLabel: z.string(),
  group: z.object({ key: z.string(), name: z.string() }),
  unit: z.object({ unitType: UnitTypeSchema, unitId: z.string(), unitName: z.string() }).nullable(),
  /** What ranks are decided by (value, growth or completion). */
  rankBy: z.enum(['value', 'growth', 'completion']),
  rows: z.array(BenchmarkRowSchema),
  average: z.object({ value: z.number().nullable(), growth: z.number().nullable() }),
  leader: z.object({ unitId: z.string(), unitName: z.string(), value: z.number().nullable(), growth: z.number().nullable() }).nullable(),
  /** The unit's rank over the last periods (for the chart). */
  trend: z.array(z.object({ period: z.string(), rank: z.number().nullable(), value: z.number().nullable(), growth: z.number().nullable(), of: z.number() })),
  /** False when the period is not published: peers' rows are hidden from units. */
  published: z.boolean(),
});
export type Benchmark = z.infer<typeof BenchmarkSchema>;

export const RankSummarySchema = z.object({
  unit: z.object({ unitType: UnitTypeSchema, unitId: z.string(), unitName: z.string() }).nullable(),
  items: z.array(
    z.object({
      indicatorId: z.number(),
      indicatorName: z.string(),
      period: z.string(),
      periodLabel: z.string(),
      value: z.number().nullable(),
      growth: z.number().nullable(),
      rank: z.number().nullable(),
      of: z.number(),
      rankChange: z.number().nullable(),
      unit: z.string(),
    }),
  ),
});
export type RankSummary = z.infer<typeof RankSummarySchema>;

// ---------------------------------------------------------------- imports

export const IndicatorImportResultSchema = z.object({
  dryRun: z.boolean(),
  period: z.string().nullable(),
  year: z.number().nullable().optional(),
  /** Recognised columns: which indicator and which figure (value, growth, target, a breakdown period). */
  columns: z.array(z.object({ column: z.number(), header: z.string(), indicatorId: z.number().nullable(), indicatorName: z.string().nullable(), field: z.string() })),
  rows: z.array(z.object({ row: z.number(), unitName: z.string(), unitType: UnitTypeSchema.nullable(), unitId: z.string().nullable(), cells: z.number() })),
  errors: z.array(z.object({ row: z.number(), column: z.string().nullable(), message: z.string() })),
  /** Cells that would be written (dry run) or were written. */
  written: z.number(),
  changes: z.array(z.object({ row: z.number(), unitName: z.string(), indicatorName: z.string(), field: z.string(), before: z.string().nullable(), after: z.string().nullable() })),
});
export type IndicatorImportResult = z.infer<typeof IndicatorImportResultSchema>;

// ---------------------------------------------------------------- lookups

export const FormulaInfoSchema = z.object({ value: z.string(), zh: z.string(), en: z.string(), definition: z.string(), subjects: z.array(z.string()) });
export const UnitOptionSchema = z.object({ unitType: UnitTypeSchema, unitId: z.string(), unitName: z.string(), level: z.string().nullable(), parentName: z.string().nullable() });
export type UnitOption = z.infer<typeof UnitOptionSchema>;
export const UnitOptionsQuerySchema = z.object({
  /** city | county | town | park | department | external */
  subject: z.enum(['city', 'county', 'town', 'park', 'department', 'external']).optional(),
  indicatorId: z.coerce.number().int().positive().optional(),
});
