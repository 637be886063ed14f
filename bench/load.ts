/**
 * Bench data generator (QUALITY.md profiles), loaded through SQL (generate_series), then
 * roll-ups rebuilt, lights computed, and the raw-SQL floor of each measured answer timed
 * in-process. Usage: tsx bench/load.ts <profile> <dataDir|postgres-url> <out.json>
 */
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../server/src/db/client.js';
import { runMigrations } from '../server/src/db/migrate.js';
import { bootstrap } from '../server/src/db/seed/bootstrap.js';
import { testConfig } from '../server/src/config.js';
import { systemClock } from '../server/src/core/clock.js';
import { systemCtx } from '../server/src/core/context.js';
import { rebuildRollups } from '../server/src/modules/dashboard/rollups.js';
import { ensureRuleSets, recomputeLights } from '../server/src/modules/warnings/lights.store.js';

export const PROFILES = {
  county: { projects: 300, counties: 1, towns: 14 },
  city: { projects: 5000, counties: 13, towns: 15 },
  province: { projects: 100_000, counties: 90, towns: 15 },
} as const;
export const YEARS = [2023, 2024, 2025];
export const BENCH_YEAR = 2025;
export const BENCH_MONTH = 12;

const [profileName, target, out] = process.argv.slice(2) as [keyof typeof PROFILES, string, string];
const profile = PROFILES[profileName];
if (!profile) throw new Error(`unknown profile ${profileName}`);
const isPg = target.startsWith('postgres');
const t0 = performance.now();
const database = await openDatabase(isPg ? { url: target, poolSize: 4 } : { dataDir: target });
const db = database.db;
await runMigrations(db);
const config = testConfig({ adminPassword: 'Bench@2026ok', demo: false });
await bootstrap({ db, config, clock: systemClock });
const ctx = systemCtx({ db, config, clock: systemClock });
const timings: Record<string, number> = {};
const step = async (name: string, f: () => Promise<unknown>) => {
  const s = performance.now();
  await f();
  timings[name] = Math.round(performance.now() - s);
  console.log(`  ${name}: ${timings[name]} ms`);
};

const existing = Number(((await db.execute(sql`SELECT count(*)::int AS n FROM projects`)).rows[0] as { n: number }).n);
if (existing === 0) {
  await step('regions', async () => {
    await db.execute(sql`INSERT INTO regions (code, name, level, parent_code) VALUES ('330000', '浙江省', 'province', NULL), ('330100', '杭州市', 'city', '330000') ON CONFLICT DO NOTHING`);
    // counties 330101.. (city/province profiles) or 330122 桐庐县 (county profile); towns code||'001'..
    await db.execute(sql`
      INSERT INTO regions (code, name, level, parent_code)
      SELECT c.code, c.name, 'county', '330100' FROM (
        SELECT CASE WHEN ${profile.counties}::int = 1 THEN '330122' ELSE '33' || lpad((1 + (g - 1) / 99)::text, 2, '0') || lpad((1 + (g - 1) % 99)::text, 2, '0') END AS code,
               CASE WHEN ${profile.counties}::int = 1 THEN '桐庐县' ELSE '县区' || g END AS name
        FROM generate_series(1, ${profile.counties}::int) g) c
      ON CONFLICT DO NOTHING`);
    await db.execute(sql`UPDATE regions SET parent_code = '330000', level = 'city' WHERE false`);
    await db.execute(sql`
      INSERT INTO regions (code, name, level, parent_code)
      SELECT r.code || lpad(t::text, 3, '0'), r.name || '镇' || t, 'town', r.code
      FROM regions r CROSS JOIN generate_series(1, ${profile.towns}::int) t WHERE r.level = 'county' ON CONFLICT DO NOTHING`);
  });
  await step('projects', async () => {
    await db.execute(sql`
      WITH towns AS (SELECT array_agg(code ORDER BY code) AS a FROM regions WHERE level = 'town')
      INSERT INTO projects (name, level, nature, category, plan_year, field, investment_type, region_code, total_investment,
        planned_start, actual_start, stats_code, stage, lng, lat)
      SELECT '基准项目' || g, 'county', 'new', (ARRAY['new_start','continuing','completion','preparatory'])[1 + g % 4], 2025,
        (ARRAY['industry','infrastructure','service'])[1 + g % 3], 'enterprise', towns.a[1 + g % array_length(towns.a, 1)],
        1000 + (g * 37) % 50000,
        date '2023-01-01' + (g * 13) % 1000, CASE WHEN g % 5 = 0 THEN NULL ELSE date '2023-01-01' + (g * 13) % 1000 + 20 END,
        CASE WHEN g % 7 = 0 THEN NULL ELSE 'S' || g END,
        (ARRAY['preliminary','started','construction','construction','construction','completed','production','reserve'])[1 + g % 8],
        119.2 + (g % 100) * 0.01, 29.5 + (g % 73) * 0.01
      FROM generate_series(1, ${profile.projects}::int) g, towns`);
  });
  await step('annual_plans', async () => {
    await db.execute(sql`
      INSERT INTO annual_plans (project_id, year, category, planned_investment, monthly)
      SELECT p.id, y, p.category, (SELECT sum(((p.id * 13 + m * 11) % 300 + 20)::numeric) FROM generate_series(1, 12) m),
        ARRAY(SELECT ((p.id * 13 + m * 11) % 300 + 20)::numeric FROM generate_series(1, 12) m ORDER BY m)
      FROM projects p CROSS JOIN generate_series(${YEARS[0]}::int, ${YEARS[2]}::int) y`);
  });
  await step('monthly_reports', async () => {
    await db.execute(sql`
      INSERT INTO monthly_reports (project_id, year, month, status, investment, progress_text)
      SELECT p.id, y, m, CASE WHEN (p.id + m) % 10 = 0 THEN 'submitted' WHEN (p.id + m) % 37 = 0 THEN 'draft' ELSE 'accepted' END,
        ((p.id * 31 + m * 7) % 200 + 5)::numeric, '按计划推进'
      FROM projects p CROSS JOIN generate_series(${YEARS[0]}::int, ${YEARS[2]}::int) y CROSS JOIN generate_series(1, 12) m`);
  });
  await step('milestones+windows', async () => {
    await db.execute(sql`INSERT INTO milestones (project_id, seq, name, due_date, done_date)
      SELECT id, 1, '施工许可', date '2025-01-01' + (id % 360), CASE WHEN id % 3 = 0 THEN NULL ELSE date '2025-01-01' + (id % 360) END FROM projects`);
    await db.execute(sql`INSERT INTO report_windows (year, month, deadline, status) SELECT ${BENCH_YEAR}::int, m, make_date(${BENCH_YEAR}::int, m, 28), 'closed' FROM generate_series(1, 12) m ON CONFLICT DO NOTHING`);
  });
  if (isPg) await db.execute(sql`ANALYZE`);
  await step('rebuildRollups', async () => {
    for (const y of YEARS) await db.transaction((tx) => rebuildRollups(tx, y));
  });
  await step('recomputeLights', async () => {
    await db.transaction(async (tx) => {
      await ensureRuleSets(tx);
      await recomputeLights(tx, ctx, 'all', BENCH_YEAR, BENCH_MONTH - 1);
      await recomputeLights(tx, ctx, 'all', BENCH_YEAR, BENCH_MONTH);
    });
  });
  // planner statistics, as autovacuum (PostgreSQL) and the server's auto-analyze (PGlite) keep them
  await db.execute(sql`ANALYZE`);
}
const counts = (await db.execute(sql`SELECT (SELECT count(*) FROM projects)::int AS projects, (SELECT count(*) FROM monthly_reports)::int AS reports,
  (SELECT count(*) FROM monthly_rollups)::int AS rollups, (SELECT count(*) FROM project_lights)::int AS lights`)).rows[0];
