import { and, asc, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import {
  PlanAdjustSchema,
  PlanBulkSchema,
  PlanInputSchema,
  regionPrefix,
  type Plan,
  type PlanAdjust,
  type PlanBulk,
  type PlanCopyForwardResult,
  type PlanFilter,
  type PlanInput,
  type PlanList,
  type PlanListQuery,
  type PlanRow,
  type PlanRowIssue,
  type PlanSums,
  type ProjectPlan,
  type ProjectStage,
  type YearCategory,
} from '@tiaodu/contracts';
import { annualPlanChanges, annualPlans, projects, regions, users } from '../../db/schema.js';
import type { DbOrTx } from '../../db/client.js';
import type { Ctx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { writeAudit } from '../../core/audit.js';
import { projectScope } from '../../core/scope.js';
import { chinaToday, toIso } from '../../core/clock.js';
import { withMovedContributions } from '../dashboard/rollups.js';
import { publish } from '../../core/events.js';
import { carryForward, FINISHED_STAGES, monthlySumError, yearStarted } from './domain/rules.js';

type PlanRecord = typeof annualPlans.$inferSelect;

export function toPlan(r: PlanRecord): Plan {
  return {
    id: r.id,
    projectId: r.projectId,
    year: r.year,
    category: r.category as YearCategory,
    plannedInvestment: Number(r.plannedInvestment),
    monthly: (r.monthly ?? []).map(Number),
    imageTarget: r.imageTarget,
    completedBeforeYear: Number(r.completedBeforeYear),
    version: r.version,
    updatedAt: toIso(r.updatedAt),
  };
}

/** WHERE of every plan read: the year, live projects in the user's scope, the filters. */
export function planWhere(ctx: Ctx, f: PlanFilter): SQL {
  const c: SQL[] = [eq(annualPlans.year, f.year), isNull(projects.deletedAt), projectScope(ctx.user)];
  if (f.regionCode) c.push(sql`${projects.regionCode} LIKE ${regionPrefix(f.regionCode) + '%'}`);
  if (f.category) c.push(eq(annualPlans.category, f.category));
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (m) => '\\' + m)}%`;
    c.push(or(ilike(projects.name, like), ilike(projects.code, like))!);
  }
  return and(...c)!;
}

const rowColumns = {
  plan: annualPlans,
  projectName: projects.name,
  projectCode: projects.code,
  regionCode: projects.regionCode,
  regionName: regions.name,
  totalInvestment: projects.totalInvestment,
  stage: projects.stage,
};

function toRow(r: { plan: PlanRecord; projectName: string; projectCode: string | null; regionCode: string; regionName: string | null; totalInvestment: string; stage: string }): PlanRow {
  return { ...toPlan(r.plan), projectName: r.projectName, projectCode: r.projectCode, regionCode: r.regionCode, regionName: r.regionName, totalInvestment: Number(r.totalInvestment), stage: r.stage as ProjectStage };
}

export async function findPlanRows(db: DbOrTx, where: SQL, page?: { limit: number; offset: number }): Promise<PlanRow[]> {
  const q = db
    .select(rowColumns)
    .from(annualPlans)
    .innerJoin(projects, eq(projects.id, annualPlans.projectId))
    .leftJoin(regions, eq(regions.code, projects.regionCode))
    .where(where)
    .orderBy(asc(projects.regionCode), asc(projects.id));
  const rows = page ? await q.limit(page.limit).offset(page.offset) : await q;
  return rows.map(toRow);
}

/** Count and sums over the whole filtered set (not just the page). */
export async function sumPlans(db: DbOrTx, where: SQL): Promise<{ total: number; sums: PlanSums }> {
  const months = Array.from({ length: 12 }, (_, i) => sql.raw(`coalesce(sum(annual_plans.monthly[${i + 1}]), 0)::text AS m${i + 1}`));
  const res = await db.execute(sql`
    SELECT count(*)::int AS total, coalesce(sum(annual_plans.planned_investment), 0)::text AS planned,
           coalesce(sum(annual_plans.completed_before_year), 0)::text AS before, coalesce(sum(projects.total_investment), 0)::text AS total_investment,
           ${sql.join(months, sql`, `)}
    FROM annual_plans JOIN projects ON projects.id = annual_plans.project_id
    WHERE ${where}`);
  const r = res.rows[0] as Record<string, string | number>;
  return {
    total: Number(r.total),
    sums: {
      plannedInvestment: Number(r.planned),
      completedBeforeYear: Number(r.before),
      totalInvestment: Number(r.total_investment),
      monthly: Array.from({ length: 12 }, (_, i) => Number(r[`m${i + 1}`])),
    },
  };
}

export async function listPlans(ctx: Ctx, q: PlanListQuery): Promise<PlanList> {
  const where = planWhere(ctx, q);
  const [items, agg] = await Promise.all([findPlanRows(ctx.db, where, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize }), sumPlans(ctx.db, where)]);
  return { items, total: agg.total, page: q.page, pageSize: q.pageSize, sums: agg.sums };
}

interface ScopedProject {
  id: number;
  name: string;
  regionCode: string;
  stage: ProjectStage;
}

async function projectsInScope(ctx: Ctx, tx: DbOrTx, ids: number[], lock: boolean): Promise<Map<number, ScopedProject>> {
  if (!ids.length) return new Map();
  const q = tx
    .select({ id: projects.id, name: projects.name, regionCode: projects.regionCode, stage: projects.stage })
    .from(projects)
    .where(and(inArray(projects.id, ids), isNull(projects.deletedAt), projectScope(ctx.user)))
    .orderBy(asc(projects.id));
  const rows = lock ? await q.for('update') : await q;
  return new Map(rows.map((r) => [r.id, { ...r, stage: r.stage as ProjectStage }]));
}

export async function projectPlans(ctx: Ctx, projectId: number): Promise<ProjectPlan[]> {
  const p = await projectsInScope(ctx, ctx.db, [projectId], false);
  if (!p.size) throw new AppError('NOT_FOUND');
  const plans = await ctx.db.select().from(annualPlans).where(eq(annualPlans.projectId, projectId)).orderBy(asc(annualPlans.year));
  const ids = plans.map((x) => x.id);
  const changes = ids.length
    ? await ctx.db
        .select({ c: annualPlanChanges, userName: users.displayName })
        .from(annualPlanChanges)
        .leftJoin(users, eq(users.id, annualPlanChanges.userId))
        .where(inArray(annualPlanChanges.planId, ids))
        .orderBy(asc(annualPlanChanges.id))
    : [];
  return plans.map((pl) => ({
    ...toPlan(pl),
    changes: changes
      .filter((x) => x.c.planId === pl.id)
      .map((x) => ({ id: x.c.id, reason: x.c.reason, before: x.c.before, after: x.c.after, userName: x.userName, at: toIso(x.c.at) })),
  }));
}

/** One plan write, already validated field by field. */
interface PlanWrite {
  projectId: number;
  category: YearCategory;
  plannedInvestment: number;
  monthly: number[];
  imageTarget: string | null;
  completedBeforeYear?: number;
  version?: number;
}

/** The figures of a plan as recorded in audit and change history. */
function figures(p: Plan | PlanWrite) {
  return { category: p.category, plannedInvestment: p.plannedInvestment, monthly: p.monthly, imageTarget: p.imageTarget, completedBeforeYear: p.completedBeforeYear };
}

type Mode = { kind: 'put' } | { kind: 'adjust'; reason: string } | { kind: 'bulk'; reason?: string } | { kind: 'import' } | { kind: 'copy' };

/**
 * Writes plans of one year in one transaction: checks scope (locking the projects), the
 * monthly-sum rule, versions and the mid-year rule, then upserts with the roll-ups moved
 * (withMovedContributions covers both the monthly deltas and a category change, which also
 * moves the category under which that year's reports count), calls the warnings hook and
 * audits. Throws VALIDATION with per-row issues; nothing is written on any error.
 */
async function applyPlans(ctx: Ctx, tx: DbOrTx, year: number, writes: PlanWrite[], mode: Mode): Promise<Plan[]> {
  const issues: PlanRowIssue[] = [];
  const ids = [...new Set(writes.map((w) => w.projectId))];
  const scoped = await projectsInScope(ctx, tx, ids, true);
  const existing = new Map(
    (ids.length ? await tx.select().from(annualPlans).where(and(eq(annualPlans.year, year), inArray(annualPlans.projectId, ids))) : []).map((r) => [r.projectId, toPlan(r)]),
  );
  const started = yearStarted(year, chinaToday(ctx.clock.now()));
  const seen = new Set<number>();
  writes.forEach((w, i) => {
    const row = i + 1;
    const issue = (path: string, message: string) => issues.push({ row, projectId: w.projectId, path, message });
    if (!scoped.has(w.projectId)) return issue('projectId', '项目不存在或不在您的管辖范围内');
    if (seen.has(w.projectId)) return issue('projectId', '同一项目在本次保存中出现多次');
    seen.add(w.projectId);
    const err = monthlySumError(w.plannedInvestment, w.monthly);
    if (err) issue('monthly', err);
    const cur = existing.get(w.projectId);
    if (cur && mode.kind !== 'copy' && mode.kind !== 'import') {
      if (w.version == null) issue('version', '修改已有计划须提供版本号');
      else if (w.version !== cur.version) issue('version', '计划已被他人修改，请刷新后重试');
    }
    if (cur && started && mode.kind === 'put') issue('reason', `${year}年度已开始，修改已有计划请使用「调整」并填写原因`);
    if (cur && started && mode.kind === 'bulk' && !mode.reason) issue('reason', `${year}年度已开始，修改已有计划须填写调整原因`);
  });
  if (issues.length) {
    const conflict = issues.every((x) => x.path === 'version' && x.message.includes('他人修改'));
    if (conflict && mode.kind === 'put') throw new AppError('CONFLICT');
    throw new AppError('VALIDATION', writes.length === 1 ? issues[0]!.message : `${issues.length}处错误：${issues[0]!.message}（第${issues[0]!.row}行）`, issues);
  }

  const now = ctx.clock.now().toISOString();
  const saved = await withMovedContributions(
    tx,
    ids,
    async () => {
      const out: Plan[] = [];
      for (const w of writes) {
        const cur = existing.get(w.projectId);
        const values = {
          category: w.category,
          plannedInvestment: String(w.plannedInvestment),
          monthly: w.monthly.map(String),
          imageTarget: w.imageTarget,
          ...(w.completedBeforeYear != null ? { completedBeforeYear: String(w.completedBeforeYear) } : {}),
        };
        const [r] = cur
          ? await tx
              .update(annualPlans)
              .set({ ...values, version: cur.version + 1, updatedAt: now })
              .where(eq(annualPlans.id, cur.id))
              .returning()
          : await tx
              .insert(annualPlans)
              .values({ projectId: w.projectId, year, ...values, createdAt: now, updatedAt: now })
              .returning();
        out.push(toPlan(r!));
      }
      return out;
    },
    year,
  );

  const reason = mode.kind === 'adjust' ? mode.reason : mode.kind === 'bulk' && started ? mode.reason : undefined;
  if (reason) {
    const changes = saved.filter((p) => existing.has(p.projectId)).map((p) => ({ planId: p.id, reason, before: figures(existing.get(p.projectId)!), after: figures(p), userId: ctx.user.id || null, at: now }));
    if (changes.length) await tx.insert(annualPlanChanges).values(changes);
  }
  await deriveLedgerCategory(tx, ids, year);
  await publish(tx, ctx, 'plan.changed', { projectIds: ids, year });
  if (mode.kind !== 'copy' && mode.kind !== 'import') {
    await writeAudit(
      tx,
      ctx,
      saved.map((p) => {
        const before = existing.get(p.projectId);
        return {
          action: mode.kind === 'adjust' || (before && reason) ? ('plan.adjust' as const) : ('plan.save' as const),
          entityType: 'annual_plan',
          entityId: p.id,
          summary: `${before ? (reason ? '调整' : '修改') : '新建'}「${scoped.get(p.projectId)!.name}」${year}年度计划${reason ? `（原因：${reason}）` : ''}`,
          before: before ? figures(before) : undefined,
          after: figures(p),
        };
      }),
    );
  }
  return saved;
}

function toWrite(projectId: number, v: PlanInput): PlanWrite {
  return { projectId, category: v.category, plannedInvestment: v.plannedInvestment, monthly: v.monthly, imageTarget: v.imageTarget ?? null, completedBeforeYear: v.completedBeforeYear, version: v.version };
}

/** Creates or replaces a plan. Once the year has started an existing plan changes only through adjustPlan. */
export async function putPlan(ctx: Ctx, projectId: number, year: number, input: PlanInput): Promise<Plan> {
  const v = PlanInputSchema.parse(input);
  return ctx.db.transaction(async (tx) => {
    const [p] = await applyPlans(ctx, tx, year, [toWrite(projectId, v)], { kind: 'put' }).catch((e: unknown) => {
      if (e instanceof AppError && e.code === 'VALIDATION' && Array.isArray(e.details) && (e.details as PlanRowIssue[])[0]?.path === 'projectId') throw new AppError('NOT_FOUND');
      throw e;
    });
    return p!;
  });
}

/** A mid-year adjustment: the changed figures, recorded with before/after and the reason. */
export async function adjustPlan(ctx: Ctx, projectId: number, year: number, input: PlanAdjust): Promise<Plan> {
  const v = PlanAdjustSchema.parse(input);
  return ctx.db.transaction(async (tx) => {
    const scoped = await projectsInScope(ctx, tx, [projectId], false);
    if (!scoped.size) throw new AppError('NOT_FOUND');
    const [cur] = await tx.select().from(annualPlans).where(and(eq(annualPlans.projectId, projectId), eq(annualPlans.year, year)));
    if (!cur) throw new AppError('NOT_FOUND', `该项目没有${year}年度计划，请先编制计划`);
    const c = toPlan(cur);
    if (c.version !== v.version) throw new AppError('CONFLICT');
    const w: PlanWrite = {
      projectId,
      category: v.category ?? c.category,
      plannedInvestment: v.plannedInvestment ?? c.plannedInvestment,
      monthly: v.monthly ?? c.monthly,
      imageTarget: v.imageTarget !== undefined ? v.imageTarget : c.imageTarget,
      completedBeforeYear: v.completedBeforeYear,
      version: v.version,
    };
    const [p] = await applyPlans(ctx, tx, year, [w], { kind: 'adjust', reason: v.reason });
    return p!;
  });
}

/** Grid save: every row validated, any error → nothing saved, errors per row and field. */
export async function bulkSave(ctx: Ctx, input: PlanBulk): Promise<{ saved: Plan[] }> {
  const v = PlanBulkSchema.parse(input);
  return ctx.db.transaction(async (tx) => ({ saved: await applyPlans(ctx, tx, v.year, v.rows.map((r) => toWrite(r.projectId, r)), { kind: 'bulk', reason: v.reason || undefined }) }));
}

/** Imports rows already resolved to projects; used by the Excel import. */
export async function importPlanWrites(ctx: Ctx, tx: DbOrTx, year: number, writes: PlanWrite[]): Promise<{ created: number; updated: number }> {
  const before = writes.length
    ? await tx.select({ projectId: annualPlans.projectId }).from(annualPlans).where(and(eq(annualPlans.year, year), inArray(annualPlans.projectId, writes.map((w) => w.projectId))))
    : [];
  await applyPlans(ctx, tx, year, writes, { kind: 'import' });
  return { created: writes.length - before.length, updated: before.length };
}
export type { PlanWrite };

/**
 * 结转下年: continuing projects (in the user's scope, not finished) whose fromYear plan
 * exists and that have no toYear plan get a toYear plan per carryForward.
 */
export async function copyForward(ctx: Ctx, fromYear: number, toYear: number, opts: { dryRun?: boolean } = {}): Promise<PlanCopyForwardResult> {
  if (toYear <= fromYear) throw new AppError('VALIDATION', '结转的目标年度应晚于来源年度', [{ path: 'toYear', message: '结转的目标年度应晚于来源年度' }]);
  return ctx.db.transaction(async (tx) => {
    const res = await tx.execute(sql`
      SELECT annual_plans.project_id AS "projectId", projects.stage, annual_plans.category, annual_plans.completed_before_year::text AS before,
             EXISTS (SELECT 1 FROM annual_plans n WHERE n.project_id = annual_plans.project_id AND n.year = ${toYear}) AS "hasTo",
             coalesce((SELECT sum(r.investment) FROM monthly_reports r WHERE r.project_id = annual_plans.project_id AND r.year = ${fromYear} AND r.status = 'accepted'), 0)::text AS reported
      FROM annual_plans JOIN projects ON projects.id = annual_plans.project_id
      WHERE annual_plans.year = ${fromYear} AND projects.deleted_at IS NULL AND ${projectScope(ctx.user)}
      ORDER BY annual_plans.project_id`);
    const rows = res.rows as Array<{ projectId: number; stage: ProjectStage; category: YearCategory; before: string; hasTo: boolean; reported: string }>;
    let skippedExisting = 0;
    let skippedFinished = 0;
    const writes: PlanWrite[] = [];
    for (const r of rows) {
      if (r.hasTo) {
        skippedExisting++;
        continue;
      }
      const c = carryForward({ stage: r.stage, fromCategory: r.category, completedBeforeYear: Number(r.before), reportedInYear: Number(r.reported) });
      if (!c) {
        skippedFinished++;
        continue;
      }
      writes.push({ projectId: Number(r.projectId), ...c, imageTarget: null });
    }
    if (!opts.dryRun && writes.length) {
      await applyPlans(ctx, tx, toYear, writes, { kind: 'copy' });
      await writeAudit(tx, ctx, {
        action: 'plan.copy_forward',
        entityType: 'annual_plan',
        summary: `${fromYear}年度计划结转至${toYear}年度：${writes.length}个项目`,
        after: { fromYear, toYear, copied: writes.length, skippedExisting, skippedFinished, projectIds: writes.map((w) => w.projectId) },
      });
    }
    return { copied: writes.length, skippedExisting, skippedFinished, dryRun: !!opts.dryRun };
  });
}

export { FINISHED_STAGES };

/**
 * 年度类别 has one source of truth: the annual plan of a year. The ledger's category (the
 * project's) is derived from the plan of the project's plan year, here, whenever such a plan
 * is written; the dashboard reads the plan of the year it shows.
 */
export async function deriveLedgerCategory(tx: DbOrTx, projectIds: number[], year: number): Promise<void> {
  if (!projectIds.length) return;
  await tx.execute(sql`UPDATE projects SET category = ap.category FROM annual_plans ap
    WHERE ap.project_id = projects.id AND ap.year = ${year} AND projects.plan_year = ${year}
      AND projects.id IN (${sql.join(projectIds.map((i) => sql`${i}`), sql`, `)}) AND projects.category <> ap.category`);
}
