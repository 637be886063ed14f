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
