/**
 * The rows under the header: which are projects, and which are section titles
 * ("一、续建项目（20个）", "（一）工业项目"), subtotals (合计/小计), repeated headers,
 * column-number rows or empty lines, which are not.
 */
import type { ImportFieldKey, ProjectField, YearCategory } from '@tiaodu/contracts';
import { cellText, type CellValue } from '../../../../lib/xlsx/cells.js';
import { cleanText, compactText } from '../../../../lib/xlsx/text.js';
import { headerKey, type HeaderColumn } from './headers.js';
import { isBlank, parseFieldText } from './values.js';

export type RowKind = 'empty' | 'section' | 'subtotal' | 'header' | 'numbering' | 'data';

export interface SectionState {
  category?: YearCategory;
  field?: ProjectField;
}

const CN_NUM = '一二三四五六七八九十百零〇';
const LEVEL1 = new RegExp(`^([${CN_NUM}]+[、.,]|第[${CN_NUM}]+(部分|类|批|篇)|[IVX]+[、.])`);
const LEVEL2 = new RegExp(`^(\\([${CN_NUM}]+\\)|[${CN_NUM}]+\\))`);
const COUNT_SUFFIX = /\(\s*(共)?\d+\s*(个|项)(项目)?\s*\)$|[:：]?\s*(共)?\d+\s*(个|项)$/;
const SUBTOTAL = /^(合计|小计|总计|共计|累计|全县合计|全市合计|全区合计|总合计)|(合计|小计|总计)$|^其中/;

/** The yearly category a section title names ("续建项目" → continuing), if any. */
export function sectionCategory(text: string): YearCategory | undefined {
  const t = compactText(text).replace(COUNT_SUFFIX, '');
  if (/续建|在建/.test(t)) return 'continuing';
  if (/新开工|新建/.test(t)) return 'new_start';
  if (/竣工|投产|完工/.test(t)) return 'completion';
  if (/预备|前期|谋划|储备/.test(t)) return 'preparatory';
  return undefined;
}

export function sectionField(text: string): ProjectField | undefined {
  return parseFieldText(compactText(text).replace(COUNT_SUFFIX, '')) ?? undefined;
}

export interface RowClass {
  kind: RowKind;
  /** Section level (1: 一、 2: （一）) and its text. */
  level?: 1 | 2;
  text?: string;
}

const keyCache = new WeakMap<HeaderColumn[], Map<number, Set<string>>>();
/** The compared forms of each column's header texts, computed once per header. */
function headerKeys(cols: HeaderColumn[]): Map<number, Set<string>> {
  let m = keyCache.get(cols);
  if (!m) {
    m = new Map(cols.filter((c) => c.header).map((c) => [c.index, new Set([headerKey(c.child), headerKey(c.header), headerKey(c.parent)].filter(Boolean))]));
    keyCache.set(cols, m);
  }
  return m;
}

const isIntegerLike = (v: CellValue) => (typeof v === 'number' && Number.isInteger(v)) || (typeof v === 'string' && /^\d+$/.test(compactText(v)));

