import { z } from 'zod';

/**
 * 重点工作督办 (key tasks): tasks with quantified targets or dated deliverables, sub-tasks down to
 * units and persons, nodes, progress reports on a cadence (weekly, 旬, monthly), review, 督办 with
 * escalation, the 督查 desk and 办结率 statistics. Definitions: docs/tasks.md.
 */

/** The default list of task types (editable: setting `tasks.types`, GET|PUT /api/task-types). */
export const DEFAULT_TASK_TYPES = ['攻坚战役', '改革任务', '重点工作', '领导交办', '建议提案', '民心实事'] as const;

export const TASK_CADENCES = [
  { value: 'weekly', zh: '每周', en: 'Weekly' },
  { value: 'xun', zh: '每旬', en: 'Every ten days (旬)' },
  { value: 'monthly', zh: '每月', en: 'Monthly' },
] as const;
export type TaskCadence = (typeof TASK_CADENCES)[number]['value'];
const CADENCE_VALUES = TASK_CADENCES.map((c) => c.value) as [TaskCadence, ...TaskCadence[]];

/** Units a target may be counted in (free text is allowed; these are offered). */
export const TASK_TARGET_UNITS = ['处', '公里', '万方', '个村', '个', '户', '亩', '亿元', '万元', '%', '件', '家'] as const;

/**
 * Report periods: `2026-06` (month), `2026-06-x1` / `-x2` / `-x3` (旬: days 1–10, 11–20, 21–end),
 * `2026-W23` (ISO week, Monday to Sunday).
 */
export const TASK_PERIOD_RE = /^(\d{4})-(?:(0[1-9]|1[0-2])(?:-x([123]))?|W(0[1-9]|[1-4]\d|5[0-3]))$/;
export const TaskPeriodSchema = z
  .string({ message: '请填写填报期' })
  .trim()
  .regex(TASK_PERIOD_RE, '填报期格式应为 2026-06（月）、2026-06-x2（旬）或 2026-W23（周）');

const DateSchema = z.string({ message: '请选择日期' }).regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const reqText = (max: number, msg: string) => z.string({ message: msg }).trim().min(1, msg).max(max, `不能超过${max}个字符`);
const optText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `不能超过${max}个字符`)
    .nullish()
    .transform((v) => (v ? v : null));
const Id = z.number({ message: '编号无效' }).int().positive('编号无效');
/** An exact decimal as typed (number or text, full-width digits accepted). */
const Decimal = z.union([z.number().finite(), z.string().trim().max(30)]);

export const TaskUnitRefSchema = z.object({
  unitType: z.enum(['region', 'department'], { message: '单位类型无效' }),
  unitId: z.string({ message: '请选择单位' }).trim().min(1, '请选择单位').max(20),
});
export type TaskUnitRef = z.infer<typeof TaskUnitRefSchema>;

export const TaskTargetInputSchema = z.object({
  /** Keeps an existing target (PATCH); absent: a new one. */
  id: Id.optional(),
  name: reqText(100, '请填写目标名称'),
  /** quantity: a figure in a unit; deliverable: a result described in words with its due date. */
  kind: z.enum(['quantity', 'deliverable'], { message: '目标类型无效' }).default('quantity'),
  value: Decimal.nullish(),
  unit: z.string().trim().max(10, '单位不能超过10个字符').nullish().transform((v) => v ?? ''),
  dueDate: DateSchema.nullish().transform((v) => v ?? null),
  /** The year's breakdown (cumulative shares are summed): 12 monthly or 4 quarterly figures, null cells allowed. */
  breakdown: z
    .object({ by: z.enum(['month', 'quarter'], { message: '分解方式无效' }), values: z.array(Decimal.nullable()).max(12) })
    .nullish()
    .transform((v) => v ?? null),
  /** The linked ledger projects' accepted completed investment of the year (万元 / 亿元) or their starts (个) count here. */
  fromProjects: z.boolean().default(false),
  /** The main quantified target (its completion is the task's progress). */
  main: z.boolean().default(false),
  /** A deliverable's completion date. */
  doneDate: DateSchema.nullish().transform((v) => v ?? null),
});
export type TaskTargetInput = z.input<typeof TaskTargetInputSchema>;

export const TaskNodeInputSchema = z.object({
  name: reqText(100, '请填写节点名称'),
  dueDate: DateSchema,
  unit: TaskUnitRefSchema.nullish().transform((v) => v ?? null),
  personId: Id.nullish().transform((v) => v ?? null),
});
export type TaskNodeInput = z.input<typeof TaskNodeInputSchema>;

