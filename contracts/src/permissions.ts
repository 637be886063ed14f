import type { Role } from './enums.js';

/** Permission keys checked on routes; data scope is checked again in queries. */
export const PERMISSIONS = [
  'project:read',
  'project:create',
  'project:update',
  'project:delete',
  'project:stage',
  'project:import',
  'project:export',
  'admin:region',
  'admin:department',
  'admin:enterprise',
  'admin:user',
  'audit:read',
  // monthly dispatch
  'plan:read',
  'plan:edit',
  'milestone:read',
  'milestone:edit',
  'calendar:edit',
  'report:read',
  'report:fill',
  'report:review',
  'report:window',
  'warning:read',
  'ruleset:edit',
  'dashboard:read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** What every signed-in role may read, within its data scope. */
const READ: Permission[] = ['project:read', 'project:export', 'plan:read', 'milestone:read', 'report:read', 'warning:read', 'dashboard:read'];
const EDIT: Permission[] = [...READ, 'project:create', 'project:update', 'project:stage', 'project:import', 'plan:edit', 'milestone:edit', 'report:fill'];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  dispatcher: [...EDIT, 'project:delete', 'admin:enterprise', 'report:review', 'report:window'],
  region: [...EDIT, 'admin:enterprise'],
  unit: [...READ, 'report:fill'],
  department: [...READ, 'milestone:edit'],
  leader: READ,
  supervisor: [...READ, 'audit:read'],
  promotion: [...READ, 'project:create', 'admin:enterprise'],
};

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role]?.includes(permission) ?? false;
}
