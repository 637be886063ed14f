import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { can, regionPrefix, type Report, type ReportDetail, type ReportDraft, type ReportGaps, type ReportListQuery, type ReportRevise, type ReportWindow, type ReportWindowCreate, type ReportWindowPatch } from '@tiaodu/contracts';
import { monthlyReports, reportPhotos, reportRevisions, reportWindows, users } from '../../db/schema.js';
import type { DbOrTx, Tx } from '../../db/client.js';
import type { Ctx } from '../../core/context.js';
import { AppError, fieldError } from '../../core/errors.js';
import { writeAudit } from '../../core/audit.js';
import { projectScope } from '../../core/scope.js';
import { bumpRollups } from '../dashboard/rollups.js';
import { publish } from '../../core/events.js';
import { reportFigures } from './domain/figures.js';
import { reportMove, reportedDelta, type ReportAction, type ReportStatus } from './domain/state.js';
import * as repo from './reports.repository.js';

/* ------------------------------------------------------------------ windows (填报窗口) */

function windowOut(w: typeof reportWindows.$inferSelect): ReportWindow {
  const iso = (v: unknown) => (v == null ? null : new Date(v as string).toISOString());
  return { id: w.id, year: w.year, month: w.month, deadline: w.deadline, status: w.status as 'open' | 'closed', openedAt: iso(w.openedAt)!, closedAt: iso(w.closedAt) };
}

export async function listWindows(ctx: Ctx, year?: number): Promise<ReportWindow[]> {
  const rows = await ctx.db
    .select()
    .from(reportWindows)
    .where(year ? eq(reportWindows.year, year) : undefined)
    .orderBy(desc(reportWindows.year), desc(reportWindows.month));
  return rows.map(windowOut);
}

function checkDeadline(year: number, month: number, deadline: string) {
  const first = `${year}-${String(month).padStart(2, '0')}-01`;
  if (deadline < first) throw fieldError('deadline', '截止日期不能早于填报月份');
}

export async function openWindow(ctx: Ctx, input: ReportWindowCreate): Promise<ReportWindow> {
  checkDeadline(input.year, input.month, input.deadline);
  return ctx.db.transaction(async (tx) => {
    const exists = await tx.select({ id: reportWindows.id }).from(reportWindows).where(and(eq(reportWindows.year, input.year), eq(reportWindows.month, input.month)));
    if (exists.length) throw new AppError('DUPLICATE', `${input.year}年${input.month}月的填报窗口已经开启过`, [{ path: 'month', message: '该月份已有填报窗口' }]);
    const [w] = await tx
      .insert(reportWindows)
      .values({ year: input.year, month: input.month, deadline: input.deadline, status: 'open', openedBy: ctx.user.id || null, openedAt: ctx.clock.now().toISOString() })
      .returning();
    await writeAudit(tx, ctx, { action: 'report.window', entityType: 'report_window', entityId: w!.id, summary: `开启${input.year}年${input.month}月月报填报，截止${input.deadline}`, after: windowOut(w!) });
    await publish(tx, ctx, 'report.window.changed', { year: input.year, month: input.month });
    return windowOut(w!);
  });
}

export async function patchWindow(ctx: Ctx, id: number, patch: ReportWindowPatch): Promise<ReportWindow> {
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(reportWindows).where(eq(reportWindows.id, id)).for('update');
    if (!before) throw new AppError('NOT_FOUND');
    if (patch.deadline) checkDeadline(before.year, before.month, patch.deadline);
    const set: Partial<typeof reportWindows.$inferInsert> = {};
    if (patch.deadline) set.deadline = patch.deadline;
    if (patch.status === 'closed' && before.status !== 'closed') Object.assign(set, { status: 'closed', closedAt: ctx.clock.now().toISOString() });
    if (patch.status === 'open' && before.status !== 'open') Object.assign(set, { status: 'open', closedAt: null });
    if (!Object.keys(set).length) return windowOut(before);
    const [w] = await tx.update(reportWindows).set(set).where(eq(reportWindows.id, id)).returning();
    const what = patch.status === 'closed' ? '关闭' : patch.status === 'open' ? '重新开启' : '修改截止日期';
    await writeAudit(tx, ctx, { action: 'report.window', entityType: 'report_window', entityId: id, summary: `${what}${before.year}年${before.month}月月报填报`, before: windowOut(before), after: windowOut(w!) });
    if (w!.deadline !== before.deadline) await publish(tx, ctx, 'report.window.changed', { year: before.year, month: before.month });
    return windowOut(w!);
  });
}

/* ------------------------------------------------------------------ reading */

function toReport(row: repo.ReportRow, months: Array<{ month: number; investment: number; accepted: boolean; pending: boolean }>): Report {
  const { deptId: _d, deptName: _n, completedBeforeYear, category: _c, ...rest } = row;
  return {
    ...rest,
    figures: reportFigures({ months, month: row.month, plannedInvestment: row.plannedInvestment, completedBeforeYear, totalInvestment: row.totalInvestment }),
  };
}

