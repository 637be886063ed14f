import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, projectBody, type TestEnv } from '../../../test/helpers.js';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => env?.close());

describe('projects API', () => {
  it('creates, reads, lists with sums, and refuses without a session', async () => {
    const disp = await env.login('disp');
    const a = await disp.post('/api/projects', projectBody(env.fx.townA1, { name: '甲镇物流园', totalInvestment: 12345.67, leaderIds: [env.fx.people.leader1] }));
    expect(a.statusCode).toBe(201);
    const b = await disp.post('/api/projects', projectBody(env.fx.countyB, { name: '乙县水库', totalInvestment: 50000 }));
    expect(b.statusCode).toBe(201);
    const list = await disp.get('/api/projects?pageSize=1');
    expect(list.statusCode).toBe(200);
    const body = list.json();
    expect(body.total).toBe(2);
    expect(body.items).toHaveLength(1);
    expect(body.sums.totalInvestment).toBeCloseTo(62345.67, 2);
    const anon = await env.app.inject({ method: 'GET', url: '/api/projects' });
    expect(anon.statusCode).toBe(401);
  });

  it('keeps each scope to its own projects, in lists, sums and details', async () => {
    const regionB = await env.login('regionB');
    const list = (await regionB.get('/api/projects')).json();
    expect(list.items.map((p: { name: string }) => p.name)).toEqual(['乙县水库']);
    expect(list.sums.totalInvestment).toBe(50000);
    const disp = await env.login('disp');
    const all = (await disp.get('/api/projects?q=甲镇')).json();
    const idA = all.items[0].id;
    expect((await regionB.get(`/api/projects/${idA}`)).statusCode).toBe(404);
    expect((await regionB.patch(`/api/projects/${idA}`, { version: 1, name: '越权修改' })).statusCode).toBe(404);
    const leader = await env.login('leader1');
    const mine = (await leader.get('/api/projects')).json();
    expect(mine.total).toBe(1);
    expect((await (await env.login('leader2')).get('/api/projects')).json().total).toBe(0);
  });

  it('validates input with Chinese field errors and changes nothing', async () => {
    const disp = await env.login('disp');
    const res = await disp.post('/api/projects', projectBody(env.fx.townA1, { code: '2024-33-bad', totalInvestment: -1 }));
    expect(res.statusCode).toBe(400);
    const err = res.json().error;
    expect(err.code).toBe('VALIDATION');
    const paths = err.details.map((d: { path: string }) => d.path);
    expect(paths).toContain('code');
    expect(paths).toContain('totalInvestment');
    expect((await disp.get('/api/projects')).json().total).toBe(2);
  });

  it('refuses writes by roles without the permission and writes outside the region', async () => {
    const unit = await env.login('unitA');
    expect((await unit.post('/api/projects', projectBody(env.fx.townA1))).statusCode).toBe(403);
    const regionA = await env.login('regionA');
    const out = await regionA.post('/api/projects', projectBody(env.fx.countyB));
    expect(out.statusCode).toBe(403);
  });

  it('requires the CSRF token on state changes', async () => {
    const disp = await env.login('disp');
    const res = await env.app.inject({ method: 'POST', url: '/api/projects', headers: { cookie: disp.cookie }, payload: projectBody(env.fx.townA1) });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF');
  });

  it('moves stages explicitly and keeps the history', async () => {
    const disp = await env.login('disp');
    const p = (await disp.post('/api/projects', projectBody(env.fx.townA1, { stage: 'preliminary' }))).json();
    const bad = await disp.post(`/api/projects/${p.id}/stage`, { to: 'reserve', date: '2026-06-10', reason: '退回', version: p.version });
    expect(bad.statusCode).toBe(409);
    expect(bad.json().error.message).toContain('不能从');
    const ok = await disp.post(`/api/projects/${p.id}/stage`, { to: 'started', date: '2026-06-10', reason: '桩基开工', version: p.version });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().stage).toBe('started');
    expect(ok.json().actualStart).toBe('2026-06-10');
    const hist = (await disp.get(`/api/projects/${p.id}/stages`)).json();
    expect(hist[0]).toMatchObject({ fromStage: 'preliminary', toStage: 'started', reason: '桩基开工', userName: '测试disp' });
    const stale = await disp.post(`/api/projects/${p.id}/stage`, { to: 'construction', date: '2026-06-11', reason: '在建', version: p.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('CONFLICT');
  });

  it('audits every change in the same transaction with before and after', async () => {
    const disp = await env.login('disp');
    const p = (await disp.post('/api/projects', projectBody(env.fx.townA1, { name: '审计测试项目' }))).json();
    const up = await disp.patch(`/api/projects/${p.id}`, { version: p.version, totalInvestment: 20000 });
    expect(up.statusCode).toBe(200);
    const sup = await env.login('super');
    const audit = (await sup.get(`/api/audit?entityType=project&entityId=${p.id}`)).json();
    expect(audit.items.map((e: { action: string }) => e.action)).toEqual(['project.update', 'project.create']);
    expect(audit.items[0].before).toEqual({ totalInvestment: 10000 });
    expect(audit.items[0].after).toEqual({ totalInvestment: 20000 });
    expect((await sup.get('/api/audit/verify')).json().ok).toBe(true);
    expect((await (await env.login('regionA')).get('/api/audit')).statusCode).toBe(403);
  });

  it('soft-deletes for the dispatcher only', async () => {
    const disp = await env.login('disp');
    const p = (await disp.post('/api/projects', projectBody(env.fx.townA1))).json();
    expect((await (await env.login('regionA')).delete(`/api/projects/${p.id}`)).statusCode).toBe(403);
    expect((await disp.delete(`/api/projects/${p.id}`)).statusCode).toBe(200);
    expect((await disp.get(`/api/projects/${p.id}`)).statusCode).toBe(404);
  });
});
