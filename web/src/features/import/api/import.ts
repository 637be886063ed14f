import type { ImportInspect, ImportJob, ImportMapping, SavedImportMapping } from '@tiaodu/contracts';
import { api, download } from '../../../api/client';

export type { ImportInspect, ImportJob, SavedImportMapping };
export type InspectColumn = ImportInspect['columns'][number];

/** Field chosen for each column, by column letter; '' = not imported. */
export type Assignment = Record<string, string>;

export interface ImportOptions {
  sheet?: string;
  headerRow?: number;
}

/** The key a column is known by in a mapping: its header when that is unique, else its letter. */
export function columnKey(c: InspectColumn, columns: InspectColumn[]): string {
  const h = c.header.trim();
  if (h && columns.filter((x) => x.header.trim() === h).length === 1) return h;
  return c.letter;
}

/** The assignment as the server's mapping: every column, header (or letter) → field or ''. */
export function toMapping(assign: Assignment, columns: InspectColumn[]): ImportMapping {
  const m: Record<string, string> = {};
  for (const c of columns) m[columnKey(c, columns)] = assign[c.letter] ?? '';
  return m as ImportMapping;
}

/** A saved mapping applied to the columns of this file (matched by header or letter). */
export function fromMapping(mapping: Record<string, string>, columns: InspectColumn[], current: Assignment): Assignment {
  const next: Assignment = { ...current };
  for (const c of columns) {
    const byHeader = mapping[c.header.trim()];
    const byLetter = mapping[c.letter];
    const v = byHeader ?? byLetter;
    if (v !== undefined) next[c.letter] = v;
  }
  return next;
}

function formOf(file: File, extra: Record<string, string | undefined>): FormData {
  const fd = new FormData();
  // Text fields first: a streaming multipart parser sees them before the file.
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) fd.append(k, v);
  fd.append('file', file, file.name);
  return fd;
}

export const importApi = {
  inspect: (file: File, opts: ImportOptions = {}) =>
    api<ImportInspect>('/api/projects/import/inspect', { method: 'POST', form: formOf(file, { sheet: opts.sheet, headerRow: opts.headerRow?.toString() }) }),
  start: (file: File, dryRun: boolean, mapping: ImportMapping, opts: ImportOptions = {}) =>
    api<{ jobId: string }>('/api/projects/import-jobs', {
      method: 'POST',
      query: { dryRun: String(dryRun) },
      form: formOf(file, { mapping: JSON.stringify(mapping), sheet: opts.sheet, headerRow: opts.headerRow?.toString() }),
    }),
  job: (id: string) => api<ImportJob>(`/api/import-jobs/${encodeURIComponent(id)}`),
  mappings: () => api<SavedImportMapping[] | { items: SavedImportMapping[] }>('/api/import-mappings').then((r) => (Array.isArray(r) ? r : r.items)),
  saveMapping: (name: string, mapping: ImportMapping) => api<SavedImportMapping>('/api/import-mappings', { method: 'POST', body: { name, mapping } }),
  template: () => download('/api/projects/import/template.xlsx', '项目台账导入模板.xlsx'),
};

/** A failed job's error as text. */
export function jobErrorText(error: ImportJob['error'] | unknown): string | null {
  if (!error) return null;
  if (typeof error === 'string') return error;
  if (typeof error === 'object' && error && 'message' in error && typeof (error as { message: unknown }).message === 'string') return (error as { message: string }).message;
  return String(error);
}
