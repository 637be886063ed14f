import { z } from 'zod';
import { labels } from './enums.js';
import { PeriodSchema, UnitRefSchema, UnitTypeSchema } from './indicators.js';

/**
 * 考核与擂台赛 (competitions): a versioned scoring scheme over the indicator values — sequences of
 * contestants ranked apart, scored items of seven rule kinds, flags (红黄旗), gated lists (红黑榜),
 * streaks (约谈) and the annual 龙虎榜. Computing a period makes a snapshot (draft); publishing
 * freezes it; a correction after publication is a new revision with its reason.
 * "每月亮成绩、每季抢红旗、半年一总结、全年列榜单".
 */

export const COMPETITION_RULE_KINDS = labels([
  { value: 'proportional', zh: '按比例计分', en: 'Proportional' },
  { value: 'perUnit', zh: '按个数计分（封顶）', en: 'Per unit with caps' },
  { value: 'deviation', zh: '按完成偏差加减分', en: 'Deviation from target' },
  { value: 'rank', zh: '按位次计分', en: 'By rank' },
  { value: 'efficacy', zh: '功效系数法', en: 'Efficacy coefficient' },
  { value: 'judged', zh: '评委评分', en: 'Judged' },
  { value: 'adjustment', zh: '加减分项', en: 'Bonus / penalty' },
] as const);
export type CompetitionRuleKind = (typeof COMPETITION_RULE_KINDS)[number]['value'];

export const COMPETITION_CADENCES = labels([
  { value: 'month', zh: '按月计分', en: 'Monthly' },
  { value: 'quarter', zh: '按季计分', en: 'Quarterly' },
] as const);
export type CompetitionCadence = (typeof COMPETITION_CADENCES)[number]['value'];

/** What an item's completion is measured on: the unit's target in 目标任务, or the figure itself when it is already a % rate (投资完成率); auto: the target when there is one, else a % figure. */
export const CompletionBasisSchema = z.enum(['auto', 'target', 'rate'], { message: '完成率口径无效' });
export type CompletionBasis = z.infer<typeof CompletionBasisSchema>;

const Num = (name: string) => z.number({ message: `请填写${name}` }).finite();
const NonNeg = (name: string) => Num(name).min(0, `${name}不能为负数`);

export const RankBandSchema = z.object({
  from: z.number().int().min(1, '名次从 1 开始'),
  to: z.number().int().min(1, '名次从 1 开始'),
  points: Num('分值'),
});
export type RankBand = z.infer<typeof RankBandSchema>;

