import type { Report, ReportDetail, ReportGaps, ReportPhoto, ReportWindow } from '@tiaodu/contracts';
import { api, download, type Query } from '../../../api/client';

export const reportKeys = {
  all: ['reports'] as const,
  windows: ['reports', 'windows'] as const,
  list: (q: Query) => ['reports', 'list', q] as const,
  gaps: (y: number, m: number) => ['reports', 'gaps', y, m] as const,
  one: (p: number, y: number, m: number) => ['reports', 'one', p, y, m] as const,
};

const base = (p: number, y: number, m: number) => `/api/reports/${p}/${y}/${m}`;

export const reportsApi = {
  windows: () => api<ReportWindow[]>('/api/report-windows'),
  openWindow: (body: { year: number; month: number; deadline: string }) => api<ReportWindow>('/api/report-windows', { method: 'POST', body }),
  patchWindow: (id: number, body: { deadline?: string; status?: 'open' | 'closed' }) => api<ReportWindow>(`/api/report-windows/${id}`, { method: 'PATCH', body }),
  list: (q: Query) => api<{ items: Report[]; total: number }>('/api/reports', { query: q }),
  gaps: (year: number, month: number) => api<ReportGaps>('/api/reports/missing', { query: { year, month } }),
  get: (p: number, y: number, m: number) => api<ReportDetail>(base(p, y, m)),
  save: (p: number, y: number, m: number, body: { investment: number; progressText: string | null; problemsText: string | null; version?: number }) =>
    api<ReportDetail>(base(p, y, m), { method: 'PUT', body }),
  submit: (p: number, y: number, m: number, version?: number) => api<ReportDetail>(`${base(p, y, m)}/submit`, { method: 'POST', body: { version } }),
  accept: (p: number, y: number, m: number) => api<ReportDetail>(`${base(p, y, m)}/accept`, { method: 'POST', body: {} }),
  return: (p: number, y: number, m: number, reason: string) => api<ReportDetail>(`${base(p, y, m)}/return`, { method: 'POST', body: { reason } }),
  revise: (p: number, y: number, m: number, body: { investment?: number; progressText?: string | null; reason: string }) => api<ReportDetail>(`${base(p, y, m)}/revise`, { method: 'POST', body }),
  uploadPhotos: (p: number, y: number, m: number, files: File[]) => {
    const form = new FormData();
    for (const f of files) form.append('file', f);
    return api<ReportPhoto[]>(`${base(p, y, m)}/photos`, { method: 'POST', form });
  },
  exportFile: (year: number, upToMonth: number) => download('/api/reports/export.xlsx', `reports_${year}_${upToMonth}.xlsx`, { year, upToMonth }),
  importFile: (year: number, month: number, file: File, dryRun: boolean) => {
    const form = new FormData();
    form.append('file', file);
    return api<{ dryRun: boolean; rows: number; created: number; updated: number }>('/api/reports/import', { method: 'POST', query: { year, month, dryRun }, form });
  },
  deletePhoto: (id: number) => api<{ ok: boolean }>(`/api/photos/${id}`, { method: 'DELETE' }),
};
