/**
 * Names as statistics sheets write them: indicator columns (地区生产总值 / GDP, 规上工业增加值 /
 * 规模以上工业增加值, 社零 / 社会消费品零售总额, 一般预算收入 / 一般公共预算收入, 固投 /
 * 固定资产投资), unit rows (桐庐县 / 桐庐 / 杭州市桐庐县, 县水利局 / 桐庐县水利局) and the
 * period a title names (2026年1-10月 → 2026-10). Pure: keys and matches, nothing else.
 */
import { formatPeriod, parsePeriod, periodsPerYear, type IndicatorCadence, type IndicatorSubject, type UnitOption, type UnitType } from '@tiaodu/contracts';
import { compactText } from '../../../../lib/xlsx/text.js';
import { headerKey } from '../../../projects/import/domain/headers.js';
import { unitKey } from '../../../projects/import/domain/names.js';
import { stripRegionSuffix } from '../../../projects/import/domain/resolve.js';

/** What the import needs to know of a catalogue entry. */
export interface CatalogueEntry {
  id: number;
  code: string;
  name: string;
  unit: string;
  cadence: IndicatorCadence;
  accumulation: 'cumulative' | 'period';
  source: 'computed' | 'reported' | 'imported' | 'scored';
  status: 'active' | 'retired';
  appliesTo: IndicatorSubject[];
}

/** Near forms of the same indicator, each written the way the shortest form reads. */
const NEAR_FORMS: [RegExp, string][] = [
  [/规模以上/g, '规上'],
  [/社会消费品零售(总)?额|社消零|社消/g, '社零'],
  [/(地方|财政)?(一般公共预算|一般预算|公共预算)(财政)?收入/g, '一般预算收入'],
  [/(全社会)?固定资产投资/g, '固投'],
  [/^(地区)?生产总值$|^gdp$/g, 'gdp'],
];

/** Period words a column header may start with ("1-10月", "本月", "累计", "2026年"). */
const LEADING_PERIOD = /^(\d{4}年度?|\d{1,2}[-~—–至]\d{1,2}月份?|\d{1,2}月份?|本月|当月|本年|全年|年度|累计|本期)+/;

/**
 * The key of an indicator's name as compared: normalised, without spaces, bracketed units
 * ("（亿元）"), leading period words and "*" markers, near forms written one way.
 */
export function indicatorKey(text: string): string {
  let k = headerKey(text).replace(/[%％]$/, '');
  const p = k.replace(LEADING_PERIOD, '');
  if (p.length >= 2) k = p;
  for (const [re, to] of NEAR_FORMS) k = k.replace(re, to);
  return k;
}

export class IndicatorIndex {
  private byCode = new Map<string, CatalogueEntry>();
  private byKey = new Map<string, CatalogueEntry[]>();
  constructor(readonly entries: CatalogueEntry[]) {
    // active indicators are found before retired ones of the same name
    const sorted = [...entries].sort((a, b) => (a.status === b.status ? a.id - b.id : a.status === 'active' ? -1 : 1));
    for (const e of sorted) {
      if (!this.byCode.has(e.code.toLowerCase())) this.byCode.set(e.code.toLowerCase(), e);
      const k = indicatorKey(e.name);
      this.byKey.set(k, [...(this.byKey.get(k) ?? []), e]);
    }
  }

  /**
   * The indicator a header names: by code, by name (near forms included), or as an
   * abbreviation of exactly one indicator's name ("工业增加值" for 规上工业增加值).
   */
  match(text: string): CatalogueEntry | null {
    const raw = headerKey(text);
    if (!raw) return null;
    const code = this.byCode.get(raw.toLowerCase());
    if (code) return code;
    const k = indicatorKey(text);
    if (!k) return null;
    const exact = this.byKey.get(k);
    if (exact?.length) return exact[0]!;
    if (k.length < 3) return null;
    const within = [...this.byKey.entries()].filter(([key]) => key.includes(k) && k.length * 2 >= key.length);
    const ids = new Set(within.map(([, list]) => list[0]!.id));
    return ids.size === 1 ? within[0]![1][0]! : null;
  }

