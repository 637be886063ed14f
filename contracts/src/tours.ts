import { z } from 'zod';
import { labels } from './enums.js';

/**
 * 现场观摩评比 (on-site tours): a tour event (date, level, organiser, 第N次), the projects each
 * region nominates with a readiness checklist and photos, an itinerary, a judge panel drawn from
 * the judge pool (评委库), one score sheet per judge and project (criteria with their maxima) or,
 * by the 济宁 method, one full ranking per judge; results by mean, trimmed mean or rank votes
 * converted to points, with project and region ranks. A judged item of a competition reads the
 * regions' scores (of 100).
 */

export const TOUR_STATUSES = labels([
  { value: 'draft', zh: '筹备中', en: 'Preparing' },
  { value: 'open', zh: '评分中', en: 'Scoring' },
  { value: 'closed', zh: '已结束', en: 'Closed' },
] as const);
export type TourStatus = (typeof TOUR_STATUSES)[number]['value'];
export const TourStatusSchema = z.enum(['draft', 'open', 'closed'], { message: '状态无效' });

export const TOUR_METHODS = labels([
  { value: 'mean', zh: '平均分', en: 'Mean of the judges' },
  { value: 'trimmed', zh: '去掉一个最高分和一个最低分后平均', en: 'Trimmed mean (drop highest and lowest)' },
  { value: 'borda', zh: '名次投票折算（第1名100分，每后一名减3分）', en: 'Rank votes to points (1st = 100, −3 per place)' },
] as const);
export type TourMethod = (typeof TOUR_METHODS)[number]['value'];
export const TourMethodSchema = z.enum(['mean', 'trimmed', 'borda'], { message: '计分方法无效' });

/** Suggested levels; the level is free text (县级、市级、省级 …). */
export const TOUR_LEVELS = labels([
  { value: '县级', zh: '县级', en: 'County' },
  { value: '市级', zh: '市级', en: 'City' },
  { value: '省级', zh: '省级', en: 'Province' },
] as const);

export const NOMINATION_CATEGORIES = labels([
  { value: 'industry', zh: '工业项目', en: 'Industrial project' },
  { value: 'rural', zh: '乡村振兴', en: 'Rural revitalisation' },
  { value: 'optional', zh: '自选', en: 'Own choice' },
] as const);
export type NominationCategory = (typeof NOMINATION_CATEGORIES)[number]['value'];
export const NominationCategorySchema = z.enum(['industry', 'rural', 'optional'], { message: '请选择项目类别' });

const KEY_RE = /^[a-z][a-z0-9_]{0,29}$/;
const DATE = (what: string) => z.string({ message: `请填写${what}` }).regex(/^\d{4}-\d{2}-\d{2}$/, `${what}格式应为 YYYY-MM-DD`);
const text = (max: number, what: string) => z.string({ message: `请填写${what}` }).trim().min(1, `请填写${what}`).max(max, `${what}不超过${max}个字`);

/** A scoring criterion: its points (满分) are its weight; the maxima add up to the sheet's full marks (30/30/20/20). */
export const TourCriterionSchema = z.object({
  key: z.string({ message: '请填写评分项代码' }).regex(KEY_RE, '评分项代码应为小写字母开头的字母、数字或下划线'),
  name: text(30, '评分项名称'),
  max: z.number({ message: '请填写评分项分值' }).finite().positive('评分项分值应大于 0').max(1000, '评分项分值不超过 1000'),
});
export type TourCriterion = z.infer<typeof TourCriterionSchema>;

export const TourChecklistItemSchema = z.object({
  key: z.string({ message: '请填写检查项代码' }).regex(KEY_RE, '检查项代码应为小写字母开头的字母、数字或下划线'),
  name: text(60, '检查项名称'),
});
export type TourChecklistItem = z.infer<typeof TourChecklistItemSchema>;

/** One stop of the itinerary: a time and a nominated project, or a stop named in words (集合、午餐、讲评会). */
export const TourStopSchema = z.object({
  time: z.string().trim().max(20, '时间不超过20个字').default(''),
  nominationId: z.number().int().positive().nullable().default(null),
  stop: z.string().trim().max(100, '地点不超过100个字').nullable().default(null),
});
export type TourStop = z.infer<typeof TourStopSchema>;

/** 评分标准 of the 县 观摩 template: 与主导产业关联 30, 投资强度和产出效益 30, 带动作用 20, 形象进度 20. */
export const DEFAULT_TOUR_CRITERIA: TourCriterion[] = [
  { key: 'industry', name: '与主导产业关联', max: 30 },
  { key: 'intensity', name: '投资强度和产出效益', max: 30 },
  { key: 'leading', name: '带动作用', max: 20 },
  { key: 'progress', name: '形象进度', max: 20 },
];

/** 参加条件 of the 县 观摩 template, checked before the tour (初审). */
export const DEFAULT_TOUR_CHECKLIST: TourChecklistItem[] = [
  { key: 'permits', name: '手续齐全' },
  { key: 'green', name: '符合环保、节能、安全要求' },
  { key: 'completed', name: '已完工或基本完工' },
  { key: 'fresh', name: '未参加过往届观摩，非"两高"项目' },
];

