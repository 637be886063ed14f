import type { ImportInspect, ImportJob, ImportMapping, ImportMatches, ImportResult, SavedImportMapping } from '@tiaodu/contracts';
import { api, download } from '../../../api/client';

export type { ImportInspect, ImportJob, ImportMatches, SavedImportMapping };
export type InspectColumn = ImportInspect['columns'][number];

/** Field chosen for each column, by column letter; '' = not imported. */
export type Assignment = Record<string, string>;

export interface ImportOptions {
  sheet?: string;
  headerRow?: number;
}

/** What the importer chose besides the columns: the region of rows without one, creating unknown names, and matches. */
export interface ImportChoices {
  defaultRegionCode?: string | null;
  createMissing?: boolean;
  matches?: ImportMatches;
}

/** The ledger files the server reads: Excel 2007+, Excel 97–2003, WPS and CSV. */
export function isLedgerFile(name: string): boolean {
  return /\.(xlsx|xls|et|csv)$/i.test(name);
}

export type MatchKind = 'departments' | 'leaders';

/** One name of the file the import resolves: to an existing unit/leader (id) or to a new one (null). */
export interface MatchRow {
  key: string;
  kind: MatchKind;
  /** The name as the file writes it. */
  text: string;
  /** The id it goes to, or null = created by the import. */
  value: number | null;
  /** The registered name it was matched to, or the name it will be created with. */
  name: string | null;
  /** A near match (县水利局 → 水利局), worth a look. */
  near: boolean;
  /** The importer chose it in this wizard. */
  chosen: boolean;
  /** …and the choice differs from what the file's name resolved to. */
  changed: boolean;
  rows: number[];
}

/** The names of a dry run as one list: matched ones first, then those to create; the importer's choices applied. */
export function matchRows(result: Pick<ImportResult, 'matched' | 'toCreate'>, choices: ImportMatches | undefined): MatchRow[] {
  const out: MatchRow[] = [];
  for (const kind of ['departments', 'leaders'] as const) {
    const chosen = choices?.[kind] ?? {};
    for (const m of result.matched?.[kind] ?? []) {
      const has = Object.hasOwn(chosen, m.text);
      out.push({ key: `${kind}:${m.text}`, kind, text: m.text, value: has ? chosen[m.text]! : m.id, name: m.name, near: !m.exact, chosen: has, changed: has && chosen[m.text] !== m.id, rows: [] });
    }
    // A unit to create keeps the file's name (县水利局) as its key; its name is the one it gets (桐庐县水利局).
    for (const c of result.toCreate?.[kind] ?? []) {
      if (out.some((r) => r.kind === kind && r.text === c.text)) continue;
      const has = Object.hasOwn(chosen, c.text);
      out.push({ key: `${kind}:${c.text}`, kind, text: c.text, value: has ? chosen[c.text]! : null, name: c.name, near: false, chosen: has, changed: has && chosen[c.text] !== null, rows: c.rows });
    }
  }
  return out;
}

/** Sets one choice, keeping the others. */
export function withChoice(matches: ImportMatches | undefined, kind: MatchKind, text: string, value: number | null): ImportMatches {
  const base: ImportMatches = { departments: { ...(matches?.departments ?? {}) }, leaders: { ...(matches?.leaders ?? {}) } };
  base[kind][text] = value;
  return base;
}

/** "A、B、C…" — the first names of a list, for a one-line summary. */
export function namesLine(names: string[], max = 12, sep = '、'): string {
  return names.length > max ? `${names.slice(0, max).join(sep)}…` : names.join(sep);
}

function hasMatches(m: ImportMatches | undefined): boolean {
  return Boolean(m && (Object.keys(m.departments).length || Object.keys(m.leaders).length));
}

/** The multipart fields of the importer's choices (left out when not chosen). */
export function choiceFields(c: ImportChoices): Record<string, string | undefined> {
  return {
    defaultRegionCode: c.defaultRegionCode || undefined,
    createMissing: c.createMissing === undefined ? undefined : String(c.createMissing),
    matches: hasMatches(c.matches) ? JSON.stringify(c.matches) : undefined,
  };
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
  start: (file: File, dryRun: boolean, mapping: ImportMapping, opts: ImportOptions = {}, choices: ImportChoices = {}) =>
    api<{ jobId: string }>('/api/projects/import-jobs', {
      method: 'POST',
      query: { dryRun: String(dryRun) },
      form: formOf(file, { mapping: JSON.stringify(mapping), sheet: opts.sheet, headerRow: opts.headerRow?.toString(), ...choiceFields(choices) }),
    }),
  job: (id: string) => api<ImportJob>(`/api/import-jobs/${encodeURIComponent(id)}`),
  jobs: () => api<ImportJob[] | { items: ImportJob[] }>('/api/import-jobs').then((r) => (Array.isArray(r) ? r : r.items)),
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