  /** The indicators whose name (as written, or a near form) a title carries ("2026年各县固定资产投资目标任务分解表"). */
  inTitle(title: string): CatalogueEntry[] {
    const raw = compactText(title).toLowerCase();
    const near = indicatorKey(title);
    const out = new Map<number, CatalogueEntry>();
    for (const e of this.entries) {
      if (e.status !== 'active') continue;
      const name = compactText(e.name).toLowerCase();
      const key = indicatorKey(e.name);
      if ((name.length >= 2 && raw.includes(name)) || (key.length >= 2 && near.includes(key))) out.set(e.id, e);
    }
    // a name inside another's (工业增加值 in 规模以上工业增加值) is that other's
    const list = [...out.values()];
    return list.filter((e) => !list.some((o) => o !== e && compactText(o.name).includes(compactText(e.name)) && raw.includes(compactText(o.name).toLowerCase())));
  }
}

// ---------------------------------------------------------------- sub-columns

export type SubField = 'value' | 'growth' | 'rank';

const bare = (text: string) => compactText(text).replace(/[()（）[\]【】]/g, '').toLowerCase();

const VALUE_WORDS = /^(绝对值|总量|数值|本期|累计|完成额|完成值|完成|金额|亿元|万元|元|总额|本月|当月|本年累计|实绩|数额|值|\d{1,2}[-~—–至]\d{1,2}月(累计)?|\d{1,2}月)$/;
const GROWTH_WORDS = /^((比上年|比去年|比上年同期|比去年同期|同比)?(增速|增长|增幅|增减|增长率|增长速度)|同比|±|±%|增减%|增长%|增速%|同比±%|比上年±%|同比%)%?$/;
const RANK_WORDS = /(位次|排名|排位|名次|排序)/;

/** What a sub-column header names: the figure (绝对值, 亿元 …), its 增速, or a rank; null for anything else. */
export function subField(text: string): SubField | null {
  const t = bare(text);
  if (!t) return null;
  if (RANK_WORDS.test(t) && t.length <= 8) return 'rank';
  if (GROWTH_WORDS.test(t)) return 'growth';
  if (VALUE_WORDS.test(t)) return 'value';
  return null;
}

const GROWTH_SUFFIX = /(同比增长|同比增速|比上年同期增长|比上年增长|比去年同期增长|增长率|增长速度|增速|增幅|增长|±%?)$/;
const RANK_SUFFIX = /(增速位次|增幅位次|位次|排名|排位|名次)$/;
const VALUE_SUFFIX = /(绝对值|总量|完成额|完成值)$/;

/** "规上工业增加值增速(%)" → 规上工业增加值 / growth; "地区生产总值（亿元）" → itself / value. */
export function splitHeader(text: string): { name: string; field: SubField } {
  const t = compactText(text)
    .replace(/\([^()]*\)|（[^（）]*）|\[[^\]]*\]|【[^】]*】/g, '')
    .replace(/[%％]$/, '');
  for (const [re, field] of [
    [RANK_SUFFIX, 'rank'],
    [GROWTH_SUFFIX, 'growth'],
    [VALUE_SUFFIX, 'value'],
  ] as const) {
    const m = re.exec(t);
    if (m && t.length - m[0].length >= 2) return { name: t.slice(0, t.length - m[0].length), field };
  }
  return { name: t, field: 'value' };
}

// ---------------------------------------------------------------- money units

export type MoneyUnit = 'yuan' | 'wan' | 'yi';

/** The money unit a text names (亿元, 万元, 元), or null. */
export function moneyUnitIn(text: string): MoneyUnit | null {
  const m = /(亿元|万元|元)/.exec(compactText(text));
  if (!m) return null;
  return m[1] === '亿元' ? 'yi' : m[1] === '万元' ? 'wan' : 'yuan';
}

