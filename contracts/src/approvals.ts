import { z } from 'zod';
import { PROBLEM_RATINGS, PROBLEM_RATING_VALUES, type ProblemRating } from './problems.js';

/**
 * Approvals (手续办理) and department efficiency (效能监察). Time limits are in working days
 * of the working-day calendar (法定节假日 and 调休 included).
 */

/** The five handling steps (办理环节) of an approval item, in order. */
export const APPROVAL_STEPS = [
  { value: 'accept', zh: '受理', en: 'Acceptance' },
  { value: 'undertake', zh: '承办', en: 'Handling' },
  { value: 'review', zh: '审核', en: 'Review' },
  { value: 'approve', zh: '批准', en: 'Approval' },
  { value: 'finish', zh: '办结', en: 'Completion' },
] as const;
export type ApprovalStep = (typeof APPROVAL_STEPS)[number]['value'];
export const APPROVAL_STEP_VALUES = APPROVAL_STEPS.map((s) => s.value) as [ApprovalStep, ...ApprovalStep[]];

/** Where an item of a project stands. */
export const APPROVAL_STATUSES = [
  { value: 'not_started', zh: '未申报', en: 'Not applied' },
  { value: 'pending', zh: '待受理', en: 'Awaiting acceptance' },
  { value: 'accepted', zh: '已受理', en: 'Accepted' },
  { value: 'undertaken', zh: '已承办', en: 'Handled' },
  { value: 'reviewed', zh: '已审核', en: 'Reviewed' },
  { value: 'approved', zh: '已批准', en: 'Approved' },
  { value: 'done', zh: '已办结', en: 'Completed' },
  { value: 'returned', zh: '退回补正', en: 'Returned for correction' },
  { value: 'rejected', zh: '不予受理', en: 'Not accepted' },
] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number]['value'];
export const APPROVAL_STATUS_VALUES = APPROVAL_STATUSES.map((s) => s.value) as [ApprovalStatus, ...ApprovalStatus[]];

/** What can happen to an item: the applicant applies (申报) and resubmits after 补正; the department does the rest. */
export const APPROVAL_ACTIONS = [
  { value: 'submit', zh: '申报', en: 'Apply' },
  { value: 'accept', zh: '受理', en: 'Accept' },
  { value: 'undertake', zh: '承办', en: 'Handle' },
  { value: 'review', zh: '审核', en: 'Review' },
  { value: 'approve', zh: '批准', en: 'Approve' },
  { value: 'finish', zh: '办结', en: 'Complete' },
  { value: 'return', zh: '退回补正', en: 'Return for correction' },
  { value: 'resubmit', zh: '补正后重新提交', en: 'Resubmit' },
  { value: 'reject', zh: '不予受理', en: 'Refuse' },
] as const;
export type ApprovalAction = (typeof APPROVAL_ACTIONS)[number]['value'];
export const APPROVAL_ACTION_VALUES = APPROVAL_ACTIONS.map((s) => s.value) as [ApprovalAction, ...ApprovalAction[]];
/** The actions of the handling department (the others are the applicant's). */
export const DEPARTMENT_APPROVAL_ACTIONS: readonly ApprovalAction[] = ['accept', 'undertake', 'review', 'approve', 'finish', 'return', 'reject'];

/** The four phases of the whole approval process of a construction project (工程建设项目审批四阶段). */
export const APPROVAL_PHASES = [
  { value: 'land_planning', zh: '立项用地规划许可', en: 'Project approval, land and planning permit' },
  { value: 'engineering', zh: '工程建设许可', en: 'Construction works permit' },
  { value: 'construction', zh: '施工许可', en: 'Construction start permit' },
  { value: 'acceptance', zh: '竣工验收', en: 'Completion acceptance' },
] as const;
export type ApprovalPhase = (typeof APPROVAL_PHASES)[number]['value'];
export const APPROVAL_PHASE_VALUES = APPROVAL_PHASES.map((s) => s.value) as [ApprovalPhase, ...ApprovalPhase[]];

