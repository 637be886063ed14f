/**
 * Header recognition: finds the header row (one row, or two rows with merged parent headers
 * such as 计划工期 over 开工时间 / 竣工时间) among the first rows of a sheet and maps each
 * column to an import field by synonyms, then applies the user's overrides.
 */
import type { ImportFieldKey, ImportMapping } from '@tiaodu/contracts';
import { cellText, type CellValue } from '../../../../lib/xlsx/cells.js';
import { cellAt, columnCount, columnLetter, columnIndex, type SheetGrid } from '../../../../lib/xlsx/grid.js';
import { cleanText, compactText } from '../../../../lib/xlsx/text.js';
import { areaUnitIn, unitIn, type AmountUnit, type AreaUnit } from './values.js';

const SYNONYMS: Record<ImportFieldKey, string[]> = {
  seq: ['序号', '编号', '序', 'No', 'No.', '排序', '序列号'],
  name: ['项目名称', '名称', '项目名', '项目名称及编号'],
  code: ['项目代码', '项目编码', '赋码', '项目赋码', '审批代码', '项目统一代码', '投资项目代码', '在线平台代码', '备案代码', '项目代码(赋码)'],
  statsCode: ['统计库编码', '统计编码', '入库编码', '统计库项目编码', '统计代码', '入库代码', '纳统编码', '列统编码', '统计库代码'],
  level: ['项目级别', '级别', '重点级别', '项目层级', '重点项目级别'],
  nature: ['建设性质', '性质', '项目性质'],
  category: ['年度类别', '项目类别', '类别', '年度类型', '项目分类', '年度分类'],
  planYear: ['计划年度', '年度', '所属年度', '年份', '计划年份'],
  field: ['领域', '行业类别', '所属领域', '行业', '产业类别', '项目领域', '行业领域', '产业领域', '所属行业'],
  chainTags: ['产业链', '所属产业链', '产业链条', '产业链名称'],
  investmentType: ['投资类型', '投资主体类型', '投资主体', '资金性质', '投资性质', '投资方式'],
  region: ['所属区域', '所在乡镇', '属地', '区县', '乡镇(街道)', '乡镇', '所在地区', '所属乡镇', '所属地区', '责任乡镇', '乡镇街道', '所在区域', '地区', '区域', '县(市、区)', '县市区', '所在县区', '所属县区', '属地乡镇', '所属街道', '所在镇街', '镇街', '所属镇街'],
  location: ['建设地点', '建设地址', '项目地址', '地点', '项目地点', '具体地点', '选址', '项目选址'],
  owner: ['项目单位', '建设单位', '业主单位', '项目业主', '实施单位', '业主', '项目法人', '项目业主单位', '项目建设单位', '项目实施单位', '建设主体', '实施主体', '项目法人单位', '项目单位名称', '企业名称'],
  ownerCreditCode: ['统一社会信用代码', '信用代码', '社会信用代码', '业主信用代码', '项目单位统一社会信用代码', '企业信用代码'],
  totalInvestment: ['总投资', '计划总投资', '总投资额', '项目总投资', '投资总额', '估算总投资', '概算总投资', '计划总投资额'],
  landArea: ['用地面积', '用地', '占地面积', '用地规模', '土地面积', '项目用地'],
  plannedStart: ['计划开工时间', '开工时间', '计划开工', '开工日期', '计划开工日期', '开工年月', '开工', '预计开工时间'],
  plannedCompletion: ['计划竣工时间', '竣工时间', '计划竣工', '竣工日期', '计划竣工日期', '完工时间', '计划完工时间', '竣工年月', '竣工', '完工', '预计竣工时间'],
  period: ['建设起止年限', '建设工期', '建设年限', '起止年限', '建设起止时间', '计划工期', '工期', '建设期限', '建设周期', '起止年月', '建设起止年月'],
  actualStart: ['实际开工时间', '实际开工', '实际开工日期'],
  actualCompletion: ['实际竣工时间', '实际竣工', '实际竣工日期', '实际完工时间'],
  stage: ['当前阶段', '项目进度阶段', '项目阶段', '阶段', '进度阶段', '项目状态', '建设阶段', '项目所处阶段'],
  leaders: ['包保领导', '联系领导', '挂点领导', '县领导', '包联领导', '责任领导', '包保县领导', '挂联领导', '牵头领导', '联系县领导', '挂钩领导', '领导', '包抓领导', '市领导', '联系市领导'],
  responsibleDept: ['牵头单位', '责任单位', '主管部门', '牵头部门', '责任部门', '行业主管部门', '主管单位', '牵头责任单位', '县级牵头单位'],
  responsiblePerson: ['责任人', '项目负责人', '负责人', '责任人姓名', '联系人', '项目联系人', '负责人姓名'],
  responsiblePhone: ['联系电话', '电话', '联系方式', '责任人电话', '手机', '手机号码', '负责人电话', '联系人电话', '责任人联系电话', '责任人手机'],
  liaisonName: ['联络员', '联络人', '联络员姓名'],
  liaisonPhone: ['联络员电话', '联络员联系方式', '联络人电话', '联络员手机', '联络员联系电话'],
  content: ['建设内容', '建设规模及内容', '建设内容及规模', '主要建设内容', '建设规模和内容', '项目简介', '建设规模', '项目内容', '主要内容', '建设内容和规模', '主要建设内容及规模'],
};

