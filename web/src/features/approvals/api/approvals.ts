import type {
  ApprovalAction,
  ApprovalItem,
  ApprovalItemInput,
  ApprovalList,
  ApprovalRating,
  ApprovalSettings,
  ApprovalTemplate,
  ApprovalTemplateInput,
  EfficiencyMonth,
  EfficiencyQuarter,
  OverdueList,
  ProjectApprovalDetail,
  ProjectApprovals,
  PublicEfficiency,
  PublicTable,
  PublicTableKind,
} from '@tiaodu/contracts';
import { api, download, type Query } from '../../../api/client';

export const approvalKeys = {
  all: ['approvals'] as const,
  list: (q: Query) => ['approvals', 'list', q] as const,
  one: (id: number) => ['approvals', 'one', id] as const,
  project: (id: number) => ['approvals', 'project', id] as const,
  projectTemplates: (id: number) => ['approvals', 'project-templates', id] as const,
  overdue: (q: Query) => ['approvals', 'overdue', q] as const,
  items: ['approvals', 'catalogue', 'items'] as const,
  templates: ['approvals', 'catalogue', 'templates'] as const,
  settings: ['approvals', 'settings'] as const,
  month: (y: number, m: number) => ['efficiency', 'month', y, m] as const,
  quarter: (y: number, q: number) => ['efficiency', 'quarter', y, q] as const,
  published: ['efficiency', 'published'] as const,
  publicIndex: ['public', 'efficiency'] as const,
  publicTable: (kind: string, period: string) => ['public', 'efficiency', kind, period] as const,
};

export type PublishedTable = PublicTable & { publishedBy: string | null };

export const approvalsApi = {
  list: (q: Query) => api<ApprovalList>('/api/approvals', { query: q }),
  get: (id: number) => api<ProjectApprovalDetail>(`/api/project-approvals/${id}`),
  act: (id: number, body: { action: ApprovalAction; reason?: string | null; version?: number }) => api<ProjectApprovalDetail>(`/api/project-approvals/${id}/act`, { method: 'POST', body }),
  rate: (id: number, rating: ApprovalRating) => api<ProjectApprovalDetail>(`/api/project-approvals/${id}/rate`, { method: 'POST', body: { rating } }),
  remove: (id: number) => api<{ ok: boolean }>(`/api/project-approvals/${id}`, { method: 'DELETE' }),
  project: (projectId: number) => api<ProjectApprovals>(`/api/projects/${projectId}/approvals`),
  projectTemplates: (projectId: number) => api<ApprovalTemplate[]>(`/api/projects/${projectId}/approval-templates`),
  applyTemplate: (projectId: number, templateId: number) => api<ProjectApprovals>(`/api/projects/${projectId}/approvals/apply-template`, { method: 'POST', body: { templateId } }),
  addItem: (projectId: number, itemId: number) => api<ProjectApprovals>(`/api/projects/${projectId}/approvals`, { method: 'POST', body: { itemId } }),
  overdue: (q: Query) => api<OverdueList>('/api/approvals/overdue', { query: q }),
  /** Runs the signals job now (scheduler:run); answers how many new signals it recorded. */
  runSignals: async () => {
    const r = await api<{ runs: Array<{ job: string; status: string; result?: { signals?: number }; error?: string }> }>('/api/scheduler/run', { method: 'POST', body: { jobs: ['approvals.signals'], force: true } });
    const run = r.runs[0];
    if (run?.status !== 'ok') throw new Error(run?.error ?? 'approvals.signals');
    return { signals: run.result?.signals ?? 0 };
  },

  items: () => api<ApprovalItem[]>('/api/approval-items'),
  createItem: (body: ApprovalItemInput) => api<ApprovalItem>('/api/approval-items', { method: 'POST', body }),
  updateItem: (id: number, body: ApprovalItemInput) => api<ApprovalItem>(`/api/approval-items/${id}`, { method: 'PATCH', body }),
  deleteItem: (id: number) => api<{ ok: boolean }>(`/api/approval-items/${id}`, { method: 'DELETE' }),
  templates: () => api<ApprovalTemplate[]>('/api/approval-templates'),
  createTemplate: (body: ApprovalTemplateInput) => api<ApprovalTemplate>('/api/approval-templates', { method: 'POST', body }),
  updateTemplate: (id: number, body: ApprovalTemplateInput) => api<ApprovalTemplate>(`/api/approval-templates/${id}`, { method: 'PATCH', body }),
  deleteTemplate: (id: number) => api<{ ok: boolean }>(`/api/approval-templates/${id}`, { method: 'DELETE' }),
  settings: () => api<ApprovalSettings>('/api/approval-settings'),
  saveSettings: (body: ApprovalSettings) => api<ApprovalSettings>('/api/approval-settings', { method: 'PATCH', body }),

  month: (year: number, month: number) => api<EfficiencyMonth>('/api/efficiency/monthly', { query: { year, month } }),
  exportMonth: (year: number, month: number) => download('/api/efficiency/monthly/export.xlsx', `efficiency_${year}_${month}.xlsx`, { year, month }),
  quarter: (year: number, quarter: number) => api<EfficiencyQuarter>('/api/efficiency/quarterly', { query: { year, quarter } }),
  published: () => api<PublishedTable[]>('/api/efficiency/published'),
  publish: (kind: PublicTableKind, period: string, published: boolean) => api<PublishedTable[]>('/api/efficiency/publish', { method: 'POST', body: { kind, period, published } }),

  publicIndex: () => api<PublicTable[]>('/api/public/efficiency', { quiet401: true }),
  publicTable: (kind: string, period: string) => api<PublicEfficiency>(`/api/public/efficiency/${kind}/${period}`, { quiet401: true }),
};
