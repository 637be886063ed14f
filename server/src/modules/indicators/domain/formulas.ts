/**
 * The formulas of computed indicators (DOMAIN.md §6), one pure function each: the SQL gathers
 * the counts and sums, these divide them, exactly. docs/indicators.md gives each in Chinese;
 * FORMULA_DEFINITIONS below is the same text for the catalogue page.
 */
import type { IndicatorFormula } from '@tiaodu/contracts';
import { div, mul, q, dec, type Q } from '../../../core/exact.js';

/** A ratio in % (null when the denominator is 0: no figure, not 0%). */
export function ratePct(numerator: number | string | Q, denominator: number | string | Q): Q | null {
  const d = dec(denominator);
  if (d.n === 0n) return null;
  return mul(q(100), div(dec(numerator), d));
}

/** 开工率 = 实际开工项目数 ÷ 计划新开工项目数 × 100% (江门 206/255 = 80.8%). */
export const startRate = (started: number, plannedToStart: number) => ratePct(started, plannedToStart);
/** 投资完成率 = 年初至今累计完成投资 ÷ 年度计划投资 × 100%. */
export const investmentRate = (completed: string | number, planned: string | number) => ratePct(completed, planned);
/** 竣工率 = 竣工项目数 ÷ 在建项目数（续建 + 新开工 + 复工） × 100%. */
export const completionRate = (completed: number, underConstruction: number) => ratePct(completed, underConstruction);
/** 投产率 = 投产项目数 ÷ 在建项目数（不含停缓建） × 100% (汉中 122/124 = 98.4%). */
export const productionRate = (inProduction: number, underConstruction: number) => ratePct(inProduction, underConstruction);
/** 储备转化率 = 年初储备（谋划、储备、前期）项目中本年开工的个数 ÷ 年初储备项目数 × 100%. */
export const reserveConversionRate = (convertedThisYear: number, reserveAtYearStart: number) => ratePct(convertedThisYear, reserveAtYearStart);
/** 亩均投资强度 = 固定资产投资（万元） ÷ 用地面积（亩）. */
export function investmentIntensity(investment: string | number, landAreaMu: string | number): Q | null {
  const a = dec(landAreaMu);
  return a.n === 0n ? null : div(dec(investment), a);
}

export const FORMULA_DEFINITIONS: Record<IndicatorFormula, string> = {
  startRate: '开工率 = 本年计划新开工项目中，截至期末已实际开工的个数 ÷ 本年计划新开工项目数（计划开工日期在本年）× 100%',
  investmentRate: '投资完成率 = 年初至期末已审核月报的累计完成投资 ÷ 年度计划投资 × 100%',
  completionRate: '竣工率 = 期末前本年竣工的项目数 ÷ 本年在建项目数（期末前已开工、年初前未竣工、非终止）× 100%',
  productionRate: '投产率 = 在建项目中期末已投产（投产、达产达效）的个数 ÷ 在建项目数（不含停缓建、终止）× 100%',
  reserveConversionRate: '储备转化率 = 年初处于谋划、储备、前期阶段的项目中本年开工的个数 ÷ 年初储备项目数 × 100%（无官方定义，本平台口径）',
  investmentIntensity: '亩均投资强度 = 已开工项目总投资（万元）÷ 用地面积（亩），只计有用地面积的项目',
  projectCount: '项目个数 = 符合筛选条件（阶段、本年开工、总投资下限、类别、领域）的项目数',
  investmentSum: '累计完成投资 = 年初至期末已审核月报的完成投资之和（万元）',
  problemsOnTimeRate: '问题按时办结率 = 期内到期的问题中在期限内办结的个数 ÷ 期内到期的问题数 × 100%；无到期问题显示“—”',
  assignmentDoneRate: '交办事项办结率 = 期内到期（办结时限在期内）的交办事项、建议提案中已答复的个数 ÷ 期内到期的个数 × 100%；答复即办结，评价随后；无到期事项显示“—”',
  assignmentOnTimeRate: '交办事项按时办结率 = 期内到期的交办事项、建议提案中在时限当日或之前答复的个数 ÷ 期内到期的个数 × 100%；无到期事项显示“—”',
  approvalSpeedupRate: '审批提速率 = (1 − 期内办结事项实际用时之和 ÷ 承诺时限之和) × 100%（工作日，补正时间不计；与效能监察月度表同一口径，只适用于部门）',
};
