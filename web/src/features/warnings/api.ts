import type { DashboardDto, LightHistoryDto, WarningListDto } from '@tiaodu/contracts';
import { api, type Query } from '../../api/client';

export const warningsApi = {
  list: (q: Query) => api<WarningListDto>('/api/warnings', { query: q }),
  history: (projectId: number) => api<LightHistoryDto>(`/api/projects/${projectId}/lights`),
  dashboard: (q: Query) => api<DashboardDto>('/api/dashboard', { query: q }),
};
