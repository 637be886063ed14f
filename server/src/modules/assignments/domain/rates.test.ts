import { describe, expect, it } from 'vitest';
import { answeredOnTime, periodRange, rates } from './rates.js';

describe('办结率 and 按时办结率', () => {
  it('divide by the items due in the period', () => {
    expect(rates({ due: 3, done: 2, onTime: 1 })).toEqual({ doneRate: 66.7, onTimeRate: 33.3 });
    expect(rates({ due: 4, done: 4, onTime: 4 })).toEqual({ doneRate: 100, onTimeRate: 100 });
    expect(rates({ due: 2, done: 0, onTime: 0 })).toEqual({ doneRate: 0, onTimeRate: 0 });
  });
  it('are null ("—"), not 0% or 100%, for a unit with nothing due', () => {
    expect(rates({ due: 0, done: 0, onTime: 0 })).toEqual({ doneRate: null, onTimeRate: null });
  });
  it('count an answer on the due date as on time, the next day as late', () => {
    expect(answeredOnTime('2026-11-20', '2026-11-20')).toBe(true);
    expect(answeredOnTime('2026-11-21', '2026-11-20')).toBe(false);
    expect(answeredOnTime(null, '2026-11-20')).toBe(false);
  });
  it('periods run from their first to their last day', () => {
    expect(periodRange({ year: 2026, cadence: 'month', endMonth: 2 })).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(periodRange({ year: 2026, cadence: 'quarter', endMonth: 12 })).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(periodRange({ year: 2026, cadence: 'year', endMonth: 12 })).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });
});
