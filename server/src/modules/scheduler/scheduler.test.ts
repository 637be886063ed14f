import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestEnv, type TestEnv } from '../../../test/helpers.js';
import { loadConfig, testConfig } from '../../config.js';
import { buildApp } from '../../app.js';
import { ManualClock, OffsetClock } from '../../core/clock.js';
import { schedulerRuns } from '../../db/schema.js';
import { registerJob } from './registry.js';
import { runDue } from './scheduler.service.js';

let env: TestEnv;
const calls: string[] = [];
let failNext = false;

beforeAll(async () => {
  env = await createTestEnv({ now: '2026-06-15T02:00:00Z' });
  registerJob('test.counter', 3600_000, async (ctx) => {
    calls.push(ctx.clock.now().toISOString());
    return { n: calls.length };
  });
  registerJob('test.flaky', 3600_000, async () => {
    if (failNext) throw new Error('网关不可用');
    return 'ok';
  });
});
afterAll(() => env.close());

describe('runDue', () => {
  it('runs a job that never ran, then not again until its interval has passed by the clock', async () => {
    calls.length = 0;
    const first = await runDue(env.ctx, { jobs: ['test.counter'] });
    expect(first).toEqual([{ job: 'test.counter', status: 'ok', result: { n: 1 } }]);
    expect(await runDue(env.ctx, { jobs: ['test.counter'] })).toEqual([]);
    env.clock.advance(3600_000 - 1000);
    expect(await runDue(env.ctx, { jobs: ['test.counter'] })).toEqual([]);
    env.clock.advance(1000);
    expect((await runDue(env.ctx, { jobs: ['test.counter'] })).map((r) => r.job)).toEqual(['test.counter']);
    expect(calls).toHaveLength(2);
    const [row] = await env.ctx.db.select().from(schedulerRuns).where(eq(schedulerRuns.job, 'test.counter'));
    expect(row!.runs).toBe(2);
    expect(new Date(row!.lastRunAt!).toISOString()).toBe(env.clock.now().toISOString());
    expect(row!.lastResult).toEqual({ n: 2 });
  });

  it('a forced run runs whatever is due or not', async () => {
    const before = calls.length;
    await runDue(env.ctx, { jobs: ['test.counter'], force: true });
    expect(calls.length).toBe(before + 1);
  });

  it('a failed run is recorded and leaves the job due at the next tick', async () => {
    failNext = true;
    const [r] = await runDue(env.ctx, { jobs: ['test.flaky'] });
    expect(r).toMatchObject({ job: 'test.flaky', status: 'error', error: '网关不可用' });
    const [row] = await env.ctx.db.select().from(schedulerRuns).where(eq(schedulerRuns.job, 'test.flaky'));
    expect(row!.lastStatus).toBe('error');
    expect(row!.lastRunAt).toBeNull();
    failNext = false;
    const [again] = await runDue(env.ctx, { jobs: ['test.flaky'] });
    expect(again).toMatchObject({ status: 'ok', result: 'ok' });
  });

  it('a failed query is recorded with the database\'s reason, not only the SQL', async () => {
    registerJob('test.badsql', 3600_000, async (ctx) => ctx.db.execute(sql`SELECT no_such_column FROM scheduler_runs`));
    const [r] = await runDue(env.ctx, { jobs: ['test.badsql'] });
    expect(r!.status).toBe('error');
    expect(r!.error).toMatch(/^column "no_such_column" does not exist — /);
  });

  it('concurrent runs do not overlap: the second sees the first one\'s record', async () => {
    env.clock.advance(7200_000);
    const before = calls.length;
    const [a, b] = await Promise.all([runDue(env.ctx, { jobs: ['test.counter'] }), runDue(env.ctx, { jobs: ['test.counter'] })]);
    expect(a.length + b.length).toBe(1);
    expect(calls.length).toBe(before + 1);
  });

  it('an unknown job name is a 404', async () => {
    await expect(runDue(env.ctx, { jobs: ['nope'] })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('POST /api/scheduler/run', () => {
  it('needs a session, and the dispatcher or admin', async () => {
    expect((await env.app.inject({ method: 'POST', url: '/api/scheduler/run', payload: {} })).statusCode).toBe(401);
    const unit = await env.login('unitA');
    expect((await unit.post('/api/scheduler/run', {})).statusCode).toBe(403);
    expect((await (await env.login('leader1')).get('/api/scheduler/jobs')).statusCode).toBe(403);
  });
  it('runs the named jobs on demand and lists their state', async () => {
    const disp = await env.login('disp');
    const before = calls.length;
    const res = await disp.post('/api/scheduler/run', { jobs: ['test.counter'] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().runs).toEqual([expect.objectContaining({ job: 'test.counter', status: 'ok' })]);
    expect(calls.length).toBe(before + 1);
    expect((await disp.post('/api/scheduler/run', { jobs: [42] })).statusCode).toBe(400);
    const jobs = await disp.get('/api/scheduler/jobs');
    expect(jobs.json().map((j: { name: string }) => j.name)).toEqual(expect.arrayContaining(['test.counter', 'notifications.deliver']));
  });
});

describe('test clock', () => {
  it('is absent unless TIAODU_TEST_CLOCK=1', async () => {
    const admin = await env.login('admin1');
    expect((await admin.post('/api/test/clock', { now: '2027-01-01T00:00:00Z' })).statusCode).toBe(404);
    expect(env.clock.now().getFullYear()).toBe(2026);
  });
  it('is refused when NODE_ENV=production', () => {
    expect(() => loadConfig({ TIAODU_TEST_CLOCK: '1', NODE_ENV: 'production' })).toThrow(/refused/);
    expect(loadConfig({ TIAODU_TEST_CLOCK: '1' }).testClock).toBe(true);
    expect(loadConfig({}).testClock).toBe(false);
  });
  it('moves the server clock when enabled', async () => {
    const clock = new OffsetClock();
    const app = await buildApp({ db: env.database.db, config: testConfig({ testClock: true }), clock });
    try {
      const res = await app.inject({ method: 'POST', url: '/api/test/clock', payload: { now: '2026-09-01T08:00:00+08:00' } });
      expect(res.statusCode, res.body).toBe(200);
      expect(Math.abs(clock.now().getTime() - Date.parse('2026-09-01T00:00:00Z'))).toBeLessThan(5000);
      expect((await app.inject({ method: 'POST', url: '/api/test/clock', payload: { now: 'soon' } })).statusCode).toBe(400);
    } finally {
      await app.close();
    }
  });
  it('needs a settable clock', async () => {
    await expect(buildApp({ db: env.database.db, config: testConfig({ testClock: true }), clock: { now: () => new Date() } })).rejects.toThrow(/settable/);
    const app = await buildApp({ db: env.database.db, config: testConfig({ testClock: true }), clock: new ManualClock() });
    await app.close();
  });
});
