import type { Role, ScopeType, Permission } from '@tiaodu/contracts';
import { can } from '@tiaodu/contracts';
import type { Db } from '../db/client.js';
import type { Config } from '../config.js';
import type { Clock } from './clock.js';
import { AppError } from './errors.js';

export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  scopeType: ScopeType;
  regionCode: string | null;
  departmentId: number | null;
  enterpriseId: number | null;
}

/** Everything a use case needs to know about who asks and with what. */
export interface Ctx {
  db: Db;
  config: Config;
  clock: Clock;
  user: SessionUser;
  ip?: string;
  requestId?: string;
  /** Bulk seeding: the writes' hooks leave the lights alone; the seed computes them once at the end. */
  deferLights?: boolean;
}

/** A context for work done by the platform itself (seeding, scheduled jobs). */
export function systemCtx(base: Omit<Ctx, 'user'>): Ctx {
  return {
    ...base,
    user: { id: 0, username: 'system', displayName: '系统', role: 'admin', scopeType: 'all', regionCode: null, departmentId: null, enterpriseId: null },
  };
}

export function assertCan(ctx: Ctx, permission: Permission): void {
  if (!can(ctx.user.role, permission)) throw new AppError('FORBIDDEN');
}
