import { describe, expect, it } from 'vitest';
import { nodeState, parseBreakdown, pct, periodLabel } from './taskView';

describe('task view helpers', () => {
  it('tells a node done, overdue, due soon or pending', () => {
    expect(nodeState({ dueDate: '2026-06-01', doneDate: '2026-05-30', overdueDays: 0 }, '2026-06-10')).toBe('done');
    expect(nodeState({ dueDate: '2026-06-01', doneDate: null, overdueDays: 5 }, '2026-06-10')).toBe('overdue');
    expect(nodeState({ dueDate: '2026-06-12', doneDate: null, overdueDays: 0 }, '2026-06-10')).toBe('soon');
    expect(nodeState({ dueDate: '2026-08-12', doneDate: null, overdueDays: 0 }, '2026-06-10')).toBe('pending');
  });

  it('formats rates and breakdowns', () => {
    expect(pct(null)).toBe('—');
    expect(pct(12.345)).toBe('12.35%');
    expect(parseBreakdown('1, 2,，4')).toEqual(['1', '2', '4']);
    expect(parseBreakdown('  ')).toBeUndefined();
  });
});

describe('report periods', () => {
  it('names 旬 and weeks', () => {
    expect(periodLabel('2026-06-x2', 'zh')).toBe('2026年6月中旬');
    expect(periodLabel('2026-W23', 'zh')).toBe('2026年第23周');
    expect(periodLabel('2026-W23', 'en')).toBe('2026 week 23');
  });
});
