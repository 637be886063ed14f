import { z } from 'zod';
import { AmountSchema } from './projects.js';
import { REGION_CODE_RE } from './validation.js';

/** Monthly reports (月报) and report windows (填报窗口); amounts in 万元. */

export const REPORT_STATUSES = [
  { value: 'draft', zh: '草稿', en: 'Draft' },
  { value: 'submitted', zh: '已报送', en: 'Submitted' },
  { value: 'returned', zh: '已退回', en: 'Returned' },
  { value: 'accepted', zh: '已通过', en: 'Accepted' },
] as const;
export type ReportStatusValue = (typeof REPORT_STATUSES)[number]['value'];
export const REPORT_STATUS_VALUES = REPORT_STATUSES.map((s) => s.value) as [ReportStatusValue, ...ReportStatusValue[]];

const YearSchema = z.coerce.number({ message: '年度不正确' }).int('年度不正确').min(2000, '年度不正确').max(2100, '年度不正确');
const MonthSchema = z.coerce.number({ message: '月份不正确' }).int('月份不正确').min(1, '月份应为1—12').max(12, '月份应为1—12');
const DateSchema = z.string({ message: '请选择日期' }).regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const ReasonSchema = z.string({ message: '请填写原因' }).trim().min(1, '请填写原因').max(500, '不能超过500个字符');
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `不能超过${max}个字符`)
    .nullish()
    .transform((v) => (v ? v : null));

export const ReportWindowCreateSchema = z.object({ year: YearSchema, month: MonthSchema, deadline: DateSchema });
export type ReportWindowCreate = z.infer<typeof ReportWindowCreateSchema>;
export const ReportWindowPatchSchema = z.object({ deadline: DateSchema.optional(), status: z.enum(['open', 'closed'], { message: '状态应为 open 或 closed' }).optional() });
export type ReportWindowPatch = z.infer<typeof ReportWindowPatchSchema>;
export const ReportWindowSchema = z.object({
  id: z.number(),
  year: z.number(),
  month: z.number(),
  deadline: z.string(),
  status: z.enum(['open', 'closed']),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
});
export type ReportWindow = z.infer<typeof ReportWindowSchema>;

export const ReportDraftSchema = z.object({
  investment: AmountSchema,
  progressText: text(2000),
  problemsText: text(2000),
  /** The version read; required once the report exists (optimistic locking). */
  version: z.number().int().positive().optional(),
});
export type ReportDraft = z.infer<typeof ReportDraftSchema>;
export const ReportReturnSchema = z.object({ reason: ReasonSchema });
export const ReportReviseSchema = z
  .object({ investment: AmountSchema.optional(), progressText: text(2000).optional(), reason: ReasonSchema })
  .refine((v) => v.investment !== undefined || v.progressText !== undefined, { message: '请填写要修订的数据', path: ['investment'] });
export type ReportRevise = z.infer<typeof ReportReviseSchema>;

export const ReportFiguresSchema = z.object({
  /** 年初至今累计: accepted reports (已审核) up to the month. */
  ytd: z.number(),
  /** Submitted reports awaiting review (待审核) up to the month, shown apart. */
  ytdPending: z.number(),
  ytdPctOfPlan: z.number().nullable(),
  sinceStart: z.number(),
  sinceStartPctOfTotal: z.number().nullable(),
});
export const ReportRevisionSchema = z.object({
  id: z.number(),
  revision: z.number(),
  before: z.record(z.string(), z.unknown()),
  after: z.record(z.string(), z.unknown()),
  reason: z.string(),
  userName: z.string().nullable(),
  at: z.string(),
});
export const ReportPhotoSchema = z.object({
  id: z.number(),
  originalName: z.string().nullable(),
  mime: z.string(),
  size: z.number(),
  takenAt: z.string().nullable(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
});
export type ReportPhoto = z.infer<typeof ReportPhotoSchema>;

export const ReportSchema = z.object({
  id: z.number().nullable(),
  projectId: z.number(),
  projectName: z.string(),
  projectCode: z.string().nullable(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  ownerName: z.string().nullable(),
  year: z.number(),
  month: z.number(),
  status: z.enum(REPORT_STATUS_VALUES).nullable(),
  investment: z.number(),
  progressText: z.string().nullable(),
  problemsText: z.string().nullable(),
  submittedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  returnReason: z.string().nullable(),
  late: z.boolean(),
  revision: z.number(),
  version: z.number(),
  figures: ReportFiguresSchema,
  plannedInvestment: z.number().nullable(),
  totalInvestment: z.number(),
});
export type Report = z.infer<typeof ReportSchema>;
export const ReportDetailSchema = ReportSchema.extend({
  revisions: z.array(ReportRevisionSchema),
  photos: z.array(ReportPhotoSchema),
  window: ReportWindowSchema.nullable(),
  abilities: z.object({ fill: z.boolean(), review: z.boolean(), revise: z.boolean() }),
});
export type ReportDetail = z.infer<typeof ReportDetailSchema>;

export const ReportListQuerySchema = z.object({
  year: YearSchema,
  month: MonthSchema,
  status: z.enum([...REPORT_STATUS_VALUES, 'missing'], { message: '状态不正确' }).optional(),
  regionCode: z.string().regex(REGION_CODE_RE, '区域代码不正确').optional(),
  q: z.string().trim().max(100).optional(),
});
export type ReportListQuery = z.infer<typeof ReportListQuerySchema>;
export const ReportListSchema = z.object({ items: z.array(ReportSchema), total: z.number() });

export const ReportGapQuerySchema = z.object({ year: YearSchema, month: MonthSchema });
const GapCount = z.object({ key: z.string(), name: z.string().nullable(), missing: z.number(), late: z.number(), returned: z.number() });
export const ReportGapsSchema = z.object({
  missing: z.array(ReportSchema),
  late: z.array(ReportSchema),
  returned: z.array(ReportSchema),
  byRegion: z.array(GapCount),
  byUnit: z.array(GapCount),
});
export type ReportGaps = z.infer<typeof ReportGapsSchema>;
