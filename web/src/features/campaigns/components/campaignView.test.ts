import { describe, expect, it } from 'vitest';
import { figure, formField, itemLink, itemTestId, percent, remapIssues, toItems, toRows } from './campaignView';

describe('campaign view helpers', () => {
  it('links a task, a project and an indicator to their pages, a missing item nowhere', () => {
    expect(itemLink({ kind: 'task', refId: 7, missing: false })).toBe('/tasks/7');
    expect(itemLink({ kind: 'project', refId: 12, missing: false })).toBe('/projects/12');
    expect(itemLink({ kind: 'indicator', refId: 3, missing: false })).toBe('/indicators/values?indicatorId=3');
    expect(itemLink({ kind: 'task', refId: 7, missing: true })).toBeNull();
    expect(itemTestId({ kind: 'project', refId: 12 })).toBe('campaign-item-project-12');
  });

  it('shows the server figures as they are, a missing one as —', () => {
    expect(percent(null)).toBe('—');
    expect(percent(62.456)).toBe('62.46%');
    expect(percent(0)).toBe('0%');
    expect(figure(null)).toBe('—');
    expect(figure(12345.678)).toBe('12,345.68');
  });

  it('turns the form rows into the API items, dropping rows with nothing picked', () => {
    const items = toItems([
      { kind: 'task', taskId: 5 },
      { kind: 'task', taskId: null },
      { kind: 'project', projectId: 9, target: 1200 },
      { kind: 'project', projectId: 10 },
      { kind: 'indicator', indicatorId: 2, unit: { unitType: 'region', unitId: '330122103' }, target: null },
      undefined,
    ]);
    expect(items).toEqual([
      { kind: 'task', taskId: 5 },
      { kind: 'project', projectId: 9, target: 1200 },
      { kind: 'project', projectId: 10, target: null },
      { kind: 'indicator', indicatorId: 2, unitType: 'region', unitId: '330122103', target: null },
    ]);
  });

  it('reads the stored items back into form rows (edit) and round-trips them', () => {
    const inputs = [
      { kind: 'task' as const, taskId: 5 },
      { kind: 'project' as const, projectId: 9, target: null },
      { kind: 'indicator' as const, indicatorId: 2, unitType: 'department' as const, unitId: 'D07', target: 95 },
    ];
    const rows = toRows(inputs);
    expect(rows[2]).toEqual({ kind: 'indicator', indicatorId: 2, unit: { unitType: 'department', unitId: 'D07' }, target: 95 });
    expect(toItems(rows)).toEqual(inputs);
  });

  it('puts the server errors of the dates on the range picker', () => {
    expect(formField('endDate')).toBe('range');
    expect(formField('startDate')).toBe('range');
    expect(formField('name')).toBe('name');
    expect(remapIssues([{ path: 'endDate', message: '结束日期应晚于开始日期' }, { path: 'items.1', message: '项目不存在' }]).map((d) => d.path)).toEqual(['range', 'items.1']);
  });
});
