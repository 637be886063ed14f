import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { periodKind, periodOf, periodStart } from './AssignmentStatsTable';

describe('the 办结率 period picker', () => {
  it('tells the kind of a period the server takes', () => {
    expect(periodKind('2026-11')).toBe('month');
    expect(periodKind('2026-Q4')).toBe('quarter');
    expect(periodKind('2026-H2')).toBe('half');
    expect(periodKind('2026')).toBe('year');
  });

  it('names the period of a kind that holds a date', () => {
    const d = dayjs('2026-08-20');
    expect(periodOf('month', d)).toBe('2026-08');
    expect(periodOf('quarter', d)).toBe('2026-Q3');
    expect(periodOf('half', d)).toBe('2026-H2');
    expect(periodOf('half', dayjs('2026-06-30'))).toBe('2026-H1');
    expect(periodOf('year', d)).toBe('2026');
  });

  it('starts a period on its first day, so switching the kind keeps the year and the months', () => {
    expect(periodStart('2026-11').format('YYYY-MM-DD')).toBe('2026-11-01');
    expect(periodStart('2026-Q4').format('YYYY-MM-DD')).toBe('2026-10-01');
    expect(periodStart('2026-H2').format('YYYY-MM-DD')).toBe('2026-07-01');
    expect(periodStart('2026').format('YYYY-MM-DD')).toBe('2026-01-01');
    expect(periodOf('quarter', periodStart('2026-11'))).toBe('2026-Q4');
    expect(periodOf('month', periodStart('2026-H2'))).toBe('2026-07');
  });
});
