import type { Light, LightDimension, RuleSetConfig } from '@tiaodu/contracts';
import { cmp, dec, distinctText, le, lt, gt, ge, mul, neg, q, roundQ, sub, ZERO, type Q } from '../../../core/exact.js';
import { completionRateQ, firstPlannedMonth, lastDayOfMonth, monthTimeProgressQ, round } from './progress.js';

/** What computeLights needs to know about one project for one month. */
export interface ProjectFacts {
  projectId: number;
  totalInvestment: number;
  plannedStart: string | null;
  actualStart: string | null;
  statsCode: string | null;
  /** A recorded reason for not starting on time (suppresses the start yellow, not the red). */
  startDelayReason?: string | null;
  /** The year's plan, or null (amounts in 万元 with at most two decimals). */
  plan: { planned: number | string; monthly: Array<number | string> } | null;
  /** 年初至今累计 through the month (accepted reports, see the README's 口径). */
  cumulativeCompleted: number | string;
  milestones: { dueDate: string; doneDate: string | null }[];
  /**
   * Report window deadline of the month (null: not opened), whether a report was submitted,
   * and whether the project owes it (the reports module's owesReport rule; default: when
   * it has a plan for the year).
   */
  report: { deadline: string | null; submitted: boolean; required?: boolean };
  /** The evaluation date (YYYY-MM-DD): the month's last day, or today within the current month. */
  asOf: string;
  /** Today (the report deadline is checked against it; defaults to asOf). */
  today?: string;
  /** Streaks of the previous month per dimension (consecutive months at yellow or worse). */
  prevStreak?: Partial<Record<LightDimension, number>>;
}

export interface ComputedLight {
  dimension: LightDimension;
  light: Light;
  value: number | null;
  detail: string | null;
  streak: number;
}

function monthIndex(date: string): number {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return y * 12 + (m - 1);
}

function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/**
 * The investment light alone (exported for edge tests), decided on exact values: the rate and
 * 序时 are fractions (or decimals read exactly), thresholds are read exactly from the rule.
 */
export function investmentLight(rule: RuleSetConfig['investment'], ratePct: Q | number, timePct: Q | number): Light {
  const rate = dec(ratePct);
  const time = dec(timePct);
  const behind = sub(time, rate);
  switch (rule.mode) {
    case 'pointsBehind':
      if (gt(behind, dec(rule.redAbove))) return 'red';
      if (ge(behind, dec(rule.yellowFrom))) return 'yellow';
      return 'green';
    case 'ratioOfTime':
      if (lt(rate, mul(dec(rule.redBelow), time))) return 'red';
      if (lt(rate, mul(dec(rule.yellowBelow), time))) return 'yellow';
      return 'green';
    case 'shareOfTime':
      if (le(behind, ZERO)) return 'green';
      return le(behind, mul(dec(rule.share), time)) ? 'yellow' : 'red';
  }
}

/**
 * The light's text: the rate, 序时 and the distance, each printed with the precision that keeps
 * it on its own side of the rule's thresholds (one decimal unless more are needed).
 */
export function investmentDetail(rule: RuleSetConfig['investment'], rate: Q, time: Q): string {
  const dev = sub(rate, time);
  const behind = neg(dev);
  const devMarks: Q[] = [ZERO];
  if (rule.mode === 'pointsBehind') devMarks.push(dec(rule.yellowFrom), dec(rule.redAbove));
  if (rule.mode === 'shareOfTime') devMarks.push(mul(dec(rule.share), time));
  // the rate on the same side of every threshold as the distance (or of the ratio's marks)
  const rateMarks: Q[] = rule.mode === 'ratioOfTime' ? [mul(dec(rule.yellowBelow), time), mul(dec(rule.redBelow), time)] : devMarks.map((m) => sub(time, m));
  const s = cmp(dev, ZERO);
  const tail = s === 0 ? '与序时持平' : `${s > 0 ? '超' : '滞后'}${distinctText(s > 0 ? dev : behind, s > 0 ? [ZERO] : devMarks)}个百分点`;
  let text = `完成年度计划${distinctText(rate, rateMarks)}%，序时进度${distinctText(time, [])}%，${tail}`;
  if (rule.mode === 'ratioOfTime' && time.n !== 0n) {
    const share = mul(q(100), mul(rate, q(time.d, time.n)));
    text += `，为序时的${distinctText(share, [mul(q(100), dec(rule.yellowBelow)), mul(q(100), dec(rule.redBelow))])}%`;
  }
  return text;
}

export function worstLight(lights: Light[]): Light {
  return lights.includes('red') ? 'red' : lights.includes('yellow') ? 'yellow' : 'green';
}

