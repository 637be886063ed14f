import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from './client.js';
import { runMigrations } from './migrate.js';
import { analyzeStale } from './maintenance.js';

describe('planner statistics on the embedded database', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openDatabase({});
    await runMigrations(database.db);
  });
  afterAll(async () => {
    await database?.close();
  });

  async function estimate(): Promise<number> {
    const r = await database.db.execute(sql`EXPLAIN (FORMAT JSON) SELECT * FROM regions WHERE parent_code IS NULL`);
    const plan = (r.rows[0] as Record<string, unknown>)['QUERY PLAN'] as Array<{ Plan: { 'Plan Rows': number } }>;
    return plan[0]!.Plan['Plan Rows'];
  }

  it('analyzes a table that changed, so the planner knows its size, and then leaves it alone', async () => {
    await database.db.execute(sql`INSERT INTO regions (code, name, level, parent_code)
      SELECT lpad(g::text, 6, '0'), '区域' || g, 'town', NULL FROM generate_series(100001, 102000) g`);
    const first = await analyzeStale(database.db);
    expect(first).toContain('public.regions');
    expect(await estimate()).toBeGreaterThan(1000);
    // nothing changed since: nothing to do
    expect(await analyzeStale(database.db)).not.toContain('public.regions');
    // a few changes stay under the threshold (50 + 10 %), many go over it
    await database.db.execute(sql`UPDATE regions SET name = name || '·' WHERE code <= '100040'`);
    expect(await analyzeStale(database.db)).not.toContain('public.regions');
    await database.db.execute(sql`UPDATE regions SET name = name || '·' WHERE code <= '100400'`);
    expect(await analyzeStale(database.db)).toContain('public.regions');
  });
});
