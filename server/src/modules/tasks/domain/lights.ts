/**
 * Lights of key tasks (docs/tasks.md). A task's light is the worst of:
 * - its quantified targets' 序时 checks (the indicator layer's checkTarget under the rule set);
 * - its deliverables and nodes: not done and due within one working day → yellow; a working day
 *   past the due date → red (the problems' isDueSoon / isOverdue: due today is not overdue, a
 *   weekend after the due date alone is not);
 * - reports: the last closed period without a submitted or accepted report → yellow, the last
 *   two → red;
 * - 督办: an open one past its limit → red.
 */
import type { Light, RuleSetConfig } from '@tiaodu/contracts';
import type { Calendar } from '../../../core/calendar.js';
import { add, dec, div, mul, q, roundQ, type Q } from '../../../core/exact.js';
import { checkTarget } from '../../indicators/domain/targets.js';
import { isDueSoon, isOverdue, overdueWorkdays } from '../../problems/domain/ladder.js';

const RANK: Record<Light, number> = { green: 0, yellow: 1, red: 2 };

export interface Reasoned {
  light: Light | null;
  reason: string | null;
}

/** The worst light with its reason (the first reason of the worst light). */
export function worst(items: Reasoned[]): Reasoned {
  let best: Reasoned = { light: null, reason: null };
  for (const i of items) {
    if (!i.light) continue;
    if (!best.light || RANK[i.light] > RANK[best.light]) best = i;
  }
  return best.light === 'green' ? { light: 'green', reason: null } : best;
}

/** A node's (or a dated deliverable's) light; null when done. */
export function dueLight(cal: Calendar, due: string | null, doneDate: string | null, today: string): Light | null {
  if (doneDate || !due) return null;
  if (isOverdue(cal, due, today)) return 'red';
  // due soon, or past the due date with only rest days since: yellow
  if (isDueSoon(cal, due, today) || today > due) return 'yellow';
  return 'green';
}

export function overdueDays(cal: Calendar, due: string | null, doneDate: string | null, today: string): number {
  return doneDate ? 0 : overdueWorkdays(cal, due, today);
}

/** Missing reports in a row, counted back from the last closed period: 1 → yellow, 2 or more → red. */
export function reportLight(missingInARow: number): Light {
  return missingInARow >= 2 ? 'red' : missingInARow === 1 ? 'yellow' : 'green';
}

const WAN_PER_YI = q(10000);

/** A figure in `from` expressed in `to`: the same unit, or 亿元 ↔ 万元 exactly; null otherwise. */
export function convertUnit(value: Q, from: string, to: string): Q | null {
  const f = from.trim();
  const t = to.trim();
  if (f === t || !f) return value;
  if (f === '亿元' && t === '万元') return mul(value, WAN_PER_YI);
  if (f === '万元' && t === '亿元') return div(value, WAN_PER_YI);
  return null;
}

/** A year's breakdown as twelve monthly cells (a quarter's figure sits in its last month). */
export function monthlyBreakdown(b: { by: 'month' | 'quarter'; values: Array<string | null> } | null): Array<Q | null> | null {
  if (!b || !b.values.some((v) => v !== null && v !== '')) return null;
  const cells: Array<Q | null> = Array.from({ length: 12 }, () => null);
  b.values.forEach((v, i) => {
    if (v === null || v === '') return;
    const m = b.by === 'month' ? i : i * 3 + 2;
    if (m < 12) cells[m] = add(cells[m] ?? q(0), dec(v));
  });
  return cells;
}

export interface TargetJudgement {
  progress: number | null;
  timeProgress: number | null;
  deviation: number | null;
  light: Light | null;
  detail: string | null;
}

/**
 * The 序时 check of a quantified target reached `reached` (in the target's unit) by `today`:
 * cumulative over the year, compared at the month of `today` (the year's last month once the
 * year is over; nothing before the year starts).
 */
export function judgeTarget(
  t: { value: string | null; breakdown: { by: 'month' | 'quarter'; values: Array<string | null> } | null },
  reached: Q | null,
  year: number,
  rules: RuleSetConfig,
  today: string,
): TargetJudgement {
  const none: TargetJudgement = { progress: null, timeProgress: null, deviation: null, light: null, detail: null };
  if (!t.value) return none;
  const ty = Number(today.slice(0, 4));
  if (ty < year) return none;
  const month = ty > year ? 12 : Number(today.slice(5, 7));
  const c = checkTarget(
    {
      direction: 'higher',
      accumulation: 'cumulative',
      period: { year, cadence: 'month', index: month, endMonth: month },
      value: reached,
      target: dec(t.value),
      breakdown: monthlyBreakdown(t.breakdown),
    },
    rules,
    today,
  );
  const r = (x: Q | null) => (x ? roundQ(x, 2) : null);
  // no figure yet: judged as nothing done against 序时
  if (!reached && c.timeProgress) {
    const z = checkTarget({ direction: 'higher', accumulation: 'cumulative', period: { year, cadence: 'month', index: month, endMonth: month }, value: q(0), target: dec(t.value), breakdown: monthlyBreakdown(t.breakdown) }, rules, today);
    return { progress: null, timeProgress: r(z.timeProgress), deviation: r(z.deviation), light: z.light, detail: `尚无审核通过的进展，${z.detail ?? ''}` };
  }
  return { progress: r(c.progress), timeProgress: r(c.timeProgress), deviation: r(c.deviation), light: c.light, detail: c.detail };
}
