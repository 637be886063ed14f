import type { FieldIssue } from './errors.js';

/**
 * Text rule for every input the API accepts (query, path, body, multipart field values and
 * file names): no C0 control characters other than tab, line feed and carriage return.
 * U+0000 in particular cannot be stored by PostgreSQL. Multi-line fields (content, progress
 * text) keep their line breaks and tabs.
 */
// eslint-disable-next-line no-control-regex
export const CONTROL_CHARS_RE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;

export const CONTROL_CHARS_MESSAGE = '不能包含控制字符（如 U+0000）';

export function hasControlChars(s: string): boolean {
  return CONTROL_CHARS_RE.test(s);
}

/**
 * The strings inside `value` (and the keys of its objects) that break the text rule, as
 * field issues whose path is the field's dotted path below `base` ('' for the top level).
 */
export function controlCharIssues(value: unknown, base = ''): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const walk = (v: unknown, path: string, depth: number): void => {
    if (typeof v === 'string') {
      if (hasControlChars(v)) issues.push({ path, message: CONTROL_CHARS_MESSAGE });
    } else if (Array.isArray(v)) {
      if (depth < 32) v.forEach((item, i) => walk(item, path ? `${path}.${i}` : String(i), depth + 1));
    } else if (v && typeof v === 'object' && depth < 32) {
      for (const [k, item] of Object.entries(v)) {
        const p = path ? `${path}.${k}` : k;
        if (hasControlChars(k)) issues.push({ path: p, message: CONTROL_CHARS_MESSAGE });
        else walk(item, p, depth + 1);
      }
    }
  };
  walk(value, base, 0);
  return issues;
}
