/**
 * Pure helpers of the indicator pages: figures printed with the indicator's decimals (rounded
 * once, half away from zero, from the exact decimal text when the API gives it), rank changes
 * as arrows, numbers typed the way offices type them (full-width digits, 12.5%), periods by
 * cadence, and blocks pasted from a spreadsheet into the target grid.
 */
import { formatPeriod, parsePeriod, periodLabel, periodsPerYear, type IndicatorCadence } from '@tiaodu/contracts';

const FULL_WIDTH: Record<string, string> = { '．': '.', '，': ',', '－': '-', '＋': '+', '％': '%', '—': '—', '−': '-', '–': '-' };

/** Full-width digits and signs as their ASCII forms (１２．５％ → 12.5%). */
export function halfWidth(s: string): string {
  return s.replace(/[０-９．，－＋％−–]/g, (c) => {
    const code = c.charCodeAt(0);
    if (code >= 0xff10 && code <= 0xff19) return String(code - 0xff10);
    return FULL_WIDTH[c] ?? c;
  });
}

export type ParsedDecimal = { ok: true; value: string | null } | { ok: false; error: 'decimalComma' | 'notNumber' };

/**
 * A number as typed in a form or a grid cell: full-width forms accepted, a trailing % dropped,
 * thousands separators only in their proper places (1,234.5); a decimal comma (12,5) is refused
 * as ambiguous; "—", "-" or nothing means no figure (null). Answers the exact decimal text.
 */
export function parseDecimalInput(raw: string | number | null | undefined): ParsedDecimal {
  if (raw == null) return { ok: true, value: null };
  if (typeof raw === 'number') return Number.isFinite(raw) ? { ok: true, value: String(raw) } : { ok: false, error: 'notNumber' };
  let s = halfWidth(raw).replace(/\s+/g, '');
  if (s === '' || s === '—' || s === '-' || s === '--' || s === '——') return { ok: true, value: null };
  if (s.endsWith('%')) s = s.slice(0, -1);
  if (s.includes(',')) {
    if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, '');
    else if (/^[+-]?\d+,\d+$/.test(s)) return { ok: false, error: 'decimalComma' };
    else return { ok: false, error: 'notNumber' };
  }
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(s)) return { ok: false, error: 'notNumber' };
  let sign = '';
  if (s[0] === '+' || s[0] === '-') {
    sign = s[0] === '-' ? '-' : '';
    s = s.slice(1);
  }
  let [int = '', frac = ''] = s.split('.');
  int = int.replace(/^0+(?=\d)/, '') || '0';
  frac = frac.replace(/0+$/, '');
  const text = frac ? `${int}.${frac}` : int;
  return { ok: true, value: text === '0' ? '0' : `${sign}${text}` };
}

/** An exact decimal text rounded once to `decimals`, half away from zero (四舍五入): ("2.345", 2) → "2.35", ("-2.345", 2) → "-2.35". */
export function roundDecimalText(text: string, decimals: number): string {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(text.trim());
  if (!m) return text;
  const neg = m[1] === '-';
  const int = m[2] || '0';
  const frac = m[3] ?? '';
  const digits = BigInt(int + frac.padEnd(decimals, '0').slice(0, decimals) || '0');
  const next = frac.length > decimals ? Number(frac[decimals]) : 0;
  const rounded = next >= 5 ? digits + 1n : digits;
  let s = rounded.toString().padStart(decimals + 1, '0');
  const out = decimals > 0 ? `${s.slice(0, -decimals)}.${s.slice(-decimals)}` : s;
  s = out;
  const zero = /^0(\.0*)?$/.test(s);
  return neg && !zero ? `-${s}` : s;
}

