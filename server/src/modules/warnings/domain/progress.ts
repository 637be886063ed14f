/**
 * 序时进度 and the two comparisons of DOMAIN.md §3. Pure functions; percentages are in
 * percentage points (83.33 means 83.33%).
 */
export type ElapsedMode = 'month' | 'halfMonth' | 'day';

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function dayOfYear(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(y, 0, 1)) / 86_400_000) + 1;
}

/**
 * 序时进度 in % at the end of `month` (1–12).
 * - month: months elapsed ÷ 12 (end of October → 83.33)
 * - halfMonth: the month counts half (mid-month reporting: in August 7.5/12 = 62.5)
 * - day: day-of-year ÷ days-in-year, at `date` (YYYY-MM-DD); defaults to the month's last day.
 */
export function timeProgress(year: number, month: number, mode: ElapsedMode = 'month', date?: string): number {
  if (month < 1 || month > 12) throw new RangeError('month must be 1–12');
  if (mode === 'month') return (month / 12) * 100;
  if (mode === 'halfMonth') return ((month - 0.5) / 12) * 100;
  const d = date ?? lastDayOfMonth(year, month);
  return (dayOfYear(d) / (isLeap(year) ? 366 : 365)) * 100;
}

export function lastDayOfMonth(year: number, month: number): string {
  const d = new Date(Date.UTC(year, month, 0));
  return d.toISOString().slice(0, 10);
}

/** 累计完成 ÷ 年度计划 in % (null when there is no plan). */
export function completionRate(cumulativeCompleted: number, annualPlanned: number): number | null {
  if (!(annualPlanned > 0)) return null;
  return (cumulativeCompleted / annualPlanned) * 100;
}

/** Deviation from 序时进度 in percentage points: positive is ahead, negative behind. */
export function deviationPoints(cumulativeCompleted: number, annualPlanned: number, timePct: number): number | null {
  const rate = completionRate(cumulativeCompleted, annualPlanned);
  return rate === null ? null : rate - timePct;
}

/** Sum of the monthly plan from January to month m. */
export function cumulativePlan(monthly: number[], month: number): number {
  let s = 0;
  for (let i = 0; i < month && i < monthly.length; i++) s += Number(monthly[i] ?? 0);
  return s;
}

/** 完成1-m月投资计划的 x%: cumulative completed ÷ cumulative monthly plan to month m. */
export function planBasedRate(cumulativeCompleted: number, monthly: number[], month: number): number | null {
  const p = cumulativePlan(monthly, month);
  return p > 0 ? (cumulativeCompleted / p) * 100 : null;
}

/** Rounds to `digits` decimals, half away from zero (display and storage of points). */
export function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.sign(n) * Math.round(Math.abs(n) * f + 1e-9) / f;
}
