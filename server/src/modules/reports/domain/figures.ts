import { percentOf, roundQ } from '../../../core/exact.js';

/**
 * Derived figures of monthly reports, shared by the reports list, the exports and the
 * dashboard (so they agree to the last 万元).
 *
 * - 年初至今累计 (ytd): sum of the year's *accepted* months ≤ m (已审核; drafts, returned and
 *   submitted-but-unreviewed reports do not count).
 * - 待审核 (ytdPending): sum of the submitted, not yet reviewed months ≤ m, shown apart.
 * - 占年计划% (ytdPctOfPlan): ytd ÷ the annual plan's plannedInvestment × 100.
 * - 开工至今累计 (sinceStart): annual_plans.completedBeforeYear + ytd (no plan → 0 + ytd).
 * - 占总投资% (sinceStartPctOfTotal): sinceStart ÷ projects.totalInvestment × 100.
 *
 * Rounding: amounts are added in integer 分-of-万元 (hundredths) so there is no binary float
 * drift, and returned with 2 decimals. Percentages are rounded once, half away from zero, to two
 * decimal places (e.g. 1 ÷ 3 → 33.33, 2 ÷ 3 → 66.67), computed from the exact hundredths.
 * A percentage whose denominator is missing or 0 is null (shown as "—"), never Infinity.
 */
export interface MonthFigure {
  month: number;
  investment: number;
  /** accepted (已审核): counts in 年初至今累计 */
  accepted: boolean;
  /** submitted, awaiting review (待审核): shown apart */
  pending?: boolean;
}

export interface ReportFigures {
  ytd: number;
  ytdPending: number;
  ytdPctOfPlan: number | null;
  sinceStart: number;
  sinceStartPctOfTotal: number | null;
}

export function toCents(n: number | string | null | undefined): number {
  if (n == null || n === '') return 0;
  return Math.round(Number(n) * 100);
}

export function fromCents(c: number): number {
  return c / 100;
}

/**
 * Percentage published with two decimals (the bar is 0.01 point), half away from zero, computed
 * once from the exact amounts in 分; null when the denominator is 0 or absent.
 */
export function pct(numerator: number, denominator: number | null | undefined, digits = 2): number | null {
  const r = percentOf(numerator, denominator ?? 0);
  return r === null ? null : roundQ(r, digits);
}

/** 年初至今累计 up to and including month m: accepted reports. */
export function yearToDate(months: MonthFigure[], m: number): number {
  let c = 0;
  for (const x of months) if (x.accepted && x.month <= m) c += toCents(x.investment);
  return fromCents(c);
}

/** Submitted, not yet reviewed reports up to and including month m (待审核). */
export function pendingToDate(months: MonthFigure[], m: number): number {
  let c = 0;
  for (const x of months) if (x.pending && !x.accepted && x.month <= m) c += toCents(x.investment);
  return fromCents(c);
}

export function reportFigures(input: {
  months: MonthFigure[];
  month: number;
  plannedInvestment?: number | null;
  completedBeforeYear?: number | null;
  totalInvestment?: number | null;
}): ReportFigures {
  const ytd = yearToDate(input.months, input.month);
  const sinceStart = fromCents(toCents(input.completedBeforeYear) + toCents(ytd));
  return {
    ytd,
    ytdPending: pendingToDate(input.months, input.month),
    ytdPctOfPlan: pct(ytd, input.plannedInvestment),
    sinceStart,
    sinceStartPctOfTotal: pct(sinceStart, input.totalInvestment),
  };
}
