import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ProjectCreate, ProjectPatch, StageChange } from '@tiaodu/contracts';
import type { Query } from '../../../api/client';
import { projectKeys, projectsApi } from '../api/projects';

export function useProjectList(q: Query) {
  return useQuery({ queryKey: projectKeys.list(q), queryFn: ({ signal }) => projectsApi.list(q, signal), placeholderData: keepPreviousData });
}

export function useProject(id: number) {
  return useQuery({ queryKey: projectKeys.detail(id), queryFn: () => projectsApi.get(id), enabled: Number.isInteger(id) && id > 0 });
}

export function useStageHistory(id: number) {
  return useQuery({ queryKey: projectKeys.stages(id), queryFn: () => projectsApi.stages(id) });
}

export function useProjectAudit(id: number, enabled: boolean) {
  return useQuery({ queryKey: projectKeys.audit(id), queryFn: () => projectsApi.audit(id), enabled });
}

export function useCreateProject() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: ProjectCreate) => projectsApi.create(input),
    onSuccess: (p) => {
      qc.setQueryData(projectKeys.detail(p.id), p);
      void qc.invalidateQueries({ queryKey: projectKeys.all });
    },
  });
}

export function useUpdateProject(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (patch: ProjectPatch) => projectsApi.update(id, patch),
    onSuccess: (p) => {
      qc.setQueryData(projectKeys.detail(p.id), p);
      void qc.invalidateQueries({ queryKey: projectKeys.all });
      void qc.invalidateQueries({ queryKey: projectKeys.audit(id) });
    },
  });
}

export function useDeleteProject() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => projectsApi.remove(id),
    onSuccess: (_r, id) => {
      qc.removeQueries({ queryKey: projectKeys.detail(id) });
      void qc.invalidateQueries({ queryKey: projectKeys.all });
    },
  });
}

export function useChangeStage(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: StageChange) => projectsApi.changeStage(id, input),
    onSuccess: (p) => {
      qc.setQueryData(projectKeys.detail(p.id), p);
      void qc.invalidateQueries({ queryKey: projectKeys.all });
      void qc.invalidateQueries({ queryKey: projectKeys.audit(id) });
    },
  });
}
