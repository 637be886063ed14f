import { z } from 'zod';
import { PROBLEM_RATING_VALUES } from './problems.js';
import { PERIOD_RE } from './indicators.js';

/**
 * 领导交办事项与建议提案: items assigned by a leader or a meeting to a unit, each answered within
 * its limit in working days ("件件有答复、事事有着落"), rated by the assigner, escalated up the
 * problems' ladder when unanswered past the limit. Definitions: docs/assignments.md.
 */

export const ASSIGNMENT_KINDS = [
  { value: '交办', zh: '领导交办', en: 'Leader-assigned item' },
  { value: '建议提案', zh: '建议提案', en: 'Proposal' },
] as const;
export type AssignmentKind = (typeof ASSIGNMENT_KINDS)[number]['value'];
export const ASSIGNMENT_KIND_VALUES = ASSIGNMENT_KINDS.map((k) => k.value) as [AssignmentKind, ...AssignmentKind[]];

/** Where an item comes from: a meeting (its name and date) or a leader directly. */
export const ASSIGNMENT_SOURCES = [
  { value: 'meeting', zh: '会议交办', en: 'Meeting' },
  { value: 'leader', zh: '领导交办', en: 'Leader' },
] as const;
export type AssignmentSource = (typeof ASSIGNMENT_SOURCES)[number]['value'];
export const ASSIGNMENT_SOURCE_VALUES = ASSIGNMENT_SOURCES.map((k) => k.value) as [AssignmentSource, ...AssignmentSource[]];

/** open 办理中 → answered 已答复（待评价） → closed 已办结（满意、基本满意）; 不满意 → open again. */
export const ASSIGNMENT_STATUSES = [
  { value: 'open', zh: '办理中', en: 'Open' },
  { value: 'answered', zh: '已答复待评价', en: 'Answered' },
  { value: 'closed', zh: '已办结', en: 'Closed' },
] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number]['value'];
export const ASSIGNMENT_STATUS_VALUES = ASSIGNMENT_STATUSES.map((k) => k.value) as [AssignmentStatus, ...AssignmentStatus[]];

export const ASSIGNMENT_EVENT_KINDS = [
  { value: 'created', zh: '交办', en: 'Assigned' },
  { value: 'escalated', zh: '超期升级', en: 'Escalated' },
  { value: 'answered', zh: '答复', en: 'Answered' },
  { value: 'rated', zh: '评价', en: 'Rated' },
  { value: 'reopened', zh: '重新办理', en: 'Reopened' },
  { value: 'closed', zh: '办结', en: 'Closed' },
] as const;

const DateSchema = z.string({ message: '请选择日期' }).regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const reqText = (max: number, msg: string) => z.string({ message: msg }).trim().min(1, msg).max(max, `不能超过${max}个字符`);
const optText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `不能超过${max}个字符`)
    .nullish()
    .transform((v) => (v ? v : null));
const VersionSchema = z.number().int().positive();

/** An assignee or co-unit: a region (its code) or a department (its id). */
export const AssignmentUnitSchema = z.object({
  unitType: z.enum(['region', 'department'], { message: '请选择单位类型' }),
  unitId: z.string({ message: '请选择单位' }).trim().min(1, '请选择单位').max(20),
});
export type AssignmentUnit = z.infer<typeof AssignmentUnitSchema>;
export const AssignmentUnitNamedSchema = AssignmentUnitSchema.extend({ name: z.string() });

export const AssignmentCreateSchema = z
  .object({
    kind: z.enum(ASSIGNMENT_KIND_VALUES, { message: '请选择类别' }),
    title: reqText(200, '请填写标题'),
    content: reqText(4000, '请填写内容'),
    source: z.enum(ASSIGNMENT_SOURCE_VALUES, { message: '请选择来源' }),
    meetingName: optText(100),
    meetingDate: DateSchema.nullish().transform((v) => v ?? null),
    /** The assigner (a person); default: the creating user's person. */
    assignerPersonId: z.number().int().positive().nullish().transform((v) => v ?? null),
    assignee: AssignmentUnitSchema,
    coUnits: z.array(AssignmentUnitSchema).max(20, '协办单位最多20个').default([]),
    /** The limit in working days, or a due date. */
    limitDays: z.number().int('时限应为整数').min(1, '时限至少1个工作日').max(250, '时限不超过250个工作日').nullish().transform((v) => v ?? null),
    dueDate: DateSchema.nullish().transform((v) => v ?? null),
  })
  .superRefine((v, c) => {
    if (v.source === 'meeting' && !v.meetingName) c.addIssue({ code: 'custom', path: ['meetingName'], message: '会议交办须填写会议名称' });
    if (v.source === 'meeting' && !v.meetingDate) c.addIssue({ code: 'custom', path: ['meetingDate'], message: '会议交办须填写会议日期' });
    if (!v.limitDays && !v.dueDate) c.addIssue({ code: 'custom', path: ['limitDays'], message: '请填写办理时限（工作日）或办结日期' });
    if (v.limitDays && v.dueDate) c.addIssue({ code: 'custom', path: ['dueDate'], message: '办理时限和办结日期只填一项' });
  });