export const CompetitionRuleSchema = z.discriminatedUnion(
  'kind',
  [
    /** points = weight × min(completion, cap) (延安: 进度 = 60 × 完成投资/年度计划). */
    z.object({ kind: z.literal('proportional'), weight: NonNeg('权重'), cap: Num('封顶倍数').positive('封顶倍数应大于 0').default(1), basis: CompletionBasisSchema.default('auto') }),
    /** points = figure × points each, clamped to [min, max] (延安: +5 per 新开工, +2 per 续建). */
    z.object({ kind: z.literal('perUnit'), points: Num('每个分值'), min: Num('下限').nullable().default(null), max: Num('封顶分').nullable().default(null) }),
    /** full marks when met; −perPointShort per point short; +perPointOver per point over up to knee %, +perPointBeyond beyond; the adjustment capped at ±cap (计划完成 40 分). */
    z.object({
      kind: z.literal('deviation'),
      full: NonNeg('满分'),
      perPointShort: NonNeg('每少 1 个百分点扣分'),
      perPointOver: NonNeg('每超 1 个百分点加分'),
      knee: Num('加分拐点').min(100, '加分拐点不低于 100%').default(130),
      perPointBeyond: NonNeg('拐点以上每超 1 个百分点加分'),
      cap: NonNeg('加减分上限'),
      basis: CompletionBasisSchema.default('auto'),
    }),
    /** points by rank within the sequence (1–3 → 7, 4–6 → 5, 7–10 → 3); a unit without a figure gets none. */
    z.object({ kind: z.literal('rank'), by: z.enum(['value', 'completion'], { message: '排名依据无效' }).default('value'), bands: z.array(RankBandSchema).min(1, '请至少设一个名次段').max(20) }),
    /** 功效系数: floor × weight + (1 − floor) × weight × (x − min) ÷ (max − min) over the sequence; full marks when max = min (三明 60/40; 旌德 20/80). */
    z.object({ kind: z.literal('efficacy'), weight: NonNeg('权重'), floor: Num('基础分比例').min(0, '基础分比例在 0 到 1 之间').max(1, '基础分比例在 0 到 1 之间').default(0.6), by: z.enum(['value', 'completion']).default('value') }),
    /** points = weight × the contestant's score in a tour (of 100) ÷ 100 (现场观摩). */
    z.object({ kind: z.literal('judged'), weight: NonNeg('权重'), tourId: z.number({ message: '请选择观摩评比活动' }).int().positive() }),
    /** bonus and penalty entries with a reason and evidence, summed and clamped to [min, max] (市级通报 −5~20, 组织集中开工 +30). */
    z.object({ kind: z.literal('adjustment'), min: Num('最低分'), max: Num('最高分') }),
  ],
  { message: '计分规则类型无效' },
);
export type CompetitionRule = z.infer<typeof CompetitionRuleSchema>;

export const CompetitionItemSchema = z.object({
  /** Stable key within the scheme (kept across versions). */
  id: z.string().trim().min(1).max(40).regex(/^[A-Za-z0-9_-]+$/, '计分项编号只能用字母、数字、- 和 _'),
  name: z.string().trim().min(1, '请填写计分项名称').max(60),
  /** The indicator the item reads (every kind but judged and adjustment). */
  indicatorId: z.number().int().positive().nullable().default(null),
  rule: CompetitionRuleSchema,
  /** The sequences it applies to (empty: all). */
  sequences: z.array(z.string()).default([]),
  note: z.string().trim().max(200).nullable().default(null),
});
export type CompetitionItem = z.infer<typeof CompetitionItemSchema>;

export const ContestantSchema = UnitRefSchema.extend({ name: z.string().optional() });
export type Contestant = z.infer<typeof ContestantSchema>;

export const SequenceSchema = z.object({
  key: z.string().trim().min(1).max(40).regex(/^[A-Za-z0-9_-]+$/, '序列编号只能用字母、数字、- 和 _'),
  name: z.string().trim().min(1, '请填写序列名称').max(40),
  contestants: z.array(ContestantSchema).min(1, '序列至少要有一个参赛单位').max(500),
});
export type Sequence = z.infer<typeof SequenceSchema>;

const FlagPeriodSchema = z.enum(['month', 'quarter', 'halfYear', 'year'], { message: '评比周期无效' });

export const FlagRulesSchema = z.object({
  /** The periods flags are awarded on (每季抢红旗: quarter). */
  period: FlagPeriodSchema.default('quarter'),
  /** Top N of each sequence get a red flag (ties across the line all get it). */
  red: z.number().int().min(0, '红旗名额不能为负数').max(50).default(3),
  /** Bottom M of each sequence get a yellow flag. */
  yellow: z.number().int().min(0, '黄旗名额不能为负数').max(50).default(1),
  /** Yellow flags in consecutive flag periods that lead to 约谈 (0: none). */
  yellowStreak: z.number().int().min(0).max(12).default(2),
});
export type FlagRules = z.infer<typeof FlagRulesSchema>;

export const ListRulesSchema = z.object({
  period: FlagPeriodSchema.default('quarter'),
  /** 红榜 = target met AND in the top N (0: no red list). */
  red: z.number().int().min(0, '红榜名额不能为负数').max(50).default(0),
  /** 黑榜 = target missed AND in the bottom M (0: no black list). */
  black: z.number().int().min(0, '黑榜名额不能为负数').max(50).default(0),
  /** The items whose indicator targets decide "met" (all of them met; empty: every item with a target). */
  metItems: z.array(z.string()).default([]),
});
export type ListRules = z.infer<typeof ListRulesSchema>;

