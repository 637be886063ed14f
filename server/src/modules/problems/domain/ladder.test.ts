import { describe, expect, it } from 'vitest';
import { DEFAULT_LADDER } from '@tiaodu/contracts';
import { makeCalendar } from '../../../core/calendar.js';
import { dueDate, escalationSteps, isDueSoon, isOverdue, levelLimit, levelName, overdueWorkdays } from './ladder.js';

const cal = makeCalendar();

describe('due dates in working days', () => {
  it('counts from the day after assignment', () => {
    expect(dueDate(cal, '2026-06-15', 2)).toBe('2026-06-17'); // Mon + 2 → Wed
    expect(dueDate(cal, '2026-06-12', 1)).toBe('2026-06-15'); // Fri + 1 → Mon
  });
  it('skips the Spring Festival and counts the 调休 Saturday before it', () => {
    // 14 Feb 2026 (Sat) is a working day, 15–23 Feb are holidays
    expect(dueDate(cal, '2026-02-13', 1)).toBe('2026-02-14');
    expect(dueDate(cal, '2026-02-13', 2)).toBe('2026-02-24');
  });
  it('counts the 调休 Saturday after National Day', () => {
    // 1–7 Oct holidays, 10 Oct (Sat) a working day
    expect(dueDate(cal, '2026-09-30', 3)).toBe('2026-10-10');
    expect(dueDate(cal, '2026-09-30', 4)).toBe('2026-10-12');
  });
  it('follows the admin’s overrides of the calendar', () => {
    const local = makeCalendar(new Map([['2026-06-16', { isWorkday: false, name: '防汛停工' }]]));
    expect(dueDate(local, '2026-06-15', 2)).toBe('2026-06-18');
  });
});

describe('overdue', () => {
  it('due today is not overdue; one working day later is', () => {
    expect(isOverdue(cal, '2026-06-17', '2026-06-17')).toBe(false);
    expect(isOverdue(cal, '2026-06-17', '2026-06-16')).toBe(false);
    expect(overdueWorkdays(cal, '2026-06-17', '2026-06-18')).toBe(1);
    expect(overdueWorkdays(cal, '2026-06-17', '2026-06-22')).toBe(2); // 19–21 Dragon Boat holiday
  });
  it('a weekend or holiday after the due date does not make it overdue by itself', () => {
    expect(isOverdue(cal, '2026-06-12', '2026-06-13')).toBe(false);
    expect(isOverdue(cal, '2026-06-12', '2026-06-14')).toBe(false);
    expect(isOverdue(cal, '2026-06-12', '2026-06-15')).toBe(true);
    expect(isOverdue(cal, '2026-06-18', '2026-06-21')).toBe(false);
    expect(isOverdue(cal, '2026-10-09', '2026-10-10')).toBe(true); // 调休 Saturday counts
  });
  it('no due date, never overdue', () => {
    expect(overdueWorkdays(cal, null, '2030-01-01')).toBe(0);
  });
});

describe('escalation up the default ladder (5, 5, 5, 10 working days)', () => {
  const L = DEFAULT_LADDER;
  it('does nothing on the due date or over the weekend after it', () => {
    expect(escalationSteps(cal, L, 0, '2026-06-05', '2026-06-05')).toEqual([]);
    expect(escalationSteps(cal, L, 0, '2026-06-05', '2026-06-07')).toEqual([]);
  });
  it('moves up one level on the first working day past the limit, with the next level’s limit from the old due date', () => {
    const steps = escalationSteps(cal, L, 0, '2026-06-05', '2026-06-08');
    expect(steps).toEqual([{ fromLevel: 0, toLevel: 1, effectiveDate: '2026-06-08', dueDate: '2026-06-12', limitDays: 5 }]);
    expect(escalationSteps(cal, L, 0, '2026-06-05', '2026-06-12')).toHaveLength(1);
  });
  it('after a missed week, climbs once per elapsed limit (holidays counted by the calendar)', () => {
    const steps = escalationSteps(cal, L, 0, '2026-06-05', '2026-06-23');
    expect(steps.map((s) => [s.toLevel, s.effectiveDate, s.dueDate])).toEqual([
      [1, '2026-06-08', '2026-06-12'],
      [2, '2026-06-15', '2026-06-22'], // 19–21 June is the Dragon Boat holiday
      [3, '2026-06-23', dueDate(cal, '2026-06-22', 10)],
    ]);
  });
  it('is idempotent: recomputing from the state the steps left gives nothing more', () => {
    const steps = escalationSteps(cal, L, 0, '2026-06-05', '2026-06-16');
    const last = steps.at(-1)!;
    expect(last.toLevel).toBe(2);
    expect(escalationSteps(cal, L, last.toLevel, last.dueDate, '2026-06-16')).toEqual([]);
  });
  it('stops at the top level, where the problem stays overdue', () => {
    expect(escalationSteps(cal, L, 0, '2026-06-05', '2027-06-01').map((s) => s.toLevel)).toEqual([1, 2, 3]);
    expect(escalationSteps(cal, L, 3, '2026-06-05', '2027-06-01')).toEqual([]);
    expect(isOverdue(cal, '2026-06-05', '2027-06-01')).toBe(true);
  });
  it('a three-level ladder stops at its third level', () => {
    const short = { levels: [L.levels[0]!, L.levels[2]!, L.levels[3]!] };
    expect(escalationSteps(cal, short, 0, '2026-06-05', '2027-06-01').map((s) => s.toLevel)).toEqual([1, 2]);
    expect(levelName(short, 2)).toBe('县委县政府调度会');
    expect(levelName(short, 3)).toBe('县委县政府调度会');
  });
  it('the limit of a level: the assigned one at level 0, the ladder’s above', () => {
    expect(levelLimit(L, 0, 2)).toBe(2);
    expect(levelLimit(L, 0, null)).toBe(5);
    expect(levelLimit(L, 3, 2)).toBe(10);
  });
});

describe('due soon (临期提醒)', () => {
  it('the working day before the due date and the due date itself; not two days before, not after', () => {
    expect(isDueSoon(cal, '2026-06-17', '2026-06-15')).toBe(false); // Mon, due Wed
    expect(isDueSoon(cal, '2026-06-17', '2026-06-16')).toBe(true);
    expect(isDueSoon(cal, '2026-06-17', '2026-06-17')).toBe(true);
    expect(isDueSoon(cal, '2026-06-17', '2026-06-18')).toBe(false); // overdue instead
    expect(isDueSoon(cal, null, '2026-06-17')).toBe(false);
  });
  it('rest days in between do not count: due the Monday after the Dragon Boat holiday, prompted from Thursday', () => {
    // 19–21 June 2026 off; due Mon 22nd
    expect(isDueSoon(cal, '2026-06-22', '2026-06-17')).toBe(false);
    expect(isDueSoon(cal, '2026-06-22', '2026-06-18')).toBe(true);
    expect(isDueSoon(cal, '2026-06-22', '2026-06-20')).toBe(true);
  });
});
