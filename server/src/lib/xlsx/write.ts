import type { Cell, Worksheet } from 'exceljs';
import { FORMULA_TRIGGER } from './text.js';

/**
 * Text for a spreadsheet cell that a spreadsheet program will never evaluate: text starting
 * with = + - @ (or a tab / carriage return) gets a leading single quote (OWASP "CSV injection").
 * The cell is also written as a string, never as a formula. Imports strip the quote again.
 */
export function safeCellText(s: string | null | undefined): string {
  if (s == null) return '';
  return FORMULA_TRIGGER.test(s) ? `'${s}` : s;
}

/** Content-Disposition for a download with a non-ASCII file name (RFC 6266 / RFC 5987). */
export function attachmentDisposition(filename: string, asciiFallback: string): string {
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${asciiFallback.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encoded}`;
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const THIN = { style: 'thin' as const, color: { argb: 'FF999999' } };
export const CELL_BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
export const AMOUNT_FORMAT = '#,##0.00';

/**
 * The heading every exported table carries, as officials print them: row 1 the title in the
 * official title font merged across the table, row 2 an optional note on the left (e.g. the
 * export date) and the unit line on the right. Streaming sheets commit rows 1–2 afterwards.
 */
export function writeHeading(ws: Worksheet, width: number, title: string, opts: { note?: string; unit?: string } = {}): void {
  const t = ws.getRow(1).getCell(1);
  t.value = title;
  t.font = { name: '方正小标宋简体', size: 18, bold: true };
  t.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 36;
  ws.mergeCells(1, 1, 1, width);
  const unitCol = Math.max(1, width - 3);
  if (opts.note && unitCol > 1) {
    const n = ws.getRow(2).getCell(1);
    n.value = opts.note;
    n.alignment = { horizontal: 'left' };
    ws.mergeCells(2, 1, 2, Math.min(6, unitCol - 1));
  }
  const u = ws.getRow(2).getCell(unitCol);
  u.value = opts.unit ?? '单位：万元';
  u.alignment = { horizontal: 'right' };
  if (unitCol < width) ws.mergeCells(2, unitCol, 2, width);
}

/** A header cell of an exported table: 黑体, centred, wrapped, shaded, bordered. */
export function styleHeaderCell(cell: Cell): void {
  cell.font = { name: '黑体', bold: true };
  cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
  cell.border = CELL_BORDER;
}
