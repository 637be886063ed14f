import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { dashboardApi, type DashboardParams } from '../api/dashboard';

const int = (v: string | null, min: number, max: number) => {
  const n = v == null ? NaN : Number(v);
  return Number.isInteger(n) && n >= min && n <= max ? n : undefined;
};

/** The dashboard's view in the URL: ?year=&month=&regionCode= (absent: the API's defaults). */
export function useDashboardParams() {
  const [sp, setSp] = useSearchParams();
  const regionCode = sp.get('regionCode');
  const params: DashboardParams = {
    year: int(sp.get('year'), 2000, 2100),
    month: int(sp.get('month'), 1, 12),
    regionCode: regionCode && /^\d{6,12}$/.test(regionCode) ? regionCode : undefined,
  };
  const set = (patch: Partial<Record<keyof DashboardParams, string | number | null>>) => {
    const next = new URLSearchParams(sp);
    for (const [k, v] of Object.entries(patch)) {
      if (v == null || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    // a drill into a region is a step the browser's Back button undoes; year and month edits are not
    setSp(next, { replace: !('regionCode' in patch) });
  };
  return { params, set };
}

export const dashboardKey = (q: DashboardParams) => ['dashboard', q] as const;

export function useDashboard(q: DashboardParams) {
  return useQuery({ queryKey: dashboardKey(q), queryFn: () => dashboardApi.get(q), placeholderData: keepPreviousData });
}