const criteriaList = z
  .array(TourCriterionSchema)
  .min(1, '至少要有一个评分项')
  .max(20, '评分项不超过20个')
  .superRefine((list, c) => {
    const seen = new Set<string>();
    list.forEach((x, i) => {
      if (seen.has(x.key)) c.addIssue({ code: 'custom', path: [i, 'key'], message: `评分项代码「${x.key}」重复` });
      seen.add(x.key);
    });
  });
const checklistList = z
  .array(TourChecklistItemSchema)
  .max(20, '检查项不超过20个')
  .superRefine((list, c) => {
    const seen = new Set<string>();
    list.forEach((x, i) => {
      if (seen.has(x.key)) c.addIssue({ code: 'custom', path: [i, 'key'], message: `检查项代码「${x.key}」重复` });
      seen.add(x.key);
    });
  });

export const TourInputSchema = z.object({
  name: text(100, '活动名称'),
  date: DATE('观摩日期'),
  /** The last day judges may score (China date); the tour date when absent. */
  endDate: DATE('评分截止日期').nullable().optional(),
  level: text(20, '级别').default('县级'),
  organiser: text(80, '组织单位'),
  round: z.number({ message: '请填写届次' }).int('届次应为整数').min(1, '届次从 1 开始').max(999),
  method: TourMethodSchema.default('trimmed'),
  criteria: criteriaList.default(DEFAULT_TOUR_CRITERIA),
  judges: z.array(z.number().int().positive()).max(50, '评委不超过50人').default([]),
  itinerary: z.array(TourStopSchema).max(50, '行程不超过50站').default([]),
  checklist: checklistList.default(DEFAULT_TOUR_CHECKLIST),
  note: z.string().trim().max(500, '说明不超过500个字').nullable().optional(),
});
export type TourInput = z.input<typeof TourInputSchema>;

export const TourPatchSchema = z.object({
  name: text(100, '活动名称').optional(),
  date: DATE('观摩日期').optional(),
  endDate: DATE('评分截止日期').nullable().optional(),
  level: text(20, '级别').optional(),
  organiser: text(80, '组织单位').optional(),
  round: z.number().int('届次应为整数').min(1, '届次从 1 开始').max(999).optional(),
  method: TourMethodSchema.optional(),
  criteria: criteriaList.optional(),
  judges: z.array(z.number().int().positive()).max(50, '评委不超过50人').optional(),
  itinerary: z.array(TourStopSchema).max(50, '行程不超过50站').optional(),
  checklist: checklistList.optional(),
  note: z.string().trim().max(500, '说明不超过500个字').nullable().optional(),
  /** draft → open (scoring) → closed (results published); a closed tour may be opened again. */
  status: TourStatusSchema.optional(),
});
export type TourPatch = z.infer<typeof TourPatchSchema>;

export const TourQuerySchema = z.object({ status: TourStatusSchema.optional() });

export const TourJudgeRefSchema = z.object({
  userId: z.number(),
  name: z.string(),
  title: z.string().nullable(),
  organisation: z.string().nullable(),
});

