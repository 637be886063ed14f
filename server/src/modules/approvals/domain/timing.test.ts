import { describe, expect, it } from 'vitest';
import type { ApprovalAction } from '@tiaodu/contracts';
import { makeCalendar } from '../../../core/calendar.js';
import { APPROVAL_ACTION_VALUES } from '@tiaodu/contracts';
import { shiftDate } from '../../../core/calendar.js';
import { approvalMove, INITIAL_STATE } from './state.js';
import { dayCounter, itemTiming, replay, signalFacts, signalOn, storedTiming, worst, type ItemLimits, type TimedAction } from './timing.js';

const cal = makeCalendar();
/** An act at a China wall-clock time. */
const at = (action: ApprovalAction, china: string): TimedAction => ({ action, at: new Date(`${china.replace(' ', 'T')}:00+08:00`).toISOString() });
const limits: ItemLimits = { promisedDays: 10, stepDays: { accept: 1, undertake: 4, review: 2, approve: 2, finish: 1 } };

/*
 * Worked example across the 2026 Spring Festival (02-15…02-23 off, 调休 Saturdays 02-14
 * and 02-28 on) with a 补正 in the middle:
 *   02-12 申报 · 02-13 受理 · 03-02 承办 · 03-03 退回补正 · 03-05 重新提交 · 03-06 审核 ·
 *   03-09 批准 · 03-11 办结
 */
const history = [
  at('submit', '2026-02-12 09:00'),
  at('accept', '2026-02-13 10:00'),
  at('undertake', '2026-03-02 10:00'),
  at('return', '2026-03-03 15:00'),
  at('resubmit', '2026-03-05 09:00'),
  at('review', '2026-03-06 11:00'),
  at('approve', '2026-03-09 16:00'),
  at('finish', '2026-03-11 09:30'),
];
const upTo = (n: number) => history.slice(0, n);
const step = (t: ReturnType<typeof itemTiming>, s: string) => t.steps.find((x) => x.step === s)!;

describe('replay', () => {
  it('turns acts into China dates, step intervals and 补正 periods', () => {
    const r = replay(history);
    expect(r.state).toEqual({ status: 'done', resumeTo: null });
    expect(r).toMatchObject({ submittedOn: '2026-02-12', acceptedOn: '2026-02-13', completedOn: '2026-03-11' });
    expect(r.steps).toEqual({
      accept: { from: '2026-02-12', to: '2026-02-13' },
      undertake: { from: '2026-02-13', to: '2026-03-02' },
      review: { from: '2026-03-02', to: '2026-03-06' },
      approve: { from: '2026-03-06', to: '2026-03-09' },
      finish: { from: '2026-03-09', to: '2026-03-11' },
    });
    expect(r.suspensions).toEqual([{ from: '2026-03-03', to: '2026-03-05' }]);
    // 受理 opened by 申报 (act 0), closed by 受理 (act 1); 审核 opened by 承办 (act 2), closed by 审核 (act 5)
    expect(r.stepActs).toEqual({ accept: { opened: 0, closed: 1 }, undertake: { opened: 1, closed: 2 }, review: { opened: 2, closed: 5 }, approve: { opened: 5, closed: 6 }, finish: { opened: 6, closed: 7 } });
  });
  it('dates an act by the China calendar: 17:00 UTC is already the next day', () => {
    const r = replay([{ action: 'submit', at: '2026-02-12T15:59:00Z' }, { action: 'accept', at: '2026-02-12T16:00:00Z' }]);
    expect(r.submittedOn).toBe('2026-02-12');
    expect(r.acceptedOn).toBe('2026-02-13');
  });
  it('refuses a history the state machine does not allow', () => {
    expect(() => replay([at('submit', '2026-03-02 09:00'), at('finish', '2026-03-02 10:00')])).toThrow();
  });
});

describe('day counter', () => {
  it('counts working days in (a, b] and skips 补正 days', () => {
    const c = dayCounter(cal, [{ from: '2026-03-03', to: '2026-03-05' }], '2026-03-20');
    expect(c.used('2026-02-13', '2026-02-28')).toBe(6); // 02-14, 02-24…02-28
    expect(c.used('2026-03-02', '2026-03-06')).toBe(2); // 03-03, 03-06 (03-04, 03-05 suspended)
    expect(c.nth('2026-03-02', 2)).toBe('2026-03-06');
    expect(c.nth('2026-03-02', 0)).toBe('2026-03-02');
  });
  it('an open 补正 runs up to today', () => {
    const c = dayCounter(cal, [{ from: '2026-03-03', to: null }], '2026-03-05');
    expect(c.used('2026-03-02', '2026-03-05')).toBe(1);
  });
});

