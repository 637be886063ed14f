/**
 * From parsed rows to an import plan: references resolved, each row matched to an existing
 * project (by 项目代码, else by name + region within the user's scope) or planned as a new one,
 * defaults applied to new projects, changed fields listed for existing ones, and every problem
 * collected. Pure: the service loads the lookup tables and writes the plan.
 *
 * Rules decided here (the file does not say otherwise):
 * - Required for a new project: 项目名称, 总投资, 所属区域 (a user whose scope is one region
 *   without sub-regions may leave the region out: it defaults to that region).
 * - Defaults of a new project: 项目级别 县重点; 建设性质 新建; 领域 from the section title
 *   ("（一）工业项目"), else 产业（工业）; 投资类型 企业投资; 计划年度 from a column, else the
 *   title ("……（2026年）"), else the current year; stage from a 当前阶段 column, else the
 *   initial stage of the category.
 * - 年度类别: a column, else the section title ("一、续建项目"), else the stage column
 *   (谋划/储备/前期 → 预备, 开工/在建/停缓建 → 续建, 竣工 and later → 竣工投产), else the planned
 *   start against the plan year (later → 预备, same year → 新开工, earlier → 续建, or 竣工投产
 *   when completion falls in the plan year), else 续建.
 * - An existing project changes only in the fields the row gives; an empty cell never clears a
 *   stored value. A 当前阶段 that differs moves the stage (forward moves only, recorded as a
 *   stage event "台账导入"); the owner enterprise named in a row is registered when unknown.
 * - A code held by a project outside the user's scope is refused without naming that project.
 */
import {
  ProjectCreateSchema,
  type ConstructionNature,
  type ImportError,
  type ImportResult,
  type InvestmentType,
  type Project,
  type ProjectField,
  type ProjectLevel,
  type ProjectStage,
  type YearCategory,
} from '@tiaodu/contracts';
import type { SessionUser } from '../../../../core/context.js';
import { initialStage, stageMoveError } from '../../domain/stages.js';
import type { ParsedRow, RowValues } from './parse-row.js';
import type { DeptIndex, LeaderIndex, RegionIndex } from './resolve.js';
import type { PersonRef } from './values.js';
import { personKey, trailingTitle } from './names.js';
import { compactText } from '../../../../lib/xlsx/text.js';

export interface EnterpriseRef {
  id: number;
  name: string;
  creditCode: string | null;
}

/** The stored fields an import sets. */
export interface ProjectValues {
  name: string;
  code: string | null;
  statsCode: string | null;
  level: ProjectLevel;
  nature: ConstructionNature;
  category: YearCategory;
  planYear: number;
  field: ProjectField;
  chainTags: string[];
  investmentType: InvestmentType;
  regionCode: string;
  location: string | null;
  landArea: number | null;
  ownerEnterpriseId: number | null;
  responsibleDeptId: number | null;
  responsiblePerson: string | null;
  responsiblePhone: string | null;
  liaisonName: string | null;
  liaisonPhone: string | null;
  totalInvestment: number;
  plannedStart: string | null;
  plannedCompletion: string | null;
  actualStart: string | null;
  actualCompletion: string | null;
  content: string | null;
  stage: ProjectStage;
}

export const VALUE_LABELS: Record<keyof ProjectValues | 'leaderIds', string> = {
  name: '项目名称',
  code: '项目代码',
  statsCode: '统计库编码',
  level: '项目级别',
  nature: '建设性质',
  category: '年度类别',
  planYear: '计划年度',
  field: '领域',
  chainTags: '产业链',
  investmentType: '投资类型',
  regionCode: '所属区域',
  location: '建设地点',
  landArea: '用地面积',
  ownerEnterpriseId: '项目业主',
  leaderIds: '包保领导',
  responsibleDeptId: '牵头单位',
  responsiblePerson: '责任人',
  responsiblePhone: '联系电话',
  liaisonName: '联络员',
  liaisonPhone: '联络员电话',
  totalInvestment: '总投资',
  plannedStart: '计划开工',
  plannedCompletion: '计划竣工',
  actualStart: '实际开工',
  actualCompletion: '实际竣工',
  content: '建设内容',
  stage: '当前阶段',
};

/** The owner of a row: a registered enterprise, or one the import registers (by name). */
export type OwnerRef = { id: number } | { newName: string };

export interface NewEnterprise {
  name: string;
  creditCode: string | null;
  regionCode: string | null;
  row: number;
}

