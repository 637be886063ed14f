import { queryKey, readCache, scopeKey } from '../../core/read-cache.js';
import { and, eq, inArray, sql } from 'drizzle-orm';
import {
  can,
  labelOf,
  PROJECT_STAGES,
  ProjectCreateSchema,
  ProjectPatchSchema,
  StageChangeSchema,
  StartDelayReasonSchema,
  type Project,
  type ProjectCreate,
  type ProjectFilter,
  type ProjectList,
  type ProjectListQuery,
  type ProjectPatch,
  type ProjectStage,
  type StageChange,
  type StartDelayReason,
} from '@tiaodu/contracts';
import { projects, projectStageEvents } from '../../db/schema.js';
import type { Ctx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { diff, writeAudit } from '../../core/audit.js';
import { regionInScope } from '../../core/scope.js';
import { chinaToday } from '../../core/clock.js';
import * as repo from './projects.repository.js';
import { initialStage, stageEffects, stageMoveError } from './domain/stages.js';
import { bumpRollups, negate, projectContributions, withMovedContributions } from '../dashboard/rollups.js';
import { publish } from '../../core/events.js';

function withAbilities(ctx: Ctx, p: Project): Project {
  const role = ctx.user.role;
  const live = p.stage !== 'terminated';
  return { ...p, abilities: { update: can(role, 'project:update'), delete: can(role, 'project:delete'), changeStage: can(role, 'project:stage') && live } };
}

/** The filtered, scoped, paged list with count and sum over the whole filtered set. */
export async function listProjects(ctx: Ctx, q: ProjectListQuery): Promise<ProjectList> {
  // rows and totals depend only on the scope and the filters (cached until the next write);
  // the abilities on each row depend on the person and are added after
  const [items, agg] = await readCache(ctx.db).get(`projects|${scopeKey(ctx.user)}|${queryKey(q)}`, () => {
    const where = repo.projectWhere(ctx.user, q);
    return Promise.all([repo.findProjects(ctx.db, where, { sort: q.sort, limit: q.pageSize, offset: (q.page - 1) * q.pageSize }), repo.countAndSum(ctx.db, where)]);
  });
  return { items: items.map((p) => withAbilities(ctx, p)), total: agg.total, page: q.page, pageSize: q.pageSize, sums: { totalInvestment: agg.totalInvestment } };
}

export async function getProject(ctx: Ctx, id: number): Promise<Project> {
  const p = await repo.findProject(ctx.db, and(eq(projects.id, id), repo.projectWhere(ctx.user, {}))!);
  if (!p) throw new AppError('NOT_FOUND');
  return withAbilities(ctx, p);
}

async function checkRefs(ctx: Ctx, refs: Parameters<typeof repo.missingRefs>[1]) {
  const missing = await repo.missingRefs(ctx.db, refs);
  if (missing.length) throw new AppError('VALIDATION', missing[0]!.message, missing);
  if (refs.regionCode && !regionInScope(ctx.user, refs.regionCode)) {
    throw new AppError('FORBIDDEN', '不能在本辖区以外登记项目', [{ path: 'regionCode', message: '不在您的管辖范围内' }]);
  }
}

/** Audit view of a project: the stored fields, not the joined names. */
export function auditView(p: Project) {
  const { abilities: _a, createdAt: _c, updatedAt: _u, regionName: _r, ownerName: _o, ownerCreditCode: _oc, responsibleDeptName: _d, ...rest } = p;
  return { ...rest, leaders: p.leaders.map((l) => l.id) };
}

/**
 * `registeredOn` dates the first entry of the stage history (default today), for ledgers
 * brought in with their past.
 */
export async function createProject(ctx: Ctx, input: ProjectCreate, opts: { registeredOn?: string } = {}): Promise<Project> {
  const v = ProjectCreateSchema.parse(input);
  await checkRefs(ctx, { regionCode: v.regionCode, deptId: v.responsibleDeptId, enterpriseId: v.ownerEnterpriseId, leaderIds: v.leaderIds });
  const today = opts.registeredOn ?? chinaToday(ctx.clock.now());
  const stage = v.stage ?? initialStage(v.category);
  return ctx.db.transaction(async (tx) => {
    const { leaderIds, stage: _s, ...fields } = v;
    const [row] = await tx
      .insert(projects)
      .values({
        ...fields,
        totalInvestment: String(fields.totalInvestment),
        landArea: fields.landArea == null ? null : String(fields.landArea),
        stage,
        stageChangedAt: today,
        actualStart: fields.actualStart ?? null,
        actualCompletion: fields.actualCompletion ?? null,
        createdBy: ctx.user.id || null,
        createdAt: ctx.clock.now().toISOString(),
        updatedAt: ctx.clock.now().toISOString(),
      })
      .returning({ id: projects.id });
    const id = row!.id;
    await repo.setLeaders(tx, id, leaderIds);
    await tx.insert(projectStageEvents).values({ projectId: id, fromStage: null, toStage: stage, date: today, reason: '登记入库', userId: ctx.user.id || null });
    const p = (await repo.findProject(tx, eq(projects.id, id)))!;
    await writeAudit(tx, ctx, { action: 'project.create', entityType: 'project', entityId: id, summary: `新建项目「${p.name}」`, after: auditView(p) });
    // the new project's lights of every month of this year so far (it shows in earlier months' lists)
    await recomputeSince(ctx, tx, id, null);
    return withAbilities(ctx, p);
  });
}

/** Loads a project in scope for writing, locked for the transaction. */
async function lockInScope(ctx: Ctx, tx: Parameters<Parameters<Ctx['db']['transaction']>[0]>[0], id: number): Promise<Project> {
  const [locked] = await tx
    .select({ id: projects.id })
    .from(projects)
    .where(and(eq(projects.id, id), repo.projectWhere(ctx.user, {})))
    .for('update');
  if (!locked) throw new AppError('NOT_FOUND');
  return (await repo.findProject(tx, eq(projects.id, id)))!;
}

export async function updateProject(ctx: Ctx, id: number, input: ProjectPatch): Promise<Project> {
  const v = ProjectPatchSchema.parse(input);
  const { version, leaderIds, ...fields } = v as ProjectPatch & { leaderIds?: number[] };
  await checkRefs(ctx, { regionCode: fields.regionCode, deptId: fields.responsibleDeptId, enterpriseId: fields.ownerEnterpriseId, leaderIds });
  return ctx.db.transaction(async (tx) => {
    const cur = await lockInScope(ctx, tx, id);
    if (cur.version !== version) throw new AppError('CONFLICT');
    const merged = { ...cur, ...fields };
    if (merged.plannedStart && merged.plannedCompletion && merged.plannedCompletion < merged.plannedStart) {
      throw new AppError('VALIDATION', '计划竣工日期不能早于计划开工日期', [{ path: 'plannedCompletion', message: '计划竣工日期不能早于计划开工日期' }]);
    }
    // 年度类别 follows the annual plan of the project's plan year (one source of truth)
    if ((fields.category !== undefined && fields.category !== cur.category) || (fields.planYear !== undefined && fields.planYear !== cur.planYear)) {
      const plan = await tx.execute(sql`SELECT category FROM annual_plans WHERE project_id = ${id} AND year = ${merged.planYear}`);
      const planCategory = (plan.rows[0] as { category: string } | undefined)?.category;
      if (planCategory && fields.category !== undefined && fields.category !== planCategory)
        throw new AppError('VALIDATION', `年度类别以${merged.planYear}年度计划为准，请在年度计划中修改`, [{ path: 'category', message: `年度类别以${merged.planYear}年度计划为准` }]);
      if (planCategory) (fields as { category?: string }).category = planCategory;
    }
    const set: Record<string, unknown> = { ...fields, version: cur.version + 1, updatedAt: ctx.clock.now().toISOString() };
    if (fields.totalInvestment !== undefined) set.totalInvestment = String(fields.totalInvestment);
    if (fields.landArea !== undefined) set.landArea = fields.landArea == null ? null : String(fields.landArea);
    const write = () => tx.update(projects).set(set).where(eq(projects.id, id));
    // A project that changes region takes its plan and report figures along in the roll-ups.
    if (fields.regionCode && fields.regionCode !== cur.regionCode) await withMovedContributions(tx, [id], write);
    else await write();
    if (leaderIds) await repo.setLeaders(tx, id, leaderIds);
    const next = (await repo.findProject(tx, eq(projects.id, id)))!;
    const d = diff(auditView(cur) as Record<string, unknown>, auditView(next));
    delete d.before.version;
    delete d.after.version;
    await writeAudit(tx, ctx, { action: 'project.update', entityType: 'project', entityId: id, summary: `修改项目「${next.name}」：${Object.keys(d.after).join('、') || '无变化'}`, before: d.before, after: d.after });
    if (Object.keys(d.after).length) await recomputeSince(ctx, tx, id, null);
    return withAbilities(ctx, next);
  });
}

/** Soft delete: the row stays for the audit trail and history. */
export async function deleteProject(ctx: Ctx, id: number): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const cur = await lockInScope(ctx, tx, id);
    // A deleted project leaves the dashboard's figures with it.
    await bumpRollups(tx, negate(await projectContributions(tx, [id])));
    await tx.update(projects).set({ deletedAt: ctx.clock.now().toISOString(), updatedAt: ctx.clock.now().toISOString(), version: cur.version + 1 }).where(eq(projects.id, id));
    await writeAudit(tx, ctx, { action: 'project.delete', entityType: 'project', entityId: id, summary: `删除项目「${cur.name}」`, before: auditView(cur) });
  });
}

