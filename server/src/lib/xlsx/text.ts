/**
 * Text normalisation for spreadsheet cells. Officials' files mix full-width digits and
 * punctuation (１２３４５，．（）：), ideographic spaces and line breaks inside cells.
 */

/** Full-width → half-width (NFKC), ideographic spaces → spaces, trimmed. For parsing, not for storing names. */
export function normalizeText(s: string): string {
  return s.normalize('NFKC').replace(/[\u00a0\u3000]/g, ' ').trim();
}

/** Normalised and without any whitespace: the form used to compare headers and keywords. */
export function compactText(s: string): string {
  return normalizeText(s).replace(/\s+/g, '');
}

/** Characters that make a spreadsheet evaluate a text as a formula (OWASP CSV injection). */
export const FORMULA_TRIGGER = /^[=+\-@\t\r]/;

/**
 * A text value as stored: trimmed, line breaks joined, runs of spaces collapsed, and the single
 * quote our exports put before formula-like text removed again.
 */
export function cleanText(s: string, opts: { multiline?: boolean } = {}): string {
  let t = s.replace(/\r\n?/g, '\n');
  t = opts.multiline ? t.replace(/[ \t\u3000]+/g, ' ').replace(/\n{3,}/g, '\n\n') : t.replace(/\s*\n\s*/g, '').replace(/[ \t\u3000]+/g, ' ');
  t = t.trim();
  if (t.startsWith("'") && FORMULA_TRIGGER.test(t.slice(1))) t = t.slice(1);
  return t;
}
