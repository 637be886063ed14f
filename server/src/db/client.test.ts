import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from './client.js';
import { runMigrations } from './migrate.js';
import { buildApp } from '../app.js';
import { testConfig } from '../config.js';
import type { FastifyInstance } from 'fastify';

// The embedded database runs in a child process; a long query must not freeze the server.
describe('embedded PGlite outside the request thread', () => {
  let database: Database;
  let app: FastifyInstance;
  let base: string;
  beforeAll(async () => {
    database = await openDatabase({});
    await runMigrations(database.db);
    app = await buildApp({ db: database.db, config: testConfig() });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const addr = app.server.address() as { port: number };
    base = `http://127.0.0.1:${addr.port}`;
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('runs in its own process', () => {
    expect(database.mode).toBe('pglite');
  });

  it('answers /api/health within 250 ms while a multi-second query runs', async () => {
    const t0 = Date.now();
    const long = database.pool.query('SELECT count(*) AS n FROM generate_series(1, 12000000) g WHERE g % 7 = 3');
    await new Promise((r) => setTimeout(r, 200));
    const latencies: number[] = [];
    let stillRunning = 0;
    let done = false;
    long.then(() => (done = true));
    for (let i = 0; i < 5; i++) {
      const s = Date.now();
      const res = await fetch(`${base}/api/health`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ status: 'ok' });
      latencies.push(Date.now() - s);
      if (!done) stillRunning++;
      await new Promise((r) => setTimeout(r, 100));
    }
    const result = await long;
    const queryMs = Date.now() - t0;
    expect(Number(result.rows[0].n)).toBe(1714286);
    // The health checks were answered while the query was still running…
    expect(stillRunning).toBeGreaterThanOrEqual(3);
    expect(queryMs).toBeGreaterThan(700);
    // …and quickly.
    expect(Math.max(...latencies)).toBeLessThan(250);
  });

  it('maps bigint counts and numeric amounts to numbers and dates to strings', async () => {
    const r = await database.pool.query("SELECT count(*) AS c, 12345.67::numeric(14,2) AS m, DATE '2026-03-01' AS d");
    expect(r.rows[0]).toEqual({ c: 1, m: 12345.67, d: '2026-03-01' });
  });

  it('a failed statement costs only itself: the very next one answers (the pool replaces its connection at once)', async () => {
    for (const bad of ['SELECT 1/0', "SELECT 'x'::date", 'SELECT no_such_column FROM users']) {
      await expect(database.pool.query(bad)).rejects.toThrow();
      const r = await database.pool.query('SELECT 42 AS n');
      expect(r.rows[0]).toEqual({ n: 42 });
    }
    // and a transaction that fails is rolled back on the next connection
    const c = await database.pool.connect();
    await c.query('BEGIN');
    await expect(c.query('SELECT 1/0')).rejects.toThrow();
    await c.query('ROLLBACK');
    c.release();
    expect((await database.pool.query('SELECT 7 AS n')).rows[0]).toEqual({ n: 7 });
  });
});