describe('day counter by the calendar index', () => {
  /** The definition, day by day. */
  const naive = (suspensions: Array<{ from: string; to: string | null }>, today: string) => {
    const out = new Set<string>();
    for (const s of suspensions) for (let d = shiftDate(s.from, 1); d <= (s.to ?? today); d = shiftDate(d, 1)) out.add(d);
    const counts = (d: string) => cal.isWorkday(d) && !out.has(d);
    return {
      used: (a: string, b: string) => {
        let n = 0;
        for (let d = shiftDate(a, 1); d <= b; d = shiftDate(d, 1)) if (counts(d)) n++;
        return n;
      },
      nth: (a: string, n: number) => {
        let d = a;
        for (let k = 0; k < n; ) {
          d = shiftDate(d, 1);
          if (counts(d)) k++;
        }
        return d;
      },
    };
  };

  it('counts and finds the n-th day as walking the days does, over random intervals and 补正 periods', () => {
    let seed = 7;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let i = 0; i < 400; i++) {
      const start = shiftDate('2025-12-01', rnd(420));
      const suspensions: Array<{ from: string; to: string | null }> = [];
      let d = shiftDate(start, rnd(20));
      for (let k = rnd(3); k > 0; k--) {
        const to = shiftDate(d, 1 + rnd(12));
        suspensions.push({ from: d, to });
        d = shiftDate(to, rnd(10));
      }
      if (rnd(3) === 0) suspensions.push({ from: d, to: null });
      const today = shiftDate(d, rnd(15));
      const fast = dayCounter(cal, suspensions, today);
      const slow = naive(suspensions, today);
      const a = shiftDate(start, rnd(10));
      const b = shiftDate(a, rnd(80));
      expect(fast.used(a, b), `${a}..${b} ${JSON.stringify(suspensions)}`).toBe(slow.used(a, b));
      expect(fast.used(b, a)).toBe(0);
      const n = rnd(40);
      expect(fast.nth(a, n), `${a} + ${n} ${JSON.stringify(suspensions)} today ${today}`).toBe(slow.nth(a, n));
    }
  });

  it('the calendar index: differences are working days, and workdayAt inverts it', () => {
    // 2026 Spring Festival: 02-14 (Sat) works, 02-15…02-23 off
    expect(cal.workdayIndex('2026-02-24') - cal.workdayIndex('2026-02-13')).toBe(2);
    expect(cal.workdayIndex('2026-02-22')).toBe(cal.workdayIndex('2026-02-14'));
    expect(cal.workdayAt(cal.workdayIndex('2026-02-14'))).toBe('2026-02-14');
    expect(cal.workdayAt(cal.workdayIndex('2026-02-14') + 1)).toBe('2026-02-24');
    expect(cal.workdayIndex('2000-01-01')).toBe(0); // a Saturday
  });
});

