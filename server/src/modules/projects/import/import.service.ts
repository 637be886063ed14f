/**
 * Excel import of the project ledger: inspect a file (sheets, header, column mapping), check it
 * (dry run: every error, and what would be created or changed), and import it atomically —
 * one transaction, nothing written when any row has an error, one audit event per project.
 */
import { withMovedContributions } from '../../dashboard/rollups.js';
import { publish } from '../../../core/events.js';
import {
  CONSTRUCTION_NATURES,
  IMPORT_FIELDS,
  INVESTMENT_TYPES,
  PROJECT_FIELDS,
  PROJECT_LEVELS,
  PROJECT_STAGES,
  YEAR_CATEGORIES,
  can,
  type ImportMatches,
  type ImportError,
  type ImportInspect,
  type ImportMapping,
  type ImportResult,
  type Project,
} from '@tiaodu/contracts';
import type { Ctx } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import { diff, writeAudit, type AuditInput } from '../../../core/audit.js';
import { chinaToday } from '../../../core/clock.js';
import { cellText } from '../../../lib/xlsx/cells.js';
import { fillMerges, type SheetGrid, type WorkbookGrid } from '../../../lib/xlsx/grid.js';
import { readWorkbook, XlsxReadError } from '../../../lib/xlsx/read.js';
import { cleanText } from '../../../lib/xlsx/text.js';
import { toProject } from '../projects.repository.js';
import { auditView } from '../projects.service.js';
import { applyMapping, detectHeader, mappingOf, sheetUnit, titleTexts, type HeaderLayout } from './domain/headers.js';
import { parseRow, type ParsedRow } from './domain/parse-row.js';
import {
  nameRegionKey,
  planImport,
  resolveRow,
  VALUE_LABELS,
  type EnterpriseRef,
  type ExistingLookup,
  type ImportPlan,
  type PlannedUpdate,
  type ProjectValues,
  type ResolveContext,
  type ResolvedRow,
} from './domain/plan.js';
import { regionInScope } from '../../../core/scope.js';
import { leaderLevelOf } from '../../admin/users.service.js';
import { departments, people } from '../../../db/schema.js';
import { z } from 'zod';
import { getSetting, putSetting } from '../../../core/settings.js';
import type { DbOrTx } from '../../../db/client.js';
import { homeRegion } from '../../setup/setup.service.js';
import { DeptIndex, LeaderIndex, RegionIndex } from './domain/resolve.js';
import { projectRows } from './domain/rows.js';
import { yearInTitle } from './domain/values.js';
import * as repo from './import.repository.js';

export interface ImportOptions {
  dryRun: boolean;
  mapping?: ImportMapping;
  sheet?: string;
  headerRow?: number;
  filename?: string;
  /** Region of rows without one; by default the user's own region, or the county (city) itself when the file has no region column. */
  defaultRegionCode?: string;
  /** Create unknown units and leaders (only for users who may manage units and people). */
  createMissing?: boolean;
  /** The importer's choices for names of the file. */
  matches?: ImportMatches;
}

export type ImportPhase = 'parsing' | 'validating' | 'writing' | 'done';
export type OnProgress = (p: { phase: ImportPhase; done: number; total: number }) => void;

/** Rows handled between two yields to the event loop. */
const BATCH = 250;
const tick = () => new Promise<void>((r) => setImmediate(r));

async function readFile(file: Buffer): Promise<WorkbookGrid> {
  try {
    return await readWorkbook(file);
  } catch (e) {
    if (e instanceof XlsxReadError) throw new AppError('FILE_INVALID', e.message);
    throw e;
  }
}

interface OpenedSheet {
  sheets: string[];
  sheet: SheetGrid;
  layout: HeaderLayout;
  /** Merges filled: both ways in the header, downwards below. */
  grid: SheetGrid;
}

function sheetScore(g: SheetGrid): number {
  const layout = detectHeader(fillMerges(g, 30));
  if (!layout) return 0;
  return layout.columns.reduce((s, c) => s + (c.field === 'name' ? 4 : c.field ? 1 : 0), 0);
}

