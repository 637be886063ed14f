import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { departments, milestones, milestoneTemplates, projects, regions } from '../../db/schema.js';
import type { DbOrTx } from '../../db/client.js';
import type { SessionUser } from '../../core/context.js';
import { projectScope } from '../../core/scope.js';
import { regionPrefix } from '@tiaodu/contracts';

export type MilestoneRow = typeof milestones.$inferSelect & { responsibleDeptName: string | null };

/**
 * The milestones a user may see: those of the projects in the user's scope, and for a
 * department user also the nodes its department is responsible for (用地预审 by 自然资源局…).
 */
export function milestoneScope(user: SessionUser): SQL {
  const own = user.role === 'department' && user.departmentId ? sql`${milestones.responsibleDeptId} = ${user.departmentId}` : sql`false`;
  return sql`(${projectScope(user)} OR ${own})`;
}

const cols = {
  m: milestones,
  responsibleDeptName: departments.name,
};

export async function findMilestones(db: DbOrTx, where: SQL): Promise<MilestoneRow[]> {
  const rows = await db
    .select(cols)
    .from(milestones)
    .innerJoin(projects, eq(projects.id, milestones.projectId))
    .leftJoin(departments, eq(departments.id, milestones.responsibleDeptId))
    .where(where)
    .orderBy(asc(milestones.projectId), asc(milestones.seq), asc(milestones.id));
  return rows.map((r) => ({ ...r.m, responsibleDeptName: r.responsibleDeptName }));
}

export async function findProjectInScope(db: DbOrTx, user: SessionUser, projectId: number) {
  const [p] = await db
    .select({ id: projects.id, name: projects.name, plannedCompletion: projects.plannedCompletion })
    .from(projects)
    .where(and(eq(projects.id, projectId), projectScope(user)));
  return p;
}

/** Whether a department user has nodes in the project (it may then read the project's plan). */
export async function departmentHasNodes(db: DbOrTx, deptId: number, projectId: number): Promise<boolean> {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(milestones)
    .where(and(eq(milestones.projectId, projectId), eq(milestones.responsibleDeptId, deptId)));
  return (r?.n ?? 0) > 0;
}

export async function deptExists(db: DbOrTx, id: number): Promise<boolean> {
  const [r] = await db.select({ id: departments.id }).from(departments).where(eq(departments.id, id));
  return !!r;
}

export async function listTemplates(db: DbOrTx) {
  return db.select().from(milestoneTemplates).orderBy(asc(milestoneTemplates.id));
}

export async function ganttProjects(db: DbOrTx, user: SessionUser, q: { regionCode?: string; leaderId?: number; projectId?: number }) {
  const conds: SQL[] = [sql`(${projectScope(user)} OR EXISTS (SELECT 1 FROM milestones mm WHERE mm.project_id = ${projects.id} AND ${user.role === 'department' && user.departmentId ? sql`mm.responsible_dept_id = ${user.departmentId}` : sql`false`}))`];
  conds.push(sql`EXISTS (SELECT 1 FROM milestones mx WHERE mx.project_id = ${projects.id})`);
  if (q.regionCode) conds.push(sql`${projects.regionCode} LIKE ${regionPrefix(q.regionCode) + '%'}`);
  if (q.leaderId) conds.push(sql`EXISTS (SELECT 1 FROM project_leaders pl WHERE pl.project_id = ${projects.id} AND pl.person_id = ${q.leaderId})`);
  if (q.projectId) conds.push(eq(projects.id, q.projectId));
  return db
    .select({ id: projects.id, name: projects.name, stage: projects.stage, regionName: regions.name })
    .from(projects)
    .leftJoin(regions, eq(regions.code, projects.regionCode))
    .where(and(...conds))
    .orderBy(asc(projects.regionCode), asc(projects.id))
    .limit(500);
}