/** Thousands separators on the integer part of a decimal text. */
function group(text: string): string {
  const [int, frac] = text.split('.');
  const sign = int!.startsWith('-') ? '-' : '';
  const digits = int!.replace('-', '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${digits}${frac !== undefined ? `.${frac}` : ''}`;
}

/**
 * A figure with the indicator's decimals and thousands separators; "—" without one. The exact
 * text (`valueText` of the API) is rounded when given, the number otherwise.
 */
export function formatFigure(value: number | null | undefined, decimals: number, exact?: string | null): string {
  if (exact != null && exact !== '') return group(roundDecimalText(exact, decimals));
  if (value == null || Number.isNaN(value)) return '—';
  return group(roundDecimalText(numberText(value), decimals));
}

/** A figure as it is, with thousands separators (when the indicator's decimals are not known); "—" without one. */
export function plainFigure(value: number | null | undefined): string {
  return value == null || Number.isNaN(value) ? '—' : group(numberText(value));
}

/** A double as its shortest decimal text, never in exponent form. */
function numberText(v: number): string {
  const s = String(v);
  if (!/e/i.test(s)) return s;
  // huge figures are whole numbers (exact as a BigInt); tiny ones print in 20 decimals
  if (Math.abs(v) >= 1e21) return BigInt(v).toString();
  return v.toFixed(20).replace(/\.?0+$/, '');
}

/** A percentage as the API gives it (two decimals): 12.3 → "12.30%"; "—" without one. */
export function formatPct(v: number | null | undefined, decimals = 2): string {
  return v == null || Number.isNaN(v) ? '—' : `${roundDecimalText(numberText(v), decimals)}%`;
}

/** A signed difference: +3.20, -1.50 (a minus sign), 0.00; "—" without one. */
export function formatSigned(v: number | null | undefined, decimals = 2): string {
  if (v == null || Number.isNaN(v)) return '—';
  const s = group(roundDecimalText(numberText(v), decimals));
  if (s.startsWith('-')) return `−${s.slice(1)}`;
  return /^0(\.0*)?$/.test(s) ? s : `+${s}`;
}

export type RankMove = { text: string; dir: 'up' | 'down' | 'same' | 'none' };

/**
 * A rank change (previous rank − current rank, positive = moved up) as an arrow: ↑2, ↓1, — for
 * no move, and — (dir none) when either period has no rank.
 */
export function rankChange(change: number | null | undefined): RankMove {
  if (change == null || Number.isNaN(change)) return { text: '—', dir: 'none' };
  if (change > 0) return { text: `↑${change}`, dir: 'up' };
  if (change < 0) return { text: `↓${-change}`, dir: 'down' };
  return { text: '—', dir: 'same' };
}

/** Up is good and green, down red, as the lights in the same tables. */
export const RANK_COLORS: Record<RankMove['dir'], string | undefined> = { up: '#389e0d', down: '#cf1322', same: undefined, none: undefined };

/** The names of a year's breakdown cells by cadence: 1月…12月, 一季度…四季度, 上半年/下半年. */
export function breakdownLabels(cadence: IndicatorCadence, size: number, lang: 'zh' | 'en'): string[] {
  const zhQ = ['一季度', '二季度', '三季度', '四季度'];
  return Array.from({ length: size }, (_, i) => {
    if (cadence === 'quarter') return lang === 'en' ? `Q${i + 1}` : zhQ[i]!;
    if (cadence === 'halfYear') return lang === 'en' ? `H${i + 1}` : i === 0 ? '上半年' : '下半年';
    return lang === 'en' ? `M${i + 1}` : `${i + 1}月`;
  });
}

/** The periods of a year by cadence: 2026-01…2026-12, 2026-Q1…, 2026-H1, 2026-H2, or 2026. */
export function periodsOfYear(cadence: IndicatorCadence, year: number): string[] {
  return Array.from({ length: periodsPerYear(cadence) }, (_, i) => formatPeriod({ year, cadence, index: i + 1 }));
}

/**
 * The latest period of this cadence that has ended by `today` (YYYY-MM-DD): the figures a unit
 * reports or the bureau publishes are those of a closed period (in November: 2026-10, 2026-Q3,
 * 2026-H1, 2025).
 */
export function lastEndedPeriod(cadence: IndicatorCadence, today: string): string {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  const n = periodsPerYear(cadence);
  const monthsPer = 12 / n;
  const done = Math.floor((m - 1) / monthsPer); // whole periods ended before this month
  if (done === 0) return formatPeriod({ year: y - 1, cadence, index: n });
  return formatPeriod({ year: y, cadence, index: done });
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The English name of a period: Nov 2026, Q3 2026, H1 2026, 2026. */
function periodLabelEn(period: string, short = false): string {
  const p = parsePeriod(period);
  if (!p) return period;
  const y = short ? `'${String(p.year).slice(2)}` : String(p.year);
  switch (p.cadence) {
    case 'month':
      return `${MONTHS_EN[p.index - 1]} ${y}`;
    case 'quarter':
      return `Q${p.index} ${y}`;
    case 'halfYear':
      return `H${p.index} ${y}`;
    case 'year':
      return String(p.year);
  }
}

/** A period's name in the interface language: periodLabel() of the contracts in Chinese (2026年11月, 2026年第三季度), Nov 2026 / Q3 2026 in English. */
export function periodName(period: string, lang: 'zh' | 'en' = 'zh'): string {
  return lang === 'en' ? periodLabelEn(period) : periodLabel(period);
}

/** A period in few characters, for chart axes: 25年10月, 25年三季度, 25年上半年, 2025年 (Oct '25, Q3 '25 in English). */
export function shortPeriodLabel(period: string, lang: 'zh' | 'en' = 'zh'): string {
  if (lang === 'en') return periodLabelEn(period, true);
  const p = parsePeriod(period);
  if (!p) return period;
  const yy = String(p.year).slice(2);
  switch (p.cadence) {
    case 'month':
      return `${yy}年${p.index}月`;
    case 'quarter':
      return `${yy}年${'一二三四'[p.index - 1]}季度`;
    case 'halfYear':
      return `${yy}年${p.index === 1 ? '上' : '下'}半年`;
    case 'year':
      return `${p.year}年`;
  }
}

/** The cadence of a period string, or null. */
export function cadenceOf(period: string | null | undefined): IndicatorCadence | null {
  return period ? (parsePeriod(period)?.cadence ?? null) : null;
}

/** Today as YYYY-MM-DD in China time. */
export function todayInChina(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/**
 * A block copied from a spreadsheet (tab-separated rows, line breaks between them) as cells;
 * a trailing empty line (Excel adds one) is dropped, quoted cells lose their quotes.
 */
export function parsePastedBlock(text: string): string[][] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines.map((l) => l.split('\t').map((c) => c.trim().replace(/^"(.*)"$/s, '$1')));
}

/** Exact sum of decimal texts (nulls skipped); null when every cell is empty. */
export function sumDecimals(texts: readonly (string | null | undefined)[]): string | null {
  const nums = texts.filter((t): t is string => t != null && t !== '');
  if (!nums.length) return null;
  const scale = Math.max(0, ...nums.map((t) => (t.split('.')[1] ?? '').length));
  let total = 0n;
  for (const t of nums) {
    const neg = t.startsWith('-');
    const [int = '0', frac = ''] = t.replace(/^[+-]/, '').split('.');
    const v = BigInt(int + frac.padEnd(scale, '0'));
    total += neg ? -v : v;
  }
  const neg = total < 0n;
  let s = (neg ? -total : total).toString().padStart(scale + 1, '0');
  if (scale) s = `${s.slice(0, -scale)}.${s.slice(-scale)}`.replace(/\.?0+$/, '');
  return s === '0' || !neg ? s : `-${s}`;
}
