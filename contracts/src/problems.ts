import { z } from 'zod';

/** 问题解决清单: problems met by projects, answered within a limit, escalated up a ladder. */

export const PROBLEM_CATEGORIES = [
  { value: 'land', zh: '土地', en: 'Land' },
  { value: 'demolition', zh: '征地拆迁', en: 'Land acquisition and demolition' },
  { value: 'funding', zh: '资金', en: 'Funding' },
  { value: 'approval', zh: '手续', en: 'Approvals' },
  { value: 'utilities', zh: '水电路气', en: 'Water, power, roads, gas' },
  { value: 'construction', zh: '施工环境', en: 'Construction environment' },
  { value: 'policy', zh: '政策', en: 'Policy' },
  { value: 'other', zh: '其他', en: 'Other' },
] as const;
export type ProblemCategory = (typeof PROBLEM_CATEGORIES)[number]['value'];
export const PROBLEM_CATEGORY_VALUES = PROBLEM_CATEGORIES.map((c) => c.value) as [ProblemCategory, ...ProblemCategory[]];

export const PROBLEM_SOURCES = [
  { value: 'unit', zh: '项目单位', en: 'Project unit' },
  { value: 'report', zh: '月报', en: 'Monthly report' },
  { value: 'dispatcher', zh: '调度员', en: 'Dispatcher' },
  { value: 'promotion', zh: '招商', en: 'Investment promotion' },
] as const;
export type ProblemSource = (typeof PROBLEM_SOURCES)[number]['value'];

export const PROBLEM_STATUSES = [
  { value: 'pending', zh: '待受理', en: 'Pending' },
  { value: 'handling', zh: '办理中', en: 'Handling' },
  { value: 'answered_solved', zh: '已办结', en: 'Solved' },
  { value: 'deferred', zh: '暂缓', en: 'Deferred' },
  { value: 'closed', zh: '已销号', en: 'Closed' },
] as const;
export type ProblemStatus = (typeof PROBLEM_STATUSES)[number]['value'];
export const PROBLEM_STATUS_VALUES = PROBLEM_STATUSES.map((s) => s.value) as [ProblemStatus, ...ProblemStatus[]];
/** A problem is open (its limit runs, it can escalate) while pending or handling. */
export const OPEN_PROBLEM_STATUSES: readonly ProblemStatus[] = ['pending', 'handling'];

export const PROBLEM_RATINGS = [
  { value: 'satisfied', zh: '满意', en: 'Satisfied' },
  { value: 'basic', zh: '基本满意', en: 'Basically satisfied' },
  { value: 'unsatisfied', zh: '不满意', en: 'Unsatisfied' },
] as const;
export type ProblemRating = (typeof PROBLEM_RATINGS)[number]['value'];
export const PROBLEM_RATING_VALUES = PROBLEM_RATINGS.map((s) => s.value) as [ProblemRating, ...ProblemRating[]];

export const PROBLEM_EVENT_KINDS = [
  { value: 'raised', zh: '提出问题', en: 'Raised' },
  { value: 'assigned', zh: '交办', en: 'Assigned' },
  { value: 'accepted', zh: '受理', en: 'Accepted' },
  { value: 'escalated', zh: '超期升级', en: 'Escalated' },
  { value: 'answered', zh: '办结答复', en: 'Answered' },
  { value: 'deferred', zh: '暂缓答复', en: 'Deferred' },
  { value: 'rated', zh: '评价', en: 'Rated' },
  { value: 'reopened', zh: '重新办理', en: 'Reopened' },
  { value: 'closed', zh: '销号', en: 'Closed' },
  { value: 'attached', zh: '上传附件', en: 'Attachment added' },
] as const;
export type ProblemEventKind = (typeof PROBLEM_EVENT_KINDS)[number]['value'];

/** Who holds a problem at a level of the ladder. */
export const LADDER_HOLDERS = [
  { value: 'responsible', zh: '承办单位（交办时指定）', en: 'The responsible unit (set on assignment)' },
  { value: 'in_charge_leader', zh: '承办单位的分管领导', en: 'Leader in charge of the responsible unit' },
  { value: 'project_leaders', zh: '项目的包保领导', en: "The project's assigned leaders" },
  { value: 'dispatchers', zh: '调度员（县委县政府调度会）', en: 'Dispatchers (county dispatch meeting)' },
] as const;
export type LadderHolder = (typeof LADDER_HOLDERS)[number]['value'];
export const LADDER_HOLDER_VALUES = LADDER_HOLDERS.map((h) => h.value) as [LadderHolder, ...LadderHolder[]];