/** What a row under the header is. `cells[c - 1]` is column c. */
export function classifyRow(cells: CellValue[], cols: HeaderColumn[]): RowClass {
  const filled: { col: number; v: CellValue }[] = [];
  for (let i = 0; i < cells.length; i++) if (!isBlank(cells[i] ?? null)) filled.push({ col: i + 1, v: cells[i]! });
  if (filled.length === 0) return { kind: 'empty' };
  const seqCol = cols.find((c) => c.field === 'seq')?.index;
  const nameCol = cols.find((c) => c.field === 'name')?.index;
  const at = (col: number | undefined) => (col ? cells[col - 1] ?? null : null);
  const seq = at(seqCol);
  const name = at(nameCol);
  const seqText = compactText(cellText(seq));
  const nameText = compactText(cellText(name));
  const firstText = compactText(cellText(filled[0]!.v));

  // Only a running number (a pre-numbered blank line of a template).
  if (filled.length === 1 && seqCol && filled[0]!.col === seqCol && isIntegerLike(seq)) return { kind: 'empty' };

  if ([seqText, nameText, firstText].some((t) => t && SUBTOTAL.test(t))) return { kind: 'subtotal', text: cleanText(cellText(filled[0]!.v)) };

  for (const t of [firstText, seqText, nameText]) {
    if (!t) continue;
    if (LEVEL2.test(t)) return { kind: 'section', level: 2, text: t };
    if (LEVEL1.test(t)) return { kind: 'section', level: 1, text: t };
  }
  // "续建项目" written in the 序号 column, or a title with a count: "工业项目（12个）".
  if (seqText && !/^\d+([.\-]\d+)*$/.test(seqText) && (!nameText || nameText === seqText) && (sectionCategory(seqText) || sectionField(seqText) || COUNT_SUFFIX.test(seqText))) {
    return { kind: 'section', level: 1, text: seqText };
  }
  if (nameText && COUNT_SUFFIX.test(nameText) && (sectionCategory(nameText) || sectionField(nameText) || /项目/.test(nameText)) && filled.length <= 3) {
    return { kind: 'section', level: 1, text: nameText };
  }

  // A repeated header line (printed ledgers repeat it on every page).
  const keys = headerKeys(cols);
  const looksLikeHeader = (f: { col: number; v: CellValue }) => typeof f.v === 'string' && (keys.get(f.col)?.has(headerKey(f.v)) ?? false);
  if (looksLikeHeader(filled[0]!) || (filled[1] && looksLikeHeader(filled[1]))) {
    const same = filled.filter(looksLikeHeader).length;
    if (same >= 2 && same * 2 >= filled.length) return { kind: 'header' };
  }

  // A row of column numbers 1, 2, 3 … under the header.
  if (filled.length >= 3 && filled.every((f) => isIntegerLike(f.v))) {
    const nums = filled.map((f) => Number(compactText(cellText(f.v))));
    if (nums.every((n, i) => i === 0 || n === nums[i - 1]! + 1)) return { kind: 'numbering' };
  }
  return { kind: 'data' };
}

/** Section state after a section row: a level-1 title resets both, a level-2 title refines. */
export function nextSection(cur: { top: SectionState; state: SectionState }, row: RowClass): { top: SectionState; state: SectionState } {
  if (row.kind !== 'section' || !row.text) return cur;
  const category = sectionCategory(row.text);
  const field = sectionField(row.text);
  if (row.level === 1) {
    const top = { category, field };
    return { top, state: { ...top } };
  }
  return { top: cur.top, state: { category: category ?? cur.top.category, field: field ?? cur.top.field } };
}

export interface RawRow {
  /** Excel row number. */
  row: number;
  cells: Partial<Record<ImportFieldKey, CellValue>>;
  section: SectionState;
}

/**
 * The project rows of a sheet with the cells of the mapped columns, and the section they sit
 * in. Rows that are not projects are left out.
 */
export function* projectRows(rows: CellValue[][], dataStart: number, cols: HeaderColumn[]): Generator<RawRow> {
  let sec: { top: SectionState; state: SectionState } = { top: {}, state: {} };
  const mapped = cols.filter((c) => c.field && c.field !== 'seq');
  for (let r = dataStart; r <= rows.length; r++) {
    const cells = rows[r - 1] ?? [];
    const cls = classifyRow(cells, cols);
    if (cls.kind === 'section') {
      sec = nextSection(sec, cls);
      continue;
    }
    if (cls.kind !== 'data') continue;
    const out: Partial<Record<ImportFieldKey, CellValue>> = {};
    let any = false;
    for (const c of mapped) {
      const v = cells[c.index - 1] ?? null;
      out[c.field!] = v;
      if (!isBlank(v)) any = true;
    }
    if (!any) continue;
    yield { row: r, cells: out, section: { ...sec.state } };
  }
}
