import { describe, expect, it } from 'vitest';
import { MODULE_PERMISSIONS, PERMISSIONS, ROLE_PERMISSIONS, ROLE_VALUES, can } from './index.js';

/** The role table as it stood before it was assembled from the modules' declarations. */
const FROZEN = JSON.parse(`{"admin": ["admin:department", "admin:enterprise", "admin:region", "admin:user", "approval:handle", "approval:manage", "approval:read", "audit:read", "calendar:edit", "dashboard:read", "efficiency:publish", "efficiency:read", "milestone:edit", "milestone:read", "notification:read", "plan:edit", "plan:read", "problem:assign", "problem:handle", "problem:ladder", "problem:raise", "problem:rate", "problem:read", "project:create", "project:delete", "project:export", "project:import", "project:read", "project:stage", "project:update", "report:fill", "report:read", "report:review", "report:window", "ruleset:edit", "scheduler:run", "warning:read"], "dispatcher": ["admin:enterprise", "approval:handle", "approval:manage", "approval:read", "dashboard:read", "efficiency:publish", "efficiency:read", "milestone:edit", "milestone:read", "notification:read", "plan:edit", "plan:read", "problem:assign", "problem:handle", "problem:raise", "problem:rate", "problem:read", "project:create", "project:delete", "project:export", "project:import", "project:read", "project:stage", "project:update", "report:fill", "report:read", "report:review", "report:window", "scheduler:run", "warning:read"], "region": ["admin:enterprise", "approval:read", "dashboard:read", "efficiency:read", "milestone:edit", "milestone:read", "notification:read", "plan:edit", "plan:read", "problem:handle", "problem:raise", "problem:rate", "problem:read", "project:create", "project:export", "project:import", "project:read", "project:stage", "project:update", "report:fill", "report:read", "warning:read"], "unit": ["approval:read", "dashboard:read", "efficiency:read", "milestone:read", "notification:read", "plan:read", "problem:raise", "problem:rate", "problem:read", "project:export", "project:read", "report:fill", "report:read", "warning:read"], "department": ["approval:handle", "approval:read", "dashboard:read", "efficiency:read", "milestone:edit", "milestone:read", "notification:read", "plan:read", "problem:handle", "problem:read", "project:export", "project:read", "report:read", "warning:read"], "leader": ["approval:read", "dashboard:read", "efficiency:read", "milestone:read", "notification:read", "plan:read", "problem:handle", "problem:read", "project:export", "project:read", "report:read", "warning:read"], "supervisor": ["approval:read", "audit:read", "dashboard:read", "efficiency:read", "milestone:read", "notification:read", "plan:read", "problem:read", "project:export", "project:read", "report:read", "warning:read"], "promotion": ["admin:enterprise", "approval:read", "dashboard:read", "efficiency:read", "milestone:read", "notification:read", "plan:read", "problem:raise", "problem:rate", "problem:read", "project:create", "project:export", "project:read", "report:read", "warning:read"]}`) as Record<string, string[]>;

/** Modules declared after the table was frozen (their grants are checked below). */
const LATER = ['indicators', 'competitions', 'tours', 'tasks', 'assignments'];

describe('permissions declared module by module', () => {
  it('assemble the same role table as before, role by role', () => {
    const later = new Set<string>(MODULE_PERMISSIONS.filter((m) => LATER.includes(m.module)).flatMap((m) => m.keys));
    for (const r of ROLE_VALUES) expect([...ROLE_PERMISSIONS[r]].filter((k) => !later.has(k)).sort(), r).toEqual(FROZEN[r]);
  });

  it('modules added after the freeze grant what they declare (indicators: units report, the dispatcher reviews, only the admin edits the catalogue)', () => {
    expect(can('region', 'indicator:report')).toBe(true);
    expect(can('department', 'indicator:report')).toBe(true);
    expect(can('unit', 'indicator:read')).toBe(false);
    expect(can('dispatcher', 'indicator:review')).toBe(true);
    expect(can('dispatcher', 'indicator:manage')).toBe(false);
    expect(can('admin', 'indicator:manage')).toBe(true);
    expect(can('leader', 'indicator:report')).toBe(false);
  });

  it('competitions: the admin writes schemes, the dispatcher computes and publishes, everyone but project units reads', () => {
    expect(can('admin', 'competition:manage')).toBe(true);
    expect(can('dispatcher', 'competition:manage')).toBe(false);
    expect(can('dispatcher', 'competition:compute')).toBe(true);
    expect(can('region', 'competition:compute')).toBe(false);
    expect(can('region', 'competition:read')).toBe(true);
    expect(can('unit', 'competition:read')).toBe(false);
    expect(can('leader', 'tour:score')).toBe(true);
    expect(can('region', 'tour:nominate')).toBe(true);
    expect(can('region', 'tour:manage')).toBe(false);
  });

  it('each key is declared by exactly one module, and a module grants only its own keys', () => {
    expect(new Set(PERMISSIONS).size).toBe(PERMISSIONS.length);
    for (const m of MODULE_PERMISSIONS) {
      for (const keys of Object.values(m.grants) as string[][]) for (const k of keys) expect((m.keys as readonly string[]).includes(k), `${m.module}: ${k}`).toBe(true);
    }
  });

  it('the admin holds every key; can() reads the assembled table', () => {
    expect([...ROLE_PERMISSIONS.admin].sort()).toEqual([...PERMISSIONS].sort());
    expect(can('leader', 'problem:handle')).toBe(true);
    expect(can('leader', 'project:update')).toBe(false);
  });
});
