import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { anyOfIds } from '../../core/sql.js';
import { APPROVAL_PHASE_VALUES, type ApprovalPhase, type ApprovalRating, type ApprovalStatus, type SignalLevel, type StepLimits } from '@tiaodu/contracts';
import { approvalEvents, approvalItems, approvalTemplates, departments, projectApprovals, projects, settings, users } from '../../db/schema.js';
import type { DbOrTx } from '../../db/client.js';
import type { SessionUser } from '../../core/context.js';
import { projectScope } from '../../core/scope.js';
import type { StoredTiming, TimedAction } from './domain/timing.js';
import { actionOf, OPEN_STATUSES } from './domain/state.js';

/** approval_items.phase is stored as 1…4 in process order. */
export const phaseOf = (n: number): ApprovalPhase => APPROVAL_PHASE_VALUES[n - 1] ?? 'land_planning';
export const phaseNumber = (p: ApprovalPhase): number => APPROVAL_PHASE_VALUES.indexOf(p) + 1;

/**
 * The approval items of projects a user may see. A department user sees the items assigned
 * to its department (whatever the project), and nothing else; everybody else sees the items
 * of the projects in their data scope. Used inside every query on project_approvals.
 */
export function approvalScope(user: SessionUser): SQL {
  if (user.role === 'department') return user.departmentId ? sql`${projectApprovals.departmentId} = ${user.departmentId}` : sql`false`;
  return projectScope(user);
}

/* ------------------------------------------------------------------ catalogue */

export type ItemRow = typeof approvalItems.$inferSelect & { departmentName: string | null; used: number };

export async function findItems(db: DbOrTx, where?: SQL): Promise<ItemRow[]> {
  const rows = await db
    .select({
      i: approvalItems,
      departmentName: departments.name,
      used: sql<number>`(SELECT count(*)::int FROM project_approvals pa WHERE pa.item_id = ${approvalItems.id})`,
    })
    .from(approvalItems)
    .leftJoin(departments, eq(departments.id, approvalItems.departmentId))
    .where(where)
    .orderBy(asc(approvalItems.phase), asc(approvalItems.sort), asc(approvalItems.id));
  return rows.map((r) => ({ ...r.i, departmentName: r.departmentName, used: Number(r.used) }));
}

export async function findTemplates(db: DbOrTx, where?: SQL) {
  return db.select().from(approvalTemplates).where(where).orderBy(asc(approvalTemplates.id));
}

/* ------------------------------------------------------------------ items of projects */

export interface ApprovalRow {
  id: number;
  projectId: number;
  projectName: string;
  ownerEnterpriseId: number | null;
  regionCode: string;
  itemId: number;
  code: string;
  name: string;
  phase: ApprovalPhase;
  statutoryDays: number;
  departmentId: number;
  departmentName: string | null;
  status: ApprovalStatus;
  promisedDays: number;
  stepLimits: StepLimits;
  startedAt: string | null;
  doneAt: string | null;
  rating: string | null;
  ratedAt: string | null;
  version: number;
}

const rowCols = {
  id: projectApprovals.id,
  projectId: projectApprovals.projectId,
  projectName: projects.name,
  ownerEnterpriseId: projects.ownerEnterpriseId,
  regionCode: projects.regionCode,
  itemId: projectApprovals.itemId,
  code: approvalItems.code,
  name: approvalItems.name,
  phase: approvalItems.phase,
  statutoryDays: approvalItems.statutoryDays,
  departmentId: projectApprovals.departmentId,
  departmentName: departments.name,
  status: projectApprovals.status,
  promisedDays: projectApprovals.promisedDays,
  stepLimits: projectApprovals.stepLimits,
  startedAt: projectApprovals.startedAt,
  doneAt: projectApprovals.doneAt,
  rating: projectApprovals.rating,
  ratedAt: projectApprovals.ratedAt,
  version: projectApprovals.version,
};

