import { and, asc, eq, sql } from 'drizzle-orm';
import {
  MONTH_PERIOD_RE,
  monthPeriodKey,
  quarterPeriodKey,
  type EfficiencyGrade,
  type EfficiencyGradeRow,
  type EfficiencyMonth,
  type EfficiencyQuarter,
  type PublicEfficiency,
  type PublicTable,
  type PublicTableKind,
  type PublishInput,
} from '@tiaodu/contracts';
import { approvalItems, departments, efficiencySnapshots, projectApprovals, publicTables, users } from '../../db/schema.js';
import type { DbOrTx } from '../../db/client.js';
import type { Ctx } from '../../core/context.js';
import { AppError, fieldError } from '../../core/errors.js';
import { writeAudit } from '../../core/audit.js';
import { toIso } from '../../core/clock.js';
import { ensureStoredTimings, todayOf } from './approvals.service.js';
import * as repo from './approvals.repository.js';
import { gradeCutoffs } from './catalogue.service.js';
import { efficiencyTable, gradeOf, monthPeriod, quarterPeriod, topAndBottom, type EfficiencyFigures, type EfficiencyItem, type Period } from './domain/efficiency.js';

/** The departments that handle approvals: those named in the catalogue or on a project's item. */
async function handlingDepartments(db: DbOrTx): Promise<Array<{ id: number; name: string }>> {
  // two EXISTS joined by UNION, each answered from its table's department index; joined by
  // OR in one WHERE, the planner scanned project_approvals once per department
  const res = await db.execute(sql`SELECT id, name, sort FROM ${departments} d WHERE EXISTS (SELECT 1 FROM ${projectApprovals} pa WHERE pa.department_id = d.id)
    UNION SELECT id, name, sort FROM ${departments} d WHERE EXISTS (SELECT 1 FROM ${approvalItems} ai WHERE ai.department_id = d.id)
    ORDER BY sort, id`);
  return res.rows.map((r) => ({ id: Number((r as { id: unknown }).id), name: String((r as { name: unknown }).name) }));
}

/**
 * The figures of every handling department over a period, from the items' stored timings
 * (受理 and 办结 dates, working days used, the 超时 date as of today, the rating): no event
 * is replayed, so a table costs one query whatever the number of items.
 */
export async function periodFigures(ctx: Ctx, p: Period): Promise<EfficiencyFigures[]> {
  await ensureStoredTimings(ctx);
  const today = todayOf(ctx);
  const [depts, facts] = await Promise.all([handlingDepartments(ctx.db), repo.efficiencyFacts(ctx.db, p.from, p.to)]);
  const items: EfficiencyItem[] = facts.map((f) => ({ ...f, overdueOn: f.redOn !== null && f.redOn <= today ? f.redOn : null }));
  return efficiencyTable(depts, items, p);
}

async function publishedAt(db: DbOrTx, kind: PublicTableKind, period: string): Promise<string | null> {
  const [r] = await db
    .select({ at: publicTables.publishedAt })
    .from(publicTables)
    .where(and(eq(publicTables.tableKey, kind), eq(publicTables.period, period)));
  return r ? toIso(r.at) : null;
}

export async function monthTable(ctx: Ctx, year: number, month: number): Promise<EfficiencyMonth> {
  const rows = await periodFigures(ctx, monthPeriod(year, month));
  return { year, month, rows, ...topAndBottom(rows), publishedAt: await publishedAt(ctx.db, 'department_monthly', monthPeriodKey(year, month)) };
}

function graded(rows: EfficiencyFigures[], cutoffs: Awaited<ReturnType<typeof gradeCutoffs>>): EfficiencyGradeRow[] {
  return rows.map((r) => ({ ...r, grade: gradeOf(r, cutoffs) }));
}

export async function quarterTable(ctx: Ctx, year: number, quarter: number): Promise<EfficiencyQuarter> {
  const cutoffs = await gradeCutoffs(ctx.db);
  const rows = graded(await periodFigures(ctx, quarterPeriod(year, quarter)), cutoffs);
  return { year, quarter, rows, cutoffs, publishedAt: await publishedAt(ctx.db, 'department_quarterly', quarterPeriodKey(year, quarter)) };
}

/* ------------------------------------------------------------------ publication (信息公开) */

function parsePeriod(kind: PublicTableKind, period: string): { year: number; n: number; p: Period } {
  const year = Number(period.slice(0, 4));
  if (kind === 'department_monthly') {
    if (!MONTH_PERIOD_RE.test(period)) throw fieldError('period', '期间不正确');
    const n = Number(period.slice(5, 7));
    return { year, n, p: monthPeriod(year, n) };
  }
  const n = Number(period.slice(5));
  return { year, n, p: quarterPeriod(year, n) };
}