const taskFields = {
  title: reqText(200, '请填写任务名称'),
  type: reqText(20, '请选择任务类型'),
  year: z.number({ message: '请填写年度' }).int().min(2000, '年度无效').max(2100, '年度无效'),
  /** 牵头领导 (a person). */
  leadLeaderId: Id.nullish().transform((v) => v ?? null),
  leadUnit: TaskUnitRefSchema,
  coUnits: z.array(TaskUnitRefSchema).max(30, '配合单位最多30个').default([]),
  /** 责任人 of a sub-task (a person). */
  personId: Id.nullish().transform((v) => v ?? null),
  /** 跟踪责任人 (a person). */
  followerId: Id.nullish().transform((v) => v ?? null),
  benchmark: optText(500),
  description: optText(2000),
  targets: z.array(TaskTargetInputSchema).max(20, '目标最多20项').default([]),
  cadence: z.enum(CADENCE_VALUES, { message: '请选择填报频次' }).default('monthly'),
  deadline: DateSchema,
  publicCommitment: z.boolean().default(false),
  projectIds: z.array(Id).max(200).default([]),
};

export const TaskInputSchema = z.object({
  ...taskFields,
  /** The parent task (a sub-task; two or three levels). */
  parentId: Id.nullish().transform((v) => v ?? null),
  nodes: z.array(TaskNodeInputSchema).max(50, '节点最多50个').default([]),
});
export type TaskInput = z.input<typeof TaskInputSchema>;

export const TaskPatchSchema = z
  .object({
    title: taskFields.title,
    type: taskFields.type,
    year: taskFields.year,
    leadLeaderId: taskFields.leadLeaderId,
    leadUnit: taskFields.leadUnit,
    coUnits: z.array(TaskUnitRefSchema).max(30, '配合单位最多30个'),
    personId: taskFields.personId,
    followerId: taskFields.followerId,
    benchmark: taskFields.benchmark,
    description: taskFields.description,
    targets: z.array(TaskTargetInputSchema).max(20, '目标最多20项'),
    cadence: z.enum(CADENCE_VALUES, { message: '请选择填报频次' }),
    deadline: DateSchema,
    publicCommitment: z.boolean(),
    projectIds: z.array(Id).max(200),
    /** true: 办结 today (or on doneDate); false: reopened. */
    done: z.boolean(),
    doneDate: DateSchema.nullish(),
  })
  .partial();
export type TaskPatch = z.input<typeof TaskPatchSchema>;

export const TaskNodePatchSchema = z
  .object({ name: reqText(100, '请填写节点名称'), dueDate: DateSchema, done: z.boolean(), doneDate: DateSchema.nullish() })
  .partial();
export type TaskNodePatch = z.infer<typeof TaskNodePatchSchema>;

export const TaskScheduleSchema = z.object({
  nodes: z
    .array(z.object({ name: reqText(100, '请填写节点名称'), durationDays: z.number({ message: '请填写工期' }).int('工期应为整数').min(1, '工期至少1个工作日').max(720, '工期不超过720个工作日') }))
    .min(1, '请至少填写一个节点')
    .max(50, '节点最多50个'),
});
export type TaskSchedule = z.infer<typeof TaskScheduleSchema>;

export const TaskFigureInputSchema = z.object({ targetId: Id, value: Decimal, unit: z.string().trim().max(10).nullish().transform((v) => v ?? null) });

export const TaskReportInputSchema = z.object({
  period: TaskPeriodSchema,
  figures: z.array(TaskFigureInputSchema).max(20).default([]),
  text: optText(4000),
  nodeIdsDone: z.array(Id).max(50).default([]),
  /** false: keep as a draft. */
  submit: z.boolean().default(true),
});
export type TaskReportInput = z.input<typeof TaskReportInputSchema>;

export const TaskReviewSchema = z
  .object({ action: z.enum(['accept', 'return'], { message: '请选择审核结果' }), reason: optText(500) })
  .refine((v) => v.action !== 'return' || !!v.reason, { message: '退回须写明原因', path: ['reason'] });
export type TaskReview = z.infer<typeof TaskReviewSchema>;

export const TaskUrgeInputSchema = z
  .object({
    reason: reqText(500, '请填写督办事由'),
    limitDays: z.number().int('时限应为整数').min(1, '时限至少1个工作日').max(120, '时限不超过120个工作日').nullish(),
    dueDate: DateSchema.nullish(),
  })
  .refine((v) => !!v.limitDays || !!v.dueDate, { message: '请填写办理时限（工作日）或截止日期', path: ['limitDays'] });
export type TaskUrgeInput = z.infer<typeof TaskUrgeInputSchema>;

export const TaskUrgeAnswerSchema = z.object({ text: reqText(2000, '请填写答复内容') });

export const TaskTypesSchema = z.object({ types: z.array(reqText(20, '类型名称不能为空')).min(1, '至少一个类型').max(30, '最多30个类型') });

