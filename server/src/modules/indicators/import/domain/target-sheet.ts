/**
 * A targets sheet (目标任务分解表) for one year, in the two layouts offices send:
 *
 * - one indicator: units × 基数 / 年度目标 / the breakdown (1月…12月, 一季度…四季度, 上半年 /
 *   下半年, as the indicator's cadence has periods) / a multi-year target ("2028年目标",
 *   "三年目标") / 备注 — the indicator chosen on upload or named in the title;
 * - several indicators: units × one column of annual targets per indicator (or an indicator
 *   merged over its own 基数 / 目标 columns).
 *
 * Same reading rules as the statistics sheet (sheet.ts). Pure.
 */
import { formatPeriod, periodsPerYear, type IndicatorCadence } from '@tiaodu/contracts';
import { cellText, type CellValue } from '../../../../lib/xlsx/cells.js';
import { fillMerges, type SheetGrid } from '../../../../lib/xlsx/grid.js';
import { cleanText, compactText } from '../../../../lib/xlsx/text.js';
import { headerKey } from '../../../projects/import/domain/headers.js';
import { indicatorMoneyUnit, moneyUnitIn, type CatalogueEntry, type IndicatorIndex, type MoneyUnit } from './names.js';
import {
  cellFigure,
  dataRows,
  detectHeader,
  isNameHeader,
  isSeqHeader,
  moneyFactor,
  sheetMoneyUnit,
  storedFigure,
  titleTexts,
  unitColumnOf,
  type HeaderCell,
  type SheetIssue,
} from './sheet.js';

export type TargetRole = 'baseline' | 'target' | 'multiYear' | 'breakdown' | 'note';

export interface RoleOf {
  role: TargetRole;
  /** breakdown: which periods and which one (1-based). */
  cadence?: Exclude<IndicatorCadence, 'year'>;
  index?: number;
  /** multiYear: the year of the target (2028). */
  year?: number;
}

const CN: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 十一: 11, 十二: 12 };
const n = (s: string) => (/^\d+$/.test(s) ? Number(s) : (CN[s] ?? NaN));

/**
 * The role a header names in a targets sheet of `year`: 基数 (baseline), 年度目标 (target),
 * a breakdown period (3月, 二季度, 上半年), a multi-year target (2028年目标, 三年目标) or 备注.
 */
export function targetRole(textIn: string, year: number): RoleOf | null {
  const k = headerKey(textIn).replace(/^(到|至)/, '');
  if (!k) return null;
  let m = /^(\d{1,2}|十[一二]?|[一二三四五六七八九])月份?(目标|任务|计划)?值?$/.exec(k);
  if (m) {
    const i = n(m[1]!);
    if (i >= 1 && i <= 12) return { role: 'breakdown', cadence: 'month', index: i };
  }
  m = /^第?([1-4一二三四])季度?(目标|任务|计划)?值?$/.exec(k) ?? /^q([1-4])$/.exec(k);
  if (m && (/季/.test(k) || /^q/.test(k))) return { role: 'breakdown', cadence: 'quarter', index: n(m[1]!) };
  m = /^(上|下)半年(目标|任务|计划)?值?$/.exec(k);
  if (m) return { role: 'breakdown', cadence: 'halfYear', index: m[1] === '上' ? 1 : 2 };
  if (/^(备注|说明|附注)$/.test(k)) return { role: 'note' };
  if (/^(基数|基期|基期值|基期数|基年值?|基期年值|上年基数|上年(完成|实绩|实际)?(值|数)?)$/.test(k)) return { role: 'baseline' };
  m = /^(\d{4})年度?(完成|实绩|实际|基数)(值|数)?$/.exec(k);
  if (m) return Number(m[1]) < year ? { role: 'baseline' } : null;
  if (/^((年度|全年)?(目标|任务)(值|数)?|目标任务|年度目标任务|全年目标任务|年度计划|全年|年度|计划目标)$/.test(k)) return { role: 'target' };
  m = /^(\d{4})年度?(目标|任务|目标任务|计划目标|计划)(值|数)?$/.exec(k);
  if (m) {
    const y = Number(m[1]);
    return y === year ? { role: 'target' } : y > year && y <= year + 10 ? { role: 'multiYear', year: y } : null;
  }
  m = /^(两|二|三|四|五)年(目标|任务|翻一?番目标|翻一?番)?(值)?$/.exec(k);
  if (m) return { role: 'multiYear', year: year + n(m[1]!) - 1 };
  return null;
}

/** An indicator named in a header, with a role word at its end ("固定资产投资目标", "2026年地区生产总值目标"). */
function indicatorOf(index: IndicatorIndex, t: string, year: number): { ind: CatalogueEntry; role: RoleOf | null } | null {
  if (!t) return null;
  const whole = index.match(t);
  if (whole) return { ind: whole, role: null };
  const k = compactText(t).replace(/\([^()]*\)|（[^（）]*）/g, '');
  const y = /^(?:到|至)?(\d{4})年度?/.exec(k);
  const body = y ? k.slice(y[0].length) : k;
  const m = /(目标值|目标任务|目标|任务|基数|基期值)$/.exec(body);
  if (!m || body.length - m[0].length < 2) return null;
  const ind = index.match(body.slice(0, body.length - m[0].length));
  if (!ind) return null;
  return { ind, role: targetRole(`${y ? y[0] : ''}${m[0]}`, year) };
}