export async function listPublished(ctx: Ctx): Promise<Array<PublicTable & { publishedBy: string | null }>> {
  const rows = await ctx.db
    .select({ kind: publicTables.tableKey, period: publicTables.period, publishedAt: publicTables.publishedAt, publishedBy: users.displayName })
    .from(publicTables)
    .leftJoin(users, eq(users.id, publicTables.publishedBy))
    .orderBy(sql`${publicTables.period} DESC`, asc(publicTables.tableKey));
  return rows.map((r) => ({ kind: r.kind as PublicTableKind, period: r.period, publishedAt: toIso(r.publishedAt)!, publishedBy: r.publishedBy }));
}

/**
 * Publishes a table (its figures as of now are kept in efficiency_snapshots and shown on the
 * public pages; publishing again refreshes them) or withdraws it.
 */
export async function publish(ctx: Ctx, input: PublishInput): Promise<Array<PublicTable & { publishedBy: string | null }>> {
  const { kind, period, published } = input;
  const { year, n, p } = parsePeriod(kind, period);
  if (published && p.from > todayOf(ctx)) throw fieldError('period', '该期间尚未开始，不能公开');
  let rows: Array<EfficiencyFigures & { grade?: EfficiencyGrade | null }> = [];
  if (published) rows = kind === 'department_monthly' ? (await monthTable(ctx, year, n)).rows : (await quarterTable(ctx, year, n)).rows;
  await ctx.db.transaction(async (tx) => {
    const before = await publishedAt(tx, kind, period);
    await tx.delete(efficiencySnapshots).where(eq(efficiencySnapshots.period, period));
    const label = kind === 'department_monthly' ? `${year}年${n}月部门效能月度表` : `${year}年第${n}季度部门效能等次`;
    if (!published) {
      if (!before) return;
      await tx.delete(publicTables).where(and(eq(publicTables.tableKey, kind), eq(publicTables.period, period)));
      await writeAudit(tx, ctx, { action: 'efficiency.publish', entityType: 'public_table', entityId: `${kind}:${period}`, summary: `撤回公开${label}`, before: { publishedAt: before } });
      return;
    }
    const now = ctx.clock.now().toISOString();
    if (rows.length) {
      await tx.insert(efficiencySnapshots).values(
        rows.map(({ departmentId, rank, grade, ...figures }) => ({ period, departmentId, figures, rank, grade: grade ?? null, computedAt: now })),
      );
    }
    await tx
      .insert(publicTables)
      .values({ tableKey: kind, period, publishedBy: ctx.user.id || null, publishedAt: now })
      .onConflictDoUpdate({ target: [publicTables.tableKey, publicTables.period], set: { publishedBy: ctx.user.id || null, publishedAt: now } });
    await writeAudit(tx, ctx, {
      action: 'efficiency.publish',
      entityType: 'public_table',
      entityId: `${kind}:${period}`,
      summary: `${before ? '更新公开' : '公开'}${label}（${rows.length}个部门）`,
      after: { publishedAt: now, departments: rows.length },
    });
  });
  return listPublished(ctx);
}

/* ------------------------------------------------------------------ the public pages (no login) */

/** What is published, newest first: no names of people. */
export async function publicIndex(db: DbOrTx): Promise<PublicTable[]> {
  const rows = await db
    .select({ kind: publicTables.tableKey, period: publicTables.period, publishedAt: publicTables.publishedAt })
    .from(publicTables)
    .orderBy(sql`${publicTables.period} DESC`, asc(publicTables.tableKey));
  return rows.map((r) => ({ kind: r.kind as PublicTableKind, period: r.period, publishedAt: toIso(r.publishedAt)! }));
}

/** A published table as it was published; anything not published answers 404. */
export async function publicTable(db: DbOrTx, kind: PublicTableKind, period: string): Promise<PublicEfficiency> {
  const at = await publishedAt(db, kind, period);
  if (!at) throw new AppError('NOT_FOUND');
  const snaps = await db
    .select({ departmentId: efficiencySnapshots.departmentId, departmentName: departments.name, figures: efficiencySnapshots.figures, rank: efficiencySnapshots.rank, grade: efficiencySnapshots.grade })
    .from(efficiencySnapshots)
    .innerJoin(departments, eq(departments.id, efficiencySnapshots.departmentId))
    .where(eq(efficiencySnapshots.period, period));
  const rows: EfficiencyGradeRow[] = snaps
    .map((s) => {
      const f = s.figures as Omit<EfficiencyFigures, 'departmentId' | 'rank'>;
      return {
        departmentId: s.departmentId,
        departmentName: s.departmentName,
        accepted: f.accepted,
        completed: f.completed,
        avgDays: f.avgDays,
        speedUp: f.speedUp,
        overdue: f.overdue,
        satisfaction: f.satisfaction,
        rated: f.rated,
        rank: s.rank,
        grade: (s.grade as EfficiencyGrade | null) ?? null,
      };
    })
    .sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9) || a.departmentName.localeCompare(b.departmentName, 'zh-CN'));
  return { kind, period, publishedAt: at, rows, ...topAndBottom(rows) };
}