/** Items of projects with their catalogue entry, in the user's scope (live projects only). */
export async function findApprovals(db: DbOrTx, user: SessionUser | null, where: SQL | undefined, opts: { forUpdate?: boolean } = {}): Promise<ApprovalRow[]> {
  const conds = [sql`${projects.deletedAt} IS NULL`, where, user ? approvalScope(user) : undefined].filter(Boolean) as SQL[];
  let q = db
    .select(rowCols)
    .from(projectApprovals)
    .innerJoin(projects, eq(projects.id, projectApprovals.projectId))
    .innerJoin(approvalItems, eq(approvalItems.id, projectApprovals.itemId))
    .leftJoin(departments, eq(departments.id, projectApprovals.departmentId))
    .where(and(...conds))
    .orderBy(asc(projectApprovals.projectId), asc(approvalItems.phase), asc(approvalItems.sort), asc(projectApprovals.id))
    .$dynamic();
  if (opts.forUpdate) q = q.for('update', { of: projectApprovals });
  const rows = await q;
  return rows.map((r) => ({
    ...r,
    phase: phaseOf(r.phase),
    status: r.status as ApprovalStatus,
    departmentId: r.departmentId ?? 0,
    stepLimits: r.stepLimits as StepLimits,
  }));
}

/**
 * The signal of an item on a China date, from its stored timing (domain/timing.ts
 * signalOn, in SQL): 'red', 'yellow', 'prompt' or 'none'.
 */
export function signalSql(today: string): SQL<string> {
  const pa = projectApprovals;
  return sql<string>`(CASE WHEN ${pa.signalFixed} = 'red' OR ${pa.redOn} <= ${today}::date THEN 'red'
    WHEN ${pa.signalFixed} = 'yellow' OR ${pa.yellowOn} <= ${today}::date THEN 'yellow'
    WHEN ${pa.promptOn} <= ${today}::date THEN 'prompt' ELSE 'none' END)`;
}

const SIGNAL_ORDER = (today: string) => sql`CASE ${signalSql(today)} WHEN 'red' THEN 0 WHEN 'yellow' THEN 1 WHEN 'prompt' THEN 2 ELSE 3 END`;

/**
 * One page of the ids of the items in the user's scope matching `where`: worst signal of
 * `today` first, then the earliest promised due date, then the oldest item. (The total
 * comes from signalCounts: a window count here would sort every match, not the top of it.)
 */
export async function pageApprovalIds(db: DbOrTx, user: SessionUser, where: SQL | undefined, today: string, limit: number, offset: number): Promise<number[]> {
  const rows = await db
    .select({ id: projectApprovals.id })
    .from(projectApprovals)
    .innerJoin(projects, eq(projects.id, projectApprovals.projectId))
    .where(and(sql`${projects.deletedAt} IS NULL`, approvalScope(user), where))
    .orderBy(SIGNAL_ORDER(today), sql`${projectApprovals.promisedDueDate} ASC NULLS LAST`, asc(projectApprovals.id))
    .limit(limit)
    .offset(offset);
  return rows.map((r) => r.id);
}

/** How many items in the user's scope matching `where` carry each signal today. */
export async function signalCounts(db: DbOrTx, user: SessionUser, where: SQL | undefined, today: string): Promise<Record<SignalLevel, number>> {
  const rows = await db
    .select({ signal: signalSql(today), n: sql<number>`count(*)::int` })
    .from(projectApprovals)
    .innerJoin(projects, eq(projects.id, projectApprovals.projectId))
    .where(and(sql`${projects.deletedAt} IS NULL`, approvalScope(user), where))
    .groupBy(sql`1`);
  const n = (k: string) => Number(rows.find((r) => r.signal === k)?.n ?? 0);
  return { red: n('red'), yellow: n('yellow'), prompt: n('prompt'), none: n('none') };
}

/** The ids of the items (of live projects) matching `where`, unscoped: for the platform's jobs. */
export async function findApprovalIds(db: DbOrTx, where: SQL | undefined): Promise<number[]> {
  const rows = await db
    .select({ id: projectApprovals.id })
    .from(projectApprovals)
    .innerJoin(projects, eq(projects.id, projectApprovals.projectId))
    .where(and(sql`${projects.deletedAt} IS NULL`, where));
  return rows.map((r) => r.id);
}