/** Signals (预警): a prompt one working day before a limit, yellow past a step's limit, red past the promised limit. */
export const APPROVAL_SIGNAL_KINDS = [
  { value: 'prompt', zh: '临期提醒', en: 'Due soon' },
  { value: 'yellow', zh: '黄色预警', en: 'Yellow' },
  { value: 'red', zh: '红色预警', en: 'Red' },
] as const;
export type ApprovalSignalKind = (typeof APPROVAL_SIGNAL_KINDS)[number]['value'];
export const APPROVAL_SIGNAL_KIND_VALUES = APPROVAL_SIGNAL_KINDS.map((s) => s.value) as [ApprovalSignalKind, ...ApprovalSignalKind[]];

/** What a signal is about: one step of an item, the item, a phase of a project, or the project's whole process. */
export const APPROVAL_SIGNAL_SCOPES = [
  { value: 'step', zh: '办理环节', en: 'Step' },
  { value: 'item', zh: '审批事项', en: 'Item' },
  { value: 'phase', zh: '审批阶段', en: 'Phase' },
  { value: 'process', zh: '审批全流程', en: 'Whole process' },
] as const;
export type ApprovalSignalScope = (typeof APPROVAL_SIGNAL_SCOPES)[number]['value'];
export const APPROVAL_SIGNAL_SCOPE_VALUES = APPROVAL_SIGNAL_SCOPES.map((s) => s.value) as [ApprovalSignalScope, ...ApprovalSignalScope[]];

/**
 * The applicant's rating of a completed item (好差评): the same three levels as the rating of a
 * problem's answer. 满意率 = (满意 + 基本满意) ÷ rated items.
 */
export const APPROVAL_RATINGS = PROBLEM_RATINGS;
export type ApprovalRating = ProblemRating;
export const APPROVAL_RATING_VALUES = PROBLEM_RATING_VALUES;

/** Quarterly grade of a department (季度效能等次). */
export const EFFICIENCY_GRADES = [
  { value: 'excellent', zh: '优秀', en: 'Excellent' },
  { value: 'good', zh: '良好', en: 'Good' },
  { value: 'pass', zh: '合格', en: 'Pass' },
  { value: 'fail', zh: '不合格', en: 'Fail' },
] as const;
export type EfficiencyGrade = (typeof EFFICIENCY_GRADES)[number]['value'];
export const EFFICIENCY_GRADE_VALUES = EFFICIENCY_GRADES.map((s) => s.value) as [EfficiencyGrade, ...EfficiencyGrade[]];

/** Tables the admin may publish on the public pages (信息公开). */
export const PUBLIC_TABLE_KINDS = [
  { value: 'department_monthly', zh: '部门效能月度表', en: 'Monthly department efficiency' },
  { value: 'department_quarterly', zh: '部门效能季度等次', en: 'Quarterly department grades' },
] as const;
export type PublicTableKind = (typeof PUBLIC_TABLE_KINDS)[number]['value'];
export const PUBLIC_TABLE_KIND_VALUES = PUBLIC_TABLE_KINDS.map((s) => s.value) as [PublicTableKind, ...PublicTableKind[]];

/** A month '2026-03' or a quarter '2026Q1'. */
export const MONTH_PERIOD_RE = /^\d{4}-(0[1-9]|1[0-2])$/;
export const QUARTER_PERIOD_RE = /^\d{4}Q[1-4]$/;
export function monthPeriodKey(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}
export function quarterPeriodKey(year: number, quarter: number): string {
  return `${year}Q${quarter}`;
}

/* ------------------------------------------------------------------ limits and settings */

const Workdays = (what: string, min = 1) =>
  z
    .number({ message: `请填写${what}` })
    .int(`${what}应为整数（工作日）`)
    .min(min, `${what}至少${min}个工作日`)
    .max(999, `${what}不能超过999个工作日`);

/**
 * Limits per step in working days. 受理 counts from the application; the other four from 受理
 * to 办结. 0 means the same day (当场办结).
 */
