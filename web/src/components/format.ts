import dayjs from 'dayjs';
import type { Lang } from '../i18n';

const wan = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Amounts in 万元 with thousands separators and two decimals: 12,345.67. */
export function formatWan(value: number | null | undefined): string {
  if (value == null || Number.isNaN(value)) return '';
  return wan.format(value);
}

const plain = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** A number with thousands separators and at most two decimals. */
export function formatNumber(value: number | null | undefined): string {
  if (value == null || Number.isNaN(value)) return '';
  return plain.format(value);
}

/** A calendar date as officials write it: 2024年9月19日 (English: 2024-09-19). */
export function formatDate(value: string | null | undefined, lang: Lang): string {
  if (!value) return '';
  const d = dayjs(value);
  if (!d.isValid()) return value;
  return lang === 'en' ? d.format('YYYY-MM-DD') : d.format('YYYY年M月D日');
}

/** A moment in local time: 2024-09-19 14:05:09. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '';
  const d = dayjs(value);
  return d.isValid() ? d.format('YYYY-MM-DD HH:mm:ss') : value;
}
