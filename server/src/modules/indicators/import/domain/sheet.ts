/**
 * A statistics bureau's sheet (one sheet of units × indicators for one period) read into a plan
 * of cells, with the real layouts' rules: a title row ("2026年1-10月各县（市、区）主要经济指标"),
 * a 单位 line ("单位：亿元、%"), merged two-row headers (the indicator over 绝对值 / 增速 / 位次)
 * or single-row ones ("地区生产总值（亿元）| 增速(%)"), the unit name in the first column(s),
 * total rows (全市, 合计) and blank rows skipped. Numbers are read by figures.ts `parseFigure`;
 * money is converted to the indicator's own unit exactly (亿元 → 万元 ×10000). Pure.
 */
import { cellText, isFormattedNumber, type CellValue } from '../../../../lib/xlsx/cells.js';
import { cellAt, columnCount, columnLetter, fillMerges, type SheetGrid } from '../../../../lib/xlsx/grid.js';
import { cleanText, compactText } from '../../../../lib/xlsx/text.js';
import { headerKey } from '../../../projects/import/domain/headers.js';
import { isBlank } from '../../../projects/import/domain/values.js';
import { dec, div, fixedQ, mul, q, type Q } from '../../../../core/exact.js';
import { decimalText, parseFigure } from '../../domain/figures.js';
import {
  cleanUnitName,
  indicatorMoneyUnit,
  isNoteRow,
  isSectionRow,
  isTotalRow,
  moneyUnitIn,
  periodInTitle,
  splitHeader,
  subField,
  type CatalogueEntry,
  type IndicatorIndex,
  type MoneyUnit,
} from './names.js';

/** A problem found in the sheet: Excel row, column letter (null for the whole row) and a Chinese message. */
export interface SheetIssue {
  row: number;
  column: string | null;
  message: string;
}

// ---------------------------------------------------------------- headers (shared with the targets sheet)

export interface HeaderCell {
  index: number;
  letter: string;
  parent: string;
  child: string;
  /** As shown: "地区生产总值/增速", "地区". */
  header: string;
}

const text = (v: CellValue) => cleanText(cellText(v));

export function headerCells(g: SheetGrid, row: number, two: boolean): HeaderCell[] {
  const out: HeaderCell[] = [];
  for (let c = 1; c <= columnCount(g); c++) {
    const top = text(cellAt(g, row, c));
    const bottom = two ? text(cellAt(g, row + 1, c)) : '';
    const parent = two ? top : '';
    const child = two ? bottom || top : top;
    const header = two && parent && bottom && headerKey(parent) !== headerKey(bottom) ? `${parent}/${bottom}` : child || parent;
    out.push({ index: c, letter: columnLetter(c), parent: parent && headerKey(parent) !== headerKey(child) ? parent : '', child, header });
  }
  return out;
}

const NAME_HEADER = /^(地区|单位|单位名称|地区名称|区域|区划|县市区|县区|区县|县市|市县|市县区|县|市|区|地市|设区市|名称|乡镇|乡镇街道|镇街|镇|园区|开发区|部门|县市区名称|单位\/地区|地区\/单位)$/;
const SEQ_HEADER = /^(序号|编号|序|no\.?)$/;

/** A header naming the unit column ("地区", "县（市、区）", "单位名称"). */
export function isNameHeader(h: string): boolean {
  return NAME_HEADER.test(headerKey(h));
}
export function isSeqHeader(h: string): boolean {
  return SEQ_HEADER.test(headerKey(h));
}

const SEARCH_ROWS = 30;

/**
 * The header among the first 30 rows: the row (or pair of rows) whose columns `classify` scores
 * highest; two rows only when they score strictly better than the first alone. The grid must
 * have its merges filled.
 */
export function detectHeader<T>(g: SheetGrid, classify: (cells: HeaderCell[]) => { columns: T[]; score: number }): { headerRow: number; headerRows: 1 | 2; dataStart: number; columns: T[] } | null {
  let best: { row: number; two: boolean; columns: T[]; score: number } | null = null;
  for (let r = 1; r <= Math.min(SEARCH_ROWS, g.rows.length); r++) {
    const one = classify(headerCells(g, r, false));
    let cand = { row: r, two: false, columns: one.columns, score: one.score };
    // a row is a parent header only if it names something itself (not a title or a 单位 line)
    if (r < g.rows.length && one.score > 0) {
      const two = classify(headerCells(g, r, true));
      if (two.score > one.score) cand = { row: r, two: true, columns: two.columns, score: two.score };
    }
    if (!best || cand.score > best.score) best = cand;
  }
  if (!best || best.score <= 1) return null;
  return { headerRow: best.row, headerRows: best.two ? 2 : 1, dataStart: best.row + (best.two ? 2 : 1), columns: best.columns };
}

