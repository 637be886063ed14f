/**
 * One ledger row → typed values, with every problem of the row collected (not only the first).
 * References (region, unit, leaders, owner) stay as text here; they are resolved against the
 * database in resolve.ts.
 */
import type {
  ConstructionNature,
  ImportError,
  ImportFieldKey,
  InvestmentType,
  ProjectField,
  ProjectLevel,
  ProjectStage,
  YearCategory,
} from '@tiaodu/contracts';
import { cellText, type CellValue } from '../../../../lib/xlsx/cells.js';
import { cleanText } from '../../../../lib/xlsx/text.js';
import type { HeaderColumn } from './headers.js';
import type { RawRow } from './rows.js';
import {
  isBlank,
  parseAmount,
  parseArea,
  parseCategory,
  parseCreditCode,
  parseDate,
  parseDateRange,
  parseField,
  parseInvestmentType,
  parseLevel,
  parseNature,
  parsePeople,
  parseProjectCode,
  parseStage,
  parseYear,
  splitList,
  type AmountUnit,
  type Parsed,
  type PersonRef,
} from './values.js';

export interface RowValues {
  name?: string;
  code?: string;
  statsCode?: string;
  level?: ProjectLevel;
  nature?: ConstructionNature;
  category?: YearCategory;
  planYear?: number;
  field?: ProjectField;
  chainTags?: string[];
  investmentType?: InvestmentType;
  regionText?: string;
  location?: string;
  ownerName?: string;
  ownerCreditCode?: string;
  totalInvestment?: number;
  landArea?: number;
  plannedStart?: string;
  plannedCompletion?: string;
  actualStart?: string;
  actualCompletion?: string;
  stage?: ProjectStage;
  leaders?: PersonRef[];
  depts?: string[];
  responsiblePerson?: string;
  responsiblePhone?: string;
  liaisonName?: string;
  liaisonPhone?: string;
  content?: string;
}

export interface ParsedRow {
  row: number;
  values: RowValues;
  /** Where a value came from: the column header, for error messages. */
  columns: Partial<Record<keyof RowValues, string>>;
  /** The cell text of each value, for error messages. */
  raw: Partial<Record<keyof RowValues, string>>;
  /** Values that came from a section title rather than a column. */
  fromSection: { category?: boolean; field?: boolean };
  errors: ImportError[];
}

export interface ParseContext {
  columns: HeaderColumn[];
  /** Unit of the amounts when the column does not name one. */
  sheetUnit: AmountUnit;
}

const TEXT_LIMITS: Partial<Record<keyof RowValues, number>> = {
  name: 200,
  statsCode: 40,
  location: 200,
  ownerName: 200,
  responsiblePerson: 50,
  responsiblePhone: 30,
  liaisonName: 50,
  liaisonPhone: 30,
  content: 4000,
};

