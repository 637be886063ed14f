import { z } from 'zod';
import type { Light, LightDimension } from './warnings.js';

export const dashboardQuerySchema = z.object({
  year: z.coerce.number({ message: '年份无效' }).int('年份无效').min(2000, '年份无效').max(2100, '年份无效').optional(),
  month: z.coerce.number({ message: '月份无效' }).int('月份无效').min(1, '月份须在1到12之间').max(12, '月份须在1到12之间').optional(),
  regionCode: z.string().regex(/^\d{6,12}$/, '区划代码无效').optional(),
});
export type DashboardQuery = z.infer<typeof dashboardQuerySchema>;

export interface DashboardDto {
  year: number;
  month: number;
  regionCode: string | null;
  /** rollups: read from monthly_rollups; direct: computed from plans and reports of a small scope. */
  source: 'rollups' | 'direct';
  projectCount: number;
  byStage: Record<string, number>;
  byCategory: Record<string, number>;
  /** 总投资 (万元). */
  totalInvestment: number;
  /** 年度计划投资 (万元). */
  annualPlanned: number;
  /** 年初至今完成投资 (万元): accepted reports (已审核). */
  completedYtd: number;
  /** Submitted reports awaiting review (待审核, 万元), shown apart, never added to completedYtd. */
  pendingYtd: number;
  /** 完成率 % of the annual plan (accepted reports), two decimals, rounded once; null without a plan. */
  completionRate: number | null;
  /** 序时进度 % under the active rule set's method, two decimals. */
  timeProgress: number;
  /** 偏离序时 in percentage points (completion rate − 序时进度), from the exact values, two decimals. */
  deviation: number | null;
  /** The 序时 method of the active rule set (months ÷ 12, half-months, day of year). */
  timeProgressMethod: 'month' | 'halfMonth' | 'day';
  /** The same three figures as the pages print them: one decimal, rounded once from the exact values. */
  display: { completionRate: string | null; timeProgress: string; deviation: string | null };
  /** Cumulative planned and actual by month 1..12 (actual null after the month). */
  series: { month: number; planned: number; actual: number | null }[];
  /** Child regions, then the region's own projects (县本级 / 市本级) when it has any: the rows add up to the totals. */
  regions: { code: string; name: string; /** the region's own projects (本级), not a child region */ own: boolean; planned: number; completed: number; pending: number; rate: number | null }[];
  lights: Record<LightDimension, Record<Light, number>>;
  map: { id: number; name: string; lng: number; lat: number; light: Light }[];
  myProjects: { id: number; name: string; stage: string; planned: number; completed: number; pending: number; rate: number | null; light: Light }[] | null;
}
