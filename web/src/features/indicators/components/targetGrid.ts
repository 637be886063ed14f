/**
 * The target grid as text cells: what the dispatcher types (or pastes from a spreadsheet) is kept
 * as typed, checked with the same reading as the imports (full-width digits, no decimal comma),
 * and sent as exact decimal texts; the server decides the figures.
 */
import type { TargetGrid, TargetRow } from '@tiaodu/contracts';
import { parseDecimalInput, type ParsedDecimal } from './figures';

type GridRow = TargetGrid['rows'][number];

export interface TargetDraft {
  baseline: string;
  target: string;
  breakdown: string[];
  multiYearYear: string;
  multiYearValue: string;
  note: string;
}

/** The editable cells of a row, left to right (what a pasted block fills). */
export type DraftCell = { kind: 'baseline' } | { kind: 'target' } | { kind: 'breakdown'; index: number } | { kind: 'multiYearYear' } | { kind: 'multiYearValue' } | { kind: 'note' };

export const rowKey = (r: { unitType: string; unitId: string }) => `${r.unitType}:${r.unitId}`;

const text = (n: number | null | undefined) => (n == null ? '' : String(n));

export function draftOf(r: GridRow, breakdownSize: number): TargetDraft {
  return {
    baseline: text(r.baseline),
    target: text(r.target),
    breakdown: Array.from({ length: breakdownSize }, (_, i) => text(r.breakdown?.[i])),
    multiYearYear: r.multiYear ? String(r.multiYear.year) : '',
    multiYearValue: text(r.multiYear?.value),
    note: r.note ?? '',
  };
}

export function sameDraft(a: TargetDraft, b: TargetDraft): boolean {
  return a.baseline === b.baseline && a.target === b.target && a.multiYearYear === b.multiYearYear && a.multiYearValue === b.multiYearValue && a.note === b.note && a.breakdown.every((c, i) => c === b.breakdown[i]);
}

/** The columns a pasted block runs across, in order. */
export function draftCells(breakdownSize: number): DraftCell[] {
  return [{ kind: 'baseline' }, { kind: 'target' }, ...Array.from({ length: breakdownSize }, (_, index) => ({ kind: 'breakdown' as const, index })), { kind: 'multiYearYear' }, { kind: 'multiYearValue' }, { kind: 'note' }];
}

export function cellValue(d: TargetDraft, c: DraftCell): string {
  return c.kind === 'breakdown' ? (d.breakdown[c.index] ?? '') : d[c.kind];
}

export function withCell(d: TargetDraft, c: DraftCell, v: string): TargetDraft {
  if (c.kind === 'breakdown') return { ...d, breakdown: d.breakdown.map((x, i) => (i === c.index ? v : x)) };
  return { ...d, [c.kind]: v };
}

/**
 * Pastes a block (rows × columns of text) into the drafts from one cell rightwards and downwards;
 * what falls outside the grid is dropped. Answers the new drafts by row index.
 */
export function pasteBlock(drafts: readonly TargetDraft[], startRow: number, startCell: number, block: string[][], breakdownSize: number): TargetDraft[] {
  const cells = draftCells(breakdownSize);
  return drafts.map((d, r) => {
    const line = block[r - startRow];
    if (r < startRow || !line) return d;
    let next = d;
    line.forEach((v, j) => {
      const c = cells[startCell + j];
      if (c) next = withCell(next, c, v);
    });
    return next;
  });
}

/** Whether a cell's text reads as a figure (or as nothing); notes and empty cells always do. */
export function cellError(d: TargetDraft, c: DraftCell): ParsedDecimal | null {
  if (c.kind === 'note') return null;
  const v = cellValue(d, c);
  if (c.kind === 'multiYearYear') return v === '' || /^(20\d\d|2100)$/.test(v.trim()) ? null : { ok: false, error: 'notNumber' };
  const p = parseDecimalInput(v);
  return p.ok ? null : p;
}

/** A draft as the row of `PUT /api/targets`, or the cells that do not read as figures. */
export function rowOf(r: { unitType: TargetRow['unitType']; unitId: string }, d: TargetDraft): { row: TargetRow } | { errors: DraftCell[] } {
  const cells = draftCells(d.breakdown.length);
  const errors = cells.filter((c) => cellError(d, c));
  if (errors.length) return { errors };
  const dec = (s: string) => (parseDecimalInput(s) as { ok: true; value: string | null }).value;
  const breakdown = d.breakdown.map(dec);
  const myYear = d.multiYearYear.trim() ? Number(d.multiYearYear.trim()) : null;
  return {
    row: {
      unitType: r.unitType,
      unitId: r.unitId,
      baseline: dec(d.baseline),
      target: dec(d.target),
      breakdown: d.breakdown.length && breakdown.some((b) => b !== null) ? breakdown : null,
      multiYear: myYear ? { year: myYear, value: dec(d.multiYearValue) } : null,
      note: d.note.trim() ? d.note.trim() : null,
    },
  };
}
