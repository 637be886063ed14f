/**
 * Reading a year's plan sheet (年度投资计划表 / 年度投资节点进度表) with the real-world layout
 * rules of the ledger import: title rows, a unit line (万元/亿元), merged one- or two-row
 * headers ("月度计划" over "1月"…"12月"), section rows, 合计/小计 lines, numbers as text with
 * separators or full-width digits.
 */
import type { ImportFieldKey, YearCategory } from '@tiaodu/contracts';
import { cellText, type CellValue } from '../../../lib/xlsx/cells.js';
import { cellAt, columnCount, columnLetter, fillMerges, type SheetGrid } from '../../../lib/xlsx/grid.js';
import { cleanText } from '../../../lib/xlsx/text.js';
import { headerKey, sheetUnit, type HeaderColumn } from '../../projects/import/domain/headers.js';
import { classifyRow, sectionCategory } from '../../projects/import/domain/rows.js';
import { isBlank, parseAmount, parseCategory, parseProjectCode, unitIn, type AmountUnit } from '../../projects/import/domain/values.js';

export type PlanField = 'seq' | 'name' | 'code' | 'region' | 'category' | 'before' | 'planned' | 'imageTarget' | `m${number}`;

export function recognizePlanHeader(parent: string, child: string): PlanField | null {
  const k = headerKey(child);
  const p = headerKey(parent);
  const month = /^(\d{1,2}|[一二三四五六七八九十]|十一|十二)月(份)?(计划)?(投资)?$/.exec(k);
  if (month) {
    const cn = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];
    const n = /^\d+$/.test(month[1]!) ? Number(month[1]) : cn.indexOf(month[1]!) + 1;
    if (n >= 1 && n <= 12) return `m${n}`;
  }
  if (/^(序号|编号)$/.test(k)) return 'seq';
  if (/^项目(名称)?$/.test(k)) return 'name';
  if (/代码|项目编码/.test(k)) return 'code';
  if (/^(所属)?(区域|地区|属地|乡镇|乡镇\/?街道|乡镇街道|所在地|县市区|所属乡镇)/.test(k)) return 'region';
  if (/类别|类型/.test(k) && !/行业|投资/.test(k)) return 'category';
  if (/上年底|以前年度|至上年/.test(k)) return 'before';
  if (/形象进度/.test(k) || /形象进度/.test(p)) return 'imageTarget';
  if (/总投资/.test(k)) return null;
  if (/(年度|本年|当年|\d{4}年)?计划(完成)?投资$|^年度计划$|^年度投资计划$/.test(k)) return 'planned';
  return null;
}

export interface PlanSheetColumn {
  index: number;
  header: string;
  field: PlanField | null;
  unit: AmountUnit | null;
}

export interface PlanSheetLayout {
  headerRow: number;
  dataStart: number;
  columns: PlanSheetColumn[];
  unit: AmountUnit;
}

function columnsAt(g: SheetGrid, row: number, two: boolean): PlanSheetColumn[] {
  const out: PlanSheetColumn[] = [];
  const seen = new Set<PlanField>();
  for (let c = 1; c <= columnCount(g); c++) {
    const top = cleanText(cellText(cellAt(g, row, c)));
    const bottom = two ? cleanText(cellText(cellAt(g, row + 1, c))) : '';
    const parent = two ? top : '';
    const child = two ? bottom || top : top;
    let field = child ? recognizePlanHeader(parent, child) : null;
    if (field && seen.has(field)) field = null;
    if (field) seen.add(field);
    out.push({ index: c, header: two && parent && bottom && parent !== bottom ? `${parent}/${bottom}` : child, field, unit: unitIn(`${parent}${child}`) });
  }
  return out;
}

const score = (cols: PlanSheetColumn[]) => cols.reduce((s, c) => s + (c.field === 'name' ? 5 : c.field ? 1 : 0), 0);

