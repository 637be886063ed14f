import { describe, it, expect } from 'vitest';
import { timeProgress, completionRate, deviationPoints, cumulativePlan, planBasedRate, round } from './progress.js';

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
  it('97.2% at end of October is 13.8 points ahead of 83.33%', () => {
    // 年度计划 10000 万元, 累计完成 9720 万元
    expect(round(completionRate(9720, 10000)!, 1)).toBe(97.2);
    const dev = deviationPoints(9720, 10000, timeProgress(2024, 10))!;
    expect(dev).toBeCloseTo(13.87, 2); // 97.2 − 83.33
    // the published figure keeps one decimal by truncation: 13.8 points ahead
    expect(Math.trunc(dev * 10) / 10).toBe(13.8);
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
