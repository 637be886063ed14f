import { describe, expect, it } from 'vitest';
import { BUILTIN_RULE_SETS } from '@tiaodu/contracts';
import { makeCalendar } from '../../../core/calendar.js';
import { dec, q } from '../../../core/exact.js';
import { convertUnit, dueLight, judgeTarget, monthlyBreakdown, overdueDays, reportLight, worst } from './lights.js';
import { isPeriodOpen, lastClosedPeriods, openPeriods, parseTaskPeriod, periodOf, previousTaskPeriod, taskPeriodLabel } from './periods.js';

const cal = makeCalendar();
const rules = BUILTIN_RULE_SETS[0]!.config;

describe('序时 check of a quantified target (the indicator layer’s checkTarget)', () => {
  it('worked example: 20 of 24 sites by the end of June = 83.3% against 50% 序时, 33.3 points ahead, green', () => {
    const j = judgeTarget({ value: '24', breakdown: null }, q(20), 2026, rules, '2026-06-30');
    expect(j.progress).toBe(83.33);
    expect(j.timeProgress).toBe(50);
    expect(j.deviation).toBe(33.33);
    expect(j.light).toBe('green');
    expect(j.detail).toContain('超序时33.3');
  });
  it('behind 序时 turns yellow or red by the rule set', () => {
    expect(judgeTarget({ value: '24', breakdown: null }, q(2), 2026, rules, '2026-06-30').light).toBe('red');
    expect(judgeTarget({ value: '24', breakdown: null }, q(8), 2026, rules, '2026-06-30').light).toBe('yellow'); // 16.7 points behind
    expect(judgeTarget({ value: '24', breakdown: null }, q(10), 2026, rules, '2026-06-30').light).toBe('green'); // 8.3 points behind: under 10
  });
  it('a quarterly breakdown sets 序时 by the quarters’ shares', () => {
    const b = { by: 'quarter' as const, values: ['2', '4', '8', '10'] };
    const j = judgeTarget({ value: '24', breakdown: b }, q(6), 2026, rules, '2026-06-30');
    expect(j.timeProgress).toBe(25); // (2 + 4) / 24
    expect(j.light).toBe('green');
    expect(monthlyBreakdown(b)!.map((x) => (x ? Number(x.n) : null))).toEqual([null, null, 2, null, null, 4, null, null, 8, null, null, 10]);
  });
  it('no accepted figure yet counts as nothing done', () => {
    const j = judgeTarget({ value: '24', breakdown: null }, null, 2026, rules, '2026-06-30');
    expect(j.progress).toBeNull();
    expect(j.light).toBe('red');
  });
  it('亿元 ↔ 万元 convert exactly; other units do not', () => {
    expect(convertUnit(dec('1.2345'), '亿元', '万元')).toEqual(q(12345));
    expect(convertUnit(dec('12345'), '万元', '亿元')).toEqual(dec('1.2345'));
    expect(convertUnit(q(3), '公里', '处')).toBeNull();
    expect(convertUnit(q(3), '处', '处')).toEqual(q(3));
  });
});

describe('node lights at their edges', () => {
  it('due today is not overdue (yellow: due soon); the next working day is red', () => {
    expect(dueLight(cal, '2026-06-17', null, '2026-06-17')).toBe('yellow');
    expect(dueLight(cal, '2026-06-17', null, '2026-06-18')).toBe('red');
    expect(overdueDays(cal, '2026-06-17', null, '2026-06-18')).toBe(1);
  });
  it('one working day before is yellow, two is green', () => {
    expect(dueLight(cal, '2026-06-17', null, '2026-06-16')).toBe('yellow');
    expect(dueLight(cal, '2026-06-17', null, '2026-06-15')).toBe('green');
  });
  it('a weekend after the due date alone does not make it overdue (yellow until a working day passed)', () => {
    expect(dueLight(cal, '2026-06-12', null, '2026-06-13')).toBe('yellow'); // Fri due, Sat
    expect(dueLight(cal, '2026-06-12', null, '2026-06-14')).toBe('yellow'); // Sun
    expect(dueLight(cal, '2026-06-12', null, '2026-06-15')).toBe('red'); // Mon
  });
  it('a done node has no light', () => {
    expect(dueLight(cal, '2026-06-12', '2026-06-20', '2026-06-30')).toBeNull();
  });
});

describe('light aggregation', () => {
  it('the worst light wins, with its reason', () => {
    expect(worst([{ light: 'green', reason: null }, { light: 'yellow', reason: 'y' }, { light: 'red', reason: 'r' }, { light: 'yellow', reason: 'y2' }])).toEqual({ light: 'red', reason: 'r' });
    expect(worst([{ light: 'green', reason: 'x' }])).toEqual({ light: 'green', reason: null });
    expect(worst([])).toEqual({ light: null, reason: null });
  });
  it('missing reports: one → yellow, two in a row → red', () => {
    expect([0, 1, 2, 3].map(reportLight)).toEqual(['green', 'yellow', 'red', 'red']);
  });
});