/** Picks the sheet (named, else the visible one whose header names the most fields) and its header. */
function openSheet(wb: WorkbookGrid, opts: { sheet?: string; headerRow?: number; mapping?: ImportMapping }): OpenedSheet {
  const names = wb.sheets.map((s) => s.name);
  let sheet: SheetGrid | undefined;
  if (opts.sheet) {
    sheet = wb.sheets.find((s) => s.name === opts.sheet) ?? wb.sheets.find((s) => s.name.trim() === opts.sheet!.trim());
    if (!sheet) throw new AppError('VALIDATION', `工作簿中没有名为「${opts.sheet}」的工作表（现有：${names.join('、')}）`, [{ path: 'sheet', message: '工作表不存在' }]);
  } else {
    const visible = wb.sheets.filter((s) => !s.hidden && s.rows.length > 0);
    let best = -1;
    for (const s of visible.length ? visible : wb.sheets) {
      const sc = sheetScore(s);
      if (sc > best) {
        best = sc;
        sheet = s;
      }
    }
  }
  sheet ??= wb.sheets[0]!;
  if (opts.headerRow && opts.headerRow > Math.max(sheet.rows.length, 1)) {
    throw new AppError('VALIDATION', `表头行（第${opts.headerRow}行）超出了工作表的行数（${sheet.rows.length}行）`, [{ path: 'headerRow', message: '超出行数' }]);
  }
  const top = fillMerges(sheet, opts.headerRow ? opts.headerRow + 1 : 30);
  const layout = detectHeader(top, { headerRow: opts.headerRow }) ?? detectHeader(top, { headerRow: 1 })!;
  applyMapping(layout.columns, opts.mapping);
  return { sheets: names, sheet, layout, grid: fillMerges(sheet, layout.dataStart - 1) };
}

/**
 * The region of rows without one: the one the importer chose (any region they may write to);
 * else a region user's own region when it has no sub-regions or the file has no region column;
 * else, for a user who sees everything and a file without a region column, the county (or
 * city) the platform serves.
 */
async function defaultRegionOf(ctx: Ctx, opts: { defaultRegionCode?: string; regionColumn: boolean }): Promise<string | null> {
  const u = ctx.user;
  if (opts.defaultRegionCode) {
    const exists = await repo.regionExists(ctx.db, opts.defaultRegionCode);
    if (!exists) throw new AppError('VALIDATION', `默认区域「${opts.defaultRegionCode}」不存在`, [{ path: 'defaultRegionCode', message: '区域不存在' }]);
    if (!regionInScope(u, opts.defaultRegionCode)) throw new AppError('VALIDATION', '默认区域不在您的管辖范围内', [{ path: 'defaultRegionCode', message: '不在管辖范围内' }]);
    return opts.defaultRegionCode;
  }
  if (u.scopeType === 'region' && u.regionCode) {
    if (!opts.regionColumn) return u.regionCode;
    return (await repo.regionHasChildren(ctx.db, u.regionCode)) ? null : u.regionCode;
  }
  if (u.scopeType === 'all' && !opts.regionColumn) return (await homeRegion(ctx))?.code ?? null;
  return null;
}

/** Whether the user may let an import create units and leaders. */
export const canCreateMissing = (ctx: Ctx) => can(ctx.user.role, 'admin:department') && can(ctx.user.role, 'admin:user');

