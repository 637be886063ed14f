import { z } from 'zod';

/** 预警 (warnings): rule sets and lights. See DOMAIN.md §3. */
export const LIGHT_DIMENSIONS = ['investment', 'start', 'milestone', 'report', 'statistics'] as const;
export type LightDimension = (typeof LIGHT_DIMENSIONS)[number];
export const LIGHTS = ['green', 'yellow', 'red'] as const;
export type Light = (typeof LIGHTS)[number];

export const LIGHT_DIMENSION_LABELS: Record<LightDimension, string> = {
  investment: '投资进度',
  start: '按期开工',
  milestone: '节点进度',
  report: '月报报送',
  statistics: '入库纳统',
};
export const LIGHT_LABELS: Record<Light, string> = { green: '绿灯', yellow: '黄灯', red: '红灯' };

const pct = (label: string) => z.number({ message: `${label}须为数字` }).min(0, `${label}不能为负`).max(1000, `${label}过大`);
const months = (label: string) => z.number({ message: `${label}须为数字` }).int(`${label}须为整数`).min(0, `${label}不能为负`).max(36, `${label}过大`);

/**
 * Investment rule, one of three published schemes:
 * - pointsBehind (银川): yellow when yellowFrom ≤ behind ≤ redAbove points behind 序时, red when more.
 * - ratioOfTime (武汉): yellow when rate < yellowBelow × 序时, red when rate < redBelow × 序时.
 * - shareOfTime (三亚): yellow when behind by at most share × 序时, red beyond.
 */
export const investmentRuleSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('pointsBehind'), yellowFrom: pct('黄灯起点'), redAbove: pct('红灯阈值') }),
  z.object({ mode: z.literal('ratioOfTime'), yellowBelow: z.number().min(0).max(1, '比例须在0到1之间'), redBelow: z.number().min(0).max(1, '比例须在0到1之间') }),
  z.object({ mode: z.literal('shareOfTime'), share: z.number().min(0).max(1, '比例须在0到1之间') }),
]);

export const ruleSetConfigSchema = z
  .object({
    /** How 序时进度 is measured: months ÷ 12, half-months (7.5/12), or day of year. */
    timeProgress: z.enum(['month', 'halfMonth', 'day'], { message: '序时进度口径无效' }),
    investment: investmentRuleSchema,
    /** Not started at the end of the planned month (+yellowAfterMonths) without a reason → yellow; red after redAfterMonths. */
    start: z.object({ yellowAfterMonths: months('黄灯月数'), redAfterMonths: months('红灯月数') }),
    /**
     * Overdue milestones, by days late: 1..yellowMaxDays → yellow; ≥ redFromDays → red; in between
     * (the construction practice's orange) → `between`.
     */
    milestone: z.object({
      yellowMaxDays: z.number().int().min(0).max(365),
      redFromDays: z.number().int().min(1, '红灯天数须大于0').max(365),
      between: z.enum(['yellow', 'red']),
    }),
    /** No submitted report after the window deadline → yellow; redConsecutive months in a row → red. */
    report: z.object({ redConsecutive: z.number().int().min(1).max(12) }),
    /** 入库: projects ≥ minTotalInvestment 万元 started without statsCode. */
    statistics: z.object({ minTotalInvestment: z.number().min(0), yellowAfterMonths: months('黄灯月数'), redAfterMonths: months('红灯月数') }),
    /** Consecutive months at yellow that escalate to red (null: no escalation). */
    escalation: z.object({ yellowStreakToRed: z.number().int().min(2).max(12).nullable(), dimensions: z.array(z.enum(LIGHT_DIMENSIONS)) }),
  })
  .superRefine((c, ctx) => {
    if (c.investment.mode === 'pointsBehind' && c.investment.redAbove < c.investment.yellowFrom)
      ctx.addIssue({ code: 'custom', path: ['investment', 'redAbove'], message: '红灯阈值须不小于黄灯起点' });
    if (c.investment.mode === 'ratioOfTime' && c.investment.redBelow > c.investment.yellowBelow)
      ctx.addIssue({ code: 'custom', path: ['investment', 'redBelow'], message: '红灯比例须不大于黄灯比例' });
    if (c.start.redAfterMonths < c.start.yellowAfterMonths) ctx.addIssue({ code: 'custom', path: ['start', 'redAfterMonths'], message: '红灯月数须不小于黄灯月数' });
    if (c.statistics.redAfterMonths < c.statistics.yellowAfterMonths)
      ctx.addIssue({ code: 'custom', path: ['statistics', 'redAfterMonths'], message: '红灯月数须不小于黄灯月数' });
    if (c.milestone.redFromDays <= c.milestone.yellowMaxDays)
      ctx.addIssue({ code: 'custom', path: ['milestone', 'redFromDays'], message: '红灯天数须大于黄灯天数' });
  });