export const LadderLevelSchema = z.object({
  name: z.string().trim().min(1, '请填写层级名称').max(30, '不能超过30个字符'),
  /** Working days this level has before the problem moves up (level 0: the default on assignment). */
  limitDays: z.number({ message: '请填写时限' }).int('时限应为整数').min(1, '时限至少1个工作日').max(120, '时限不超过120个工作日'),
  holder: z.enum(LADDER_HOLDER_VALUES, { message: '请选择处理人' }),
});
export type LadderLevel = z.infer<typeof LadderLevelSchema>;

export const LadderSchema = z.object({
  levels: z
    .array(LadderLevelSchema)
    .min(2, '至少两个层级')
    .max(6, '最多六个层级')
    .refine((l) => l[0]?.holder === 'responsible', { message: '第一层级应为承办单位', path: [0, 'holder'] }),
});
export type Ladder = z.infer<typeof LadderSchema>;

/** The default ladder (洛宁、桐庐): 承办部门 → 分管领导 → 包保领导 → 县委县政府调度会. */
export const DEFAULT_LADDER: Ladder = {
  levels: [
    { name: '承办部门', limitDays: 5, holder: 'responsible' },
    { name: '分管领导', limitDays: 5, holder: 'in_charge_leader' },
    { name: '包保领导', limitDays: 5, holder: 'project_leaders' },
    { name: '县委县政府调度会', limitDays: 10, holder: 'dispatchers' },
  ],
};

const DateSchema = z.string({ message: '请选择日期' }).regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const reqText = (max: number, msg: string) => z.string({ message: msg }).trim().min(1, msg).max(max, `不能超过${max}个字符`);
const optText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `不能超过${max}个字符`)
    .nullish()
    .transform((v) => (v ? v : null));
const LimitSchema = z.number({ message: '请填写办理时限' }).int('时限应为整数').min(1, '时限至少1个工作日').max(120, '时限不超过120个工作日');
const VersionSchema = z.number().int().positive();

export const ProblemCreateSchema = z.object({
  projectId: z.number({ message: '请选择项目' }).int().positive('请选择项目'),
  category: z.enum(PROBLEM_CATEGORY_VALUES, { message: '请选择问题类别' }),
  title: reqText(100, '请填写问题标题'),
  description: reqText(2000, '请描述问题'),
});
export type ProblemCreate = z.infer<typeof ProblemCreateSchema>;

export const ProblemAssignSchema = z.object({
  responsibleDeptId: z.number({ message: '请选择承办单位' }).int().positive('请选择承办单位'),
  responsibleUserId: z.number().int().positive().nullish().transform((v) => v ?? null),
  limitDays: LimitSchema,
  note: optText(500),
  version: VersionSchema,
});
export type ProblemAssign = z.infer<typeof ProblemAssignSchema>;

export const ProblemAcceptSchema = z.object({ note: optText(500), version: VersionSchema });
export type ProblemAccept = z.infer<typeof ProblemAcceptSchema>;

export const ProblemAnswerSchema = z
  .object({
    /** solved 已办结, or deferred 暂缓: cannot be solved now, with the condition and a date. */
    outcome: z.enum(['solved', 'deferred'], { message: '请选择办理结果' }),
    answer: reqText(2000, '请填写答复意见'),
    deferralCondition: optText(500),
    deferralDate: DateSchema.nullish().transform((v) => v ?? null),
    version: VersionSchema,
  })
  .superRefine((v, c) => {
    if (v.outcome !== 'deferred') return;
    if (!v.deferralCondition) c.addIssue({ code: 'custom', path: ['deferralCondition'], message: '暂缓须写明可以解决的条件' });
    if (!v.deferralDate) c.addIssue({ code: 'custom', path: ['deferralDate'], message: '暂缓须写明预计解决的日期' });
  });
export type ProblemAnswer = z.infer<typeof ProblemAnswerSchema>;

export const ProblemRateSchema = z.object({
  rating: z.enum(PROBLEM_RATING_VALUES, { message: '请选择评价' }),
  note: optText(500),
  /** 不满意: the new limit in working days (default: the limit of the current level). */
  limitDays: LimitSchema.optional(),
  version: VersionSchema,
});
export type ProblemRate = z.infer<typeof ProblemRateSchema>;

export const PROBLEM_TABS = ['mine', 'todo', 'overdue', 'all'] as const;
export type ProblemTab = (typeof PROBLEM_TABS)[number];

