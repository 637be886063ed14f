import type { NotificationList } from '@tiaodu/contracts';
import { api, type Query } from '../../../api/client';

export const notificationKeys = {
  all: ['notifications'] as const,
  unread: ['notifications', 'unread'] as const,
  list: (q: Query) => ['notifications', 'list', q] as const,
};

export const notificationsApi = {
  list: (q: Query) => api<NotificationList>('/api/notifications', { query: q }),
  unread: () => api<{ unread: number }>('/api/notifications/unread-count'),
  read: (ids?: number[]) => api<{ updated: number }>('/api/notifications/read', { method: 'POST', body: ids ? { ids } : {} }),
};
