import { describe, it, expect } from 'vitest';
import { roundQ } from '../../../core/exact.js';
import { timeProgress, timeProgressQ, completionRate, completionRateQ, deviationQ, deviationPoints, cumulativePlan, planBasedRate, round, monthTimeProgressQ, firstPlannedMonth } from './progress.js';

describe('序时进度', () => {
  it('months elapsed ÷ 12: end of October is 83.33%', () => {
    expect(round(timeProgress(2024, 10))).toBe(83.33);
    expect(timeProgress(2024, 12)).toBe(100);
    expect(round(timeProgress(2024, 4))).toBe(33.33);
  });
  it('half-month variant: August counts 7.5/12', () => {
    expect(timeProgress(2024, 8, 'halfMonth')).toBe(62.5);
  });
  it('day-of-year variant, leap and common years', () => {
    expect(round(timeProgress(2023, 10, 'day'))).toBe(round((304 / 365) * 100));
    expect(round(timeProgress(2024, 10, 'day'))).toBe(round((305 / 366) * 100));
    expect(timeProgress(2024, 12, 'day')).toBe(100);
    expect(round(timeProgress(2024, 1, 'day', '2024-01-15'))).toBe(round((15 / 366) * 100));
  });
  it('rejects month out of range', () => {
    expect(() => timeProgress(2024, 13)).toThrow();
  });
});

describe('deviation in percentage points (DOMAIN.md §3)', () => {
  it('971.6 of a 1,000 plan at end of October: 97.16%, 13.83 points ahead of 83.33%, shown 13.8', () => {
    const dev = deviationQ(971.6, 1000, timeProgressQ(2024, 10))!;
    expect(round(completionRateQ(971.6, 1000)!, 2)).toBe(97.16);
    expect(roundQ(dev, 2)).toBe(13.83); // 97.16 − 83.333… = 13.8266…
    expect(roundQ(dev, 1)).toBe(13.8); // rounded once, from the exact value
    // 97.2% exactly is 13.87 ahead (13.9 shown), not 13.8
    expect(roundQ(deviationQ(9720, 10000, timeProgressQ(2024, 10))!, 2)).toBe(13.87);
  });
  it('behind is negative; no plan gives null', () => {
    expect(round(deviationPoints(5000, 10000, timeProgress(2024, 9))!)).toBe(-25);
    expect(deviationPoints(100, 0, 50)).toBeNull();
  });
});

describe('plan-based ratio', () => {
  it('完成1-4月投资计划的132.1%', () => {
    const monthly = [100, 200, 300, 400, 500, 500, 500, 500, 500, 500, 500, 500];
    expect(cumulativePlan(monthly, 4)).toBe(1000);
    expect(round(planBasedRate(1321, monthly, 4)!, 1)).toBe(132.1);
  });
  it('null when nothing was planned to the month', () => {
    expect(planBasedRate(10, [0, 0, 100], 2)).toBeNull();
  });
});

describe('one 序时 per rule set method', () => {
  it('day-of-year at a month: its last day, or today while it runs; halfMonth', () => {
    expect(roundQ(monthTimeProgressQ('day', 2026, 10, '2026-12-07'), 4)).toBe(roundQ(timeProgressQ(2026, 10, 'day', '2026-10-31'), 4));
    expect(monthTimeProgressQ('day', 2026, 10, '2026-12-07')).toEqual(timeProgressQ(2026, 10, 'day', '2026-10-31'));
    expect(roundQ(monthTimeProgressQ('day', 2026, 12, '2026-12-07'), 2)).toBe(round((341 / 365) * 100, 2));
    expect(roundQ(monthTimeProgressQ('halfMonth', 2026, 8, '2026-12-07'), 2)).toBe(62.5);
    expect(roundQ(monthTimeProgressQ('month', 2026, 10, '2026-12-07'), 2)).toBe(83.33);
  });
  it('the first month a plan has an amount', () => {
    expect(firstPlannedMonth([0, 0, 0, 0, 0, 0, 0, 100, 100, 100, 100, 100])).toBe(8);
    expect(firstPlannedMonth(Array(12).fill(0))).toBeNull();
  });
});