export interface TargetColumn {
  index: number;
  letter: string;
  header: string;
  /** The indicator the column belongs to; null: the sheet's one indicator. */
  indicator: CatalogueEntry | null;
  field: 'unit' | 'ignored' | TargetRole;
  role: RoleOf | null;
  money: MoneyUnit | null;
}

export function classifyTargetColumns(cells: HeaderCell[], index: IndicatorIndex, year: number): { columns: TargetColumn[]; score: number } {
  const cols: TargetColumn[] = [];
  let unitCol = false;
  let any = false;
  for (const c of cells) {
    const col: TargetColumn = { index: c.index, letter: c.letter, header: c.header, indicator: null, field: 'ignored', role: null, money: moneyUnitIn(`${c.parent}${c.child}`) };
    cols.push(col);
    if (!c.header) continue;
    if (!unitCol && !any && c.index <= 4 && isNameHeader(c.child)) {
      col.field = 'unit';
      unitCol = true;
      continue;
    }
    if (isSeqHeader(c.child)) continue;
    const rC = targetRole(c.child, year);
    let role: RoleOf | null = null;
    let ind: CatalogueEntry | null = null;
    if (rC) {
      role = rC;
      ind = c.parent ? (indicatorOf(index, c.parent, year)?.ind ?? null) : null;
    } else {
      const iC = indicatorOf(index, c.child, year);
      if (iC) {
        ind = iC.ind;
        const rP = c.parent ? targetRole(c.parent, year) : null;
        role = iC.role ?? (rP && rP.role !== 'note' ? rP : { role: 'target' });
      }
    }
    if (role) {
      col.role = role;
      col.field = role.role;
      col.indicator = ind;
      any = true;
    }
  }
  const roles = new Set(cols.filter((c) => c.role).map((c) => `${c.indicator?.id ?? 0}:${c.field}:${c.role?.cadence ?? ''}${c.role?.index ?? ''}${c.role?.year ?? ''}`));
  return { columns: cols, score: roles.size + (unitCol ? 1 : 0) };
}

export interface TargetCell {
  column: number;
  letter: string;
  header: string;
  indicatorId: number;
  role: TargetRole;
  /** breakdown: the 1-based period; multiYear: the year. */
  index?: number;
  year?: number;
  /** Decimal text in the indicator's unit (null: no figure), or the note's text. */
  value: string | null;
}

export interface TargetSheetRow {
  row: number;
  unitName: string;
  cells: TargetCell[];
}

export interface TargetsSheet {
  headerRow: number;
  dataStart: number;
  columns: TargetColumn[];
  /** The indicators the sheet fills. */
  indicators: CatalogueEntry[];
  rows: TargetSheetRow[];
  issues: SheetIssue[];
}

const BREAKDOWN_NAMES: Record<Exclude<IndicatorCadence, 'year'>, string> = { month: '按月（1月…12月）', quarter: '按季度（一季度…四季度）', halfYear: '按半年（上半年、下半年）' };
const CADENCE_NAMES: Record<IndicatorCadence, string> = { month: '按月', quarter: '按季度', halfYear: '按半年', year: '按年' };

/** The period a breakdown cell stands for ("2026-Q1"), as the result names the field. */
export function breakdownPeriod(year: number, cadence: IndicatorCadence, index: number): string {
  return formatPeriod({ year, cadence, index });
}

/**
 * Reads a targets sheet of `year`. `sheetIndicator` is the one indicator of a one-indicator
 * sheet (chosen on upload); without it the title may name it. Null when no column is
 * recognised.
 */
