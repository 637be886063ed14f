import { describe, expect, it } from 'vitest';
import { parsePeriod, previousPeriod, samePeriodLastYear, periodLabel, BUILTIN_RULE_SETS } from '@tiaodu/contracts';
import { dec, fixedQ, q, roundQ } from '../../../core/exact.js';
import { competitionRanks } from '../../../core/ranks.js';
import { averageQ, bestQ, decimalText, growthQ, parseFigure, rankChange } from './figures.js';
import { completionRate, investmentIntensity, investmentRate, productionRate, reserveConversionRate, startRate, ratePct } from './formulas.js';
import { checkTarget } from './targets.js';
import { league } from './league.js';

const yinchuan = BUILTIN_RULE_SETS[0]!.config;
const wuhan = BUILTIN_RULE_SETS[1]!.config;
const sanya = BUILTIN_RULE_SETS[2]!.config;
const v = (x: Parameters<typeof parseFigure>[0]) => {
  const p = parseFigure(x);
  if (!p.ok) throw new Error(p.message);
  return p.text;
};

describe('numbers as offices type them (DOMAIN §6.1)', () => {
  it('reads full-width digits and signs as the same number', () => {
    expect(v('１２．５％')).toBe('12.5');
    expect(v('－３．２')).toBe('-3.2');
    expect(v('12.5%')).toBe('12.5');
    expect(v(' 1,234.50 ')).toBe('1234.5');
    expect(v(0.1)).toBe('0.1');
  });
  it('"—", "-" and empty cells are no figure, not zero', () => {
    for (const s of ['—', '-', '－', '', '  ', '/']) expect(parseFigure(s)).toEqual({ ok: true, value: null, text: null });
  });
  it('refuses a decimal comma and text, with a Chinese reason', () => {
    const a = parseFigure('12,5%');
    expect(a.ok).toBe(false);
    expect(!a.ok && a.message).toContain('逗号');
    const b = parseFigure('约12');
    expect(b.ok).toBe(false);
    expect(!b.ok && b.message).toContain('不是数字');
  });
  it('writes exact decimal text', () => {
    expect(decimalText(q(1, 8))).toBe('0.125');
    expect(decimalText(dec('-3.20'))).toBe('-3.2');
    expect(decimalText(q(2, 3))).toBe('0.6666666667');
  });
});

describe('computed formulas, worked examples (DOMAIN §6)', () => {
  it('开工率 江门 206/255 = 80.8%', () => expect(fixedQ(startRate(206, 255)!, 1)).toBe('80.8'));
  it('投产率 汉中 122/124 = 98.4%', () => expect(fixedQ(productionRate(122, 124)!, 1)).toBe('98.4'));
  it('投资完成率 97.2% at the end of October', () => expect(fixedQ(investmentRate('9720', '10000')!, 1)).toBe('97.2'));
  it('竣工率, 储备转化率 and a zero denominator (no figure, not 0%)', () => {
    expect(fixedQ(completionRate(3, 40)!, 1)).toBe('7.5');
    expect(fixedQ(reserveConversionRate(12, 30)!, 1)).toBe('40.0');
    expect(startRate(0, 0)).toBeNull();
    expect(ratePct(0, 5)).toEqual(q(0));
  });
  it('亩均投资强度 = investment ÷ mu, exactly', () => {
    expect(fixedQ(investmentIntensity('35000', '70')!, 2)).toBe('500.00');
    expect(investmentIntensity('100', 0)).toBeNull();
  });
});

describe('ranks, averages, growth, rank change', () => {
  it('competition ranks: ties share a rank, the next is skipped (1, 1, 3); no figure is unranked', () => {
    expect(competitionRanks([dec(9), dec(9), dec(7), null], 'higher')).toEqual([1, 1, 3, null]);
    expect(competitionRanks([dec(9), dec(9), dec(7)], 'lower')).toEqual([2, 2, 1]);
  });
  it('average leaves units without a figure out; best follows the direction', () => {
    expect(averageQ([dec(1), null, dec(2)])).toEqual(q(3, 2));
    expect(averageQ([null])).toBeNull();
    expect(bestQ([dec(5), dec(2), null], 'lower')).toEqual(dec(2));
  });
  it('growth against the same period a year before; none without a base', () => {
    expect(fixedQ(growthQ(dec(108), dec(100))!, 1)).toBe('8.0');
    expect(fixedQ(growthQ(dec(90), dec(-100))!, 1)).toBe('190.0');
    expect(growthQ(dec(1), dec(0))).toBeNull();
    expect(growthQ(null, dec(1))).toBeNull();
  });
  it('rank change = previous − current; null when either is missing', () => {
    expect(rankChange(5, 2)).toBe(3);
    expect(rankChange(1, 3)).toBe(-2);
    expect(rankChange(null, 1)).toBeNull();
    expect(rankChange(2, null)).toBeNull();
  });
});

describe('periods', () => {
  it('parses and steps the four cadences', () => {
    expect(parsePeriod('2026-11')).toEqual({ year: 2026, cadence: 'month', index: 11, endMonth: 11 });
    expect(parsePeriod('2026-Q3')?.endMonth).toBe(9);
    expect(parsePeriod('2026-H1')?.endMonth).toBe(6);
    expect(parsePeriod('2026')?.cadence).toBe('year');
    expect(parsePeriod('2026-13')).toBeNull();
    expect(previousPeriod('2026-01')).toBe('2025-12');
    expect(previousPeriod('2026-Q1')).toBe('2025-Q4');
    expect(previousPeriod('2026-H2')).toBe('2026-H1');
    expect(samePeriodLastYear('2026-Q3')).toBe('2025-Q3');
    expect(periodLabel('2026-Q3')).toBe('2026年第三季度');
    expect(periodLabel('2026-H1')).toBe('2026年上半年');
  });
});