export const StepLimitsSchema = z.object({
  accept: Workdays('受理时限', 0),
  undertake: Workdays('承办时限', 0),
  review: Workdays('审核时限', 0),
  approve: Workdays('批准时限', 0),
  finish: Workdays('办结时限', 0),
});
export type StepLimits = z.infer<typeof StepLimitsSchema>;

/** Sum of the limits of the steps after 受理, which must fit in the promised limit. */
export function handlingStepDays(l: StepLimits): number {
  return l.undertake + l.review + l.approve + l.finish;
}

/** Whole-process limit (全流程时限) and the phases' own limits, in working days. */
export const ProcessLimitsSchema = z
  .object({
    total: Workdays('全流程时限'),
    phases: z.object({
      land_planning: Workdays('立项用地规划许可阶段时限'),
      engineering: Workdays('工程建设许可阶段时限'),
      construction: Workdays('施工许可阶段时限'),
      acceptance: Workdays('竣工验收阶段时限'),
    }),
  })
  .refine((v) => Object.values(v.phases).reduce((a, b) => a + b, 0) <= v.total, { message: '各阶段时限之和不能超过全流程时限', path: ['total'] });
export type ProcessLimits = z.infer<typeof ProcessLimitsSchema>;

/**
 * Default limits: 120 working days from 立项 to 竣工验收 (国办发〔2019〕11号), split over
 * the four phases as many local implementation plans do; the admin changes both.
 */
export const DEFAULT_PROCESS_LIMITS: ProcessLimits = {
  total: 120,
  phases: { land_planning: 30, engineering: 35, construction: 25, acceptance: 30 },
};

const Ratio = (what: string) => z.number({ message: `请填写${what}` }).min(-10, `${what}不正确`).max(1, `${what}不能超过100%`);

/**
 * Cut-offs of a quarterly grade: a department earns the highest grade whose every threshold
 * it meets; a threshold on a figure the department does not have (no completed item, no
 * rating) is not applied. Ratios are fractions (0.3 = 30%).
 */
export const GradeCutoffSchema = z.object({
  minSpeedUp: Ratio('最低提速率'),
  maxOverdue: z.number({ message: '请填写最多超时件数' }).int('超时件数应为整数').min(0, '超时件数不能为负'),
  minSatisfaction: Ratio('最低满意率').min(0, '满意率不能为负'),
});
export type GradeCutoff = z.infer<typeof GradeCutoffSchema>;
export const GradeCutoffsSchema = z
  .object({ excellent: GradeCutoffSchema, good: GradeCutoffSchema, pass: GradeCutoffSchema })
  .refine((c) => c.excellent.minSpeedUp >= c.good.minSpeedUp && c.good.minSpeedUp >= c.pass.minSpeedUp, { message: '提速率门槛应为 优秀 ≥ 良好 ≥ 合格', path: ['good', 'minSpeedUp'] })
  .refine((c) => c.excellent.maxOverdue <= c.good.maxOverdue && c.good.maxOverdue <= c.pass.maxOverdue, { message: '超时件数门槛应为 优秀 ≤ 良好 ≤ 合格', path: ['good', 'maxOverdue'] })
  .refine((c) => c.excellent.minSatisfaction >= c.good.minSatisfaction && c.good.minSatisfaction >= c.pass.minSatisfaction, { message: '满意率门槛应为 优秀 ≥ 良好 ≥ 合格', path: ['good', 'minSatisfaction'] });
export type GradeCutoffs = z.infer<typeof GradeCutoffsSchema>;

export const DEFAULT_GRADE_CUTOFFS: GradeCutoffs = {
  excellent: { minSpeedUp: 0.3, maxOverdue: 0, minSatisfaction: 0.95 },
  good: { minSpeedUp: 0.15, maxOverdue: 1, minSatisfaction: 0.9 },
  pass: { minSpeedUp: 0, maxOverdue: 3, minSatisfaction: 0.8 },
};