export const CompetitionSchemeSchema = z.object({
  sequences: z.array(SequenceSchema).min(1, '请至少设一个序列').max(10),
  items: z.array(CompetitionItemSchema).min(1, '请至少设一个计分项').max(40),
  flags: FlagRulesSchema.default({ period: 'quarter', red: 3, yellow: 1, yellowStreak: 2 }),
  lists: ListRulesSchema.default({ period: 'quarter', red: 0, black: 0, metItems: [] }),
  /** Equal totals share a rank unless an item is named: then more points on it ranks first. */
  tieBreak: z.string().nullable().default(null),
  /** 龙虎榜: the top and bottom of the annual leaderboard per sequence. */
  leaderboard: z.object({ dragon: z.number().int().min(0).max(50).default(3), tiger: z.number().int().min(0).max(50).default(3) }).default({ dragon: 3, tiger: 3 }),
});
export type CompetitionScheme = z.infer<typeof CompetitionSchemeSchema>;

export const CompetitionInputSchema = z.object({
  name: z.string().trim().min(1, '请填写名称').max(80),
  year: z.number({ message: '请填写年度' }).int().min(2000).max(2100),
  cadence: z.enum(['month', 'quarter'], { message: '计分周期无效' }).default('month'),
  description: z.string().trim().max(500).nullable().optional(),
  /** Start from a preset (its scheme, with the platform's indicators and units filled in); `scheme` overrides it. */
  preset: z.string().optional(),
  scheme: CompetitionSchemeSchema.optional(),
  /** Published periods show on the public site. */
  public: z.boolean().default(true),
});
export type CompetitionInput = z.infer<typeof CompetitionInputSchema>;

export const CompetitionPatchSchema = z
  .object({
    name: z.string().trim().min(1, '请填写名称').max(80),
    description: z.string().trim().max(500).nullable(),
    status: z.enum(['active', 'archived'], { message: '状态无效' }),
    public: z.boolean(),
    scheme: CompetitionSchemeSchema,
    /** Why the scheme changed (kept with the version). */
    note: z.string().trim().max(200).nullable(),
  })
  .partial();