export async function changeStage(ctx: Ctx, id: number, input: StageChange): Promise<Project> {
  const v = StageChangeSchema.parse(input);
  return ctx.db.transaction(async (tx) => {
    const cur = await lockInScope(ctx, tx, id);
    if (cur.version !== v.version) throw new AppError('CONFLICT');
    const [last] = await tx
      .select({ date: projectStageEvents.date })
      .from(projectStageEvents)
      .where(and(eq(projectStageEvents.projectId, id), sql`${projectStageEvents.fromStage} IS NOT NULL`))
      .orderBy(sql`${projectStageEvents.date} DESC`)
      .limit(1);
    const err = stageMoveError({ from: cur.stage, to: v.to, date: v.date, lastDate: last?.date ?? null, today: chinaToday(ctx.clock.now()) });
    if (err) throw new AppError('STAGE_TRANSITION', err, [{ path: 'to', message: err }]);
    const fx = stageEffects(v.to);
    const set: Partial<typeof projects.$inferInsert> = { stage: v.to, stageChangedAt: v.date, version: cur.version + 1, updatedAt: ctx.clock.now().toISOString() };
    if (fx.setActualStart && !cur.actualStart) set.actualStart = v.date;
    if (fx.setActualCompletion && !cur.actualCompletion) set.actualCompletion = v.date;
    await tx.update(projects).set(set).where(eq(projects.id, id));
    await tx.insert(projectStageEvents).values({ projectId: id, fromStage: cur.stage, toStage: v.to, date: v.date, reason: v.reason, userId: ctx.user.id || null });
    const next = (await repo.findProject(tx, eq(projects.id, id)))!;
    const name = (s: ProjectStage) => labelOf(PROJECT_STAGES, s);
    await writeAudit(tx, ctx, {
      action: 'project.stage',
      entityType: 'project',
      entityId: id,
      summary: `「${cur.name}」${name(cur.stage)} → ${name(v.to)}（${v.date}）：${v.reason}`,
      before: { stage: cur.stage, actualStart: cur.actualStart, actualCompletion: cur.actualCompletion },
      after: { stage: next.stage, actualStart: next.actualStart, actualCompletion: next.actualCompletion, date: v.date, reason: v.reason },
    });
    await recomputeSince(ctx, tx, id, null);
    return withAbilities(ctx, next);
  });
}

