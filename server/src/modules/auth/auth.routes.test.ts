import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, PASSWORD, type TestEnv } from '../../../test/helpers.js';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv({ config: { lockoutAttempts: 3, lockoutMinutes: 15, sessionIdleMinutes: 30, sessionMaxHours: 12, passwordMaxDays: 90 } });
});
afterAll(async () => env?.close());

const login = (username: string, password: string) => env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

describe('login and sessions', () => {
  it('logs in with an HttpOnly SameSite cookie and returns the CSRF token and permissions', async () => {
    const res = await login('disp', PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'tiaodu_sid')!;
    expect(cookie.httpOnly).toBe(true);
    expect(String(cookie.sameSite).toLowerCase()).toBe('lax');
    const body = res.json();
    expect(body.csrfToken).toMatch(/^[\w-]{40,}$/);
    expect(body.user.username).toBe('disp');
    expect(body.user.permissions).toContain('project:import');
    expect(body.user).not.toHaveProperty('passwordHash');
    const me = await env.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `tiaodu_sid=${cookie.value}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json().csrfToken).toBe(body.csrfToken);
  });

  it('sets security headers', async () => {
    const res = await env.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(String(res.headers['content-security-policy'])).toContain("default-src 'self'");
    expect(res.headers['x-frame-options']).toBeDefined();
  });

  it('refuses a wrong password with the same answer as an unknown user', async () => {
    const a = await login('disp', 'Wrong@2026x');
    const b = await login('nobody', 'Wrong@2026x');
    expect(a.statusCode).toBe(401);
    expect(b.statusCode).toBe(401);
    expect(a.json().error.code).toBe('BAD_CREDENTIALS');
    expect(b.json().error.message).toBe(a.json().error.message);
  });

  it('validates the login body (400)', async () => {
    const res = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: '' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION');
  });

  it('locks the account after repeated failures, for the set time, then lets it in', async () => {
    for (let i = 0; i < 2; i++) expect((await login('promo', 'Wrong@2026x')).statusCode).toBe(401);
    const third = await login('promo', 'Wrong@2026x');
    expect(third.statusCode).toBe(423);
    expect(third.json().error.code).toBe('ACCOUNT_LOCKED');
    // Even the right password is refused while locked.
    expect((await login('promo', PASSWORD)).statusCode).toBe(423);
    env.clock.advance(14 * 60_000);
    expect((await login('promo', PASSWORD)).statusCode).toBe(423);
    env.clock.advance(2 * 60_000);
    expect((await login('promo', PASSWORD)).statusCode).toBe(200);
    const audit = (await (await env.login('super')).get('/api/audit?action=user.locked')).json();
    expect(audit.total).toBe(1);
  });

  it('ends a session after the idle timeout', async () => {
    const res = await login('deptA', PASSWORD);
    const cookie = `tiaodu_sid=${res.cookies.find((c) => c.name === 'tiaodu_sid')!.value}`;
    const me = () => env.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    env.clock.advance(29 * 60_000);
    expect((await me()).statusCode).toBe(200);
    env.clock.advance(29 * 60_000); // the previous request renewed the idle window
    expect((await me()).statusCode).toBe(200);
    env.clock.advance(31 * 60_000);
    const expired = await me();
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.code).toBe('SESSION_EXPIRED');
  });

  it('logs out: the cookie no longer works', async () => {
    const res = await login('leader1', PASSWORD);
    const cookie = `tiaodu_sid=${res.cookies.find((c) => c.name === 'tiaodu_sid')!.value}`;
    const csrf = res.json().csrfToken;
    expect((await env.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } })).statusCode).toBe(403);
    expect((await env.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie, 'x-csrf-token': csrf } })).statusCode).toBe(200);
    expect((await env.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('changes the own password under the policy and ends other sessions', async () => {
    const first = await login('leader2', PASSWORD);
    const other = `tiaodu_sid=${first.cookies.find((c) => c.name === 'tiaodu_sid')!.value}`;
    const second = await login('leader2', PASSWORD);
    const cookie = `tiaodu_sid=${second.cookies.find((c) => c.name === 'tiaodu_sid')!.value}`;
    const headers = { cookie, 'x-csrf-token': second.json().csrfToken };
    const weak = await env.app.inject({ method: 'POST', url: '/api/auth/password', headers, payload: { oldPassword: PASSWORD, newPassword: 'abcdefgh' } });
    expect(weak.statusCode).toBe(400);
    const wrongOld = await env.app.inject({ method: 'POST', url: '/api/auth/password', headers, payload: { oldPassword: 'Nope@2026x', newPassword: 'New@Pass2026' } });
    expect(wrongOld.statusCode).toBe(400);
    expect(wrongOld.json().error.details[0].path).toBe('oldPassword');
    const ok = await env.app.inject({ method: 'POST', url: '/api/auth/password', headers, payload: { oldPassword: PASSWORD, newPassword: 'New@Pass2026' } });
    expect(ok.statusCode).toBe(200);
    expect((await env.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: other } })).statusCode).toBe(401);
    expect((await env.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(200);
    expect((await login('leader2', 'New@Pass2026')).statusCode).toBe(200);
  });

  it('flags an expired password at login', async () => {
    env.clock.advance(91 * 86_400_000);
    const res = await login('townA1', PASSWORD);
    expect(res.statusCode).toBe(200);
    expect(res.json().user.mustChangePassword).toBe(true);
    expect(res.json().passwordExpiresInDays).toBeLessThan(0);
  });

  it('rate-limits login attempts from one address', async () => {
    let limited = 0;
    for (let i = 0; i < 25; i++) {
      const r = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: `ghost${i}`, password: 'x' }, remoteAddress: '10.9.9.9' });
      if (r.statusCode === 429) limited++;
    }
    expect(limited).toBeGreaterThan(0);
  });

  it('serves the OpenAPI document with the contract endpoints', async () => {
    const res = await env.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(res.json().paths);
    for (const p of ['/api/health', '/api/auth/login', '/api/auth/logout', '/api/auth/me', '/api/projects', '/api/projects/{id}']) expect(paths).toContain(p);
  });
});