async function withFigures(db: DbOrTx, rows: repo.ReportRow[], year: number): Promise<Report[]> {
  const months = await repo.yearMonths(db, [...new Set(rows.map((r) => r.projectId))], year);
  return rows.map((r) => toReport(r, months.get(r.projectId) ?? []));
}

export async function listReports(ctx: Ctx, q: ReportListQuery): Promise<{ items: Report[]; total: number }> {
  const rows = await repo.findMonthRows(ctx.db, ctx.user, q.year, q.month, {
    expected: true,
    regionPrefix: q.regionCode ? regionPrefix(q.regionCode) : undefined,
    q: q.q || undefined,
  });
  const filtered = q.status ? rows.filter((r) => (q.status === 'missing' ? r.status === null || r.status === 'draft' : r.status === q.status)) : rows;
  const items = await withFigures(ctx.db, filtered, q.year);
  return { items, total: items.length };
}

export async function projectReports(ctx: Ctx, projectId: number, year: number): Promise<Report[]> {
  const out: repo.ReportRow[] = [];
  for (let m = 1; m <= 12; m++) {
    const rows = await repo.findMonthRows(ctx.db, ctx.user, year, m, { expected: false, projectId });
    out.push(...rows);
  }
  if (!out.length) {
    const exists = await repo.findMonthRows(ctx.db, ctx.user, year, 1, { expected: true, projectId });
    const visible = exists.length || (await ctx.db.execute(sql`SELECT 1 FROM projects WHERE id = ${projectId} AND deleted_at IS NULL AND ${projectScope(ctx.user)}`)).rows.length;
    if (!visible) throw new AppError('NOT_FOUND');
  }
  return withFigures(ctx.db, out, year);
}

async function oneRow(db: DbOrTx, ctx: Ctx, projectId: number, year: number, month: number): Promise<repo.ReportRow> {
  const rows = await repo.findMonthRows(db, ctx.user, year, month, { expected: true, projectId });
  if (rows[0]) return rows[0];
  // In scope but not expected to report: still readable (and fillable) if the project is visible.
  const any = await db.execute(sql`SELECT 1 FROM projects WHERE id = ${projectId} AND deleted_at IS NULL AND ${projectScope(ctx.user)}`);
  if (!any.rows.length) throw new AppError('NOT_FOUND');
  const forced = await repo.findMonthRows(db, { ...ctx.user, scopeType: 'all' }, year, month, { expected: false, projectId });
  if (forced[0]) return forced[0];
  throw new AppError('NOT_FOUND', '该项目本月无需填报月报');
}

export async function getReport(ctx: Ctx, projectId: number, year: number, month: number, db: DbOrTx = ctx.db): Promise<ReportDetail> {
  const row = await oneRow(db, ctx, projectId, year, month);
  const [report] = await withFigures(db, [row], year);
  const revisions = row.id
    ? await db
        .select({ id: reportRevisions.id, revision: reportRevisions.revision, before: reportRevisions.before, after: reportRevisions.after, reason: reportRevisions.reason, userName: users.displayName, at: reportRevisions.at })
        .from(reportRevisions)
        .leftJoin(users, eq(users.id, reportRevisions.userId))
        .where(eq(reportRevisions.reportId, row.id))
        .orderBy(asc(reportRevisions.revision))
    : [];
  const photos = row.id
    ? await db
        .select({ id: reportPhotos.id, originalName: reportPhotos.originalName, mime: reportPhotos.mime, size: reportPhotos.size, takenAt: reportPhotos.takenAt, lat: reportPhotos.lat, lng: reportPhotos.lng })
        .from(reportPhotos)
        .where(eq(reportPhotos.reportId, row.id))
        .orderBy(asc(reportPhotos.id))
    : [];
  const [w] = await db.select().from(reportWindows).where(and(eq(reportWindows.year, year), eq(reportWindows.month, month)));
  const role = ctx.user.role;
  const open = w?.status === 'open';
  const status = row.status ?? 'draft';
  return {
    ...report!,
    revisions: revisions.map((r) => ({ ...r, before: r.before as Record<string, unknown>, after: r.after as Record<string, unknown>, at: new Date(r.at as unknown as string).toISOString() })),
    photos: photos.map((p) => ({ ...p, takenAt: p.takenAt ? new Date(p.takenAt as unknown as string).toISOString() : null })),
    window: w ? windowOut(w) : null,
    abilities: {
      fill: can(role, 'report:fill') && open && (status === 'draft' || status === 'returned'),
      review: can(role, 'report:review') && status === 'submitted',
      revise: can(role, 'report:review') && status === 'accepted',
    },
  };
}