/** Projects (not deleted) with an item in handling or with the applicant for 补正. */
export async function projectsWithOpenItems(db: DbOrTx): Promise<number[]> {
  const rows = await db
    .selectDistinct({ id: projectApprovals.projectId })
    .from(projectApprovals)
    .innerJoin(projects, eq(projects.id, projectApprovals.projectId))
    .where(and(sql`${projects.deletedAt} IS NULL`, inArray(projectApprovals.status, OPEN_STATUSES)))
    .orderBy(asc(projectApprovals.projectId));
  return rows.map((r) => r.id);
}

/**
 * The stored facts of the items that were accepted, completed, went overdue (by their
 * 超时 date, which may lie ahead for a running item) or were rated between two China dates.
 */
export async function efficiencyFacts(db: DbOrTx, from: string, to: string) {
  const pa = projectApprovals;
  const ratedOn = sql<string | null>`(${pa.ratedAt} AT TIME ZONE 'Asia/Shanghai')::date::text`;
  const between = (c: SQL | AnyPgColumn) => sql`${c} BETWEEN ${from}::date AND ${to}::date`;
  const rows = await db
    .select({
      departmentId: pa.departmentId,
      acceptedOn: pa.acceptedOn,
      completedOn: pa.completedOn,
      usedDays: pa.usedDays,
      promisedDays: pa.promisedDays,
      redOn: pa.redOn,
      rating: pa.rating,
      ratedOn,
    })
    .from(pa)
    .innerJoin(projects, eq(projects.id, pa.projectId))
    // each condition on an indexed column (the rating by its instant, China midnight to midnight)
    .where(
      and(
        sql`${projects.deletedAt} IS NULL`,
        sql`(${between(pa.acceptedOn)} OR ${between(pa.completedOn)} OR ${between(pa.redOn)}
          OR (${pa.ratedAt} >= (${from}::date)::timestamp AT TIME ZONE 'Asia/Shanghai' AND ${pa.ratedAt} < (${to}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'))`,
      ),
    );
  return rows.map((r) => ({ ...r, departmentId: r.departmentId ?? 0, rating: (r.rating as ApprovalRating | null) ?? null }));
}

/** Items whose stored timing has to be computed (new to this version, or after a calendar change). */
export async function untimedIds(db: DbOrTx, limit: number): Promise<number[]> {
  const rows = await db.select({ id: projectApprovals.id }).from(projectApprovals).where(sql`${projectApprovals.signalFixed} IS NULL`).orderBy(asc(projectApprovals.id)).limit(limit);
  return rows.map((r) => r.id);
}

/** Stores the timings of some items, in one statement. */
export async function saveStoredTimings(db: DbOrTx, rows: Array<{ id: number; stored: StoredTiming }>): Promise<void> {
  if (!rows.length) return;
  const values = sql.join(
    rows.map(
      ({ id, stored: s }) =>
        sql`(${id}::int, ${s.fixed}::varchar, ${s.promptOn}::date, ${s.yellowOn}::date, ${s.redOn}::date, ${s.dueDate}::date, ${s.acceptedOn}::date, ${s.completedOn}::date, ${s.usedDays}::int)`,
    ),
    sql`, `,
  );
  await db.execute(sql`UPDATE project_approvals pa SET signal_fixed = v.fixed, prompt_on = v.prompt_on, yellow_on = v.yellow_on, red_on = v.red_on,
      promised_due_date = v.due, accepted_on = v.accepted_on, completed_on = v.completed_on, used_days = v.used_days
    FROM (VALUES ${values}) AS v(id, fixed, prompt_on, yellow_on, red_on, due, accepted_on, completed_on, used_days) WHERE pa.id = v.id`);
}

/**
 * After a change of the working-day calendar on `date`: the stored timings of the items whose
 * clocks may count that day are computed again (open items and those finished since).
 */