export function detectPlanLayout(raw: SheetGrid): { grid: SheetGrid; layout: PlanSheetLayout } | null {
  const g = fillMerges(raw, 30);
  let best: { row: number; two: boolean; cols: PlanSheetColumn[]; s: number } | null = null;
  for (let r = 1; r <= Math.min(30, g.rows.length); r++) {
    const one = columnsAt(g, r, false);
    const s1 = score(one);
    const two = s1 > 0 && r < g.rows.length ? columnsAt(g, r, true) : one;
    const s2 = score(two);
    const cand = s2 > s1 ? { row: r, two: true, cols: two, s: s2 } : { row: r, two: false, cols: one, s: s1 };
    if (!best || cand.s > best.s) best = cand;
  }
  if (!best || !best.cols.some((c) => c.field === 'name')) return null;
  return { grid: g, layout: { headerRow: best.row, dataStart: best.row + (best.two ? 2 : 1), columns: best.cols, unit: sheetUnit(g, best.row) } };
}

export interface PlanSheetIssue {
  row: number;
  column: string;
  value: string;
  message: string;
}

export interface PlanSheetRow {
  row: number;
  name: string | null;
  code: string | null;
  region: string | null;
  category: YearCategory | null;
  /** Category from the section title above the row ("一、续建项目"). */
  sectionCategory: YearCategory | null;
  planned: number | null;
  monthly: (number | null)[];
  before: number | null;
  imageTarget: string | null;
}

const MISSING_MONTHS = '表中没有找到1月—12月的月度计划列';

/** The data rows of the sheet, with the cell errors found while reading them. */
export function readPlanRows(g: SheetGrid, layout: PlanSheetLayout): { rows: PlanSheetRow[]; issues: PlanSheetIssue[] } {
  const issues: PlanSheetIssue[] = [];
  const rows: PlanSheetRow[] = [];
  const col = (f: PlanField) => layout.columns.find((c) => c.field === f);
  const months = Array.from({ length: 12 }, (_, i) => col(`m${i + 1}`));
  if (months.some((m) => !m)) issues.push({ row: layout.headerRow, column: '', value: '', message: MISSING_MONTHS });
  if (!col('planned')) issues.push({ row: layout.headerRow, column: '', value: '', message: '表中没有找到“年度计划投资”列' });
  if (issues.length) return { rows, issues };
  // The ledger's row classifier wants the 序号 and 项目名称 columns.
  const hcols = layout.columns.map(
    (c) => ({ index: c.index, letter: columnLetter(c.index), parent: '', child: c.header, header: c.header, field: (c.field === 'seq' ? 'seq' : c.field === 'name' ? 'name' : null) as ImportFieldKey | null, amountUnit: null, areaUnit: null }) satisfies HeaderColumn,
  );
  let section: YearCategory | null = null;
  for (let r = layout.dataStart; r <= g.rows.length; r++) {
    const cells = g.rows[r - 1] ?? [];
    const kind = classifyRow(cells, hcols);
    if (kind.kind === 'section') {
      section = sectionCategory(kind.text ?? '') ?? (kind.level === 1 ? null : section);
      continue;
    }
    if (kind.kind !== 'data') continue;
    const at = (c: PlanSheetColumn | undefined): CellValue => (c ? (cells[c.index - 1] ?? null) : null);
    const text = (f: PlanField) => {
      const v = at(col(f));
      return isBlank(v) ? null : cleanText(cellText(v)) || null;
    };
    const amount = (c: PlanSheetColumn | undefined, required: boolean): number | null => {
      if (!c) return null;
      const v = at(c);
      const p = parseAmount(v, c.unit ?? layout.unit);
      if (!p.ok) {
        issues.push({ row: r, column: c.header, value: cellText(v), message: p.error });
        return null;
      }
      if (p.value === null && required) return 0;
      return p.value;
    };
    const codeCell = at(col('code'));
    const code = parseProjectCode(codeCell);
    if (!code.ok) issues.push({ row: r, column: col('code')!.header, value: cellText(codeCell), message: code.error });
    const catCell = at(col('category'));
    const cat = parseCategory(catCell);
    if (!cat.ok) issues.push({ row: r, column: col('category')!.header, value: cellText(catCell), message: cat.error });
    rows.push({
      row: r,
      name: text('name'),
      code: code.ok ? code.value : null,
      region: text('region'),
      category: cat.ok ? cat.value : null,
      sectionCategory: section,
      planned: amount(col('planned'), true),
      monthly: months.map((m) => amount(m, true)),
      before: amount(col('before'), false),
      imageTarget: text('imageTarget'),
    });
  }
  return { rows, issues };
}
