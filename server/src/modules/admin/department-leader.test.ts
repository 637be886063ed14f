import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../../test/helpers.js';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env.close());

describe('a department’s 分管领导', () => {
  it('is set by the admin to a leader, shown in the list, and refused for anyone else', async () => {
    const admin = await env.login('admin1');
    // a unit's liaison is a person but not a leader; an unknown id is nobody
    const liaison = (await admin.post('/api/people', { name: '联络员甲', kind: 'liaison', departmentId: env.fx.deptA })).json();
    for (const leaderId of [liaison.id, 99999]) {
      const bad = await admin.patch(`/api/departments/${env.fx.deptA}`, { leaderId });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.details).toEqual([{ path: 'leaderId', message: '分管领导应为在职的领导' }]);
    }
    const ok = await admin.patch(`/api/departments/${env.fx.deptA}`, { leaderId: env.fx.people.leader2 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().leaderId).toBe(env.fx.people.leader2);
    const list = (await (await env.login('unitA')).get('/api/departments')).json();
    expect(list.find((d: { id: number }) => d.id === env.fx.deptA).leaderId).toBe(env.fx.people.leader2);
    const created = await admin.post('/api/departments', { name: '桐庐县住房和城乡建设局', regionCode: env.fx.countyA, leaderId: env.fx.people.leader1 });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().leaderId).toBe(env.fx.people.leader1);
    expect((await admin.patch(`/api/departments/${env.fx.deptA}`, { leaderId: null })).json().leaderId).toBeNull();
  });
});