/**
 * States (or withdraws, with an empty reason) why a project did not start in its planned month,
 * recording who and when; audited. Under 银川 a stated reason exempts the start yellow (not the
 * red), so the lights of every month since the planned start are recomputed.
 */
export async function setStartDelayReason(ctx: Ctx, id: number, input: StartDelayReason): Promise<Project> {
  const v = StartDelayReasonSchema.parse(input);
  const reason = v.reason?.trim() || null;
  return ctx.db.transaction(async (tx) => {
    const cur = await lockInScope(ctx, tx, id);
    if (cur.version !== v.version) throw new AppError('CONFLICT');
    if (reason && !cur.plannedStart) throw new AppError('VALIDATION', '项目没有计划开工日期，无需说明延期原因', [{ path: 'reason', message: '项目没有计划开工日期' }]);
    const now = ctx.clock.now().toISOString();
    await tx
      .update(projects)
      .set({ startDelayReason: reason, startDelayReasonBy: reason ? ctx.user.id || null : null, startDelayReasonAt: reason ? now : null, version: cur.version + 1, updatedAt: now })
      .where(eq(projects.id, id));
    const next = (await repo.findProject(tx, eq(projects.id, id)))!;
    await writeAudit(tx, ctx, {
      action: 'project.startDelayReason',
      entityType: 'project',
      entityId: id,
      summary: reason ? `「${cur.name}」说明未按期开工原因：${reason.slice(0, 100)}` : `「${cur.name}」撤回未按期开工原因`,
      before: { startDelayReason: cur.startDelayReason },
      after: { startDelayReason: next.startDelayReason },
    });
    await recomputeSince(ctx, tx, id, cur.plannedStart);
    return withAbilities(ctx, next);
  });
}