/** The money unit of an indicator's own unit ("万元", "亿元", "元"; "万元/亩" is none). */
export function indicatorMoneyUnit(unit: string): MoneyUnit | null {
  const t = compactText(unit);
  return t === '亿元' ? 'yi' : t === '万元' ? 'wan' : t === '元' ? 'yuan' : null;
}

// ---------------------------------------------------------------- unit rows

/** A total row of a statistics sheet (全市, 全县, 合计 …): skipped, it is no unit. */
export function isTotalRow(name: string): boolean {
  const t = compactText(name);
  return /^(全(省|市|州|盟|县|区|旗|地区|镇|乡)|合计|总计|共计|小计|总体)/.test(t) || /(合计|总计|小计)$/.test(t);
}

/** A note under the table ("注：增速按可比价计算", "数据来源：……"). */
export function isNoteRow(name: string): boolean {
  return /^(注|备注|附注|说明|资料来源|数据来源|填报说明|填表说明)\d?[:：.、]?/.test(compactText(name)) && compactText(name).length > 1;
}

/** A section title in the name column ("一、县（市）", "（二）园区"). */
export function isSectionRow(name: string): boolean {
  const t = compactText(name);
  return /^[一二三四五六七八九十]+[、.．]/.test(t) || /^\([一二三四五六七八九十]+\)/.test(t);
}

/** The unit name without numbering or a "其中：" in front ("1.桐庐县", "其中：桐庐县"). */
export function cleanUnitName(name: string): string {
  return compactText(name)
    .replace(/^其中[:：]?/, '')
    .replace(/^\d{1,3}[.、．]/, '')
    .replace(/^\(\d{1,3}\)/, '')
    .replace(/[*※★]+$/, '');
}

export type UnitMatch = { ok: true; unit: UnitOption; near: boolean } | { ok: false; reason: 'unknown' | 'ambiguous'; candidates: UnitOption[] };

/** The subject (who an indicator applies to) a unit answers to: its region level, department, or external. */
export function subjectOf(u: Pick<UnitOption, 'unitType' | 'level'>): IndicatorSubject | 'external' | null {
  if (u.unitType === 'external') return 'external';
  if (u.unitType === 'department') return 'department';
  return (['city', 'county', 'town', 'park'] as const).find((s) => s === u.level) ?? null;
}

/**
 * Units by name: the full name first, then the name without its suffix (桐庐县 → 桐庐), then
 * near forms (a parent region's name in front dropped: 杭州市桐庐县, 湖州德清; a lone 县/市/区 in
 * front of a department: 县水利局). A name two units share at the first level that finds any is
 * ambiguous.
 */