export async function markTimingsStale(db: DbOrTx, date: string): Promise<void> {
  await db.execute(sql`UPDATE project_approvals SET signal_fixed = NULL
    WHERE status <> 'not_started' AND (done_at IS NULL OR done_at >= ${date}::date - 1)`);
}

export interface EventRow {
  id: number;
  projectApprovalId: number;
  fromStatus: ApprovalStatus | null;
  toStatus: ApprovalStatus;
  step: string | null;
  at: string;
  actorId: number | null;
  userName: string | null;
  reason: string | null;
}

/** The events of some items, oldest first, grouped by item. */
export async function findEvents(db: DbOrTx, ids: number[]): Promise<Map<number, EventRow[]>> {
  const out = new Map<number, EventRow[]>();
  if (!ids.length) return out;
  const rows = await db
    .select({
      id: approvalEvents.id,
      projectApprovalId: approvalEvents.projectApprovalId,
      fromStatus: approvalEvents.fromStatus,
      toStatus: approvalEvents.toStatus,
      step: approvalEvents.step,
      at: approvalEvents.at,
      actorId: approvalEvents.actorId,
      userName: users.displayName,
      reason: approvalEvents.reason,
    })
    .from(approvalEvents)
    .leftJoin(users, eq(users.id, approvalEvents.actorId))
    .where(anyOfIds(approvalEvents.projectApprovalId, ids))
    .orderBy(asc(approvalEvents.projectApprovalId), asc(approvalEvents.at), asc(approvalEvents.id));
  for (const r of rows) {
    const e: EventRow = { ...r, fromStatus: r.fromStatus as ApprovalStatus | null, toStatus: r.toStatus as ApprovalStatus, at: new Date(r.at as unknown as string).toISOString() };
    const list = out.get(r.projectApprovalId) ?? [];
    list.push(e);
    out.set(r.projectApprovalId, list);
  }
  return out;
}

export function toActions(events: readonly EventRow[]): TimedAction[] {
  return events.map((e) => ({ action: actionOf(e.fromStatus, e.toStatus), at: e.at }));
}

/** Whether a project is visible to the user (in scope, not deleted). */
export async function projectInScope(db: DbOrTx, user: SessionUser, projectId: number) {
  const [p] = await db
    .select({ id: projects.id, name: projects.name, ownerEnterpriseId: projects.ownerEnterpriseId, investmentType: projects.investmentType, field: projects.field, category: projects.category })
    .from(projects)
    .where(and(eq(projects.id, projectId), sql`${projects.deletedAt} IS NULL`, projectScope(user)));
  return p;
}

/** Active users of some departments (the people who handle their items). */
export async function departmentUsers(db: DbOrTx, deptIds: number[]): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  if (!deptIds.length) return out;
  const rows = await db
    .select({ id: users.id, departmentId: users.departmentId })
    .from(users)
    .where(and(inArray(users.departmentId, deptIds), eq(users.role, 'department'), eq(users.active, true)));
  for (const r of rows) out.set(r.departmentId!, [...(out.get(r.departmentId!) ?? []), r.id]);
  return out;
}

/** Active users of a project's owner (project unit). */
export async function enterpriseUsers(db: DbOrTx, enterpriseId: number | null): Promise<number[]> {
  if (!enterpriseId) return [];
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.enterpriseId, enterpriseId), eq(users.active, true)));
  return rows.map((r) => r.id);
}

export async function usersWithRole(db: DbOrTx, roles: string[]): Promise<number[]> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.role, roles), eq(users.active, true)));
  return rows.map((r) => r.id);
}

/* ------------------------------------------------------------------ settings */

export async function readSetting<T>(db: DbOrTx, key: string): Promise<T | undefined> {
  const [r] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, key));
  return r?.value as T | undefined;
}

export async function writeSetting(db: DbOrTx, key: string, value: unknown, userId: number | null, at: string): Promise<void> {
  await db
    .insert(settings)
    .values({ key, value, updatedBy: userId, updatedAt: at })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedBy: userId, updatedAt: at } });
}
