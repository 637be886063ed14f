import { z } from 'zod';
import {
  CAPITAL_ORIGIN_VALUES,
  CONSTRUCTION_NATURE_VALUES,
  INVESTMENT_BAND_VALUES,
  INVESTMENT_TYPE_VALUES,
  PROJECT_FIELD_VALUES,
  PROJECT_LEVEL_VALUES,
  PROJECT_STAGE_VALUES,
  YEAR_CATEGORY_VALUES,
} from './enums.js';
import { isValidCreditCode, isValidProjectCode, REGION_CODE_RE } from './validation.js';

const trimmed = (max: number) => z.string().trim().max(max, `不能超过${max}个字符`);
const optionalText = (max: number) => trimmed(max).nullish().transform((v) => (v ? v : null));
/** Amounts in 万元, at most two decimals. */
export const AmountSchema = z
  .number({ message: '请输入金额（万元）' })
  .min(0, '金额不能为负数')
  .max(100_000_000, '金额超出范围（万元）')
  .transform((v) => Math.round(v * 100) / 100);
const DateStr = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

export const FundingSchema = z
  .object({
    central: AmountSchema.optional(),
    specialBond: AmountSchema.optional(),
    localFiscal: AmountSchema.optional(),
    bankLoan: AmountSchema.optional(),
    selfRaised: AmountSchema.optional(),
    other: AmountSchema.optional(),
  })
  .strict();
export type Funding = z.infer<typeof FundingSchema>;
/** Output shape of the funding mix (no transforms: response schemas must encode both ways). */
export const FundingOutSchema = z.object({
  central: z.number().optional(),
  specialBond: z.number().optional(),
  localFiscal: z.number().optional(),
  bankLoan: z.number().optional(),
  selfRaised: z.number().optional(),
  other: z.number().optional(),
});

export const ProjectCodeSchema = z
  .string()
  .trim()
  .refine(isValidProjectCode, '项目代码格式应为 YYYY-RRRRRR-DD-TT-NNNNNN（24位，如 2024-330102-44-01-123456）');
export const CreditCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isValidCreditCode, '统一社会信用代码无效（18位，末位校验码不符）');

const projectFields = {
  name: trimmed(200).min(2, '项目名称至少2个字'),
  code: ProjectCodeSchema.nullish().or(z.literal('').transform(() => null)),
  statsCode: optionalText(40),
  level: z.enum(PROJECT_LEVEL_VALUES, { message: '请选择项目级别' }),
  nature: z.enum(CONSTRUCTION_NATURE_VALUES, { message: '请选择建设性质' }),
  category: z.enum(YEAR_CATEGORY_VALUES, { message: '请选择年度类别' }),
  planYear: z.number().int().min(2000, '年度不正确').max(2100, '年度不正确'),
  field: z.enum(PROJECT_FIELD_VALUES, { message: '请选择领域' }),
  industryCode: optionalText(10),
  chainTags: z.array(trimmed(30).min(1)).max(10, '产业链标签最多10个').default([]),
  investmentType: z.enum(INVESTMENT_TYPE_VALUES, { message: '请选择投资类型' }),
  capitalOrigin: z.enum(CAPITAL_ORIGIN_VALUES).default('domestic'),
  funding: FundingSchema.default({}),
  ppp: z.boolean().default(false),
  regionCode: z.string().regex(REGION_CODE_RE, '请选择所属区域'),
  location: optionalText(200),
  lng: z.number().min(73, '经度超出中国范围').max(136, '经度超出中国范围').nullish(),
  lat: z.number().min(3, '纬度超出中国范围').max(54, '纬度超出中国范围').nullish(),
  landArea: z.number().min(0, '用地面积不能为负数').max(1_000_000, '用地面积超出范围').nullish(),
  newLand: z.boolean().default(true),
  ownerEnterpriseId: z.number().int().positive().nullish(),
  leaderIds: z.array(z.number().int().positive()).max(10).default([]),
  responsibleDeptId: z.number().int().positive().nullish(),
  responsiblePerson: optionalText(50),
  responsiblePhone: optionalText(30),
  liaisonName: optionalText(50),
  liaisonPhone: optionalText(30),
  totalInvestment: AmountSchema,
  plannedStart: DateStr.nullish(),
  plannedCompletion: DateStr.nullish(),
  actualStart: DateStr.nullish(),
  actualCompletion: DateStr.nullish(),
  content: optionalText(4000),
};

