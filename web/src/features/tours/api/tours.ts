import type { Nomination, NominationInput, NominationPatch, ScoreInput, ScorePatch, ScoreSheet, Tour, TourDetail, TourInput, TourJudge, TourJudgeCandidate, TourJudgeInput, TourPatch, TourResults } from '@tiaodu/contracts';
import { api } from '../../../api/client';

export const tourKeys = {
  all: ['tours'] as const,
  list: ['tours', 'list'] as const,
  one: (id: number) => ['tours', 'one', id] as const,
  sheets: (id: number) => ['tours', 'sheets', id] as const,
  results: (id: number) => ['tours', 'results', id] as const,
  judges: ['tours', 'judges'] as const,
  candidates: ['tours', 'judge-candidates'] as const,
};

/** The URL of a nomination's photo (served through the API, scope-checked). */
export const photoUrl = (tourId: number, nominationId: number, photoId: number) => `/api/tours/${tourId}/nominations/${nominationId}/photos/${photoId}`;

export const toursApi = {
  list: () => api<Tour[]>('/api/tours'),
  get: (id: number) => api<TourDetail>(`/api/tours/${id}`),
  create: (body: TourInput) => api<TourDetail>('/api/tours', { method: 'POST', body }),
  update: (id: number, body: TourPatch) => api<TourDetail>(`/api/tours/${id}`, { method: 'PATCH', body }),
  nominate: (id: number, body: NominationInput) => api<Nomination>(`/api/tours/${id}/nominations`, { method: 'POST', body }),
  updateNomination: (id: number, nid: number, body: NominationPatch) => api<Nomination>(`/api/tours/${id}/nominations/${nid}`, { method: 'PATCH', body }),
  removeNomination: (id: number, nid: number) => api<{ ok: boolean }>(`/api/tours/${id}/nominations/${nid}`, { method: 'DELETE' }),
  uploadPhotos: (id: number, nid: number, files: File[]) => {
    const form = new FormData();
    for (const f of files) form.append('file', f);
    return api<Nomination>(`/api/tours/${id}/nominations/${nid}/photos`, { method: 'POST', form });
  },
  deletePhoto: (id: number, nid: number, photoId: number) => api<Nomination>(`/api/tours/${id}/nominations/${nid}/photos/${photoId}`, { method: 'DELETE' }),
  sheets: (id: number) => api<ScoreSheet[]>(`/api/tours/${id}/scores`),
  submit: (id: number, body: ScoreInput) => api<ScoreSheet>(`/api/tours/${id}/scores`, { method: 'POST', body }),
  correct: (id: number, sheetId: number, body: ScorePatch) => api<ScoreSheet>(`/api/tours/${id}/scores/${sheetId}`, { method: 'PATCH', body }),
  results: (id: number) => api<TourResults>(`/api/tours/${id}/results`),
  judges: () => api<TourJudge[]>('/api/tour-judges'),
  candidates: () => api<TourJudgeCandidate[]>('/api/tour-judges/candidates'),
  addJudge: (body: TourJudgeInput) => api<TourJudge>('/api/tour-judges', { method: 'POST', body }),
  removeJudge: (id: number) => api<{ ok: boolean }>(`/api/tour-judges/${id}`, { method: 'DELETE' }),
};
