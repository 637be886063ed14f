import { describe, expect, it } from 'vitest';
import { makeCalendar } from '../../../core/calendar.js';
import { BUILTIN_RULE_SETS } from '@tiaodu/contracts';
import { campaignStatus, completion, countdown, itemLight } from './countdown.js';

describe('the countdown of a campaign', () => {
  it('counts calendar days to the end and the working days after today up to and including it, across 元旦', () => {
    // 2027's holidays are not published in the package yet: the admin enters 元旦 as an override
    const cal = makeCalendar(new Map([['2027-01-01', { isWorkday: false, name: '元旦' }]]));
    const c = countdown(cal, '2026-12-28', '2026-11-02', '2027-01-05');
    expect(c.calendarDays).toBe(8);
    // 12-29, 12-30, 12-31, (01-01 元旦, 01-02 and 01-03 weekend), 01-04, 01-05
    expect(c.workdays).toBe(5);
    // without the override 1 January 2027 (a Friday) counts as a working day
    expect(countdown(makeCalendar(), '2026-12-28', '2026-11-02', '2027-01-05').workdays).toBe(6);
  });

  it('does not count today, counts the end day, and is zero once ended', () => {
    const cal = makeCalendar();
    expect(countdown(cal, '2026-12-30', '2026-11-02', '2026-12-31')).toMatchObject({ calendarDays: 1, workdays: 1 });
    expect(countdown(cal, '2026-12-31', '2026-11-02', '2026-12-31')).toMatchObject({ calendarDays: 0, workdays: 0, timeShare: 100 });
    expect(countdown(cal, '2027-01-04', '2026-11-02', '2026-12-31')).toMatchObject({ calendarDays: -4, workdays: 0, timeShare: 100 });
    // a weekend end date: the working days before it still count
    expect(countdown(cal, '2026-12-10', '2026-11-02', '2026-12-13').workdays).toBe(1);
  });

  it('time elapsed share = (today − start) ÷ (end − start) in days, held in 0–100', () => {
    const cal = makeCalendar();
    // 大干60天: 11-02 to 12-31 is 59 days; on 12-01 29 have passed
    expect(countdown(cal, '2026-12-01', '2026-11-02', '2026-12-31').timeShare).toBe(49.15);
    expect(countdown(cal, '2026-10-01', '2026-11-02', '2026-12-31').timeShare).toBe(0);
    expect(campaignStatus('2026-10-01', '2026-11-02', '2026-12-31')).toBe('upcoming');
    expect(campaignStatus('2026-12-31', '2026-11-02', '2026-12-31')).toBe('active');
    expect(campaignStatus('2027-01-01', '2026-11-02', '2026-12-31')).toBe('ended');
  });

  it('judges an item against the time share with the rule set’s investment rule', () => {
    const rule = BUILTIN_RULE_SETS[0]!.config.investment;
    expect(completion(30, 100)).toBe(30);
    expect(completion(10, 0)).toBeNull();
    expect(itemLight(rule, null, 50, false)).toBeNull();
    expect(itemLight(rule, 20, 50, true)).toBe('green');
    // 银川 (default): yellow from 10 points behind, red beyond 30
    expect([itemLight(rule, 60, 50, false), itemLight(rule, 45, 50, false), itemLight(rule, 35, 50, false), itemLight(rule, 5, 90, false)]).toEqual(['green', 'green', 'yellow', 'red']);
  });
});