describe('signals of one item', () => {
  it('承办 across the Spring Festival: prompt on 02-25 and 02-26, yellow from 02-27', () => {
    const h = upTo(2);
    expect(step(itemTiming(cal, h, limits, '2026-02-14'), 'undertake')).toMatchObject({ usedDays: 1, dueDate: '2026-02-26', signal: 'none' });
    expect(step(itemTiming(cal, h, limits, '2026-02-20'), 'undertake')).toMatchObject({ usedDays: 1, signal: 'none' }); // 春节 holiday
    expect(step(itemTiming(cal, h, limits, '2026-02-24'), 'undertake')).toMatchObject({ usedDays: 2, signal: 'none' });
    expect(step(itemTiming(cal, h, limits, '2026-02-25'), 'undertake')).toMatchObject({ usedDays: 3, signal: 'prompt', signalSince: '2026-02-25' });
    expect(step(itemTiming(cal, h, limits, '2026-02-26'), 'undertake')).toMatchObject({ usedDays: 4, signal: 'prompt', signalSince: '2026-02-25' });
    const t = itemTiming(cal, h, limits, '2026-02-27');
    expect(step(t, 'undertake')).toMatchObject({ usedDays: 5, signal: 'yellow', overdueSince: '2026-02-27' });
    // the item's own promised limit: 10 days from 受理 on 02-13 → due 03-05 (调休 02-28 counts)
    expect(t.item).toMatchObject({ usedDays: 5, dueDate: '2026-03-05', signal: 'none' });
    expect(t.signal).toBe('yellow');
    expect(step(t, 'accept')).toMatchObject({ usedDays: 1, signal: 'none' });
  });

  it('a 1-day limit prompts on its first day and is yellow on the third', () => {
    const h = [at('submit', '2026-03-02 09:00')];
    expect(step(itemTiming(cal, h, limits, '2026-03-02'), 'accept')).toMatchObject({ usedDays: 0, dueDate: '2026-03-03', signal: 'prompt', signalSince: '2026-03-02' });
    expect(step(itemTiming(cal, h, limits, '2026-03-03'), 'accept')).toMatchObject({ usedDays: 1, signal: 'prompt' });
    expect(step(itemTiming(cal, h, limits, '2026-03-04'), 'accept')).toMatchObject({ usedDays: 2, signal: 'yellow', overdueSince: '2026-03-04' });
    // on a Saturday after a Friday due date the limit is not yet passed
    const fri = [at('submit', '2026-03-05 09:00')];
    expect(step(itemTiming(cal, fri, limits, '2026-03-07'), 'accept')).toMatchObject({ usedDays: 1, dueDate: '2026-03-06', signal: 'prompt' });
    expect(step(itemTiming(cal, fri, limits, '2026-03-09'), 'accept')).toMatchObject({ usedDays: 2, signal: 'yellow' });
  });

  it('a 0-day limit (当场办结): prompt on its day, yellow the next working day', () => {
    const zero: ItemLimits = { promisedDays: 2, stepDays: { accept: 0, undertake: 1, review: 0, approve: 0, finish: 0 } };
    const h = [at('submit', '2026-03-06 09:00')]; // Friday
    expect(step(itemTiming(cal, h, zero, '2026-03-06'), 'accept')).toMatchObject({ usedDays: 0, dueDate: '2026-03-06', signal: 'prompt', signalSince: '2026-03-06' });
    expect(step(itemTiming(cal, h, zero, '2026-03-07'), 'accept')).toMatchObject({ usedDays: 0, signal: 'prompt' });
    expect(step(itemTiming(cal, h, zero, '2026-03-09'), 'accept')).toMatchObject({ usedDays: 1, signal: 'yellow', overdueSince: '2026-03-09' });
    const sameDay = [...h, at('accept', '2026-03-06 09:30')];
    expect(step(itemTiming(cal, sameDay, zero, '2026-03-09'), 'accept')).toMatchObject({ usedDays: 0, signal: 'none' });
  });

  it('补正 pauses the clock: no due date and no prompt while returned, the days are not counted after', () => {
    const paused = itemTiming(cal, upTo(4), limits, '2026-03-04');
    expect(paused.paused).toBe(true);
    expect(step(paused, 'review')).toMatchObject({ usedDays: 1, dueDate: null, signal: 'none' });
    expect(paused.item).toMatchObject({ usedDays: 8, dueDate: null, signal: 'none' });
    // 承办 stays yellow: it took 7 days against 4
    expect(step(paused, 'undertake')).toMatchObject({ usedDays: 7, signal: 'yellow', overdueSince: '2026-02-27' });
    // a clock already past its limit keeps its due date while paused
    const late = itemTiming(cal, [at('submit', '2026-03-02 09:00'), at('return', '2026-03-05 09:00')], limits, '2026-03-06');
    expect(step(late, 'accept')).toMatchObject({ usedDays: 3, dueDate: '2026-03-03', signal: 'yellow' });
    expect(paused.signal).toBe('yellow');

    const resumed = itemTiming(cal, upTo(5), limits, '2026-03-05');
    expect(resumed.paused).toBe(false);
    expect(step(resumed, 'review')).toMatchObject({ usedDays: 1, dueDate: '2026-03-06', signal: 'prompt' });
    // item: 8 days used, 03-04 and 03-05 not counted → due 03-09 instead of 03-05
    expect(resumed.item).toMatchObject({ usedDays: 8, dueDate: '2026-03-09', signal: 'none' });
  });

  it('a finished item keeps its yellow steps and its red: 12 days against 10', () => {
    const t = itemTiming(cal, history, limits, '2026-03-12');
    expect(t.item).toMatchObject({ usedDays: 12, dueDate: '2026-03-09', overdueSince: '2026-03-10', signal: 'red', endedOn: '2026-03-11' });
    expect(step(t, 'review')).toMatchObject({ usedDays: 2, signal: 'none' });
    expect(step(t, 'approve')).toMatchObject({ usedDays: 1, signal: 'none' });
    expect(step(t, 'finish')).toMatchObject({ usedDays: 2, signal: 'yellow', overdueSince: '2026-03-11' });
    expect(t.signal).toBe('red');
    expect(signalFacts(t)).toEqual([
      { scope: 'step', step: 'undertake', kind: 'yellow', since: '2026-02-27', dueDate: '2026-02-26', limitDays: 4, usedDays: 7 },
      { scope: 'step', step: 'finish', kind: 'yellow', since: '2026-03-11', dueDate: '2026-03-10', limitDays: 1, usedDays: 2 },
      { scope: 'item', step: null, kind: 'red', since: '2026-03-10', dueDate: '2026-03-09', limitDays: 10, usedDays: 12 },
    ]);
  });

  it('the item prompt one working day before its promised limit', () => {
    // accepted 03-02 (Mon): promised 10 → due 03-16 (Mon), prompt from 03-13 (Fri)
    const h = [at('submit', '2026-03-02 08:30'), at('accept', '2026-03-02 09:00'), at('undertake', '2026-03-03 09:00'), at('review', '2026-03-05 09:00'), at('approve', '2026-03-06 09:00')];
    expect(itemTiming(cal, h, limits, '2026-03-12').item).toMatchObject({ usedDays: 8, dueDate: '2026-03-16', signal: 'none' });
    const p = itemTiming(cal, h, limits, '2026-03-13');
    expect(p.item).toMatchObject({ usedDays: 9, dueDate: '2026-03-16', signal: 'prompt', signalSince: '2026-03-13' });
    expect(signalFacts(p).filter((f) => f.scope === 'item')).toEqual([{ scope: 'item', step: null, kind: 'prompt', since: '2026-03-13', dueDate: '2026-03-16', limitDays: 10, usedDays: 9 }]);
    // the weekend in between does not count
    expect(itemTiming(cal, h, limits, '2026-03-15').item).toMatchObject({ usedDays: 9, signal: 'prompt' });
    expect(itemTiming(cal, h, limits, '2026-03-16').item).toMatchObject({ usedDays: 10, signal: 'prompt' });
    expect(itemTiming(cal, h, limits, '2026-03-17').item).toMatchObject({ usedDays: 11, signal: 'red', overdueSince: '2026-03-17' });
  });

  it('a late run records yellow and red, never a prompt for a limit already passed', () => {
    const h = [at('submit', '2026-03-02 09:00'), at('accept', '2026-03-02 09:30')];
    const facts = signalFacts(itemTiming(cal, h, limits, '2026-03-31'));
    expect(facts.map((f) => `${f.scope}/${f.step}/${f.kind}/${f.since}`)).toEqual(['step/undertake/yellow/2026-03-09', 'item/null/red/2026-03-17']);
  });

  it('orders signals none < prompt < yellow < red', () => {
    expect(worst(['none', 'prompt'])).toBe('prompt');
    expect(worst(['yellow', 'prompt', 'none'])).toBe('yellow');
    expect(worst(['yellow', 'red'])).toBe('red');
    expect(worst([])).toBe('none');
  });
});

