import { describe, expect, it } from 'vitest';
import { makeCalendar } from '../../../core/calendar.js';
import { scheduleBackward } from './schedule.js';

const cal = makeCalendar();

describe('scheduleBackward (倒排工期)', () => {
  it('across the 2026 Spring Festival: holidays skipped, 调休 Saturdays worked', () => {
    const s = scheduleBackward(
      cal,
      [
        { name: '施工图审查', durationDays: 5 },
        { name: '施工许可', durationDays: 3 },
        { name: '开工', durationDays: 2 },
      ],
      '2026-03-03',
    );
    // 开工: 03-02, 03-03. 施工许可: 02-26, 02-27, 02-28 (调休 Saturday).
    // 施工图审查: five working days back from 02-25 → 02-25, 02-24, [02-15…02-23 off], 02-14 (调休), 02-13, 02-12.
    expect(s).toEqual([
      { seq: 1, name: '施工图审查', durationDays: 5, startDate: '2026-02-12', dueDate: '2026-02-25' },
      { seq: 2, name: '施工许可', durationDays: 3, startDate: '2026-02-26', dueDate: '2026-02-28' },
      { seq: 3, name: '开工', durationDays: 2, startDate: '2026-03-02', dueDate: '2026-03-03' },
    ]);
  });
  it('target on a holiday moves back to the last working day before it', () => {
    const s = scheduleBackward(cal, [{ name: '立项', durationDays: 1 }], '2026-02-20');
    expect(s[0]).toMatchObject({ startDate: '2026-02-14', dueDate: '2026-02-14' });
  });
  it('across National Day 2026 (10-01…10-07 off, 10-10 调休)', () => {
    const s = scheduleBackward(
      cal,
      [
        { name: '环评', durationDays: 4 },
        { name: '能评', durationDays: 3 },
      ],
      '2026-10-12',
    );
    // 能评: 10-12, 10-10 (调休), 10-09. 环评: 10-08, 09-30, 09-29, 09-28.
    expect(s).toEqual([
      { seq: 1, name: '环评', durationDays: 4, startDate: '2026-09-28', dueDate: '2026-10-08' },
      { seq: 2, name: '能评', durationDays: 3, startDate: '2026-10-09', dueDate: '2026-10-12' },
    ]);
  });
  it('overrides count: an extra working day on a holiday shortens the span', () => {
    const c = makeCalendar(new Map([['2026-10-07', { isWorkday: true, name: '抢工' }]]));
    const s = scheduleBackward(c, [{ name: '环评', durationDays: 3 }], '2026-10-09');
    expect(s[0]).toMatchObject({ startDate: '2026-10-07', dueDate: '2026-10-09' });
  });
});