/** A header as compared: normalised, no spaces, no bracketed notes ("（万元）"), no "*" markers. */
export function headerKey(text: string): string {
  let t = compactText(text).replace(/[*※★]/g, '').replace(/[:：]$/, '');
  const stripped = t.replace(/\([^()]*\)|\[[^\]]*\]|【[^】]*】/g, '');
  if (stripped) t = stripped;
  return t.toLowerCase();
}

const EXACT = new Map<string, ImportFieldKey>();
for (const [key, list] of Object.entries(SYNONYMS) as [ImportFieldKey, string[]][]) {
  for (const s of list) if (!EXACT.has(headerKey(s))) EXACT.set(headerKey(s), key);
}

/** Loose rules tried when no synonym matches exactly; a `null` rule stops the search. */
const FUZZY: [RegExp, ImportFieldKey | null][] = [
  [/总投资|投资总额/, 'totalInvestment'],
  [/投资|完成|资金|金额|进度|问题|备注|说明|万元|亿元/, null],
  [/实际.*开工/, 'actualStart'],
  [/实际.*(竣工|完工)/, 'actualCompletion'],
  [/起止|工期|年限/, 'period'],
  [/开工/, 'plannedStart'],
  [/竣工|完工/, 'plannedCompletion'],
  [/信用代码/, 'ownerCreditCode'],
  [/统计|入库|纳统|列统/, 'statsCode'],
  [/项目代码|项目编码|赋码/, 'code'],
  [/项目名称/, 'name'],
  [/建设内容|建设规模/, 'content'],
  [/联络员.*(电话|手机|联系方式)/, 'liaisonPhone'],
  [/联络员/, 'liaisonName'],
  [/领导/, 'leaders'],
  [/牵头|责任单位|主管部门|责任部门/, 'responsibleDept'],
  [/业主|建设单位|项目单位|实施单位/, 'owner'],
  [/电话|手机|联系方式/, 'responsiblePhone'],
  [/责任人|负责人/, 'responsiblePerson'],
  [/建设地点|地址|地点/, 'location'],
  [/乡镇|区域|属地|区县|街道/, 'region'],
  [/用地|占地/, 'landArea'],
  [/产业链/, 'chainTags'],
  [/级别/, 'level'],
  [/性质/, 'nature'],
  [/类别/, 'category'],
  [/领域|行业/, 'field'],
  [/阶段/, 'stage'],
];

function fuzzy(key: string): ImportFieldKey | null {
  if (!key) return null;
  for (const [re, f] of FUZZY) if (re.test(key)) return f;
  return null;
}

/** A child header read in the light of its parent: 实际 / 开工时间 is the actual start. */
function qualify(f: ImportFieldKey, parent: string): ImportFieldKey {
  if (/实际/.test(parent)) {
    if (f === 'plannedStart') return 'actualStart';
    if (f === 'plannedCompletion') return 'actualCompletion';
  }
  if (/联络/.test(parent)) {
    if (f === 'responsiblePerson') return 'liaisonName';
    if (f === 'responsiblePhone') return 'liaisonPhone';
  }
  return f;
}

/** The field a column header names; `parent` is the header above it in a two-row header. */
export function recognizeHeader(parent: string, child: string): ImportFieldKey | null {
  const p = headerKey(parent);
  const c = headerKey(child);
  if (p && c && p !== c) {
    const both = EXACT.get(p + c);
    if (both) return both;
    const fc = EXACT.get(c);
    if (fc) return qualify(fc, p);
    const fp = EXACT.get(p);
    if (fp) return fp;
    return fuzzy(p + c) ?? (fuzzy(c) ? qualify(fuzzy(c)!, p) : null);
  }
  const t = c || p;
  return EXACT.get(t) ?? fuzzy(t);
}

export interface HeaderColumn {
  /** 1-based column index. */
  index: number;
  letter: string;
  parent: string;
  child: string;
  /** The header as shown to the user: "计划工期/开工时间", "项目名称", or "" when blank. */
  header: string;
  field: ImportFieldKey | null;
  amountUnit: AmountUnit | null;
  areaUnit: AreaUnit | null;
}

export interface HeaderLayout {
  headerRow: number;
  headerRows: 1 | 2;
  dataStart: number;
  columns: HeaderColumn[];
}

const text = (v: CellValue) => cleanText(cellText(v));

function buildColumns(g: SheetGrid, row: number, two: boolean): HeaderColumn[] {
  const n = columnCount(g);
  const cols: HeaderColumn[] = [];
  for (let c = 1; c <= n; c++) {
    const top = text(cellAt(g, row, c));
    const bottom = two ? text(cellAt(g, row + 1, c)) : '';
    const parent = two ? top : '';
    const child = two ? bottom || top : top;
    const header = two && parent && bottom && headerKey(parent) !== headerKey(bottom) ? `${parent}/${bottom}` : child || parent;
    cols.push({
      index: c,
      letter: columnLetter(c),
      parent,
      child,
      header,
      field: header ? recognizeHeader(parent, child) : null,
      amountUnit: unitIn(`${parent}${child}`),
      areaUnit: areaUnitIn(`${parent}${child}`),
    });
  }
  dedupeFields(cols);
  return cols;
}

