import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeCreditCode } from '@tiaodu/contracts';
import { createTestEnv, PASSWORD, projectBody, type TestEnv } from '../../../test/helpers.js';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => env?.close());

describe('regions', () => {
  it('lets the admin add a town under a county, with audit', async () => {
    const admin = await env.login('admin1');
    const res = await admin.post('/api/regions', { code: '330122103', name: '分水镇', level: 'town', parentCode: '330122' });
    expect(res.statusCode).toBe(201);
    const list = (await (await env.login('regionB')).get('/api/regions')).json();
    expect(list.map((r: { code: string }) => r.code)).toContain('330122103');
    const audit = (await admin.get('/api/audit?entityType=region&entityId=330122103')).json();
    expect(audit.items[0]).toMatchObject({ action: 'region.create', actorName: '测试admin1' });
  });

  it('refuses codes that do not sit under the parent, bad shapes and duplicates', async () => {
    const admin = await env.login('admin1');
    const wrongPrefix = await admin.post('/api/regions', { code: '330127104', name: '错位镇', level: 'town', parentCode: '330122' });
    expect(wrongPrefix.statusCode).toBe(400);
    expect(wrongPrefix.json().error.details[0].path).toBe('code');
    expect((await admin.post('/api/regions', { code: '33012', name: '短码', level: 'county' })).statusCode).toBe(400);
    const dup = await admin.post('/api/regions', { code: '330122001', name: '重复', level: 'town', parentCode: '330122' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('DUPLICATE');
  });

  it('refuses to delete a region that holds projects or children', async () => {
    const admin = await env.login('admin1');
    const disp = await env.login('disp');
    expect((await disp.post('/api/projects', projectBody('330122102'))).statusCode).toBe(201);
    expect((await admin.delete('/api/regions/330122102')).statusCode).toBe(409);
    expect((await admin.delete('/api/regions/330122')).statusCode).toBe(409);
    expect((await admin.delete('/api/regions/330122103')).statusCode).toBe(200);
  });

  it('is the admin’s alone to change (403), and needs a session (401)', async () => {
    const disp = await env.login('disp');
    expect((await disp.post('/api/regions', { code: '330122105', name: '某镇', level: 'town', parentCode: '330122' })).statusCode).toBe(403);
    expect((await env.app.inject({ method: 'GET', url: '/api/regions' })).statusCode).toBe(401);
  });
});

describe('departments', () => {
  it('creates, edits, refuses duplicates, and protects units in use', async () => {
    const admin = await env.login('admin1');
    const created = await admin.post('/api/departments', { name: '桐庐县住房和城乡建设局', shortName: '住建局', regionCode: '330122' });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect((await admin.patch(`/api/departments/${id}`, { shortName: '县住建局' })).json().shortName).toBe('县住建局');
    expect((await admin.post('/api/departments', { name: '桐庐县住房和城乡建设局', regionCode: '330122' })).statusCode).toBe(409);
    expect((await admin.post('/api/departments', { name: 'x', regionCode: '330122' })).statusCode).toBe(400);
    expect((await admin.delete(`/api/departments/${env.fx.deptA}`)).statusCode).toBe(409);
    expect((await admin.delete(`/api/departments/${id}`)).statusCode).toBe(200);
    expect((await (await env.login('regionA')).post('/api/departments', { name: '某局', regionCode: '330122' })).statusCode).toBe(403);
  });
});

describe('enterprises', () => {
  it('validates the credit code and keeps the list to the user’s scope', async () => {
    const disp = await env.login('disp');
    const bad = await disp.post('/api/enterprises', { name: '校验失败公司', creditCode: '91330122MA27000010' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('creditCode');
    const ok = await disp.post('/api/enterprises', { name: '杭州丙公司', creditCode: completeCreditCode('91330122MA2700003').toLowerCase(), regionCode: '330122' });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().creditCode).toBe(completeCreditCode('91330122MA2700003'));
    const unit = (await (await env.login('unitA')).get('/api/enterprises')).json();
    expect(unit.items.map((e: { name: string }) => e.name)).toEqual(['杭州甲公司']);
    const regionB = (await (await env.login('regionB')).get('/api/enterprises')).json();
    expect(regionB.items.map((e: { name: string }) => e.name)).toEqual(['杭州乙公司']);
    expect((await (await env.login('deptA')).post('/api/enterprises', { name: '部门新建公司' })).statusCode).toBe(403);
  });
});

describe('users', () => {
  it('creates users with a role and a data scope, under the password policy', async () => {
    const admin = await env.login('admin1');
    const weak = await admin.post('/api/users', { username: 'newbie', displayName: '新用户', role: 'region', scopeType: 'region', regionCode: '330122', password: 'password' });
    expect(weak.statusCode).toBe(400);
    const noScope = await admin.post('/api/users', { username: 'newbie', displayName: '新用户', role: 'region', scopeType: 'region', password: PASSWORD });
    expect(noScope.statusCode).toBe(400);
    expect(noScope.json().error.details[0].path).toBe('regionCode');
    const ok = await admin.post('/api/users', { username: 'newbie', displayName: '新用户', role: 'region', scopeType: 'region', regionCode: '330122001', password: PASSWORD });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ username: 'newbie', mustChangePassword: true });
    expect(ok.json()).not.toHaveProperty('passwordHash');
    expect((await admin.post('/api/users', { username: 'NEWBIE', displayName: '重名', role: 'leader', scopeType: 'assigned', password: PASSWORD })).statusCode).toBe(409);
    const audit = (await admin.get(`/api/audit?entityType=user&entityId=${ok.json().id}`)).json();
    expect(JSON.stringify(audit.items[0].after)).not.toContain('scrypt');
  });

  it('resets a password, which ends that user’s sessions, and unlocks', async () => {
    const admin = await env.login('admin1');
    const victim = await env.login('townA1');
    expect((await victim.get('/api/auth/me')).statusCode).toBe(200);
    const res = await admin.patch(`/api/users/${env.fx.users.townA1}`, { password: 'Reset@2026x', unlock: true });
    expect(res.statusCode).toBe(200);
    expect((await victim.get('/api/auth/me')).statusCode).toBe(401);
    const again = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'townA1', password: 'Reset@2026x' } });
    expect(again.json().user.mustChangePassword).toBe(true);
  });

  it('is for admins only and hides other users from everyone else', async () => {
    for (const u of ['disp', 'super', 'leader1']) {
      const a = await env.login(u);
      expect((await a.get('/api/users')).statusCode).toBe(403);
      expect((await a.patch(`/api/users/${env.fx.users.admin1}`, { active: false })).statusCode).toBe(403);
    }
    const admin = await env.login('admin1');
    expect((await admin.patch(`/api/users/${env.fx.users.admin1}`, { active: false })).statusCode).toBe(400);
    expect((await admin.patch('/api/users/99999', { displayName: '无此人' })).statusCode).toBe(404);
  });

  it('a new data scope takes effect on the next request', async () => {
    const admin = await env.login('admin1');
    await admin.patch(`/api/users/${env.fx.users.leader2}`, { scopeType: 'region', regionCode: '330127' });
    const login = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'leader2', password: PASSWORD } });
    const cookie = `tiaodu_sid=${login.cookies.find((c) => c.name === 'tiaodu_sid')!.value}`;
    const disp = await env.login('disp');
    await disp.post('/api/projects', projectBody('330127', { name: '淳安项目' }));
    const list = await env.app.inject({ method: 'GET', url: '/api/projects', headers: { cookie } });
    expect(list.json().items.map((p: { name: string }) => p.name)).toEqual(['淳安项目']);
  });
});

describe('audit log', () => {
  it('detects a tampered row through the hash chain', async () => {
    const sup = await env.login('super');
    expect((await sup.get('/api/audit/verify')).json().ok).toBe(true);
    await env.database.pool.query("UPDATE audit_events SET summary = summary, after = '{\"x\":1}'::jsonb WHERE id = (SELECT min(id) + 2 FROM audit_events)");
    const v = (await sup.get('/api/audit/verify')).json();
    expect(v.ok).toBe(false);
    expect(v.brokenAt).toBeGreaterThan(0);
  });

  it('filters by actor, action and date', async () => {
    const sup = await env.login('super');
    const res = (await sup.get(`/api/audit?actorId=${env.fx.users.admin1}&action=user.create&from=2026-06-15&to=2026-06-15`)).json();
    expect(res.total).toBe(1);
    expect((await sup.get('/api/audit?from=2026-99-01')).statusCode).toBe(400);
  });
});
