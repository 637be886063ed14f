import type { AssignmentCreate, AssignmentDetail, AssignmentList, AssignmentStats } from '@tiaodu/contracts';
import { api, type Query } from '../../../api/client';

export const assignmentKeys = {
  all: ['assignments'] as const,
  list: (q: Query) => ['assignments', 'list', q] as const,
  one: (id: number) => ['assignments', 'one', id] as const,
  stats: (period: string) => ['assignments', 'stats', period] as const,
};

/** The create body as the form sends it (the server fills the defaults: co-units [], assigner = self). */
export type AssignmentCreateBody = Omit<AssignmentCreate, 'coUnits' | 'assignerPersonId' | 'meetingName' | 'meetingDate' | 'limitDays' | 'dueDate'> &
  Partial<Pick<AssignmentCreate, 'coUnits' | 'assignerPersonId' | 'meetingName' | 'meetingDate' | 'limitDays' | 'dueDate'>>;

export const assignmentsApi = {
  list: (q: Query) => api<AssignmentList>('/api/assignments', { query: q }),
  get: (id: number) => api<AssignmentDetail>(`/api/assignments/${id}`),
  stats: (period?: string) => api<AssignmentStats>('/api/assignments/stats', { query: { period } }),
  create: (body: AssignmentCreateBody) => api<AssignmentDetail>('/api/assignments', { method: 'POST', body }),
  answer: (id: number, body: { answer: string; version: number }) => api<AssignmentDetail>(`/api/assignments/${id}/answer`, { method: 'POST', body }),
  rate: (id: number, body: { rating: string; note?: string | null; limitDays?: number; version: number }) => api<AssignmentDetail>(`/api/assignments/${id}/rate`, { method: 'POST', body }),
};
