/**
 * The 序时 check of a target (DOMAIN.md §3 and §6.2): the same 序时进度 function and the same
 * rule-set lights as the projects' investment (warnings/domain), on exact values.
 *
 * - A cumulative indicator (年内累计, e.g. 固定资产投资 1–m 月) is compared with the year's target:
 *   completion = value ÷ target, 序时 = the breakdown's share to the period when the target is
 *   broken down, else the rule set's 序时进度 at the period's last month; deviation = completion −
 *   序时 in percentage points; the light is the rule set's investment rule.
 * - A per-period indicator (当期, e.g. a quarter's 增速) is compared with the period's target (the
 *   breakdown's cell, else the year's figure): deviation = value − target in the indicator's unit;
 *   completion is judged against 100% with the same rule; a target of 0 or below is met or not.
 * - "Lower is better" mirrors the check: being over 序时 by x points is judged like being behind
 *   by x points.
 */
import type { IndicatorAccumulation, IndicatorDirection, Light, Period, RuleSetConfig } from '@tiaodu/contracts';
import { add, cmp, dec, distinctText, div, mul, q, sub, ZERO, type Q } from '../../../core/exact.js';
import { monthTimeProgressQ } from '../../warnings/domain/progress.js';
import { investmentLight } from '../../warnings/domain/lights.js';

export interface TargetFacts {
  direction: IndicatorDirection;
  accumulation: IndicatorAccumulation;
  period: Period;
  value: Q | null;
  /** The year's target. */
  target: Q | null;
  /** Per-period targets within the year (each period's own figure), or null. */
  breakdown: Array<Q | null> | null;
}

export interface TargetCheck {
  /** The figure the value is compared with (the year's target, or the period's). */
  target: Q | null;
  progress: Q | null;
  timeProgress: Q | null;
  deviation: Q | null;
  light: Light | null;
  detail: string | null;
}

const HUNDRED = q(100);
const pct = (x: Q) => `${distinctText(x, [])}%`;

/** The 序时 share of a cumulative target at the period: the breakdown to date ÷ the year, or 序时进度. */
export function targetTimeProgressQ(f: Pick<TargetFacts, 'period' | 'target' | 'breakdown'>, rules: RuleSetConfig, today: string): Q {
  const { period, target, breakdown } = f;
  if (breakdown && target && target.n > 0n && breakdown.some((b) => b !== null)) {
    let sum = ZERO;
    const upto = Math.min(period.index, breakdown.length);
    for (let i = 0; i < upto; i++) sum = add(sum, breakdown[i] ?? ZERO);
    return mul(HUNDRED, div(sum, target));
  }
  return monthTimeProgressQ(rules.timeProgress, period.year, period.endMonth, today);
}

export function checkTarget(f: TargetFacts, rules: RuleSetConfig, today: string): TargetCheck {
  const none: TargetCheck = { target: null, progress: null, timeProgress: null, deviation: null, light: null, detail: null };
  if (f.accumulation === 'cumulative') {
    const target = f.target;
    if (!target) return none;
    const time = targetTimeProgressQ(f, rules, today);
    if (!f.value || target.n <= 0n) return { ...none, target, timeProgress: time };
    const progress = mul(HUNDRED, div(f.value, target));
    const deviation = sub(progress, time);
    const judged = f.direction === 'higher' ? progress : sub(mul(q(2), time), progress);
    const light = investmentLight(rules.investment, judged, time);
    const s = cmp(deviation, ZERO);
    const word = f.direction === 'higher' ? (s >= 0 ? '超序时' : '滞后序时') : s <= 0 ? '低于序时' : '超出序时';
    const dist = s < 0 ? sub(ZERO, deviation) : deviation;
    const detail = `完成年度目标${pct(progress)}，序时进度${pct(time)}，${s === 0 ? '与序时持平' : `${word}${distinctText(dist, [])}个百分点`}`;
    return { target, progress, timeProgress: time, deviation, light, detail };
  }
  const cell = f.breakdown && f.period.index <= f.breakdown.length ? f.breakdown[f.period.index - 1] : null;
  const target = cell ?? f.target;
  if (!target) return none;
  if (!f.value) return { ...none, target };
  const deviation = sub(f.value, target);
  const met = f.direction === 'higher' ? cmp(f.value, target) >= 0 : cmp(f.value, target) <= 0;
  if (target.n <= 0n) {
    return { target, progress: null, timeProgress: null, deviation, light: met ? 'green' : 'red', detail: met ? '达到目标' : '未达到目标' };
  }
  const progress = mul(HUNDRED, div(f.value, target));
  const judged = f.direction === 'higher' ? progress : sub(mul(q(2), HUNDRED), progress);
  const light = met ? 'green' : investmentLight(rules.investment, judged, HUNDRED);
  const detail = `目标${distinctText(target, [])}，实际${distinctText(f.value, [])}，${met ? '达到目标' : `差${distinctText(deviation.n < 0n ? sub(ZERO, deviation) : deviation, [])}`}`;
  return { target, progress, timeProgress: null, deviation, light, detail };
}

export { dec };
