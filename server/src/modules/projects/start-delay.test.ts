import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, projectBody, type TestEnv } from '../../../test/helpers.js';
import { recompute } from '../warnings/warnings.service.js';

// 银川 start rule: not started in the planned month without a stated reason → yellow; red after
// 3 months whatever the reason. now: 2026-06-15
let env: TestEnv;
let pid: number;
const q = (s: string, p: unknown[] = []) => env.database.pool.query(s, p);

beforeAll(async () => {
  env = await createTestEnv();
  const disp = await env.login('disp');
  const r = await disp.post('/api/projects', projectBody('330122001', { name: '延期开工项目', totalInvestment: 2000, plannedStart: '2026-05-10' }));
  expect(r.statusCode, r.body).toBe(201);
  pid = r.json().id;
});
afterAll(async () => env?.close());

const startLight = async (month: number) => {
  const rows = (await (await env.login('disp')).get(`/api/warnings?year=2026&month=${month}&pageSize=100`)).json().rows as Array<{ projectId: number; lights: { start?: { light: string; detail: string | null } }; startDelayReason: unknown }>;
  return rows.find((r) => r.projectId === pid)!;
};

describe('the stated reason for a late start', () => {
  it('without a reason the start light is yellow in the planned month and after', async () => {
    expect((await startLight(5)).lights.start).toMatchObject({ light: 'yellow', detail: '计划2026-05开工，尚未开工' });
    expect((await startLight(6)).lights.start?.light).toBe('yellow');
  });

  it('is stated through the API with who and when, audited, shown on the warnings list and honoured by the light', async () => {
    const disp = await env.login('disp');
    const cur = (await disp.get(`/api/projects/${pid}`)).json();
    expect(cur.startDelayReason).toBeNull();
    const put = (body: unknown) => env.app.inject({ method: 'PUT', url: `/api/projects/${pid}/start-delay-reason`, headers: { cookie: disp.cookie, 'x-csrf-token': disp.csrf }, payload: body as object });
    expect((await put({ reason: 'x'.repeat(501), version: cur.version })).statusCode).toBe(400);
    expect((await put({ reason: '用地未交付', version: cur.version + 5 })).statusCode).toBe(409);
    const ok = await put({ reason: '  用地未交付，待征迁完成  ', version: cur.version });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().startDelayReason).toEqual({ reason: '用地未交付，待征迁完成', byId: env.fx.users.disp, byName: '测试disp', at: '2026-06-15T02:00:00.000Z' });
    expect(ok.json().version).toBe(cur.version + 1);
    const audit = (await q(`SELECT action, summary FROM audit_events WHERE action = 'project.startDelayReason'`)).rows;
    expect(audit).toEqual([{ action: 'project.startDelayReason', summary: '「延期开工项目」说明未按期开工原因：用地未交付，待征迁完成' }]);
    // the lights of May and June follow at once
    const june = await startLight(6);
    expect(june.lights.start).toMatchObject({ light: 'green', detail: '已说明原因：用地未交付，待征迁完成' });
    expect(june.startDelayReason).toEqual({ reason: '用地未交付，待征迁完成', byName: '测试disp', at: '2026-06-15T02:00:00.000Z' });
    expect((await startLight(5)).lights.start?.light).toBe('green');
    // a leader cannot state it
    const leader = await env.login('leader1');
    const denied = await env.app.inject({ method: 'PUT', url: `/api/projects/${pid}/start-delay-reason`, headers: { cookie: leader.cookie, 'x-csrf-token': leader.csrf }, payload: { reason: 'x', version: ok.json().version } });
    expect(denied.statusCode).toBe(403);
    // withdrawn: yellow again
    const cleared = await put({ reason: '', version: ok.json().version });
    expect(cleared.json().startDelayReason).toBeNull();
    expect((await startLight(6)).lights.start?.light).toBe('yellow');
  });

  it('the reason does not suppress the red three months after the planned month', async () => {
    await q(`UPDATE projects SET start_delay_reason = '资金未到位' WHERE id = $1`, [pid]);
    env.clock.set('2026-08-20T02:00:00Z');
    try {
      await recompute(env.ctx, 2026, 8);
      const l = (await q(`SELECT light, detail FROM project_lights WHERE project_id = $1 AND year = 2026 AND month = 8 AND dimension = 'start'`, [pid])).rows[0];
      expect(l).toEqual({ light: 'red', detail: '计划2026-05开工，逾期3个月未开工' });
    } finally {
      env.clock.set('2026-06-15T02:00:00Z');
    }
  });
});