export interface ResolvedRow {
  parsed: ParsedRow;
  regionCode?: string;
  deptId?: number;
  leaderIds?: number[];
  owner?: OwnerRef;
}

/** A unit the import creates (createMissing): negative `id` stands for it until it is written. */
export interface NewDepartment {
  id: number;
  name: string;
  shortName: string | null;
  /** As first written in the file. */
  text: string;
  regionCode: string;
  rows: number[];
}

/** A leader (a person) the import creates; negative `id` until written. */
export interface NewLeader {
  id: number;
  name: string;
  title: string | null;
  text: string;
  regionCode: string | null;
  rows: number[];
}

export interface MatchedName {
  text: string;
  id: number;
  name: string;
  exact: boolean;
}

export interface ResolveContext {
  user: SessionUser;
  regions: RegionIndex;
  depts: DeptIndex;
  leaders: LeaderIndex;
  /** Unknown units and leaders are created (the user may manage units and people) instead of refused. */
  createMissing?: boolean;
  /** The importer's choices for names of the file (by the name as written, compacted): an id, or null to create. */
  matches?: { departments: Record<string, number | null>; leaders: Record<string, number | null> };
  /** Registered units and leaders by id, for the importer's choices. */
  deptById?: Map<number, { id: number; name: string }>;
  leaderById?: Map<number, { id: number; name: string }>;
  /** The region new units belong to (the county itself), else the row's region. */
  unitRegion?: string | null;
  newDepartments?: Map<string, NewDepartment>;
  newLeaders?: Map<string, NewLeader>;
  matchedDepartments?: Map<string, MatchedName>;
  matchedLeaders?: Map<string, MatchedName>;
  enterprisesByName: Map<string, EnterpriseRef>;
  enterprisesByCode: Map<string, EnterpriseRef>;
  /** The region of a user whose scope is one region without children. */
  defaultRegion: string | null;
  /** Enterprises the file introduces, by name (filled while resolving). */
  newEnterprises: Map<string, NewEnterprise>;
}

function err(p: ParsedRow, key: keyof RowValues, message: string): void {
  p.errors.push({ row: p.row, column: p.columns[key] ?? '', value: p.raw[key] ?? '', message });
}

/** Resolves the references of one row; problems are added to the row's errors. */
export function resolveRow(p: ParsedRow, ctx: ResolveContext): ResolvedRow {
  const out: ResolvedRow = { parsed: p };
  const v = p.values;
  if (v.regionText) {
    const r = ctx.regions.match(v.regionText, ctx.user);
    if (r.ok) out.regionCode = r.value.code;
    else err(p, 'regionText', r.error);
  } else if (ctx.defaultRegion) out.regionCode = ctx.defaultRegion;

  if (v.depts?.length) {
    let first: number | undefined;
    for (const name of v.depts) {
      const id = resolveDept(p, name, out.regionCode ?? null, ctx);
      if (id !== undefined) first ??= id;
    }
    if (first !== undefined) out.deptId = first;
  }

  if (v.leaders?.length) {
    const ids: number[] = [];
    let bad = false;
    for (const person of v.leaders) {
      const id = resolveLeader(p, person, ctx);
      if (id === undefined) bad = true;
      else if (!ids.includes(id)) ids.push(id);
    }
    if (!bad) out.leaderIds = ids;
  }

  const name = v.ownerName;
  const code = v.ownerCreditCode;
  if (name || code) {
    const byCode = code ? ctx.enterprisesByCode.get(code) : undefined;
    const byName = name ? ctx.enterprisesByName.get(name) : undefined;
    if (byCode) {
      if (byName && byName.id !== byCode.id) err(p, 'ownerCreditCode', `统一社会信用代码「${code}」已登记为其他企业「${byCode.name}」，与项目业主「${name}」不一致`);
      else out.owner = { id: byCode.id };
    } else if (byName) {
      if (code && byName.creditCode && byName.creditCode !== code) err(p, 'ownerCreditCode', `项目业主「${name}」已登记的统一社会信用代码与文件中的「${code}」不一致`);
      else out.owner = { id: byName.id };
    } else if (name) {
      const seen = ctx.newEnterprises.get(name);
      const codeTwin = code ? [...ctx.newEnterprises.values()].find((e) => e.creditCode === code && e.name !== name) : undefined;
      if (name.length < 2) err(p, 'ownerName', '项目业主名称至少2个字');
      else if (seen && code && seen.creditCode && seen.creditCode !== code) err(p, 'ownerCreditCode', `项目业主「${name}」在第${seen.row}行的统一社会信用代码不同`);
      else if (codeTwin) err(p, 'ownerCreditCode', `统一社会信用代码「${code}」在第${codeTwin.row}行属于「${codeTwin.name}」`);
      else {
        if (!seen) ctx.newEnterprises.set(name, { name, creditCode: code ?? null, regionCode: out.regionCode ?? null, row: p.row });
        else if (!seen.creditCode && code) seen.creditCode = code;
        out.owner = { newName: name };
      }
    } else {
      err(p, 'ownerCreditCode', `统一社会信用代码「${code}」未登记，请同时填写项目业主名称`);
    }
  }
  return out;
}

