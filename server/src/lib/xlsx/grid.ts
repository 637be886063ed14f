import type { CellValue } from './cells.js';

/** A merged range, 1-based and inclusive. */
export interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** One worksheet as values: rows[r - 1][c - 1] is the cell at row r, column c (1-based). */
export interface SheetGrid {
  name: string;
  hidden: boolean;
  rows: CellValue[][];
  merges: MergeRange[];
}

export interface WorkbookGrid {
  sheets: SheetGrid[];
}

export function cellAt(g: SheetGrid, row: number, col: number): CellValue {
  return g.rows[row - 1]?.[col - 1] ?? null;
}

export function columnCount(g: SheetGrid): number {
  let n = 0;
  for (const r of g.rows) if (r && r.length > n) n = r.length;
  return n;
}

/** Column letter of a 1-based index: 1 → A, 27 → AA. */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** 1-based index of a column letter, or null when the text is not one. */
export function columnIndex(letter: string): number | null {
  const t = letter.trim().toUpperCase();
  if (!/^[A-Z]{1,3}$/.test(t)) return null;
  let n = 0;
  for (const ch of t) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/**
 * Copies the value of each merged range's top-left cell into the other cells of the range —
 * in both directions for rows up to `fullUntilRow` (headers: a parent header spans its
 * children), and only downwards in the range's first column below it (data: a region or
 * leader cell merged over several projects applies to each of them).
 */
export function fillMerges(g: SheetGrid, fullUntilRow: number): SheetGrid {
  const rows = g.rows.map((r) => (r ? [...r] : []));
  for (const m of g.merges) {
    const master = rows[m.top - 1]?.[m.left - 1] ?? null;
    if (master === null) continue;
    for (let r = m.top; r <= m.bottom; r++) {
      const row = (rows[r - 1] ??= []);
      const right = r <= fullUntilRow ? m.right : m.left;
      for (let c = m.left; c <= right; c++) {
        if (r === m.top && c === m.left) continue;
        if (row[c - 1] === undefined || row[c - 1] === null) row[c - 1] = master;
      }
    }
  }
  for (let i = 0; i < rows.length; i++) if (!rows[i]) rows[i] = [];
  return { ...g, rows };
}
