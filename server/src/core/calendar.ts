import chineseDays from 'chinese-days';
import { calendarDays } from '../db/schema.js';
import type { Db, DbOrTx } from '../db/client.js';

/**
 * Working-day calendar (工作日历). The base is China's official calendar from the
 * `chinese-days` package (public holidays and 调休 working days as published by the State
 * Council), overlaid by the admin's overrides kept in `calendar_days`. Dates are
 * `YYYY-MM-DD` strings; every function here is pure and synchronous once a Calendar is built.
 *
 * chinese-days 1.5.7 carries the published calendars up to 2026: a later year has only its
 * weekends (1 January 2027 counts as a working day) until the package is updated or the
 * admin enters that year's holidays as overrides (the calendar page warns about it).
 */
export type DayKind = 'workday' | 'weekend' | 'holiday' | 'adjusted';

export interface BaseDay {
  date: string;
  isWorkday: boolean;
  /** workday / weekend: ordinary; holiday: 法定节假日; adjusted: 调休上班. */
  kind: DayKind;
  /** Chinese name of the holiday (春节、国庆节…) for holiday and adjusted days. */
  name: string | null;
}

export interface Override {
  isWorkday: boolean;
  name: string | null;
}

const baseCache = new Map<string, BaseDay>();

/** The official status of a day, without overrides. */
export function baseDay(date: string): BaseDay {
  const hit = baseCache.get(date);
  if (hit) return hit;
  const d = chineseDays.getDayDetail(date);
  // Holiday data names look like "Spring Festival,春节,4"; ordinary days carry the weekday name.
  const parts = d.name.split(',');
  const fromHolidayData = parts.length >= 2;
  const kind: DayKind = fromHolidayData ? (d.work ? 'adjusted' : 'holiday') : d.work ? 'workday' : 'weekend';
  const day: BaseDay = { date, isWorkday: d.work, kind, name: fromHolidayData ? (parts[1] ?? null) : null };
  baseCache.set(date, day);
  return day;
}

export function shiftDate(date: string, days: number): string {
  const t = Date.parse(`${date}T00:00:00Z`);
  return new Date(t + days * 86_400_000).toISOString().slice(0, 10);
}

