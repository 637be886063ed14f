import { sql, type SQL } from 'drizzle-orm';
import { toIso } from '../../core/clock.js';
import type { SessionUser } from '../../core/context.js';
import { projectScope } from '../../core/scope.js';
import type { DbOrTx } from '../../db/client.js';

/**
 * SQL of the reports module. Every query that reads projects or reports goes through
 * `projects` with projectScope(user) in its WHERE clause (raw SQL keeps the table unaliased
 * so the scope condition applies).
 */

/**
 * Who owes the report of (year, month) (应报项目) — the one rule used by the missing list, the
 * report light and the demo data. A project owes the month's report when it is not deleted nor
 * terminated and
 * - it has started by the end of the month: actual start on or before the month's last day
 *   (without a recorded start date: its stage is 开工 / 在建 / 停缓建, or it is finished and
 *   holds a plan for the year), and
 * - it was not completed before the month began: it reports up to and including the month of
 *   its actual completion (finished without a recorded completion date: while it holds a plan
 *   for the year).
 * A suspended project still reports (usually 0). Projects in 谋划 / 储备 / 前期 do not report,
 * even with a 新开工 plan. `month` may be an SQL expression (the demo data's month series).
 */
export function owesReport(year: number, month: number | SQL): SQL {
  const first = sql`make_date(${year}::int, (${month})::int, 1)`;
  const plan = sql`EXISTS (SELECT 1 FROM annual_plans apx WHERE apx.project_id = projects.id AND apx.year = ${year}::int)`;
  return sql`(projects.stage <> 'terminated'
    AND (CASE WHEN projects.actual_start IS NOT NULL THEN projects.actual_start < (${first} + interval '1 month')
              WHEN projects.stage IN ('started', 'construction', 'suspended') THEN true
              WHEN projects.stage IN ('completed', 'production', 'full_production') THEN ${plan}
              ELSE false END)
    AND (CASE WHEN projects.actual_completion IS NOT NULL THEN projects.actual_completion >= ${first}
              WHEN projects.stage IN ('completed', 'production', 'full_production') THEN ${plan}
              ELSE true END))`;
}

export interface ReportRow {
  id: number | null;
  projectId: number;
  projectName: string;
  projectCode: string | null;
  regionCode: string;
  regionName: string | null;
  ownerName: string | null;
  deptId: number | null;
  deptName: string | null;
  year: number;
  month: number;
  status: 'draft' | 'submitted' | 'returned' | 'accepted' | null;
  investment: number;
  progressText: string | null;
  problemsText: string | null;
  submittedAt: string | null;
  reviewedAt: string | null;
  returnReason: string | null;
  late: boolean;
  revision: number;
  version: number;
  plannedInvestment: number | null;
  completedBeforeYear: number | null;
  totalInvestment: number;
  category: string;
}

const num = (v: unknown) => (v == null ? null : Number(v));

function mapRow(r: Record<string, unknown>, year: number, month: number): ReportRow {
  return {
    id: r.id == null ? null : Number(r.id),
    projectId: Number(r.project_id),
    projectName: String(r.project_name),
    projectCode: (r.project_code as string) ?? null,
    regionCode: String(r.region_code),
    regionName: (r.region_name as string) ?? null,
    ownerName: (r.owner_name as string) ?? null,
    deptId: num(r.dept_id),
    deptName: (r.dept_name as string) ?? null,
    year,
    month,
    status: (r.status as ReportRow['status']) ?? null,
    investment: Number(r.investment ?? 0),
    progressText: (r.progress_text as string) ?? null,
    problemsText: (r.problems_text as string) ?? null,
    submittedAt: toIso(r.submitted_at as string | null),
    reviewedAt: toIso(r.reviewed_at as string | null),
    returnReason: (r.return_reason as string) ?? null,
    late: r.late === true,
    revision: Number(r.revision ?? 0),
    version: Number(r.version ?? 0),
    plannedInvestment: num(r.planned_investment),
    completedBeforeYear: num(r.completed_before_year),
    totalInvestment: Number(r.total_investment ?? 0),
    category: String(r.category),
  };
}

/**
 * Rows of one month: with `expected`, every project in scope that should report (LEFT JOIN
 * its report, status null = missing); otherwise only projects having a report.
 */
