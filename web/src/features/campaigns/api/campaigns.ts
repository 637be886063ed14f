import type { CampaignCreate, CampaignDetail, CampaignList, CampaignPatch, TaskListItem } from '@tiaodu/contracts';
import { api, download } from '../../../api/client';

export const campaignKeys = {
  all: ['campaigns'] as const,
  list: ['campaigns', 'list'] as const,
  detail: (id: number) => ['campaigns', 'detail', id] as const,
  taskPick: (q: string) => ['campaigns', 'task-pick', q] as const,
};

export const campaignsApi = {
  list: () => api<CampaignList>('/api/campaigns'),
  get: (id: number) => api<CampaignDetail>(`/api/campaigns/${id}`),
  create: (body: CampaignCreate) => api<CampaignDetail>('/api/campaigns', { method: 'POST', body }),
  exportXlsx: (id: number) => download(`/api/campaigns/${id}/export.xlsx`, 'campaign.xlsx'),
  update: (id: number, body: CampaignPatch) => api<CampaignDetail>(`/api/campaigns/${id}`, { method: 'PATCH', body }),
  /** Key tasks to pick from (GET /api/tasks, searched by title). */
  tasks: (q: string) => api<TaskListItem[]>('/api/tasks', { query: { q: q || undefined, all: 'true' } }),
};
