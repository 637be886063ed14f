import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { APPROVAL_PHASE_VALUES, type ApprovalPhase, type ApprovalStatus, type StepLimits } from '@tiaodu/contracts';
import { approvalEvents, approvalItems, approvalTemplates, departments, projectApprovals, projects, settings, users } from '../../db/schema.js';
import type { DbOrTx } from '../../db/client.js';
import type { SessionUser } from '../../core/context.js';
import { projectScope } from '../../core/scope.js';
import type { TimedAction } from './domain/timing.js';
import { actionOf } from './domain/state.js';

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
    .where(inArray(approvalEvents.projectApprovalId, ids))
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
