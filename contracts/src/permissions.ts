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
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const READ: Permission[] = ['project:read', 'project:export'];
const EDIT: Permission[] = [...READ, 'project:create', 'project:update', 'project:stage', 'project:import'];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  dispatcher: [...EDIT, 'project:delete', 'admin:enterprise'],
  region: [...EDIT, 'admin:enterprise'],
  unit: READ,
  department: READ,
  leader: READ,
  supervisor: [...READ, 'audit:read'],
  promotion: [...READ, 'project:create', 'admin:enterprise'],
};

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role]?.includes(permission) ?? false;
}