describe('stored timing', () => {
  it('the worked example: prompt, yellow and red dates of the running clocks, fixed signals of the closed ones', () => {
    // accepted 02-13: 承办 (4 days) prompt from 02-25, yellow from 02-27; the item (10 days) prompt from 03-04, red from 03-06
    const s = storedTiming(cal, itemTiming(cal, upTo(2), limits, '2026-02-13'), '2026-02-13');
    expect(s).toEqual({ fixed: 'none', promptOn: '2026-02-25', yellowOn: '2026-02-27', redOn: '2026-03-06', dueDate: '2026-03-05', acceptedOn: '2026-02-13', completedOn: null, usedDays: null });
    expect(signalOn(s, '2026-02-24')).toBe('none');
    expect(signalOn(s, '2026-02-25')).toBe('prompt');
    expect(signalOn(s, '2026-02-27')).toBe('yellow');
    expect(signalOn(s, '2026-03-06')).toBe('red');
    // 补正 on 03-03: every clock stops; 承办 was late, so yellow stays, and no prompt is given
    const paused = storedTiming(cal, itemTiming(cal, upTo(4), limits, '2026-03-03'), '2026-03-03');
    expect(paused).toMatchObject({ fixed: 'yellow', promptOn: null, yellowOn: null, redOn: null, completedOn: null });
    // finished 12 days against 10: red for good, 超时 since 03-10
    expect(storedTiming(cal, itemTiming(cal, history, limits, '2026-03-11'), '2026-03-11')).toEqual({
      fixed: 'red',
      promptOn: null,
      yellowOn: null,
      redOn: '2026-03-10',
      dueDate: '2026-03-09',
      acceptedOn: '2026-02-13',
      completedOn: '2026-03-11',
      usedDays: 12,
    });
  });

  it('gives the signal itemTiming computes on every later date, over random histories', () => {
    // a small deterministic generator (mulberry32) so that a failure can be replayed
    let seed = 20261202;
    const rnd = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
      return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
    };
    const pick = <T>(a: readonly T[]) => a[Math.floor(rnd() * a.length)]!;
    let checked = 0;
    for (let n = 0; n < 300; n++) {
      const lim: ItemLimits = {
        promisedDays: 1 + Math.floor(rnd() * 15),
        stepDays: { accept: pick([0, 1, 2]), undertake: pick([0, 1, 3, 5]), review: pick([0, 1, 2, 4]), approve: pick([0, 1, 2]), finish: pick([0, 1, 2]) },
      };
      // around the 2026 Spring Festival and National Day, where 调休 and holidays matter
      let day = pick(['2026-01-20', '2026-02-05', '2026-04-28', '2026-09-22', '2026-12-20']);
      let state = INITIAL_STATE;
      const acts: TimedAction[] = [];
      const length = 1 + Math.floor(rnd() * 9);
      for (let k = 0; k < length; k++) {
        const allowed = APPROVAL_ACTION_VALUES.filter((a) => approvalMove(state, a).ok);
        if (!allowed.length) break;
        const a = pick(allowed);
        day = shiftDate(day, Math.floor(rnd() * 7));
        acts.push(at(a, `${day} ${String(9 + k).padStart(2, '0')}:00`));
        state = (approvalMove(state, a) as { ok: true; to: typeof state }).to;
        // the schedule as stored by the act (today = the act's day) or by a later refresh
        const computedOn = rnd() < 0.5 ? day : shiftDate(day, Math.floor(rnd() * 10));
        const s = storedTiming(cal, itemTiming(cal, acts, lim, computedOn), computedOn);
        for (let d = computedOn; d <= shiftDate(computedOn, 45); d = shiftDate(d, 1)) {
          const t = itemTiming(cal, acts, lim, d);
          const fail = (what: string, got: unknown, want: unknown) => {
            throw new Error(`history ${JSON.stringify(acts)} limits ${JSON.stringify(lim)} on ${d}: ${what} ${JSON.stringify(got)} from ${JSON.stringify(s)}, timing ${JSON.stringify(want)}`);
          };
          if (signalOn(s, d) !== t.signal) fail('signal', signalOn(s, d), t.signal);
          // the 超时 date as the efficiency tables read it: red_on up to the date
          const overdueOn = s.redOn !== null && s.redOn <= d ? s.redOn : null;
          if (overdueOn !== t.item.overdueSince) fail('overdue since', overdueOn, t.item.overdueSince);
          if (s.dueDate !== t.item.dueDate) fail('due date', s.dueDate, t.item.dueDate);
          const used = t.replayed.completedOn ? t.item.usedDays : null;
          if (s.usedDays !== used || s.acceptedOn !== t.replayed.acceptedOn || s.completedOn !== t.replayed.completedOn) fail('days', s, t.replayed);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(10_000);
  });
});