export async function findMonthRows(
  db: DbOrTx,
  user: SessionUser,
  year: number,
  month: number,
  opts: { expected: boolean; projectId?: number; regionPrefix?: string; q?: string },
): Promise<ReportRow[]> {
  const conds: SQL[] = [sql`projects.deleted_at IS NULL`, projectScope(user)];
  if (opts.projectId) conds.push(sql`projects.id = ${opts.projectId}`);
  if (opts.regionPrefix) conds.push(sql`projects.region_code LIKE ${opts.regionPrefix + '%'}`);
  if (opts.q) conds.push(sql`(projects.name ILIKE ${'%' + opts.q + '%'} OR projects.code ILIKE ${'%' + opts.q + '%'})`);
  if (opts.expected) conds.push(sql`(r.id IS NOT NULL OR ${owesReport(year, month)})`);
  else conds.push(sql`r.id IS NOT NULL`);
  const res = await db.execute(sql`
    SELECT r.id, projects.id AS project_id, projects.name AS project_name, projects.code AS project_code,
           projects.region_code, rg.name AS region_name, e.name AS owner_name, projects.responsible_dept_id AS dept_id, d.name AS dept_name,
           r.status, r.investment, r.progress_text, r.problems_text, r.submitted_at, r.reviewed_at, r.return_reason,
           coalesce(r.revision, 0) AS revision, coalesce(r.version, 0) AS version,
           (r.submitted_at IS NOT NULL AND w.deadline IS NOT NULL
             AND ((r.submitted_at AT TIME ZONE 'UTC') + interval '8 hours')::date > w.deadline) AS late,
           ap.planned_investment, ap.completed_before_year, projects.total_investment,
           coalesce(ap.category, projects.category) AS category
    FROM projects
    LEFT JOIN monthly_reports r ON r.project_id = projects.id AND r.year = ${year} AND r.month = ${month}
    LEFT JOIN report_windows w ON w.year = ${year} AND w.month = ${month}
    LEFT JOIN annual_plans ap ON ap.project_id = projects.id AND ap.year = ${year}
    LEFT JOIN regions rg ON rg.code = projects.region_code
    LEFT JOIN enterprises e ON e.id = projects.owner_enterprise_id
    LEFT JOIN departments d ON d.id = projects.responsible_dept_id
    WHERE ${sql.join(conds, sql` AND `)}
    ORDER BY projects.region_code, projects.id`);
  return (res.rows as Record<string, unknown>[]).map((r) => mapRow(r, year, month));
}

/** Reported-or-not months of the year for the given projects (for 年初至今累计). */
export async function yearMonths(db: DbOrTx, projectIds: number[], year: number): Promise<Map<number, Array<{ month: number; investment: number; accepted: boolean; pending: boolean }>>> {
  const out = new Map<number, Array<{ month: number; investment: number; accepted: boolean; pending: boolean }>>();
  if (!projectIds.length) return out;
  const res = await db.execute(sql`
    SELECT project_id, month, investment, status FROM monthly_reports
    WHERE year = ${year} AND project_id IN (SELECT unnest(${`{${projectIds.join(',')}}`}::int[]))`);
  for (const r of res.rows as Array<Record<string, unknown>>) {
    const id = Number(r.project_id);
    const list = out.get(id) ?? [];
    list.push({ month: Number(r.month), investment: Number(r.investment), accepted: r.status === 'accepted', pending: r.status === 'submitted' });
    out.set(id, list);
  }
  return out;
}

/** The project (in scope, not deleted), locked for the transaction, with what roll-ups need. */
export async function lockProject(tx: DbOrTx, user: SessionUser, projectId: number, year: number) {
  const res = await tx.execute(sql`
    SELECT projects.id, projects.region_code, coalesce(ap.category, projects.category) AS category
    FROM projects LEFT JOIN annual_plans ap ON ap.project_id = projects.id AND ap.year = ${year}
    WHERE projects.id = ${projectId} AND projects.deleted_at IS NULL AND ${projectScope(user)}
    FOR UPDATE OF projects`);
  const r = res.rows[0] as Record<string, unknown> | undefined;
  return r ? { id: Number(r.id), regionCode: String(r.region_code), category: String(r.category) } : undefined;
}