export type AssignmentCreate = z.infer<typeof AssignmentCreateSchema>;

export const AssignmentAnswerSchema = z.object({ answer: reqText(4000, '请填写答复意见'), version: VersionSchema });
export type AssignmentAnswer = z.infer<typeof AssignmentAnswerSchema>;

export const AssignmentRateSchema = z.object({
  rating: z.enum(PROBLEM_RATING_VALUES, { message: '请选择评价' }),
  note: optText(500),
  /** 不满意: the new limit in working days (default: the limit of the current level). */
  limitDays: z.number().int().min(1).max(120).optional(),
  version: VersionSchema,
});
export type AssignmentRate = z.infer<typeof AssignmentRateSchema>;

export const AssignmentListQuerySchema = z.object({
  kind: z.enum(ASSIGNMENT_KIND_VALUES).optional(),
  status: z.enum(ASSIGNMENT_STATUS_VALUES).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  keyword: z.string().trim().max(50).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type AssignmentListQuery = z.infer<typeof AssignmentListQuerySchema>;

export const AssignmentSchema = z.object({
  id: z.number(),
  kind: z.enum(ASSIGNMENT_KIND_VALUES),
  title: z.string(),
  source: z.enum(ASSIGNMENT_SOURCE_VALUES),
  meetingName: z.string().nullable(),
  meetingDate: z.string().nullable(),
  assignerPersonId: z.number().nullable(),
  assignerName: z.string().nullable(),
  assignee: AssignmentUnitNamedSchema,
  coUnits: z.array(AssignmentUnitNamedSchema),
  status: z.enum(ASSIGNMENT_STATUS_VALUES),
  /** Index in the problems' ladder; 0 = the assignee unit. */
  level: z.number(),
  levelName: z.string(),
  limitDays: z.number().nullable(),
  /** The limit (stays where it is): 按时 means answered on or before it. */
  dueDate: z.string(),
  /** Due date at the current level (moves with escalation and 不满意). */
  levelDueDate: z.string(),
  /** Working days past the current level's due date while open (0 otherwise). */
  overdueDays: z.number(),
  answeredAt: z.string().nullable(),
  rating: z.string().nullable(),
  createdAt: z.string(),
  version: z.number(),
});
export type Assignment = z.infer<typeof AssignmentSchema>;

export const AssignmentListSchema = z.object({ items: z.array(AssignmentSchema), total: z.number() });
export type AssignmentList = z.infer<typeof AssignmentListSchema>;

export const AssignmentEventSchema = z.object({
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

export const AssignmentDetailSchema = AssignmentSchema.extend({
  content: z.string(),
  answer: z.string().nullable(),
  answeredByName: z.string().nullable(),
  ratingNote: z.string().nullable(),
  closedAt: z.string().nullable(),
  holders: z.array(z.object({ id: z.number(), name: z.string() })),
  events: z.array(AssignmentEventSchema),
  abilities: z.object({ answer: z.boolean(), rate: z.boolean() }),
});
export type AssignmentDetail = z.infer<typeof AssignmentDetailSchema>;

export const AssignmentStatsQuerySchema = z.object({
  /** 2026-11, 2026-Q4, 2026-H2 or 2026 (default: the current year). */
  period: z.string().trim().regex(PERIOD_RE, '期别格式应为 2026-11、2026-Q4、2026-H2 或 2026').optional(),
});
export type AssignmentStatsQuery = z.infer<typeof AssignmentStatsQuerySchema>;

export const AssignmentStatsRowSchema = z.object({
  unitType: z.enum(['region', 'department']).nullable(),
  unitId: z.string().nullable(),
  unitName: z.string(),
  /** Items whose limit falls in the period. */
  due: z.number(),
  /** Of those, answered (done; the rating follows). */
  done: z.number(),
  /** Of those, answered on or before their limit. */
  onTime: z.number(),
  /** 办结率 in % (null: nothing due, shown "—"). */
  doneRate: z.number().nullable(),
  /** 按时办结率 in % (null: nothing due). */
  onTimeRate: z.number().nullable(),
});
export type AssignmentStatsRow = z.infer<typeof AssignmentStatsRowSchema>;
export const AssignmentStatsSchema = z.object({ period: z.string(), from: z.string(), to: z.string(), rows: z.array(AssignmentStatsRowSchema), total: AssignmentStatsRowSchema });
export type AssignmentStats = z.infer<typeof AssignmentStatsSchema>;