export const ApprovalSettingsSchema = z.object({ process: ProcessLimitsSchema, grades: GradeCutoffsSchema });
export type ApprovalSettings = z.infer<typeof ApprovalSettingsSchema>;

/* ------------------------------------------------------------------ catalogue (审批事项目录) */

const name = (what: string, max: number) => z.string({ message: `请填写${what}` }).trim().min(1, `请填写${what}`).max(max, `不能超过${max}个字符`);
const optText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `不能超过${max}个字符`)
    .nullish()
    .transform((v) => (v ? v : null));

export const ApprovalItemInputSchema = z
  .object({
    name: name('事项名称', 100),
    /** 事项编码 (the code of the provincial catalogue, or the county's own). */
    code: z
      .string({ message: '请填写事项编码' })
      .trim()
      .min(1, '请填写事项编码')
      .max(30, '不能超过30个字符')
      .regex(/^[0-9A-Za-z_.-]+$/, '事项编码只能包含字母、数字、点、横线和下划线'),
    departmentId: z.number({ message: '请选择办理部门' }).int().positive('请选择办理部门'),
    phase: z.enum(APPROVAL_PHASE_VALUES, { message: '请选择审批阶段' }),
    statutoryDays: Workdays('法定时限'),
    promisedDays: Workdays('承诺时限'),
    stepDays: StepLimitsSchema,
    active: z.boolean().optional(),
    sort: z.number().int().optional(),
  })
  .refine((v) => v.promisedDays <= v.statutoryDays, { message: '承诺时限不能超过法定时限', path: ['promisedDays'] })
  .refine((v) => handlingStepDays(v.stepDays) <= v.promisedDays, { message: '承办、审核、批准、办结时限之和不能超过承诺时限', path: ['stepDays'] });
export type ApprovalItemInput = z.input<typeof ApprovalItemInputSchema>;

export const ApprovalItemSchema = z.object({
  id: z.number(),
  name: z.string(),
  code: z.string(),
  departmentId: z.number(),
  departmentName: z.string().nullable(),
  phase: z.enum(APPROVAL_PHASE_VALUES),
  statutoryDays: z.number(),
  promisedDays: z.number(),
  stepDays: StepLimitsSchema,
  active: z.boolean(),
  sort: z.number(),
  /** Items of projects that use it (it can then only be deactivated, not deleted). */
  used: z.number(),
});
export type ApprovalItem = z.infer<typeof ApprovalItemSchema>;

/* ------------------------------------------------------------------ templates (按项目类型的事项清单) */

const criterion = <T extends [string, ...string[]]>(values: T, what: string) =>
  z
    .enum(values, { message: `${what}不正确` })
    .nullish()
    .transform((v) => v ?? null);

export const ApprovalTemplateInputSchema = z.object({
  name: name('模板名称', 100),
  /** The projects it fits; a criterion left empty matches every project. */
  investmentType: criterion(['government', 'enterprise'], '投资类型'),
  projectField: criterion(['industry', 'service', 'agriculture', 'infrastructure', 'livelihood', 'ecology'], '领域'),
  projectCategory: criterion(['new_start', 'continuing', 'completion', 'preparatory'], '年度类别'),
  itemCodes: z.array(z.string().trim().min(1).max(30), { message: '请选择事项' }).min(1, '至少选择一个事项').max(60, '最多60个事项'),
  active: z.boolean().optional(),
});
export type ApprovalTemplateInput = z.input<typeof ApprovalTemplateInputSchema>;
export const ApprovalTemplateSchema = z.object({
  id: z.number(),
  name: z.string(),
  investmentType: z.string().nullable(),
  projectField: z.string().nullable(),
  projectCategory: z.string().nullable(),
  itemCodes: z.array(z.string()),
  items: z.array(z.object({ id: z.number(), code: z.string(), name: z.string(), phase: z.enum(APPROVAL_PHASE_VALUES), departmentName: z.string().nullable(), promisedDays: z.number() })),
  active: z.boolean(),
  /** Whether the template's criteria fit the project asked about (in a project's list of templates). */
  fits: z.boolean().optional(),
});
export type ApprovalTemplate = z.infer<typeof ApprovalTemplateSchema>;

