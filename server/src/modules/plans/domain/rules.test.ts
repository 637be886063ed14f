import { describe, expect, it } from 'vitest';
import { carryForward, monthlySumError, yearStarted } from './rules.js';

const months = (v: number[]) => [...v, ...Array(12 - v.length).fill(0)];

describe('monthly-sum rule (月度计划合计 = 年度计划)', () => {
  it('accepts months summing exactly to the annual figure, to 0.01 万元', () => {
    expect(monthlySumError(1200, Array(12).fill(100))).toBeNull();
    // 0.1 + 0.2 style float sums must not fail
    expect(monthlySumError(0.3, months([0.1, 0.2]))).toBeNull();
    expect(monthlySumError(1000.01, months([333.33, 333.34, 333.34]))).toBeNull();
    expect(monthlySumError(0, Array(12).fill(0))).toBeNull();
  });
  it('tells the difference in Chinese', () => {
    expect(monthlySumError(1200, [...Array(11).fill(100), 90])).toBe('月度计划合计 1,190.00 万元，与年度计划 1,200.00 万元相差 10.00 万元');
    expect(monthlySumError(100, months([100.01]))).toBe('月度计划合计 100.01 万元，与年度计划 100.00 万元相差 0.01 万元');
  });
  it('refuses a wrong number of months and negative months', () => {
    expect(monthlySumError(100, [100])).toBe('月度计划应为12个月的金额');
    expect(monthlySumError(100, months([110, -10]))).toBe('2月计划不能为负数');
  });
});

describe('copy-forward rule (结转下年)', () => {
  const base = { fromCategory: 'new_start' as const, completedBeforeYear: 1000, reportedInYear: 2345.67 };
  it('carries started and under-construction projects as 续建 with 0 to fill and the new base', () => {
    for (const stage of ['started', 'construction'] as const) {
      expect(carryForward({ ...base, stage })).toEqual({ category: 'continuing', plannedInvestment: 0, monthly: Array(12).fill(0), completedBeforeYear: 3345.67 });
    }
  });
  it('keeps the category of projects still in preparation, and 竣工投产 for producing ones', () => {
    expect(carryForward({ ...base, stage: 'preliminary', fromCategory: 'preparatory' })!.category).toBe('preparatory');
    expect(carryForward({ ...base, stage: 'preliminary' })!.category).toBe('new_start');
    expect(carryForward({ ...base, stage: 'production', fromCategory: 'continuing' })!.category).toBe('completion');
  });
  it('does not carry finished projects', () => {
    for (const stage of ['completed', 'terminated', 'full_production'] as const) expect(carryForward({ ...base, stage })).toBeNull();
  });
  it('knows when a year has started (China date)', () => {
    expect(yearStarted(2026, '2025-12-31')).toBe(false);
    expect(yearStarted(2026, '2026-01-01')).toBe(true);
  });
});