export function parseRow(raw: RawRow, ctx: ParseContext): ParsedRow {
  const out: ParsedRow = { row: raw.row, values: {}, columns: {}, raw: {}, fromSection: {}, errors: [] };
  const colOf = new Map<ImportFieldKey, HeaderColumn>();
  for (const c of ctx.columns) if (c.field) colOf.set(c.field, c);
  const header = (f: ImportFieldKey) => {
    const c = colOf.get(f);
    return c ? c.header || c.letter : '';
  };
  const v = out.values as Record<string, unknown>;

  const put = <T>(field: ImportFieldKey, key: keyof RowValues, p: Parsed<T | null>) => {
    const cell = raw.cells[field] ?? null;
    out.columns[key] = header(field);
    out.raw[key] = cleanText(cellText(cell));
    if (!p.ok) out.errors.push({ row: raw.row, column: header(field), value: cleanText(cellText(cell), { multiline: true }), message: p.error });
    else if (p.value !== null && p.value !== undefined) v[key] = p.value;
  };
  const has = (f: ImportFieldKey) => f in raw.cells;
  const cell = (f: ImportFieldKey): CellValue => raw.cells[f] ?? null;
  const text = (f: ImportFieldKey, key: keyof RowValues, multiline = false) => {
    if (!has(f)) return;
    const c = cell(f);
    const t = isBlank(c) ? '' : cleanText(cellText(c), { multiline });
    const limit = TEXT_LIMITS[key];
    if (t && limit && t.length > limit) put(f, key, { ok: false, error: `${labelFor(key)}不能超过${limit}个字符` });
    else put(f, key, { ok: true, value: t || null });
  };

  text('name', 'name');
  if (has('code')) put('code', 'code', parseProjectCode(cell('code')));
  text('statsCode', 'statsCode');
  if (has('level')) put('level', 'level', parseLevel(cell('level')));
  if (has('nature')) {
    const p = parseNature(cell('nature'));
    if (p.ok && p.value?.category) {
      put('nature', 'category', { ok: true, value: p.value.category });
    } else put('nature', 'nature', p.ok ? { ok: true, value: p.value?.nature ?? null } : p);
  }
  if (has('category')) {
    const p = parseCategory(cell('category'));
    if (!p.ok || p.value !== null) put('category', 'category', p);
  }
  if (has('planYear')) put('planYear', 'planYear', parseYear(cell('planYear')));
  if (has('field')) put('field', 'field', parseField(cell('field')));
  if (has('chainTags')) {
    const c = cell('chainTags');
    const tags = isBlank(c) ? [] : splitList(cellText(c));
    if (tags.length > 10) put('chainTags', 'chainTags', { ok: false, error: '产业链标签最多10个' });
    else if (tags.some((t) => t.length > 30)) put('chainTags', 'chainTags', { ok: false, error: '产业链标签每个不能超过30个字符' });
    else put('chainTags', 'chainTags', { ok: true, value: tags.length ? tags : null });
  }
  if (has('investmentType')) put('investmentType', 'investmentType', parseInvestmentType(cell('investmentType')));
  text('region', 'regionText');
  text('location', 'location');
  text('owner', 'ownerName');
  if (has('ownerCreditCode')) put('ownerCreditCode', 'ownerCreditCode', parseCreditCode(cell('ownerCreditCode')));
  if (has('totalInvestment')) {
    const unit = colOf.get('totalInvestment')?.amountUnit ?? ctx.sheetUnit;
    const p = parseAmount(cell('totalInvestment'), unit);
    put('totalInvestment', 'totalInvestment', p.ok && p.value !== null && p.value > 100_000_000 ? { ok: false, error: `金额超出范围「${cellText(cell('totalInvestment'))}」（万元）` } : p);
  }
  if (has('landArea')) put('landArea', 'landArea', parseArea(cell('landArea'), colOf.get('landArea')?.areaUnit ?? 'mu'));
  if (has('period')) {
    const p = parseDateRange(cell('period'));
    if (!p.ok) put('period', 'plannedStart', p);
    else if (p.value) {
      put('period', 'plannedStart', { ok: true, value: p.value.start });
      put('period', 'plannedCompletion', { ok: true, value: p.value.end });
    }
  }
  // Explicit start / completion columns win over the period column.
  if (has('plannedStart') && !isBlank(cell('plannedStart'))) put('plannedStart', 'plannedStart', parseDate(cell('plannedStart'), 'start'));
  else if (has('plannedStart') && !has('period')) put('plannedStart', 'plannedStart', { ok: true, value: null });
  if (has('plannedCompletion') && !isBlank(cell('plannedCompletion'))) put('plannedCompletion', 'plannedCompletion', parseDate(cell('plannedCompletion'), 'end'));
  else if (has('plannedCompletion') && !has('period')) put('plannedCompletion', 'plannedCompletion', { ok: true, value: null });
  if (has('actualStart')) put('actualStart', 'actualStart', parseDate(cell('actualStart'), 'start'));
  if (has('actualCompletion')) put('actualCompletion', 'actualCompletion', parseDate(cell('actualCompletion'), 'end'));
  if (has('stage')) put('stage', 'stage', parseStage(cell('stage')));
  if (has('leaders')) {
    const c = cell('leaders');
    const people = isBlank(c) ? [] : parsePeople(cellText(c));
    put('leaders', 'leaders', people.length > 10 ? { ok: false, error: '包保领导最多10位' } : { ok: true, value: people.length ? people : null });
  }
  if (has('responsibleDept')) {
    const c = cell('responsibleDept');
    const units = isBlank(c) ? [] : splitList(cellText(c));
    put('responsibleDept', 'depts', { ok: true, value: units.length ? units : null });
  }
  text('responsiblePerson', 'responsiblePerson');
  text('responsiblePhone', 'responsiblePhone');
  text('liaisonName', 'liaisonName');
  text('liaisonPhone', 'liaisonPhone');
  text('content', 'content', true);

  if (out.values.category === undefined && raw.section.category) {
    out.values.category = raw.section.category;
    out.fromSection.category = true;
  }
  if (out.values.field === undefined && raw.section.field) {
    out.values.field = raw.section.field;
    out.fromSection.field = true;
  }

  const val = out.values;
  if (val.name !== undefined && val.name.length < 2) {
    out.errors.push({ row: raw.row, column: header('name'), value: val.name, message: '项目名称至少2个字' });
  }
  if (val.plannedStart && val.plannedCompletion && val.plannedCompletion < val.plannedStart) {
    const col = out.columns.plannedCompletion ?? '';
    out.errors.push({ row: raw.row, column: col, value: out.raw.plannedCompletion ?? '', message: `计划竣工时间（${val.plannedCompletion}）早于计划开工时间（${val.plannedStart}）` });
  }
  if (val.actualStart && val.actualCompletion && val.actualCompletion < val.actualStart) {
    out.errors.push({ row: raw.row, column: out.columns.actualCompletion ?? '', value: out.raw.actualCompletion ?? '', message: `实际竣工时间（${val.actualCompletion}）早于实际开工时间（${val.actualStart}）` });
  }
  return out;
}

const LABELS: Partial<Record<keyof RowValues, string>> = {
  name: '项目名称',
  statsCode: '统计库编码',
  location: '建设地点',
  ownerName: '项目业主',
  responsiblePerson: '责任人',
  responsiblePhone: '联系电话',
  liaisonName: '联络员',
  liaisonPhone: '联络员电话',
  content: '建设内容',
};
function labelFor(key: keyof RowValues): string {
  return LABELS[key] ?? key;
}