export const ApplyApprovalTemplateSchema = z.object({
  templateId: z.number({ message: '请选择模板' }).int().positive('请选择模板'),
});
export const AddProjectApprovalSchema = z.object({
  itemId: z.number({ message: '请选择事项' }).int().positive('请选择事项'),
});

/* ------------------------------------------------------------------ a project's items */

export const ApprovalActSchema = z
  .object({
    action: z.enum(APPROVAL_ACTION_VALUES, { message: '操作不正确' }),
    /** Required for 退回补正 and 不予受理; for the other steps an optional opinion (审核意见, 批文文号 …). */
    reason: optText(500),
    version: z.number().int().positive().optional(),
  })
  .refine((v) => (v.action !== 'return' && v.action !== 'reject') || !!v.reason, { message: '请填写原因', path: ['reason'] });
export type ApprovalAct = z.input<typeof ApprovalActSchema>;

export const ApprovalRateSchema = z.object({
  rating: z.enum(APPROVAL_RATING_VALUES, { message: '请选择评价' }),
});
export type ApprovalRate = z.input<typeof ApprovalRateSchema>;

export const SignalLevelSchema = z.enum(['none', ...APPROVAL_SIGNAL_KIND_VALUES]);
export type SignalLevel = z.infer<typeof SignalLevelSchema>;

export const ApprovalStepViewSchema = z.object({
  step: z.enum(APPROVAL_STEP_VALUES),
  limitDays: z.number(),
  startedAt: z.string().nullable(),
  doneAt: z.string().nullable(),
  doneBy: z.string().nullable(),
  /** Working days used, 补正 time excluded. */
  usedDays: z.number().nullable(),
  /** Last day within the limit (while the clock runs). */
  dueDate: z.string().nullable(),
  signal: SignalLevelSchema,
});
export type ApprovalStepView = z.infer<typeof ApprovalStepViewSchema>;

export const ApprovalEventViewSchema = z.object({
  id: z.number(),
  action: z.enum(APPROVAL_ACTION_VALUES),
  at: z.string(),
  userName: z.string().nullable(),
  reason: z.string().nullable(),
});

export const ProjectApprovalSchema = z.object({
  id: z.number(),
  projectId: z.number(),
  projectName: z.string(),
  itemId: z.number(),
  name: z.string(),
  phase: z.enum(APPROVAL_PHASE_VALUES),
  departmentId: z.number(),
  departmentName: z.string().nullable(),
  statutoryDays: z.number(),
  promisedDays: z.number(),
  status: z.enum(APPROVAL_STATUS_VALUES),
  /** The step waiting to be done, null when finished or not applied. */
  currentStep: z.enum(APPROVAL_STEP_VALUES).nullable(),
  submittedAt: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  /** Working days from 受理, 补正 time excluded. */
  usedDays: z.number().nullable(),
  dueDate: z.string().nullable(),
  /** The worst signal of the item and its current step. */
  signal: SignalLevelSchema,
  suspended: z.boolean(),
  rating: z.enum(APPROVAL_RATING_VALUES).nullable(),
  version: z.number(),
  /** Acts the asking user may do now. */
  actions: z.array(z.enum(APPROVAL_ACTION_VALUES)),
  canRate: z.boolean(),
});
export type ProjectApproval = z.infer<typeof ProjectApprovalSchema>;

export const ProjectApprovalDetailSchema = ProjectApprovalSchema.extend({
  steps: z.array(ApprovalStepViewSchema),
  events: z.array(ApprovalEventViewSchema),
});
export type ProjectApprovalDetail = z.infer<typeof ProjectApprovalDetailSchema>;

