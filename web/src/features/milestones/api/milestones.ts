import type { MilestoneTemplateInput, ApplyTemplate, CalendarOverride, CalendarYear, Gantt, Milestone, MilestoneCreate, MilestonePatch, MilestoneTemplate } from '@tiaodu/contracts';
import { api, type Query } from '../../../api/client';

export const milestoneKeys = {
  all: ['milestones'] as const,
  project: (id: number) => ['milestones', 'project', id] as const,
  templates: ['milestones', 'templates'] as const,
  gantt: (q: Query) => ['milestones', 'gantt', q] as const,
  calendar: (year: number) => ['calendar', year] as const,
};

export const milestonesApi = {
  templates: () => api<MilestoneTemplate[]>('/api/milestone-templates'),
  createTemplate: (input: MilestoneTemplateInput) => api<MilestoneTemplate>('/api/milestone-templates', { method: 'POST', body: input }),
  updateTemplate: (id: number, input: MilestoneTemplateInput) => api<MilestoneTemplate>(`/api/milestone-templates/${id}`, { method: 'PUT', body: input }),
  removeTemplate: (id: number) => api<{ ok: boolean }>(`/api/milestone-templates/${id}`, { method: 'DELETE' }),
  list: (projectId: number) => api<Milestone[]>(`/api/projects/${projectId}/milestones`),
  apply: (projectId: number, input: ApplyTemplate) => api<Milestone[]>(`/api/projects/${projectId}/milestones/apply-template`, { method: 'POST', body: input }),
  create: (projectId: number, input: MilestoneCreate) => api<Milestone>(`/api/projects/${projectId}/milestones`, { method: 'POST', body: input }),
  update: (id: number, patch: MilestonePatch) => api<Milestone>(`/api/milestones/${id}`, { method: 'PATCH', body: patch }),
  remove: (id: number) => api<{ ok: boolean }>(`/api/milestones/${id}`, { method: 'DELETE' }),
  gantt: (q: Query) => api<Gantt>('/api/gantt', { query: q }),
  calendar: (year: number) => api<CalendarYear>('/api/calendar', { query: { year } }),
  setDay: (date: string, body: CalendarOverride) => api<{ ok: boolean }>(`/api/calendar/days/${date}`, { method: 'PUT', body }),
  unsetDay: (date: string) => api<{ ok: boolean }>(`/api/calendar/days/${date}`, { method: 'DELETE' }),
};
