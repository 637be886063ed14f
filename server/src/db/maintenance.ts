import { sql } from 'drizzle-orm';
import type { Database, DbOrTx } from './client.js';

/**
 * Planner statistics for the embedded database. PostgreSQL's autovacuum keeps them current on
 * a server; PGlite has no background workers, so without this the planner believes every
 * table is empty and picks nested loops over thousands of rows (measured: the dashboard's
 * lights query took 120 ms instead of 7 ms on the county profile).
 *
 * The rule is autovacuum's default: analyze a table when the rows changed since its last
 * analysis exceed 50 + 10 % of its rows, or when it has rows and was never analyzed.
 */
export async function analyzeStale(db: DbOrTx): Promise<string[]> {
  // the counters of recent transactions reach the statistics view at most once a second
  // unless flushed: ask for the flush, which happens when this statement's transaction ends
  await db.execute(sql`SELECT pg_stat_force_next_flush()`);
  const r = await db.execute(sql`
    SELECT quote_ident(schemaname) || '.' || quote_ident(relname) AS name FROM pg_stat_user_tables
    WHERE schemaname = 'public' AND (
      (last_analyze IS NULL AND last_autoanalyze IS NULL AND n_live_tup + n_mod_since_analyze > 0)
      OR n_mod_since_analyze > 50 + 0.1 * n_live_tup)
    ORDER BY relname`);
  const names = (r.rows as Array<{ name: string }>).map((x) => x.name);
  for (const name of names) await db.execute(sql.raw(`ANALYZE ${name}`));
  return names;
}

/**
 * Keeps the embedded database's statistics current: once now, then every `everyMs`.
 * Does nothing on a PostgreSQL server (autovacuum does it there). Returns a stop function.
 */
export async function startAutoAnalyze(database: Database, everyMs = 60_000, onError: (err: unknown) => void = () => {}): Promise<() => void> {
  if (database.mode !== 'pglite') return () => {};
  await analyzeStale(database.db).catch(onError);
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    analyzeStale(database.db)
      .catch(onError)
      .finally(() => (running = false));
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
