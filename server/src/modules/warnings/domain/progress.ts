/**
 * 序时进度 and the two comparisons of DOMAIN.md §3. Pure functions; percentages are in
 * percentage points (83.33 means 83.33%). The *Q functions give exact fractions (see
 * core/exact.ts); the number forms are those fractions rounded for display only.
 */
import { cents, dec, percentOf, q, roundQ, sub, toNumber, type Q } from '../../../core/exact.js';

export type ElapsedMode = 'month' | 'halfMonth' | 'day';

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function dayOfYear(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(y, 0, 1)) / 86_400_000) + 1;
}

/**
 * 序时进度 in % at the end of `month` (1–12), exactly.
 * - month: months elapsed ÷ 12 (end of October → 250/3 = 83.33…)
 * - halfMonth: the month counts half (mid-month reporting: in August 7.5/12 = 62.5)
 * - day: day-of-year ÷ days-in-year, at `date` (YYYY-MM-DD); defaults to the month's last day.
 */
export function timeProgressQ(year: number, month: number, mode: ElapsedMode = 'month', date?: string): Q {
  if (month < 1 || month > 12) throw new RangeError('month must be 1–12');
  if (mode === 'month') return q(month * 100, 12);
  if (mode === 'halfMonth') return q((2 * month - 1) * 100, 24);
  const d = date ?? lastDayOfMonth(year, month);
  return q(dayOfYear(d) * 100, isLeap(year) ? 366 : 365);
}

/** timeProgressQ as a float (for charts; compare and round the exact form). */
export function timeProgress(year: number, month: number, mode: ElapsedMode = 'month', date?: string): number {
  return toNumber(timeProgressQ(year, month, mode, date));
}

/**
 * The evaluation date of a month: its last day, or `today` while the month is running. The
 * day-of-year 序时 of a month is measured at this date (lights, dashboard and bulletin alike).
 */
export function evaluationDate(year: number, month: number, today: string): string {
  const end = lastDayOfMonth(year, month);
  return today < end ? today : end;
}

/** The 序时进度 of (year, month) under a rule set's method, as of `today` (China date). */
export function monthTimeProgressQ(mode: ElapsedMode, year: number, month: number, today: string): Q {
  return timeProgressQ(year, month, mode, mode === 'day' ? evaluationDate(year, month, today) : undefined);
}

export function lastDayOfMonth(year: number, month: number): string {
  const d = new Date(Date.UTC(year, month, 0));
  return d.toISOString().slice(0, 10);
}

/** 累计完成 ÷ 年度计划 in %, exactly (null when there is no plan). */
export function completionRateQ(cumulativeCompleted: number | string, annualPlanned: number | string): Q | null {
  if (!(cents(annualPlanned) > 0n)) return null;
  return percentOf(cumulativeCompleted, annualPlanned);
}

/** 累计完成 ÷ 年度计划 in % (null when there is no plan). */
export function completionRate(cumulativeCompleted: number, annualPlanned: number): number | null {
  const r = completionRateQ(cumulativeCompleted, annualPlanned);
  return r === null ? null : toNumber(r);
}

/** Deviation from 序时进度 in percentage points, exactly: positive is ahead, negative behind. */
export function deviationQ(cumulativeCompleted: number | string, annualPlanned: number | string, timePct: Q | number): Q | null {
  const rate = completionRateQ(cumulativeCompleted, annualPlanned);
  return rate === null ? null : sub(rate, dec(timePct));
}

/** Deviation from 序时进度 in percentage points: positive is ahead, negative behind. */
export function deviationPoints(cumulativeCompleted: number, annualPlanned: number, timePct: Q | number): number | null {
  const d = deviationQ(cumulativeCompleted, annualPlanned, timePct);
  return d === null ? null : toNumber(d);
}

/** Sum of the monthly plan from January to month m, in 分. */
export function cumulativePlanCents(monthly: Array<number | string>, month: number): bigint {
  let s = 0n;
  for (let i = 0; i < month && i < monthly.length; i++) s += cents(monthly[i] ?? 0);
  return s;
}

/** Sum of the monthly plan from January to month m. */
export function cumulativePlan(monthly: Array<number | string>, month: number): number {
  return Number(cumulativePlanCents(monthly, month)) / 100;
}

/** The first month (1–12) whose plan has an amount, or null for an empty plan. */
export function firstPlannedMonth(monthly: Array<number | string>): number | null {
  for (let i = 0; i < 12 && i < monthly.length; i++) if (cents(monthly[i] ?? 0) !== 0n) return i + 1;
  return null;
}

/** 完成1-m月投资计划的 x%: cumulative completed ÷ cumulative monthly plan to month m. */
export function planBasedRate(cumulativeCompleted: number, monthly: Array<number | string>, month: number): number | null {
  const p = cumulativePlanCents(monthly, month);
  const r = p > 0n ? percentOf(cumulativeCompleted, p) : null;
  return r === null ? null : toNumber(r);
}

/** Rounds to `digits` decimals, half away from zero (display of a float already exact to its digits). */
export function round(n: number | Q, digits = 2): number {
  return roundQ(dec(n), digits);
}
