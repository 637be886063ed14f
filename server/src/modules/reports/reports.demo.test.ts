import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { seededDemoDatabase, type openTestDatabase } from '../../../test/helpers.js';
import { rebuildRollups } from '../../modules/dashboard/rollups.js';
import { owesReport } from '../../modules/reports/reports.repository.js';

type Database = Awaited<ReturnType<typeof openTestDatabase>>;

/** The demo county seeded with the clock at `now`; closed after the describe block. */
function seededAt(now: string): { readonly db: Database['db'] } {
  let database: Database | undefined;
  beforeAll(async () => {
    ({ database } = await seededDemoDatabase(now));
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
  const owing = await db.execute(sql`SELECT projects.id, projects.stage, gm AS month, projects.actual_start::text AS actual_start FROM projects
    CROSS JOIN generate_series(1, ${lastMonth}::int) AS gm
    WHERE projects.deleted_at IS NULL AND ${owesReport(year, sql`gm`)} ORDER BY projects.id, gm`);
  const owed = (owing.rows as Array<{ id: number; stage: string; month: number; actual_start: string | null }>).map((r) => ({ ...r, id: Number(r.id), month: Number(r.month) }));
  const owers = [...new Map(owed.map((r) => [r.id, r])).values()];
  // the case that matters here: projects completed this year still owe their reports
  expect(owers.some((p) => ['completed', 'production', 'full_production'].includes(p.stage))).toBe(true);
  expect(owers.some((p) => p.stage === 'suspended')).toBe(true);
  // no report is owed, nor written, for a month before the project started
  for (const r of owed) if (r.actual_start) expect(r.actual_start.slice(0, 7) <= `${year}-${String(r.month).padStart(2, '0')}`).toBe(true);
  const early = await db.execute(sql`SELECT count(*)::int AS n FROM monthly_reports r JOIN projects p ON p.id = r.project_id
    WHERE r.year = ${year} AND p.actual_start IS NOT NULL AND p.actual_start >= make_date(${year}::int, r.month, 1) + interval '1 month'`);
  expect(Number((early.rows[0] as { n: number }).n)).toBe(0);

  const reps = await db.execute(sql`SELECT project_id, month FROM monthly_reports WHERE year = ${year} AND status IN ('submitted', 'accepted')`);
  const has = new Set((reps.rows as Array<{ project_id: number; month: number }>).map((r) => `${Number(r.project_id)}/${Number(r.month)}`));
  const gaps: string[] = [];
  for (const r of owed) if (!has.has(`${r.id}/${r.month}`)) gaps.push(`${r.id}/${r.month}`);
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

  it('a suspended project reports 0; a completed project reports up to the month of its completion, not after', { timeout: 60_000 }, async () => {
    const r = await s.db.execute(sql`SELECT p.stage, r.investment::float AS investment, r.progress_text FROM monthly_reports r JOIN projects p ON p.id = r.project_id
      WHERE r.year = 2026 AND p.stage = 'suspended'`);
    const rows = r.rows as Array<{ stage: string; investment: number; progress_text: string }>;
    expect(rows.length).toBeGreaterThan(0);
    for (const x of rows) expect(x).toMatchObject({ investment: 0, progress_text: '项目停缓建，暂停施工' });
    const after = await s.db.execute(sql`SELECT count(*)::int AS n FROM monthly_reports r JOIN projects p ON p.id = r.project_id
      WHERE r.year = 2026 AND p.actual_completion < make_date(2026, r.month, 1)`);
    expect(Number((after.rows[0] as { n: number }).n)).toBe(0);
    const through = await s.db.execute(sql`SELECT count(*)::int AS n FROM monthly_reports r JOIN projects p ON p.id = r.project_id
      WHERE r.year = 2026 AND p.stage IN ('completed', 'production', 'full_production') AND p.actual_completion >= make_date(2026, r.month, 1)`);
    expect(Number((through.rows[0] as { n: number }).n)).toBeGreaterThan(0);
  });
});

describe('demo reports in November', () => {
  const s = seededAt('2026-11-20T02:00:00Z');

  it('covers every project that owes reports, for every month it owes them; no report red', { timeout: 60_000 }, async () => {
    await checkReportsCoverTheRule(s.db, 2026, 10);
  });
});
