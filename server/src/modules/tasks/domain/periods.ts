/**
 * Report periods of key tasks (docs/tasks.md): monthly `2026-06`; 旬 `2026-06-x1` (days 1–10),
 * `-x2` (11–20), `-x3` (21 to the month's end); weekly `2026-W23` (ISO 8601 week, Monday to
 * Sunday, week 1 holds 4 January). A period is open for reports from its first day until three
 * working days after its last day.
 */
import type { TaskCadence } from '@tiaodu/contracts';
import { TASK_PERIOD_RE } from '@tiaodu/contracts';
import type { Calendar } from '../../../core/calendar.js';
import { shiftDate } from '../../../core/calendar.js';

export interface TaskPeriod {
  period: string;
  cadence: TaskCadence;
  start: string;
  end: string;
}

/** Working days after a period's end during which it stays open. */
export const GRACE_WORKDAYS = 3;

const pad = (n: number) => String(n).padStart(2, '0');

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The Monday of ISO week 1 of `year`. */
function isoWeekOneMonday(year: number): string {
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const dow = (jan4.getUTCDay() + 6) % 7; // Monday 0
  return shiftDate(jan4.toISOString().slice(0, 10), -dow);
}

function isoWeeksIn(year: number): number {
  // a year has 53 weeks when 1 January is a Thursday, or a Wednesday in a leap year
  const d = new Date(Date.UTC(year, 0, 1)).getUTCDay();
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return d === 4 || (leap && d === 3) ? 53 : 52;
}

export function parseTaskPeriod(s: string): TaskPeriod | null {
  const m = TASK_PERIOD_RE.exec(s.trim());
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 2000 || year > 2100) return null;
  if (m[4]) {
    const w = Number(m[4]);
    if (w > isoWeeksIn(year)) return null;
    const start = shiftDate(isoWeekOneMonday(year), (w - 1) * 7);
    return { period: `${year}-W${pad(w)}`, cadence: 'weekly', start, end: shiftDate(start, 6) };
  }
  const month = Number(m[2]);
  const ym = `${year}-${pad(month)}`;
  if (m[3]) {
    const x = Number(m[3]);
    const from = x === 1 ? 1 : x === 2 ? 11 : 21;
    const to = x === 1 ? 10 : x === 2 ? 20 : lastDay(year, month);
    return { period: `${ym}-x${x}`, cadence: 'xun', start: `${ym}-${pad(from)}`, end: `${ym}-${pad(to)}` };
  }
  return { period: ym, cadence: 'monthly', start: `${ym}-01`, end: `${ym}-${pad(lastDay(year, month))}` };
}

/** The period of a cadence that contains `date`. */
export function periodOf(cadence: TaskCadence, date: string): TaskPeriod {
  const year = Number(date.slice(0, 4));
  const ym = date.slice(0, 7);
  if (cadence === 'monthly') return parseTaskPeriod(ym)!;
  if (cadence === 'xun') {
    const d = Number(date.slice(8, 10));
    return parseTaskPeriod(`${ym}-x${d <= 10 ? 1 : d <= 20 ? 2 : 3}`)!;
  }
  for (const y of [year + 1, year, year - 1]) {
    const monday = isoWeekOneMonday(y);
    if (date >= monday) {
      const days = Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${monday}T00:00:00Z`)) / 86_400_000);
      return parseTaskPeriod(`${y}-W${pad(Math.floor(days / 7) + 1)}`)!;
    }
  }
  throw new RangeError(`no ISO week for ${date}`);
}

export function previousTaskPeriod(p: TaskPeriod): TaskPeriod {
  return periodOf(p.cadence, shiftDate(p.start, -1));
}

/** The last day a report for the period is accepted: three working days after its end. */
export function closesOn(cal: Calendar, p: TaskPeriod): string {
  return cal.addWorkdays(p.end, GRACE_WORKDAYS);
}

/** Open: from the period's first day until three working days after its last. */
export function isPeriodOpen(cal: Calendar, p: TaskPeriod, today: string): boolean {
  return today >= p.start && today <= closesOn(cal, p);
}

/** The periods a report may be made for today: the current one and an earlier one still open. */
export function openPeriods(cal: Calendar, cadence: TaskCadence, today: string): string[] {
  const cur = periodOf(cadence, today);
  const out = [cur.period];
  let p = previousTaskPeriod(cur);
  for (let i = 0; i < 3 && isPeriodOpen(cal, p, today); i++) {
    out.push(p.period);
    p = previousTaskPeriod(p);
  }
  return out;
}

/** Closed periods, the most recent first, whose start is on or after `from` (at most `n`). */
export function lastClosedPeriods(cal: Calendar, cadence: TaskCadence, today: string, from: string, n: number): TaskPeriod[] {
  const out: TaskPeriod[] = [];
  let p = periodOf(cadence, today);
  for (let i = 0; i < 60 && out.length < n; i++) {
    if (p.end < from) break;
    if (!isPeriodOpen(cal, p, today) && today > p.end) out.push(p);
    p = previousTaskPeriod(p);
  }
  return out.filter((x) => x.start >= from || x.end >= from);
}

/** 2026年6月, 2026年6月中旬, 2026年第23周. */
export function taskPeriodLabel(s: string): string {
  const p = parseTaskPeriod(s);
  if (!p) return s;
  const y = s.slice(0, 4);
  if (p.cadence === 'weekly') return `${y}年第${Number(s.slice(6))}周`;
  const m = Number(s.slice(5, 7));
  if (p.cadence === 'xun') return `${y}年${m}月${['上', '中', '下'][Number(s.slice(-1)) - 1]}旬`;
  return `${y}年${m}月`;
}