export const TASK_LIGHT_FILTER_VALUES = ['red', 'yellow', 'green', 'none', 'done'] as const;
export type TaskLightFilter = (typeof TASK_LIGHT_FILTER_VALUES)[number];

export const TaskListQuerySchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  type: z.string().trim().max(20).optional(),
  q: z.string().trim().max(50).optional(),
  /** Root tasks only (default) or every level. */
  all: z.enum(['true', 'false']).optional(),
  /** The light as the list shows it: red/yellow/green (not done), none (not done, no light yet), done (办结). */
  light: z.enum(TASK_LIGHT_FILTER_VALUES, { message: '亮灯应为 red、yellow、green、none 或 done' }).optional(),
  /** The lead unit as `region:330122103` or `department:12`; tasks of every level it leads. */
  leadUnit: z
    .string()
    .trim()
    .regex(/^(region|department):[0-9A-Za-z]{1,20}$/, '牵头单位格式应为 region:区域代码 或 department:部门编号')
    .optional(),
});

export const TaskStatsQuerySchema = z.object({
  /** 2026-06, 2026-Q2, 2026-H1 or 2026 (default: the current month). */
  period: z
    .string()
    .trim()
    .regex(/^\d{4}(?:-(0[1-9]|1[0-2])|-Q[1-4]|-H[12])?$/, '期别格式应为 2026-06、2026-Q2、2026-H1 或 2026')
    .optional(),
});

// ---------------------------------------------------------------- responses

const LightSchema = z.enum(['green', 'yellow', 'red']).nullable();

export const TaskUnitSchema = TaskUnitRefSchema.extend({ unitName: z.string(), role: z.enum(['lead', 'co']) });

export const TaskTargetSchema = z.object({
  id: z.number(),
  name: z.string(),
  kind: z.enum(['quantity', 'deliverable']),
  value: z.string().nullable(),
  unit: z.string(),
  dueDate: z.string().nullable(),
  doneDate: z.string().nullable(),
  breakdown: z.object({ by: z.enum(['month', 'quarter']), values: z.array(z.string().nullable()) }).nullable(),
  fromProjects: z.boolean(),
  main: z.boolean(),
  /** Figure reached (docs/tasks.md): the latest accepted report plus, for fromProjects, the linked projects. */
  reached: z.string().nullable(),
  fromProjectsValue: z.string().nullable(),
  progress: z.number().nullable(),
  timeProgress: z.number().nullable(),
  deviation: z.number().nullable(),
  light: LightSchema,
  detail: z.string().nullable(),
});

export const TaskNodeSchema = z.object({
  id: z.number(),
  seq: z.number(),
  name: z.string(),
  dueDate: z.string(),
  unitName: z.string().nullable(),
  personName: z.string().nullable(),
  doneDate: z.string().nullable(),
  light: LightSchema,
  overdueDays: z.number(),
});

export const TaskFileSchema = z.object({ id: z.number(), name: z.string(), mime: z.string(), size: z.number(), kind: z.string(), uploadedAt: z.string() });

export const TaskReportSchema = z.object({
  id: z.number(),
  taskId: z.number(),
  period: z.string(),
  periodLabel: z.string(),
  status: z.enum(['draft', 'submitted', 'returned', 'accepted']),
  figures: z.array(z.object({ targetId: z.number(), value: z.string(), unit: z.string() })),
  text: z.string().nullable(),
  nodeIdsDone: z.array(z.number()),
  submittedAt: z.string().nullable(),
  submittedByName: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  returnReason: z.string().nullable(),
  files: z.array(TaskFileSchema),
});
export type TaskReport = z.infer<typeof TaskReportSchema>;

