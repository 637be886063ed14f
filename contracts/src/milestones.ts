import { z } from 'zod';

/** Working-day calendar (工作日历), milestone templates, milestones (倒排工期) and the wall chart (挂图作战). */

export const DayStr = z
  .string({ message: '请填写日期' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s, '日期不存在');

export const DAY_KINDS = [
  { value: 'workday', zh: '工作日', en: 'Workday' },
  { value: 'weekend', zh: '周末', en: 'Weekend' },
  { value: 'holiday', zh: '法定节假日', en: 'Public holiday' },
  { value: 'adjusted', zh: '调休上班', en: 'Adjusted workday' },
] as const;
export type DayKind = (typeof DAY_KINDS)[number]['value'];

export const CalendarDaySchema = z.object({
  date: z.string(),
  isWorkday: z.boolean(),
  /** Official status of the day (chinese-days), before overrides. */
  kind: z.enum(['workday', 'weekend', 'holiday', 'adjusted']),
  name: z.string().nullable(),
  override: z.object({ isWorkday: z.boolean(), name: z.string().nullable() }).nullable(),
});
export type CalendarDay = z.infer<typeof CalendarDaySchema>;
export const CalendarYearSchema = z.object({ year: z.number(), days: z.array(CalendarDaySchema) });
export type CalendarYear = z.infer<typeof CalendarYearSchema>;
export const CalendarQuerySchema = z.object({ year: z.coerce.number({ message: '年度不正确' }).int('年度不正确').min(2000, '年度不正确').max(2100, '年度不正确') });
export const CalendarOverrideSchema = z.object({
  isWorkday: z.boolean({ message: '请选择是否工作日' }),
  name: z.string().trim().max(50, '不能超过50个字符').nullish().transform((v) => (v ? v : null)),
});
export type CalendarOverride = z.infer<typeof CalendarOverrideSchema>;

export const TemplateNodeSchema = z.object({
  name: z.string({ message: '请填写节点名称' }).trim().min(1, '请填写节点名称').max(100, '不能超过100个字符'),
  durationDays: z.number({ message: '请填写工期' }).int('工期应为整数').min(1, '工期至少1个工作日').max(2000, '工期不能超过2000个工作日'),
  responsibleDeptId: z.number().int().positive().nullish(),
});
export type TemplateNode = z.infer<typeof TemplateNodeSchema>;
export const MilestoneTemplateInputSchema = z.object({
  name: z.string({ message: '请填写模板名称' }).trim().min(1, '请填写模板名称').max(100, '不能超过100个字符'),
  nodes: z.array(TemplateNodeSchema, { message: '请填写节点' }).min(1, '至少一个节点').max(60, '最多60个节点'),
  active: z.boolean().optional(),
});
export type MilestoneTemplateInput = z.infer<typeof MilestoneTemplateInputSchema>;
export const MilestoneTemplateSchema = MilestoneTemplateInputSchema.extend({ id: z.number(), active: z.boolean() });
export type MilestoneTemplate = z.infer<typeof MilestoneTemplateSchema>;

export const ApplyTemplateSchema = z.object({
  templateId: z.number({ message: '请选择模板' }).int().positive('请选择模板'),
  targetDate: DayStr,
  /** Replace the project's existing milestones; without it, applying to a project that has milestones is refused. */
  replace: z.boolean().optional(),
});
export type ApplyTemplate = z.infer<typeof ApplyTemplateSchema>;

export const MilestoneSchema = z.object({
  id: z.number(),
  projectId: z.number(),
  seq: z.number(),
  name: z.string(),
  durationDays: z.number().nullable(),
  startDate: z.string().nullable(),
  dueDate: z.string(),
  doneDate: z.string().nullable(),
  responsibleDeptId: z.number().nullable(),
  responsibleDeptName: z.string().nullable(),
  responsiblePerson: z.string().nullable(),
  note: z.string().nullable(),
  version: z.number(),
  /** Not done and due before today (China time). */
  overdue: z.boolean(),
  /** Days past due: today − due when open, done − due when done late; 0 otherwise. */
  daysLate: z.number(),
  /** Whether the asking user may edit all fields, or only done date and note. */
  canEdit: z.enum(['all', 'progress', 'none']).optional(),
});
export type Milestone = z.infer<typeof MilestoneSchema>;

const Person = z.string().trim().max(50, '不能超过50个字符').nullish().transform((v) => (v ? v : null));
const Note = z.string().trim().max(2000, '不能超过2000个字符').nullish().transform((v) => (v ? v : null));

export const MilestoneCreateSchema = z.object({
  name: z.string({ message: '请填写节点名称' }).trim().min(1, '请填写节点名称').max(100, '不能超过100个字符'),
  startDate: DayStr.nullish(),
  dueDate: DayStr,
  doneDate: DayStr.nullish(),
  responsibleDeptId: z.number().int().positive().nullish(),
  responsiblePerson: Person,
  note: Note,
  seq: z.number().int().min(1).optional(),
});
export type MilestoneCreate = z.infer<typeof MilestoneCreateSchema>;

export const MilestonePatchSchema = z.object({
  name: z.string().trim().min(1, '请填写节点名称').max(100, '不能超过100个字符').optional(),
  startDate: DayStr.nullish(),
  dueDate: DayStr.optional(),
  doneDate: DayStr.nullish(),
  responsibleDeptId: z.number().int().positive().nullish(),
  responsiblePerson: Person.optional(),
  note: Note.optional(),
  version: z.number({ message: '缺少版本号' }).int().positive(),
});
export type MilestonePatch = z.infer<typeof MilestonePatchSchema>;

export const GanttQuerySchema = z.object({
  regionCode: z.string().regex(/^(\d{6}|\d{9})$/, '区域代码不正确').optional(),
  leaderId: z.coerce.number().int().positive().optional(),
  projectId: z.coerce.number().int().positive().optional(),
  from: DayStr.optional(),
  to: DayStr.optional(),
});
export type GanttQuery = z.infer<typeof GanttQuerySchema>;

export const GanttSchema = z.object({
  today: z.string(),
  projects: z.array(
    z.object({
      id: z.number(),
      name: z.string(),
      regionName: z.string().nullable(),
      stage: z.string(),
      milestones: z.array(MilestoneSchema),
    }),
  ),
});
export type Gantt = z.infer<typeof GanttSchema>;
