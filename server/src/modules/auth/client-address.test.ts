import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.js';
import { loadConfig, parseTrustProxy } from '../../config.js';
import { auditEvents } from '../../db/schema.js';
import { createTestEnv, PASSWORD, type TestEnv } from '../../../test/helpers.js';

let env: TestEnv;
let proxied: FastifyInstance;

beforeAll(async () => {
  env = await createTestEnv();
  // the same database behind a reverse proxy at 10.0.0.5 that the operator configured
  proxied = await buildApp({ db: env.database.db, config: { ...env.config, trustProxy: parseTrustProxy('10.0.0.5, 192.168.0.0/16') }, clock: env.clock });
  await proxied.ready();
});
afterAll(async () => {
  await proxied?.close();
  await env?.close();
});

async function lastLoginIp(userId: number): Promise<string | null> {
  const [row] = await env.ctx.db
    .select({ ip: auditEvents.ip })
    .from(auditEvents)
    .where(and(eq(auditEvents.action, 'user.login'), eq(auditEvents.entityId, String(userId))))
    .orderBy(desc(auditEvents.id))
    .limit(1);
  return row?.ip ?? null;
}

function login(app: FastifyInstance, username: string, password: string, remoteAddress: string, forwardedFor: string) {
  return app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress, headers: { 'x-forwarded-for': forwardedFor }, payload: { username, password } });
}

describe('client address (TIAODU_TRUST_PROXY)', () => {
  it('trusts no proxy by default', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(env.config.trustProxy).toBe(false);
  });

  it('parses addresses, CIDR ranges and hop counts and refuses anything else', () => {
    expect(parseTrustProxy(' 10.0.0.5 , 192.168.0.0/16,::1 ')).toEqual(['10.0.0.5', '192.168.0.0/16', '::1']);
    expect(parseTrustProxy('1')).toBe(1);
    expect(() => parseTrustProxy('true')).toThrow(/TIAODU_TRUST_PROXY/);
    expect(() => parseTrustProxy('10.0.0.0/40')).toThrow(/TIAODU_TRUST_PROXY/);
    expect(() => parseTrustProxy('0')).toThrow(/TIAODU_TRUST_PROXY/);
    expect(() => loadConfig({ TIAODU_TRUST_PROXY: 'proxy.example' })).toThrow(/TIAODU_TRUST_PROXY/);
  });

  it('by default the audit keeps the connection address, not X-Forwarded-For', async () => {
    const res = await login(env.app, 'disp', PASSWORD, '198.51.100.9', '203.0.113.77');
    expect(res.statusCode, res.body).toBe(200);
    expect(await lastLoginIp(env.fx.users.disp!)).toBe('198.51.100.9');
  });

  it('by default a rotating X-Forwarded-For does not escape the login rate limit', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 25; i++) codes.push((await login(env.app, 'nobody', 'wrong', '198.51.100.10', `203.0.113.${i + 1}`)).statusCode);
    expect(codes.slice(0, 20).every((c) => c === 401)).toBe(true);
    expect(codes.slice(20)).toEqual([429, 429, 429, 429, 429]);
  });

  it('behind a configured proxy the forwarded client address is used for the audit and the rate limit', async () => {
    const res = await login(proxied, 'disp', PASSWORD, '10.0.0.5', '203.0.113.77');
    expect(res.statusCode, res.body).toBe(200);
    expect(await lastLoginIp(env.fx.users.disp!)).toBe('203.0.113.77');
    // each client has its own budget: 25 clients through the proxy are never limited
    for (let i = 0; i < 25; i++) expect((await login(proxied, 'nobody', 'wrong', '10.0.0.5', `203.0.113.${100 + i}`)).statusCode).toBe(401);
    // a connection that is not one of the proxies is not believed
    const direct = await login(proxied, 'disp', PASSWORD, '198.51.100.11', '203.0.113.78');
    expect(direct.statusCode, direct.body).toBe(200);
    expect(await lastLoginIp(env.fx.users.disp!)).toBe('198.51.100.11');
  });

  it('with a hop count, that many proxies are trusted', async () => {
    const app = await buildApp({ db: env.database.db, config: { ...env.config, trustProxy: parseTrustProxy('1') }, clock: env.clock });
    await app.ready();
    try {
      const res = await login(app, 'disp', PASSWORD, '10.9.9.9', '198.18.0.1, 203.0.113.90');
      expect(res.statusCode, res.body).toBe(200);
      expect(await lastLoginIp(env.fx.users.disp!)).toBe('203.0.113.90');
    } finally {
      await app.close();
    }
  });
});
