import { useQueries, useQuery } from '@tanstack/react-query';
import type { UnitOption } from '@tiaodu/contracts';
import { taskKeys, tasksApi, type TaskListQuery } from '../api/tasks';

export function useTaskTypes() {
  return useQuery({ queryKey: taskKeys.types, queryFn: tasksApi.types, staleTime: 60_000 });
}

export function useTasks(q: TaskListQuery) {
  return useQuery({ queryKey: taskKeys.list(q), queryFn: () => tasksApi.list(q) });
}

export function useTask(id: number) {
  return useQuery({ queryKey: taskKeys.detail(id), queryFn: () => tasksApi.get(id), enabled: id > 0 });
}

const SUBJECTS = ['county', 'town', 'park', 'department'] as const;

/** Every unit a task may be led by or given to: regions (county, town, park) and departments. */
export function useTaskUnits(): { data: UnitOption[]; isLoading: boolean } {
  const res = useQueries({ queries: SUBJECTS.map((s) => ({ queryKey: taskKeys.units(s), queryFn: () => tasksApi.units(s), staleTime: 60_000 })) });
  const seen = new Set<string>();
  const data: UnitOption[] = [];
  for (const r of res)
    for (const u of r.data ?? []) {
      if (u.unitType === 'external') continue;
      const k = `${u.unitType}:${u.unitId}`;
      if (!seen.has(k)) {
        seen.add(k);
        data.push(u);
      }
    }
  return { data, isLoading: res.some((r) => r.isLoading) };
}
