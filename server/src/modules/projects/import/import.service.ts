/**
 * Excel import of the project ledger: inspect a file (sheets, header, column mapping), check it
 * (dry run: every error, and what would be created or changed), and import it atomically —
 * one transaction, nothing written when any row has an error, one audit event per project.
 */
import { withMovedContributions } from '../../dashboard/rollups.js';
import { queueRecompute } from '../../warnings/hooks.js';
import {
  IMPORT_FIELDS,
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
import { nameRegionKey, planImport, resolveRow, type EnterpriseRef, type ExistingLookup, type ImportPlan, type ResolveContext, type ResolvedRow } from './domain/plan.js';
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

/** Whether a user's scope is a single region without sub-regions (then rows may omit the region). */
async function defaultRegionOf(ctx: Ctx): Promise<string | null> {
  const u = ctx.user;
  if (u.scopeType !== 'region' || !u.regionCode) return null;
  return (await repo.regionHasChildren(ctx.db, u.regionCode)) ? null : u.regionCode;
}

/** The sheets, the detected header and each column's field and first values, for the mapping step. */
export async function inspectImport(ctx: Ctx, file: Buffer, opts: { sheet?: string; headerRow?: number; mapping?: ImportMapping }): Promise<ImportInspect> {
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
  const defaultRegion = await defaultRegionOf(ctx);
  return {
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
  const base = { dryRun: opts.dryRun, sheet: sheet.name, headerRow: layout.headerRow, mapping: mappingOf(layout.columns) };
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
  const [regions, depts, leaders, defaultRegion] = await Promise.all([repo.loadRegions(ctx.db), repo.loadDepartments(ctx.db), repo.loadLeaders(ctx.db), defaultRegionOf(ctx)]);
  const regionIndex = new RegionIndex(regions);
  const ownerNames = [...new Set(parsed.map((p) => p.values.ownerName).filter((v): v is string => Boolean(v)))];
  const ownerCodes = [...new Set(parsed.map((p) => p.values.ownerCreditCode).filter((v): v is string => Boolean(v)))];
  const ents = await repo.findEnterprises(ctx.db, ownerNames, ownerCodes);
  const rctx: ResolveContext = {
    user: ctx.user,
    regions: regionIndex,
    depts: new DeptIndex(depts, regionIndex),
    leaders: new LeaderIndex(leaders),
    enterprisesByName: new Map(ents.map((e): [string, EnterpriseRef] => [e.name, e])),
    enterprisesByCode: new Map(ents.filter((e) => e.creditCode).map((e): [string, EnterpriseRef] => [e.creditCode!, e])),
    defaultRegion,
    newEnterprises: new Map(),
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
  if (plan.errors.length) return fail(plan.errors, plan);

  const result: ImportResult = { ...base, created: plan.creates.length, updated: plan.updates.length, unchanged: plan.unchanged, errors: [], preview: plan.preview };
  if (opts.dryRun) {
    onProgress({ phase: 'done', done: parsed.length, total: parsed.length });
    return result;
  }
  await writePlan(ctx, plan, rctx, { filename: opts.filename ?? 'ledger.xlsx', sheet: sheet.name, rows: parsed.length, today }, onProgress);
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
): Promise<void> {
  const total = plan.creates.length + plan.updates.length;
  let done = 0;
  onProgress({ phase: 'writing', done, total });
  const now = ctx.clock.now().toISOString();
  const userId = ctx.user.id || null;
  await ctx.db.transaction(async (tx) => {
    // Projects changed by someone else since they were read are not overwritten.
    if (plan.updates.length) {
      const versions = await repo.lockVersions(tx, plan.updates.map((u) => u.cur.id));
      const stale = plan.updates.find((u) => versions.get(u.cur.id)?.version !== u.cur.version || versions.get(u.cur.id)?.deleted);
      if (stale) throw new AppError('CONFLICT', `第${stale.row}行的项目「${stale.cur.name}」在导入期间已被他人修改，请重新导入`);
    }
    const audits: AuditInput[] = [];

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
    const leaderRows: { projectId: number; userId: number; sort: number }[] = [];
    const stageRows: { projectId: number; fromStage: string | null; toStage: string; date: string; reason: string; userId: number | null }[] = [];
    for (let i = 0; i < plan.creates.length; i += WRITE_BATCH) {
      const part = plan.creates.slice(i, i + WRITE_BATCH);
      const rows = await repo.insertProjects(
        tx,
        part.map((c) => repo.toInsertRow({ ...c.values, ownerEnterpriseId: ownerId(c.owner) ?? c.values.ownerEnterpriseId }, { createdBy: userId, now, today: meta.today })),
      );
      const byKey = new Map(rows.map((r) => [nameRegionKey(r.name, r.regionCode), r]));
      for (const c of part) {
        const row = byKey.get(nameRegionKey(c.values.name, c.values.regionCode))!;
        c.leaderIds.forEach((uid, sort) => leaderRows.push({ projectId: row.id, userId: uid, sort }));
        stageRows.push({ projectId: row.id, fromStage: null, toStage: row.stage, date: meta.today, reason: '台账导入', userId });
        const p = toProject({ p: row, regionName: null, ownerName: null, ownerCreditCode: null, responsibleDeptName: null, leaders: c.leaderIds.map((id) => ({ id, name: '', title: null })) });
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
      const list = part.map((u) => ({ id: u.cur.id, v: { ...u.next, ownerEnterpriseId: ownerId(u.owner) ?? u.next.ownerEnterpriseId } }));
      // Projects the file moves to another region take their plan and report figures along.
      const moving = part.filter((u, k) => list[k]!.v.regionCode !== u.cur.regionCode).map((u) => u.cur.id);
      await withMovedContributions(tx, moving, () => repo.updateProjects(tx, list, { now, today: meta.today }));
      for (const [k, u] of part.entries()) {
        const v = list[k]!.v;
        const stageMoved = v.stage !== u.cur.stage;
        if (stageMoved) stageRows.push({ projectId: u.cur.id, fromStage: u.cur.stage, toStage: v.stage, date: meta.today, reason: '台账导入', userId });
        if (u.leaderIds) {
          leaderReplace.push(u.cur.id);
          u.leaderIds.forEach((uid, sort) => leaderRows.push({ projectId: u.cur.id, userId: uid, sort }));
        }
        const next: Project = {
          ...u.cur,
          ...v,
          leaders: u.leaderIds ? u.leaderIds.map((id) => ({ id, name: '', title: null })) : u.cur.leaders,
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
    audits.push({
      action: 'project.import',
      entityType: 'import',
      entityId: null,
      summary: `导入台账「${meta.filename}」：新建${plan.creates.length}个，更新${plan.updates.length}个，未变${plan.unchanged}个`,
      after: { file: meta.filename, sheet: meta.sheet, rows: meta.rows, created: plan.creates.length, updated: plan.updates.length, unchanged: plan.unchanged, enterprisesCreated: newEnts.length },
    });
    await writeAudit(tx, ctx, audits);
    // the imported projects' lights of every month of the year: by the backfill job (a ledger is many projects)
    if (plan.creates.length || plan.updates.length) await queueRecompute(tx, ctx, Number(meta.today.slice(0, 4)), 1);
  });
}
