import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, projectBody, type TestEnv } from '../../../test/helpers.js';

// Who owes a month's report: from the month a project starts to the month it is completed,
// in the missing list and the report light alike. now: 2026-12-07
let env: TestEnv;
const ids: Record<string, number> = {};
const q = (s: string, p: unknown[] = []) => env.database.pool.query(s, p);

beforeAll(async () => {
  env = await createTestEnv({ now: '2026-12-07T02:00:00Z' });
  const disp = await env.login('disp');
  const mk = async (key: string, over: Record<string, unknown>) => {
    const r = await disp.post('/api/projects', projectBody('330122001', { name: key, totalInvestment: 3000, ...over }));
    expect(r.statusCode).toBe(201);
    ids[key] = r.json().id;
  };
  await mk('august', { stage: 'construction', actualStart: '2026-08-20' });
  await mk('done', { stage: 'completed', actualStart: '2025-03-01', actualCompletion: '2026-04-30' });
  await mk('running', { stage: 'construction', actualStart: '2025-03-01' });
  for (const k of ['august', 'done', 'running'])
    await q(`INSERT INTO annual_plans (project_id, year, category, planned_investment, monthly) VALUES ($1, 2026, 'continuing', 1200, $2)`, [ids[k], Array(12).fill(100)]);
  for (let m = 1; m <= 10; m++) {
    const deadline = `2026-${String(m + 1).padStart(2, '0')}-05`;
    expect((await disp.post('/api/report-windows', { year: 2026, month: m, deadline })).statusCode).toBe(201);
  }
});
afterAll(async () => env?.close());

const missing = async (month: number) =>
  ((await (await env.login('disp')).get(`/api/reports?year=2026&month=${month}&status=missing`)).json().items as Array<{ projectId: number }>).map((r) => r.projectId);

describe('report obligation (应报)', () => {
  it('a project started 2026-08-20 owes no report before August; a project completed in April none after April', async () => {
    expect(await missing(3)).toEqual(expect.arrayContaining([ids.running, ids.done]));
    expect(await missing(3)).not.toContain(ids.august);
    expect(await missing(7)).not.toContain(ids.august);
    expect(await missing(8)).toContain(ids.august);
    expect(await missing(4)).toContain(ids.done);
    expect(await missing(5)).not.toContain(ids.done);
    const gaps = (await (await env.login('disp')).get('/api/reports/missing?year=2026&month=3')).json();
    expect(gaps.missing.map((r: { projectId: number }) => r.projectId)).not.toContain(ids.august);
  });

  it('the report light agrees: no 未按期报送 before the start, the streak counts from August', async () => {
    const disp = await env.login('disp');
    for (let m = 1; m <= 10; m++) expect((await disp.post(`/api/warnings/recompute?year=2026&month=${m}`)).statusCode).toBe(200);
    const lights = (await disp.get(`/api/projects/${ids.august}/lights`)).json() as { months: Array<{ month: number; lights: Array<{ dimension: string; light: string; value: number | null; detail: string | null }> }> };
    const report = (m: number) => lights.months.find((x) => x.month === m)!.lights.find((l) => l.dimension === 'report')!;
    for (let m = 1; m <= 7; m++) expect(report(m).light).toBe('green');
    expect(report(8)).toMatchObject({ light: 'yellow', detail: '8月月报未按期报送' });
    expect(report(9)).toMatchObject({ light: 'red', detail: '连续2个月未按期报送' });
    const done = (await disp.get(`/api/projects/${ids.done}/lights`)).json() as typeof lights;
    expect(done.months.find((x) => x.month === 5)!.lights.find((l) => l.dimension === 'report')!.light).toBe('green');
  });
});