function checkDates(
  v: { plannedStart?: string | null; plannedCompletion?: string | null; actualStart?: string | null; actualCompletion?: string | null },
  ctx: z.RefinementCtx,
) {
  if (v.plannedStart && v.plannedCompletion && v.plannedCompletion < v.plannedStart) {
    ctx.addIssue({ code: 'custom', path: ['plannedCompletion'], message: '计划竣工日期不能早于计划开工日期' });
  }
  if (v.actualStart && v.actualCompletion && v.actualCompletion < v.actualStart) {
    ctx.addIssue({ code: 'custom', path: ['actualCompletion'], message: '实际竣工日期不能早于实际开工日期' });
  }
}

/** On creation the initial stage may be given; afterwards stages move only by explicit actions. */
export const ProjectCreateSchema = z
  .object({ ...projectFields, stage: z.enum(PROJECT_STAGE_VALUES).optional() })
  .strict()
  .superRefine(checkDates);
export type ProjectCreate = z.input<typeof ProjectCreateSchema>;

export const ProjectPatchSchema = z
  .object({
    ...Object.fromEntries(Object.entries(projectFields).map(([k, s]) => [k, (s as z.ZodType).optional()])),
    version: z.number().int().min(1, '缺少版本号'),
  } as { [K in keyof typeof projectFields]: z.ZodOptional<(typeof projectFields)[K]> } & { version: z.ZodNumber })
  .strict()
  .superRefine(checkDates);
export type ProjectPatch = z.input<typeof ProjectPatchSchema>;

