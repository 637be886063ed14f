import type { Role } from './enums.js';

/**
 * Permissions, declared module by module: each module names the keys it adds and the roles it
 * grants them to (the admin holds every key). The key list and the role → permission table are
 * assembled from these declarations, so a new module adds one entry here and its server manifest
 * points at it. Routes check one key each; data scope is checked again in queries.
 */
export interface ModulePermissions {
  /** The module's folder name on the server (`server/src/modules/<module>`). */
  module: string;
  keys: readonly string[];
  grants: Partial<Record<Exclude<Role, 'admin'>, readonly string[]>>;
}

export const MODULE_PERMISSIONS = [
  {
    module: 'projects',
    keys: ['project:read', 'project:create', 'project:update', 'project:delete', 'project:stage', 'project:import', 'project:export'],
    grants: {
      dispatcher: ['project:read', 'project:create', 'project:update', 'project:delete', 'project:stage', 'project:import', 'project:export'],
      region: ['project:read', 'project:create', 'project:update', 'project:stage', 'project:import', 'project:export'],
      unit: ['project:read', 'project:export'],
      department: ['project:read', 'project:export'],
      leader: ['project:read', 'project:export'],
      supervisor: ['project:read', 'project:export'],
      promotion: ['project:read', 'project:create', 'project:export'],
    },
  },
  {
    module: 'admin',
    keys: ['admin:region', 'admin:department', 'admin:enterprise', 'admin:user'],
    grants: {
      dispatcher: ['admin:enterprise'],
      region: ['admin:enterprise'],
      promotion: ['admin:enterprise'],
    },
  },
  {
    module: 'audit',
    keys: ['audit:read'],
    grants: {
      supervisor: ['audit:read'],
    },
  },
  {
    module: 'plans',
    keys: ['plan:read', 'plan:edit'],
    grants: {
      dispatcher: ['plan:read', 'plan:edit'],
      region: ['plan:read', 'plan:edit'],
      unit: ['plan:read'],
      department: ['plan:read'],
      leader: ['plan:read'],
      supervisor: ['plan:read'],
      promotion: ['plan:read'],
    },
  },
  {
    module: 'milestones',
    keys: ['milestone:read', 'milestone:edit'],
    grants: {
      dispatcher: ['milestone:read', 'milestone:edit'],
      region: ['milestone:read', 'milestone:edit'],
      unit: ['milestone:read'],
      department: ['milestone:read', 'milestone:edit'],
      leader: ['milestone:read'],
      supervisor: ['milestone:read'],
      promotion: ['milestone:read'],
    },
  },
  {
    module: 'calendar',
    keys: ['calendar:edit'],
    grants: {
    },
  },
  {
    module: 'reports',
    keys: ['report:read', 'report:fill', 'report:review', 'report:window'],
    grants: {
      dispatcher: ['report:read', 'report:fill', 'report:review', 'report:window'],
      region: ['report:read', 'report:fill'],
      unit: ['report:read', 'report:fill'],
      department: ['report:read'],
      leader: ['report:read'],
      supervisor: ['report:read'],
      promotion: ['report:read'],
    },
  },
  {
    module: 'warnings',
    keys: ['warning:read', 'ruleset:edit'],
    grants: {
      dispatcher: ['warning:read'],
      region: ['warning:read'],
      unit: ['warning:read'],
      department: ['warning:read'],
      leader: ['warning:read'],
      supervisor: ['warning:read'],
      promotion: ['warning:read'],
    },
  },
  {
    module: 'dashboard',
    keys: ['dashboard:read'],
    grants: {
      dispatcher: ['dashboard:read'],
      region: ['dashboard:read'],
      unit: ['dashboard:read'],
      department: ['dashboard:read'],
      leader: ['dashboard:read'],
      supervisor: ['dashboard:read'],
      promotion: ['dashboard:read'],
    },
  },
  {
    module: 'problems',
    keys: ['problem:read', 'problem:raise', 'problem:assign', 'problem:handle', 'problem:rate', 'problem:ladder'],
    grants: {
      dispatcher: ['problem:read', 'problem:raise', 'problem:assign', 'problem:handle', 'problem:rate'],
      region: ['problem:read', 'problem:raise', 'problem:handle', 'problem:rate'],
      unit: ['problem:read', 'problem:raise', 'problem:rate'],
      department: ['problem:read', 'problem:handle'],
      leader: ['problem:read', 'problem:handle'],
      supervisor: ['problem:read'],
      promotion: ['problem:read', 'problem:raise', 'problem:rate'],
    },
  },
  {
    module: 'approvals',
    keys: ['approval:read', 'approval:handle', 'approval:manage', 'efficiency:read', 'efficiency:publish'],
    grants: {
      dispatcher: ['approval:read', 'approval:handle', 'approval:manage', 'efficiency:read', 'efficiency:publish'],
      region: ['approval:read', 'efficiency:read'],
      unit: ['approval:read', 'efficiency:read'],
      department: ['approval:read', 'approval:handle', 'efficiency:read'],
      leader: ['approval:read', 'efficiency:read'],
      supervisor: ['approval:read', 'efficiency:read'],
      promotion: ['approval:read', 'efficiency:read'],
    },
  },
  {
    module: 'notifications',
    keys: ['notification:read'],
    grants: {
      dispatcher: ['notification:read'],
      region: ['notification:read'],
      unit: ['notification:read'],
      department: ['notification:read'],
      leader: ['notification:read'],
      supervisor: ['notification:read'],
      promotion: ['notification:read'],
    },
  },
  {
    module: 'indicators',
    keys: ['indicator:read', 'indicator:manage', 'indicator:target', 'indicator:report', 'indicator:review', 'indicator:import'],
    grants: {
      dispatcher: ['indicator:read', 'indicator:target', 'indicator:report', 'indicator:review', 'indicator:import'],
      region: ['indicator:read', 'indicator:report'],
      department: ['indicator:read', 'indicator:report'],
      leader: ['indicator:read'],
      supervisor: ['indicator:read'],
      promotion: ['indicator:read'],
    },
  },
  {
    module: 'competitions',
    keys: ['competition:read', 'competition:manage', 'competition:compute'],
    grants: {
      dispatcher: ['competition:read', 'competition:compute'],
      region: ['competition:read'],
      department: ['competition:read'],
      leader: ['competition:read'],
      supervisor: ['competition:read'],
      promotion: ['competition:read'],
    },
  },
  {
    module: 'tours',
    keys: ['tour:read', 'tour:manage', 'tour:nominate', 'tour:score'],
    grants: {
      dispatcher: ['tour:read', 'tour:manage', 'tour:nominate', 'tour:score'],
      region: ['tour:read', 'tour:nominate', 'tour:score'],
      department: ['tour:read', 'tour:score'],
      leader: ['tour:read', 'tour:score'],
      supervisor: ['tour:read', 'tour:score'],
      promotion: ['tour:read'],
    },
  },
  {
    module: 'tasks',
    keys: ['task:read', 'task:manage', 'task:report', 'task:review', 'task:urge', 'task:import', 'campaign:manage'],
    grants: {
      dispatcher: ['task:read', 'task:manage', 'task:report', 'task:review', 'task:urge', 'task:import', 'campaign:manage'],
      region: ['task:read', 'task:report'],
      department: ['task:read', 'task:report'],
      leader: ['task:read', 'task:manage'],
      supervisor: ['task:read', 'task:review', 'task:urge', 'campaign:manage'],
      promotion: ['task:read', 'task:report'],
    },
  },
  {
    module: 'assignments',
    keys: ['assignment:read', 'assignment:create', 'assignment:answer', 'assignment:rate'],
    grants: {
      dispatcher: ['assignment:read', 'assignment:create', 'assignment:rate'],
      region: ['assignment:read', 'assignment:answer'],
      department: ['assignment:read', 'assignment:answer'],
      leader: ['assignment:read', 'assignment:create', 'assignment:rate'],
      supervisor: ['assignment:read', 'assignment:create', 'assignment:rate'],
      promotion: ['assignment:read', 'assignment:answer'],
    },
  },
  {
    module: 'scheduler',
    keys: ['scheduler:run'],
    grants: {
      dispatcher: ['scheduler:run'],
    },
  },
] as const satisfies readonly ModulePermissions[];

export type Permission = (typeof MODULE_PERMISSIONS)[number]['keys'][number];

/** Every permission key, module by module. */
export const PERMISSIONS: readonly Permission[] = MODULE_PERMISSIONS.flatMap((m) => m.keys);

/** The permissions a module declares (for its server manifest). */
export function permissionsOf(module: string): ModulePermissions | undefined {
  return MODULE_PERMISSIONS.find((m) => m.module === module);
}

function assemble(): Record<Role, readonly Permission[]> {
  const out = { admin: PERMISSIONS } as Record<Role, Permission[]>;
  for (const m of MODULE_PERMISSIONS) {
    for (const [role, keys] of Object.entries(m.grants) as [Role, readonly Permission[]][]) out[role] = [...(out[role] ?? []), ...keys];
  }
  return out;
}

/** role → permission keys, assembled from the modules' declarations. */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = assemble();

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role]?.includes(permission) ?? false;
}
