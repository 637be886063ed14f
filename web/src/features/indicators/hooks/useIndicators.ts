import { useQuery } from '@tanstack/react-query';
import type { Indicator } from '@tiaodu/contracts';
import { indicatorKeys, indicatorsApi } from '../api/indicators';

/** The catalogue (active indicators unless asked otherwise), shared by every page's indicator picker. */
export function useIndicators(q: { status?: 'active' | 'retired' | 'all'; source?: string; benchmark?: boolean } = {}) {
  return useQuery({ queryKey: indicatorKeys.list(q), queryFn: () => indicatorsApi.list(q), staleTime: 30_000 });
}

export function useFormulas(enabled = true) {
  return useQuery({ queryKey: indicatorKeys.formulas, queryFn: indicatorsApi.formulas, staleTime: Infinity, enabled });
}

/** The indicator of the URL's `indicatorId`, or the first of the list. */
export function pickIndicator(list: readonly Indicator[] | undefined, id: string | null): Indicator | undefined {
  if (!list?.length) return undefined;
  return list.find((i) => String(i.id) === id) ?? list[0];
}
