import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { and, eq, sql } from 'drizzle-orm';
import { can, type Permission } from '@tiaodu/contracts';
import { sessions, users } from '../db/schema.js';
import type { Db } from '../db/client.js';
import type { Config } from '../config.js';
import type { Clock } from '../core/clock.js';
import type { Ctx, SessionUser } from '../core/context.js';
import { AppError } from '../core/errors.js';
import { mustChangePassword } from '../core/password.js';

export const SESSION_COOKIE = 'tiaodu_sid';

declare module 'fastify' {
  interface FastifyRequest {
    user?: SessionUser;
    session?: { id: string; csrfToken: string };
    sessionExpired?: boolean;
    /** The user must change their password (flagged or expired) before anything else. */
    passwordChangeRequired?: boolean;
  }
  interface FastifyContextConfig {
    /** No login needed (health, login, public pages). */
    public?: boolean;
    /** Permission key required on top of a valid session. */
    permission?: Permission;
    /** Open to a user who must change their password first (who am I, change my password). */
    beforePasswordChange?: boolean;
    /**
     * A write that no cached read answer depends on (signing in or out, one's own password,
     * notices marked read): it leaves the read cache (core/read-cache.ts) as it is, so a morning
     * of sign-ins does not make every desk and league compute again.
     */
    keepsReadCache?: boolean;
  }
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

/**
 * Loads the session behind the cookie, enforces idle and absolute expiry, then checks the
 * route's needs: a session (401), the CSRF token on state-changing requests (403), a password
 * that need not be changed first (403 PASSWORD_CHANGE_REQUIRED, unless the route says
 * `beforePasswordChange`) and the route's permission key (403). Every /api route is
 * protected unless it says `public`.
 */
export function registerAuth(app: FastifyInstance, deps: { db: Db; config: Config; clock: Clock }): void {
  const { db, config, clock } = deps;

  app.addHook('onRequest', async (req) => {
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return;
    const id = hashToken(token);
    const rows = await db
      .select({
        sid: sessions.id,
        csrfToken: sessions.csrfToken,
        lastSeenAt: sessions.lastSeenAt,
        expiresAt: sessions.expiresAt,
        user: {
          id: users.id,
          username: users.username,
          displayName: users.displayName,
          role: users.role,
          scopeType: users.scopeType,
          regionCode: users.regionCode,
          departmentId: users.departmentId,
          enterpriseId: users.enterpriseId,
          active: users.active,
          mustChangePassword: users.mustChangePassword,
          passwordChangedAt: users.passwordChangedAt,
        },
      })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(eq(sessions.id, id))
      .limit(1);
    const s = rows[0];
    if (!s) {
      req.sessionExpired = true;
      return;
    }
    const now = clock.now().getTime();
    const idleDeadline = new Date(s.lastSeenAt).getTime() + config.sessionIdleMinutes * 60_000;
    if (now > idleDeadline || now > new Date(s.expiresAt).getTime() || !s.user.active) {
      await db.delete(sessions).where(eq(sessions.id, id));
      req.sessionExpired = true;
      return;
    }
    // Touch at most once a minute to keep writes off the hot path.
    if (now - new Date(s.lastSeenAt).getTime() > 60_000) {
      await db.update(sessions).set({ lastSeenAt: new Date(now).toISOString() }).where(and(eq(sessions.id, id)));
    }
    const { active: _active, mustChangePassword: _must, passwordChangedAt: _changed, ...user } = s.user;
    req.user = user as SessionUser;
    req.passwordChangeRequired = mustChangePassword(s.user, config.passwordMaxDays, clock.now());
    req.session = { id, csrfToken: s.csrfToken };
  });

  app.addHook('preValidation', async (req) => {
    const cfg = req.routeOptions.config;
    if (!req.url.startsWith('/api/') || cfg?.public) return;
    if (!req.user) throw new AppError(req.sessionExpired ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED');
    if (UNSAFE.has(req.method)) {
      const header = req.headers['x-csrf-token'];
      if (typeof header !== 'string' || !req.session || !safeEqual(header, req.session.csrfToken)) throw new AppError('CSRF');
    }
    if (req.passwordChangeRequired && !cfg?.beforePasswordChange) throw new AppError('PASSWORD_CHANGE_REQUIRED');
    if (cfg?.permission && !can(req.user.role, cfg.permission)) throw new AppError('FORBIDDEN');
  });
}

export function setSessionCookie(reply: FastifyReply, token: string, config: Config): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.secureCookie,
    maxAge: config.sessionMaxHours * 3600,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/** The use-case context of an authenticated request. */
export function ctxOf(req: FastifyRequest, deps: { db: Db; config: Config; clock: Clock }): Ctx {
  if (!req.user) throw new AppError('UNAUTHENTICATED');
  return { db: deps.db, config: deps.config, clock: deps.clock, user: req.user, ip: req.ip, requestId: req.id };
}

/** Removes expired sessions; called at start and from time to time. */
export async function purgeSessions(db: Db, clock: Clock, config: Config): Promise<void> {
  const now = clock.now().toISOString();
  await db.delete(sessions).where(sql`${sessions.expiresAt} < ${now} OR ${sessions.lastSeenAt} < ${now}::timestamptz - make_interval(mins => ${config.sessionIdleMinutes})`);
}