export type RuleSetConfig = z.infer<typeof ruleSetConfigSchema>;

const common = {
  timeProgress: 'month' as const,
  start: { yellowAfterMonths: 0, redAfterMonths: 3 },
  // construction practice: yellow ≤7 days, orange 7–15, red ≥15; orange folds into yellow.
  milestone: { yellowMaxDays: 7, redFromDays: 15, between: 'yellow' as const },
  report: { redConsecutive: 2 },
  statistics: { minTotalInvestment: 500, yellowAfterMonths: 1, redAfterMonths: 2 },
};

/** The shipped rule sets: 银川 (default), 武汉, 三亚. */
export const BUILTIN_RULE_SETS: { code: string; name: string; config: RuleSetConfig }[] = [
  {
    code: 'yinchuan',
    name: '银川（默认）',
    config: { ...common, investment: { mode: 'pointsBehind', yellowFrom: 10, redAbove: 30 }, escalation: { yellowStreakToRed: null, dimensions: [] } },
  },
  {
    code: 'wuhan',
    name: '武汉',
    config: { ...common, investment: { mode: 'ratioOfTime', yellowBelow: 0.8, redBelow: 0.6 }, escalation: { yellowStreakToRed: null, dimensions: [] } },
  },
  {
    code: 'sanya',
    name: '三亚',
    config: { ...common, investment: { mode: 'shareOfTime', share: 0.5 }, escalation: { yellowStreakToRed: 2, dimensions: ['investment'] } },
  },
];

export const ruleSetUpdateSchema = z.object({
  name: z.string({ message: '请填写名称' }).trim().min(1, '请填写名称').max(100, '名称过长'),
  config: ruleSetConfigSchema,
});
export type RuleSetUpdate = z.infer<typeof ruleSetUpdateSchema>;

export interface RuleSetDto {
  id: number;
  code: string;
  name: string;
  config: RuleSetConfig;
  active: boolean;
  updatedAt: string;
}

export const warningQuerySchema = z.object({
  year: z.coerce.number({ message: '年份无效' }).int('年份无效').min(2000, '年份无效').max(2100, '年份无效'),
  month: z.coerce.number({ message: '月份无效' }).int('月份无效').min(1, '月份须在1到12之间').max(12, '月份须在1到12之间'),
  dimension: z.enum(LIGHT_DIMENSIONS, { message: '维度无效' }).optional(),
  light: z.enum(LIGHTS, { message: '灯色无效' }).optional(),
  regionCode: z.string().regex(/^\d{6,12}$/, '区划代码无效').optional(),
  leaderId: z.coerce.number().int().positive('领导无效').optional(),
  q: z.string().trim().max(100, '关键词过长').optional(),
  page: z.coerce.number().int().min(1, '页码无效').default(1),
  pageSize: z.coerce.number().int().min(1).max(200, '每页最多200条').default(20),
});
export type WarningQuery = z.infer<typeof warningQuerySchema>;

export interface ProjectLightDto {
  dimension: LightDimension;
  light: Light;
  value: number | null;
  detail: string | null;
  streak: number;
}

export interface WarningRow {
  projectId: number;
  projectName: string;
  regionCode: string;
  regionName: string | null;
  worst: Light;
  lights: Partial<Record<LightDimension, ProjectLightDto>>;
  /** The stated reason for not starting in the planned month (exempts the start yellow), who and when. */
  startDelayReason: { reason: string; byName: string | null; at: string | null } | null;
}

export interface WarningListDto {
  year: number;
  month: number;
  total: number;
  page: number;
  pageSize: number;
  rows: WarningRow[];
  countsByLight: Record<Light, number>;
  countsByDimension: Record<LightDimension, Record<Light, number>>;
}

export interface LightHistoryDto {
  projectId: number;
  months: { year: number; month: number; lights: ProjectLightDto[] }[];
}
