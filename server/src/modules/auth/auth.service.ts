import { eq, sql } from 'drizzle-orm';
import { ROLE_PERMISSIONS, type Me, type Role } from '@tiaodu/contracts';
import { departments, enterprises, regions, sessions, users } from '../../db/schema.js';
import type { Db } from '../../db/client.js';
import type { Config } from '../../config.js';
import type { Clock } from '../../core/clock.js';
import type { Ctx, SessionUser } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { writeAudit } from '../../core/audit.js';
import { DUMMY_HASH, hashPassword, mustChangePassword, passwordExpiresInDays, verifyPassword } from '../../core/password.js';
import { hashToken, newToken } from '../../plugins/auth.js';
import { toUser } from '../admin/users.service.js';

interface Deps {
  db: Db;
  config: Config;
  clock: Clock;
}

/** Checks the password, applies lockout, opens a session. */
export async function login(deps: Deps, input: { username: string; password: string }, meta: { ip?: string; userAgent?: string; requestId?: string }) {
  const { db, config, clock } = deps;
  const [u] = await db.select().from(users).where(sql`lower(${users.username}) = lower(${input.username})`).limit(1);
  if (!u) {
    await verifyPassword(input.password, DUMMY_HASH);
    throw new AppError('BAD_CREDENTIALS');
  }
  const now = clock.now();
  const actor: Ctx = { db, config, clock, ip: meta.ip, requestId: meta.requestId, user: sessionUserOf(u) };
  if (u.lockedUntil && new Date(u.lockedUntil) > now) throw new AppError('ACCOUNT_LOCKED');
  const ok = await verifyPassword(input.password, u.passwordHash);
  if (!ok) {
    const attempts = u.failedAttempts + 1;
    const lock = attempts >= config.lockoutAttempts;
    await db.transaction(async (tx) => {
      await tx
        .update(users)
        .set({ failedAttempts: lock ? 0 : attempts, lockedUntil: lock ? new Date(now.getTime() + config.lockoutMinutes * 60_000).toISOString() : u.lockedUntil })
        .where(eq(users.id, u.id));
      await writeAudit(tx, actor, { action: lock ? 'user.locked' : 'user.login_failed', entityType: 'user', entityId: u.id, summary: `${u.username} 第${attempts}次密码错误` });
    });
    if (lock) throw new AppError('ACCOUNT_LOCKED');
    throw new AppError('BAD_CREDENTIALS');
  }
  if (!u.active) throw new AppError('ACCOUNT_DISABLED');
  const token = newToken();
  const csrfToken = newToken();
  await db.transaction(async (tx) => {
    await tx.update(users).set({ failedAttempts: 0, lockedUntil: null, lastLoginAt: now.toISOString() }).where(eq(users.id, u.id));
    await tx.insert(sessions).values({
      id: hashToken(token),
      userId: u.id,
      csrfToken,
      createdAt: now.toISOString(),
      lastSeenAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + config.sessionMaxHours * 3600_000).toISOString(),
      ip: meta.ip?.slice(0, 64),
      userAgent: meta.userAgent?.slice(0, 300),
    });
    await writeAudit(tx, actor, { action: 'user.login', entityType: 'user', entityId: u.id, summary: `${u.username} 登录` });
  });
  return { token, me: await getMe(deps, u.id, csrfToken) };
}

export function sessionUserOf(u: typeof users.$inferSelect): SessionUser {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role as Role,
    scopeType: u.scopeType as SessionUser['scopeType'],
    regionCode: u.regionCode,
    departmentId: u.departmentId,
    enterpriseId: u.enterpriseId,
  };
}

export async function getMe(deps: Deps, userId: number, csrfToken: string): Promise<Me> {
  const [row] = await deps.db
    .select({ u: users, regionName: regions.name, departmentName: departments.name, enterpriseName: enterprises.name })
    .from(users)
    .leftJoin(regions, eq(regions.code, users.regionCode))
    .leftJoin(departments, eq(departments.id, users.departmentId))
    .leftJoin(enterprises, eq(enterprises.id, users.enterpriseId))
    .where(eq(users.id, userId));
  if (!row) throw new AppError('UNAUTHENTICATED');
  const days = passwordExpiresInDays(deps.config.passwordMaxDays, deps.clock.now(), row.u.passwordChangedAt);
  const user = toUser(row.u);
  return {
    user: {
      ...user,
      mustChangePassword: mustChangePassword(row.u, deps.config.passwordMaxDays, deps.clock.now()),
      permissions: [...ROLE_PERMISSIONS[user.role]],
      regionName: row.regionName,
      departmentName: row.departmentName,
      enterpriseName: row.enterpriseName,
    },
    csrfToken,
    passwordExpiresInDays: days,
  };
}

export async function logout(db: Db, sessionId: string | undefined): Promise<void> {
  if (sessionId) await db.delete(sessions).where(eq(sessions.id, sessionId));
}

export async function changeOwnPassword(ctx: Ctx, input: { oldPassword: string; newPassword: string }, keepSessionId?: string): Promise<void> {
  const [u] = await ctx.db.select().from(users).where(eq(users.id, ctx.user.id));
  if (!u || !(await verifyPassword(input.oldPassword, u.passwordHash))) {
    throw new AppError('VALIDATION', '原密码不正确', [{ path: 'oldPassword', message: '原密码不正确' }]);
  }
  if (input.oldPassword === input.newPassword) throw new AppError('VALIDATION', '新密码不能与原密码相同', [{ path: 'newPassword', message: '新密码不能与原密码相同' }]);
  const hash = await hashPassword(input.newPassword);
  await ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash: hash, passwordChangedAt: ctx.clock.now().toISOString(), mustChangePassword: false, updatedAt: ctx.clock.now().toISOString() }).where(eq(users.id, u.id));
    // Other sessions of this user end with the old password.
    await tx.delete(sessions).where(sql`${sessions.userId} = ${u.id} AND ${sessions.id} <> ${keepSessionId ?? ''}`);
    await writeAudit(tx, ctx, { action: 'user.password', entityType: 'user', entityId: u.id, summary: `${u.username} 修改密码` });
  });
}
