import { describe, expect, it } from 'vitest';
import type { IndicatorPeriod, OwedItem } from '@tiaodu/contracts';
import { cellsOf, defaultIndicators } from './periods';

const cell = (unitId: string, status: string, late = false): OwedItem => ({
  periodId: 1,
  period: '2026-10',
  periodLabel: '2026年10月',
  deadline: '2026-11-05',
  indicatorId: 1,
  indicatorName: '农村户厕改造',
  unit: '户',
  unitType: 'region',
  unitId,
  unitName: unitId,
  valueId: status === 'missing' ? null : 1,
  value: null,
  status,
  late,
  returnReason: null,
  target: null,
});

const period = (p: string, status: 'open' | 'closed', ids: number[]) => ({ id: 1, period: p, status, indicators: ids.map((id) => ({ id, code: `i${id}`, name: `指标${id}`, unit: '' })) }) as unknown as IndicatorPeriod;

describe('the period review page', () => {
  const cells = [cell('a', 'missing', true), cell('b', 'draft'), cell('c', 'submitted', true), cell('d', 'accepted'), cell('e', 'returned')];

  it('lists drafts among the missing, and the late whatever they did', () => {
    expect(cellsOf(cells, 'missing').map((c) => c.unitId)).toEqual(['a', 'b']);
    expect(cellsOf(cells, 'late').map((c) => c.unitId)).toEqual(['a', 'c']);
    expect(cellsOf(cells, 'submitted').map((c) => c.unitId)).toEqual(['c']);
    expect(cellsOf(cells, 'all')).toHaveLength(5);
  });

  it('ticks the indicators of the cadence that are not already open for the period', () => {
    const choices = [{ id: 1 }, { id: 2 }, { id: 3 }];
    const periods = [period('2026-10', 'open', [1]), period('2026-10', 'closed', [2]), period('2026-09', 'open', [3])];
    expect(defaultIndicators(choices, periods, '2026-10')).toEqual([2, 3]);
    expect(defaultIndicators(choices, periods, '2026-11')).toEqual([1, 2, 3]);
  });
});
