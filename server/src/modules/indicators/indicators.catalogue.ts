/**
 * The standard catalogue (标准指标库) that ships with Tiaodu: the project indicators computed from
 * the platform's own data (DOMAIN.md §6) and the five macro indicators of 经济运行对标, imported
 * from the statistics bureau. Seeded once, on the first read of the catalogue; the admin may edit
 * them afterwards, and retire them, but not delete them.
 */
import { sql } from 'drizzle-orm';
import type { IndicatorInput } from '@tiaodu/contracts';
import type { DbOrTx } from '../../db/client.js';

type Std = Required<Omit<IndicatorInput, 'filter' | 'ruleSetId' | 'rankBy'>> & Pick<IndicatorInput, 'filter' | 'rankBy'>;

const project = (code: string, name: string, formula: NonNullable<IndicatorInput['formula']>, unit: string, appliesTo: IndicatorInput['appliesTo'], sort: number, description: string, filter: IndicatorInput['filter'] = null): Std => ({
  code,
  name,
  unit,
  decimals: unit === '个' ? 0 : unit === '%' ? 1 : 2,
  direction: 'higher',
  kind: 'expected',
  cadence: 'month',
  accumulation: 'cumulative',
  source: 'computed',
  formula,
  filter,
  appliesTo,
  benchmark: false,
  description,
  sort,
});

const macro = (code: string, name: string, cadence: 'month' | 'quarter', sort: number, description: string): Std => ({
  code,
  name,
  unit: '亿元',
  decimals: 2,
  direction: 'higher',
  kind: 'expected',
  cadence,
  accumulation: 'cumulative',
  source: 'imported',
  formula: null,
  filter: null,
  appliesTo: ['county'],
  rankBy: 'growth',
  benchmark: true,
  description,
  sort,
});

const AREAS: IndicatorInput['appliesTo'] = ['county', 'town', 'park'];
const ALL_UNITS: IndicatorInput['appliesTo'] = ['county', 'town', 'park', 'department'];

export const STANDARD_INDICATORS: Std[] = [
  project('start_rate', '开工率', 'startRate', '%', ALL_UNITS, 10, '本年计划新开工项目的实际开工比例'),
  project('investment_rate', '投资完成率', 'investmentRate', '%', AREAS, 20, '年度计划投资的完成比例（已审核月报）'),
  project('completion_rate', '竣工率', 'completionRate', '%', ALL_UNITS, 30, '本年在建项目中已竣工的比例'),
  project('production_rate', '投产率', 'productionRate', '%', ALL_UNITS, 40, '在建项目（不含停缓建）中已投产的比例'),
  project('reserve_conversion_rate', '储备转化率', 'reserveConversionRate', '%', ALL_UNITS, 50, '年初储备项目中本年开工的比例（本平台口径）'),
  project('investment_intensity', '亩均投资强度', 'investmentIntensity', '万元/亩', AREAS, 60, '本年新开工项目总投资 ÷ 用地面积'),
  project('big_project_starts', '亿元以上项目开工个数', 'projectCount', '个', AREAS, 70, '本年新开工、总投资1亿元以上的项目数', { startedInYear: true, minTotalInvestment: 10000 }),
  project('investment_completed', '项目完成投资', 'investmentSum', '万元', AREAS, 80, '年初至期末已审核月报的完成投资'),
  project('problems_on_time_rate', '问题按时办结率', 'problemsOnTimeRate', '%', ['department'], 90, '期内到期问题在期限内办结的比例'),
  project('approval_speedup_rate', '审批提速率', 'approvalSpeedupRate', '%', ['department'], 100, '办结事项比承诺时限节省的比例（效能监察口径）'),
  macro('gdp', '地区生产总值', 'quarter', 200, '统计局季度数据，按增速排位'),
  macro('fai', '固定资产投资', 'month', 210, '统计局月度数据（年内累计），按增速排位'),
  macro('industry_va', '规模以上工业增加值', 'month', 220, '统计局月度数据（年内累计），按增速排位'),
  macro('retail', '社会消费品零售总额', 'month', 230, '统计局月度数据（年内累计），按增速排位'),
  macro('budget_revenue', '一般公共预算收入', 'month', 240, '财政局月度数据（年内累计），按增速排位'),
];

/** The default rank order of an indicator: given, else by growth for benchmarks, by value otherwise. */
export function defaultRankBy(i: Pick<IndicatorInput, 'rankBy' | 'benchmark'>): 'value' | 'growth' | 'completion' {
  return i.rankBy ?? (i.benchmark ? 'growth' : 'value');
}

/** Inserts the standard catalogue when no standard indicator has been seeded yet (idempotent, race-safe by the code's unique index). */
export async function ensureCatalogue(db: DbOrTx): Promise<void> {
  const r = await db.execute(sql`SELECT 1 FROM indicators WHERE builtin LIMIT 1`);
  if (r.rows.length) return;
  const rows = STANDARD_INDICATORS.map((s) => ({ ...s, rankBy: defaultRankBy(s), builtin: true }));
  await db.execute(sql`
    INSERT INTO indicators (code, name, unit, decimals, direction, kind, cadence, accumulation, source, formula, filter, applies_to, rank_by, benchmark, description, sort, builtin)
    SELECT code, name, unit, decimals, direction, kind, cadence, accumulation, source, formula, filter, ARRAY(SELECT jsonb_array_elements_text("appliesTo")), "rankBy", benchmark, description, sort, builtin
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS v(code text, name text, unit text, decimals int, direction text, kind text, cadence text, accumulation text, source text, formula text, filter jsonb, "appliesTo" jsonb, "rankBy" text, benchmark boolean, description text, sort int, builtin boolean)
    ON CONFLICT DO NOTHING`);
}