/** Texts above the header (the title, the 单位 line), and the sheet's name last. */
export function titleTexts(g: SheetGrid, headerRow: number): string[] {
  const out: string[] = [];
  for (let r = 1; r < headerRow; r++) {
    const seen = new Set<string>();
    for (const v of g.rows[r - 1] ?? []) {
      const t = text(v);
      if (t && !seen.has(t)) {
        seen.add(t);
        out.push(t);
      }
    }
  }
  return out;
}

/** The period the title (or else the sheet's name) names, or null. */
export function titlePeriod(g: SheetGrid, headerRow: number): string | null {
  for (const t of [...titleTexts(g, headerRow), g.name]) {
    const p = periodInTitle(t);
    if (p) return p;
  }
  return null;
}

/** The money unit of the 单位 line above the header ("单位：亿元、%"), or null when none is named. */
export function sheetMoneyUnit(g: SheetGrid, headerRow: number): MoneyUnit | null {
  for (const t of titleTexts(g, headerRow)) {
    const c = compactText(t);
    const i = c.indexOf('单位');
    if (i >= 0) {
      const u = moneyUnitIn(c.slice(i));
      if (u) return u;
    }
  }
  return null;
}

// ---------------------------------------------------------------- figures

const FACTOR: Record<MoneyUnit, Q> = { yuan: q(1, 10_000), wan: q(1), yi: q(10_000) };

/** The factor from a column's money unit to the indicator's (亿元 → 万元: 10000), or null when no conversion applies. */
export function moneyFactor(column: MoneyUnit | null, indicator: MoneyUnit | null): Q | null {
  if (!column || !indicator || column === indicator) return null;
  return div(FACTOR[column], FACTOR[indicator]);
}

/** Stored decimals (numeric scale 4), rounded once, half away from zero. */
const STORE_DIGITS = 4;
export function storeText(v: Q): string {
  return decimalText(dec(fixedQ(v, STORE_DIGITS)));
}

export type Figure = { ok: true; value: Q | null } | { ok: false; message: string };

/**
 * A cell as a figure: numbers as typed (full-width digits, a trailing %, thousands separators),
 * "—" / "-" / empty = no figure; a cell formatted as a percentage (0.125 shown 12.5%) is 12.5.
 */
export function cellFigure(v: CellValue): Figure {
  if (v === null || isBlank(v)) return { ok: true, value: null };
  if (typeof v === 'boolean' || v instanceof Date) return { ok: false, message: `「${cellText(v)}」不是数字` };
  const pct = isFormattedNumber(v) && v.fmt.includes('%');
  const p = parseFigure(isFormattedNumber(v) ? v.num : v);
  if (!p.ok) return { ok: false, message: p.message };
  if (!p.value) return { ok: true, value: null };
  return { ok: true, value: pct ? mul(p.value, q(100)) : p.value };
}

const LIMIT: Record<'value' | 'growth', Q> = { value: q(10n ** 16n), growth: q(10n ** 8n) };

/** A figure converted and checked against the storage's range: the decimal text, or why not. */
export function storedFigure(v: Q, factor: Q | null, kind: 'value' | 'growth'): { ok: true; text: string } | { ok: false; message: string } {
  const x = factor ? mul(v, factor) : v;
  const abs = x.n < 0n ? { n: -x.n, d: x.d } : x;
  if (abs.n >= LIMIT[kind].n * abs.d) return { ok: false, message: `「${decimalText(v)}」超出可保存的范围` };
  return { ok: true, text: storeText(x) };
}

// ---------------------------------------------------------------- the values sheet

export type ValueField = 'unit' | 'value' | 'growth' | 'rank' | 'ignored';

export interface ValueColumn {
  index: number;
  letter: string;
  header: string;
  indicator: CatalogueEntry | null;
  field: ValueField;
  /** The money unit named in the header, if any. */
  money: MoneyUnit | null;
}