/** The sheets, the detected header and each column's field and first values, for the mapping step. */
export async function inspectImport(ctx: Ctx, file: Buffer, opts: { sheet?: string; headerRow?: number; mapping?: ImportMapping; defaultRegionCode?: string }): Promise<ImportInspect> {
  const wb = await readFile(file);
  const { sheets, sheet, layout, grid } = openSheet(wb, opts);
  // The first three project rows, else the first three non-empty rows under the header.
  const sampleRows: number[] = [];
  for (const r of projectRows(grid.rows, layout.dataStart, layout.columns)) {
    sampleRows.push(r.row);
    if (sampleRows.length === 3) break;
  }
  if (!sampleRows.length) {
    for (let r = layout.dataStart; sampleRows.length < 3 && r <= grid.rows.length; r++) {
      if ((grid.rows[r - 1] ?? []).some((v) => v !== null)) sampleRows.push(r);
    }
  }
  const regionColumn = layout.columns.some((c) => c.field === 'region');
  const defaultRegion = await defaultRegionOf(ctx, { defaultRegionCode: opts.defaultRegionCode, regionColumn });
  return {
    regionColumn,
    defaultRegionCode: defaultRegion,
    canCreateMissing: canCreateMissing(ctx),
    sheets,
    sheet: sheet.name,
    headerRow: layout.headerRow,
    columns: layout.columns
      .filter((c) => c.header || sampleRows.some((r) => grid.rows[r - 1]?.[c.index - 1] != null))
      .map((c) => ({
        index: c.index,
        letter: c.letter,
        header: c.header,
        field: c.field,
        sample: sampleRows.map((r) => cleanText(cellText(grid.rows[r - 1]?.[c.index - 1] ?? null))),
      })),
    fields: IMPORT_FIELDS.map((f) => ({ key: f.key, label: f.zh, required: f.key === 'region' ? !defaultRegion : f.required })),
  };
}

function fileError(row: number, message: string, column = ''): ImportError {
  return { row, column, value: '', message };
}

/**
 * Checks and (unless dry run) imports a ledger file. A dry run returns the plan and every error
 * with HTTP 200; a real run with errors writes nothing and throws IMPORT_FAILED carrying the result.
 */
