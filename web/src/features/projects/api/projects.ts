import type { AuditEvent, Project, ProjectCreate, ProjectList, ProjectPatch, StageChange, StageEvent } from '@tiaodu/contracts';
import { api, download, type Query } from '../../../api/client';

export const projectKeys = {
  all: ['projects'] as const,
  list: (q: Query) => ['projects', 'list', q] as const,
  detail: (id: number) => ['projects', 'detail', id] as const,
  stages: (id: number) => ['projects', 'stages', id] as const,
  audit: (id: number) => ['audit', 'project', id] as const,
};

export const projectsApi = {
  list: (q: Query, signal?: AbortSignal) => api<ProjectList>('/api/projects', { query: q, signal }),
  get: (id: number) => api<Project>(`/api/projects/${id}`),
  create: (input: ProjectCreate) => api<Project>('/api/projects', { method: 'POST', body: input }),
  update: (id: number, patch: ProjectPatch) => api<Project>(`/api/projects/${id}`, { method: 'PATCH', body: patch }),
  remove: (id: number) => api<{ ok: boolean }>(`/api/projects/${id}`, { method: 'DELETE' }),
  changeStage: (id: number, input: StageChange) => api<Project>(`/api/projects/${id}/stage`, { method: 'POST', body: input }),
  stages: (id: number) => api<StageEvent[]>(`/api/projects/${id}/stages`),
  audit: (id: number) => api<{ items: AuditEvent[]; total: number }>('/api/audit', { query: { entityType: 'project', entityId: String(id), pageSize: 100 } }),
  /** Downloads the ledger with the same filters as the list. */
  exportXlsx: (filters: Query) => download('/api/projects/export.xlsx', '项目台账.xlsx', filters),
};
