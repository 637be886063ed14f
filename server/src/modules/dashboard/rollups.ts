import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';

/**
 * Maintained roll-ups (monthly_rollups): planned and reported investment per leaf region,
 * yearly category and month. Every write to annual plans or monthly reports calls
 * bumpRollups in its own transaction, so the dashboard reads a few hundred rows instead of
 * scanning millions of reports. rebuildRollups recomputes them from the source tables; the
 * tests check that both always agree.
 *
 * `completed` counts accepted reports (已审核), `pending` submitted reports awaiting review
 * (待审核); `reports` counts both (not drafts, not returned ones).
 */
export interface RollupDelta {
  year: number;
  month: number;
  regionCode: string;
  category: string;
  planned?: number;
  completed?: number;
  pending?: number;
  reports?: number;
}

export const REPORTED_STATUSES = ['submitted', 'accepted'] as const;

export async function bumpRollups(tx: DbOrTx, deltas: RollupDelta[]): Promise<void> {
  const merged = new Map<string, Required<RollupDelta>>();
  for (const d of deltas) {
    const key = `${d.year}|${d.month}|${d.regionCode}|${d.category}`;
    const cur = merged.get(key) ?? { year: d.year, month: d.month, regionCode: d.regionCode, category: d.category, planned: 0, completed: 0, pending: 0, reports: 0 };
    cur.planned += d.planned ?? 0;
    cur.completed += d.completed ?? 0;
    cur.pending += d.pending ?? 0;
    cur.reports += d.reports ?? 0;
    merged.set(key, cur);
  }
  const rows = [...merged.values()].filter((r) => r.planned !== 0 || r.completed !== 0 || r.pending !== 0 || r.reports !== 0);
  if (!rows.length) return;
  for (let i = 0; i < rows.length; i += 1000) {
    const json = JSON.stringify(rows.slice(i, i + 1000).map((r) => ({ ...r, planned: round2(r.planned), completed: round2(r.completed), pending: round2(r.pending) })));
    await tx.execute(sql`
      INSERT INTO monthly_rollups (year, month, region_code, category, planned, completed, pending, reports)
      SELECT year, month, "regionCode", category, planned, completed, pending, reports
      FROM jsonb_to_recordset(${json}::jsonb) AS v(year int, month int, "regionCode" text, category text, planned numeric, completed numeric, pending numeric, reports int)
      ON CONFLICT (year, month, region_code, category) DO UPDATE SET
        planned = monthly_rollups.planned + excluded.planned,
        completed = monthly_rollups.completed + excluded.completed,
        pending = monthly_rollups.pending + excluded.pending,
        reports = monthly_rollups.reports + excluded.reports`);
  }
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/** The contribution of the given projects (all years, or one), as positive deltas. */
export async function projectContributions(tx: DbOrTx, projectIds: number[], year?: number): Promise<RollupDelta[]> {
  if (!projectIds.length) return [];
  const ids = sql.join(projectIds.map((id) => sql`${id}`), sql`, `);
  const yearCond = year ? sql`AND ap.year = ${year}` : sql``;
  const plans = await tx.execute(sql`
    SELECT ap.year, m.month::int AS month, p.region_code AS "regionCode", ap.category, m.v AS planned
    FROM annual_plans ap JOIN projects p ON p.id = ap.project_id
    CROSS JOIN LATERAL unnest(ap.monthly) WITH ORDINALITY AS m(v, month)
    WHERE ap.project_id IN (${ids}) ${yearCond}`);
  const reportYear = year ? sql`AND r.year = ${year}` : sql``;
  const reports = await tx.execute(sql`
    SELECT r.year, r.month, p.region_code AS "regionCode",
           coalesce(ap.category, p.category) AS category,
           coalesce(sum(r.investment) FILTER (WHERE r.status = 'accepted'), 0) AS completed,
           coalesce(sum(r.investment) FILTER (WHERE r.status = 'submitted'), 0) AS pending, count(*)::int AS reports
    FROM monthly_reports r JOIN projects p ON p.id = r.project_id
    LEFT JOIN annual_plans ap ON ap.project_id = r.project_id AND ap.year = r.year
    WHERE r.project_id IN (${ids}) AND r.status IN ('submitted', 'accepted') ${reportYear}
    GROUP BY r.year, r.month, p.region_code, coalesce(ap.category, p.category)`);
  return [...(plans.rows as unknown as RollupDelta[]), ...(reports.rows as unknown as RollupDelta[])].map((r) => ({
    year: Number(r.year),
    month: Number(r.month),
    regionCode: r.regionCode,
    category: r.category,
    planned: Number(r.planned ?? 0),
    completed: Number(r.completed ?? 0),
    pending: Number(r.pending ?? 0),
    reports: Number(r.reports ?? 0),
  }));
}

export function negate(deltas: RollupDelta[]): RollupDelta[] {
  return deltas.map((d) => ({ ...d, planned: -(d.planned ?? 0), completed: -(d.completed ?? 0), pending: -(d.pending ?? 0), reports: -(d.reports ?? 0) }));
}

/**
 * Runs `change` between taking a project's contributions out and putting them back, for
 * changes that move them (a project's region, a plan's category). Call inside a transaction.
 */
export async function withMovedContributions<T>(tx: DbOrTx, projectIds: number[], change: () => Promise<T>, year?: number): Promise<T> {
  await bumpRollups(tx, negate(await projectContributions(tx, projectIds, year)));
  const result = await change();
  await bumpRollups(tx, await projectContributions(tx, projectIds, year));
  return result;
}

/** Recomputes a year's roll-ups from the plans and reports (repair, and the tests' reference). */
export async function rebuildRollups(tx: DbOrTx, year: number): Promise<void> {
  await tx.execute(sql`DELETE FROM monthly_rollups WHERE year = ${year}`);
  await tx.execute(sql`
    INSERT INTO monthly_rollups (year, month, region_code, category, planned, completed, pending, reports)
    SELECT ${year}, month, region_code, category, sum(planned), sum(completed), sum(pending), sum(reports)::int FROM (
      SELECT m.month::int AS month, p.region_code, ap.category, m.v AS planned, 0::numeric AS completed, 0::numeric AS pending, 0 AS reports
      FROM annual_plans ap JOIN projects p ON p.id = ap.project_id
      CROSS JOIN LATERAL unnest(ap.monthly) WITH ORDINALITY AS m(v, month)
      WHERE ap.year = ${year} AND p.deleted_at IS NULL
      UNION ALL
      SELECT r.month, p.region_code, coalesce(ap.category, p.category), 0,
        CASE WHEN r.status = 'accepted' THEN r.investment ELSE 0 END, CASE WHEN r.status = 'submitted' THEN r.investment ELSE 0 END, 1
      FROM monthly_reports r JOIN projects p ON p.id = r.project_id
      LEFT JOIN annual_plans ap ON ap.project_id = r.project_id AND ap.year = r.year
      WHERE r.year = ${year} AND r.status IN ('submitted', 'accepted') AND p.deleted_at IS NULL
    ) s
    GROUP BY month, region_code, category
    HAVING sum(planned) <> 0 OR sum(completed) <> 0 OR sum(pending) <> 0 OR sum(reports) <> 0`);
}