/**
 * The lights of one project at the end of (year, month) under a rule set. Pure: the same facts
 * always give the same lights; streaks carry consecutive-month escalation.
 */
export function computeLights(f: ProjectFacts, rules: RuleSetConfig, year: number, month: number): ComputedLight[] {
  const evalMonth = year * 12 + (month - 1);
  const monthEnd = lastDayOfMonth(year, month);
  const asOf = f.asOf < monthEnd ? f.asOf : monthEnd;
  const out: ComputedLight[] = [];
  const push = (dimension: LightDimension, light: Light, value: number | null, detail: string | null) => {
    const prev = f.prevStreak?.[dimension] ?? 0;
    const streak = light === 'green' ? 0 : prev + 1;
    const esc = rules.escalation;
    if (light === 'yellow' && esc.yellowStreakToRed && esc.dimensions.includes(dimension) && streak >= esc.yellowStreakToRed) {
      light = 'red';
      detail = `${detail ?? ''}（连续${streak}个月黄灯升级）`;
    }
    out.push({ dimension, light, value: value === null ? null : round(value, 2), detail, streak });
  };
  const pushQ = (dimension: LightDimension, light: Light, value: Q, detail: string) => push(dimension, light, roundQ(value, 2), detail);

  // investment: completion rate against 序时进度, exactly; from the month the year's plan begins
  const time = monthTimeProgressQ(rules.timeProgress, year, month, asOf);
  const rate = f.plan ? completionRateQ(f.cumulativeCompleted, f.plan.planned) : null;
  const planFrom = f.plan ? firstPlannedMonth(f.plan.monthly) : null;
  if (rate === null) push('investment', 'green', null, '无年度计划');
  else if (planFrom !== null && month < planFrom) push('investment', 'green', null, `年度计划自${planFrom}月起`);
  else pushQ('investment', investmentLight(rules.investment, rate, time), sub(rate, time), investmentDetail(rules.investment, rate, time));

  // start on time
  if (!f.plannedStart || (f.actualStart && f.actualStart <= asOf)) push('start', 'green', null, null);
  else {
    const late = evalMonth - monthIndex(f.plannedStart);
    if (late >= rules.start.redAfterMonths && late > 0) push('start', 'red', late, `计划${f.plannedStart.slice(0, 7)}开工，逾期${late}个月未开工`);
    else if (late >= rules.start.yellowAfterMonths && !f.startDelayReason) push('start', 'yellow', late, `计划${f.plannedStart.slice(0, 7)}开工，尚未开工`);
    else push('start', 'green', late >= 0 ? late : null, late >= 0 && f.startDelayReason ? `已说明原因：${f.startDelayReason.slice(0, 100)}` : null);
  }

  // milestones: the most late overdue one (not done by its due date, as of the evaluation date)
  let maxLate = 0;
  for (const m of f.milestones) {
    if (m.doneDate && m.doneDate <= asOf) continue; // done: no longer counts
    const late = daysBetween(m.dueDate, asOf);
    if (late > maxLate) maxLate = late;
  }
  const ms = rules.milestone;
  if (maxLate <= 0) push('milestone', 'green', null, null);
  else if (maxLate >= ms.redFromDays) push('milestone', 'red', maxLate, `节点逾期${maxLate}天`);
  else if (maxLate <= ms.yellowMaxDays) push('milestone', 'yellow', maxLate, `节点逾期${maxLate}天`);
  else push('milestone', ms.between, maxLate, `节点逾期${maxLate}天`);

  // report submitted after the window's deadline
  const required = f.report.required ?? f.plan !== null;
  if (required && f.report.deadline && (f.today ?? asOf) > f.report.deadline && !f.report.submitted) {
    const prev = f.prevStreak?.report ?? 0;
    const light: Light = prev + 1 >= rules.report.redConsecutive ? 'red' : 'yellow';
    out.push({ dimension: 'report', light, value: prev + 1, detail: prev + 1 > 1 ? `连续${prev + 1}个月未按期报送` : `${month}月月报未按期报送`, streak: prev + 1 });
  } else push('report', 'green', null, null);

  // statistics (入库)
  const st = rules.statistics;
  if (f.totalInvestment >= st.minTotalInvestment && f.actualStart && f.actualStart <= asOf && !f.statsCode) {
    const since = evalMonth - monthIndex(f.actualStart);
    if (since >= st.redAfterMonths) push('statistics', 'red', since, `开工${since}个月未入库`);
    else if (since >= st.yellowAfterMonths) push('statistics', 'yellow', since, `开工${since}个月未入库`);
    else push('statistics', 'green', since, null);
  } else push('statistics', 'green', null, null);

  return out;
}
