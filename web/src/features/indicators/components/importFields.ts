/**
 * The names of the figures an import reads or changes, as the dry run lists them: the API names a
 * column's or a change's field (value, growth, target, a breakdown period such as 2026-03, or
 * multiYear:2028); the page shows what an office calls it.
 */
import { parsePeriod } from '@tiaodu/contracts';
import { periodName } from './figures';

const NAMES: Record<string, [string, string]> = {
  unit: ['单位', 'Unit'],
  value: ['数值', 'Value'],
  growth: ['增速', 'Growth'],
  rank: ['位次（由平台计算，不导入）', 'Rank (computed, not imported)'],
  ignored: ['不导入', 'Not imported'],
  target: ['年度目标', 'Year target'],
  baseline: ['基数', 'Baseline'],
  note: ['备注', 'Note'],
};

export function importFieldName(field: string, lang: 'zh' | 'en'): string {
  const i = lang === 'en' ? 1 : 0;
  const known = NAMES[field];
  if (known) return known[i];
  const my = /^multiYear:(\d{4})$/.exec(field);
  if (my) return lang === 'en' ? `${my[1]} target` : `${my[1]}年目标`;
  if (parsePeriod(field)) return lang === 'en' ? `${periodName(field, 'en')} target` : `${periodName(field)}目标`;
  return field;
}
