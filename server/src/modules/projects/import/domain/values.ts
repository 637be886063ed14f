/**
 * Pure parsers for the values officials type into ledgers: amounts with thousands separators,
 * full-width digits and units, dates in every local form, year ranges, and the Chinese words
 * for the enumerations. Each returns the value or a Chinese reason.
 */
import {
  isValidCreditCode,
  isValidProjectCode,
  type ConstructionNature,
  type InvestmentType,
  type ProjectField,
  type ProjectLevel,
  type ProjectStage,
  type YearCategory,
} from '@tiaodu/contracts';
import { cellText, isFormattedNumber, isoDate, type CellValue } from '../../../../lib/xlsx/cells.js';
import { compactText, normalizeText } from '../../../../lib/xlsx/text.js';

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(error: string): Parsed<T> => ({ ok: false, error });

/** Units of money a column or a cell may be written in. */
export type AmountUnit = 'yuan' | 'wan' | 'yi';
const UNIT_FACTOR: Record<AmountUnit, number> = { yuan: 1 / 10_000, wan: 1, yi: 10_000 };

/** Placeholders officials write in an empty cell. */
const BLANKS = new Set(['-', '--', '—', '——', '/', '\\', '无', '暂无', '待定', 'N/A', 'n/a', '#N/A', '空']);

/** Whether a cell holds nothing (or only a placeholder such as "—" or "无"). */
export function isBlank(v: CellValue): boolean {
  if (v === null) return true;
  if (typeof v !== 'string') return false;
  if (v.length > 8 && v.trim().length > 4) return false;
  const t = compactText(v);
  return t === '' || BLANKS.has(t);
}

