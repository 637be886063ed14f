import { sql, type SQL } from 'drizzle-orm';
import {
  LIGHT_DIMENSIONS,
  PROJECT_STAGES,
  regionPrefix,
  type DashboardDto,
  type DashboardQuery,
  type Light,
  type LightDimension,
} from '@tiaodu/contracts';
import type { Ctx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { projectScope, regionInScope } from '../../core/scope.js';
import { chinaToday } from '../../core/clock.js';
import { fromCents, pct, toCents } from '../reports/domain/figures.js';
import { monthTimeProgressQ } from '../warnings/domain/progress.js';
import { activeRuleSet } from '../warnings/lights.store.js';
import { percentOf, roundQ, sub } from '../../core/exact.js';
import { readCache, scopeKey } from '../../core/read-cache.js';
import { byChildRegion, ownRowName, totals, type MonthAmountRow } from './domain/aggregate.js';
import { figureText } from './domain/display.js';

const LIGHT_OF = ['green', 'yellow', 'red'] as const;

/**
 * The leaders' dashboard for the user's scope. Users with scope all/region read the maintained
 * roll-ups (never the reports); department/enterprise/assigned scopes are small and are
 * computed directly from plans and reports with the same aggregate functions.
 */
export async function getDashboard(ctx: Ctx, q: DashboardQuery): Promise<DashboardDto> {
  const today = chinaToday(ctx.clock.now());
  // default: the last complete month (the current month's reports are still coming in)
  const cy = Number(today.slice(0, 4));
  const cm = Number(today.slice(5, 7));
  const year = q.year ?? (cm === 1 ? cy - 1 : cy);
  const month = q.month ?? (year === cy ? Math.max(1, cm - 1) : year === cy - 1 && cm === 1 ? 12 : 12);
  const u = ctx.user;
  if (q.regionCode && u.scopeType === 'region' && !regionInScope(u, q.regionCode)) throw new AppError('FORBIDDEN');
  const regionCode = q.regionCode ?? (u.scopeType === 'region' ? u.regionCode : null);
  // the answer depends on the scope and, for a leader, on the person (my projects)
  const who = u.role === 'leader' ? `u${u.id}` : scopeKey(u);
  return readCache(ctx.db).get(`dashboard|${who}|${year}|${month}|${regionCode ?? ''}`, () => computeDashboard(ctx, year, month, regionCode));
}

async function computeDashboard(ctx: Ctx, year: number, month: number, regionCode: string | null): Promise<DashboardDto> {
  const u = ctx.user;
  const prefix = regionCode ? regionPrefix(regionCode) : '';
  const scope = projectScope(u);
  const pConds: SQL[] = [sql`projects.deleted_at IS NULL`, scope];
  if (prefix) pConds.push(sql`projects.region_code LIKE ${prefix + '%'}`);
  const pWhere = sql.join(pConds, sql` AND `);
  const useRollups = u.scopeType === 'all' || u.scopeType === 'region';

  const amountRows = useRollups
    ? ctx.db.execute(sql`SELECT region_code AS "regionCode", month, sum(planned) AS planned, sum(completed) AS completed, sum(pending) AS pending FROM monthly_rollups
        WHERE year = ${year} ${prefix ? sql`AND region_code LIKE ${prefix + '%'}` : sql``} GROUP BY region_code, month`)
    : ctx.db.execute(sql`
        SELECT projects.region_code AS "regionCode", m.month::int AS month, m.v AS planned, 0 AS completed, 0 AS pending
        FROM annual_plans ap JOIN projects ON projects.id = ap.project_id CROSS JOIN LATERAL unnest(ap.monthly) WITH ORDINALITY AS m(v, month)
        WHERE ap.year = ${year} AND ${pWhere}
        UNION ALL
        SELECT projects.region_code, r.month, 0, CASE WHEN r.status = 'accepted' THEN r.investment ELSE 0 END, CASE WHEN r.status = 'submitted' THEN r.investment ELSE 0 END
        FROM monthly_reports r JOIN projects ON projects.id = r.project_id
        WHERE r.year = ${year} AND r.status IN ('submitted', 'accepted') AND ${pWhere}`);
  const childCode = regionCode ?? (await topRegion(ctx));
  const [amounts, counts, lightRows, mapRows, children, mine] = await Promise.all([
    amountRows,
    ctx.db.execute(sql`SELECT projects.stage, coalesce(ap.category, projects.category) AS category, count(*)::int AS n, sum(projects.total_investment) AS total
      FROM projects LEFT JOIN annual_plans ap ON ap.project_id = projects.id AND ap.year = ${year} WHERE ${pWhere} GROUP BY 1, 2`),
    ctx.db.execute(sql`SELECT pl.dimension, pl.light, count(*)::int AS n FROM project_lights pl JOIN projects ON projects.id = pl.project_id
      WHERE pl.year = ${year} AND pl.month = ${month} AND ${pWhere} GROUP BY 1, 2`),
    // one grouped pass over the month's lights (a correlated sub-query per project was planned
    // as a scan of the month per project on PGlite: 80 s at city scale)
    ctx.db.execute(sql`SELECT projects.id, projects.name, projects.lng, projects.lat, coalesce(w.worst, 0) AS worst
      FROM projects LEFT JOIN (
        SELECT project_id, max(CASE light WHEN 'red' THEN 2 WHEN 'yellow' THEN 1 ELSE 0 END) AS worst
        FROM project_lights WHERE year = ${year} AND month = ${month} GROUP BY project_id) w ON w.project_id = projects.id
      WHERE ${pWhere} AND projects.lng IS NOT NULL AND projects.lat IS NOT NULL ORDER BY projects.id LIMIT 3000`),
    childCode ? ctx.db.execute(sql`SELECT code, name FROM regions WHERE parent_code = ${childCode} ORDER BY sort, code`) : Promise.resolve({ rows: [] }),
    u.role === 'leader' ? myProjects(ctx, year, month) : Promise.resolve(null),
  ]);

  const rows = (amounts.rows as unknown as MonthAmountRow[]).map((r) => ({ ...r, month: Number(r.month) }));
  const t = totals(rows, month);
  const byStage: Record<string, number> = Object.fromEntries(PROJECT_STAGES.map((s) => [s.value, 0]));
  const byCategory: Record<string, number> = {};
  let projectCount = 0;
  let totalCents = 0;
  for (const r of counts.rows as Array<{ stage: string; category: string; n: number; total: string }>) {
    byStage[r.stage] = (byStage[r.stage] ?? 0) + Number(r.n);
    byCategory[r.category] = (byCategory[r.category] ?? 0) + Number(r.n);
    projectCount += Number(r.n);
    totalCents += toCents(r.total);
  }
  const lights = Object.fromEntries(LIGHT_DIMENSIONS.map((d) => [d, { green: 0, yellow: 0, red: 0 }])) as Record<LightDimension, Record<Light, number>>;
  for (const r of lightRows.rows as Array<{ dimension: LightDimension; light: Light; n: number }>) if (lights[r.dimension]) lights[r.dimension][r.light] = Number(r.n);
  // 序时进度 by the active rule set's method (the lights' function), deviation from the exact
  // rate and 序时, each rounded once (two decimals in the API, one in the display texts)
  const rules = await activeRuleSet(ctx.db);
  const timeQ = monthTimeProgressQ(rules.timeProgress, year, month, chinaToday(ctx.clock.now()));
  const rateQ = percentOf(t.completedYtd, t.annualPlanned);
  const devQ = rateQ === null ? null : sub(rateQ, timeQ);
  const ownCode = childCode;
  return {
    year,
    month,
    regionCode,
    source: useRollups ? 'rollups' : 'direct',
    projectCount,
    byStage,
    byCategory,
    totalInvestment: fromCents(totalCents),
    annualPlanned: t.annualPlanned,
    completedYtd: t.completedYtd,
    pendingYtd: t.pendingYtd,
    completionRate: t.completionRate,
    timeProgress: roundQ(timeQ, 2),
    deviation: devQ === null ? null : roundQ(devQ, 2),
    timeProgressMethod: rules.timeProgress,
    display: {
      completionRate: rateQ === null ? null : figureText(rateQ),
      timeProgress: figureText(timeQ),
      deviation: devQ === null ? null : figureText(devQ, true),
    },
    series: t.series,
    regions: byChildRegion(
      rows,
      month,
      (children.rows as Array<{ code: string; name: string }>).map((c) => ({ ...c, prefix: regionPrefix(c.code) })),
      ownCode ? { code: ownCode, name: ownRowName(ownCode) } : undefined,
    ),
    lights,
    map: (mapRows.rows as Array<{ id: number; name: string; lng: number; lat: number; worst: number }>).map((r) => ({
      id: Number(r.id),
      name: r.name,
      lng: Number(r.lng),
      lat: Number(r.lat),
      light: LIGHT_OF[Number(r.worst)] ?? 'green',
    })),
    myProjects: mine,
  };
}

function topRegion(ctx: Ctx): Promise<string | null> {
  return readCache(ctx.db).get('dashboard|topRegion', () => findTopRegion(ctx));
}

async function findTopRegion(ctx: Ctx): Promise<string | null> {
  // the deployment's own county/city: the single region without a parent, or its only child chain
  // descends from the single root while a region has a single child (province → city → county)
  let r = await ctx.db.execute(sql`SELECT code FROM regions WHERE parent_code IS NULL ORDER BY code LIMIT 2`);
  let code: string | null = null;
  for (let depth = 0; r.rows.length === 1 && depth < 5; depth++) {
    code = (r.rows[0] as { code: string }).code;
    r = await ctx.db.execute(sql`SELECT code FROM regions WHERE parent_code = ${code} ORDER BY code LIMIT 2`);
  }
  return code;
}

async function myProjects(ctx: Ctx, year: number, month: number): Promise<DashboardDto['myProjects']> {
  const r = await ctx.db.execute(sql`
    SELECT p.id, p.name, p.stage, coalesce(ap.planned_investment, 0) AS planned,
      coalesce((SELECT sum(investment) FROM monthly_reports r WHERE r.project_id = p.id AND r.year = ${year} AND r.month <= ${month} AND r.status = 'accepted'), 0) AS completed,
      coalesce((SELECT sum(investment) FROM monthly_reports r WHERE r.project_id = p.id AND r.year = ${year} AND r.month <= ${month} AND r.status = 'submitted'), 0) AS pending,
      coalesce((SELECT max(CASE pl.light WHEN 'red' THEN 2 WHEN 'yellow' THEN 1 ELSE 0 END) FROM project_lights pl WHERE pl.project_id = p.id AND pl.year = ${year} AND pl.month = ${month}), 0) AS worst
    FROM project_leaders l JOIN projects p ON p.id = l.project_id
    LEFT JOIN annual_plans ap ON ap.project_id = p.id AND ap.year = ${year}
    WHERE l.person_id = (SELECT person_id FROM users WHERE id = ${ctx.user.id}) AND p.deleted_at IS NULL ORDER BY worst DESC, p.id LIMIT 200`);
  return (r.rows as Array<{ id: number; name: string; stage: string; planned: string; completed: string; pending: string; worst: number }>).map((x) => {
    const planned = fromCents(toCents(x.planned));
    const completed = fromCents(toCents(x.completed));
    return { id: Number(x.id), name: x.name, stage: x.stage, planned, completed, pending: fromCents(toCents(x.pending)), rate: pct(completed, planned), light: LIGHT_OF[Number(x.worst)] ?? 'green' };
  });
}
