import type { DashboardDto } from '@tiaodu/contracts';
import { api } from '../../../api/client';

export interface DashboardParams {
  year?: number;
  month?: number;
  regionCode?: string;
}

export const dashboardApi = {
  get: (q: DashboardParams) => api<DashboardDto>('/api/dashboard', { query: { ...q } }),
};
