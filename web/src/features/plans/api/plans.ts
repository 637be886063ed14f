import type { Plan, PlanAdjust, PlanInput, ProjectList, PlanBulk, PlanCopyForwardResult, PlanImportResult, PlanList, ProjectPlan } from '@tiaodu/contracts';
import { api, download, type Query } from '../../../api/client';

export const planKeys = {
  all: ['plans'] as const,
  list: (q: Query) => ['plans', 'list', q] as const,
  project: (id: number) => ['plans', 'project', id] as const,
};

export const plansApi = {
  list: (q: Query) => api<PlanList>('/api/plans', { query: q }),
  project: (id: number) => api<ProjectPlan[]>(`/api/projects/${id}/plans`),
  put: (id: number, year: number, body: PlanInput) => api<Plan>(`/api/projects/${id}/plans/${year}`, { method: 'PUT', body }),
  searchProjects: (q: string) => api<ProjectList>('/api/projects', { query: { q, pageSize: 20 } }),
  bulk: (body: PlanBulk) => api<{ saved: Plan[] }>('/api/plans/bulk', { method: 'PATCH', body }),
  adjust: (id: number, year: number, body: PlanAdjust) => api<Plan>(`/api/projects/${id}/plans/${year}/adjust`, { method: 'POST', body }),
  copyForward: (fromYear: number, toYear: number, dryRun: boolean) => api<PlanCopyForwardResult>('/api/plans/copy-forward', { method: 'POST', body: { fromYear, toYear, dryRun } }),
  importFile: (year: number, file: File, dryRun: boolean) => {
    const form = new FormData();
    form.append('file', file);
    return api<PlanImportResult>('/api/plans/import', { method: 'POST', query: { year, dryRun }, form });
  },
  exportFile: (q: Query) => download('/api/plans/export.xlsx', `plans_${q.year}.xlsx`, q),
};