export function assertDate(date: string): void {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`)) || new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date) {
    throw new RangeError(`not a date: ${date}`);
  }
}

export interface Calendar {
  isWorkday(date: string): boolean;
  /** The n-th working day after (n > 0) or before (n < 0) date; n = 0 answers date itself. */
  addWorkdays(date: string, n: number): string;
  /** Working days in the half-open interval (a, b]; negative when b is before a. */
  workdaysBetween(a: string, b: string): number;
  /** date itself when it is a working day, else the next working day. */
  nextWorkday(date: string): string;
  /** date itself when it is a working day, else the previous working day. */
  previousWorkday(date: string): string;
  /**
   * Working days from 2000-01-01 up to and including `date` (dates from 2000 to 2199): the
   * difference of two indexes is the number of working days in between, without walking
   * the days.
   */
  workdayIndex(date: string): number;
  /** The working day whose index is `k` (k ≥ 1). */
  workdayAt(k: number): string;
  overrides: ReadonlyMap<string, Override>;
}

const INDEX_FROM = 2000;
const INDEX_TO = 2199;

/** Guards against a calendar with no working day at all (e.g. a year of overrides). */
const MAX_SCAN = 3660;

export function makeCalendar(overrides: ReadonlyMap<string, Override> = new Map()): Calendar {
  const isWorkday = (date: string): boolean => {
    const o = overrides.get(date);
    return o ? o.isWorkday : baseDay(date).isWorkday;
  };
  const step = (date: string, dir: 1 | -1): string => {
    let d = date;
    for (let i = 0; i < MAX_SCAN; i++) {
      d = shiftDate(d, dir);
      if (isWorkday(d)) return d;
    }
    throw new RangeError('no working day within ten years');
  };
  // per year, built on demand and in order: the index before 1 January, and the working days of the year
  const yearBase: number[] = [];
  const yearDays: string[][] = [];
  const buildTo = (year: number) => {
    if (year < INDEX_FROM || year > INDEX_TO) throw new RangeError(`working-day index covers ${INDEX_FROM}–${INDEX_TO}, not ${year}`);
    for (let y = INDEX_FROM + yearDays.length; y <= year; y++) {
      const i = y - INDEX_FROM;
      yearBase[i] = i === 0 ? 0 : yearBase[i - 1]! + yearDays[i - 1]!.length;
      const days: string[] = [];
      for (let d = `${y}-01-01`; d.startsWith(String(y)); d = shiftDate(d, 1)) if (isWorkday(d)) days.push(d);
      yearDays[i] = days;
    }
  };
  const workdayIndex = (date: string): number => {
    const year = Number(date.slice(0, 4));
    buildTo(year);
    const i = year - INDEX_FROM;
    const days = yearDays[i]!;
    // working days of the year up to and including date (binary search)
    let lo = 0;
    let hi = days.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (days[mid]! <= date) lo = mid + 1;
      else hi = mid;
    }
    return yearBase[i]! + lo;
  };
  const indexed = (date: string) => {
    const y = Number(date.slice(0, 4));
    return y >= INDEX_FROM && y <= INDEX_TO;
  };
  const workdayAt = (k: number): string => {
    if (k < 1) throw new RangeError(`no working day with index ${k}`);
    for (let i = 0; ; i++) {
      if (i >= yearDays.length) buildTo(INDEX_FROM + i);
      const days = yearDays[i]!;
      if (k <= yearBase[i]! + days.length) return days[k - yearBase[i]! - 1]!;
    }
  };
  return {
    overrides,
    isWorkday,
    workdayIndex,
    workdayAt,
    addWorkdays(date, n) {
      let d = date;
      const dir = n < 0 ? -1 : 1;
      for (let i = 0; i < Math.abs(n); i++) d = step(d, dir);
      return d;
    },
    workdaysBetween(a, b) {
      if (a === b) return 0;
      const [lo, hi, sign] = a < b ? [a, b, 1] : [b, a, -1];
      if (indexed(lo) && indexed(hi)) return (workdayIndex(hi) - workdayIndex(lo)) * sign;
      let n = 0;
      for (let d = shiftDate(lo, 1); d <= hi; d = shiftDate(d, 1)) if (isWorkday(d)) n++;
      return n * sign;
    },
    nextWorkday(date) {
      return isWorkday(date) ? date : step(date, 1);
    },
    previousWorkday(date) {
      return isWorkday(date) ? date : step(date, -1);
    },
  };
}

/** Cached calendars per database; the admin's changes invalidate them. */
const cache = new WeakMap<object, Promise<Calendar>>();

export async function loadOverrides(db: DbOrTx): Promise<Map<string, Override>> {
  const rows = await db.select({ date: calendarDays.date, isWorkday: calendarDays.isWorkday, name: calendarDays.name }).from(calendarDays);
  return new Map(rows.map((r) => [r.date, { isWorkday: r.isWorkday, name: r.name }]));
}

/** The calendar of a database (official days + overrides), loaded once and cached. */
export function loadCalendar(db: Db): Promise<Calendar> {
  let p = cache.get(db);
  if (!p) {
    p = loadOverrides(db).then((o) => makeCalendar(o));
    p.catch(() => cache.delete(db));
    cache.set(db, p);
  }
  return p;
}

export function invalidateCalendar(db: Db): void {
  cache.delete(db);
}

/**
 * Modules whose stored dates follow the working-day calendar register here; the calendar
 * service calls them in the transaction of every change of a day.
 */
type CalendarListener = (tx: DbOrTx, date: string) => Promise<void>;
const listeners: CalendarListener[] = [];
export function onCalendarChange(listener: CalendarListener): void {
  if (!listeners.includes(listener)) listeners.push(listener);
}
export async function calendarChanged(tx: DbOrTx, date: string): Promise<void> {
  for (const l of listeners) await l(tx, date);
}