function noteMatch(map: Map<string, MatchedName> | undefined, m: MatchedName): void {
  if (map && !map.has(m.text)) map.set(m.text, m);
}

/** A unit named by a row: the importer's choice, a registered unit (near names too), or — when allowed — one to create. */
function resolveDept(p: ParsedRow, name: string, projectRegion: string | null, ctx: ResolveContext): number | undefined {
  const text = compactText(name);
  const choice = ctx.matches?.departments[text];
  if (choice != null) {
    const d = ctx.deptById?.get(choice);
    if (!d) {
      err(p, 'depts', `为「${text}」选择的单位不存在`);
      return undefined;
    }
    noteMatch(ctx.matchedDepartments, { text, id: d.id, name: d.name, exact: false });
    return d.id;
  }
  if (choice !== null) {
    const d = ctx.depts.match(name, projectRegion, ctx.user);
    if (d.ok) {
      noteMatch(ctx.matchedDepartments, { text, id: d.value.id, name: d.value.name, exact: !d.near });
      return d.value.id;
    }
    if (!d.unknown || !ctx.createMissing) {
      err(p, 'depts', d.error);
      return undefined;
    }
  } else if (!ctx.createMissing) {
    err(p, 'depts', `未找到牵头单位「${text}」，您没有新建单位的权限`);
    return undefined;
  }
  const regionCode = ctx.unitRegion ?? projectRegion;
  if (!regionCode) {
    err(p, 'depts', `新建单位「${text}」须先确定所属区域`);
    return undefined;
  }
  const key = `${regionCode}\u0000${ctx.depts.nearKey(text)}`;
  const map = (ctx.newDepartments ??= new Map());
  let nd = map.get(key);
  if (!nd) {
    const region = ctx.regions.get(regionCode);
    nd = { id: -(map.size + 1), ...unitNames(text, region?.name ?? null, region?.level ?? null), text, regionCode, rows: [] };
    map.set(key, nd);
  }
  if (!nd.rows.includes(p.row)) nd.rows.push(p.row);
  return nd.id;
}

/** "县水利局" in 桐庐县 → 桐庐县水利局 (short name 县水利局); a name that already carries its region, or another form, stays as written. */
export function unitNames(text: string, regionName: string | null, regionLevel: string | null): { name: string; shortName: string | null } {
  if (regionName && (regionLevel === 'county' || regionLevel === 'city') && /^[县市区]/.test(text) && text.length >= 3 && !text.startsWith(regionName)) {
    return { name: regionName + text.slice(1), shortName: text.length <= 30 ? text : null };
  }
  return { name: text, shortName: null };
}

/** A leader named by a row: the importer's choice, a registered leader (near names too), or — when allowed — one to create. */
function resolveLeader(p: ParsedRow, person: PersonRef, ctx: ResolveContext): number | undefined {
  const text = compactText(person.name);
  const choice = ctx.matches?.leaders[text];
  if (choice != null) {
    const l = ctx.leaderById?.get(choice);
    if (!l) {
      err(p, 'leaders', `为「${text}」选择的领导不存在`);
      return undefined;
    }
    noteMatch(ctx.matchedLeaders, { text, id: l.id, name: l.name, exact: false });
    return l.id;
  }
  if (choice !== null) {
    const l = ctx.leaders.match(person);
    if (l.ok) {
      noteMatch(ctx.matchedLeaders, { text, id: l.value.id, name: l.value.displayName, exact: !l.near });
      return l.value.id;
    }
    if (!l.unknown || !ctx.createMissing) {
      err(p, 'leaders', l.error);
      return undefined;
    }
  } else if (!ctx.createMissing) {
    err(p, 'leaders', `未找到包保领导「${text}」，您没有新建领导的权限`);
    return undefined;
  }
  const key = personKey(person.name);
  const map = (ctx.newLeaders ??= new Map());
  let nl = map.get(key);
  if (!nl) {
    nl = { id: -(map.size + 1), name: key, title: person.title ?? trailingTitle(person.name), text, regionCode: ctx.unitRegion ?? null, rows: [] };
    map.set(key, nl);
  } else if (!nl.title && person.title) nl.title = person.title;
  if (!nl.rows.includes(p.row)) nl.rows.push(p.row);
  return nl.id;
}