export async function importProjects(ctx: Ctx, file: Buffer, opts: ImportOptions, onProgress: OnProgress = () => {}): Promise<ImportResult> {
  onProgress({ phase: 'parsing', done: 0, total: 0 });
  const wb = await readFile(file);
  const { sheet, layout, grid } = openSheet(wb, opts);
  const base: Pick<ImportResult, 'dryRun' | 'sheet' | 'headerRow' | 'mapping' | 'defaultRegionCode' | 'toCreate' | 'matched' | 'changes'> = {
    dryRun: opts.dryRun,
    sheet: sheet.name,
    headerRow: layout.headerRow,
    mapping: mappingOf(layout.columns),
  };
  const fail = (errors: ImportError[], plan?: ImportPlan): ImportResult => {
    const result: ImportResult = { ...base, created: 0, updated: 0, unchanged: 0, errors, preview: plan?.preview ?? [] };
    if (opts.dryRun) return { ...result, created: plan?.creates.length ?? 0, updated: plan?.updates.length ?? 0, unchanged: plan?.unchanged ?? 0 };
    throw new AppError('IMPORT_FAILED', `导入失败：文件中有${errors.length}处错误，未导入任何数据`, result);
  };

  const fields = new Set(layout.columns.map((c) => c.field).filter(Boolean));
  if (!fields.has('name')) {
    return fail([fileError(layout.headerRow, '未识别到「项目名称」列：请检查表头所在的行，或在列映射中指定哪一列是项目名称')]);
  }

  // Parse: rows → typed values, with every problem of every row.
  const unit = sheetUnit(grid, layout.headerRow);
  const titleYear = titleTexts(grid, layout.headerRow).map(yearInTitle).find((y) => y !== null) ?? null;
  const totalRows = Math.max(grid.rows.length - layout.dataStart + 1, 0);
  const parsed: ParsedRow[] = [];
  let seen = 0;
  for (const raw of projectRows(grid.rows, layout.dataStart, layout.columns)) {
    parsed.push(parseRow(raw, { columns: layout.columns, sheetUnit: unit }));
    if (++seen % BATCH === 0) {
      onProgress({ phase: 'parsing', done: raw.row - layout.dataStart + 1, total: totalRows });
      await tick();
    }
  }
  if (!parsed.length) return fail([fileError(layout.dataStart, `工作表「${sheet.name}」的表头下没有可导入的项目行`)]);

  // Validate: resolve references, match existing projects, plan.
  onProgress({ phase: 'validating', done: 0, total: parsed.length });
  const regionColumn = layout.columns.some((c) => c.field === 'region');
  const [regions, depts, leaders, defaultRegion] = await Promise.all([
    repo.loadRegions(ctx.db),
    repo.loadDepartments(ctx.db),
    repo.loadLeaders(ctx.db),
    defaultRegionOf(ctx, { defaultRegionCode: opts.defaultRegionCode, regionColumn }),
  ]);
  base.defaultRegionCode = defaultRegion;
  const createMissing = Boolean(opts.createMissing) && canCreateMissing(ctx);
  const regionIndex = new RegionIndex(regions);
  const ownerNames = [...new Set(parsed.map((p) => p.values.ownerName).filter((v): v is string => Boolean(v)))];
  const ownerCodes = [...new Set(parsed.map((p) => p.values.ownerCreditCode).filter((v): v is string => Boolean(v)))];
  const ents = await repo.findEnterprises(ctx.db, ownerNames, ownerCodes);
  const deptById = new Map(depts.map((d) => [d.id, { id: d.id, name: d.name }]));
  const leaderById = new Map(leaders.map((l) => [l.id, { id: l.id, name: l.displayName }]));
  const rctx: ResolveContext = {
    user: ctx.user,
    regions: regionIndex,
    depts: new DeptIndex(depts, regionIndex),
    leaders: new LeaderIndex(leaders),
    enterprisesByName: new Map(ents.map((e): [string, EnterpriseRef] => [e.name, e])),
    enterprisesByCode: new Map(ents.filter((e) => e.creditCode).map((e): [string, EnterpriseRef] => [e.creditCode!, e])),
    defaultRegion,
    newEnterprises: new Map(),
    createMissing,
    // the importer's earlier choices are remembered; this file's choices come first
    matches: mergeMatches(await loadRememberedMatches(ctx), opts.matches, { depts: deptById, leaders: leaderById }),
    deptById,
    leaderById,
    unitRegion: defaultRegion && ['county', 'city'].includes(regionIndex.get(defaultRegion)?.level ?? '') ? defaultRegion : null,
    newDepartments: new Map(),
    newLeaders: new Map(),
    matchedDepartments: new Map(),
    matchedLeaders: new Map(),
  };
  const resolved: ResolvedRow[] = [];
  for (let i = 0; i < parsed.length; i++) {
    resolved.push(resolveRow(parsed[i]!, rctx));
    if ((i + 1) % BATCH === 0) {
      onProgress({ phase: 'validating', done: i + 1, total: parsed.length });
      await tick();
    }
  }
  const existing = await loadExisting(ctx, resolved);
  const today = chinaToday(ctx.clock.now());
  const plan = planImport(resolved, existing, { user: ctx.user, today, planYear: titleYear ?? Number(today.slice(0, 4)), planYearFromFile: titleYear !== null });
  onProgress({ phase: 'validating', done: parsed.length, total: parsed.length });
  base.toCreate = {
    departments: [...rctx.newDepartments!.values()].map((d) => ({ name: d.name, text: d.text, regionCode: d.regionCode, rows: d.rows })),
    leaders: [...rctx.newLeaders!.values()].map((l) => ({ name: l.name, title: l.title, text: l.text, rows: l.rows })),
  };
  base.matched = { departments: [...rctx.matchedDepartments!.values()], leaders: [...rctx.matchedLeaders!.values()] };
  base.changes = describeChanges(plan.updates, { rctx, regions: regionIndex, depts, leaders, ents });
  if (plan.errors.length) return fail(plan.errors, plan);

  const result: ImportResult = { ...base, created: plan.creates.length, updated: plan.updates.length, unchanged: plan.unchanged, errors: [], preview: plan.preview };
  if (opts.dryRun) {
    onProgress({ phase: 'done', done: parsed.length, total: parsed.length });
    return result;
  }
  await writePlan(ctx, plan, rctx, { filename: opts.filename ?? 'ledger.xlsx', sheet: sheet.name, rows: parsed.length, today }, onProgress, { matches: opts.matches });
  onProgress({ phase: 'done', done: parsed.length, total: parsed.length });
  return result;
}