export function readTargetsSheet(raw: SheetGrid, index: IndicatorIndex, year: number, sheetIndicator: CatalogueEntry | null): TargetsSheet | null {
  const g = fillMerges(raw, 30);
  const found = detectHeader(g, (cells) => classifyTargetColumns(cells, index, year));
  if (!found || !found.columns.some((c) => c.role)) return null;
  const { headerRow, dataStart, columns } = found;
  const issues: SheetIssue[] = [];
  const money = sheetMoneyUnit(g, headerRow);

  // the one indicator of columns that name none: chosen, else named in the title
  let own = sheetIndicator;
  if (columns.some((c) => c.role && !c.indicator)) {
    if (!own) {
      const named = new Map<number, CatalogueEntry>();
      for (const t of [...titleTexts(g, headerRow), g.name]) for (const e of index.inTitle(t)) named.set(e.id, e);
      if (named.size === 1) own = [...named.values()][0]!;
      else {
        issues.push({
          row: headerRow,
          column: null,
          message: named.size > 1 ? `表头标题中有多个指标（${[...named.values()].map((e) => e.name).join('、')}），请选择要导入目标的指标` : '请选择要导入目标的指标（表头标题中没有写明指标名称）',
        });
        return { headerRow, dataStart, columns, indicators: [], rows: [], issues };
      }
    }
    for (const c of columns) if (c.role && !c.indicator) c.indicator = own;
  }
  // a chosen indicator limits a sheet of several to its own columns
  if (sheetIndicator) {
    for (const c of columns) {
      if (c.role && c.indicator && c.indicator.id !== sheetIndicator.id) {
        c.field = 'ignored';
        c.role = null;
      }
    }
  }

  // breakdowns must follow the indicator's cadence; one column per role
  const seen = new Map<string, TargetColumn>();
  for (const c of columns) {
    if (!c.role || !c.indicator) continue;
    const ind = c.indicator;
    if (c.role.role === 'breakdown' && c.role.cadence !== ind.cadence) {
      issues.push({
        row: headerRow,
        column: c.letter,
        message:
          ind.cadence === 'year'
            ? `第${headerRow}行 ${c.letter}列「${c.header}」：指标「${ind.name}」按年统计，目标不分解到${c.role.cadence === 'month' ? '月' : c.role.cadence === 'quarter' ? '季度' : '半年'}`
            : `第${headerRow}行 ${c.letter}列「${c.header}」：指标「${ind.name}」${CADENCE_NAMES[ind.cadence]}统计，目标应${BREAKDOWN_NAMES[ind.cadence]}分解`,
      });
      c.field = 'ignored';
      c.role = null;
      continue;
    }
    const k = `${ind.id}:${c.field}:${c.role.index ?? ''}`;
    const first = seen.get(k);
    if (first) {
      issues.push({ row: headerRow, column: c.letter, message: `第${headerRow}行 ${c.letter}列「${c.header}」：与 ${first.letter}列「${first.header}」重复，请只保留一列` });
      c.field = 'ignored';
      c.role = null;
    } else seen.set(k, c);
  }
  const multi = new Map<number, Set<number>>();
  for (const c of columns) if (c.role?.role === 'multiYear') multi.set(c.indicator!.id, new Set([...(multi.get(c.indicator!.id) ?? []), c.role.year!]));
  for (const [id, years] of multi) {
    if (years.size > 1) {
      const ind = columns.find((c) => c.indicator?.id === id)!.indicator!;
      issues.push({ row: headerRow, column: null, message: `第${headerRow}行：指标「${ind.name}」有多个多年目标列（${[...years].map((y) => `${y}年`).join('、')}），每个指标只能有一个多年目标` });
    }
  }

  const roleCols = columns.filter((c) => c.role && c.indicator);
  const indicators = [...new Map(roleCols.map((c) => [c.indicator!.id, c.indicator!])).values()];
  const nameCol = unitColumnOf(columns, (c) => c.role !== null);
  if (!nameCol) {
    issues.push({ row: headerRow, column: null, message: `第${headerRow}行：没有找到单位名称列（地区、单位或县市区）` });
    return { headerRow, dataStart, columns, indicators, rows: [], issues };
  }
  nameCol.field = 'unit';

  const figureCols = roleCols.filter((c) => c.field !== 'note');
  const rows: TargetSheetRow[] = [];
  for (const d of dataRows(g, dataStart, nameCol.index, figureCols.map((c) => c.index), nameCol.header, issues)) {
    const row: TargetSheetRow = { row: d.row, unitName: d.name, cells: [] };
    for (const c of roleCols) {
      const v: CellValue = d.cells[c.index - 1] ?? null;
      const base = { column: c.index, letter: c.letter, header: c.header, indicatorId: c.indicator!.id, role: c.role!.role, ...(c.role!.index ? { index: c.role!.index } : {}), ...(c.role!.year ? { year: c.role!.year } : {}) };
      const where = `第${d.row}行「${c.header}」`;
      if (c.role!.role === 'note') {
        const t = v === null ? '' : cleanText(cellText(v));
        if (t.length > 200) {
          issues.push({ row: d.row, column: c.letter, message: `${where}：备注不能超过200个字` });
          continue;
        }
        row.cells.push({ ...base, value: t || null });
        continue;
      }
      const f = cellFigure(v);
      if (!f.ok) {
        issues.push({ row: d.row, column: c.letter, message: `${where}：${f.message}` });
        continue;
      }
      let value: string | null = null;
      if (f.value) {
        const s = storedFigure(f.value, moneyFactor(c.money ?? money, indicatorMoneyUnit(c.indicator!.unit)), 'value');
        if (!s.ok) {
          issues.push({ row: d.row, column: c.letter, message: `${where}：${s.message}` });
          continue;
        }
        value = s.text;
      }
      row.cells.push({ ...base, value });
    }
    rows.push(row);
  }
  return { headerRow, dataStart, columns, indicators, rows, issues };
}

/** How many breakdown cells an indicator's target has (0 for a yearly one). */
export function breakdownSize(cadence: IndicatorCadence): number {
  return cadence === 'year' ? 0 : periodsPerYear(cadence);
}