export const PhaseProgressSchema = z.object({
  phase: z.enum(APPROVAL_PHASE_VALUES),
  limitDays: z.number(),
  usedDays: z.number(),
  items: z.number(),
  completed: z.number(),
  signal: SignalLevelSchema,
});
export const ProjectApprovalsSchema = z.object({
  projectId: z.number(),
  projectName: z.string(),
  items: z.array(ProjectApprovalDetailSchema),
  phases: z.array(PhaseProgressSchema),
  process: z.object({ limitDays: z.number(), usedDays: z.number(), remainingDays: z.number(), signal: SignalLevelSchema }),
  canManage: z.boolean(),
});
export type ProjectApprovals = z.infer<typeof ProjectApprovalsSchema>;

/** Page and page size of a server-paged list, with Chinese messages. */
const paging = (defaultSize: number) => ({
  page: z.coerce.number({ message: '页码不正确' }).int('页码不正确').min(1, '页码不正确').default(1),
  pageSize: z.coerce.number({ message: '每页条数不正确' }).int('每页条数不正确').min(1, '每页条数不正确').max(200, '每页最多200条').default(defaultSize),
});

export const ApprovalListQuerySchema = z.object({
  /** open: in handling or with the applicant for 补正; all (the default): every status. */
  status: z.enum([...APPROVAL_STATUS_VALUES, 'open', 'all'], { message: '状态不正确' }).optional(),
  signal: z.enum(['prompt', 'yellow', 'red', 'any'], { message: '预警不正确' }).optional(),
  q: z.string().trim().max(100, '不能超过100个字符').optional(),
  departmentId: z.coerce.number({ message: '部门不正确' }).int('部门不正确').positive('部门不正确').optional(),
  projectId: z.coerce.number({ message: '项目不正确' }).int('项目不正确').positive('项目不正确').optional(),
  ...paging(20),
});
export type ApprovalListQuery = z.infer<typeof ApprovalListQuerySchema>;
export const ApprovalListSchema = z.object({
  items: z.array(ProjectApprovalSchema),
  /** Items matching the filters (all pages). */
  total: z.number(),
  /** Items of the same filters, without the signal filter, carrying each signal today. */
  signals: z.object({ red: z.number(), yellow: z.number(), prompt: z.number() }),
});
export type ApprovalList = z.infer<typeof ApprovalListSchema>;

/** One overdue item or step for the supervisor (督查视图). */
export const OverdueRowSchema = z.object({
  approvalId: z.number(),
  projectId: z.number(),
  projectName: z.string(),
  itemName: z.string(),
  departmentId: z.number(),
  departmentName: z.string().nullable(),
  scope: z.enum(['step', 'item']),
  step: z.enum(APPROVAL_STEP_VALUES).nullable(),
  limitDays: z.number(),
  usedDays: z.number(),
  overDays: z.number(),
  overdueSince: z.string(),
  finished: z.boolean(),
  signal: z.enum(['yellow', 'red']),
});
export type OverdueRow = z.infer<typeof OverdueRowSchema>;

export const OverdueQuerySchema = z.object({
  departmentId: z.coerce.number({ message: '部门不正确' }).int('部门不正确').positive('部门不正确').optional(),
  /** red: items past their promised limit; yellow: steps past their own limit. */
  signal: z.enum(['red', 'yellow'], { message: '预警不正确' }).optional(),
  ...paging(30),
});
export type OverdueQuery = z.infer<typeof OverdueQuerySchema>;
export const OverdueListSchema = z.object({
  items: z.array(OverdueRowSchema),
  /** Rows matching the filters (all pages). */
  total: z.number(),
  /** Overdue items (red) and late steps (yellow) of the same filters, without the signal filter. */
  red: z.number(),
  yellow: z.number(),
});
export type OverdueList = z.infer<typeof OverdueListSchema>;

/* ------------------------------------------------------------------ efficiency (效能监察) */

