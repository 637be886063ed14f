import type { FormInstance } from 'antd';
import { ERRORS } from '@tiaodu/contracts';
import type { Lang } from '../i18n';
import { translate } from '../i18n';
import { ApiError } from './client';

/** The text to show for a failed request, in the interface language. */
export function errorText(err: unknown, lang: Lang): string {
  if (err instanceof ApiError) {
    if (err.code === 'NETWORK') return translate(lang, 'common.networkError');
    const known = (ERRORS as Record<string, { zh: string; en: string } | undefined>)[err.code];
    if (lang === 'en' && known) {
      // The server's message is Chinese; keep it when it says more than the generic text.
      return err.message && err.message !== known.zh ? `${known.en} (${err.message})` : known.en;
    }
    return err.message || known?.zh || err.code;
  }
  if (err instanceof Error) return err.message;
  return String(err);
}

/** `funding.central` → ['funding', 'central']; `leaderIds.0` → ['leaderIds']. */
export function pathToName(path: string): (string | number)[] {
  const parts = path.split(/[.[\]/]+/).filter(Boolean);
  const name: (string | number)[] = [];
  for (const p of parts) {
    if (/^\d+$/.test(p)) break;
    name.push(p);
  }
  return name;
}

/**
 * Puts the server's field errors (`details[].path`) on the form's fields.
 * Returns true when at least one error landed on a field of the form.
 */
export function applyFieldErrors(form: FormInstance, err: unknown, known?: (name: (string | number)[]) => boolean): boolean {
  if (!(err instanceof ApiError) || err.details.length === 0) return false;
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  for (const d of err.details) {
    const name = pathToName(d.path);
    if (name.length === 0) continue;
    if (known && !known(name)) continue;
    const key = name.join('.');
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(d.message);
    byField.set(key, entry);
  }
  if (byField.size === 0) return false;
  form.setFields([...byField.values()].map((f) => ({ name: f.name, errors: f.errors })));
  const first = [...byField.values()][0];
  if (first) form.scrollToField(first.name, { block: 'center' });
  return true;
}
