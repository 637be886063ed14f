import type { ApprovalAction, ApprovalStep, SignalLevel, StepLimits } from '@tiaodu/contracts';
import { APPROVAL_STEP_VALUES } from '@tiaodu/contracts';
import type { Calendar } from '../../../core/calendar.js';
import { chinaToday } from '../../../core/clock.js';
import { approvalMove, currentStep, INITIAL_STATE, type ItemState } from './state.js';

/**
 * Time of an approval item in working days (工作日).
 *
 * - A step's clock runs from the act that opens it to the act that ends it: 受理 from the
 *   application (申报), 承办 from 受理, 审核 from 承办, 批准 from 审核, 办结 from 批准.
 * - The item's clock (承诺时限) runs from 受理 to 办结.
 * - Days count on the China calendar date of each act: an interval (a, b] holds the working
 *   days after a up to and including b, so an act on the day it opens uses 0 days.
 * - 补正 stops the clock: the days from 退回补正 (exclusive) to 重新提交 (inclusive) do not
 *   count, for the step and for the item; while the item is with the applicant nothing runs.
 * - A limit of L days is met when at most L days are used; the L-th counted day is the due
 *   date, the (L+1)-th is the day it went overdue.
 *
 * Signals (预警), evaluated for a China date "today":
 * - prompt (临期提醒): a running clock with one working day or less left (the working day
 *   before the due date, and the due date itself);
 * - yellow (黄色预警): a step that used more than its own limit (stays after the step is done);
 * - red (红色预警): the item used more than its promised limit (stays after 办结).
 */

export interface TimedAction {
  action: ApprovalAction;
  /** ISO instant. */
  at: string;
}

export interface ItemLimits {
  promisedDays: number;
  stepDays: StepLimits;
}

export interface Interval {
  /** China dates. */
  from: string;
  /** null: still open. */
  to: string | null;
}

export interface Replayed {
  state: ItemState;
  /** Open and closed intervals of each step that has started. */
  steps: Partial<Record<ApprovalStep, Interval>>;
  /** Index (in the acts) of the act that opened each step and of the one that ended it. */
  stepActs: Partial<Record<ApprovalStep, { opened: number; closed: number | null }>>;
  /** China dates. */
  submittedOn: string | null;
  acceptedOn: string | null;
  completedOn: string | null;
  /** 补正 periods: returned on `from`, resubmitted on `to` (null: still with the applicant). */
  suspensions: Interval[];
}

const NEXT_STEP: Partial<Record<ApprovalAction, ApprovalStep>> = { submit: 'accept', accept: 'undertake', undertake: 'review', review: 'approve', approve: 'finish' };

/** Replays the acts of an item into its state and its intervals. Acts must be in time order. */
export function replay(actions: readonly TimedAction[]): Replayed {
  let state = INITIAL_STATE;
  const steps: Partial<Record<ApprovalStep, Interval>> = {};
  const stepActs: Partial<Record<ApprovalStep, { opened: number; closed: number | null }>> = {};
  const suspensions: Interval[] = [];
  let submittedOn: string | null = null;
  let acceptedOn: string | null = null;
  let completedOn: string | null = null;
  for (const [index, a] of actions.entries()) {
    const m = approvalMove(state, a.action);
    if (!m.ok) throw new Error(`invalid approval history at ${a.action}: ${m.reason}`);
    const day = chinaToday(new Date(a.at));
    const closing = currentStep(state);
    switch (a.action) {
      case 'return':
        suspensions.push({ from: day, to: null });
        break;
      case 'resubmit': {
        const last = suspensions[suspensions.length - 1];
        if (last) last.to = day;
        break;
      }
      default:
        if (closing && (a.action === closing || a.action === 'reject')) {
          const iv = steps[closing];
          if (iv) iv.to = day;
          const acts = stepActs[closing];
          if (acts) acts.closed = index;
        }
        if (a.action === 'submit') submittedOn = day;
        if (a.action === 'accept') acceptedOn = day;
        if (a.action === 'finish') completedOn = day;
        {
          const opens = NEXT_STEP[a.action];
          if (opens) {
            steps[opens] = { from: day, to: null };
            stepActs[opens] = { opened: index, closed: null };
          }
        }
    }
    state = m.to;
  }
  return { state, steps, stepActs, submittedOn, acceptedOn, completedOn, suspensions };
}

/**
 * Counting of working days with some days taken out (补正). `used(a, b)` counts the working
 * days in (a, b] that are not suspended; `nth(a, n)` is the date of the n-th such day after a
 * (a itself for n = 0).
 */
