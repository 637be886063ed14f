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
  /** 年初至今完成投资 (万元). */
  completedYtd: number;
  /** 完成率 % of the annual plan (one decimal), null without a plan. */
  completionRate: number | null;
  /** 序时进度 % and the distance in percentage points. */
  timeProgress: number;
  deviation: number | null;
  /** Cumulative planned and actual by month 1..12 (actual null after the month). */
  series: { month: number; planned: number; actual: number | null }[];
  regions: { code: string; name: string; planned: number; completed: number; rate: number | null }[];
  lights: Record<LightDimension, Record<Light, number>>;
  map: { id: number; name: string; lng: number; lat: number; light: Light }[];
  myProjects: { id: number; name: string; stage: string; planned: number; completed: number; rate: number | null; light: Light }[] | null;
}