export class UnitMatcher {
  private levels: Map<string, UnitOption[]>[] = [new Map(), new Map(), new Map()];
  private prefixes: string[];
  constructor(units: UnitOption[], prefixNames: readonly string[]) {
    const p = new Set<string>();
    for (const n of prefixNames) {
      const c = compactText(n);
      if (c.length >= 2) p.add(c);
      const s = stripRegionSuffix(n);
      if (s.length >= 2) p.add(s);
    }
    this.prefixes = [...p];
    const seen = new Set<string>();
    for (const u of units) {
      const key = `${u.unitType}:${u.unitId}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const [k1, k2, k3] = this.keys(u.unitName);
      for (const k of k1) this.add(0, k, u);
      for (const k of [...k1, ...k2]) this.add(1, k, u);
      for (const k of [...k1, ...k2, ...k3]) this.add(2, k, u);
    }
  }

  private add(level: number, key: string, u: UnitOption): void {
    if (!key) return;
    const m = this.levels[level]!;
    const list = m.get(key) ?? [];
    if (!list.includes(u)) list.push(u);
    m.set(key, list);
  }

  /** The compared forms of a name: exact, without suffix, near. */
  private keys(name: string): [string[], string[], string[]] {
    const exact = compactText(name).replace(/\([^()]*\)$/, '');
    const short = stripRegionSuffix(exact);
    const near = new Set<string>();
    const dropped = unitKey(exact, this.prefixes);
    near.add(dropped);
    near.add(stripRegionSuffix(dropped));
    return [[exact], [short], [...near]];
  }

  match(name: string): UnitMatch {
    const [k1, k2, k3] = this.keys(cleanUnitName(name));
    const tries = [k1, k2, k3];
    for (let level = 0; level < 3; level++) {
      const found = new Set<UnitOption>();
      for (const k of tries[level]!) for (const u of this.levels[level]!.get(k) ?? []) found.add(u);
      if (found.size === 1) return { ok: true, unit: [...found][0]!, near: level > 0 };
      if (found.size > 1) return { ok: false, reason: 'ambiguous', candidates: [...found] };
    }
    return { ok: false, reason: 'unknown', candidates: [] };
  }
}

export const unitRefKey = (u: { unitType: UnitType; unitId: string }) => `${u.unitType}:${u.unitId}`;

// ---------------------------------------------------------------- periods

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 十一: 11, 十二: 12 };
const num = (s: string) => (/^\d+$/.test(s) ? Number(s) : (CN_DIGITS[s] ?? NaN));

/**
 * The period a title names: 2026年1-10月 and 2026年10月 → 2026-10 (a monthly, cumulative
 * sheet names its last month), 2026年一季度 / 第一季度 / 1季度 → 2026-Q1, 2026年前三季度 /
 * 1-3季度 → 2026-Q3, 2026年上半年 → 2026-H1, 下半年 → 2026-H2, 2026年 / 2026年全年 → 2026.
 * Null when the text names no year.
 */
export function periodInTitle(text: string): string | null {
  const t = compactText(text).toLowerCase().replace(/[—–~～至到]/g, '-');
  const ym = /(20\d{2})年度?/.exec(t);
  if (!ym) return null;
  const year = Number(ym[1]);
  const rest = t.slice(ym.index + ym[0].length);
  const M = '(\\d{1,2}|十[一二]?|[一二三四五六七八九])';
  let m = new RegExp(`^(?:${M}-)?${M}月`).exec(rest);
  if (m) {
    const month = num(m[2]!);
    if (month >= 1 && month <= 12) return formatPeriod({ year, cadence: 'month', index: month });
  }
  m = /^(?:前|第)?(?:[1-4一二三四]-)?([1-4一二三四])个?季/.exec(rest) ?? /^q([1-4])/.exec(rest);
  if (m) return formatPeriod({ year, cadence: 'quarter', index: num(m[1]!) });
  if (/^上半年/.test(rest)) return formatPeriod({ year, cadence: 'halfYear', index: 1 });
  if (/^下半年/.test(rest)) return formatPeriod({ year, cadence: 'halfYear', index: 2 });
  return String(year);
}

/**
 * The period an indicator's figure from a sheet of `period` is stored under: the sheet's own
 * period when the cadences agree; for an indicator accumulated over the year and counted more
 * often than the sheet, the last of its periods the sheet's period ends with (a 2026年一季度
 * sheet fills 2026-03 of a monthly cumulative indicator); null when the period does not fit
 * the cadence (a monthly sheet for a quarterly indicator, or a quarter of a per-period monthly
 * one).
 */
export function periodFor(period: string, cadence: IndicatorCadence, accumulation: 'cumulative' | 'period'): string | null {
  const p = parsePeriod(period);
  if (!p) return null;
  if (p.cadence === cadence) return formatPeriod(p);
  if (accumulation !== 'cumulative' || periodsPerYear(cadence) < periodsPerYear(p.cadence)) return null;
  const months = 12 / periodsPerYear(cadence);
  if (p.endMonth % months !== 0) return null;
  return formatPeriod({ year: p.year, cadence, index: p.endMonth / months });
}