export interface DayCounter {
  used(from: string, to: string): number;
  nth(from: string, n: number): string;
}

/**
 * Working days are counted through the calendar's index (no walk over the days); the 补正
 * periods, few and never overlapping, are taken out interval by interval.
 */
export function dayCounter(cal: Calendar, suspensions: readonly Interval[], today: string): DayCounter {
  const idx = cal.workdayIndex;
  const periods = suspensions.map((s) => ({ from: s.from, to: s.to ?? today })).filter((s) => s.from < s.to);
  const used = (from: string, to: string): number => {
    if (to <= from) return 0;
    let n = idx(to) - idx(from);
    for (const s of periods) {
      const lo = s.from > from ? s.from : from;
      const hi = s.to < to ? s.to : to;
      if (lo < hi) n -= idx(hi) - idx(lo);
    }
    return n;
  };
  return {
    used,
    nth(from, n) {
      if (n <= 0) return from;
      // never past the answer: each jump is by the counted days still missing
      let d = cal.workdayAt(idx(from) + n);
      for (let got = used(from, d); got < n; got = used(from, d)) d = cal.workdayAt(idx(d) + (n - got));
      return d;
    },
  };
}

export interface ClockView {
  limitDays: number;
  startedOn: string | null;
  endedOn: string | null;
  usedDays: number | null;
  /** Last day within the limit; null when not started, or paused (补正) before the limit passed. */
  dueDate: string | null;
  /** The day it went past the limit, when it did (by today). */
  overdueSince: string | null;
  signal: SignalLevel;
  /** The day the current signal started: the overdue day, or for a prompt the working day before the due date. */
  signalSince: string | null;
}

/**
 * One clock against one limit. `paused`: the item is with the applicant (补正), so no due
 * date and no prompt, but a clock already past its limit stays overdue.
 */
export function clockView(counter: DayCounter, iv: Interval | undefined | null, limitDays: number, today: string, paused: boolean): ClockView {
  if (!iv) return { limitDays, startedOn: null, endedOn: null, usedDays: null, dueDate: null, overdueSince: null, signal: 'none', signalSince: null };
  const end = iv.to ?? today;
  const used = counter.used(iv.from, end);
  const overdue = used > limitDays;
  const open = iv.to === null;
  const overdueSince = overdue ? counter.nth(iv.from, limitDays + 1) : null;
  let signal: SignalLevel = 'none';
  if (overdue) signal = 'yellow';
  else if (open && !paused && limitDays - used <= 1) signal = 'prompt';
  return {
    limitDays,
    startedOn: iv.from,
    endedOn: iv.to,
    usedDays: used,
    dueDate: open && paused && !overdue ? null : counter.nth(iv.from, limitDays),
    overdueSince,
    signal,
    signalSince: signal === 'yellow' ? overdueSince : signal === 'prompt' ? counter.nth(iv.from, Math.max(0, limitDays - 1)) : null,
  };
}

export interface ItemTiming {
  replayed: Replayed;
  steps: Array<{ step: ApprovalStep } & ClockView>;
  item: ClockView;
  /** The worst signal of the item and its steps. */
  signal: SignalLevel;
  paused: boolean;
}

const RANK: Record<SignalLevel, number> = { none: 0, prompt: 1, yellow: 2, red: 3 };
export function worst(levels: readonly SignalLevel[]): SignalLevel {
  let w: SignalLevel = 'none';
  for (const l of levels) if (RANK[l] > RANK[w]) w = l;
  return w;
}

/** The time of an item and its steps on a China date. */
export function itemTiming(cal: Calendar, actions: readonly TimedAction[], limits: ItemLimits, today: string): ItemTiming {
  const r = replay(actions);
  const counter = dayCounter(cal, r.suspensions, today);
  const paused = r.state.status === 'returned';
  const steps = APPROVAL_STEP_VALUES.map((step) => ({ step, ...clockView(counter, r.steps[step], limits.stepDays[step], today, paused) }));
  const itemIv: Interval | null = r.acceptedOn ? { from: r.acceptedOn, to: r.completedOn } : null;
  const item = clockView(counter, itemIv, limits.promisedDays, today, paused);
  if (item.signal === 'yellow') item.signal = 'red';
  return { replayed: r, steps, item, signal: worst([item.signal, ...steps.map((s) => s.signal)]), paused };
}