async function loadExisting(ctx: Ctx, rows: ResolvedRow[]): Promise<ExistingLookup> {
  const codes = [...new Set(rows.map((r) => r.parsed.values.code).filter((c): c is string => Boolean(c)))];
  const pairs = new Map<string, { name: string; regionCode: string }>();
  for (const r of rows) {
    const name = r.parsed.values.name;
    if (name && r.regionCode) pairs.set(nameRegionKey(name, r.regionCode), { name, regionCode: r.regionCode });
  }
  const [byCodeRows, byNameRows] = await Promise.all([repo.findByCodes(ctx.db, ctx.user, codes), repo.findByNameRegion(ctx.db, ctx.user, [...pairs.values()])]);
  const byCode = new Map(byCodeRows.map((r) => [r.code, { id: r.id, inScope: r.inScope }]));
  const byNameRegion = new Map<string, number[]>();
  for (const r of byNameRows) {
    const k = nameRegionKey(r.name, r.regionCode);
    byNameRegion.set(k, [...(byNameRegion.get(k) ?? []), r.id]);
  }
  const ids = new Set<number>([...byCodeRows.filter((r) => r.inScope).map((r) => r.id), ...byNameRows.map((r) => r.id)]);
  const projects = new Map((await repo.loadProjects(ctx.db, [...ids])).map((p): [number, Project] => [p.id, p]));
  return { byCode, byNameRegion, projects };
}

const WRITE_BATCH = 500;

