import type {
  Adjustment,
  Competition,
  CompetitionInput,
  CompetitionPreset,
  CompetitionResults,
  CompetitionScheme,
  CompetitionSummary,
  ContestantHistory,
  Leaderboard,
  Tour,
  UnitOption,
} from '@tiaodu/contracts';
import { api, download } from '../../../api/client';

/** One row of 流动红旗 history (FlagHistoryRowSchema of the contracts). */
export interface FlagHistoryRow {
  period: string;
  periodLabel: string;
  sequence: string;
  red: string[];
  yellow: string[];
  redList: string[];
  blackList: string[];
  interviews: string[];
}

/** A competition on the public site (PublicCompetitionSchema of the contracts). */
export interface PublicCompetition {
  id: number;
  name: string;
  year: number;
  periods: Array<{ period: string; label: string; publishedAt: string }>;
}

/** The body of a bonus / penalty entry (AdjustmentInputSchema of the contracts). */
export interface AdjustmentInput {
  period: string;
  contestantId: string;
  itemId: string;
  points: number;
  reason: string;
}

/** The changes of a competition (CompetitionPatchSchema of the contracts). */
export interface CompetitionPatch {
  name?: string;
  description?: string | null;
  status?: 'active' | 'archived';
  public?: boolean;
  scheme?: CompetitionScheme;
  note?: string | null;
}


export type CompetitionVersion = Competition['versions'][number];
export type LeaderboardRow = Leaderboard['sequences'][number]['rows'][number];
export type HistoryRow = ContestantHistory['rows'][number];

const base = (id: number) => `/api/competitions/${id}`;
const periodPath = (id: number, period: string) => `${base(id)}/periods/${encodeURIComponent(period)}`;

export const competitionKeys = {
  all: ['competitions'] as const,
  list: ['competitions', 'list'] as const,
  presets: ['competitions', 'presets'] as const,
  one: (id: number) => ['competitions', id] as const,
  results: (id: number, period: string) => ['competitions', id, 'results', period] as const,
  leaderboard: (id: number, year: number) => ['competitions', id, 'leaderboard', year] as const,
  flags: (id: number) => ['competitions', id, 'flags'] as const,
  contestant: (id: number, contestantId: string) => ['competitions', id, 'contestant', contestantId] as const,
  adjustments: (id: number, period: string) => ['competitions', id, 'adjustments', period] as const,
  preview: (id: number | null, period: string, scheme: string) => ['competitions', 'preview', id, period, scheme] as const,
  units: (subject: string) => ['competitions', 'units', subject] as const,
  tours: ['competitions', 'tours'] as const,
  publicList: ['competitions', 'public'] as const,
  publicResults: (id: number, period: string) => ['competitions', 'public', id, period] as const,
};

export const competitionsApi = {
  list: () => api<CompetitionSummary[]>('/api/competitions'),
  create: (body: CompetitionInput) => api<Competition>('/api/competitions', { method: 'POST', body }),
  presets: () => api<CompetitionPreset[]>('/api/competitions/presets'),
  get: (id: number) => api<Competition>(base(id)),
  update: (id: number, body: CompetitionPatch) => api<Competition>(base(id), { method: 'PATCH', body }),
  preview: (id: number | null, period: string, scheme: CompetitionScheme, draft: { year: number; cadence: 'month' | 'quarter' }, signal?: AbortSignal) =>
    id == null
      ? api<CompetitionResults>('/api/competitions/preview', { method: 'POST', body: { period, scheme, ...draft }, signal })
      : api<CompetitionResults>(`${base(id)}/preview`, { method: 'POST', body: { period, scheme }, signal }),
  compute: (id: number, period: string, reason?: string | null) => api<CompetitionResults>(`${periodPath(id, period)}/compute`, { method: 'POST', body: reason ? { reason } : {} }),
  publish: (id: number, period: string) => api<CompetitionResults>(`${periodPath(id, period)}/publish`, { method: 'POST', body: {} }),
  results: (id: number, period: string, revision?: number) => api<CompetitionResults>(`${periodPath(id, period)}/results`, { query: { revision } }),
  exportXlsx: (id: number, period: string, name: string) => download(`${periodPath(id, period)}/export.xlsx`, `${name}-${period}.xlsx`),
  leaderboard: (id: number, year: number) => api<Leaderboard>(`${base(id)}/leaderboard`, { query: { year } }),
  flags: (id: number) => api<FlagHistoryRow[]>(`${base(id)}/flags`),
  contestant: (id: number, contestantId: string) => api<ContestantHistory>(`${base(id)}/contestants/${encodeURIComponent(contestantId)}`),

  adjustments: (id: number, period?: string) => api<Adjustment[]>(`${base(id)}/adjustments`, { query: { period } }),
  addAdjustment: (id: number, body: AdjustmentInput) => api<Adjustment>(`${base(id)}/adjustments`, { method: 'POST', body }),
  deleteAdjustment: (id: number, aid: number) => api<unknown>(`${base(id)}/adjustments/${aid}`, { method: 'DELETE' }),
  uploadEvidence: (id: number, aid: number, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return api<Adjustment>(`${base(id)}/adjustments/${aid}/files`, { method: 'POST', form });
  },
  evidenceUrl: (id: number, aid: number, fileId: number) => `${base(id)}/adjustments/${aid}/files/${fileId}`,

  /** The units a sequence can enter (towns, parks, counties, departments). */
  units: (subject: string) => api<UnitOption[]>('/api/indicators/units', { query: { subject } }),
  /** 现场观摩 tours, the judged rule's pick (a number input when none can be read). */
  tours: () => api<Tour[]>('/api/tours'),

  publicList: () => api<PublicCompetition[]>('/api/public/competitions'),
  publicResults: (id: number, period: string) => api<CompetitionResults>(`/api/public/competitions/${id}/${encodeURIComponent(period)}`),
};
