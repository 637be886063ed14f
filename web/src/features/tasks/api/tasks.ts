import type {
  TaskDetail,
  TaskImportResult,
  TaskInput,
  TaskListItem,
  TaskNodeInput,
  TaskNodePatch,
  TaskPatch,
  TaskReport,
  TaskReportInput,
  TaskUrge,
  TaskUrgeInput,
  SupervisionBulletin,
  UnitOption,
} from '@tiaodu/contracts';
import { api, download } from '../../../api/client';

export type TaskOverdue = Pick<SupervisionBulletin, 'asOf' | 'overdueNodes' | 'tasks' | 'urges' | 'missingReports'> & {
  totals: { overdueNodes: number; tasks: number; urges: number; missingReports: number };
  limit: number;
};
export type TaskStats = Pick<SupervisionBulletin, 'period' | 'from' | 'to' | 'asOf' | 'dueUntil' | 'counts' | 'units'>;
export interface TaskListQuery {
  year?: number;
  type?: string;
  q?: string;
  all?: 'true' | 'false';
  /** red | yellow | green | none | done (the server filters after computing the lights). */
  light?: string;
  /** `region:330122103` or `department:12`. */
  leadUnit?: string;
}

export const taskKeys = {
  all: ['tasks'] as const,
  list: (q: TaskListQuery) => ['tasks', 'list', q] as const,
  detail: (id: number) => ['tasks', 'detail', id] as const,
  types: ['tasks', 'types'] as const,
  mine: ['tasks', 'mine'] as const,
  overdue: ['tasks', 'overdue'] as const,
  stats: (period?: string) => ['tasks', 'stats', period ?? ''] as const,
  units: (subject: string) => ['tasks', 'units', subject] as const,
};

const files = (list: File[]) => {
  const form = new FormData();
  for (const f of list) form.append('file', f);
  return form;
};

export const tasksApi = {
  types: () => api<{ types: string[] }>('/api/task-types'),
  list: (q: TaskListQuery) => api<TaskListItem[]>('/api/tasks', { query: { ...q } }),
  mine: () => api<TaskListItem[]>('/api/tasks/mine'),
  overdue: () => api<TaskOverdue>('/api/tasks/overdue'),
  stats: (period?: string) => api<TaskStats>('/api/tasks/stats', { query: { period } }),
  exportXlsx: (year?: number) => download('/api/tasks/export.xlsx', 'tasks.xlsx', { year }),
  importXlsx: (file: File, dryRun: boolean, fields: { type?: string; year?: number }) => {
    const form = new FormData();
    if (fields.type) form.append('type', fields.type);
    if (fields.year) form.append('year', String(fields.year));
    form.append('file', file);
    return api<TaskImportResult>('/api/tasks/import', { method: 'POST', query: { dryRun: dryRun ? 'true' : 'false' }, form });
  },
  get: (id: number) => api<TaskDetail>(`/api/tasks/${id}`),
  create: (body: TaskInput) => api<TaskDetail>('/api/tasks', { method: 'POST', body }),
  update: (id: number, body: TaskPatch) => api<TaskDetail>(`/api/tasks/${id}`, { method: 'PATCH', body }),
  remove: (id: number) => api<{ ok: boolean }>(`/api/tasks/${id}`, { method: 'DELETE' }),
  letter: (id: number, list: File[]) => api<TaskDetail>(`/api/tasks/${id}/letter`, { method: 'POST', form: files(list) }),
  fileUrl: (taskId: number, fileId: number) => `/api/tasks/${taskId}/files/${fileId}`,
  patchNode: (id: number, body: TaskNodePatch) => api<TaskDetail>(`/api/task-nodes/${id}`, { method: 'PATCH', body }),
  addNode: (taskId: number, body: TaskNodeInput) => api<TaskDetail>(`/api/tasks/${taskId}/nodes`, { method: 'POST', body }),
  removeNode: (id: number) => api<TaskDetail>(`/api/task-nodes/${id}`, { method: 'DELETE' }),
  report: (id: number, body: TaskReportInput) => api<TaskReport>(`/api/tasks/${id}/reports`, { method: 'POST', body }),
  reportFiles: (reportId: number, list: File[]) => api<TaskReport>(`/api/task-reports/${reportId}/files`, { method: 'POST', form: files(list) }),
  review: (reportId: number, action: 'accept' | 'return', reason?: string | null) =>
    api<TaskReport>(`/api/task-reports/${reportId}/review`, { method: 'POST', body: { action, reason: reason ?? null } }),
  urge: (id: number, body: TaskUrgeInput) => api<TaskUrge>(`/api/tasks/${id}/urge`, { method: 'POST', body }),
  answer: (urgeId: number, text: string) => api<TaskUrge>(`/api/task-urges/${urgeId}/answer`, { method: 'POST', body: { text } }),
  units: (subject: string) => api<UnitOption[]>('/api/indicators/units', { query: { subject } }),
};