/** Writes a checked plan in one transaction, with the audit events of every change. */
async function writePlan(
  ctx: Ctx,
  plan: ImportPlan,
  rctx: ResolveContext,
  meta: { filename: string; sheet: string; rows: number; today: string },
  onProgress: OnProgress,
  opts: { matches?: ImportMatches } = {},
): Promise<void> {
  const total = plan.creates.length + plan.updates.length;
  let done = 0;
  onProgress({ phase: 'writing', done, total });
  const now = ctx.clock.now().toISOString();
  const userId = ctx.user.id || null;
  const realLeaderIds = new Map<number, number>();
  // a leader whose title names no level leads at the level of the region the import is for (县级 for a county)
  const homeLevel = (code: string | null): 'county' | 'city' | null => {
    const level = code ? rctx.regions.get(code)?.level : undefined;
    return level === 'county' || level === 'city' ? level : null;
  };
  await ctx.db.transaction(async (tx) => {
    // Projects changed by someone else since they were read are not overwritten.
    if (plan.updates.length) {
      const versions = await repo.lockVersions(tx, plan.updates.map((u) => u.cur.id));
      const stale = plan.updates.find((u) => versions.get(u.cur.id)?.version !== u.cur.version || versions.get(u.cur.id)?.deleted);
      if (stale) throw new AppError('CONFLICT', `第${stale.row}行的项目「${stale.cur.name}」在导入期间已被他人修改，请重新导入`);
    }
    const audits: AuditInput[] = [];

    // Units and leaders the file introduces (createMissing): written first, their placeholder ids replaced.
    const realIds = new Map<number, number>();
    const newDepts = [...(rctx.newDepartments?.values() ?? [])];
    if (newDepts.length) {
      const rows = await tx
        .insert(departments)
        .values(newDepts.map((d, i) => ({ name: d.name, shortName: d.shortName, kind: 'department', regionCode: d.regionCode, sort: 100 + i })))
        .returning();
      for (const d of newDepts) {
        const row = rows.find((r) => r.name === d.name && r.regionCode === d.regionCode)!;
        realIds.set(d.id, row.id);
        audits.push({ action: 'department.create', entityType: 'department', entityId: row.id, summary: `导入台账时新建单位 ${row.name}`, after: row });
      }
    }
    const newPeople = [...(rctx.newLeaders?.values() ?? [])];
    for (const l of newPeople) {
      const [row] = await tx
        .insert(people)
        .values({ name: l.name, kind: 'leader', title: l.title, level: leaderLevelOf(l.title) ?? homeLevel(l.regionCode), regionCode: l.regionCode, createdAt: now, updatedAt: now })
        .returning();
      realLeaderIds.set(l.id, row!.id);
      audits.push({ action: 'person.create', entityType: 'person', entityId: row!.id, summary: `导入台账时新建包保领导 ${row!.name}${row!.title ? `（${row!.title}）` : ''}`, after: row });
    }
    const dept = (id: number | null | undefined) => (id != null && id < 0 ? realIds.get(id)! : id);
    const leader = (id: number) => (id < 0 ? realLeaderIds.get(id)! : id);

    // Owner enterprises the file introduces.
    const used = new Set([...plan.creates, ...plan.updates].flatMap((x) => (x.owner && 'newName' in x.owner ? [x.owner.newName] : [])));
    const newEnts = [...rctx.newEnterprises.values()].filter((e) => used.has(e.name));
    const entIds = new Map<string, number>();
    if (newEnts.length) {
      const rows = await repo.insertEnterprises(tx, newEnts.map((e) => ({ name: e.name, creditCode: e.creditCode, regionCode: e.regionCode })));
      for (const r of rows) {
        entIds.set(r.name, r.id);
        audits.push({
          action: 'enterprise.create',
          entityType: 'enterprise',
          entityId: r.id,
          summary: `导入台账时新增企业 ${r.name}`,
          after: { id: r.id, name: r.name, creditCode: r.creditCode, regionCode: r.regionCode, legalPerson: null, contactPhone: null },
        });
      }
    }
    const ownerId = (o: ImportPlan['creates'][number]['owner']): number | null | undefined => (o ? ('id' in o ? o.id : entIds.get(o.newName)!) : undefined);

    // New projects: multi-row INSERT … RETURNING.
    const leaderRows: { projectId: number; personId: number; sort: number }[] = [];
    const stageRows: { projectId: number; fromStage: string | null; toStage: string; date: string; reason: string; userId: number | null }[] = [];
    for (let i = 0; i < plan.creates.length; i += WRITE_BATCH) {
      const part = plan.creates.slice(i, i + WRITE_BATCH);
      const rows = await repo.insertProjects(
        tx,
        part.map((c) => repo.toInsertRow({ ...c.values, responsibleDeptId: dept(c.values.responsibleDeptId) ?? null, ownerEnterpriseId: ownerId(c.owner) ?? c.values.ownerEnterpriseId }, { createdBy: userId, now, today: meta.today })),
      );
      const byKey = new Map(rows.map((r) => [nameRegionKey(r.name, r.regionCode), r]));
      for (const c of part) {
        const row = byKey.get(nameRegionKey(c.values.name, c.values.regionCode))!;
        c.leaderIds.forEach((id, sort) => leaderRows.push({ projectId: row.id, personId: leader(id), sort }));
        stageRows.push({ projectId: row.id, fromStage: null, toStage: row.stage, date: meta.today, reason: '台账导入', userId });
        const p = toProject({ p: row, regionName: null, ownerName: null, ownerCreditCode: null, responsibleDeptName: null, leaders: c.leaderIds.map((id) => ({ id: leader(id), name: '', title: null })) });
        audits.push({ action: 'project.create', entityType: 'project', entityId: row.id, summary: `导入新建项目「${row.name}」`, after: auditView(p) });
      }
      done += part.length;
      onProgress({ phase: 'writing', done, total });
      await tick();
    }

    // Existing projects: the fields the file gives, one UPDATE per batch.
    const leaderReplace: number[] = [];
    for (let i = 0; i < plan.updates.length; i += WRITE_BATCH) {
      const part = plan.updates.slice(i, i + WRITE_BATCH);
      const list = part.map((u) => ({ id: u.cur.id, v: { ...u.next, responsibleDeptId: dept(u.next.responsibleDeptId) ?? null, ownerEnterpriseId: ownerId(u.owner) ?? u.next.ownerEnterpriseId } }));
      // Projects the file moves to another region take their plan and report figures along.
      const moving = part.filter((u, k) => list[k]!.v.regionCode !== u.cur.regionCode).map((u) => u.cur.id);
      await withMovedContributions(tx, moving, () => repo.updateProjects(tx, list, { now, today: meta.today }));
      for (const [k, u] of part.entries()) {
        const v = list[k]!.v;
        const stageMoved = v.stage !== u.cur.stage;
        if (stageMoved) stageRows.push({ projectId: u.cur.id, fromStage: u.cur.stage, toStage: v.stage, date: meta.today, reason: '台账导入', userId });
        if (u.leaderIds) {
          leaderReplace.push(u.cur.id);
          u.leaderIds.forEach((id, sort) => leaderRows.push({ projectId: u.cur.id, personId: leader(id), sort }));
        }
        const next: Project = {
          ...u.cur,
          ...v,
          leaders: u.leaderIds ? u.leaderIds.map((id) => ({ id: leader(id), name: '', title: null })) : u.cur.leaders,
          stageChangedAt: stageMoved ? meta.today : u.cur.stageChangedAt,
          version: u.cur.version + 1,
        };
        const d = diff(auditView(u.cur) as Record<string, unknown>, auditView(next));
        delete d.before.version;
        delete d.after.version;
        audits.push({ action: 'project.update', entityType: 'project', entityId: u.cur.id, summary: `导入修改项目「${next.name}」：${u.changes.join('、')}`, before: d.before, after: d.after });
      }
      done += part.length;
      onProgress({ phase: 'writing', done, total });
      await tick();
    }
    await repo.replaceLeaders(tx, leaderReplace, leaderRows);
    await repo.insertStageEvents(tx, stageRows);
    await rememberMatches(tx, ctx, opts.matches, rctx);
    audits.push({
      action: 'project.import',
      entityType: 'import',
      entityId: null,
      summary: `导入台账「${meta.filename}」：新建${plan.creates.length}个，更新${plan.updates.length}个，未变${plan.unchanged}个`,
      after: {
        file: meta.filename,
        sheet: meta.sheet,
        rows: meta.rows,
        created: plan.creates.length,
        updated: plan.updates.length,
        unchanged: plan.unchanged,
        enterprisesCreated: newEnts.length,
        departmentsCreated: newDepts.length,
        leadersCreated: newPeople.length,
        matchesChosen: opts.matches ?? null,
      },
    });
    await writeAudit(tx, ctx, audits);
    // the imported projects' lights of every month of the year: by the backfill job (a ledger is many projects)
    if (plan.creates.length || plan.updates.length) await publish(tx, ctx, 'projects.imported', { year: Number(meta.today.slice(0, 4)), fromMonth: 1 });
  });
}