console.log('  rows:', counts);
const sampleId = Number(((await db.execute(sql`SELECT id FROM projects ORDER BY id OFFSET ${Math.floor(profile.projects / 2)} LIMIT 1`)).rows[0] as { id: number }).id);

// the raw-SQL floor: the same answers by hand-written queries, timed here (no HTTP, no app)
const floors: Record<string, string[]> = {
  dashboard: [
    `SELECT month, sum(planned) AS planned, sum(completed) AS completed FROM monthly_rollups WHERE year = ${BENCH_YEAR}::int GROUP BY month`,
    `SELECT p.stage, coalesce(ap.category, p.category), count(*), sum(p.total_investment) FROM projects p LEFT JOIN annual_plans ap ON ap.project_id = p.id AND ap.year = ${BENCH_YEAR}::int WHERE p.deleted_at IS NULL GROUP BY 1, 2`,
    `SELECT dimension, light, count(*) FROM project_lights WHERE year = ${BENCH_YEAR}::int AND month = ${BENCH_MONTH} GROUP BY 1, 2`,
  ],
  dashboardRawScan: [
    `SELECT r.month, sum(r.investment) FROM monthly_reports r WHERE r.year = ${BENCH_YEAR}::int AND r.status IN ('submitted', 'accepted') GROUP BY r.month`,
    `SELECT sum(planned_investment) FROM annual_plans WHERE year = ${BENCH_YEAR}::int`,
  ],
  projectList: [
    `SELECT id, name, region_code, stage, total_investment FROM projects WHERE deleted_at IS NULL AND stage = 'construction' ORDER BY id DESC LIMIT 20`,
    `SELECT count(*), sum(total_investment) FROM projects WHERE deleted_at IS NULL AND stage = 'construction'`,
  ],
  projectDetail: [`SELECT * FROM projects WHERE id = ${sampleId}`],
  warnings: [
    `SELECT p.id, p.name, max(CASE pl.light WHEN 'red' THEN 2 WHEN 'yellow' THEN 1 ELSE 0 END) AS worst FROM project_lights pl JOIN projects p ON p.id = pl.project_id
      WHERE pl.year = ${BENCH_YEAR}::int AND pl.month = ${BENCH_MONTH} GROUP BY p.id, p.name HAVING bool_or(pl.light = 'red') ORDER BY worst DESC, p.id LIMIT 20`,
    `SELECT dimension, light, count(*) FROM project_lights WHERE year = ${BENCH_YEAR}::int AND month = ${BENCH_MONTH} GROUP BY 1, 2`,
  ],
};
const floor: Record<string, { p50: number; p95: number; p99: number; runs: number }> = {};
for (const [name, queries] of Object.entries(floors)) {
  const runs = profile.projects >= 100_000 ? 20 : 60;
  const lat: number[] = [];
  for (let i = 0; i < runs + 3; i++) {
    const s = performance.now();
    for (const q of queries) await db.execute(sql.raw(q));
    if (i >= 3) lat.push(performance.now() - s);
  }
  lat.sort((a, b) => a - b);
  const at = (p: number) => Math.round(lat[Math.min(lat.length - 1, Math.ceil((p / 100) * lat.length) - 1)]! * 100) / 100;
  floor[name] = { p50: at(50), p95: at(95), p99: at(99), runs };
}
console.log('  floor (ms):', floor);
writeFileSync(out, JSON.stringify({ timings, counts, sampleId, floor, loadMs: Math.round(performance.now() - t0) }, null, 2));
await database.close();
