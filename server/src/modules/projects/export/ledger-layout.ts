/**
 * The ledger as officials keep it, shared by the export and the blank import template:
 * a title row, a line with the export date and "单位：万元", one header row, one row per
 * project, and a totals row. The headers are the ones the import recognises, so an exported
 * file can be edited and imported back.
 */
import {
  CONSTRUCTION_NATURES,
  INVESTMENT_TYPES,
  labelOf,
  PROJECT_FIELDS,
  PROJECT_LEVELS,
  PROJECT_STAGES,
  YEAR_CATEGORIES,
  type Labelled,
  type Project,
} from '@tiaodu/contracts';

export type LedgerValue = string | number | Date | null;

export interface LedgerColumn {
  header: string;
  width: number;
  kind: 'seq' | 'text' | 'longtext' | 'amount' | 'area' | 'date' | 'int';
  value: (p: Project) => LedgerValue;
  /** Allowed values offered as a drop-down in the template. */
  choices?: readonly Labelled[];
}

const date = (s: string | null): Date | null => (s ? new Date(`${s}T00:00:00Z`) : null);

export const LEDGER_COLUMNS: LedgerColumn[] = [
  { header: '序号', width: 6, kind: 'seq', value: () => null },
  { header: '项目名称', width: 32, kind: 'text', value: (p) => p.name },
  { header: '项目代码', width: 26, kind: 'text', value: (p) => p.code },
  { header: '统计库编码', width: 16, kind: 'text', value: (p) => p.statsCode },
  { header: '项目级别', width: 10, kind: 'text', value: (p) => labelOf(PROJECT_LEVELS, p.level), choices: PROJECT_LEVELS },
  { header: '建设性质', width: 10, kind: 'text', value: (p) => labelOf(CONSTRUCTION_NATURES, p.nature), choices: CONSTRUCTION_NATURES },
  { header: '年度类别', width: 10, kind: 'text', value: (p) => labelOf(YEAR_CATEGORIES, p.category), choices: YEAR_CATEGORIES },
  { header: '领域', width: 12, kind: 'text', value: (p) => labelOf(PROJECT_FIELDS, p.field), choices: PROJECT_FIELDS },
  { header: '产业链', width: 14, kind: 'text', value: (p) => p.chainTags.join('、') || null },
  { header: '所属区域', width: 12, kind: 'text', value: (p) => p.regionName ?? p.regionCode },
  { header: '建设地点', width: 20, kind: 'text', value: (p) => p.location },
  { header: '项目业主', width: 24, kind: 'text', value: (p) => p.ownerName },
  { header: '统一社会信用代码', width: 21, kind: 'text', value: (p) => p.ownerCreditCode },
  { header: '总投资', width: 14, kind: 'amount', value: (p) => p.totalInvestment },
  { header: '计划开工', width: 12, kind: 'date', value: (p) => date(p.plannedStart) },
  { header: '计划竣工', width: 12, kind: 'date', value: (p) => date(p.plannedCompletion) },
  { header: '实际开工', width: 12, kind: 'date', value: (p) => date(p.actualStart) },
  { header: '实际竣工', width: 12, kind: 'date', value: (p) => date(p.actualCompletion) },
  { header: '当前阶段', width: 10, kind: 'text', value: (p) => labelOf(PROJECT_STAGES, p.stage), choices: PROJECT_STAGES },
  { header: '包保领导', width: 14, kind: 'text', value: (p) => p.leaders.map((l) => l.name).join('、') || null },
  { header: '牵头单位', width: 22, kind: 'text', value: (p) => p.responsibleDeptName },
  { header: '责任人', width: 10, kind: 'text', value: (p) => p.responsiblePerson },
  { header: '联系电话', width: 14, kind: 'text', value: (p) => p.responsiblePhone },
  { header: '建设内容', width: 48, kind: 'longtext', value: (p) => p.content },
  { header: '计划年度', width: 9, kind: 'int', value: (p) => p.planYear },
  { header: '投资类型', width: 10, kind: 'text', value: (p) => labelOf(INVESTMENT_TYPES, p.investmentType), choices: INVESTMENT_TYPES },
  { header: '用地面积（亩）', width: 12, kind: 'area', value: (p) => p.landArea },
  { header: '联络员', width: 10, kind: 'text', value: (p) => p.liaisonName },
  { header: '联络员电话', width: 14, kind: 'text', value: (p) => p.liaisonPhone },
];

export { AMOUNT_FORMAT } from '../../../lib/xlsx/write.js';
export const DATE_FORMAT = 'yyyy"."mm"."dd';

/** "桐庐县重点项目台账（2026年）", or "重点项目台账" when neither is known. */
export function ledgerTitle(regionName: string | null, planYear: number | null | undefined): string {
  return `${regionName ?? ''}重点项目台账${planYear ? `（${planYear}年）` : ''}`;
}

/** 2026-06-15 → "2026年6月15日". */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