const LABELS: Partial<Record<keyof ProjectValues, readonly { value: string; zh: string }[]>> = {
  level: PROJECT_LEVELS,
  nature: CONSTRUCTION_NATURES,
  category: YEAR_CATEGORIES,
  field: PROJECT_FIELDS,
  investmentType: INVESTMENT_TYPES,
  stage: PROJECT_STAGES,
};

/** Every field an update changes, before → after as the ledger shows them (names, not ids). */
function describeChanges(
  updates: PlannedUpdate[],
  look: { rctx: ResolveContext; regions: RegionIndex; depts: { id: number; name: string }[]; leaders: { id: number; displayName: string }[]; ents: EnterpriseRef[] },
): NonNullable<ImportResult['changes']> {
  const deptName = new Map<number, string>(look.depts.map((d) => [d.id, d.name]));
  for (const d of look.rctx.newDepartments?.values() ?? []) deptName.set(d.id, d.name);
  const leaderName = new Map<number, string>(look.leaders.map((l) => [l.id, l.displayName]));
  for (const l of look.rctx.newLeaders?.values() ?? []) leaderName.set(l.id, l.name);
  const entName = new Map<number, string>(look.ents.map((e) => [e.id, e.name]));
  const show = (k: keyof ProjectValues, v: unknown): string | null => {
    if (v === null || v === undefined || v === '') return null;
    if (k === 'regionCode') return look.regions.get(String(v))?.name ?? String(v);
    if (k === 'responsibleDeptId') return deptName.get(Number(v)) ?? String(v);
    if (k === 'ownerEnterpriseId') return entName.get(Number(v)) ?? String(v);
    if (Array.isArray(v)) return v.length ? v.join('、') : null;
    if (k === 'totalInvestment') return `${Number(v).toLocaleString('zh-CN', { maximumFractionDigits: 2 })} 万元`;
    if (k === 'landArea') return `${Number(v).toLocaleString('zh-CN', { maximumFractionDigits: 2 })} 亩`;
    const labels = LABELS[k];
    if (labels) return labels.find((l) => l.value === v)?.zh ?? String(v);
    return String(v);
  };
  const out: NonNullable<ImportResult['changes']> = [];
  for (const u of updates) {
    const before = u.cur as unknown as Record<string, unknown>;
    for (const k of Object.keys(u.next) as (keyof ProjectValues)[]) {
      const a = before[k] ?? null;
      const b = (u.next as unknown as Record<string, unknown>)[k] ?? null;
      if (k === 'ownerEnterpriseId' && u.owner && 'newName' in u.owner) {
        out.push({ row: u.row, projectId: u.cur.id, field: k, label: VALUE_LABELS[k], before: u.cur.ownerName, after: u.owner.newName });
        continue;
      }
      if (JSON.stringify(a) === JSON.stringify(b)) continue;
      out.push({ row: u.row, projectId: u.cur.id, field: k, label: VALUE_LABELS[k], before: k === 'ownerEnterpriseId' ? u.cur.ownerName : show(k, a), after: show(k, b) });
    }
    if (u.leaderIds) {
      out.push({
        row: u.row,
        projectId: u.cur.id,
        field: 'leaderIds',
        label: VALUE_LABELS.leaderIds,
        before: u.cur.leaders.map((l) => l.name).join('、') || null,
        after: u.leaderIds.map((id) => leaderName.get(id) ?? String(id)).join('、') || null,
      });
    }
  }
  return out;
}

