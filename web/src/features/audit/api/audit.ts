import type { AuditEvent } from '@tiaodu/contracts';
import { api, type Query } from '../../../api/client';

export interface AuditVerify {
  ok: boolean;
  checked: number;
  brokenAt: number | null;
}

export const auditApi = {
  list: (q: Query) => api<{ items: AuditEvent[]; total: number }>('/api/audit', { query: q }),
  verify: () => api<AuditVerify>('/api/audit/verify'),
};
