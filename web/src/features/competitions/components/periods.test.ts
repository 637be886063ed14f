import { describe, expect, it } from 'vitest';
import { cadencePeriodOf, defaultPeriod, hasEnded, nextToCompute, periodChoices, periodsOfCompetition, splitContestant } from './periods';

describe('the periods of a competition', () => {
  it('orders a monthly competition’s months before the quarter, half and year they end', () => {
    const all = periodsOfCompetition('month', 2026);
    expect(all.slice(0, 4)).toEqual(['2026-01', '2026-02', '2026-03', '2026-Q1']);
    expect(all.slice(-4)).toEqual(['2026-12', '2026-Q4', '2026-H2', '2026']);
    expect(periodsOfCompetition('quarter', 2026)).toEqual(['2026-Q1', '2026-Q2', '2026-H1', '2026-Q3', '2026-Q4', '2026-H2', '2026']);
  });

  it('computes next the period after the latest of its cadence, or the first of the year', () => {
    expect(nextToCompute('month', 2026, [])).toBe('2026-01');
    expect(nextToCompute('month', 2026, ['2026-09', '2026-10', '2026-Q3'])).toBe('2026-11');
    expect(nextToCompute('quarter', 2026, ['2026-Q4'])).toBe('2026-Q4');
  });

  it('offers the ended periods not computed and the next one', () => {
    const c = periodChoices('month', 2026, ['2026-01', '2026-02'], '2026-04-10');
    expect(c.computed).toEqual(['2026-02', '2026-01']);
    expect(c.open).toEqual(['2026-Q1', '2026-03']);
    expect(c.next).toBe('2026-03');
    expect(hasEnded('2026-Q1', '2026-03-31')).toBe(false);
    expect(defaultPeriod('month', 2026, ['2026-03', '2026-Q1', '2026-02'])).toBe('2026-Q1');
  });

  it('takes the month or quarter a longer period ends with', () => {
    expect(cadencePeriodOf('month', '2026-Q3')).toBe('2026-09');
    expect(cadencePeriodOf('quarter', '2026-H1')).toBe('2026-Q2');
    expect(cadencePeriodOf('month', '2026-05')).toBe('2026-05');
  });

  it('splits a contestant id at its first colon', () => {
    expect(splitContestant('region:330122103')).toEqual({ unitType: 'region', unitId: '330122103' });
  });
});