/* ------------------------------------------------------------------ writing */

type ReportRecord = typeof monthlyReports.$inferSelect;

function auditView(r: ReportRecord) {
  return { projectId: r.projectId, year: r.year, month: r.month, status: r.status, investment: Number(r.investment), progressText: r.progressText, problemsText: r.problemsText, returnReason: r.returnReason, revision: r.revision };
}

/**
 * One write to a report, in one transaction: locks the project (in scope), checks the
 * window for fills, the state machine and the version, applies the change, bumps the
 * roll-ups by what the move changed in "reported", writes the audit and calls the warnings
 * hook.
 */
async function writeReport(
  ctx: Ctx,
  projectId: number,
  year: number,
  month: number,
  action: ReportAction,
  opts: { version?: number; create?: boolean; apply: (cur: ReportRecord | undefined, to: ReportStatus, now: string) => Partial<typeof monthlyReports.$inferInsert>; audit: (before: ReportRecord | undefined, after: ReportRecord) => { summary: string } },
  outer?: Tx,
): Promise<ReportRecord> {
  const run = async (tx: Tx) => {
    const project = await repo.lockProject(tx, ctx.user, projectId, year);
    if (!project) throw new AppError('NOT_FOUND');
    if (action === 'save' || action === 'submit') {
      const [w] = await tx.select().from(reportWindows).where(and(eq(reportWindows.year, year), eq(reportWindows.month, month)));
      if (!w) throw new AppError('CONFLICT', `${year}年${month}月的月报填报尚未开启`);
      if (w.status !== 'open') throw new AppError('CONFLICT', `${year}年${month}月的月报填报已关闭`);
    }
    const [cur] = await tx.select().from(monthlyReports).where(and(eq(monthlyReports.projectId, projectId), eq(monthlyReports.year, year), eq(monthlyReports.month, month)));
    if (!cur && !opts.create) throw new AppError('NOT_FOUND', '该月报尚未填写');
    const from: ReportStatus = (cur?.status as ReportStatus) ?? 'draft';
    const move = reportMove(from, action);
    if (!move.ok) throw new AppError('CONFLICT', move.reason);
    if (cur && opts.version !== undefined && opts.version !== cur.version) throw new AppError('CONFLICT');
    const now = ctx.clock.now().toISOString();
    const set = { ...opts.apply(cur, move.to, now), status: move.to, updatedAt: now };
    let after: ReportRecord;
    if (cur) {
      [after] = (await tx
        .update(monthlyReports)
        .set({ ...set, version: sql`${monthlyReports.version} + 1` })
        .where(eq(monthlyReports.id, cur.id))
        .returning()) as [ReportRecord];
    } else {
      [after] = (await tx.insert(monthlyReports).values({ projectId, year, month, ...set, createdAt: now }).returning()) as [ReportRecord];
    }
    const delta = reportedDelta(from, move.to, Number(cur?.investment ?? 0), Number(after.investment));
    if (delta.completed || delta.pending || delta.reports) await bumpRollups(tx, [{ year, month, regionCode: project.regionCode, category: project.category, ...delta }]);
    const a = opts.audit(cur, after);
    await writeAudit(tx, ctx, { action: `report.${action}` as 'report.save', entityType: 'monthly_report', entityId: after.id, summary: a.summary, before: cur ? auditView(cur) : undefined, after: auditView(after) });
    await publish(tx, ctx, 'report.changed', { projectIds: [projectId], year, month });
    if (action === 'submit') await publish(tx, ctx, 'report.submitted', { report: after });
    return after;
  };
  return outer ? run(outer) : ctx.db.transaction(run);
}

const ym = (y: number, m: number) => `${y}年${m}月`;

export async function saveDraft(ctx: Ctx, projectId: number, year: number, month: number, body: ReportDraft): Promise<ReportDetail> {
  await writeReport(ctx, projectId, year, month, 'save', {
    version: body.version,
    create: true,
    apply: () => ({ investment: body.investment.toFixed(2), progressText: body.progressText, problemsText: body.problemsText }),
    audit: () => ({ summary: `保存${ym(year, month)}月报草稿` }),
  });
  return getReport(ctx, projectId, year, month);
}

export async function submitReport(ctx: Ctx, projectId: number, year: number, month: number, body: Partial<ReportDraft> = {}, tx?: Tx): Promise<void> {
  await writeReport(
    ctx,
    projectId,
    year,
    month,
    'submit',
    {
      version: body.version,
      create: body.investment !== undefined,
      apply: (_cur, _to, now) => ({
        ...(body.investment !== undefined ? { investment: body.investment.toFixed(2), progressText: body.progressText ?? null, problemsText: body.problemsText ?? null } : {}),
        submittedAt: now,
        submittedBy: ctx.user.id || null,
      }),
      audit: () => ({ summary: `报送${ym(year, month)}月报` }),
    },
    tx,
  );
}

