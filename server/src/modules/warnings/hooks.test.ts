import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, projectBody, type TestEnv } from '../../../test/helpers.js';
import { queuedRecompute, runQueuedRecompute } from './hooks.js';

// A change touching many months: the two recent ones at once, the earlier ones by the job. now: 2026-06-15
let env: TestEnv;
let pid: number;
const q = (s: string, p: unknown[] = []) => env.database.pool.query(s, p);

beforeAll(async () => {
  env = await createTestEnv();
  const disp = await env.login('disp');
  pid = (await disp.post('/api/projects', projectBody('330122001', { name: '未报项目', totalInvestment: 2000, stage: 'construction', actualStart: '2025-05-01' }))).json().id;
});
afterAll(async () => env?.close());

const reportLight = async (m: number) => (await q(`SELECT light FROM project_lights WHERE project_id = $1 AND year = 2026 AND month = $2 AND dimension = 'report'`, [pid, m])).rows[0]?.light;

describe('recompute of the months a change touches', () => {
  it('opening an old month recomputes the recent months at once and queues the earlier ones; the job recomputes them in order', async () => {
    const disp = await env.login('disp');
    for (const m of [2, 3]) expect((await disp.post('/api/report-windows', { year: 2026, month: m, deadline: `2026-0${m + 1}-05` })).statusCode).toBe(201);
    // February's window: months 2..6 touched; May and June at once, February to April queued
    expect(await queuedRecompute(env.database.db)).toEqual({ year: 2026, month: 2 });
    expect(await reportLight(2)).toBe('green'); // not yet
    const run = await disp.post('/api/scheduler/run', { jobs: ['warnings.backfill'], force: true });
    expect(run.json().runs[0]).toMatchObject({ job: 'warnings.backfill', status: 'ok', result: { months: ['2026-02', '2026-03', '2026-04', '2026-05', '2026-06'] } });
    expect(await reportLight(2)).toBe('yellow');
    expect(await reportLight(3)).toBe('red'); // 连续2个月
    expect(await queuedRecompute(env.database.db)).toBeNull();
    expect((await runQueuedRecompute(env.ctx)).months).toEqual([]);
  });
});

