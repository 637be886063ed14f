import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { RuleSetDto, RuleSetUpdate } from '@tiaodu/contracts';
import { api } from '../../../api/client';

export const ruleSetKeys = { all: ['rule-sets'] as const };

export const ruleSetsApi = {
  list: () => api<RuleSetDto[]>('/api/rule-sets'),
  update: (id: number, body: RuleSetUpdate) => api<RuleSetDto>(`/api/rule-sets/${id}`, { method: 'PUT', body }),
  activate: (id: number) => api<RuleSetDto>(`/api/rule-sets/${id}/activate`, { method: 'POST' }),
};

/** The rule sets, the lights and everything drawn from them are stale after a save or a switch. */
function invalidateLights(qc: QueryClient): void {
  for (const key of [ruleSetKeys.all, ['warnings'], ['dashboard'], ['lights']]) void qc.invalidateQueries({ queryKey: key });
}

export function useRuleSets() {
  return useQuery({ queryKey: ruleSetKeys.all, queryFn: ruleSetsApi.list });
}

export function useSaveRuleSet() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: RuleSetUpdate }) => ruleSetsApi.update(id, body),
    onSuccess: () => invalidateLights(qc),
  });
}

export function useActivateRuleSet() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (id: number) => ruleSetsApi.activate(id), onSuccess: () => invalidateLights(qc) });
}