function matchName(index: IndicatorIndex, t: string): { ind: CatalogueEntry; field: 'value' | 'growth' | 'rank' } | null {
  if (!t) return null;
  const whole = index.match(t);
  if (whole) return { ind: whole, field: 'value' };
  const s = splitHeader(t);
  if (s.name === compactText(t)) return null;
  const ind = index.match(s.name);
  return ind ? { ind, field: s.field } : null;
}

/** Each header cell read as the unit column, an indicator's figure, 增速 or rank, or nothing. */
export function classifyValueColumns(cells: HeaderCell[], index: IndicatorIndex): { columns: ValueColumn[]; score: number } {
  const cols: ValueColumn[] = [];
  let carry: CatalogueEntry | null = null;
  let unitCol = false;
  // columns read through a sub-header (绝对值/增速/位次 under the indicator): a tie-breaker for two header rows
  let viaSub = 0;
  for (const c of cells) {
    const col: ValueColumn = { index: c.index, letter: c.letter, header: c.header, indicator: null, field: 'ignored', money: moneyUnitIn(`${c.parent}${c.child}`) };
    cols.push(col);
    if (!c.header) continue;
    const single = !c.parent;
    if (!unitCol && !carry && c.index <= 4 && isNameHeader(c.child)) {
      col.field = 'unit';
      unitCol = true;
      continue;
    }
    if (isSeqHeader(c.child)) continue;
    let found: { ind: CatalogueEntry; field: 'value' | 'growth' | 'rank' } | null = null;
    if (single) {
      const sub = subField(c.child);
      if (sub) found = carry ? { ind: carry, field: sub } : null;
      else found = matchName(index, c.child);
    } else {
      const subC = subField(c.child);
      const subP = subField(c.parent);
      if (subC) {
        const p = matchName(index, c.parent);
        found = p ? { ind: p.ind, field: subC } : null;
        if (found) viaSub++;
      } else if (subP) {
        const ch = matchName(index, c.child);
        found = ch ? { ind: ch.ind, field: ch.field === 'value' ? subP : ch.field } : null;
        if (found) viaSub++;
      } else {
        found = matchName(index, c.child);
      }
    }
    if (found) {
      col.indicator = found.ind;
      col.field = found.field;
      carry = found.ind;
    } else if (!single || !subField(c.child)) {
      // an unknown indicator's 增速 to its right is not the previous indicator's
      carry = null;
    }
  }
  const pairs = new Set(cols.filter((c) => c.indicator && (c.field === 'value' || c.field === 'growth')).map((c) => `${c.indicator!.id}:${c.field}`));
  return { columns: cols, score: pairs.size + (unitCol ? 1 : 0) + viaSub / (cells.length + 1) };
}

export interface SheetCell {
  column: number;
  letter: string;
  header: string;
  indicatorId: number;
  field: 'value' | 'growth';
  /** Decimal text in the indicator's unit (or % for 增速), null = no figure. */
  value: string | null;
}

export interface SheetRow {
  row: number;
  unitName: string;
  cells: SheetCell[];
}

export interface ValuesSheet {
  headerRow: number;
  headerRows: 1 | 2;
  dataStart: number;
  /** The period the title names, if any. */
  period: string | null;
  /** The 单位 line's money unit. */
  money: MoneyUnit | null;
  columns: ValueColumn[];
  rows: SheetRow[];
  issues: SheetIssue[];
}

/** The column holding unit names: the one headed 地区/单位/名称…, else the first non-numbering column left of the first figure. */
export function unitColumnOf<T extends { index: number; header: string; field: string; indicator?: unknown }>(cols: T[], isFigure: (c: T) => boolean): T | null {
  const named = cols.find((c) => c.field === 'unit');
  if (named) return named;
  const first = cols.find(isFigure);
  if (!first) return null;
  return cols.find((c) => c.index < first.index && !isSeqHeader(c.header)) ?? null;
}

export interface DataRow {
  row: number;
  name: string;
  cells: CellValue[];
}

/**
 * The unit rows under the header: blank rows, total rows (全市, 合计), notes, section titles
 * and repeated headers are left out; a row with figures but no name is an issue.
 */