/** Recomputes a project's lights of this year from the month of `date` (or January) on. */
async function recomputeSince(ctx: Ctx, tx: Parameters<Parameters<Ctx['db']['transaction']>[0]>[0], id: number, date: string | null): Promise<void> {
  const today = chinaToday(ctx.clock.now());
  const year = Number(today.slice(0, 4));
  const from = date && date.slice(0, 4) === String(year) ? Number(date.slice(5, 7)) : 1;
  if (date && date.slice(0, 4) > String(year)) return;
  await publish(tx, ctx, 'project.changed', { projectIds: [id], year, fromMonth: from });
}

export async function stageHistory(ctx: Ctx, id: number) {
  await getProject(ctx, id);
  return repo.listStageEvents(ctx.db, id);
}

/** All projects matching a filter, in pages, for exports (scope applies). */
export async function* iterateProjects(ctx: Ctx, filter: ProjectFilter, batch = 1000): AsyncGenerator<Project[]> {
  const where = repo.projectWhere(ctx.user, filter);
  // The ordered ids first, then pages by id: no OFFSET, so the last page of 100,000 costs
  // what the first does.
  const ids = await repo.findProjectIds(ctx.db, where, filter.sort);
  for (let i = 0; i < ids.length; i += batch) {
    const part = ids.slice(i, i + batch);
    const rows = await repo.findProjects(ctx.db, and(inArray(projects.id, part), where)!, { limit: part.length, offset: 0 });
    const byId = new Map(rows.map((p) => [p.id, p]));
    const page = part.map((id) => byId.get(id)).filter((p): p is Project => p !== undefined);
    if (page.length) yield page;
  }
}

export async function sumProjects(ctx: Ctx, filter: ProjectFilter) {
  return repo.countAndSum(ctx.db, repo.projectWhere(ctx.user, filter));
}