describe('report periods', () => {
  it('months, 旬 and ISO weeks', () => {
    expect(parseTaskPeriod('2026-06')).toMatchObject({ cadence: 'monthly', start: '2026-06-01', end: '2026-06-30' });
    expect(parseTaskPeriod('2026-06-x1')).toMatchObject({ cadence: 'xun', start: '2026-06-01', end: '2026-06-10' });
    expect(parseTaskPeriod('2026-06-x2')).toMatchObject({ start: '2026-06-11', end: '2026-06-20' });
    expect(parseTaskPeriod('2026-02-x3')).toMatchObject({ start: '2026-02-21', end: '2026-02-28' });
    expect(parseTaskPeriod('2024-02-x3')).toMatchObject({ end: '2024-02-29' });
    expect(parseTaskPeriod('2026-W01')).toMatchObject({ cadence: 'weekly', start: '2025-12-29', end: '2026-01-04' });
    expect(parseTaskPeriod('2026-W23')).toMatchObject({ start: '2026-06-01', end: '2026-06-07' });
    expect(parseTaskPeriod('2026-W53')).toMatchObject({ start: '2026-12-28', end: '2027-01-03' }); // 1 Jan 2026 is a Thursday
    expect(parseTaskPeriod('2025-W53')).toBeNull(); // 2025 has 52 weeks
    expect(parseTaskPeriod('2020-W53')).toMatchObject({ start: '2020-12-28', end: '2021-01-03' });
    expect(parseTaskPeriod('2026-13')).toBeNull();
    expect(parseTaskPeriod('2026-06-x4')).toBeNull();
  });
  it('the period of a date, and the one before', () => {
    expect(periodOf('xun', '2026-06-20').period).toBe('2026-06-x2');
    expect(periodOf('xun', '2026-06-21').period).toBe('2026-06-x3');
    expect(periodOf('weekly', '2026-01-01').period).toBe('2026-W01');
    expect(periodOf('weekly', '2027-01-03').period).toBe('2026-W53');
    expect(periodOf('weekly', '2027-01-04').period).toBe('2027-W01');
    expect(periodOf('weekly', '2025-12-29').period).toBe('2026-W01');
    expect(previousTaskPeriod(parseTaskPeriod('2026-06-x1')!).period).toBe('2026-05-x3');
    expect(previousTaskPeriod(parseTaskPeriod('2026-01')!).period).toBe('2025-12');
    expect(previousTaskPeriod(parseTaskPeriod('2026-W01')!).period).toBe('2025-W52');
  });
  it('a period is open from its start until three working days after its end', () => {
    const may = parseTaskPeriod('2026-05')!;
    expect(isPeriodOpen(cal, may, '2026-05-01')).toBe(true);
    expect(isPeriodOpen(cal, may, '2026-06-03')).toBe(true); // 1–3 June: the three working days
    expect(isPeriodOpen(cal, may, '2026-06-04')).toBe(false);
    expect(isPeriodOpen(cal, parseTaskPeriod('2026-07')!, '2026-06-30')).toBe(false); // not yet
    expect(openPeriods(cal, 'monthly', '2026-06-02')).toEqual(['2026-06', '2026-05']);
    expect(openPeriods(cal, 'monthly', '2026-06-15')).toEqual(['2026-06']);
    // the Dragon Boat holiday (19–21 June) stretches the 旬's window
    expect(openPeriods(cal, 'xun', '2026-06-24')).toEqual(['2026-06-x3', '2026-06-x2']);
    expect(openPeriods(cal, 'xun', '2026-06-26')).toEqual(['2026-06-x3']);
  });
  it('closed periods counted back from today, from the task’s start', () => {
    expect(lastClosedPeriods(cal, 'monthly', '2026-06-15', '2026-01-10', 3).map((p) => p.period)).toEqual(['2026-05', '2026-04', '2026-03']);
    expect(lastClosedPeriods(cal, 'monthly', '2026-06-15', '2026-05-20', 3).map((p) => p.period)).toEqual(['2026-05']);
    expect(lastClosedPeriods(cal, 'monthly', '2026-06-02', '2026-01-01', 1).map((p) => p.period)).toEqual(['2026-04']);
  });
  it('labels', () => {
    expect(taskPeriodLabel('2026-06')).toBe('2026年6月');
    expect(taskPeriodLabel('2026-06-x2')).toBe('2026年6月中旬');
    expect(taskPeriodLabel('2026-W23')).toBe('2026年第23周');
  });
});