export const ProblemListQuerySchema = z.object({
  /** mine: raised by me; todo: waiting for me (my unit, my level, to assign, to rate); overdue; all. */
  tab: z.enum(PROBLEM_TABS).default('all'),
  status: z.enum(PROBLEM_STATUS_VALUES).optional(),
  level: z.coerce.number().int().min(0).max(5).optional(),
  category: z.enum(PROBLEM_CATEGORY_VALUES).optional(),
  projectId: z.coerce.number().int().positive().optional(),
  deptId: z.coerce.number().int().positive().optional(),
  /** The problem raised from this monthly report. */
  reportId: z.coerce.number().int().positive().optional(),
  keyword: z.string().trim().max(50).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type ProblemListQuery = z.infer<typeof ProblemListQuerySchema>;

export const ProblemSchema = z.object({
  id: z.number(),
  projectId: z.number(),
  projectName: z.string(),
  regionCode: z.string(),
  source: z.string(),
  category: z.string(),
  title: z.string(),
  status: z.enum(PROBLEM_STATUS_VALUES),
  level: z.number(),
  levelName: z.string(),
  responsibleDeptId: z.number().nullable(),
  responsibleDeptName: z.string().nullable(),
  responsibleUserId: z.number().nullable(),
  responsibleUserName: z.string().nullable(),
  raisedBy: z.number(),
  raisedByName: z.string(),
  raisedAt: z.string(),
  limitDays: z.number().nullable(),
  dueDate: z.string().nullable(),
  /** Working days past the due date (0 when not overdue). */
  overdueDays: z.number(),
  rating: z.string().nullable(),
  version: z.number(),
});
export type Problem = z.infer<typeof ProblemSchema>;

export const ProblemListSchema = z.object({
  items: z.array(ProblemSchema),
  total: z.number(),
  /** Counts of the tabs for the same user and filters, and of the open ones (待受理 or 办理中) among all. */
  counts: z.object({ mine: z.number(), todo: z.number(), overdue: z.number(), all: z.number(), open: z.number() }),
});
export type ProblemList = z.infer<typeof ProblemListSchema>;

export const ProblemEventSchema = z.object({
  id: z.number(),
  kind: z.string(),
  actorName: z.string().nullable(),
  at: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  fromLevel: z.number().nullable(),
  toLevel: z.number().nullable(),
  dueDate: z.string().nullable(),
  note: z.string().nullable(),
});
export type ProblemEvent = z.infer<typeof ProblemEventSchema>;

export const ProblemAttachmentSchema = z.object({
  id: z.number(),
  originalName: z.string().nullable(),
  mime: z.string(),
  size: z.number(),
  uploadedByName: z.string().nullable(),
  createdAt: z.string(),
});
export type ProblemAttachment = z.infer<typeof ProblemAttachmentSchema>;

export const ProblemDetailSchema = ProblemSchema.extend({
  description: z.string(),
  reportId: z.number().nullable(),
  reportMonth: z.string().nullable(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  answeredByName: z.string().nullable(),
  deferralCondition: z.string().nullable(),
  deferralDate: z.string().nullable(),
  ratingNote: z.string().nullable(),
  closedAt: z.string().nullable(),
  holders: z.array(z.object({ id: z.number(), name: z.string() })),
  attachments: z.array(ProblemAttachmentSchema),
  events: z.array(ProblemEventSchema),
  abilities: z.object({ assign: z.boolean(), accept: z.boolean(), answer: z.boolean(), rate: z.boolean(), attach: z.boolean() }),
});
export type ProblemDetail = z.infer<typeof ProblemDetailSchema>;

export const ProblemStatsQuerySchema = z.object({
  /** Problems raised from this date (inclusive), and to this date. */
  from: DateSchema.optional(),
  to: DateSchema.optional(),
});
export type ProblemStatsQuery = z.infer<typeof ProblemStatsQuerySchema>;

/** Counts per responsible unit for the bulletin (月通报). */
export const ProblemStatsRowSchema = z.object({
  deptId: z.number().nullable(),
  deptName: z.string(),
  /** Problems assigned to the unit. */
  raised: z.number(),
  /** Answered as solved (已办结, or closed after a solved answer). */
  solved: z.number(),
  /** Answered as 暂缓. */
  deferred: z.number(),
  /** Still open (待受理 / 办理中). */
  open: z.number(),
  /** Past the unit's limit: escalated at least once, or open past the due date. */
  overdue: z.number(),
  /** Average working days from assignment to answer; null when nothing answered. */
  avgDays: z.number().nullable(),
});
export type ProblemStatsRow = z.infer<typeof ProblemStatsRowSchema>;
export const ProblemStatsSchema = z.object({ rows: z.array(ProblemStatsRowSchema), total: ProblemStatsRowSchema });
export type ProblemStats = z.infer<typeof ProblemStatsSchema>;

export const AssigneeSchema = z.object({ id: z.number(), name: z.string(), title: z.string().nullable() });
export type Assignee = z.infer<typeof AssigneeSchema>;
