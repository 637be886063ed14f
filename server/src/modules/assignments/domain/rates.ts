/**
 * 办结率 and 按时办结率 (DOMAIN.md §6.2):
 * - 办结率 = items done ÷ items due in the period;
 * - 按时办结率 = items done on or before their limit ÷ items due in the period;
 * - a unit with nothing due has no rate (null, shown "—"), not 0% and not 100%.
 * A 交办 item is done when answered; the rating follows. Rates are in %, rounded once to one
 * decimal (四舍五入).
 */
export interface RateCounts {
  due: number;
  done: number;
  onTime: number;
}

export function ratePercent(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return Math.round((part * 1000) / whole) / 10;
}

export function rates(c: RateCounts): { doneRate: number | null; onTimeRate: number | null } {
  return { doneRate: ratePercent(c.done, c.due), onTimeRate: ratePercent(c.onTime, c.due) };
}

/** Whether an answer given on `answeredOn` (China date) is on time for the limit `due`. */
export function answeredOnTime(answeredOn: string | null, due: string): boolean {
  return !!answeredOn && answeredOn <= due;
}

/** The first and last day of a period (2026-11, 2026-Q4, 2026-H2, 2026). */
export function periodRange(p: { year: number; cadence: 'month' | 'quarter' | 'halfYear' | 'year'; endMonth: number }): { from: string; to: string } {
  const span = p.cadence === 'month' ? 1 : p.cadence === 'quarter' ? 3 : p.cadence === 'halfYear' ? 6 : 12;
  const startMonth = p.endMonth - span + 1;
  const last = new Date(Date.UTC(p.year, p.endMonth, 0)).getUTCDate();
  return { from: `${p.year}-${String(startMonth).padStart(2, '0')}-01`, to: `${p.year}-${String(p.endMonth).padStart(2, '0')}-${String(last).padStart(2, '0')}` };
}