export function dataRows(g: SheetGrid, dataStart: number, nameCol: number, figureCols: number[], nameHeader: string, issues: SheetIssue[]): DataRow[] {
  const out: DataRow[] = [];
  for (let r = dataStart; r <= g.rows.length; r++) {
    const cells = g.rows[r - 1] ?? [];
    const name = text(cells[nameCol - 1] ?? null);
    const hasFigures = figureCols.some((c) => !isBlank(cells[c - 1] ?? null));
    if (!name) {
      if (hasFigures) issues.push({ row: r, column: columnLetter(nameCol), message: `第${r}行：缺少单位名称` });
      continue;
    }
    if (isTotalRow(name) || isNoteRow(name)) continue;
    if (isSectionRow(name) && !hasFigures) continue;
    if (nameHeader && headerKey(name) === headerKey(nameHeader)) continue;
    if (/^\d+$/.test(compactText(name)) || /^(栏次|甲|乙)$/.test(compactText(name))) continue;
    if (!cleanUnitName(name)) continue;
    out.push({ row: r, name, cells });
  }
  return out;
}

/**
 * Reads a statistics sheet: the header, the columns (indicator and figure, or ignored), the
 * period of its title and the unit rows with their figures converted to each indicator's unit.
 * Null when no column names an indicator of the catalogue.
 */
export function readValuesSheet(raw: SheetGrid, index: IndicatorIndex): ValuesSheet | null {
  const g = fillMerges(raw, SEARCH_ROWS);
  const found = detectHeader(g, (cells) => classifyValueColumns(cells, index));
  if (!found || !found.columns.some((c) => c.indicator && (c.field === 'value' || c.field === 'growth'))) return null;
  const { headerRow, headerRows, dataStart, columns } = found;
  const issues: SheetIssue[] = [];
  const money = sheetMoneyUnit(g, headerRow);

  // one column per indicator and figure: a second one is an error, not silently dropped
  const seen = new Map<string, ValueColumn>();
  for (const c of columns) {
    if (!c.indicator || (c.field !== 'value' && c.field !== 'growth')) continue;
    const k = `${c.indicator.id}:${c.field}`;
    const first = seen.get(k);
    if (first) {
      issues.push({ row: headerRow, column: c.letter, message: `第${headerRow}行 ${c.letter}列「${c.header}」：与 ${first.letter}列「${first.header}」是同一指标的${c.field === 'value' ? '数值' : '增速'}，请只保留一列` });
      c.field = 'ignored';
    } else seen.set(k, c);
  }
  const figures = columns.filter((c) => c.indicator && (c.field === 'value' || c.field === 'growth'));
  const nameCol = unitColumnOf(columns, (c) => c.indicator !== null);
  if (!nameCol) {
    issues.push({ row: headerRow, column: null, message: `第${headerRow}行：没有找到单位名称列（地区、单位或县市区）` });
    return { headerRow, headerRows, dataStart, period: titlePeriod(g, headerRow), money, columns, rows: [], issues };
  }
  nameCol.field = 'unit';

  const rows: SheetRow[] = [];
  for (const d of dataRows(g, dataStart, nameCol.index, figures.map((c) => c.index), nameCol.header, issues)) {
    const row: SheetRow = { row: d.row, unitName: d.name, cells: [] };
    for (const c of figures) {
      const v = d.cells[c.index - 1] ?? null;
      const f = cellFigure(v);
      const where = `第${d.row}行「${c.header}」`;
      if (!f.ok) {
        issues.push({ row: d.row, column: c.letter, message: `${where}：${f.message}` });
        continue;
      }
      let value: string | null = null;
      if (f.value) {
        const factor = c.field === 'value' ? moneyFactor(c.money ?? money, indicatorMoneyUnit(c.indicator!.unit)) : null;
        const s = storedFigure(f.value, factor, c.field as 'value' | 'growth');
        if (!s.ok) {
          issues.push({ row: d.row, column: c.letter, message: `${where}：${s.message}` });
          continue;
        }
        value = s.text;
      }
      row.cells.push({ column: c.index, letter: c.letter, header: c.header, indicatorId: c.indicator!.id, field: c.field as 'value' | 'growth', value });
    }
    rows.push(row);
  }
  issues.sort((a, b) => a.row - b.row);
  return { headerRow, headerRows, dataStart, period: titlePeriod(g, headerRow), money, columns, rows, issues };
}
