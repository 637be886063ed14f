import type {
  Benchmark,
  Indicator,
  IndicatorImportResult,
  IndicatorInput,
  IndicatorPatch,
  IndicatorPeriod,
  IndicatorValues,
  OwedItem,
  PeerGroup,
  RankSummary,
  TargetGrid,
  TargetRow,
  UnitOption,
  UnitRef,
  ValueRecord,
} from '@tiaodu/contracts';
import { api, type Query } from '../../../api/client';

export interface FormulaInfo {
  value: string;
  zh: string;
  en: string;
  /** The Chinese definition (口径). */
  definition: string;
  subjects: string[];
}

export interface ExternalUnit {
  id: number;
  name: string;
  level: string;
  parentName: string | null;
}

export interface ValueInput {
  indicatorId: number;
  period: string;
  value: string;
  note?: string | null;
  submit?: boolean;
}

export const indicatorKeys = {
  all: ['indicators'] as const,
  list: (q: Query) => ['indicators', 'list', q] as const,
  formulas: ['indicators', 'formulas'] as const,
  units: (q: Query) => ['indicators', 'units', q] as const,
  targets: (year: number, indicatorId: number) => ['indicators', 'targets', year, indicatorId] as const,
  periods: ['indicators', 'periods'] as const,
  cells: (id: number) => ['indicators', 'periods', id, 'cells'] as const,
  owed: ['indicators', 'owed'] as const,
  values: (q: Query) => ['indicators', 'values', q] as const,
  value: (id: number) => ['indicators', 'value', id] as const,
  benchmark: (q: Query) => ['indicators', 'benchmark', q] as const,
  summary: ['indicators', 'benchmark-summary'] as const,
  peerGroups: ['indicators', 'peer-groups'] as const,
  externalUnits: ['indicators', 'external-units'] as const,
};

const upload = (fields: Record<string, string | number | File>) => {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, typeof v === 'number' ? String(v) : v);
  return form;
};

export const indicatorsApi = {
  list: (q: { status?: 'active' | 'retired' | 'all'; source?: string; benchmark?: boolean } = {}) => api<Indicator[]>('/api/indicators', { query: q }),
  create: (body: IndicatorInput) => api<Indicator>('/api/indicators', { method: 'POST', body }),
  update: (id: number, body: IndicatorPatch) => api<Indicator>(`/api/indicators/${id}`, { method: 'PATCH', body }),
  remove: (id: number) => api<{ ok: boolean }>(`/api/indicators/${id}`, { method: 'DELETE' }),
  formulas: () => api<FormulaInfo[]>('/api/indicators/formulas'),
  units: (q: { subject?: string; indicatorId?: number }) => api<UnitOption[]>('/api/indicators/units', { query: q }),

  targets: (year: number, indicatorId: number) => api<TargetGrid>('/api/targets', { query: { year, indicatorId } }),
  saveTargets: (body: { year: number; indicatorId: number; rows: TargetRow[] }) => api<TargetGrid>('/api/targets', { method: 'PUT', body }),
  importTargets: (file: File, year: number, indicatorId: number, dryRun: boolean) =>
    api<IndicatorImportResult>('/api/targets/import', { method: 'POST', query: { dryRun }, form: upload({ year, indicatorId, file }) }),

  periods: () => api<IndicatorPeriod[]>('/api/indicator-periods'),
  openPeriod: (body: { period: string; indicatorIds: number[]; deadline: string; note?: string | null }) => api<IndicatorPeriod>('/api/indicator-periods', { method: 'POST', body }),
  patchPeriod: (id: number, body: { deadline?: string; status?: 'open' | 'closed'; note?: string | null }) => api<IndicatorPeriod>(`/api/indicator-periods/${id}`, { method: 'PATCH', body }),
  cells: (id: number) => api<OwedItem[]>(`/api/indicator-periods/${id}/cells`),

  owed: () => api<OwedItem[]>('/api/indicator-values/owed'),
  values: (q: { indicatorId: number; period: string; unitType?: string }) => api<IndicatorValues>('/api/indicator-values', { query: q }),
  report: (body: ValueInput) => api<ValueRecord>('/api/indicator-values', { method: 'POST', body }),
  value: (id: number) => api<ValueRecord>(`/api/indicator-values/${id}`),
  /** Adds evidence files to a value, all in one request. */
  uploadFiles: (id: number, files: File[]) => {
    const form = new FormData();
    for (const f of files) form.append('file', f);
    return api<ValueRecord>(`/api/indicator-values/${id}/files`, { method: 'POST', form });
  },
  deleteFile: (id: number, fileId: number) => api<ValueRecord>(`/api/indicator-values/${id}/files/${fileId}`, { method: 'DELETE' }),
  review: (id: number, action: 'accept' | 'return', reason?: string | null) => api<ValueRecord>(`/api/indicator-values/${id}/review`, { method: 'POST', body: { action, reason: reason ?? null } }),
  publish: (indicatorId: number, period: string, published: boolean) => api<{ indicatorId: number; period: string; published: boolean }>('/api/indicator-values/publish', { method: 'POST', body: { indicatorId, period, published } }),
  importValues: (file: File, period: string, dryRun: boolean) => api<IndicatorImportResult>('/api/indicator-values/import', { method: 'POST', query: { dryRun }, form: upload({ period, file }) }),

  benchmark: (q: { indicatorId: number; period: string; group?: string; unitType?: string; unitId?: string }) => api<Benchmark>('/api/benchmarks', { query: q }),
  summary: () => api<RankSummary>('/api/benchmarks/summary'),
  peerGroups: () => api<PeerGroup[]>('/api/peer-groups'),
  /** Peer group changes answer the groups as they are now. */
  createPeerGroup: (body: { name: string; members: UnitRef[]; note?: string | null }) => api<PeerGroup[]>('/api/peer-groups', { method: 'POST', body }),
  updatePeerGroup: (id: number, body: { name?: string; members?: UnitRef[]; note?: string | null }) => api<PeerGroup[]>(`/api/peer-groups/${id}`, { method: 'PATCH', body }),
  deletePeerGroup: (id: number) => api<PeerGroup[]>(`/api/peer-groups/${id}`, { method: 'DELETE' }),
  externalUnits: () => api<ExternalUnit[]>('/api/external-units'),
  createExternalUnit: (body: { name: string; level: string; parentName?: string | null }) => api<ExternalUnit>('/api/external-units', { method: 'POST', body }),
};
