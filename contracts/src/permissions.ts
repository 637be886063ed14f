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
  // problems (问题解决清单)
  'problem:read',
  'problem:raise',
  'problem:assign',
  'problem:handle',
  'problem:rate',
  'problem:ladder',
  // approvals and department efficiency (手续办理、效能监察)
  'approval:read',
  'approval:handle',
  'approval:manage',
  'efficiency:read',
  'efficiency:publish',
  // notifications and scheduled jobs
  'notification:read',
  'scheduler:run',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** What every signed-in role may read, within its data scope. */
const READ: Permission[] = [
  'project:read',
  'project:export',
  'plan:read',
  'milestone:read',
  'report:read',
  'warning:read',
  'dashboard:read',
  'problem:read',
  'approval:read',
  'efficiency:read',
  'notification:read',
];
const EDIT: Permission[] = [...READ, 'project:create', 'project:update', 'project:stage', 'project:import', 'plan:edit', 'milestone:edit', 'report:fill'];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  dispatcher: [
    ...EDIT,
    'project:delete',
    'admin:enterprise',
    'report:review',
    'report:window',
    'problem:raise',
    'problem:assign',
    'problem:handle',
    'problem:rate',
    'approval:handle',
    // keeps the approval catalogue and templates and gives projects their items
    'approval:manage',
    'efficiency:publish',
    'scheduler:run',
  ],
  region: [...EDIT, 'admin:enterprise', 'problem:raise', 'problem:handle', 'problem:rate'],
  // A project unit raises problems of its own projects and rates the answers it gets.
  unit: [...READ, 'report:fill', 'problem:raise', 'problem:rate'],
  // A department answers the problems and handles the approval items assigned to it.
  department: [...READ, 'milestone:edit', 'problem:handle', 'approval:handle'],
  // A leader coordinates the problems escalated to their level.
  leader: [...READ, 'problem:handle'],
  supervisor: [...READ, 'audit:read'],
  promotion: [...READ, 'project:create', 'admin:enterprise', 'problem:raise', 'problem:rate'],
};

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role]?.includes(permission) ?? false;
}