/** One column per field: the leftmost keeps it. */
function dedupeFields(cols: HeaderColumn[]): void {
  const seen = new Set<ImportFieldKey>();
  for (const col of cols) {
    if (!col.field) continue;
    if (seen.has(col.field)) col.field = null;
    else seen.add(col.field);
  }
}

function score(cols: HeaderColumn[]): number {
  let s = 0;
  for (const c of cols) {
    if (!c.field) continue;
    s += c.field === 'name' ? 4 : c.field === 'totalInvestment' ? 3 : 1;
  }
  return s;
}

const SEARCH_ROWS = 30;

/**
 * Finds the header: the row (or pair of rows) among the first 30 whose cells name the most
 * fields, the project name counting most. `grid` must have merges filled in that area.
 * A forced `headerRow` only decides where to look; one or two rows is still detected.
 */
export function detectHeader(g: SheetGrid, opts: { headerRow?: number } = {}): HeaderLayout | null {
  const last = Math.min(g.rows.length, SEARCH_ROWS);
  let best: { row: number; two: boolean; cols: HeaderColumn[]; score: number } | null = null;
  const rows = opts.headerRow ? [opts.headerRow] : Array.from({ length: last }, (_, i) => i + 1);
  for (const r of rows) {
    const one = buildColumns(g, r, false);
    const s1 = score(one);
    // A row is a parent header only if it names something itself (not a title or a unit line).
    const two = r < g.rows.length && s1 > 0 ? buildColumns(g, r, true) : one;
    const s2 = two === one ? s1 : score(two);
    const cand = s2 > s1 ? { row: r, two: true, cols: two, score: s2 } : { row: r, two: false, cols: one, score: s1 };
    if (!best || cand.score > best.score) best = cand;
  }
  if (!best || (best.score === 0 && !opts.headerRow)) return null;
  return { headerRow: best.row, headerRows: best.two ? 2 : 1, dataStart: best.row + (best.two ? 2 : 1), columns: best.cols };
}

/**
 * Applies the user's column mapping (header text or column letter → field key, "" to ignore).
 * A field chosen by the user is taken away from any column it was recognised on. Returns the
 * keys that matched no column.
 */
export function applyMapping(cols: HeaderColumn[], mapping: ImportMapping | undefined): string[] {
  if (!mapping) return [];
  const unknown: string[] = [];
  const assigned = new Map<number, ImportFieldKey | null>();
  // Keys match the header as written (spaces and full-width forms aside), then the lower
  // header of a two-row header, then a column letter.
  for (const [key, value] of Object.entries(mapping)) {
    const k = compactText(key);
    let targets = cols.filter((c) => c.header && compactText(c.header) === k);
    if (!targets.length) targets = cols.filter((c) => c.child && compactText(c.child) === k);
    if (!targets.length) {
      const idx = columnIndex(key);
      const col = idx ? cols.find((c) => c.index === idx) : undefined;
      if (col) targets = [col];
    }
    if (!targets.length) {
      unknown.push(key);
      continue;
    }
    for (const t of targets) assigned.set(t.index, value === '' ? null : value);
  }
  const chosen = new Set([...assigned.values()].filter((v): v is ImportFieldKey => v !== null));
  for (const col of cols) {
    if (assigned.has(col.index)) col.field = assigned.get(col.index)!;
    else if (col.field && chosen.has(col.field)) col.field = null;
  }
  dedupeFields(cols);
  return unknown;
}

/** The mapping in force, as the wizard can save and send back: header text (or letter) → field. */
export function mappingOf(cols: HeaderColumn[]): Record<string, string> {
  const out: Record<string, string> = {};
  const counts = new Map<string, number>();
  for (const c of cols) if (c.header) counts.set(c.header, (counts.get(c.header) ?? 0) + 1);
  for (const c of cols) {
    if (!c.field) continue;
    const key = c.header && counts.get(c.header) === 1 ? c.header : c.letter;
    out[key] = c.field;
  }
  return out;
}

/** The money unit of the sheet: "单位：亿元" above the header, else 万元. */
export function sheetUnit(g: SheetGrid, headerRow: number): AmountUnit {
  for (let r = 1; r < headerRow; r++) {
    for (const v of g.rows[r - 1] ?? []) {
      const t = compactText(cellText(v));
      if (/单位/.test(t)) {
        const u = unitIn(t.slice(t.indexOf('单位')));
        if (u) return u;
      }
    }
  }
  return 'wan';
}

/** Texts above the header (title lines), for the plan year in "……台账（2026年）". */
export function titleTexts(g: SheetGrid, headerRow: number): string[] {
  const out: string[] = [];
  for (let r = 1; r < headerRow; r++) for (const v of g.rows[r - 1] ?? []) if (v !== null) out.push(cellText(v));
  return out;
}