export interface ExistingLookup {
  /** Non-deleted projects by code, with whether the user may see them. */
  byCode: Map<string, { id: number; inScope: boolean }>;
  /** In-scope, non-deleted projects by name + region. */
  byNameRegion: Map<string, number[]>;
  projects: Map<number, Project>;
}

export const nameRegionKey = (name: string, regionCode: string) => `${name}\u0000${regionCode}`;

export interface PlannedCreate {
  row: number;
  values: ProjectValues;
  owner?: OwnerRef;
  leaderIds: number[];
}

export interface PlannedUpdate {
  row: number;
  cur: Project;
  next: ProjectValues;
  owner?: OwnerRef;
  /** New leader list when it changed. */
  leaderIds?: number[];
  changes: string[];
}

export interface ImportPlan {
  creates: PlannedCreate[];
  updates: PlannedUpdate[];
  unchanged: number;
  errors: ImportError[];
  preview: NonNullable<ImportResult['preview']>;
}

export interface PlanContext {
  user: SessionUser;
  today: string;
  /** Plan year of new projects; from the title ("……（2026年）") when `planYearFromFile`. */
  planYear: number;
  planYearFromFile: boolean;
}

function categoryFor(v: RowValues, planYear: number): YearCategory {
  if (v.category) return v.category;
  switch (v.stage) {
    case 'planning':
    case 'reserve':
    case 'preliminary':
      return 'preparatory';
    case 'started':
    case 'construction':
    case 'suspended':
      return 'continuing';
    case 'completed':
    case 'production':
    case 'full_production':
      return 'completion';
    default:
      break;
  }
  if (v.plannedStart) {
    const start = Number(v.plannedStart.slice(0, 4));
    if (start > planYear) return 'preparatory';
    if (start === planYear) return 'new_start';
    if (v.plannedCompletion && Number(v.plannedCompletion.slice(0, 4)) === planYear) return 'completion';
  }
  return 'continuing';
}

/** Column (as in the file) of a stored field, for the messages of schema checks. */
const COLUMN_OF: Partial<Record<string, keyof RowValues>> = {
  regionCode: 'regionText',
  ownerEnterpriseId: 'ownerName',
  leaderIds: 'leaders',
  responsibleDeptId: 'depts',
};

