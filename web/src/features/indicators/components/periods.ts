/** Pure helpers of the period review page: which cells a tab shows, which indicators a new period ticks. */
import type { IndicatorPeriod, OwedItem } from '@tiaodu/contracts';

export type CellTab = 'all' | 'submitted' | 'missing' | 'late' | 'returned' | 'accepted';
/** Not reported: nothing, or only a draft. */
export const notIn = (s: string) => s === 'missing' || s === 'draft';

/** Which cells a tab of the review list shows: 未报 counts drafts, 逾期 those not in by the deadline. */
export function cellsOf(cells: readonly OwedItem[], tab: CellTab): OwedItem[] {
  switch (tab) {
    case 'all':
      return [...cells];
    case 'missing':
      return cells.filter((c) => notIn(c.status));
    case 'late':
      return cells.filter((c) => c.late);
    default:
      return cells.filter((c) => c.status === tab);
  }
}

/** The indicators to tick by default: those of the cadence not already open for this period. */
export function defaultIndicators(choices: readonly { id: number }[], periods: readonly IndicatorPeriod[], period: string): number[] {
  const taken = new Set(periods.filter((p) => p.period === period && p.status === 'open').flatMap((p) => p.indicators.map((i) => i.id)));
  return choices.map((i) => i.id).filter((id) => !taken.has(id));
}

