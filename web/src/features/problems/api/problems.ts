import type { Assignee, Ladder, ProblemAttachment, ProblemDetail, ProblemList, ProblemStats } from '@tiaodu/contracts';
import { api, type Query } from '../../../api/client';

export const problemKeys = {
  all: ['problems'] as const,
  list: (q: Query) => ['problems', 'list', q] as const,
  one: (id: number) => ['problems', 'one', id] as const,
  stats: (q: Query) => ['problems', 'stats', q] as const,
  ladder: ['problems', 'ladder'] as const,
  assignees: (deptId: number) => ['problems', 'assignees', deptId] as const,
  byReport: (reportId: number) => ['problems', 'by-report', reportId] as const,
};

export const problemsApi = {
  list: (q: Query) => api<ProblemList>('/api/problems', { query: q }),
  get: (id: number) => api<ProblemDetail>(`/api/problems/${id}`),
  stats: (q: Query) => api<ProblemStats>('/api/problems/stats', { query: q }),
  ladder: () => api<Ladder>('/api/problems/ladder'),
  assignees: (deptId: number) => api<Assignee[]>('/api/problems/assignees', { query: { deptId } }),
  raise: (body: { projectId: number; category: string; title: string; description: string }) => api<ProblemDetail>('/api/problems', { method: 'POST', body }),
  fromReport: (reportId: number) => api<ProblemDetail>(`/api/problems/from-report/${reportId}`, { method: 'POST', body: {} }),
  assign: (id: number, body: { responsibleDeptId: number; responsibleUserId?: number | null; limitDays: number; note?: string | null; version: number }) =>
    api<ProblemDetail>(`/api/problems/${id}/assign`, { method: 'POST', body }),
  accept: (id: number, body: { note?: string | null; version: number }) => api<ProblemDetail>(`/api/problems/${id}/accept`, { method: 'POST', body }),
  answer: (id: number, body: { outcome: 'solved' | 'deferred'; answer: string; deferralCondition?: string | null; deferralDate?: string | null; version: number }) =>
    api<ProblemDetail>(`/api/problems/${id}/answer`, { method: 'POST', body }),
  rate: (id: number, body: { rating: string; note?: string | null; limitDays?: number; version: number }) => api<ProblemDetail>(`/api/problems/${id}/rate`, { method: 'POST', body }),
  upload: (id: number, files: File[]) => {
    const form = new FormData();
    for (const f of files) form.append('file', f);
    return api<ProblemAttachment[]>(`/api/problems/${id}/attachments`, { method: 'POST', form });
  },
  deleteAttachment: (id: number) => api<{ ok: boolean }>(`/api/problem-attachments/${id}`, { method: 'DELETE' }),
};
