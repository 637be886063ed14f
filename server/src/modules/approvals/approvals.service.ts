import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import {
  APPROVAL_ACTION_VALUES,
  APPROVAL_ACTIONS,
  APPROVAL_RATINGS,
  DEPARTMENT_APPROVAL_ACTIONS,
  can,
  labelOf,
  type ApprovalAct,
  type ApprovalAction,
  type ApprovalList,
  type OverdueList,
  type OverdueQuery,
  type ApprovalListQuery,
  type ApprovalRating,
  type ApprovalStatus,
  type OverdueRow,
  type ProjectApproval,
  type ProjectApprovalDetail,
  type ProjectApprovals,
} from '@tiaodu/contracts';
import { approvalEvents, approvalItems, approvalTemplates, projectApprovals, projects } from '../../db/schema.js';
import type { DbOrTx, Tx } from '../../db/client.js';
import type { Ctx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { writeAudit } from '../../core/audit.js';
import { chinaToday } from '../../core/clock.js';
import { loadCalendar, onCalendarChange, type Calendar } from '../../core/calendar.js';
import { notify } from '../notifications/notify.js';
import * as repo from './approvals.repository.js';
import { listTemplates, processLimits } from './catalogue.service.js';
import { approvalMove, currentStep, isFinished, OPEN_STATUSES } from './domain/state.js';
import { itemTiming, storedTiming, type ItemTiming, type StoredTiming } from './domain/timing.js';
import { processView, type ProcessItem } from './domain/process.js';

export function todayOf(ctx: Ctx): string {
  return chinaToday(ctx.clock.now());
}

const actionZh = (a: ApprovalAction) => labelOf(APPROVAL_ACTIONS, a);

/* ------------------------------------------------------------------ who may do what */

/** The handling department's users do the department's acts on its items. */
function isHandler(ctx: Ctx, row: { departmentId: number }): boolean {
  return can(ctx.user.role, 'approval:handle') && ctx.user.departmentId != null && ctx.user.departmentId === row.departmentId;
}

/**
 * The applicant side (申报, 补正后重新提交, 评价): the project unit of the project, or staff who
 * keep the project's data (帮办代办: dispatcher, region users, admin) — the row is already in
 * their scope.
 */
function isApplicant(ctx: Ctx, row: { ownerEnterpriseId: number | null }): boolean {
  const u = ctx.user;
  if (u.role === 'unit') return u.enterpriseId != null && u.enterpriseId === row.ownerEnterpriseId;
  if (u.role === 'department') return false;
  return can(u.role, 'approval:manage') || can(u.role, 'project:update');
}

function allowedActions(ctx: Ctx, row: repo.ApprovalRow, t: ItemTiming): ApprovalAction[] {
  return APPROVAL_ACTION_VALUES.filter((a) => {
    if (!approvalMove(t.replayed.state, a).ok) return false;
    return DEPARTMENT_APPROVAL_ACTIONS.includes(a) ? isHandler(ctx, row) : isApplicant(ctx, row);
  });
}

/* ------------------------------------------------------------------ views */

interface Computed {
  row: repo.ApprovalRow;
  events: repo.EventRow[];
  timing: ItemTiming;
}

/** Items with their timing. The calendar is loaded by the caller, outside any transaction. */
async function compute(ctx: Ctx, db: DbOrTx, rows: repo.ApprovalRow[], calendar: Calendar): Promise<Computed[]> {
  const events = await repo.findEvents(db, rows.map((r) => r.id));
  const today = todayOf(ctx);
  const out: Computed[] = [];
  for (const [i, row] of rows.entries()) {
    // the jobs replay tens of thousands of items: let requests in between (every 500 items)
    if (i > 0 && i % 500 === 0) await new Promise((r) => setImmediate(r));
    const ev = events.get(row.id) ?? [];
    out.push({ row, events: ev, timing: itemTiming(calendar, repo.toActions(ev), { promisedDays: row.promisedDays, stepDays: row.stepLimits }, today) });
  }
  return out;
}

function summary(ctx: Ctx, c: Computed): ProjectApproval {
  const { row, events, timing } = c;
  const firstOf = (to: ApprovalStatus) => events.find((e) => e.toStatus === to && e.fromStatus !== 'returned')?.at ?? null;
  return {
    id: row.id,
    projectId: row.projectId,
    projectName: row.projectName,
    itemId: row.itemId,
    name: row.name,
    phase: row.phase,
    departmentId: row.departmentId,
    departmentName: row.departmentName,
    statutoryDays: row.statutoryDays,
    promisedDays: row.promisedDays,
    status: timing.replayed.state.status,
    currentStep: currentStep(timing.replayed.state),
    submittedAt: firstOf('pending'),
    acceptedAt: firstOf('accepted'),
    completedAt: firstOf('done'),
    usedDays: timing.item.usedDays,
    dueDate: timing.item.dueDate,
    signal: timing.signal,
    suspended: timing.paused,
    rating: (row.rating as ApprovalRating | null) ?? null,
    version: row.version,
    actions: allowedActions(ctx, row, timing),
    canRate: timing.replayed.state.status === 'done' && !row.rating && isApplicant(ctx, row),
  };
}

function detail(ctx: Ctx, c: Computed): ProjectApprovalDetail {
  const { events, timing } = c;
  return {
    ...summary(ctx, c),
    steps: timing.steps.map((s) => {
      const acts = timing.replayed.stepActs[s.step];
      const closing = acts?.closed != null ? events[acts.closed] : undefined;
      return {
        step: s.step,
        limitDays: s.limitDays,
        startedAt: acts ? (events[acts.opened]?.at ?? null) : null,
        doneAt: closing?.at ?? null,
        doneBy: closing?.userName ?? null,
        usedDays: s.usedDays,
        dueDate: s.dueDate,
        signal: s.signal,
      };
    }),
    events: events.map((e) => ({ id: e.id, action: repo.toActions([e])[0]!.action, at: e.at, userName: e.userName, reason: e.reason })),
  };
}

function processOf(cs: Computed[]): ProcessItem[] {
  return cs.map((c) => ({
    phase: c.row.phase,
    handling: c.timing.replayed.acceptedOn ? { from: c.timing.replayed.acceptedOn, to: c.timing.replayed.completedOn } : null,
    suspensions: c.timing.replayed.suspensions,
  }));
}

/** A project's items with their steps, and the four phases against the whole-process limit. */
export async function projectApprovalsView(ctx: Ctx, projectId: number): Promise<ProjectApprovals> {
  const rows = await repo.findApprovals(ctx.db, ctx.user, eq(projectApprovals.projectId, projectId));
  const project = await repo.projectInScope(ctx.db, ctx.user, projectId);
  // a department user reaches a project through its own items only
  if (!project && !rows.length) throw new AppError('NOT_FOUND');
  const cal = await loadCalendar(ctx.db);
  const computed = await compute(ctx, ctx.db, rows, cal);
  const limits = await processLimits(ctx.db);
  const pv = processView(cal, processOf(computed), limits, todayOf(ctx));
  return {
    projectId,
    projectName: project?.name ?? rows[0]!.projectName,
    items: computed.map((c) => detail(ctx, c)),
    phases: pv.phases.map((p) => ({
      phase: p.phase,
      limitDays: p.limitDays,
      usedDays: p.usedDays,
      items: p.items,
      completed: computed.filter((c) => c.row.phase === p.phase && c.timing.replayed.state.status === 'done').length,
      signal: p.signal,
    })),
    process: { limitDays: pv.limitDays, usedDays: pv.usedDays, remainingDays: pv.remainingDays, signal: pv.signal },
    canManage: !!project && can(ctx.user.role, 'approval:manage'),
  };
}

async function loadOne(ctx: Ctx, db: DbOrTx, id: number, cal: Calendar, forUpdate = false): Promise<Computed> {
  const [row] = await repo.findApprovals(db, ctx.user, eq(projectApprovals.id, id), { forUpdate });
  if (!row) throw new AppError('NOT_FOUND');
  return (await compute(ctx, db, [row], cal))[0]!;
}

export async function getApproval(ctx: Ctx, id: number): Promise<ProjectApprovalDetail> {
  return detail(ctx, await loadOne(ctx, ctx.db, id, await loadCalendar(ctx.db)));
}

/* ------------------------------------------------------------------ giving a project its items */

async function addItemsTx(tx: Tx, ctx: Ctx, projectId: number, itemIds: number[], via: string): Promise<number> {
  const project = await repo.projectInScope(tx, ctx.user, projectId);
  if (!project) throw new AppError('NOT_FOUND');
  await tx.execute(sql`SELECT id FROM projects WHERE id = ${projectId} FOR UPDATE`);
  const items = itemIds.length ? await repo.findItems(tx, and(inArray(approvalItems.id, itemIds), eq(approvalItems.active, true))) : [];
  const existing = await tx
    .select({ itemId: projectApprovals.itemId })
    .from(projectApprovals)
    .where(and(eq(projectApprovals.projectId, projectId), sql`${projectApprovals.status} <> 'rejected'`));
  const have = new Set(existing.map((e) => e.itemId));
  const fresh = items.filter((i) => !have.has(i.id) && i.departmentId);
  if (!fresh.length) return 0;
  const now = ctx.clock.now().toISOString();
  await tx.insert(projectApprovals).values(
    fresh.map((i) => ({
      projectId,
      itemId: i.id,
      departmentId: i.departmentId,
      status: 'not_started',
      promisedDays: i.promisedDays,
      stepLimits: i.stepLimits,
      // not applied yet: no clock runs
      signalFixed: 'none',
      createdAt: now,
      updatedAt: now,
    })),
  );
  await writeAudit(tx, ctx, {
    action: 'approval.add',
    entityType: 'project',
    entityId: projectId,
    summary: `${project.name}${via}增加审批事项：${fresh.map((i) => i.name).join('、')}`,
    after: { items: fresh.map((i) => ({ code: i.code, name: i.name, promisedDays: i.promisedDays })) },
  });
  return fresh.length;
}

/** Applies a template: adds the template's active items the project does not have yet. */
export async function applyTemplate(ctx: Ctx, projectId: number, templateId: number): Promise<ProjectApprovals> {
  await ctx.db.transaction(async (tx) => {
    const [t] = await tx.select().from(approvalTemplates).where(eq(approvalTemplates.id, templateId));
    if (!t || !t.active) throw new AppError('VALIDATION', '模板不存在或已停用', [{ path: 'templateId', message: '模板不存在或已停用' }]);
    const ids = t.itemCodes.length ? (await tx.select({ id: approvalItems.id }).from(approvalItems).where(inArray(approvalItems.code, t.itemCodes))).map((r) => r.id) : [];
    await addItemsTx(tx, ctx, projectId, ids, `套用模板“${t.name}”`);
  });
  return projectApprovalsView(ctx, projectId);
}

export async function addItem(ctx: Ctx, projectId: number, itemId: number): Promise<ProjectApprovals> {
  await ctx.db.transaction(async (tx) => {
    const [i] = await tx.select({ id: approvalItems.id, active: approvalItems.active }).from(approvalItems).where(eq(approvalItems.id, itemId));
    if (!i || !i.active) throw new AppError('VALIDATION', '事项不存在或已停用', [{ path: 'itemId', message: '事项不存在或已停用' }]);
    const n = await addItemsTx(tx, ctx, projectId, [itemId], '');
    if (!n) throw new AppError('DUPLICATE', '项目已有该事项', [{ path: 'itemId', message: '项目已有该事项' }]);
  });
  return projectApprovalsView(ctx, projectId);
}

/** The templates, each saying whether it fits the project. */
export async function projectTemplates(ctx: Ctx, projectId: number) {
  const p = await repo.projectInScope(ctx.db, ctx.user, projectId);
  if (!p) throw new AppError('NOT_FOUND');
  return (await listTemplates(ctx, { investmentType: p.investmentType, field: p.field, category: p.category })).filter((t) => t.active);
}

export async function removeApproval(ctx: Ctx, id: number): Promise<void> {
  const cal = await loadCalendar(ctx.db);
  await ctx.db.transaction(async (tx) => {
    const c = await loadOne(ctx, tx, id, cal, true);
    if (c.row.status !== 'not_started') throw new AppError('CONFLICT', '事项已申报，不能移除');
    await tx.delete(projectApprovals).where(eq(projectApprovals.id, id));
    await writeAudit(tx, ctx, { action: 'approval.remove', entityType: 'project_approval', entityId: id, summary: `${c.row.projectName}移除审批事项“${c.row.name}”`, before: { projectId: c.row.projectId, item: c.row.name } });
  });
}

/* ------------------------------------------------------------------ handling */

/** The columns of project_approvals that keep an item's stored timing. */
function storedColumns(s: StoredTiming) {
  return {
    signalFixed: s.fixed,
    promptOn: s.promptOn,
    yellowOn: s.yellowOn,
    redOn: s.redOn,
    promisedDueDate: s.dueDate,
    acceptedOn: s.acceptedOn,
    completedOn: s.completedOn,
    usedDays: s.usedDays,
  };
}

/** The step an act concerns, kept on the event. */
function stepOfAct(before: ItemTiming, action: ApprovalAction): string | null {
  if (action === 'submit') return 'accept';
  if (['accept', 'undertake', 'review', 'approve', 'finish'].includes(action)) return action;
  return currentStep(before.replayed.state);
}

/**
 * One act on an item, in one transaction: scope and role, the state machine, the version,
 * the event stamped with time and person, the item's derived fields (status, current step,
 * due date), the audit, and the notifications (the department on an application, the
 * project unit on a return, a refusal or 办结).
 */
export async function actOnApproval(ctx: Ctx, id: number, input: ApprovalAct): Promise<ProjectApprovalDetail> {
  const action = input.action;
  const cal = await loadCalendar(ctx.db);
  await ctx.db.transaction(async (tx) => {
    const c = await loadOne(ctx, tx, id, cal, true);
    const dept = DEPARTMENT_APPROVAL_ACTIONS.includes(action);
    if (dept ? !isHandler(ctx, c.row) : !isApplicant(ctx, c.row)) throw new AppError('FORBIDDEN', dept ? '只有办理部门的人员才能办理该事项' : '只有项目单位或代办人员才能申报该事项');
    if (input.version !== undefined && input.version !== c.row.version) throw new AppError('CONFLICT');
    const move = approvalMove(c.timing.replayed.state, action);
    if (!move.ok) throw new AppError('CONFLICT', move.reason);
    const reason = input.reason ?? null;
    if ((action === 'return' || action === 'reject') && !reason) throw new AppError('VALIDATION', '请填写原因', [{ path: 'reason', message: '请填写原因' }]);
    const now = ctx.clock.now().toISOString();
    const from = c.timing.replayed.state.status;
    const [ev] = await tx
      .insert(approvalEvents)
      .values({ projectApprovalId: id, fromStatus: from, toStatus: move.to.status, step: stepOfAct(c.timing, action), actorId: ctx.user.id || null, at: now, reason })
      .returning({ id: approvalEvents.id });
    const after = await loadOne(ctx, tx, id, cal);
    const t = after.timing;
    const step = currentStep(t.replayed.state);
    const openedAt = step ? after.events[t.replayed.stepActs[step]?.opened ?? -1]?.at : undefined;
    await tx
      .update(projectApprovals)
      .set({
        status: t.replayed.state.status,
        currentStep: step,
        startedAt: after.events.find((e) => e.toStatus === 'accepted' && e.fromStatus !== 'returned')?.at ?? null,
        stepStartedAt: openedAt ?? null,
        ...storedColumns(storedTiming(cal, t, todayOf(ctx))),
        doneAt: isFinished(t.replayed.state.status) ? now : null,
        handlerId: ctx.user.id || null,
        ...(action === 'return' || action === 'reject' ? { reason } : {}),
        version: sql`${projectApprovals.version} + 1`,
        updatedAt: now,
      })
      .where(eq(projectApprovals.id, id));
    const label = actionZh(action);
    await writeAudit(tx, ctx, {
      action: 'approval.act',
      entityType: 'project_approval',
      entityId: id,
      summary: `${c.row.projectName}“${c.row.name}”${label}${reason ? `：${reason}` : ''}`,
      before: { status: from },
      after: { status: move.to.status, ...(reason ? { reason } : {}) },
    });
    const link = `/approvals/${id}`;
    const key = `approval-act:${ev!.id}`;
    if (action === 'submit' || action === 'resubmit') {
      const users = (await repo.departmentUsers(tx, [c.row.departmentId])).get(c.row.departmentId) ?? [];
      await notify(tx, ctx, {
        userIds: users,
        kind: 'approval.submitted',
        title: action === 'submit' ? `新申报审批事项：${c.row.name}` : `补正材料已提交：${c.row.name}`,
        body: `${c.row.projectName}，请在${c.row.stepLimits.accept}个工作日内受理`,
        link,
        dedupeKey: key,
      });
    } else if (action === 'return' || action === 'reject' || action === 'finish') {
      const users = await repo.enterpriseUsers(tx, c.row.ownerEnterpriseId);
      await notify(tx, ctx, {
        userIds: users,
        kind: `approval.${action}`,
        title: `${c.row.name}${action === 'finish' ? '已办结，请评价' : label}`,
        body: `${c.row.projectName}${reason ? `：${reason}` : ''}`,
        link: `/projects/${c.row.projectId}/approvals`,
        dedupeKey: key,
      });
    }
  });
  return getApproval(ctx, id);
}

/** The applicant's rating of a completed item (好差评), once. */
export async function rateApproval(ctx: Ctx, id: number, rating: ApprovalRating): Promise<ProjectApprovalDetail> {
  const cal = await loadCalendar(ctx.db);
  await ctx.db.transaction(async (tx) => {
    const c = await loadOne(ctx, tx, id, cal, true);
    if (!isApplicant(ctx, c.row)) throw new AppError('FORBIDDEN', '只有项目单位或代办人员才能评价');
    if (c.timing.replayed.state.status !== 'done') throw new AppError('CONFLICT', '事项办结后才能评价');
    if (c.row.rating) throw new AppError('CONFLICT', '该事项已评价');
    const now = ctx.clock.now().toISOString();
    await tx
      .update(projectApprovals)
      .set({ rating, ratedAt: now, version: sql`${projectApprovals.version} + 1`, updatedAt: now })
      .where(eq(projectApprovals.id, id));
    await writeAudit(tx, ctx, { action: 'approval.rate', entityType: 'project_approval', entityId: id, summary: `${c.row.projectName}“${c.row.name}”评价：${labelOf(APPROVAL_RATINGS, rating)}`, after: { rating } });
  });
  return getApproval(ctx, id);
}

/* ------------------------------------------------------------------ lists */

function listWhere(q: ApprovalListQuery): SQL | undefined {
  const conds: SQL[] = [];
  if (q.status === 'open') conds.push(inArray(projectApprovals.status, OPEN_STATUSES));
  else if (q.status && q.status !== 'all') conds.push(eq(projectApprovals.status, q.status));
  if (q.departmentId) conds.push(eq(projectApprovals.departmentId, q.departmentId));
  if (q.projectId) conds.push(eq(projectApprovals.projectId, q.projectId));
  if (q.q) {
    const k = `%${q.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    conds.push(sql`(${projects.name} ILIKE ${k} OR EXISTS (SELECT 1 FROM ${approvalItems} ai WHERE ai.id = ${projectApprovals.itemId} AND ai.name ILIKE ${k}))`);
  }
  return conds.length ? and(...conds) : undefined;
}

const TIMING_BATCH = 2000;

// the stored dates are working days: a calendar change makes them stale
onCalendarChange(repo.markTimingsStale);

/**
 * Computes the stored timings that are missing (items of a database upgraded to this
 * version, or after a calendar change), in batches; nothing to do costs one indexed query.
 */
export async function ensureStoredTimings(ctx: Ctx): Promise<number> {
  let done = 0;
  for (;;) {
    const ids = await repo.untimedIds(ctx.db, TIMING_BATCH);
    if (!ids.length) return done;
    const cal = await loadCalendar(ctx.db);
    const today = todayOf(ctx);
    const computed = await compute(ctx, ctx.db, await repo.findApprovals(ctx.db, null, inArray(projectApprovals.id, ids)), cal);
    // items of deleted projects are not listed; they get an empty timing so they are not picked again
    const seen = new Set(computed.map((c) => c.row.id));
    const none: StoredTiming = { fixed: 'none', promptOn: null, yellowOn: null, redOn: null, dueDate: null, acceptedOn: null, completedOn: null, usedDays: null };
    await repo.saveStoredTimings(ctx.db, [...computed.map((c) => ({ id: c.row.id, stored: storedTiming(cal, c.timing, today) })), ...ids.filter((id) => !seen.has(id)).map((id) => ({ id, stored: none }))]);
    done += ids.length;
    // give other requests their turn between batches
    await new Promise((r) => setImmediate(r));
  }
}

/**
 * One page of the items in the user's scope (a department: its own), worst signal first,
 * then by due date: filtered, sorted and paged in SQL by the stored timings, and
 * only the page's items computed from their events. With the signal counts of the same
 * filter (without the signal filter), for the page's header.
 */
export async function listApprovals(ctx: Ctx, q: ApprovalListQuery): Promise<ApprovalList> {
  await ensureStoredTimings(ctx);
  const today = todayOf(ctx);
  const base = listWhere(q);
  const signal = repo.signalSql(today);
  const where = q.signal === 'any' ? and(base, sql`${signal} <> 'none'`) : q.signal ? and(base, sql`${signal} = ${q.signal}`) : base;
  const [ids, counts] = await Promise.all([
    repo.pageApprovalIds(ctx.db, ctx.user, where, today, q.pageSize, (q.page - 1) * q.pageSize),
    repo.signalCounts(ctx.db, ctx.user, base, today),
  ]);
  const total = q.signal === 'any' ? counts.red + counts.yellow + counts.prompt : q.signal ? counts[q.signal] : counts.red + counts.yellow + counts.prompt + counts.none;
  const rows = ids.length ? await repo.findApprovals(ctx.db, ctx.user, inArray(projectApprovals.id, ids)) : [];
  const computed = await compute(ctx, ctx.db, rows, await loadCalendar(ctx.db));
  const byId = new Map(computed.map((c) => [c.row.id, summary(ctx, c)]));
  const { red, yellow, prompt } = counts;
  return { items: ids.map((id) => byId.get(id)).filter((x): x is ProjectApproval => !!x), total, signals: { red, yellow, prompt } };
}

/**
 * The supervisor's view (督查): every open item past its promised limit and every step past
 * its own limit (done late or still running), most days over first.
 */
export async function overdueRows(ctx: Ctx, q: OverdueQuery): Promise<OverdueList> {
  await ensureStoredTimings(ctx);
  // only items whose signal is yellow or red today can have an overdue item or step
  const late = sql`${repo.signalSql(todayOf(ctx))} IN ('yellow', 'red')`;
  const dept = q.departmentId ? eq(projectApprovals.departmentId, q.departmentId) : undefined;
  const rows = await repo.findApprovals(ctx.db, ctx.user, and(inArray(projectApprovals.status, OPEN_STATUSES), late, dept));
  const computed = await compute(ctx, ctx.db, rows, await loadCalendar(ctx.db));
  const out: OverdueRow[] = [];
  for (const c of computed) {
    const base = { approvalId: c.row.id, projectId: c.row.projectId, projectName: c.row.projectName, itemName: c.row.name, departmentId: c.row.departmentId, departmentName: c.row.departmentName };
    for (const s of c.timing.steps) {
      if (s.signal !== 'yellow' || s.usedDays === null) continue;
      out.push({ ...base, scope: 'step', step: s.step, limitDays: s.limitDays, usedDays: s.usedDays, overDays: s.usedDays - s.limitDays, overdueSince: s.overdueSince!, finished: s.endedOn !== null, signal: 'yellow' });
    }
    const it = c.timing.item;
    if (it.signal === 'red' && it.usedDays !== null) {
      out.push({ ...base, scope: 'item', step: null, limitDays: it.limitDays, usedDays: it.usedDays, overDays: it.usedDays - it.limitDays, overdueSince: it.overdueSince!, finished: false, signal: 'red' });
    }
  }
  out.sort((a, b) => b.overDays - a.overDays || (a.signal === 'red' ? -1 : 1) - (b.signal === 'red' ? -1 : 1) || a.approvalId - b.approvalId);
  const shown = q.signal ? out.filter((r) => r.signal === q.signal) : out;
  return {
    items: shown.slice((q.page - 1) * q.pageSize, q.page * q.pageSize),
    total: shown.length,
    red: out.filter((r) => r.signal === 'red').length,
    yellow: out.filter((r) => r.signal === 'yellow').length,
  };
}

/** For the efficiency tables and the signals job: items with their timing, unscoped. */
export async function computeAll(ctx: Ctx, where: SQL | undefined, cal?: Calendar): Promise<Computed[]> {
  const calendar = cal ?? (await loadCalendar(ctx.db));
  const rows = await repo.findApprovals(ctx.db, null, where);
  return compute(ctx, ctx.db, rows, calendar);
}
export type { Computed };
export { processOf };
