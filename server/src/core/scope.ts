import { sql, type SQL } from 'drizzle-orm';
import { regionPrefix } from '@tiaodu/contracts';
import { projects } from '../db/schema.js';
import type { SessionUser } from './context.js';

/**
 * The rows of `projects` a user may see, as a SQL condition placed inside every query that
 * reads projects (lists, details, counts, sums, exports). Never filter in memory.
 */
export function projectScope(user: SessionUser): SQL {
  switch (user.scopeType) {
    case 'all':
      return sql`true`;
    case 'region':
      return user.regionCode ? sql`${projects.regionCode} LIKE ${regionPrefix(user.regionCode) + '%'}` : sql`false`;
    case 'department':
      return user.departmentId ? sql`${projects.responsibleDeptId} = ${user.departmentId}` : sql`false`;
    case 'enterprise':
      return user.enterpriseId ? sql`${projects.ownerEnterpriseId} = ${user.enterpriseId}` : sql`false`;
    case 'assigned':
      // the projects of the person this login belongs to (包保领导 are people first, accounts second)
      return sql`EXISTS (SELECT 1 FROM project_leaders pl JOIN users lu ON lu.person_id = pl.person_id WHERE pl.project_id = ${projects.id} AND lu.id = ${user.id})`;
    default:
      return sql`false`;
  }
}

/** Whether a region code lies inside the user's region scope (for writes that name a region). */
export function regionInScope(user: SessionUser, regionCode: string): boolean {
  if (user.scopeType === 'all') return true;
  if (user.scopeType === 'region' && user.regionCode) return regionCode.startsWith(regionPrefix(user.regionCode));
  return false;
}