export interface SignalFact {
  scope: 'step' | 'item';
  step: ApprovalStep | null;
  kind: 'prompt' | 'yellow' | 'red';
  /** The China date from which the signal holds. */
  since: string;
  /** The last day of the limit it is about. */
  dueDate: string;
  limitDays: number;
  usedDays: number;
}

/**
 * The signals an item carries on a date, one per (scope, step, kind): what a scheduled run
 * records. Yellow and red are facts that stay; a prompt only exists while its clock is in
 * its last working day or the one before, so a run that comes after the limit has passed
 * records yellow or red, not a late prompt.
 */
export function signalFacts(t: ItemTiming): SignalFact[] {
  const facts: SignalFact[] = [];
  const add = (scope: 'step' | 'item', step: ApprovalStep | null, c: ClockView) => {
    if (c.signal === 'none' || c.usedDays === null || !c.startedOn) return;
    const kind = scope === 'item' && c.signal === 'yellow' ? 'red' : c.signal;
    facts.push({ scope, step, kind, since: c.signalSince!, dueDate: c.dueDate!, limitDays: c.limitDays, usedDays: c.usedDays });
  };
  for (const s of t.steps) add('step', s.step, s);
  add('item', null, t.item);
  return facts;
}

/**
 * What is stored on an item after every act, so that lists and tables can filter, sort, page
 * and count in SQL instead of replaying every item's events. Only running clocks move with
 * time, and each of them changes its signal on a date known in advance; everything else is
 * fixed until the next act:
 *
 * - `fixed`: the worst signal that no longer depends on the date — yellow of a step done
 *   late, red of an item finished late, and every signal while the item waits for the
 *   applicant (补正 stops all clocks, and no prompt is given then);
 * - `promptOn`, `yellowOn`: the first date of the prompt and of the yellow of the running
 *   clocks (the current step and, after 受理, the item), or null;
 * - `redOn`: the date the item goes, or went, past its promised limit (its 超时 date), or null;
 * - `dueDate`, `acceptedOn`, `completedOn`, `usedDays` (working days 受理 → 办结 of a
 *   completed item): the item's own dates, for sorting and the efficiency tables.
 *
 * The signal on a date D is `signalOn(stored, D)`, equal to `itemTiming(…, D).signal` for
 * every D from the day of the last act until the next act (tested over random histories).
 * A change of the working-day calendar moves the dates: they are then computed again.
 */
export interface StoredTiming {
  fixed: 'none' | 'yellow' | 'red';
  promptOn: string | null;
  yellowOn: string | null;
  redOn: string | null;
  dueDate: string | null;
  acceptedOn: string | null;
  completedOn: string | null;
  usedDays: number | null;
}

export function storedTiming(cal: Calendar, t: ItemTiming, today: string): StoredTiming {
  const r = t.replayed;
  const counter = dayCounter(cal, r.suspensions, today);
  const out: StoredTiming = {
    fixed: 'none',
    promptOn: null,
    yellowOn: null,
    redOn: null,
    dueDate: t.item.dueDate,
    acceptedOn: r.acceptedOn,
    completedOn: r.completedOn,
    usedDays: r.completedOn ? t.item.usedDays : null,
  };
  const min = (a: string | null, b: string) => (a === null || b < a ? b : a);
  const clock = (c: ClockView, late: 'yellow' | 'red') => {
    if (c.startedOn === null) return;
    if (c.endedOn === null && !t.paused) {
      out.promptOn = min(out.promptOn, counter.nth(c.startedOn, Math.max(0, c.limitDays - 1)));
      const overdue = counter.nth(c.startedOn, c.limitDays + 1);
      if (late === 'red') out.redOn = overdue;
      else out.yellowOn = min(out.yellowOn, overdue);
    } else if (c.signal === 'yellow' || c.signal === 'red') {
      out.fixed = worst([out.fixed, late]) as StoredTiming['fixed'];
      if (late === 'red') out.redOn = c.overdueSince;
    }
  };
  for (const s of t.steps) clock(s, 'yellow');
  clock(t.item, 'red');
  return out;
}

/** The signal an item carries on a China date, from its stored schedule. */
export function signalOn(s: Pick<StoredTiming, 'fixed' | 'promptOn' | 'yellowOn' | 'redOn'>, date: string): SignalLevel {
  if (s.fixed === 'red' || (s.redOn !== null && s.redOn <= date)) return 'red';
  if (s.fixed === 'yellow' || (s.yellowOn !== null && s.yellowOn <= date)) return 'yellow';
  if (s.promptOn !== null && s.promptOn <= date) return 'prompt';
  return 'none';
}
