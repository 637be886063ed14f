import { describe, expect, it } from 'vitest';
import { baseDay, makeCalendar, shiftDate } from './calendar.js';

const cal = makeCalendar();

describe('official calendar (chinese-days 1.5.7)', () => {
  it('2026 Spring Festival: 02-15…02-23 off, 调休 on 02-14 and 02-28', () => {
    for (let d = '2026-02-15'; d <= '2026-02-23'; d = shiftDate(d, 1)) {
      expect(cal.isWorkday(d), d).toBe(false);
      expect(baseDay(d)).toMatchObject({ kind: 'holiday', name: '春节' });
    }
    expect(baseDay('2026-02-14')).toMatchObject({ isWorkday: true, kind: 'adjusted', name: '春节' });
    expect(baseDay('2026-02-28')).toMatchObject({ isWorkday: true, kind: 'adjusted', name: '春节' });
    expect(baseDay('2026-02-13')).toMatchObject({ isWorkday: true, kind: 'workday', name: null });
    expect(baseDay('2026-02-24').kind).toBe('workday');
    expect(baseDay('2026-02-07').kind).toBe('weekend');
  });
  it('2026 National Day: 10-01…10-07 off, 调休 on Saturday 10-10', () => {
    for (let d = '2026-10-01'; d <= '2026-10-07'; d = shiftDate(d, 1)) expect(cal.isWorkday(d), d).toBe(false);
    expect(baseDay('2026-10-10')).toMatchObject({ isWorkday: true, kind: 'adjusted', name: '国庆节' });
    expect(cal.isWorkday('2026-10-11')).toBe(false);
  });
});

describe('working-day arithmetic', () => {
  it('addWorkdays across the Spring Festival, forward and backward', () => {
    expect(cal.addWorkdays('2026-02-13', 1)).toBe('2026-02-14'); // 调休 Saturday
    expect(cal.addWorkdays('2026-02-14', 1)).toBe('2026-02-24');
    expect(cal.addWorkdays('2026-02-24', -1)).toBe('2026-02-14');
    expect(cal.addWorkdays('2026-02-24', -2)).toBe('2026-02-13');
    expect(cal.addWorkdays('2026-02-27', 1)).toBe('2026-02-28');
    expect(cal.addWorkdays('2026-03-02', -1)).toBe('2026-02-28');
    expect(cal.addWorkdays('2026-02-20', 0)).toBe('2026-02-20');
  });
  it('workdaysBetween counts (a, b] and is antisymmetric', () => {
    // 02-14 (调休), 02-24…02-28 (Tue–Sat incl. 调休 Saturday)
    expect(cal.workdaysBetween('2026-02-13', '2026-02-28')).toBe(6);
    expect(cal.workdaysBetween('2026-02-28', '2026-02-13')).toBe(-6);
    expect(cal.workdaysBetween('2026-09-30', '2026-10-09')).toBe(2);
    expect(cal.workdaysBetween('2026-03-02', '2026-03-02')).toBe(0);
  });
  it('nextWorkday / previousWorkday', () => {
    expect(cal.nextWorkday('2026-10-01')).toBe('2026-10-08');
    expect(cal.nextWorkday('2026-10-09')).toBe('2026-10-09');
    expect(cal.previousWorkday('2026-10-07')).toBe('2026-09-30');
  });
  it('admin overrides win over the official calendar', () => {
    const c = makeCalendar(
      new Map([
        ['2026-02-14', { isWorkday: false, name: '县里放假' }],
        ['2026-02-22', { isWorkday: true, name: '抢工' }],
      ]),
    );
    expect(c.isWorkday('2026-02-14')).toBe(false);
    expect(c.isWorkday('2026-02-22')).toBe(true);
    expect(c.addWorkdays('2026-02-13', 1)).toBe('2026-02-22');
    expect(c.addWorkdays('2026-02-24', -1)).toBe('2026-02-22');
    expect(c.addWorkdays('2026-02-24', -2)).toBe('2026-02-13');
  });
  it('is fast: 200 spans of 250 working days in under 2 s', () => {
    const t = performance.now();
    for (let i = 0; i < 200; i++) cal.addWorkdays('2026-01-05', 250);
    expect(performance.now() - t).toBeLessThan(2000);
  });
});

describe('working days counted through the index', () => {
  it('equal a walk over the days, with the admin’s overrides, across years and in both directions', () => {
    const cal = makeCalendar(new Map([['2026-06-16', { isWorkday: false, name: '防汛停工' }], ['2027-01-02', { isWorkday: true, name: '补班' }]]));
    const walk = (a: string, b: string) => {
      if (a === b) return 0;
      const [lo, hi, sign] = a < b ? [a, b, 1] : [b, a, -1];
      let n = 0;
      for (let d = shiftDate(lo, 1); d <= hi; d = shiftDate(d, 1)) if (cal.isWorkday(d)) n++;
      return n * sign;
    };
    let seed = 11;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let i = 0; i < 300; i++) {
      const a = shiftDate('2025-10-01', rnd(600));
      const b = shiftDate(a, rnd(400) - 200);
      expect(cal.workdaysBetween(a, b), `${a} → ${b}`).toBe(walk(a, b));
    }
  });
});