const YearSchema = z.coerce.number({ message: '年度不正确' }).int('年度不正确').min(2000, '年度不正确').max(2100, '年度不正确');
const MonthSchema = z.coerce.number({ message: '月份不正确' }).int('月份不正确').min(1, '月份应为1—12').max(12, '月份应为1—12');
const QuarterSchema = z.coerce.number({ message: '季度不正确' }).int('季度不正确').min(1, '季度应为1—4').max(4, '季度应为1—4');
export const EfficiencyMonthQuerySchema = z.object({ year: YearSchema, month: MonthSchema });
export const EfficiencyQuarterQuerySchema = z.object({ year: YearSchema, quarter: QuarterSchema });

export const EfficiencyRowSchema = z.object({
  departmentId: z.number(),
  departmentName: z.string(),
  /** 受理件数 */
  accepted: z.number(),
  /** 办结件数 */
  completed: z.number(),
  /** 平均办结天数 (working days, one decimal); null without completed items. */
  avgDays: z.number().nullable(),
  /** 提速率 = 1 − Σ actual ÷ Σ promised over completed items (fraction); null without completed items. */
  speedUp: z.number().nullable(),
  /** 超时件数: items that went past their promised limit in the period. */
  overdue: z.number(),
  /** 满意率 = (满意 + 基本满意) ÷ rated items; null without ratings. */
  satisfaction: z.number().nullable(),
  rated: z.number(),
  /** Rank (1 = best); null for a department with nothing to rank. */
  rank: z.number().nullable(),
});
export type EfficiencyRow = z.infer<typeof EfficiencyRowSchema>;

export const EfficiencyMonthSchema = z.object({
  year: z.number(),
  month: z.number(),
  rows: z.array(EfficiencyRowSchema),
  top: z.array(EfficiencyRowSchema),
  bottom: z.array(EfficiencyRowSchema),
  /** When the table was published (its figures as of then are on the public page), or null. */
  publishedAt: z.string().nullable(),
});
export type EfficiencyMonth = z.infer<typeof EfficiencyMonthSchema>;

export const EfficiencyGradeRowSchema = EfficiencyRowSchema.extend({ grade: z.enum(EFFICIENCY_GRADE_VALUES).nullable() });
export type EfficiencyGradeRow = z.infer<typeof EfficiencyGradeRowSchema>;
export const EfficiencyQuarterSchema = z.object({
  year: z.number(),
  quarter: z.number(),
  rows: z.array(EfficiencyGradeRowSchema),
  cutoffs: GradeCutoffsSchema,
  publishedAt: z.string().nullable(),
});
export type EfficiencyQuarter = z.infer<typeof EfficiencyQuarterSchema>;

/* ------------------------------------------------------------------ publication (信息公开) */

export const PublishInputSchema = z
  .object({
    kind: z.enum(PUBLIC_TABLE_KIND_VALUES, { message: '请选择公开的表' }),
    /** '2026-03' for the monthly table, '2026Q1' for the quarterly grades. */
    period: z.string({ message: '请选择期间' }),
    published: z.boolean({ message: '请选择是否公开' }),
  })
  .refine((v) => (v.kind === 'department_monthly' ? MONTH_PERIOD_RE : QUARTER_PERIOD_RE).test(v.period), { message: '期间不正确', path: ['period'] });
export type PublishInput = z.infer<typeof PublishInputSchema>;
export const PublicTableSchema = z.object({
  kind: z.enum(PUBLIC_TABLE_KIND_VALUES),
  period: z.string(),
  publishedAt: z.string(),
});
export type PublicTable = z.infer<typeof PublicTableSchema>;
export const PublishedTableSchema = PublicTableSchema.extend({ publishedBy: z.string().nullable() });

/** Public rows carry no personal data: department, figures, rank, grade. */
export const PublicEfficiencySchema = z.object({
  kind: z.enum(PUBLIC_TABLE_KIND_VALUES),
  period: z.string(),
  publishedAt: z.string(),
  rows: z.array(EfficiencyGradeRowSchema),
  top: z.array(EfficiencyGradeRowSchema),
  bottom: z.array(EfficiencyGradeRowSchema),
});
export type PublicEfficiency = z.infer<typeof PublicEfficiencySchema>;