export const CompetitionVersionSchema = z.object({
  version: z.number(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  note: z.string().nullable(),
  /** Periods whose snapshots were scored with this version. */
  periods: z.array(z.string()),
});

export const CompetitionSummarySchema = z.object({
  id: z.number(),
  name: z.string(),
  year: z.number(),
  cadence: z.enum(['month', 'quarter']),
  status: z.enum(['active', 'archived']),
  public: z.boolean(),
  description: z.string().nullable(),
  version: z.number(),
  sequenceCount: z.number(),
  contestantCount: z.number(),
  itemCount: z.number(),
  /** Periods with a snapshot: period, label, status of the latest revision. */
  periods: z.array(z.object({ period: z.string(), label: z.string(), status: z.enum(['draft', 'published']), revision: z.number(), schemeVersion: z.number() })),
});
export type CompetitionSummary = z.infer<typeof CompetitionSummarySchema>;

export const CompetitionSchema = CompetitionSummarySchema.extend({
  scheme: CompetitionSchemeSchema,
  versions: z.array(CompetitionVersionSchema),
  /** Names of the units and indicators the scheme refers to. */
  names: z.object({ units: z.record(z.string(), z.string()), indicators: z.record(z.string(), z.string()) }),
});
export type Competition = z.infer<typeof CompetitionSchema>;

export const CompetitionPresetSchema = z.object({
  key: z.string(),
  name: z.string(),
  place: z.string(),
  description: z.string(),
  cadence: z.enum(['month', 'quarter']),
  scheme: CompetitionSchemeSchema,
  /** What the preset could not fill in on this platform (an indicator missing, no units of a level). */
  gaps: z.array(z.string()),
});
export type CompetitionPreset = z.infer<typeof CompetitionPresetSchema>;

// ---------------------------------------------------------------- results

export const ItemInputSchema = z.object({
  /** The figure read (indicator value, count, tour score, sum of adjustments). */
  value: z.number().nullable(),
  target: z.number().nullable(),
  /** Completion of the target in %. */
  completion: z.number().nullable(),
  /** Rank within the sequence on the item's figure (rank and efficacy rules). */
  rank: z.number().nullable(),
  /** The figure's period (the month of a monthly score; the months summed for a quarter). */
  period: z.string().nullable(),
  missing: z.boolean(),
  /** In Chinese: what was read and how the points follow. */
  text: z.string(),
});
export type ItemInput = z.infer<typeof ItemInputSchema>;

export const ResultItemSchema = z.object({ itemId: z.string(), name: z.string(), points: z.number(), input: ItemInputSchema });
export type ResultItem = z.infer<typeof ResultItemSchema>;

export const FLAGS = labels([
  { value: 'red', zh: '红旗', en: 'Red flag' },
  { value: 'yellow', zh: '黄旗', en: 'Yellow flag' },
] as const);
export const LISTS = labels([
  { value: 'red', zh: '红榜', en: 'Red list' },
  { value: 'black', zh: '黑榜', en: 'Black list' },
] as const);

export const ResultRowSchema = z.object({
  contestantId: z.string(),
  unitType: UnitTypeSchema,
  unitId: z.string(),
  name: z.string(),
  score: z.number(),
  items: z.array(ResultItemSchema),
  rank: z.number().nullable(),
  previousRank: z.number().nullable(),
  rankChange: z.number().nullable(),
  flag: z.enum(['red', 'yellow']).nullable(),
  list: z.enum(['red', 'black']).nullable(),
  /** Target met (the list rules' items), null when no item has a target. */
  met: z.boolean().nullable(),
  /** 约谈: yellow flags in consecutive flag periods reached the scheme's streak. */
  interview: z.boolean(),
  explanation: z.string(),
});
export type ResultRow = z.infer<typeof ResultRowSchema>;

export const MissingInputSchema = z.object({ contestantId: z.string(), name: z.string(), itemId: z.string(), item: z.string(), reason: z.string() });
export type MissingInput = z.infer<typeof MissingInputSchema>;

export const CompetitionResultsSchema = z.object({
  competitionId: z.number(),
  competition: z.string(),
  period: z.string(),
  periodLabel: z.string(),
  sequences: z.array(z.object({ key: z.string(), name: z.string(), rows: z.array(ResultRowSchema) })),
  schemeVersion: z.number(),
  status: z.enum(['draft', 'published']),
  revision: z.number(),
  /** The reason of a correction (revision > 1). */
  reason: z.string().nullable(),
  computedAt: z.string(),
  publishedAt: z.string().nullable(),
  /** Whether flags / lists are awarded on this period. */
  flagsAwarded: z.boolean(),
  listsAwarded: z.boolean(),
  missing: z.array(MissingInputSchema),
  /** A summed period (quarter of a monthly competition): the periods summed. */
  parts: z.array(z.string()),
  /** A draft whose figures changed after it was computed (recompute before publishing). */
  stale: z.boolean(),
});
export type CompetitionResults = z.infer<typeof CompetitionResultsSchema>;

export const ComputeBodySchema = z.object({
  /** Required to correct a published period (a new revision). */
  reason: z.string().trim().max(300).nullable().optional(),
});

export const PreviewBodySchema = z.object({ period: PeriodSchema, scheme: CompetitionSchemeSchema });
/** Preview of a scheme not saved yet (the new-competition page). */
export const NewPreviewBodySchema = PreviewBodySchema.extend({ year: z.number().int().min(2000).max(2100), cadence: z.enum(['month', 'quarter']), name: z.string().trim().max(80).optional() });
export type FlagHistoryRow = z.infer<typeof FlagHistoryRowSchema>;
export type PublicCompetition = z.infer<typeof PublicCompetitionSchema>;
export type AdjustmentInput = z.infer<typeof AdjustmentInputSchema>;
export type CompetitionPatch = z.infer<typeof CompetitionPatchSchema>;

export const ResultsQuerySchema = z.object({
  /** A revision number; default: the latest the user may see (draft for those who compute, else the published one). */
  revision: z.coerce.number().int().positive().optional(),
});

export const PeriodParamsSchema = z.object({ id: z.coerce.number().int().positive('编号无效'), period: PeriodSchema });

export const LeaderboardRowSchema = z.object({
  contestantId: z.string(),
  name: z.string(),
  score: z.number(),
  rank: z.number().nullable(),
  rankChange: z.number().nullable(),
  /** 龙榜 (top) / 虎榜 (bottom). */
  board: z.enum(['dragon', 'tiger']).nullable(),
  redFlags: z.number(),
  yellowFlags: z.number(),
  /** The published periods summed, with their score and rank. */
  periods: z.array(z.object({ period: z.string(), score: z.number(), rank: z.number().nullable() })),
});
export const LeaderboardSchema = z.object({
  competitionId: z.number(),
  competition: z.string(),
  year: z.number(),
  /** The last published period counted, and the one before it (what rank change compares with). */
  through: z.string().nullable(),
  previousThrough: z.string().nullable(),
  sequences: z.array(z.object({ key: z.string(), name: z.string(), rows: z.array(LeaderboardRowSchema) })),
});
export type Leaderboard = z.infer<typeof LeaderboardSchema>;

export const ContestantHistorySchema = z.object({
  contestantId: z.string(),
  name: z.string(),
  sequence: z.string(),
  rows: z.array(
    z.object({
      period: z.string(),
      periodLabel: z.string(),
      status: z.enum(['draft', 'published']),
      score: z.number(),
      rank: z.number().nullable(),
      rankChange: z.number().nullable(),
      flag: z.enum(['red', 'yellow']).nullable(),
      list: z.enum(['red', 'black']).nullable(),
      interview: z.boolean(),
      items: z.array(ResultItemSchema),
      explanation: z.string(),
    }),
  ),
  adjustments: z.array(z.lazy(() => AdjustmentSchema)),
});
export type ContestantHistory = z.infer<typeof ContestantHistorySchema>;

// ---------------------------------------------------------------- adjustments (bonus / penalty)

export const AdjustmentInputSchema = z.object({
  period: PeriodSchema,
  contestantId: z.string().regex(/^(region|department|external):[\w-]+$/, '参赛单位无效'),
  itemId: z.string().min(1, '请选择加减分项'),
  points: z.number({ message: '请填写分值' }).finite(),
  reason: z.string().trim().min(1, '请填写加减分理由').max(300),
});
export const AdjustmentSchema = z.object({
  id: z.number(),
  period: z.string(),
  contestantId: z.string(),
  name: z.string(),
  itemId: z.string(),
  points: z.number(),
  reason: z.string(),
  files: z.array(z.object({ id: z.number(), name: z.string(), size: z.number() })),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
});
export type Adjustment = z.infer<typeof AdjustmentSchema>;

export const FlagHistoryRowSchema = z.object({
  period: z.string(),
  periodLabel: z.string(),
  sequence: z.string(),
  red: z.array(z.string()),
  yellow: z.array(z.string()),
  redList: z.array(z.string()),
  blackList: z.array(z.string()),
  interviews: z.array(z.string()),
});

export const PublicCompetitionSchema = z.object({
  id: z.number(),
  name: z.string(),
  year: z.number(),
  periods: z.array(z.object({ period: z.string(), label: z.string(), publishedAt: z.string() })),
});

