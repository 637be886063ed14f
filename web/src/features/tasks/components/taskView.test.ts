import { describe, expect, it } from 'vitest';
import type { TaskListItem } from '@tiaodu/contracts';
import { filterTasks, nodeState, parseBreakdown, pct, periodLabel } from './taskView';

const row = (p: Partial<TaskListItem>): TaskListItem => ({
  id: 1, parentId: null, depth: 0, title: 't', type: '重点工作', year: 2026, leadLeaderName: null, leadUnitName: '发改局', coUnitNames: [],
  personName: null, deadline: '2026-12-31', cadence: 'monthly', done: false, doneDate: null, light: null, lightReason: null, progress: null, ...p,
});

describe('task view helpers', () => {
  it('tells a node done, overdue, due soon or pending', () => {
    expect(nodeState({ dueDate: '2026-06-01', doneDate: '2026-05-30', overdueDays: 0 }, '2026-06-10')).toBe('done');
    expect(nodeState({ dueDate: '2026-06-01', doneDate: null, overdueDays: 5 }, '2026-06-10')).toBe('overdue');
    expect(nodeState({ dueDate: '2026-06-12', doneDate: null, overdueDays: 0 }, '2026-06-10')).toBe('soon');
    expect(nodeState({ dueDate: '2026-08-12', doneDate: null, overdueDays: 0 }, '2026-06-10')).toBe('pending');
  });

  it('filters by light and lead unit', () => {
    const rows = [row({ id: 1, light: 'red' }), row({ id: 2, light: 'green', leadUnitName: '住建局' }), row({ id: 3, done: true })];
    expect(filterTasks(rows, { light: 'red' }).map((r) => r.id)).toEqual([1]);
    expect(filterTasks(rows, { light: 'done' }).map((r) => r.id)).toEqual([3]);
    expect(filterTasks(rows, { unit: '住建局' }).map((r) => r.id)).toEqual([2]);
    expect(filterTasks(rows, {}).length).toBe(3);
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
