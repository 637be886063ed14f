import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ImportMapping } from '@tiaodu/contracts';
import { importApi } from '../api/import';
import { projectKeys } from '../../projects/api/projects';

export const importKeys = {
  job: (id: string) => ['import-job', id] as const,
  mappings: ['import-mappings'] as const,
  jobs: ['import-jobs'] as const,
};

/** Polls a job every 500 ms while it runs. */
export function useImportJob(jobId: string | null) {
  const qc = useQueryClient();
  return useQuery({
    queryKey: importKeys.job(jobId ?? ''),
    queryFn: async () => {
      const job = await importApi.job(jobId!);
      if (job.status === 'done' && job.result && !job.result.dryRun) void qc.invalidateQueries({ queryKey: projectKeys.all });
      return job;
    },
    enabled: Boolean(jobId),
    staleTime: Infinity,
    refetchInterval: (q) => (q.state.status === 'error' || (q.state.data && q.state.data.status !== 'running') ? false : 500),
  });
}

export function useSavedMappings() {
  return useQuery({ queryKey: importKeys.mappings, queryFn: importApi.mappings });
}

export function useSaveMapping() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { name: string; mapping: ImportMapping }) => importApi.saveMapping(v.name, v.mapping),
    onSuccess: () => void qc.invalidateQueries({ queryKey: importKeys.mappings }),
  });
}

/** The user's recent import jobs (kept by the server across restarts). */
export function useRecentJobs() {
  return useQuery({ queryKey: importKeys.jobs, queryFn: importApi.jobs, retry: false });
}