/** The unit named in a text such as "总投资（亿元）" or "单位：万元"; null when none. */
export function unitIn(text: string): AmountUnit | null {
  const m = /(亿元|万元|元)/.exec(compactText(text));
  if (!m) return null;
  return m[1] === '亿元' ? 'yi' : m[1] === '万元' ? 'wan' : 'yuan';
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const NUM_RE = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** A plain number: 12,345.6 / １２３４５ / 12 345 / 1.2e4; null for an empty cell. */
export function parseNumber(v: CellValue): Parsed<number | null> {
  if (isBlank(v)) return ok(null);
  if (typeof v === 'number') return ok(v);
  if (isFormattedNumber(v)) return ok(v.num);
  if (typeof v !== 'string') return fail(`无法识别的数字「${cellText(v)}」`);
  const t = compactText(v).replace(/,/g, '');
  if (NUM_RE.test(t) || /^[+-]?\d+(\.\d+)?e[+-]?\d+$/i.test(t)) return ok(Number(t));
  return fail(`无法识别的数字「${v.trim()}」`);
}

/**
 * An amount in 万元. The column's unit applies unless the cell names its own
 * ("1.2亿", "3000万元", "500000元"). Negative or non-numeric amounts are refused.
 */
export function parseAmount(v: CellValue, unit: AmountUnit = 'wan'): Parsed<number | null> {
  if (isBlank(v)) return ok(null);
  let n: number;
  let u = unit;
  if (typeof v === 'number') n = v;
  else if (isFormattedNumber(v)) n = v.num;
  else if (typeof v === 'string') {
    let t = compactText(v).replace(/,/g, '');
    const m = /(亿元|亿|万元|万|元)$/.exec(t);
    if (m) {
      u = m[1]!.startsWith('亿') ? 'yi' : m[1]!.startsWith('万') ? 'wan' : 'yuan';
      t = t.slice(0, -m[1]!.length);
    }
    if (!NUM_RE.test(t)) return fail(`无法识别的金额「${v.trim()}」`);
    n = Number(t);
  } else return fail(`无法识别的金额「${cellText(v)}」`);
  if (!Number.isFinite(n)) return fail(`无法识别的金额「${cellText(v)}」`);
  if (n < 0) return fail(`金额不能为负数「${cellText(v).trim()}」`);
  return ok(round2(n * UNIT_FACTOR[u]));
}

// ---------- dates ----------

const MIN_YEAR = 1990;
const MAX_YEAR = 2100;

export interface YearMonthDay {
  y: number;
  m?: number;
  d?: number;
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Excel serial day number (1900 date system) → date. */
export function excelSerialToIso(serial: number): string {
  const ms = Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000;
  return isoDate(new Date(ms));
}

function validYmd(p: YearMonthDay): boolean {
  if (p.y < MIN_YEAR || p.y > MAX_YEAR) return false;
  if (p.m !== undefined && (p.m < 1 || p.m > 12)) return false;
  if (p.d !== undefined && (p.m === undefined || p.d < 1 || p.d > daysInMonth(p.y, p.m))) return false;
  return true;
}

/** Reads "2024.03", "2024.3", "2024年3月", "2024-03-15", "2024/3/15", "20240315", "2024年" (text). */
export function parseDateParts(text: string): YearMonthDay | null {
  let t = compactText(normalizeText(text).replace(/(?:\s+|T)\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/, ''));
  t = t.replace(/(份|底|末)$/, '').replace(/号$/, '日');
  let m: RegExpExecArray | null;
  let p: YearMonthDay | null = null;
  if ((m = /^(\d{4})[.\-/年](\d{1,2})[.\-/月](\d{1,2})日?$/.exec(t))) p = { y: +m[1]!, m: +m[2]!, d: +m[3]! };
  else if ((m = /^(\d{4})[.\-/年](\d{1,2})月?$/.exec(t))) p = { y: +m[1]!, m: +m[2]! };
  else if ((m = /^(\d{4})(\d{2})(\d{2})$/.exec(t))) p = { y: +m[1]!, m: +m[2]!, d: +m[3]! };
  else if ((m = /^(\d{4})(\d{2})$/.exec(t))) p = { y: +m[1]!, m: +m[2]! };
  else if ((m = /^(\d{4})年?$/.exec(t))) p = { y: +m[1]! };
  return p && validYmd(p) ? p : null;
}

/** A date from its parts: a month means its first day for a start, its last day for an end. */
export function partsToIso(p: YearMonthDay, role: 'start' | 'end'): string {
  const m = p.m ?? (role === 'start' ? 1 : 12);
  const d = p.d ?? (role === 'start' ? 1 : daysInMonth(p.y, m));
  return `${p.y}-${pad(m)}-${pad(d)}`;
}

/**
 * A date cell: a real date, an Excel serial number, or text in the forms above. Month-only
 * dates resolve to the first day of the month for starts and the last day for completions.
 */
export function parseDate(v: CellValue, role: 'start' | 'end' = 'start'): Parsed<string | null> {
  if (isBlank(v)) return ok(null);
  if (v instanceof Date) {
    const iso = isoDate(v);
    const y = Number(iso.slice(0, 4));
    return y >= MIN_YEAR && y <= MAX_YEAR ? ok(iso) : fail(`日期超出范围「${iso}」`);
  }
  const num = typeof v === 'number' ? v : isFormattedNumber(v) ? v.num : null;
  if (num !== null && Number.isInteger(num) && num >= 20_000 && num <= 80_000) return ok(excelSerialToIso(num));
  const text = cellText(v);
  if (typeof v === 'string' && /^\d{5}$/.test(compactText(v))) {
    const n = Number(compactText(v));
    if (n >= 20_000 && n <= 80_000) return ok(excelSerialToIso(n));
  }
  const p = parseDateParts(text);
  if (!p) return fail(`无法识别的日期「${text.trim()}」`);
  return ok(partsToIso(p, role));
}

const RANGE_SEP = /(?:-|—|–|~|至|到|―|─|−)+/g;

/** "2024.03-2026.12", "2024年3月—2026年12月", "2024-2026" → planned start and completion. */
export function parseDateRange(v: CellValue): Parsed<{ start: string; end: string } | null> {
  if (isBlank(v)) return ok(null);
  const raw = cellText(v).trim();
  const t = compactText(raw);
  for (const m of t.matchAll(RANGE_SEP)) {
    const a = parseDateParts(t.slice(0, m.index));
    const b = parseDateParts(t.slice(m.index! + m[0].length));
    if (a && b) {
      const start = partsToIso(a, 'start');
      const end = partsToIso(b, 'end');
      if (end < start) return fail(`建设起止年限的结束早于开始「${raw}」`);
      return ok({ start, end });
    }
  }
  return fail(`无法识别的建设起止年限「${raw}」，应写作「2024.03-2026.12」`);
}

/** A plan year: 2026, "2026年", "2026年度". */
export function parseYear(v: CellValue): Parsed<number | null> {
  if (isBlank(v)) return ok(null);
  const t = compactText(cellText(v)).replace(/年度?$/, '');
  if (/^\d{4}$/.test(t)) {
    const y = Number(t);
    if (y >= 2000 && y <= MAX_YEAR) return ok(y);
  }
  return fail(`无法识别的年度「${cellText(v).trim()}」`);
}

/** The year a title names: "桐庐县重点项目台账（2026年）" → 2026. */
export function yearInTitle(text: string): number | null {
  const t = normalizeText(text);
  // A date line ("导出日期：2026年6月15日", "填报时间") is not a title.
  if (/日期|导出|制表|填报|打印|时间/.test(t) || /年\s*\d{1,2}\s*月\s*\d{1,2}\s*日/.test(t)) return null;
  const m = /(20\d{2})\s*年/.exec(t);
  return m ? Number(m[1]) : null;
}

// ---------- identifiers ----------

export function parseProjectCode(v: CellValue): Parsed<string | null> {
  if (isBlank(v)) return ok(null);
  const t = compactText(cellText(v)).toUpperCase();
  return isValidProjectCode(t) ? ok(t) : fail(`项目代码格式不正确「${cellText(v).trim()}」，应为24位，如 2024-330122-44-01-123456`);
}

export function parseCreditCode(v: CellValue): Parsed<string | null> {
  if (isBlank(v)) return ok(null);
  const t = compactText(cellText(v)).toUpperCase();
  return isValidCreditCode(t) ? ok(t) : fail(`统一社会信用代码无效「${cellText(v).trim()}」（应为18位且校验位正确）`);
}

// ---------- enumerations ----------

function firstRule<T>(text: string, rules: [RegExp, T][]): T | null {
  for (const [re, value] of rules) if (re.test(text)) return value;
  return null;
}

const enumText = (v: CellValue) => compactText(cellText(v));

export function parseLevel(v: CellValue): Parsed<ProjectLevel | null> {
  if (isBlank(v)) return ok(null);
  const r = firstRule<ProjectLevel>(enumText(v), [
    [/国家|部级|中央/, 'national'],
    [/省/, 'province'],
    [/市/, 'city'],
    [/县|区|乡|镇/, 'county'],
  ]);
  return r ? ok(r) : fail(`无法识别的项目级别「${cellText(v).trim()}」，应为国家重点、省重点、市重点或县重点`);
}

/**
 * 建设性质. Many county ledgers write the yearly category (续建, 新开工 …) in this column;
 * such a value is returned as `category` instead of an error.
 */
export function parseNature(v: CellValue): Parsed<{ nature?: ConstructionNature; category?: YearCategory } | null> {
  if (isBlank(v)) return ok(null);
  const t = enumText(v);
  const nature = firstRule<ConstructionNature>(t, [
    [/改扩建|扩建/, 'expansion'],
    [/迁建|搬迁/, 'relocation'],
    [/改建|技改|技术改造|改造/, 'renovation'],
    [/购置/, 'purchase'],
    [/^新建/, 'new'],
  ]);
  if (nature) return ok({ nature });
  const category = parseCategoryText(t);
  if (category) return ok({ category });
  return fail(`无法识别的建设性质「${cellText(v).trim()}」，应为新建、扩建、改建（技改）、迁建或单纯购置`);
}

function parseCategoryText(t: string): YearCategory | null {
  return firstRule<YearCategory>(t, [
    [/续建|在建/, 'continuing'],
    [/新开工|新建开工|新建/, 'new_start'],
    [/竣工|投产|完工/, 'completion'],
    [/预备|前期|谋划|储备/, 'preparatory'],
  ]);
}

export function parseCategory(v: CellValue): Parsed<YearCategory | null> {
  if (isBlank(v)) return ok(null);
  const r = parseCategoryText(enumText(v));
  return r ? ok(r) : fail(`无法识别的年度类别「${cellText(v).trim()}」，应为新开工、续建、竣工投产或预备（前期）`);
}

export function parseFieldText(t: string): ProjectField | null {
  return firstRule<ProjectField>(t, [
    [/服务业|商贸|物流|文旅|旅游|金融|商业/, 'service'],
    [/农业|农林|种植|养殖|乡村振兴/, 'agriculture'],
    [/工业|制造|产业(?!链)/, 'industry'],
    [/基础设施|基建|交通|水利|能源|市政|城建|电力/, 'infrastructure'],
    [/民生|社会事业|教育|医疗|卫生|养老|文化|体育/, 'livelihood'],
    [/生态|环保|环境/, 'ecology'],
  ]);
}

export function parseField(v: CellValue): Parsed<ProjectField | null> {
  if (isBlank(v)) return ok(null);
  const r = parseFieldText(enumText(v));
  return r ? ok(r) : fail(`无法识别的领域「${cellText(v).trim()}」，应为工业、服务业、农业、基础设施、社会民生或生态环保`);
}

export function parseInvestmentType(v: CellValue): Parsed<InvestmentType | null> {
  if (isBlank(v)) return ok(null);
  const r = firstRule<InvestmentType>(enumText(v), [
    [/政府|财政|国有资金/, 'government'],
    [/企业|社会|民间|民营|外资|私营/, 'enterprise'],
  ]);
  return r ? ok(r) : fail(`无法识别的投资类型「${cellText(v).trim()}」，应为政府投资或企业投资`);
}

export function parseStage(v: CellValue): Parsed<ProjectStage | null> {
  if (isBlank(v)) return ok(null);
  const r = firstRule<ProjectStage>(enumText(v), [
    [/终止|取消/, 'terminated'],
    [/停建|缓建|停工/, 'suspended'],
    [/达产|达效/, 'full_production'],
    [/投产|运营/, 'production'],
    [/竣工|完工/, 'completed'],
    [/在建|施工|建设中/, 'construction'],
    [/开工/, 'started'],
    [/前期/, 'preliminary'],
    [/储备/, 'reserve'],
    [/谋划/, 'planning'],
  ]);
  return r ? ok(r) : fail(`无法识别的项目阶段「${cellText(v).trim()}」，应为谋划、储备、前期、开工、在建、竣工、投产、达产达效、停缓建或终止`);
}

// ---------- lists and names ----------

/** Splits "a、b，c/d" (and spaces when `spaces`) outside parentheses. */
export function splitList(text: string, opts: { spaces?: boolean } = {}): string[] {
  const t = normalizeText(text);
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  const sep = opts.spaces ? /[、,;/\s|]/ : /[、,;/|\n]/;
  for (const ch of t) {
    if (ch === '(' || ch === '[' || ch === '【') depth++;
    else if ((ch === ')' || ch === ']' || ch === '】') && depth > 0) depth--;
    if (depth === 0 && sep.test(ch)) {
      if (cur.trim()) out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

const TITLE_RE = /(县长|书记|主任|部长|委员|主席|局长|镇长|区长|市长|常委|秘书长|总经理|董事长|领导)$/;

export interface PersonRef {
  name: string;
  title: string | null;
  /** The token as written, for messages. */
  text: string;
}

/** "张三（副县长）、李四 王五" → names with an optional title. A bare title after a name is its title. */
export function parsePeople(text: string): PersonRef[] {
  const out: PersonRef[] = [];
  for (const tok of splitList(text, { spaces: true })) {
    const m = /^(.+?)\((.+?)\)$/.exec(tok);
    if (m) {
      out.push({ name: m[1]!.trim(), title: m[2]!.trim(), text: tok });
      continue;
    }
    const prev = out[out.length - 1];
    if (prev && !prev.title && TITLE_RE.test(tok) && tok.length >= 2) {
      prev.title = tok;
      prev.text = `${prev.text} ${tok}`;
      continue;
    }
    out.push({ name: tok, title: null, text: tok });
  }
  return out;
}

/** Land area in 亩; the column may be in 平方米 or 公顷. */
export type AreaUnit = 'mu' | 'sqm' | 'ha';
export function areaUnitIn(text: string): AreaUnit | null {
  const t = compactText(text);
  if (/平方米|平米|m2|㎡/.test(t)) return 'sqm';
  if (/公顷/.test(t)) return 'ha';
  if (/亩/.test(t)) return 'mu';
  return null;
}

export function parseArea(v: CellValue, unit: AreaUnit = 'mu'): Parsed<number | null> {
  const n = parseNumber(v);
  if (!n.ok) return fail(`无法识别的用地面积「${cellText(v).trim()}」`);
  if (n.value === null) return n;
  if (n.value < 0) return fail(`用地面积不能为负数「${cellText(v).trim()}」`);
  const mu = unit === 'sqm' ? n.value / 666.6667 : unit === 'ha' ? n.value * 15 : n.value;
  return ok(round2(mu));
}
