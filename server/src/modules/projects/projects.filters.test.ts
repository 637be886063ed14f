import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, projectBody, type Agent, type TestEnv } from '../../../test/helpers.js';

let env: TestEnv;
let disp: Agent;
const names = (r: { json(): { items: { name: string }[] } }) => r.json().items.map((p) => p.name);

beforeAll(async () => {
  env = await createTestEnv();
  disp = await env.login('disp');
  const { people: users, deptA, entA } = env.fx;
  const rows = [
    projectBody('330122001', { name: '甲-工业园', totalInvestment: 4999.99, field: 'industry', level: 'county', stage: 'construction', category: 'continuing', leaderIds: [users.leader1], responsibleDeptId: deptA, ownerEnterpriseId: entA }),
    projectBody('330122102', { name: '甲-物流港', totalInvestment: 5000, field: 'service', level: 'city', stage: 'preliminary', category: 'new_start', leaderIds: [users.leader1, users.leader2] }),
    projectBody('330122', { name: '甲-输变电', totalInvestment: 99999.99, field: 'infrastructure', level: 'province', stage: 'construction', category: 'continuing', code: '2025-330122-44-01-000001' }),
    projectBody('330127', { name: '乙-温泉小镇', totalInvestment: 100000, field: 'service', level: 'province', stage: 'reserve', category: 'preparatory', planYear: 2027 }),
  ];
  for (const b of rows) expect((await disp.post('/api/projects', b)).statusCode).toBe(201);
});
afterAll(async () => env?.close());

describe('ledger filters (all applied in SQL, with sums over the filtered set)', () => {
  it('filters by region subtree', async () => {
    expect(names(await disp.get('/api/projects?regionCode=330122&sort=name'))).toEqual(['甲-工业园', '甲-物流港', '甲-输变电']);
    expect(names(await disp.get('/api/projects?regionCode=330122001'))).toEqual(['甲-工业园']);
    expect((await disp.get('/api/projects?regionCode=330100')).json().total).toBe(4);
  });
  it('filters by several stages, levels, categories and fields', async () => {
    expect((await disp.get('/api/projects?stage=construction,reserve')).json().total).toBe(3);
    expect(names(await disp.get('/api/projects?level=province&field=service'))).toEqual(['乙-温泉小镇']);
    expect((await disp.get('/api/projects?category=continuing')).json().sums.totalInvestment).toBeCloseTo(104999.98, 2);
  });
  it('filters by investment band at its edges (万元)', async () => {
    expect(names(await disp.get('/api/projects?band=lt5000'))).toEqual(['甲-工业园']);
    expect(names(await disp.get('/api/projects?band=5000to1e4'))).toEqual(['甲-物流港']);
    expect(names(await disp.get('/api/projects?band=1e4to1e5'))).toEqual(['甲-输变电']);
    expect(names(await disp.get('/api/projects?band=ge1e5'))).toEqual(['乙-温泉小镇']);
    expect((await disp.get('/api/projects?band=lt5000,ge1e5')).json().total).toBe(2);
  });
  it('filters by leader, responsible unit, plan year and keyword (name, code, owner)', async () => {
    expect((await disp.get(`/api/projects?leaderId=${env.fx.people.leader1}`)).json().total).toBe(2);
    expect(names(await disp.get(`/api/projects?leaderId=${env.fx.people.leader2}`))).toEqual(['甲-物流港']);
    expect(names(await disp.get(`/api/projects?responsibleDeptId=${env.fx.deptA}`))).toEqual(['甲-工业园']);
    expect(names(await disp.get('/api/projects?planYear=2027'))).toEqual(['乙-温泉小镇']);
    expect(names(await disp.get('/api/projects?q=温泉'))).toEqual(['乙-温泉小镇']);
    expect(names(await disp.get('/api/projects?q=000001'))).toEqual(['甲-输变电']);
    expect(names(await disp.get(`/api/projects?q=${encodeURIComponent('甲公司')}`))).toEqual(['甲-工业园']);
    expect((await disp.get('/api/projects?q=%25')).json().total).toBe(0);
  });
  it('sorts and pages, with the sum over all pages', async () => {
    const page1 = await disp.get('/api/projects?sort=-totalInvestment&pageSize=2&page=1');
    expect(names(page1)).toEqual(['乙-温泉小镇', '甲-输变电']);
    expect(page1.json().sums.totalInvestment).toBeCloseTo(209999.98, 2);
    expect(names(await disp.get('/api/projects?sort=-totalInvestment&pageSize=2&page=2'))).toEqual(['甲-物流港', '甲-工业园']);
  });
  it('refuses unknown filter values with 400', async () => {
    expect((await disp.get('/api/projects?stage=flying')).statusCode).toBe(400);
    expect((await disp.get('/api/projects?sort=password')).statusCode).toBe(400);
    expect((await disp.get('/api/projects?pageSize=5000')).statusCode).toBe(400);
    expect((await disp.get('/api/projects?regionCode=abc')).statusCode).toBe(400);
  });
  it('never counts another scope: a town user filtering the whole county sees only the town', async () => {
    const town = await env.login('townA1');
    const r = (await town.get('/api/projects?regionCode=330122')).json();
    expect(r.total).toBe(1);
    expect(r.sums.totalInvestment).toBe(4999.99);
    const dept = (await (await env.login('deptA')).get('/api/projects')).json();
    expect(dept.items.map((p: { name: string }) => p.name)).toEqual(['甲-工业园']);
    const unit = (await (await env.login('unitA')).get('/api/projects')).json();
    expect(unit.total).toBe(1);
    expect(unit.items[0].abilities).toEqual({ update: false, delete: false, changeStage: false });
  });
  it('checks updates: version conflict, validation, unknown references, scope', async () => {
    const p = (await disp.get('/api/projects?q=物流港')).json().items[0];
    expect((await disp.patch(`/api/projects/${p.id}`, { version: p.version + 5, name: '改名' })).statusCode).toBe(409);
    expect((await disp.patch(`/api/projects/${p.id}`, { version: p.version, totalInvestment: 'abc' })).statusCode).toBe(400);
    const unknown = await disp.patch(`/api/projects/${p.id}`, { version: p.version, responsibleDeptId: 99999 });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details[0].path).toBe('responsibleDeptId');
    const notLeader = await disp.patch(`/api/projects/${p.id}`, { version: p.version, leaderIds: [99999] });
    expect(notLeader.json().error.details[0].path).toBe('leaderIds');
    const ok = await disp.patch(`/api/projects/${p.id}`, { version: p.version, leaderIds: [env.fx.people.leader2] });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().leaders.map((l: { id: number }) => l.id)).toEqual([env.fx.people.leader2]);
    expect(ok.json().version).toBe(p.version + 1);
    const regionA = await env.login('regionA');
    const moved = await regionA.patch(`/api/projects/${p.id}`, { version: ok.json().version, regionCode: '330127' });
    expect(moved.statusCode).toBe(403);
    expect((await disp.get('/api/projects/abc')).statusCode).toBe(400);
    expect((await disp.get('/api/projects/999999')).statusCode).toBe(404);
  });
  it('refuses a duplicate project code with a field error', async () => {
    const dup = await disp.post('/api/projects', projectBody('330122', { code: '2025-330122-44-01-000001' }));
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.details[0].path).toBe('code');
  });
});
