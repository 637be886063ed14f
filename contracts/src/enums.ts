/** Enumerations of the domain with their Chinese and English labels. */

export interface Labelled<T extends string = string> {
  value: T;
  zh: string;
  en: string;
}

export function labels<const T extends readonly Labelled[]>(items: T) {
  return items;
}

export const ROLES = labels([
  { value: 'admin', zh: '系统管理员', en: 'Platform admin' },
  { value: 'dispatcher', zh: '调度员', en: 'Dispatcher' },
  { value: 'region', zh: '区县/乡镇/园区', en: 'Region user' },
  { value: 'unit', zh: '项目单位', en: 'Project unit' },
  { value: 'department', zh: '职能部门', en: 'Department' },
  { value: 'leader', zh: '包保领导', en: 'Leader' },
  { value: 'supervisor', zh: '督查/效能监察', en: 'Supervisor' },
  { value: 'promotion', zh: '招商', en: 'Investment promotion' },
] as const);
export type Role = (typeof ROLES)[number]['value'];
export const ROLE_VALUES = ROLES.map((r) => r.value) as [Role, ...Role[]];

/** What part of the data a user sees. */
export const SCOPE_TYPES = labels([
  { value: 'all', zh: '全部数据', en: 'All data' },
  { value: 'region', zh: '本区域（含下级）', en: 'Region subtree' },
  { value: 'department', zh: '本部门牵头项目', en: 'Department projects' },
  { value: 'enterprise', zh: '本单位项目', en: 'Own projects (project unit)' },
  { value: 'assigned', zh: '包保的项目', en: 'Assigned projects' },
] as const);
export type ScopeType = (typeof SCOPE_TYPES)[number]['value'];
export const SCOPE_TYPE_VALUES = SCOPE_TYPES.map((r) => r.value) as [ScopeType, ...ScopeType[]];

export const REGION_LEVELS = labels([
  { value: 'province', zh: '省', en: 'Province' },
  { value: 'city', zh: '市', en: 'City' },
  { value: 'county', zh: '县（区）', en: 'County' },
  { value: 'town', zh: '乡镇（街道）', en: 'Town' },
  { value: 'park', zh: '园区', en: 'Park' },
] as const);
export type RegionLevel = (typeof REGION_LEVELS)[number]['value'];
export const REGION_LEVEL_VALUES = REGION_LEVELS.map((r) => r.value) as [RegionLevel, ...RegionLevel[]];

export const DEPARTMENT_KINDS = labels([
  { value: 'department', zh: '职能部门', en: 'Functional department' },
  { value: 'town', zh: '乡镇（街道）', en: 'Town government' },
  { value: 'park', zh: '园区管委会', en: 'Park committee' },
  { value: 'soe', zh: '国有企业', en: 'State-owned enterprise' },
  { value: 'other', zh: '其他单位', en: 'Other' },
] as const);
export type DepartmentKind = (typeof DEPARTMENT_KINDS)[number]['value'];
export const DEPARTMENT_KIND_VALUES = DEPARTMENT_KINDS.map((r) => r.value) as [DepartmentKind, ...DepartmentKind[]];

export const PROJECT_STAGES = labels([
  { value: 'planning', zh: '谋划', en: 'Planning' },
  { value: 'reserve', zh: '储备', en: 'Reserve' },
  { value: 'preliminary', zh: '前期', en: 'Preliminary' },
  { value: 'started', zh: '开工', en: 'Started' },
  { value: 'construction', zh: '在建', en: 'Under construction' },
  { value: 'completed', zh: '竣工', en: 'Completed' },
  { value: 'production', zh: '投产', en: 'In production' },
  { value: 'full_production', zh: '达产达效', en: 'Full production' },
  { value: 'suspended', zh: '停缓建', en: 'Suspended' },
  { value: 'terminated', zh: '终止', en: 'Terminated' },
] as const);
export type ProjectStage = (typeof PROJECT_STAGES)[number]['value'];
export const PROJECT_STAGE_VALUES = PROJECT_STAGES.map((r) => r.value) as [ProjectStage, ...ProjectStage[]];

export const PROJECT_LEVELS = labels([
  { value: 'national', zh: '国家重点', en: 'National key' },
  { value: 'province', zh: '省重点', en: 'Provincial key' },
  { value: 'city', zh: '市重点', en: 'City key' },
  { value: 'county', zh: '县重点', en: 'County key' },
] as const);
export type ProjectLevel = (typeof PROJECT_LEVELS)[number]['value'];
export const PROJECT_LEVEL_VALUES = PROJECT_LEVELS.map((r) => r.value) as [ProjectLevel, ...ProjectLevel[]];

