import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openTestDatabase } from '../../../test/helpers.js';
import { testConfig } from '../../config.js';
import { ManualClock } from '../../core/clock.js';
import { systemCtx } from '../../core/context.js';
import { seedDemo } from './demo.js';
import { rebuildRollups } from '../../modules/dashboard/rollups.js';
import { shouldReport } from '../../modules/reports/reports.repository.js';

type Database = Awaited<ReturnType<typeof openTestDatabase>>;

/** The demo county seeded with the clock at `now`; closed after the describe block. */
function seededAt(now: string): { readonly db: Database['db'] } {
  let database: Database | undefined;
  beforeAll(async () => {
    database = await openTestDatabase();
    await seedDemo(systemCtx({ db: database.db, config: testConfig(), clock: new ManualClock(new Date(now)) }));
  }, 240_000);
  afterAll(async () => {
    await database?.close();
  });
  return {
    get db() {
      return database!.db;
    },
  };
}

/**
 * Every demo project that owes reports under the reports module's rule has an accepted or
 * submitted report for every month from January to the last complete month, except a few
 * deliberate examples in the last month; and the report light agrees: it is yellow exactly
 * for those examples and never red.
 */
async function checkReportsCoverTheRule(db: Database['db'], year: number, lastMonth: number): Promise<void> {
  const owing = await db.execute(sql`SELECT projects.id, projects.stage FROM projects
    WHERE projects.deleted_at IS NULL AND projects.stage <> 'terminated' AND ${shouldReport(year)} ORDER BY projects.id`);
  const owers = owing.rows as Array<{ id: number; stage: string }>;
  // the case that matters here: projects completed this year still owe their reports
  expect(owers.some((p) => ['completed', 'production', 'full_production'].includes(p.stage))).toBe(true);
  expect(owers.some((p) => p.stage === 'suspended')).toBe(true);

  const reps = await db.execute(sql`SELECT project_id, month FROM monthly_reports WHERE year = ${year} AND status IN ('submitted', 'accepted')`);
  const has = new Set((reps.rows as Array<{ project_id: number; month: number }>).map((r) => `${Number(r.project_id)}/${Number(r.month)}`));
  const gaps: string[] = [];
  for (const p of owers) for (let m = 1; m <= lastMonth; m++) if (!has.has(`${Number(p.id)}/${m}`)) gaps.push(`${Number(p.id)}/${m}`);
  // only the last month holds the deliberate examples of a unit behind with its report, and only a few
  expect(gaps.filter((g) => !g.endsWith(`/${lastMonth}`))).toEqual([]);
  expect(gaps.length).toBeGreaterThan(0);
  expect(gaps.length).toBeLessThanOrEqual(Math.ceil(owers.length / 4));

  const lights = await db.execute(sql`SELECT project_id, month, light, detail FROM project_lights
    WHERE year = ${year} AND dimension = 'report' AND light <> 'green' ORDER BY project_id, month`);
  const nonGreen = lights.rows as Array<{ project_id: number; month: number; light: string; detail: string | null }>;
  expect(nonGreen.filter((l) => l.light === 'red')).toEqual([]);
  expect(nonGreen.map((l) => `${Number(l.project_id)}/${Number(l.month)}`).sort()).toEqual([...gaps].sort());
}

describe('demo reports in June', () => {
  const s = seededAt('2026-06-15T02:00:00Z');

  it('windows and reports for Jan..last month, mostly accepted, roll-ups consistent', { timeout: 120_000 }, async () => {
    const w = await s.db.execute(sql`SELECT month, status FROM report_windows WHERE year = 2026 ORDER BY month`);
    expect(w.rows.map((r) => [r.month, r.status])).toEqual([
      [1, 'closed'],
      [2, 'closed'],
      [3, 'closed'],
      [4, 'closed'],
      [5, 'open'],
    ]);
    const st = await s.db.execute(sql`SELECT status, count(*)::int AS n FROM monthly_reports WHERE year = 2026 GROUP BY status ORDER BY status`);
    const by = Object.fromEntries(st.rows.map((r) => [r.status, r.n])) as Record<string, number>;
    expect(by.accepted).toBeGreaterThan(10);
    expect(by.accepted!).toBeGreaterThan((by.returned ?? 0) + (by.submitted ?? 0));
    const before = await s.db.execute(sql`SELECT * FROM monthly_rollups WHERE year = 2026 ORDER BY 1,2,3,4`);
    await s.db.transaction((tx) => rebuildRollups(tx, 2026));
    const after = await s.db.execute(sql`SELECT * FROM monthly_rollups WHERE year = 2026 ORDER BY 1,2,3,4`);
    expect(after.rows).toEqual(before.rows);
  });

  it('covers every project that owes reports, for every month it owes them; no report red', { timeout: 60_000 }, async () => {
    await checkReportsCoverTheRule(s.db, 2026, 5);
  });

  it('a suspended project reports 0, a project completed earlier in the year reports its closing work', { timeout: 60_000 }, async () => {
    const r = await s.db.execute(sql`SELECT p.stage, r.investment::float AS investment, r.progress_text FROM monthly_reports r JOIN projects p ON p.id = r.project_id
      WHERE r.year = 2026 AND p.stage IN ('suspended', 'production', 'completed') AND (p.stage = 'suspended' OR p.actual_completion < make_date(2026, r.month, 1))`);
    const rows = r.rows as Array<{ stage: string; investment: number; progress_text: string }>;
    expect(rows.filter((x) => x.stage === 'suspended').length).toBeGreaterThan(0);
    for (const x of rows.filter((y) => y.stage === 'suspended')) expect(x).toMatchObject({ investment: 0, progress_text: '项目停缓建，暂停施工' });
    expect(rows.filter((x) => x.stage !== 'suspended').length).toBeGreaterThan(0);
    for (const x of rows.filter((y) => y.stage !== 'suspended')) expect(x.progress_text).toContain('竣工');
  });
});

describe('demo reports in November', () => {
  const s = seededAt('2026-11-20T02:00:00Z');

  it('covers every project that owes reports, for every month it owes them; no report red', { timeout: 60_000 }, async () => {
    await checkReportsCoverTheRule(s.db, 2026, 10);
  });
});
