import { useQueries, useQuery } from '@tanstack/react-query';
import { ApiError } from '../../../api/client';
import { competitionKeys, competitionsApi } from '../api/competitions';

export function useCompetitions() {
  return useQuery({ queryKey: competitionKeys.list, queryFn: competitionsApi.list });
}

export function useCompetition(id: number | null) {
  return useQuery({ queryKey: competitionKeys.one(id ?? 0), queryFn: () => competitionsApi.get(id!), enabled: id != null && id > 0 });
}

/** A period's results; `null` data when the period has not been computed (404). */
export function useResults(id: number, period: string | null) {
  return useQuery({
    queryKey: competitionKeys.results(id, period ?? ''),
    queryFn: async () => {
      try {
        return await competitionsApi.results(id, period!);
      } catch (e) {
        if (e instanceof ApiError && e.status === 404) return null;
        throw e;
      }
    },
    enabled: !!period && id > 0,
  });
}

/** The units a sequence can enter: the towns, parks, counties and departments of the platform. */
export function useUnitOptions() {
  const subjects = ['town', 'park', 'county', 'department'] as const;
  const queries = useQueries({ queries: subjects.map((s) => ({ queryKey: competitionKeys.units(s), queryFn: () => competitionsApi.units(s), staleTime: 60_000 })) });
  return { subjects, queries, loading: queries.some((q) => q.isPending) };
}

/** 现场观摩 tours for the judged rule's pick. */
export function useTours() {
  return useQuery({ queryKey: competitionKeys.tours, queryFn: competitionsApi.tours, retry: false, staleTime: 60_000 });
}
