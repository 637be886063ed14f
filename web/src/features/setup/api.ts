import { useQuery } from '@tanstack/react-query';
import type { Division, SetupDepartmentsInput, SetupRegionInput, SetupStatus, SetupStepKey } from '@tiaodu/contracts';
import { api } from '../../api/client';
import { useCan } from '../auth/hooks/useAuth';

export type StepStatus = 'done' | 'skipped' | 'open';

export interface StandardDepartment {
  name: string;
  shortName: string;
}

export const setupApi = {
  status: () => api<SetupStatus>('/api/setup'),
  setStep: (key: SetupStepKey, status: StepStatus) => api<SetupStatus>(`/api/setup/steps/${key}`, { method: 'POST', body: { status } }),
  divisions: (parent?: string) => api<Division[]>('/api/divisions', { query: { parent } }),
  setRegion: (input: SetupRegionInput) => api<SetupStatus>('/api/setup/region', { method: 'POST', body: input }),
  standardDepartments: () => api<StandardDepartment[]>('/api/setup/standard-departments'),
  createDepartments: (input: SetupDepartmentsInput) => api<{ created: number; existing: number }>('/api/setup/departments', { method: 'POST', body: input }),
};

export const setupKeys = {
  status: ['setup'] as const,
  divisions: (parent: string) => ['divisions', parent] as const,
  standardDepartments: ['setup', 'standard-departments'] as const,
};

/** The first-run checklist, for those who manage users (the admin); others never ask. */
export function useSetupStatus() {
  const can = useCan();
  return useQuery({ queryKey: setupKeys.status, queryFn: setupApi.status, enabled: can('admin:user'), staleTime: 30_000 });
}
