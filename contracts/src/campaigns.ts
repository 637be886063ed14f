import { z } from 'zod';
import { LIGHTS } from './warnings.js';

/**
 * 攻坚行动 (e.g. 大干60天): a named span of dates with selected items — key tasks, ledger projects and
 * indicator targets — each with what is due by the end ("对照指标、逐项检查"), a countdown, and each
 * item's progress against the time elapsed. Definitions: docs/assignments.md.
 */

const DateSchema = z.string({ message: '请选择日期' }).regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const amount = z.number().positive('应大于0').max(1e9).nullish().transform((v) => v ?? null);

export const CampaignItemInputSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('task'), taskId: z.number().int().positive() }),
  /** A ledger project; `target`: 万元 to complete within the campaign (default: its plan's months of the campaign). */
  z.object({ kind: z.literal('project'), projectId: z.number().int().positive(), target: amount }),
  /** An indicator target of a unit; `target`: the value due by the end (default: the unit's target for the period of the end date). */
  z.object({
    kind: z.literal('indicator'),
    indicatorId: z.number().int().positive(),
    unitType: z.enum(['region', 'department']),
    unitId: z.string().trim().min(1).max(20),
    target: z.number().max(1e12).nullish().transform((v) => v ?? null),
  }),
]);
export type CampaignItemInput = z.infer<typeof CampaignItemInputSchema>;

const CampaignBase = z.object({
  name: z.string({ message: '请填写名称' }).trim().min(1, '请填写名称').max(100, '不能超过100个字符'),
  startDate: DateSchema,
  endDate: DateSchema,
  description: z
    .string()
    .trim()
    .max(2000)
    .nullish()
    .transform((v) => (v ? v : null)),
  items: z.array(CampaignItemInputSchema).max(200, '最多200项'),
});
export const CampaignCreateSchema = CampaignBase.extend({ items: CampaignBase.shape.items.default([]) }).refine((v) => v.endDate > v.startDate, { message: '结束日期应晚于开始日期', path: ['endDate'] });
export type CampaignCreate = z.infer<typeof CampaignCreateSchema>;
export const CampaignPatchSchema = CampaignBase.partial()
  .extend({ version: z.number().int().positive() })
  .refine((v) => !v.startDate || !v.endDate || v.endDate > v.startDate, { message: '结束日期应晚于开始日期', path: ['endDate'] });
export type CampaignPatch = z.infer<typeof CampaignPatchSchema>;

export const CAMPAIGN_STATUSES = [
  { value: 'upcoming', zh: '未开始', en: 'Upcoming' },
  { value: 'active', zh: '进行中', en: 'Active' },
  { value: 'ended', zh: '已结束', en: 'Ended' },
] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number]['value'];

export const CountdownSchema = z.object({
  /** End date − today, in calendar days (China time); negative once ended. */
  calendarDays: z.number(),
  /** Working days after today up to and including the end date (0 once ended). */
  workdays: z.number(),
  /** (today − start) ÷ (end − start) in %, between 0 and 100. */
  timeShare: z.number(),
});
export type Countdown = z.infer<typeof CountdownSchema>;

export const CampaignItemSchema = z.object({
  kind: z.enum(['task', 'project', 'indicator']),
  /** The task, project or indicator id. */
  refId: z.number(),
  name: z.string(),
  /** Unit in charge (task), region (project) or the indicator's unit. */
  unitName: z.string().nullable(),
  /** The unit of `due` and `reached`: 万元 for a project, the main target's unit for a task (e.g. 处), null for an indicator (in its name). */
  unit: z.string().nullable().optional(),
  /** What is due by the end (万元 for a project; the indicator's unit), null for a task. */
  due: z.number().nullable(),
  /** What is reached so far. */
  reached: z.number().nullable(),
  /** reached ÷ due in % (a task: its own progress). */
  completion: z.number().nullable(),
  light: z.enum(LIGHTS).nullable(),
  detail: z.string().nullable(),
  done: z.boolean(),
  /** The item could not be read (deleted task, project or indicator). */
  missing: z.boolean(),
});
export type CampaignItem = z.infer<typeof CampaignItemSchema>;

export const CampaignSchema = z.object({
  id: z.number(),
  name: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  description: z.string().nullable(),
  status: z.enum(['upcoming', 'active', 'ended']),
  countdown: CountdownSchema,
  itemCount: z.number(),
  version: z.number(),
});
export type Campaign = z.infer<typeof CampaignSchema>;
export const CampaignListSchema = z.object({ items: z.array(CampaignSchema) });
export type CampaignList = z.infer<typeof CampaignListSchema>;

/** An item as stored (the answer's form of CampaignItemInputSchema, without its defaults). */
export const CampaignItemRefSchema = z.object({
  kind: z.enum(['task', 'project', 'indicator']),
  taskId: z.number().optional(),
  projectId: z.number().optional(),
  indicatorId: z.number().optional(),
  unitType: z.enum(['region', 'department']).optional(),
  unitId: z.string().optional(),
  target: z.number().nullable().optional(),
});

export const CampaignDetailSchema = CampaignSchema.extend({
  items: z.array(CampaignItemSchema),
  inputs: z.array(CampaignItemRefSchema),
  /** Items yellow or red against the time elapsed (or not done once ended). */
  behind: z.array(CampaignItemSchema),
  /** Once ended: each item, what was due, what was reached, done or not. */
  summary: z.array(z.object({ kind: z.string(), refId: z.number(), name: z.string(), due: z.number().nullable(), reached: z.number().nullable(), unit: z.string().nullable().optional(), done: z.boolean() })).nullable(),
  ruleSet: z.object({ id: z.number(), name: z.string() }).nullable(),
  abilities: z.object({ edit: z.boolean() }),
});
export type CampaignDetail = z.infer<typeof CampaignDetailSchema>;