export const TourSchema = z.object({
  id: z.number(),
  name: z.string(),
  date: z.string(),
  endDate: z.string(),
  level: z.string(),
  organiser: z.string(),
  round: z.number(),
  status: TourStatusSchema,
  method: TourMethodSchema,
  criteria: z.array(TourCriterionSchema),
  /** Σ max of the criteria: a sheet's full marks. */
  criteriaMax: z.number(),
  judges: z.array(TourJudgeRefSchema),
  itinerary: z.array(z.object({ time: z.string(), nominationId: z.number().nullable(), stop: z.string().nullable(), label: z.string() })),
  checklist: z.array(TourChecklistItemSchema),
  note: z.string().nullable(),
  nominationCount: z.number(),
  /** Whether today (China date) is within [date, endDate] and the tour is open. */
  scoringOpen: z.boolean(),
  /** Why scoring is not possible now, in Chinese (null when it is). */
  scoringNote: z.string().nullable(),
  abilities: z.object({ manage: z.boolean(), nominate: z.boolean(), score: z.boolean(), judge: z.boolean() }),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Tour = z.infer<typeof TourSchema>;

export const TourPhotoSchema = z.object({ id: z.number(), name: z.string(), mime: z.string(), size: z.number(), uploadedAt: z.string() });
export type TourPhoto = z.infer<typeof TourPhotoSchema>;

export const NominationSchema = z.object({
  id: z.number(),
  tourId: z.number(),
  regionCode: z.string(),
  regionName: z.string(),
  projectId: z.number().nullable(),
  name: z.string(),
  category: NominationCategorySchema,
  checklist: z.record(z.string(), z.boolean()),
  /** Whether every checklist item of the tour is ticked. */
  ready: z.boolean(),
  photos: z.array(TourPhotoSchema),
  order: z.number(),
  note: z.string().nullable(),
  canEdit: z.boolean(),
  /** For a judge: whether the judge's sheet for it is in. */
  scoredByMe: z.boolean(),
});
export type Nomination = z.infer<typeof NominationSchema>;

export const TourDetailSchema = TourSchema.extend({ nominations: z.array(NominationSchema) });
export type TourDetail = z.infer<typeof TourDetailSchema>;

export const NominationInputSchema = z.object({
  regionCode: z.string({ message: '请选择推荐单位' }).regex(/^\d{6}(\d{3})?$/, '请选择推荐单位'),
  /** A ledger project of that region; or none, with a name. */
  projectId: z.number().int().positive().nullable().optional(),
  name: z.string().trim().max(200, '项目名称不超过200个字').optional(),
  category: NominationCategorySchema.default('industry'),
  checklist: z.record(z.string(), z.boolean()).default({}),
  order: z.number().int().min(0).max(9999).optional(),
  note: z.string().trim().max(500, '说明不超过500个字').nullable().optional(),
});
export type NominationInput = z.input<typeof NominationInputSchema>;

export const NominationPatchSchema = z.object({
  name: z.string().trim().min(2, '项目名称至少2个字').max(200, '项目名称不超过200个字').optional(),
  category: NominationCategorySchema.optional(),
  checklist: z.record(z.string(), z.boolean()).optional(),
  order: z.number().int().min(0).max(9999).optional(),
  note: z.string().trim().max(500, '说明不超过500个字').nullable().optional(),
});
export type NominationPatch = z.infer<typeof NominationPatchSchema>;

/** A judge's sheet: scores per criterion for one nomination; or, for a borda tour, the full ranking (every nomination once, first place first). */
export const ScoreInputSchema = z.object({
  nominationId: z.number().int().positive().optional(),
  scores: z.record(z.string(), z.number({ message: '分数应为数字' }).finite()).optional(),
  ranking: z.array(z.number().int().positive()).max(200).optional(),
  comment: z.string().trim().max(300, '评语不超过300个字').nullable().optional(),
});
export type ScoreInput = z.infer<typeof ScoreInputSchema>;

export const ScorePatchSchema = ScoreInputSchema.omit({ nominationId: true });
export type ScorePatch = z.infer<typeof ScorePatchSchema>;

export const ScoreSheetSchema = z.object({
  id: z.number(),
  tourId: z.number(),
  judgeUserId: z.number(),
  judgeName: z.string(),
  nominationId: z.number().nullable(),
  scores: z.record(z.string(), z.number()).nullable(),
  total: z.number().nullable(),
  ranking: z.array(z.number()).nullable(),
  comment: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ScoreSheet = z.infer<typeof ScoreSheetSchema>;

export const TourResultRowSchema = z.object({
  nominationId: z.number(),
  name: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  category: NominationCategorySchema,
  /** Judges whose sheet (or ranking) counts for it. */
  judges: z.number(),
  mean: z.number().nullable(),
  trimmedMean: z.number().nullable(),
  /** False when the trimmed mean fell back to the plain mean (fewer than 3 judges). */
  trimmed: z.boolean(),
  borda: z.number().nullable(),
  /** The tour method's score, on the sheet's scale (Σ max) or of 100 for borda. */
  score: z.number().nullable(),
  /** The same score on a scale of 100. */
  score100: z.number().nullable(),
  rank: z.number().nullable(),
  note: z.string().nullable(),
});
export type TourResultRow = z.infer<typeof TourResultRowSchema>;

export const TourRegionRowSchema = z.object({
  regionCode: z.string(),
  regionName: z.string(),
  nominations: z.number(),
  /** Mean of its scored nominations' scores. */
  score: z.number().nullable(),
  score100: z.number().nullable(),
  rank: z.number().nullable(),
});
export type TourRegionRow = z.infer<typeof TourRegionRowSchema>;

export const TourResultsSchema = z.object({
  tourId: z.number(),
  status: TourStatusSchema,
  method: TourMethodSchema,
  /** False while the results are not shown to the caller (before the tour is closed, for all but its managers). */
  visible: z.boolean(),
  criteriaMax: z.number(),
  panel: z.number(),
  nominations: z.array(TourResultRowSchema),
  regions: z.array(TourRegionRowSchema),
  notes: z.array(z.string()),
});
export type TourResults = z.infer<typeof TourResultsSchema>;

export const TourJudgeSchema = z.object({
  id: z.number(),
  userId: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: z.string(),
  title: z.string().nullable(),
  organisation: z.string().nullable(),
  createdAt: z.string(),
});
export type TourJudge = z.infer<typeof TourJudgeSchema>;

export const TourJudgeInputSchema = z.object({
  userId: z.number({ message: '请选择评委账号' }).int().positive('请选择评委账号'),
  title: z.string().trim().max(50, '职务不超过50个字').nullable().optional(),
  organisation: z.string().trim().max(80, '单位不超过80个字').nullable().optional(),
});
export type TourJudgeInput = z.infer<typeof TourJudgeInputSchema>;

/** Accounts that can be added to the judge pool (holding tour:score, not yet in it). */
export const TourJudgeCandidateSchema = z.object({ userId: z.number(), username: z.string(), displayName: z.string(), role: z.string(), title: z.string().nullable() });
export type TourJudgeCandidate = z.infer<typeof TourJudgeCandidateSchema>;
