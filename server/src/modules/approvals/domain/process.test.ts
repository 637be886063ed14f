import { describe, expect, it } from 'vitest';
import { DEFAULT_PROCESS_LIMITS, type ProcessLimits } from '@tiaodu/contracts';
import { makeCalendar } from '../../../core/calendar.js';
import { handlingDays, processView, type ProcessItem } from './process.js';

const cal = makeCalendar();

/*
 * Two items of 立项用地规划许可 handled in parallel (并联审批):
 *   A 受理 03-02, 办结 03-06 → 03-03…03-06 (4 days)
 *   B 受理 03-04, 办结 03-10 → 03-05, 03-06, 03-09, 03-10 (4 days)
 *   together 03-03, 03-04, 03-05, 03-06, 03-09, 03-10 = 6 days, not 8
 * and one item of 工程建设许可, C 受理 03-09, still open.
 */
const items: ProcessItem[] = [
  { phase: 'land_planning', handling: { from: '2026-03-02', to: '2026-03-06' }, suspensions: [] },
  { phase: 'land_planning', handling: { from: '2026-03-04', to: '2026-03-10' }, suspensions: [] },
  { phase: 'engineering', handling: { from: '2026-03-09', to: null }, suspensions: [] },
  { phase: 'construction', handling: null, suspensions: [] },
];
const tight: ProcessLimits = { total: 10, phases: { land_planning: 5, engineering: 3, construction: 1, acceptance: 1 } };

describe('whole approval process (全流程)', () => {
  it('counts parallel items once per phase and sums the phases', () => {
    const v = processView(cal, items, DEFAULT_PROCESS_LIMITS, '2026-03-13');
    expect(v.phases.map((p) => [p.phase, p.usedDays, p.items, p.running, p.signal])).toEqual([
      ['land_planning', 6, 2, 0, 'none'],
      ['engineering', 4, 1, 1, 'none'],
      ['construction', 0, 1, 0, 'none'],
      ['acceptance', 0, 0, 0, 'none'],
    ]);
    expect(v).toMatchObject({ limitDays: 120, usedDays: 10, remainingDays: 110, signal: 'none' });
  });

  it('yellow for a phase over its own limit, prompt then red for the whole process', () => {
    const fri = processView(cal, items, tight, '2026-03-13');
    expect(fri.phases.map((p) => p.signal)).toEqual(['yellow', 'yellow', 'none', 'none']);
    // 10 of 10 used with C still running: the last day → prompt
    expect(fri).toMatchObject({ usedDays: 10, remainingDays: 0, signal: 'prompt' });
    // the weekend adds nothing; Monday makes it 11
    expect(processView(cal, items, tight, '2026-03-15')).toMatchObject({ usedDays: 10, signal: 'prompt' });
    expect(processView(cal, items, tight, '2026-03-16')).toMatchObject({ usedDays: 11, remainingDays: -1, signal: 'red' });
  });

  it('a phase with nothing running does not prompt, and 补正 days do not count', () => {
    const done: ProcessItem[] = [{ phase: 'land_planning', handling: { from: '2026-03-02', to: '2026-03-09' }, suspensions: [{ from: '2026-03-03', to: '2026-03-05' }] }];
    // 03-03, 03-06, 03-09 (03-04, 03-05 with the applicant)
    expect([...handlingDays(cal, done[0]!, '2026-03-20')]).toEqual(['2026-03-03', '2026-03-06', '2026-03-09']);
    const v = processView(cal, done, { ...tight, phases: { ...tight.phases, land_planning: 4 } }, '2026-03-20');
    expect(v.phases[0]).toMatchObject({ usedDays: 3, running: 0, signal: 'none' });
    // an item with the applicant is not running either
    const paused: ProcessItem[] = [{ phase: 'land_planning', handling: { from: '2026-03-02', to: null }, suspensions: [{ from: '2026-03-05', to: null }] }];
    const p = processView(cal, paused, { ...tight, phases: { ...tight.phases, land_planning: 4 } }, '2026-03-20');
    expect(p.phases[0]).toMatchObject({ usedDays: 3, running: 0, signal: 'none' });
  });

  it('across the National Day holiday of 2025 (10-01…10-08 off, 调休 09-28 and 10-11 on)', () => {
    const one: ProcessItem[] = [{ phase: 'construction', handling: { from: '2025-09-26', to: '2025-10-13' }, suspensions: [] }];
    // 09-28 (Sun, 调休), 09-29, 09-30, 10-09, 10-10, 10-11 (Sat, 调休), 10-13
    expect(processView(cal, one, DEFAULT_PROCESS_LIMITS, '2025-10-20').phases[2]).toMatchObject({ usedDays: 7 });
  });
});