export const CONSTRUCTION_NATURES = labels([
  { value: 'new', zh: '新建', en: 'New build' },
  { value: 'expansion', zh: '扩建', en: 'Expansion' },
  { value: 'renovation', zh: '改建（技改）', en: 'Renovation' },
  { value: 'relocation', zh: '迁建', en: 'Relocation' },
  { value: 'purchase', zh: '单纯购置', en: 'Purchase only' },
] as const);
export type ConstructionNature = (typeof CONSTRUCTION_NATURES)[number]['value'];
export const CONSTRUCTION_NATURE_VALUES = CONSTRUCTION_NATURES.map((r) => r.value) as [ConstructionNature, ...ConstructionNature[]];

export const YEAR_CATEGORIES = labels([
  { value: 'new_start', zh: '新开工', en: 'New start' },
  { value: 'continuing', zh: '续建', en: 'Continuing' },
  { value: 'completion', zh: '竣工投产', en: 'Completion' },
  { value: 'preparatory', zh: '预备（前期）', en: 'Preparatory' },
] as const);
export type YearCategory = (typeof YEAR_CATEGORIES)[number]['value'];
export const YEAR_CATEGORY_VALUES = YEAR_CATEGORIES.map((r) => r.value) as [YearCategory, ...YearCategory[]];

export const PROJECT_FIELDS = labels([
  { value: 'industry', zh: '产业（工业）', en: 'Industry' },
  { value: 'service', zh: '产业（服务业）', en: 'Services' },
  { value: 'agriculture', zh: '产业（农业）', en: 'Agriculture' },
  { value: 'infrastructure', zh: '基础设施', en: 'Infrastructure' },
  { value: 'livelihood', zh: '社会民生', en: 'Social welfare' },
  { value: 'ecology', zh: '生态环保', en: 'Ecology' },
] as const);
export type ProjectField = (typeof PROJECT_FIELDS)[number]['value'];
export const PROJECT_FIELD_VALUES = PROJECT_FIELDS.map((r) => r.value) as [ProjectField, ...ProjectField[]];

export const INVESTMENT_TYPES = labels([
  { value: 'government', zh: '政府投资', en: 'Government' },
  { value: 'enterprise', zh: '企业投资', en: 'Enterprise' },
] as const);
export type InvestmentType = (typeof INVESTMENT_TYPES)[number]['value'];
export const INVESTMENT_TYPE_VALUES = INVESTMENT_TYPES.map((r) => r.value) as [InvestmentType, ...InvestmentType[]];

export const CAPITAL_ORIGINS = labels([
  { value: 'domestic', zh: '内资', en: 'Domestic' },
  { value: 'foreign', zh: '外资', en: 'Foreign' },
] as const);
export type CapitalOrigin = (typeof CAPITAL_ORIGINS)[number]['value'];
export const CAPITAL_ORIGIN_VALUES = CAPITAL_ORIGINS.map((r) => r.value) as [CapitalOrigin, ...CapitalOrigin[]];

/** Funding mix (资金拼盘) sources, amounts in 万元. */
export const FUNDING_SOURCES = labels([
  { value: 'central', zh: '中央预算内', en: 'Central budget' },
  { value: 'specialBond', zh: '专项债', en: 'Special bonds' },
  { value: 'localFiscal', zh: '地方财政', en: 'Local fiscal' },
  { value: 'bankLoan', zh: '银行贷款', en: 'Bank loans' },
  { value: 'selfRaised', zh: '企业自筹', en: 'Self-raised' },
  { value: 'other', zh: '其他', en: 'Other' },
] as const);
export type FundingSource = (typeof FUNDING_SOURCES)[number]['value'];

/** Investment bands used by filters (万元). */
export const INVESTMENT_BANDS = labels([
  { value: 'lt5000', zh: '5000万元以下', en: '< 50 M' },
  { value: '5000to1e4', zh: '5000万—1亿元', en: '50–100 M' },
  { value: '1e4to1e5', zh: '1亿—10亿元', en: '100 M – 1 B' },
  { value: 'ge1e5', zh: '10亿元以上', en: '≥ 1 B' },
] as const);
export type InvestmentBand = (typeof INVESTMENT_BANDS)[number]['value'];
export const INVESTMENT_BAND_VALUES = INVESTMENT_BANDS.map((r) => r.value) as [InvestmentBand, ...InvestmentBand[]];
/** [min inclusive, max exclusive) in 万元; null = open. */
export const INVESTMENT_BAND_RANGES: Record<InvestmentBand, [number | null, number | null]> = {
  lt5000: [null, 5000],
  '5000to1e4': [5000, 10000],
  '1e4to1e5': [10000, 100000],
  ge1e5: [100000, null],
};

export function labelOf(list: readonly Labelled[], value: string | null | undefined, lang: 'zh' | 'en' = 'zh'): string {
  if (value == null) return '';
  const item = list.find((i) => i.value === value);
  return item ? item[lang] : value;
}