export async function returnReport(ctx: Ctx, projectId: number, year: number, month: number, reason: string, version?: number): Promise<void> {
  await writeReport(ctx, projectId, year, month, 'return', {
    version,
    apply: (_c, _t, now) => ({ returnReason: reason, reviewedAt: now, reviewedBy: ctx.user.id || null }),
    audit: () => ({ summary: `退回${ym(year, month)}月报：${reason}` }),
  });
}

export async function acceptReport(ctx: Ctx, projectId: number, year: number, month: number, version?: number): Promise<void> {
  await writeReport(ctx, projectId, year, month, 'accept', {
    version,
    apply: (_c, _t, now) => ({ reviewedAt: now, reviewedBy: ctx.user.id || null }),
    audit: () => ({ summary: `审核通过${ym(year, month)}月报` }),
  });
}

/**
 * A change after acceptance (修订). Who: report:review (the dispatcher who accepted the
 * report); a unit that finds a mistake asks the dispatcher. The original figure is kept in
 * a report_revisions row with before/after/reason/user, the revision counter goes up, and
 * every revision is listed on the report.
 */
export async function reviseReport(ctx: Ctx, projectId: number, year: number, month: number, body: ReportRevise): Promise<ReportDetail> {
  await ctx.db.transaction(async (tx) => {
    let revRow: { before: Record<string, unknown>; after: Record<string, unknown> } = { before: {}, after: {} };
    const after = await writeReport(
      ctx,
      projectId,
      year,
      month,
      'revise',
      {
        apply: (cur) => {
          const before: Record<string, unknown> = {};
          const aft: Record<string, unknown> = {};
          const set: Partial<typeof monthlyReports.$inferInsert> = { revision: (cur?.revision ?? 0) + 1 };
          if (body.investment !== undefined && Number(cur!.investment) !== body.investment) {
            before.investment = Number(cur!.investment);
            aft.investment = body.investment;
            set.investment = body.investment.toFixed(2);
          }
          if (body.progressText !== undefined && (cur!.progressText ?? null) !== body.progressText) {
            before.progressText = cur!.progressText;
            aft.progressText = body.progressText;
            set.progressText = body.progressText;
          }
          if (!Object.keys(aft).length) throw fieldError('investment', '修订后的数据与原数据相同');
          revRow = { before, after: aft };
          return set;
        },
        audit: (_b, a) => ({ summary: `修订${ym(year, month)}月报（第${a.revision}次）：${body.reason}` }),
      },
      tx,
    );
    await tx.insert(reportRevisions).values({ reportId: after.id, revision: after.revision, before: revRow.before, after: revRow.after, reason: body.reason, userId: ctx.user.id || null, at: ctx.clock.now().toISOString() });
  });
  return getReport(ctx, projectId, year, month);
}

/* ------------------------------------------------------------------ gaps (缺报、迟报、退回) */

/**
 * Missing (应报未报: expected to report and no submitted/accepted report — drafts count as
 * missing), late (submitted after the deadline, China time) and returned reports of a month,
 * with counts per region and per responsible unit (责任单位, the responsible department).
 */
export async function reportGaps(ctx: Ctx, year: number, month: number): Promise<ReportGaps> {
  const rows = await repo.findMonthRows(ctx.db, ctx.user, year, month, { expected: true });
  const missingRows = rows.filter((r) => r.status === null || r.status === 'draft');
  const lateRows = rows.filter((r) => r.late && (r.status === 'submitted' || r.status === 'accepted'));
  const returnedRows = rows.filter((r) => r.status === 'returned');
  const count = (key: (r: repo.ReportRow) => [string, string | null]) => {
    const m = new Map<string, { key: string; name: string | null; missing: number; late: number; returned: number }>();
    const add = (list: repo.ReportRow[], f: 'missing' | 'late' | 'returned') => {
      for (const r of list) {
        const [k, name] = key(r);
        const c = m.get(k) ?? { key: k, name, missing: 0, late: 0, returned: 0 };
        c[f]++;
        m.set(k, c);
      }
    };
    add(missingRows, 'missing');
    add(lateRows, 'late');
    add(returnedRows, 'returned');
    return [...m.values()].sort((a, b) => a.key.localeCompare(b.key));
  };
  const [missing, late, returned] = await Promise.all([withFigures(ctx.db, missingRows, year), withFigures(ctx.db, lateRows, year), withFigures(ctx.db, returnedRows, year)]);
  return {
    missing,
    late,
    returned,
    byRegion: count((r) => [r.regionCode, r.regionName]),
    byUnit: count((r) => [r.deptId ? String(r.deptId) : '-', r.deptName ?? '未指定责任单位']),
  };
}

/** Who owes a report for a month (the SQL condition the lights of other modules read too). */
export { owesReport } from './reports.repository.js';
