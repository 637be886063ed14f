import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestEnv, agentFor, PASSWORD, projectBody, type Agent, type TestEnv } from '../../../test/helpers.js';
import { projects, users } from '../../db/schema.js';
import { bootstrap } from '../../bootstrap.js';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv({ config: { passwordMaxDays: 90 } });
});
afterAll(async () => env?.close());

async function loginAs(username: string, password: string): Promise<Agent> {
  const res = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  expect(res.statusCode, res.body).toBe(200);
  const sid = res.cookies.find((c) => c.name === 'tiaodu_sid')!;
  return agentFor(env.app, `tiaodu_sid=${sid.value}`, res.json().csrfToken);
}

function expectChangeRequired(res: { statusCode: number; body: string; json(): any }) {
  expect(res.statusCode, res.body).toBe(403);
  expect(res.json().error).toEqual({ code: 'PASSWORD_CHANGE_REQUIRED', message: '请先修改密码' });
}

/** Everything but who-am-I, the own password change and logout is refused, then works after the change. */
async function expectOnlyPasswordChange(agent: Agent, oldPassword: string, newPassword: string) {
  const me = await agent.get('/api/auth/me');
  expect(me.statusCode).toBe(200);
  expect(me.json().user.mustChangePassword).toBe(true);
  expectChangeRequired(await agent.get('/api/projects'));
  expectChangeRequired(await agent.get('/api/dashboard'));
  expectChangeRequired(await agent.get('/api/notifications/unread-count'));
  const before = (await env.ctx.db.select({ id: projects.id }).from(projects)).length;
  expectChangeRequired(await agent.post('/api/projects', projectBody(env.fx.countyA)));
  expect((await env.ctx.db.select({ id: projects.id }).from(projects)).length).toBe(before);
  const changed = await agent.post('/api/auth/password', { oldPassword, newPassword });
  expect(changed.statusCode, changed.body).toBe(200);
  expect((await agent.get('/api/auth/me')).json().user.mustChangePassword).toBe(false);
  expect((await agent.get('/api/projects')).statusCode).toBe(200);
}

describe('a password that must be changed first (server-enforced)', () => {
  it('after an admin reset', async () => {
    const admin = await env.login('admin1');
    expect((await admin.patch(`/api/users/${env.fx.users.townA1}`, { password: 'Reset@2026x' })).statusCode).toBe(200);
    const user = await loginAs('townA1', 'Reset@2026x');
    await expectOnlyPasswordChange(user, 'Reset@2026x', 'Mine@2026yz');
  });

  it('logging out is still possible', async () => {
    const admin = await env.login('admin1');
    expect((await admin.patch(`/api/users/${env.fx.users.regionB}`, { password: 'Reset@2026x' })).statusCode).toBe(200);
    const user = await loginAs('regionB', 'Reset@2026x');
    expect((await user.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await user.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('with the random admin password made up at first start', async () => {
    const result = await bootstrap({ db: env.database.db, config: { ...env.config, demo: false, adminPassword: undefined }, clock: env.clock });
    expect(result.generatedAdminPassword).toBeTruthy();
    const admin = await loginAs('admin', result.generatedAdminPassword!);
    expectChangeRequired(await admin.get('/api/users'));
    await expectOnlyPasswordChange(admin, result.generatedAdminPassword!, 'Admin@2026new');
  });

  it('after TIAODU_PASSWORD_MAX_DAYS, also for a session opened before', async () => {
    const user = await loginAs('leader1', PASSWORD);
    expect((await user.get('/api/projects')).statusCode).toBe(200);
    const old = new Date(env.clock.now().getTime() - 91 * 86_400_000).toISOString();
    await env.ctx.db.update(users).set({ passwordChangedAt: old }).where(eq(users.id, env.fx.users.leader1!));
    expect((await user.get('/api/auth/me')).json().passwordExpiresInDays).toBeLessThan(0);
    await expectOnlyPasswordChange(user, PASSWORD, 'Leader@2026new');
  });

  it('users who need not change their password are not held up', async () => {
    const disp = await env.login('disp');
    expect((await disp.get('/api/projects')).statusCode).toBe(200);
    expect((await disp.get('/api/auth/me')).json().user.mustChangePassword).toBe(false);
  });
});