describe('序时 check of a target, at its edges (银川: yellow 10–30 points behind, red beyond)', () => {
  const oct = parsePeriod('2026-10')!; // 序时 = 10/12 = 83.33…%
  const check = (value: string, rules = yinchuan, over: Partial<Parameters<typeof checkTarget>[0]> = {}) =>
    checkTarget({ direction: 'higher', accumulation: 'cumulative', period: oct, value: dec(value), target: dec(1200), breakdown: null, ...over }, rules, '2026-11-05');
  it('exactly 10 points behind is yellow, a hair less is green', () => {
    // 序时 83.33…% of 1200 = 1000; 10 points = 120 → 880 is exactly 10 behind
    expect(check('880').light).toBe('yellow');
    expect(check('880.01').light).toBe('green');
    expect(roundQ(check('880').deviation!, 2)).toBe(-10);
  });
  it('exactly 30 points behind is still yellow, beyond is red', () => {
    expect(check('640').light).toBe('yellow');
    expect(check('639.99').light).toBe('red');
  });
  it('武汉: yellow below 80% of 序时, red below 60%', () => {
    expect(check('800', wuhan).light).toBe('green'); // exactly 80% of 序时
    expect(check('799.99', wuhan).light).toBe('yellow');
    expect(check('599.99', wuhan).light).toBe('red');
  });
  it('三亚: behind by at most half of 序时 is yellow', () => {
    expect(check('1000', sanya).light).toBe('green');
    expect(check('500', sanya).light).toBe('yellow');
    expect(check('499.99', sanya).light).toBe('red');
  });
  it('a breakdown replaces 序时进度 by the plan’s own share', () => {
    const breakdown = [100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100].map((x) => dec(x)); // even: 10/12
    expect(roundQ(check('880', yinchuan, { breakdown }).timeProgress!, 2)).toBe(83.33);
    const front = [300, 300, 300, 300, 0, 0, 0, 0, 0, 0, 0, 0].map((x) => dec(x)); // all by April: 100%
    expect(check('1000', yinchuan, { breakdown: front }).light).toBe('yellow'); // 83.3% vs 100%: 16.7 behind
  });
  it('lower is better: being over 序时 is judged like being behind', () => {
    expect(check('1120', yinchuan, { direction: 'lower' }).light).toBe('yellow'); // 93.3% used vs 83.3%: 10 over
    expect(check('900', yinchuan, { direction: 'lower' }).light).toBe('green');
  });
  it('per-period targets compare the period’s value with its target', () => {
    const q3 = parsePeriod('2026-Q3')!;
    const c = checkTarget({ direction: 'higher', accumulation: 'period', period: q3, value: dec('6.5'), target: dec(8), breakdown: null }, yinchuan, '2026-10-01');
    expect(c.light).toBe('yellow'); // 81.25% of target: 18.75 points short
    expect(roundQ(c.deviation!, 2)).toBe(-1.5);
    const met = checkTarget({ direction: 'higher', accumulation: 'period', period: q3, value: dec(8), target: dec(8), breakdown: null }, wuhan, '2026-10-01');
    expect(met.light).toBe('green');
  });
  it('no target: no light', () => expect(check('880', yinchuan, { target: null }).light).toBeNull());
});

describe('a league table', () => {
  it('ranks by growth for benchmarks, with gaps to the average and the leader, and rank change', () => {
    const units = [
      { key: 'a', value: dec(100), growth: dec('8.5'), lastYear: null, target: null, breakdown: null },
      { key: 'b', value: dec(90), growth: dec('8.5'), lastYear: null, target: null, breakdown: null },
      { key: 'c', value: dec(120), growth: dec('-2.1'), lastYear: null, target: null, breakdown: null },
      { key: 'd', value: null, growth: null, lastYear: null, target: null, breakdown: null },
    ];
    const l = league({ direction: 'higher', accumulation: 'cumulative', rankBy: 'growth' }, parsePeriod('2026-10')!, units, yinchuan, '2026-11-05', new Map([['a', 3], ['b', 1], ['c', 1], ['d', 2]]));
    expect(l.rows.map((r) => r.rank)).toEqual([1, 1, 3, null]);
    expect(l.rows.map((r) => r.rankChange)).toEqual([2, 0, -2, null]);
    expect(fixedQ(l.averageKey!, 2)).toBe('4.97'); // (8.5 + 8.5 − 2.1) / 3
    expect(fixedQ(l.rows[2]!.gapToLeader!, 1)).toBe('-10.6');
    expect(l.leaderKey).toBe('a');
  });
  it('computes growth from last year when none is given', () => {
    const l = league({ direction: 'higher', accumulation: 'cumulative', rankBy: 'value' }, parsePeriod('2026')!, [{ key: 'a', value: dec(110), growth: null, lastYear: dec(100), target: null, breakdown: null }], yinchuan, '2026-12-31');
    expect(fixedQ(l.rows[0]!.growth!, 1)).toBe('10.0');
    // a rate in % has no growth from last year (26.7% against 100% is not a −73.3% growth)
    const rate = league({ direction: 'higher', accumulation: 'cumulative', rankBy: 'value', percent: true }, parsePeriod('2026')!, [{ key: 'a', value: dec('26.7'), growth: null, lastYear: dec(100), target: null, breakdown: null }], yinchuan, '2026-12-31');
    expect(rate.rows[0]!.growth).toBeNull();
  });
});
