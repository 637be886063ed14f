import type { Ladder } from '@tiaodu/contracts';
import type { Calendar } from '../../../core/calendar.js';

/**
 * Time limits and escalation of problems, in working days of the calendar (法定节假日 and
 * 调休 included). Dates are China dates (YYYY-MM-DD).
 *
 * - A limit of N working days given on day A ends on the N-th working day after A (the day of
 *   assignment does not count): `dueDate(A, N)`.
 * - A problem is overdue once a working day has passed after its due date: due today is not
 *   overdue, the next working day is; a weekend or holiday after the due date does not make
 *   it overdue by itself.
 * - Overdue at level k (below the top), it moves up to level k + 1, whose limit runs from the
 *   old due date: new due = dueDate(old due, limit of k + 1). A problem left alone through
 *   several limits (a missed week of scheduler runs) therefore climbs once per elapsed limit,
 *   and lands on the level and due date it would have had with daily runs.
 */

export function dueDate(cal: Calendar, from: string, limitDays: number): string {
  return cal.addWorkdays(from, limitDays);
}

/** Working days past the due date (0 when due today or later, or when only rest days passed). */
export function overdueWorkdays(cal: Calendar, due: string | null, today: string): number {
  if (!due || today <= due) return 0;
  return cal.workdaysBetween(due, today);
}

export function isOverdue(cal: Calendar, due: string | null, today: string): boolean {
  return overdueWorkdays(cal, due, today) > 0;
}

/**
 * Due soon (临期): one working day or less left — the working day before the due date (and
 * any rest day after it) and the due date itself, as for approval items.
 */
export function isDueSoon(cal: Calendar, due: string | null, today: string): boolean {
  return !!due && today <= due && cal.workdaysBetween(today, due) <= 1;
}

export interface EscalationStep {
  fromLevel: number;
  toLevel: number;
  /** The first working day past the old due date: the day the move was due. */
  effectiveDate: string;
  /** Due date at the new level. */
  dueDate: string;
  limitDays: number;
}

/**
 * The moves up the ladder an open problem at `level`, due on `due`, has made by `today`.
 * Empty when not overdue, or already at the top level (it stays overdue there).
 */
export function escalationSteps(cal: Calendar, ladder: Ladder, level: number, due: string | null, today: string): EscalationStep[] {
  const steps: EscalationStep[] = [];
  const top = ladder.levels.length - 1;
  let lv = level;
  let d = due;
  while (d && lv < top && isOverdue(cal, d, today)) {
    const limitDays = ladder.levels[lv + 1]!.limitDays;
    const next = dueDate(cal, d, limitDays);
    steps.push({ fromLevel: lv, toLevel: lv + 1, effectiveDate: cal.addWorkdays(d, 1), dueDate: next, limitDays });
    lv += 1;
    d = next;
  }
  return steps;
}

/** Name of a level, also for a level beyond a shortened ladder. */
export function levelName(ladder: Ladder, level: number): string {
  return ladder.levels[Math.min(level, ladder.levels.length - 1)]?.name ?? `第${level + 1}级`;
}

/** The limit of the current level (level 0 keeps the limit given on assignment). */
export function levelLimit(ladder: Ladder, level: number, assignedLimit: number | null): number {
  if (level === 0) return assignedLimit ?? ladder.levels[0]!.limitDays;
  return ladder.levels[Math.min(level, ladder.levels.length - 1)]!.limitDays;
}