function schemaCheck(p: ParsedRow, values: ProjectValues, leaderIds: number[]): void {
  // units and leaders the import creates stand as negative ids until written
  const r = ProjectCreateSchema.safeParse({
    ...values,
    responsibleDeptId: values.responsibleDeptId == null ? values.responsibleDeptId : Math.abs(values.responsibleDeptId),
    ownerEnterpriseId: values.ownerEnterpriseId ?? undefined,
    leaderIds: leaderIds.map(Math.abs),
  });
  if (r.success) return;
  const seen = new Set<string>();
  for (const issue of r.error.issues) {
    const path = String(issue.path[0] ?? '');
    if (seen.has(path)) continue;
    seen.add(path);
    const key = (COLUMN_OF[path] ?? path) as keyof RowValues;
    if (p.errors.some((e) => e.column === (p.columns[key] ?? '') && e.column !== '')) continue;
    err(p, key, issue.message);
  }
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function currentValues(cur: Project): ProjectValues {
  return {
    name: cur.name,
    code: cur.code,
    statsCode: cur.statsCode,
    level: cur.level,
    nature: cur.nature,
    category: cur.category,
    planYear: cur.planYear,
    field: cur.field,
    chainTags: cur.chainTags,
    investmentType: cur.investmentType,
    regionCode: cur.regionCode,
    location: cur.location,
    landArea: cur.landArea,
    ownerEnterpriseId: cur.ownerEnterpriseId,
    responsibleDeptId: cur.responsibleDeptId,
    responsiblePerson: cur.responsiblePerson,
    responsiblePhone: cur.responsiblePhone,
    liaisonName: cur.liaisonName,
    liaisonPhone: cur.liaisonPhone,
    totalInvestment: cur.totalInvestment,
    plannedStart: cur.plannedStart,
    plannedCompletion: cur.plannedCompletion,
    actualStart: cur.actualStart,
    actualCompletion: cur.actualCompletion,
    content: cur.content,
    stage: cur.stage,
  };
}

/** The stored fields a row gives a value for (empty cells never clear a value). */
function givenValues(r: ResolvedRow, ctx: PlanContext): Partial<ProjectValues> {
  const v = r.parsed.values;
  const g: Partial<ProjectValues> = {};
  const copy = <K extends keyof ProjectValues & keyof RowValues>(k: K) => {
    if (v[k] !== undefined) (g as Record<string, unknown>)[k] = v[k];
  };
  copy('name');
  copy('code');
  copy('statsCode');
  copy('level');
  copy('nature');
  copy('category');
  copy('field');
  copy('chainTags');
  copy('investmentType');
  copy('location');
  copy('landArea');
  copy('responsiblePerson');
  copy('responsiblePhone');
  copy('liaisonName');
  copy('liaisonPhone');
  copy('totalInvestment');
  copy('plannedStart');
  copy('plannedCompletion');
  copy('actualStart');
  copy('actualCompletion');
  copy('content');
  copy('stage');
  if (v.planYear !== undefined) g.planYear = v.planYear;
  else if (ctx.planYearFromFile) g.planYear = ctx.planYear;
  if (r.regionCode && v.regionText) g.regionCode = r.regionCode;
  if (r.deptId !== undefined) g.responsibleDeptId = r.deptId;
  if (r.owner && 'id' in r.owner) g.ownerEnterpriseId = r.owner.id;
  return g;
}

/**
 * Matches rows to projects and plans creates and updates. Rows with errors are left out of the
 * plan (the whole import is refused when any row has an error).
 */
export function planImport(rows: ResolvedRow[], existing: ExistingLookup, ctx: PlanContext): ImportPlan {
  const plan: ImportPlan = { creates: [], updates: [], unchanged: 0, errors: [], preview: [] };
  const codeRow = new Map<string, number>();
  const targetRow = new Map<number, number>();
  const newKeyRow = new Map<string, number>();

  for (const r of rows) {
    const p = r.parsed;
    const v = p.values;
    if (v.code) {
      const prev = codeRow.get(v.code);
      if (prev !== undefined) err(p, 'code', `项目代码与第${prev}行重复`);
      else codeRow.set(v.code, p.row);
    }

    // Which project the row is about.
    let target: Project | undefined;
    if (v.code) {
      const hit = existing.byCode.get(v.code);
      if (hit && !hit.inScope) err(p, 'code', '项目代码已被其他区域的项目使用');
      else if (hit) target = existing.projects.get(hit.id);
    }
    if (!target && !(v.code && existing.byCode.has(v.code))) {
      const region = r.regionCode;
      if (v.name && region) {
        const ids = (existing.byNameRegion.get(nameRegionKey(v.name, region)) ?? []).filter((id) => {
          const cur = existing.projects.get(id);
          return cur && (!v.code || !cur.code || cur.code === v.code);
        });
        if (ids.length > 1) err(p, 'name', `该区域已有${ids.length}个名为「${v.name}」的项目，请填写项目代码以区分`);
        else if (ids.length === 1) target = existing.projects.get(ids[0]!);
      }
    }

    if (target) {
      const prev = targetRow.get(target.id);
      if (prev !== undefined) err(p, v.code ? 'code' : 'name', `与第${prev}行是同一个项目`);
      else targetRow.set(target.id, p.row);
      planUpdate(r, target, ctx, plan);
    } else {
      // Required for a new project (unless the cell was already refused as unreadable).
      const missing = (key: keyof RowValues, label: string) => {
        if (p.errors.some((e) => e.column && e.column === p.columns[key])) return;
        err(p, key, p.columns[key] === undefined ? `文件中没有「${label}」列，新建项目须填写${label}` : `${label}不能为空`);
      };
      if (!v.name) missing('name', '项目名称');
      if (v.totalInvestment === undefined) missing('totalInvestment', '总投资');
      if (!r.regionCode && !v.regionText) missing('regionText', '所属区域');
      if (v.name && r.regionCode) {
        const key = nameRegionKey(v.name, r.regionCode);
        const prev = newKeyRow.get(key);
        if (prev !== undefined) err(p, 'name', `与第${prev}行的项目名称和所属区域相同`);
        else newKeyRow.set(key, p.row);
      }
      planCreate(r, ctx, plan);
    }
    plan.errors.push(...p.errors);
  }
  return plan;
}

function planCreate(r: ResolvedRow, ctx: PlanContext, plan: ImportPlan): void {
  const p = r.parsed;
  const v = p.values;
  const planYear = v.planYear ?? ctx.planYear;
  const category = categoryFor(v, planYear);
  const values: ProjectValues = {
    name: v.name ?? '',
    code: v.code ?? null,
    statsCode: v.statsCode ?? null,
    level: v.level ?? 'county',
    nature: v.nature ?? 'new',
    category,
    planYear,
    field: v.field ?? 'industry',
    chainTags: v.chainTags ?? [],
    investmentType: v.investmentType ?? 'enterprise',
    regionCode: r.regionCode ?? '',
    location: v.location ?? null,
    landArea: v.landArea ?? null,
    ownerEnterpriseId: r.owner && 'id' in r.owner ? r.owner.id : null,
    responsibleDeptId: r.deptId ?? null,
    responsiblePerson: v.responsiblePerson ?? null,
    responsiblePhone: v.responsiblePhone ?? null,
    liaisonName: v.liaisonName ?? null,
    liaisonPhone: v.liaisonPhone ?? null,
    totalInvestment: v.totalInvestment ?? 0,
    plannedStart: v.plannedStart ?? null,
    plannedCompletion: v.plannedCompletion ?? null,
    actualStart: v.actualStart ?? null,
    actualCompletion: v.actualCompletion ?? null,
    content: v.content ?? null,
    stage: v.stage ?? initialStage(category),
  };
  if (!p.errors.length) schemaCheck(p, values, r.leaderIds ?? []);
  plan.preview.push({ row: p.row, action: 'create', name: values.name, code: values.code, changes: [] });
  if (!p.errors.length) plan.creates.push({ row: p.row, values, owner: r.owner, leaderIds: r.leaderIds ?? [] });
}

function planUpdate(r: ResolvedRow, cur: Project, ctx: PlanContext, plan: ImportPlan): void {
  const p = r.parsed;
  const before = currentValues(cur);
  const given = givenValues(r, ctx);
  const next: ProjectValues = { ...before, ...given };
  const changes: string[] = [];
  for (const k of Object.keys(given) as (keyof ProjectValues)[]) {
    if (!same(before[k], next[k])) changes.push(VALUE_LABELS[k]);
  }
  if (r.owner && 'newName' in r.owner) changes.push(VALUE_LABELS.ownerEnterpriseId);
  let leaderIds: number[] | undefined;
  if (r.leaderIds && !same(r.leaderIds, cur.leaders.map((l) => l.id))) {
    leaderIds = r.leaderIds;
    changes.push(VALUE_LABELS.leaderIds);
  }
  if (next.stage !== cur.stage) {
    const e = stageMoveError({ from: cur.stage, to: next.stage, date: ctx.today, today: ctx.today });
    if (e) err(p, 'stage', e);
  }
  if (next.plannedStart && next.plannedCompletion && next.plannedCompletion < next.plannedStart && !p.errors.length) {
    err(p, given.plannedCompletion ? 'plannedCompletion' : 'plannedStart', `计划竣工时间（${next.plannedCompletion}）早于计划开工时间（${next.plannedStart}）`);
  }
  if (next.actualStart && next.actualCompletion && next.actualCompletion < next.actualStart && !p.errors.length) {
    err(p, given.actualCompletion ? 'actualCompletion' : 'actualStart', `实际竣工时间（${next.actualCompletion}）早于实际开工时间（${next.actualStart}）`);
  }
  if (!p.errors.length && changes.length) schemaCheck(p, next, leaderIds ?? cur.leaders.map((l) => l.id));
  const action = changes.length ? 'update' : 'unchanged';
  plan.preview.push({ row: p.row, action, name: next.name, code: next.code, changes });
  if (p.errors.length) return;
  if (changes.length) plan.updates.push({ row: p.row, cur, next, owner: r.owner, leaderIds, changes });
  else plan.unchanged++;
}