export const TaskUrgeSchema = z.object({
  id: z.number(),
  taskId: z.number(),
  taskTitle: z.string(),
  reason: z.string(),
  dueDate: z.string(),
  level: z.number(),
  levelName: z.string(),
  status: z.enum(['open', 'answered']),
  overdue: z.boolean(),
  overdueDays: z.number(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
});
export type TaskUrge = z.infer<typeof TaskUrgeSchema>;

export const TaskListItemSchema = z.object({
  id: z.number(),
  parentId: z.number().nullable(),
  depth: z.number(),
  title: z.string(),
  type: z.string(),
  year: z.number(),
  leadLeaderName: z.string().nullable(),
  leadUnitName: z.string(),
  coUnitNames: z.array(z.string()),
  personName: z.string().nullable(),
  deadline: z.string(),
  cadence: z.enum(CADENCE_VALUES),
  done: z.boolean(),
  doneDate: z.string().nullable(),
  light: LightSchema,
  lightReason: z.string().nullable(),
  progress: z.number().nullable(),
});
export type TaskListItem = z.infer<typeof TaskListItemSchema>;

export const TaskDetailSchema = TaskListItemSchema.extend({
  leadLeaderId: z.number().nullable(),
  leadUnit: TaskUnitRefSchema,
  units: z.array(TaskUnitSchema),
  personId: z.number().nullable(),
  followerId: z.number().nullable(),
  followerName: z.string().nullable(),
  benchmark: z.string().nullable(),
  description: z.string().nullable(),
  publicCommitment: z.boolean(),
  targets: z.array(TaskTargetSchema),
  nodes: z.array(TaskNodeSchema),
  subTasks: z.array(TaskListItemSchema),
  projects: z.array(z.object({ id: z.number(), name: z.string(), stage: z.string(), actualStart: z.string().nullable(), completed: z.string() })),
  projectRollup: z.object({ completed: z.string(), started: z.number(), total: z.number() }),
  reports: z.array(TaskReportSchema),
  urges: z.array(TaskUrgeSchema),
  files: z.array(TaskFileSchema),
  /** Open report periods the lead unit may report for now. */
  openPeriods: z.array(z.string()),
  /** The user may report progress for this task now: holds task:report, acts for its lead unit, and a period is open. */
  canReport: z.boolean(),
  version: z.number(),
});
export type TaskDetail = z.infer<typeof TaskDetailSchema>;

export const TaskUnitStatsSchema = z.object({
  unitType: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  total: z.number(),
  done: z.number(),
  onTime: z.number(),
  overdue: z.number(),
  /** 办结率 in % (2 decimals), null when nothing was due. */
  doneRate: z.number().nullable(),
  /** 按时办结率 in %, null when nothing was due. */
  onTimeRate: z.number().nullable(),
  /** Rank by 按时办结率 (competition rank), null when nothing was due. */
  rank: z.number().nullable(),
});

export const OverdueNodeSchema = z.object({ taskId: z.number(), taskTitle: z.string(), nodeId: z.number(), name: z.string(), dueDate: z.string(), overdueDays: z.number(), unitName: z.string() });
export const MissingReportSchema = z.object({ taskId: z.number(), taskTitle: z.string(), period: z.string(), periodLabel: z.string(), leadUnitName: z.string() });

export const SupervisionBulletinSchema = z.object({
  period: z.string(),
  from: z.string(),
  to: z.string(),
  asOf: z.string(),
  /** The per-unit rates count the items due from `from` to this date: the period's end, or the as-of date in a period still running (what is not due yet is not counted). */
  dueUntil: z.string(),
  counts: z.object({ total: z.number(), done: z.number(), green: z.number(), yellow: z.number(), red: z.number() }),
  overdueNodes: z.array(OverdueNodeSchema),
  tasks: z.array(TaskListItemSchema),
  urges: z.array(TaskUrgeSchema),
  missingReports: z.array(MissingReportSchema),
  units: z.array(TaskUnitStatsSchema),
});
export type SupervisionBulletin = z.infer<typeof SupervisionBulletinSchema>;

export const TaskOverdueQuerySchema = z.object({
  /** The most pressing rows of each list (default 200, at most 5000): a province's desk has thousands; `totals` counts them all. */
  limit: z.coerce.number({ message: '条数应为数字' }).int('条数应为整数').min(1, '条数至少为1').max(5000, '条数最多5000').optional(),
});
export const TaskOverdueSchema = SupervisionBulletinSchema.pick({ asOf: true, overdueNodes: true, tasks: true, urges: true, missingReports: true }).extend({
  /** How many rows each list has in all (a list is cut at `limit`, the most pressing first). */
  totals: z.object({ overdueNodes: z.number(), tasks: z.number(), urges: z.number(), missingReports: z.number() }),
  limit: z.number(),
});
export const TaskStatsSchema = SupervisionBulletinSchema.pick({ period: true, from: true, to: true, asOf: true, dueUntil: true, counts: true, units: true });

export const TaskImportResultSchema = z.object({
  dryRun: z.boolean(),
  total: z.number(),
  /** Tasks created, updated (an existing task of the year with the row's title), left as they were — 0 on a dry run or with errors. */
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  /** What the import does (a dry run without errors): tasks it creates and updates. */
  wouldCreate: z.number(),
  wouldUpdate: z.number(),
  errors: z.array(z.object({ row: z.number(), message: z.string() })),
  rows: z.array(
    z.object({
      row: z.number(),
      title: z.string(),
      leadLeaderName: z.string().nullable(),
      leadUnitName: z.string(),
      coUnitNames: z.array(z.string()),
      deadline: z.string(),
      /** create: a new task; update: the existing task `taskId` changes; unchanged: it is already so. */
      action: z.enum(['create', 'update', 'unchanged']),
      /** A sub-task (序号 1.2): the row of its parent. */
      parentRow: z.number().nullable(),
      taskId: z.number().nullable(),
    }),
  ),
});
export type TaskImportResult = z.infer<typeof TaskImportResultSchema>;