/**
 * The names of files the importer matched by hand to a registered unit or leader
 * ("县融媒体中心" → 桐庐县文化和广电旅游体育局), remembered after a successful import so that
 * next month's file matches them without asking again. Kept as a deployment setting.
 */
const ALIASES_KEY = 'import.aliases';
const AliasesSchema = z.object({ departments: z.record(z.string(), z.number()), leaders: z.record(z.string(), z.number()) });
type Aliases = z.infer<typeof AliasesSchema>;

async function loadRememberedMatches(ctx: Ctx): Promise<Aliases> {
  return getSetting(ctx.db, ALIASES_KEY, AliasesSchema, { departments: {}, leaders: {} });
}

/** This file's choices over the remembered ones; a remembered unit or leader no longer active is forgotten. */
function mergeMatches(remembered: Aliases, given: ImportMatches | undefined, known: { depts: Map<number, unknown>; leaders: Map<number, unknown> }): ImportMatches {
  const live = (m: Record<string, number>, k: Map<number, unknown>) => Object.fromEntries(Object.entries(m).filter(([, id]) => k.has(id)));
  return {
    departments: { ...live(remembered.departments, known.depts), ...(given?.departments ?? {}) },
    leaders: { ...live(remembered.leaders, known.leaders), ...(given?.leaders ?? {}) },
  };
}

async function rememberMatches(tx: DbOrTx, ctx: Ctx, given: ImportMatches | undefined, rctx: ResolveContext): Promise<void> {
  const pick = (m: Record<string, number | null> | undefined, known: Map<number, unknown> | undefined) =>
    Object.fromEntries(Object.entries(m ?? {}).filter((e): e is [string, number] => e[1] !== null && Boolean(known?.has(e[1]))));
  const deps = pick(given?.departments, rctx.deptById);
  const leads = pick(given?.leaders, rctx.leaderById);
  if (!Object.keys(deps).length && !Object.keys(leads).length) return;
  const cur = await getSetting(tx, ALIASES_KEY, AliasesSchema, { departments: {}, leaders: {} });
  const next = { departments: { ...cur.departments, ...deps }, leaders: { ...cur.leaders, ...leads } };
  await putSetting(tx, ctx, ALIASES_KEY, next);
}