export const ProjectSchema = z.object({
  id: z.number(),
  name: z.string(),
  code: z.string().nullable(),
  statsCode: z.string().nullable(),
  level: z.enum(PROJECT_LEVEL_VALUES),
  nature: z.enum(CONSTRUCTION_NATURE_VALUES),
  category: z.enum(YEAR_CATEGORY_VALUES),
  planYear: z.number(),
  field: z.enum(PROJECT_FIELD_VALUES),
  industryCode: z.string().nullable(),
  chainTags: z.array(z.string()),
  investmentType: z.enum(INVESTMENT_TYPE_VALUES),
  capitalOrigin: z.enum(CAPITAL_ORIGIN_VALUES),
  funding: FundingOutSchema,
  ppp: z.boolean(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  location: z.string().nullable(),
  lng: z.number().nullable(),
  lat: z.number().nullable(),
  landArea: z.number().nullable(),
  newLand: z.boolean(),
  ownerEnterpriseId: z.number().nullable(),
  ownerName: z.string().nullable(),
  ownerCreditCode: z.string().nullable(),
  leaders: z.array(z.object({ id: z.number(), name: z.string(), title: z.string().nullable() })),
  responsibleDeptId: z.number().nullable(),
  responsibleDeptName: z.string().nullable(),
  responsiblePerson: z.string().nullable(),
  responsiblePhone: z.string().nullable(),
  liaisonName: z.string().nullable(),
  liaisonPhone: z.string().nullable(),
  totalInvestment: z.number(),
  plannedStart: z.string().nullable(),
  plannedCompletion: z.string().nullable(),
  actualStart: z.string().nullable(),
  actualCompletion: z.string().nullable(),
  content: z.string().nullable(),
  stage: z.enum(PROJECT_STAGE_VALUES),
  stageChangedAt: z.string().nullable(),
  /** The stated reason for not starting in the planned month (exempts the start yellow), who stated it and when. */
  startDelayReason: z.object({ reason: z.string(), byId: z.number().nullable(), byName: z.string().nullable(), at: z.string().nullable() }).nullable(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  abilities: z.object({ update: z.boolean(), delete: z.boolean(), changeStage: z.boolean() }).optional(),
});
export type Project = z.infer<typeof ProjectSchema>;

export const PROJECT_SORTS = [
  'name',
  '-name',
  'totalInvestment',
  '-totalInvestment',
  'plannedStart',
  '-plannedStart',
  'updatedAt',
  '-updatedAt',
  'regionCode',
  '-regionCode',
  'stage',
  '-stage',
] as const;

const csv = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (v) => (v === undefined || v === '' ? undefined : Array.isArray(v) ? v : String(v).split(',').filter(Boolean)),
    z.array(item).optional(),
  );

/** Filters of the project list; the same filters drive counts, sums and exports. */
export const ProjectFilterSchema = z.object({
  q: z.string().trim().max(100).optional(),
  regionCode: z.string().regex(REGION_CODE_RE, '区域代码不正确').optional(),
  stage: csv(z.enum(PROJECT_STAGE_VALUES)),
  level: csv(z.enum(PROJECT_LEVEL_VALUES)),
  category: csv(z.enum(YEAR_CATEGORY_VALUES)),
  field: csv(z.enum(PROJECT_FIELD_VALUES)),
  leaderId: z.coerce.number().int().positive().optional(),
  responsibleDeptId: z.coerce.number().int().positive().optional(),
  band: csv(z.enum(INVESTMENT_BAND_VALUES)),
  planYear: z.coerce.number().int().min(2000).max(2100).optional(),
  sort: z.enum(PROJECT_SORTS).optional(),
});
export type ProjectFilter = z.infer<typeof ProjectFilterSchema>;

export const ProjectListQuerySchema = ProjectFilterSchema.extend({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type ProjectListQuery = z.infer<typeof ProjectListQuerySchema>;

export const ProjectListSchema = z.object({
  items: z.array(ProjectSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  sums: z.object({ totalInvestment: z.number() }),
});
export type ProjectList = z.infer<typeof ProjectListSchema>;

/** States (or, with null or an empty text, withdraws) the reason a project did not start in its planned month. */
export const StartDelayReasonSchema = z
  .object({
    reason: z.string({ message: '请填写未按期开工的原因' }).trim().max(500, '原因不超过500字').nullable(),
    version: z.number().int().min(1, '缺少版本号'),
  })
  .strict();
export type StartDelayReason = z.infer<typeof StartDelayReasonSchema>;

export const StageChangeSchema = z
  .object({
    to: z.enum(PROJECT_STAGE_VALUES, { message: '请选择目标阶段' }),
    date: DateStr,
    reason: trimmed(500).min(2, '请填写变更原因'),
    version: z.number().int().min(1),
  })
  .strict();
export type StageChange = z.infer<typeof StageChangeSchema>;

export const StageEventSchema = z.object({
  id: z.number(),
  fromStage: z.enum(PROJECT_STAGE_VALUES).nullable(),
  toStage: z.enum(PROJECT_STAGE_VALUES),
  date: z.string(),
  reason: z.string().nullable(),
  userId: z.number().nullable(),
  userName: z.string().nullable(),
  createdAt: z.string(),
});
export type StageEvent = z.infer<typeof StageEventSchema>;

export const ImportErrorSchema = z.object({
  row: z.number(),
  column: z.string(),
  value: z.string(),
  message: z.string(),
});
export type ImportError = z.infer<typeof ImportErrorSchema>;

export const ImportResultSchema = z.object({
  dryRun: z.boolean(),
  created: z.number(),
  updated: z.number(),
  unchanged: z.number().optional(),
  errors: z.array(ImportErrorSchema),
  preview: z
    .array(z.object({ row: z.number(), action: z.enum(['create', 'update', 'unchanged']), name: z.string(), code: z.string().nullable(), changes: z.array(z.string()) }))
    .optional(),
  sheet: z.string().optional(),
  headerRow: z.number().optional(),
  mapping: z.record(z.string(), z.string()).optional(),
  /** The region given to rows without one (the county itself when the file has no region column). */
  defaultRegionCode: z.string().nullable().optional(),
  /** Units and leaders the import creates (createMissing=true), in the same transaction as the projects. */
  toCreate: z
    .object({
      departments: z.array(z.object({ name: z.string(), text: z.string(), regionCode: z.string(), rows: z.array(z.number()) })),
      leaders: z.array(z.object({ name: z.string(), title: z.string().nullable(), text: z.string(), rows: z.array(z.number()) })),
    })
    .optional(),
  /** Names in the file matched to a registered unit or leader, near names included (县水利局 → 水利局). */
  matched: z
    .object({
      departments: z.array(z.object({ text: z.string(), id: z.number(), name: z.string(), exact: z.boolean() })),
      leaders: z.array(z.object({ text: z.string(), id: z.number(), name: z.string(), exact: z.boolean() })),
    })
    .optional(),
  /** Every field an update changes: before → after, as shown in the ledger. */
  changes: z
    .array(z.object({ row: z.number(), projectId: z.number(), field: z.string(), label: z.string(), before: z.string().nullable(), after: z.string().nullable() }))
    .optional(),
});
export type ImportResult = z.infer<typeof ImportResultSchema>;
