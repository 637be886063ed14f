/**
 * Cell values as read from a workbook, reduced to primitives. ExcelJS hands out formulas
 * ({formula, result}), rich text, hyperlinks and error values; an import wants what the user
 * sees: the cached result of a formula, the plain text of rich text.
 */

/** A number together with its display format, kept when the format is not "General". */
export interface FormattedNumber {
  num: number;
  fmt: string;
}

export type CellValue = string | number | boolean | Date | FormattedNumber | null;

export function isFormattedNumber(v: unknown): v is FormattedNumber {
  return typeof v === 'object' && v !== null && typeof (v as FormattedNumber).num === 'number' && typeof (v as FormattedNumber).fmt === 'string';
}

/** Reduces a raw ExcelJS cell value (as cloned from the reader worker) to a CellValue. */
export function toCellValue(raw: unknown, numFmt?: string): CellValue {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'string') return raw;
  if (typeof raw === 'number') return Number.isFinite(raw) ? (numFmt && numFmt !== 'General' ? { num: raw, fmt: numFmt } : raw) : null;
  if (typeof raw === 'boolean') return raw;
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? null : raw;
  if (typeof raw === 'object') {
    const o = raw as Record<string, unknown>;
    if ('formula' in o || 'sharedFormula' in o) {
      if (o.result === undefined || o.result === null) return `=${String(o.formula ?? o.sharedFormula ?? '')}`;
      return toCellValue(o.result, numFmt);
    }
    if (Array.isArray(o.richText)) return (o.richText as { text?: string }[]).map((r) => r.text ?? '').join('');
    if ('text' in o) return toCellValue(o.text, numFmt);
    if ('error' in o) return String(o.error);
    if (isFormattedNumber(o)) return o;
  }
  return String(raw);
}

/** Decimal places shown by a number format like "0.00" or "#,##0.0" (0 when none). */
export function formatDecimals(fmt: string): number {
  const m = /\.(0+)/.exec(fmt.split(';')[0] ?? '');
  return m ? m[1]!.length : 0;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** A date cell as YYYY-MM-DD. ExcelJS dates carry the spreadsheet's wall time in UTC. */
export function isoDate(d: Date): string {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** What the user sees in the cell, as text (for error messages, samples and text fields). */
export function cellText(v: CellValue): string {
  if (v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (v instanceof Date) return isoDate(v);
  if (isFormattedNumber(v)) {
    const dec = formatDecimals(v.fmt);
    return dec > 0 && /^[#0,.]+$/.test(v.fmt.split(';')[0] ?? '') ? v.num.toFixed(dec) : numberText(v.num);
  }
  return numberText(v);
}

/** A plain number as text without float noise (1234.5, not 1234.4999999). */
export function numberText(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return String(Number(n.toPrecision(15)));
}

export function isEmptyCell(v: CellValue): boolean {
  return v === null || (typeof v === 'string' && v.trim() === '');
}
