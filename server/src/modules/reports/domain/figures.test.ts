import { describe, expect, it } from 'vitest';
import { pct, reportFigures, yearToDate } from './figures.js';

describe('derived figures of monthly reports', () => {
  // A project with total investment 50,000 万元, 2026 plan 12,000 万元, 18,000 万元 done before 2026.
  const months = [
    { month: 1, investment: 800, accepted: true },
    { month: 2, investment: 650.35, accepted: true },
    { month: 3, investment: 1200.1, accepted: true },
    { month: 4, investment: 999, accepted: false }, // returned or draft: does not count
    { month: 5, investment: 1100.2, accepted: true },
  ];
  it('年初至今累计 sums reported months ≤ m, to the 0.01 万元', () => {
    expect(yearToDate(months, 1)).toBe(800);
    expect(yearToDate(months, 3)).toBe(2650.45);
    expect(yearToDate(months, 4)).toBe(2650.45);
    expect(yearToDate(months, 5)).toBe(3750.65);
    // 0.1 + 0.2 without float drift
    expect(yearToDate([{ month: 1, investment: 0.1, accepted: true }, { month: 2, investment: 0.2, accepted: true }], 2)).toBe(0.3);
  });
  it('worked example at end of May', () => {
    expect(reportFigures({ months, month: 5, plannedInvestment: 12000, completedBeforeYear: 18000, totalInvestment: 50000 })).toEqual({
      ytd: 3750.65,
      ytdPending: 0,
      ytdPctOfPlan: 31.26, // 3750.65 / 12000 = 31.2554…% → 31.26
      sinceStart: 21750.65,
      sinceStartPctOfTotal: 43.5, // 21750.65 / 50000 = 43.5013% → 43.50
    });
  });
  it('年初至今累计 counts accepted reports; submitted ones awaiting review are shown apart (待审核)', () => {
    const mixed = [
      { month: 1, investment: 800, accepted: true },
      { month: 2, investment: 650.35, accepted: false, pending: true },
      { month: 3, investment: 1200.1, accepted: true },
    ];
    expect(reportFigures({ months: mixed, month: 3, plannedInvestment: 12000, completedBeforeYear: 0, totalInvestment: 50000 })).toMatchObject({ ytd: 2000.1, ytdPending: 650.35, ytdPctOfPlan: 16.67 });
  });
  it('no plan: percentages null, 开工至今 = ytd', () => {
    expect(reportFigures({ months, month: 3, plannedInvestment: null, completedBeforeYear: null, totalInvestment: 0 })).toEqual({
      ytd: 2650.45,
      ytdPending: 0,
      ytdPctOfPlan: null,
      sinceStart: 2650.45,
      sinceStartPctOfTotal: null,
    });
  });
  it('publishes percentages with two decimals, rounded once half away from zero', () => {
    expect(pct(12.34, 100)).toBe(12.34);
    expect(pct(1, 3)).toBe(33.33);
    expect(pct(2, 3)).toBe(66.67);
    expect(pct(1, 800)).toBe(0.13); // 0.125 exactly → 0.13
    expect(pct(-1, 800)).toBe(-0.13);
    expect(pct(971.6, 1000)).toBe(97.16);
    expect(pct(9720, 10000)).toBe(97.2);
    expect(pct(5, 0)).toBeNull();
    // one decimal on request, still from the exact amounts
    expect(pct(12.35, 100, 1)).toBe(12.4);
    expect(pct(-12.35, 100, 1)).toBe(-12.4);
    expect(pct(1.1, 8.8, 1)).toBe(12.5);
  });
});
