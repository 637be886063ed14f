/**
 * Computed indicators (source `computed`): their figures are maintained in `indicator_values`
 * (status computed, numerator and denominator kept exactly), so every reader — the values API,
 * the benchmark page, later competitions and bulletins — reads the same few rows instead of
 * scanning projects. A change to projects, plans or reports marks its year stale (after it
 * commits, `indicator_stale`, with a version so a refresh never clears a mark it did not see);
 * the `indicators.refresh` job recomputes stale years, and a read of a stale (indicator,
 * period) recomputes it first.
 *
 * The sums read the maintained roll-ups (`monthly_rollups`), the counts read `projects` once
 * per (indicator, period) and unit level, grouped by unit. The division is done by the formula
 * functions in domain/formulas.ts.
 */
import { sql } from 'drizzle-orm';
import { parsePeriod, periodsPerYear, formatPeriod, regionPrefix, type IndicatorFormula, type IndicatorProjectFilter, type IndicatorSubject, type Period } from '@tiaodu/contracts';
import type { DbOrTx } from '../../db/client.js';
import type { Ctx } from '../../core/context.js';
import { chinaToday } from '../../core/clock.js';
import { dec, type Q } from '../../core/exact.js';
import { lastDayOfMonth } from '../warnings/domain/progress.js';
import { periodFigures } from '../approvals/efficiency.service.js';
import { assignmentRates } from '../assignments/assignments.service.js';
import { completionRate, investmentIntensity, investmentRate, productionRate, reserveConversionRate, startRate, ratePct } from './domain/formulas.js';
import { decimalText } from './domain/figures.js';

/** The subjects each formula can be computed for (sums of the roll-ups exist per region only). */
export const FORMULA_SUBJECTS: Record<IndicatorFormula, IndicatorSubject[]> = {
  startRate: ['city', 'county', 'town', 'park', 'department'],
  investmentRate: ['city', 'county', 'town', 'park'],
  completionRate: ['city', 'county', 'town', 'park', 'department'],
  productionRate: ['city', 'county', 'town', 'park', 'department'],
  reserveConversionRate: ['city', 'county', 'town', 'park', 'department'],
  investmentIntensity: ['city', 'county', 'town', 'park', 'department'],
  projectCount: ['city', 'county', 'town', 'park', 'department'],
  investmentSum: ['city', 'county', 'town', 'park'],
  problemsOnTimeRate: ['department'],
  approvalSpeedupRate: ['department'],
  assignmentDoneRate: ['county', 'town', 'park', 'department'],
  assignmentOnTimeRate: ['county', 'town', 'park', 'department'],
};

export interface ComputedIndicator {
  id: number;
  formula: IndicatorFormula;
  filter: IndicatorProjectFilter | null;
  appliesTo: IndicatorSubject[];
  accumulation: 'cumulative' | 'period';
  cadence: Period['cadence'];
}

interface Figure {
  unitType: 'region' | 'department';
  unitId: string;
  numerator: Q | null;
  denominator: Q | null;
  value: Q | null;
}

const periodStartMonth = (p: Period) => (p.cadence === 'month' ? p.index : p.cadence === 'quarter' ? p.index * 3 - 2 : p.cadence === 'halfYear' ? p.index * 6 - 5 : 1);

/** The units of a subject with the SQL that attributes a project to each: a region's subtree, or the responsible department. */
async function unitsOf(db: DbOrTx, subject: IndicatorSubject): Promise<Array<{ unitType: 'region' | 'department'; unitId: string; prefix: string }>> {
  if (subject === 'department') {
    const r = await db.execute(sql`SELECT id FROM departments WHERE active AND kind = 'department' ORDER BY id`);
    return (r.rows as { id: number }[]).map((x) => ({ unitType: 'department' as const, unitId: String(x.id), prefix: '' }));
  }
  const r = await db.execute(sql`SELECT code FROM regions WHERE level = ${subject} ORDER BY code`);
  return (r.rows as { code: string }[]).map((x) => ({ unitType: 'region' as const, unitId: x.code, prefix: regionPrefix(x.code) }));
}

/**
 * The units of a subject in groups that share one attribution key: a region counts the projects
 * whose region code starts with its prefix (all prefixes of a group have the same length, so a
 * project's key is `left(region_code, length)` and one grouped scan serves every unit); a
 * department counts the projects it is responsible for.
 */
function keyGroups(subject: IndicatorSubject, units: Array<{ unitId: string; prefix: string }>) {
  if (subject === 'department') return [{ key: sql`p.responsible_dept_id::text`, rollupKey: null, byKey: new Map(units.map((u) => [u.unitId, u.unitId])) }];
  const byLength = new Map<number, Map<string, string>>();
  for (const u of units) {
    const m = byLength.get(u.prefix.length) ?? new Map<string, string>();
    m.set(u.prefix, u.unitId);
    byLength.set(u.prefix.length, m);
  }
  return [...byLength.entries()].map(([len, byKey]) => ({ key: sql`left(p.region_code, ${len})`, rollupKey: sql`left(m.region_code, ${len})`, byKey }));
}

function projectFilterSql(f: IndicatorProjectFilter | null, yearStart: string, end: string) {
  const parts = [sql`true`];
  if (!f) return sql`true`;
  if (f.stages?.length) parts.push(sql`p.stage = ANY(${`{${f.stages.join(',')}}`}::text[])`);
  if (f.startedInYear) parts.push(sql`p.actual_start BETWEEN ${yearStart} AND ${end}`);
  if (f.minTotalInvestment !== undefined) parts.push(sql`p.total_investment >= ${f.minTotalInvestment}`);
  if (f.categories?.length) parts.push(sql`p.category = ANY(${`{${f.categories.join(',')}}`}::text[])`);
  if (f.fields?.length) parts.push(sql`p.field = ANY(${`{${f.fields.join(',')}}`}::text[])`);
  return sql.join(parts, sql` AND `);
}

/** The figures of one computed indicator for one period, for every unit of every subject it applies to. */
export async function computeFigures(ctx: Ctx, db: DbOrTx, ind: ComputedIndicator, periodText: string): Promise<Figure[]> {
  const p = parsePeriod(periodText);
  if (!p) return [];
  const y = p.year;
  const yearStart = `${y}-01-01`;
  const yearEnd = `${y}-12-31`;
  const end = lastDayOfMonth(y, p.endMonth);
  const fromMonth = ind.accumulation === 'cumulative' ? 1 : periodStartMonth(p);
  const from = `${y}-${String(fromMonth).padStart(2, '0')}-01`;
  const out: Figure[] = [];
  for (const subject of ind.appliesTo.filter((s) => FORMULA_SUBJECTS[ind.formula].includes(s))) {
    const units = await unitsOf(db, subject);
    if (!units.length) continue;
    const unitType = subject === 'department' ? ('department' as const) : ('region' as const);
    const push = (unitId: string, numerator: Q | null, denominator: Q | null, value: Q | null) => out.push({ unitType, unitId, numerator, denominator, value });
    const rowsOf = async (q: ReturnType<typeof sql>) => (await db.execute(q)).rows as Record<string, string | number | null>[];
    const filter = projectFilterSql(ind.filter, yearStart, end);
    for (const g of keyGroups(subject, units)) {
      const keys = `{${[...g.byKey.keys()].join(',')}}`;
      /** Projects grouped by their unit key, with the given aggregates. */
      const grouped = (aggregates: ReturnType<typeof sql>, where: ReturnType<typeof sql> = sql`true`) =>
        rowsOf(sql`SELECT ${g.key} AS k, ${aggregates} FROM projects p
          WHERE p.deleted_at IS NULL AND ${g.key} = ANY(${keys}::text[]) AND ${filter} AND ${where} GROUP BY 1`);
      const each = (rows: Record<string, string | number | null>[], f: (r: Record<string, string | number | null>) => void) => {
        for (const r of rows) if (g.byKey.has(String(r.k))) f(r);
      };
      const unitOf = (r: Record<string, string | number | null>) => g.byKey.get(String(r.k))!;
      switch (ind.formula) {
        case 'startRate':
        case 'completionRate':
        case 'productionRate':
        case 'reserveConversionRate': {
          const [num, den] =
            ind.formula === 'startRate'
              ? [sql`p.planned_start BETWEEN ${yearStart} AND ${yearEnd} AND p.actual_start <= ${end}`, sql`p.planned_start BETWEEN ${yearStart} AND ${yearEnd}`]
              : ind.formula === 'completionRate'
                ? [
                    sql`p.actual_start <= ${end} AND p.stage <> 'terminated' AND p.actual_completion BETWEEN ${yearStart} AND ${end}`,
                    sql`p.actual_start <= ${end} AND p.stage <> 'terminated' AND (p.actual_completion IS NULL OR p.actual_completion >= ${yearStart})`,
                  ]
                : ind.formula === 'productionRate'
                  ? [
                      sql`p.actual_start <= ${end} AND p.stage IN ('production', 'full_production')`,
                      sql`p.actual_start <= ${end} AND p.stage NOT IN ('suspended', 'terminated', 'planning', 'reserve', 'preliminary')`,
                    ]
                  : [
                      sql`(p.created_at < ${yearStart}::date OR p.plan_year < ${y}) AND p.actual_start BETWEEN ${yearStart} AND ${end}`,
                      sql`(p.created_at < ${yearStart}::date OR p.plan_year < ${y}) AND (p.actual_start IS NULL OR p.actual_start >= ${yearStart})`,
                    ];
          const fn = { startRate, completionRate, productionRate, reserveConversionRate }[ind.formula];
          each(await grouped(sql`count(*) FILTER (WHERE ${num}) AS num, count(*) FILTER (WHERE ${den}) AS den`), (r) => {
            const n = Number(r.num);
            const d = Number(r.den);
            push(unitOf(r), dec(n), dec(d), fn(n, d));
          });
          break;
        }
        case 'investmentIntensity': {
          const rows = await grouped(sql`sum(p.total_investment)::text AS inv, sum(p.land_area)::text AS area`, sql`p.land_area > 0 AND p.actual_start BETWEEN ${yearStart} AND ${end}`);
          each(rows, (r) => push(unitOf(r), dec(String(r.inv)), dec(String(r.area)), investmentIntensity(String(r.inv), String(r.area))));
          break;
        }
        case 'projectCount': {
          const counts = new Map<string, number>();
          each(await grouped(sql`count(*) AS n`), (r) => counts.set(unitOf(r), Number(r.n)));
          for (const unitId of g.byKey.values()) push(unitId, null, null, dec(counts.get(unitId) ?? 0));
          break;
        }
        case 'investmentRate':
        case 'investmentSum': {
          if (!g.rollupKey) break;
          const rows = await rowsOf(sql`
            SELECT ${g.rollupKey} AS k,
              coalesce(sum(m.completed) FILTER (WHERE m.month BETWEEN ${fromMonth} AND ${p.endMonth}), 0)::text AS done,
              coalesce(sum(m.planned), 0)::text AS planned
            FROM monthly_rollups m WHERE m.year = ${y} AND ${g.rollupKey} = ANY(${keys}::text[]) GROUP BY 1`);
          each(rows, (r) => {
            if (ind.formula === 'investmentSum') push(unitOf(r), null, null, dec(String(r.done)));
            else push(unitOf(r), dec(String(r.done)), dec(String(r.planned)), investmentRate(String(r.done), String(r.planned)));
          });
          break;
        }
        case 'problemsOnTimeRate': {
          // due in the period; done on time = answered (办结) on or before the due date
          const rows = await rowsOf(sql`
            SELECT pr.responsible_dept_id::text AS k, count(*) AS due,
              count(*) FILTER (WHERE pr.answered_at IS NOT NULL AND (pr.answered_at AT TIME ZONE 'Asia/Shanghai')::date <= pr.due_date) AS on_time
            FROM problems pr WHERE pr.responsible_dept_id IS NOT NULL AND pr.due_date BETWEEN ${from} AND ${end}
            GROUP BY pr.responsible_dept_id`);
          each(rows, (r) => push(unitOf(r), dec(Number(r.on_time)), dec(Number(r.due)), ratePct(Number(r.on_time), Number(r.due))));
          break;
        }
        case 'approvalSpeedupRate': {
          const figs = await periodFigures({ ...ctx, db }, { from, to: end });
          for (const f of figs) if (f.speedUp !== null && g.byKey.has(String(f.departmentId))) push(String(f.departmentId), null, null, ratePct(f.speedUp, 1));
          break;
        }
        case 'assignmentDoneRate':
        case 'assignmentOnTimeRate': {
          // the unit's own items (a region's, not its subtree's), due in the period; no figure when nothing is due
          const rates = await assignmentRates(db, { from, to: end });
          for (const unitId of g.byKey.values()) {
            const r = rates.get(`${unitType}:${unitId}`);
            if (!r) continue;
            const part = ind.formula === 'assignmentDoneRate' ? r.done : r.onTime;
            push(unitId, dec(part), dec(r.due), ratePct(part, r.due));
          }
          break;
        }
      }
    }
  }
  return out;
}

/** Writes the figures of (indicator, period): upserts what changed, removes units that have none any more. */
export async function storeFigures(db: DbOrTx, indicatorId: number, period: string, figs: Figure[], now: string): Promise<void> {
  const rows = figs.map((f) => ({
    unitType: f.unitType,
    unitId: f.unitId,
    value: f.value ? decimalText4(f.value) : null,
    numerator: f.numerator ? decimalText(f.numerator) : null,
    denominator: f.denominator ? decimalText(f.denominator) : null,
  }));
  await db.execute(sql`
    DELETE FROM indicator_values v WHERE v.indicator_id = ${indicatorId} AND v.period = ${period} AND v.source = 'computed'
      AND NOT EXISTS (SELECT 1 FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x("unitType" text, "unitId" text) WHERE x."unitType" = v.unit_type AND x."unitId" = v.unit_id)`);
  if (!rows.length) return;
  await db.execute(sql`
    INSERT INTO indicator_values (indicator_id, unit_type, unit_id, period, value, numerator, denominator, accepted_value, has_accepted, source, status, updated_at)
    SELECT ${indicatorId}, x."unitType", x."unitId", ${period}, x.value, x.numerator, x.denominator, x.value, true, 'computed', 'computed', ${now}
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x("unitType" text, "unitId" text, value numeric, numerator numeric, denominator numeric)
    ON CONFLICT (indicator_id, period, unit_type, unit_id) DO UPDATE SET
      value = excluded.value, numerator = excluded.numerator, denominator = excluded.denominator, accepted_value = excluded.accepted_value,
      updated_at = excluded.updated_at
    WHERE indicator_values.source = 'computed' AND (indicator_values.value IS DISTINCT FROM excluded.value
      OR indicator_values.numerator IS DISTINCT FROM excluded.numerator OR indicator_values.denominator IS DISTINCT FROM excluded.denominator)`);
}

/** A figure as stored in numeric(20,4): exact when it has ≤ 4 decimals (rates keep numerator and denominator exactly). */
function decimalText4(v: Q): string {
  const scaled = (v.n * 10000n * 2n + (v.n < 0n ? -v.d : v.d)) / (2n * v.d);
  const neg = scaled < 0n;
  const s = (neg ? -scaled : scaled).toString().padStart(5, '0');
  return `${neg ? '-' : ''}${s.slice(0, -4)}.${s.slice(-4)}`;
}

/** The periods of a year up to today's month (all of them for a past year). */
export function periodsOfYear(cadence: Period['cadence'], year: number, today: string): string[] {
  const [ty, tm] = today.split('-').map(Number) as [number, number];
  const out: string[] = [];
  for (let i = 1; i <= periodsPerYear(cadence); i++) {
    const text = formatPeriod({ year, cadence, index: i });
    const p = parsePeriod(text)!;
    const startMonth = periodStartMonth(p);
    if (year < ty || (year === ty && startMonth <= tm)) out.push(text);
  }
  return out;
}

export async function loadComputedIndicators(db: DbOrTx, ids?: number[]): Promise<ComputedIndicator[]> {
  const r = await db.execute(sql`SELECT id, formula, filter, applies_to, accumulation, cadence FROM indicators
    WHERE source = 'computed' AND status = 'active' AND formula IS NOT NULL ${ids ? sql`AND id = ANY(${`{${ids.join(',')}}`}::int[])` : sql``} ORDER BY id`);
  return (r.rows as Record<string, unknown>[]).map((x) => ({
    id: Number(x.id),
    formula: x.formula as IndicatorFormula,
    filter: (x.filter as IndicatorProjectFilter | null) ?? null,
    appliesTo: (Array.isArray(x.applies_to) ? x.applies_to : String(x.applies_to).replace(/[{}]/g, '').split(',')) as IndicatorSubject[],
    accumulation: x.accumulation as 'cumulative' | 'period',
    cadence: x.cadence as Period['cadence'],
  }));
}

/** The present version of each year's project data (0 for a year never changed since the platform started). */
async function yearVersion(db: DbOrTx, year: number): Promise<number> {
  const r = await db.execute(sql`SELECT version FROM indicator_year_versions WHERE year = ${year}`);
  return r.rows.length ? Number((r.rows[0] as { version: number }).version) : 0;
}

/** Recomputes (indicator, period) now, recording the year's version it saw before reading. */
export async function refreshOne(ctx: Ctx, ind: ComputedIndicator, period: string): Promise<void> {
  const year = parsePeriod(period)?.year;
  if (year === undefined) return;
  await ctx.db.transaction(async (tx) => {
    const version = await yearVersion(tx, year);
    const figs = await computeFigures(ctx, tx, ind, period);
    const now = ctx.clock.now().toISOString();
    await storeFigures(tx, ind.id, period, figs, now);
    await tx.execute(sql`INSERT INTO indicator_computed (indicator_id, period, version, computed_at) VALUES (${ind.id}, ${period}, ${version}, ${now})
      ON CONFLICT (indicator_id, period) DO UPDATE SET version = excluded.version, computed_at = excluded.computed_at`);
  });
}

/** Raises a year's version (after a commit that changed projects, plans or reports of it). */
export async function markChanged(db: DbOrTx, years: number[]): Promise<void> {
  for (const year of [...new Set(years)]) {
    await db.execute(sql`INSERT INTO indicator_year_versions (year, version, changed_at) VALUES (${year}, 1, now())
      ON CONFLICT (year) DO UPDATE SET version = indicator_year_versions.version + 1, changed_at = now()`);
  }
}

/**
 * Whether (indicator, period) is current: computed at its year's present version. The formulas over
 * problems and approvals change by their own acts and by days passing (a due date passes), which
 * raise no version: they are never current, so every read recomputes them (one grouped query).
 */
async function isCurrent(ctx: Ctx, ind: ComputedIndicator, period: string, year: number): Promise<boolean> {
  if (VOLATILE.has(ind.formula)) return false;
  const r = await ctx.db.execute(sql`SELECT c.version, coalesce(y.version, 0) AS current FROM indicator_computed c
    LEFT JOIN indicator_year_versions y ON y.year = ${year} WHERE c.indicator_id = ${ind.id} AND c.period = ${period}`);
  const row = r.rows[0] as { version: number; current: number } | undefined;
  return !!row && Number(row.version) === Number(row.current);
}

/** Makes sure the figures of a computed (indicator, period) are current before they are read. */
export async function ensureFresh(ctx: Ctx, indicatorId: number, period: string): Promise<void> {
  await ensureFreshAll(ctx, indicatorId, [period]);
}

/**
 * The same for some periods of one indicator (a league, its period before and the same periods a
 * year before), with one look-up of which are current — the test of isCurrent for each — and a
 * recomputation of the others.
 */
export async function ensureFreshAll(ctx: Ctx, indicatorId: number, periods: string[]): Promise<void> {
  const valid = [...new Set(periods)].filter((p) => parsePeriod(p));
  if (!valid.length) return;
  const [ind] = await loadComputedIndicators(ctx.db, [indicatorId]);
  if (!ind) return;
  let stale = valid;
  if (!VOLATILE.has(ind.formula)) {
    const years = [...new Set(valid.map((p) => parsePeriod(p)!.year))];
    const r = await ctx.db.execute(sql`
      SELECT c.period, c.version, coalesce(y.version, 0) AS current
      FROM indicator_computed c
      LEFT JOIN (SELECT year, version FROM indicator_year_versions WHERE year = ANY(${`{${years.join(',')}}`}::int[])) y ON y.year = left(c.period, 4)::int
      WHERE c.indicator_id = ${ind.id} AND c.period = ANY(${`{${valid.join(',')}}`}::text[])`);
    const current = new Set((r.rows as { period: string; version: number; current: number }[]).filter((x) => Number(x.version) === Number(x.current)).map((x) => x.period));
    stale = valid.filter((p) => !current.has(p));
  }
  for (const p of stale) await refreshOne(ctx, ind, p);
}

const VOLATILE = new Set<IndicatorFormula>(['problemsOnTimeRate', 'approvalSpeedupRate', 'assignmentDoneRate', 'assignmentOnTimeRate']);

/** Whether a formula's figures are recomputed at every read (over problems and approvals: no version follows them). */
export const isVolatile = (formula: IndicatorFormula): boolean => VOLATILE.has(formula);

/**
 * The indicators.refresh job: recomputes every computed (indicator, period) of the current and the
 * previous year, and of any year changed since, that is not current (those over problems and
 * approvals are recomputed at each read instead). Idempotent.
 */
export async function refreshStale(ctx: Ctx): Promise<{ figures: number }> {
  const today = chinaToday(ctx.clock.now());
  const ty = Number(today.slice(0, 4));
  const r = await ctx.db.execute(sql`SELECT year FROM indicator_year_versions`);
  const years = new Set([ty - 1, ty, ...(r.rows as { year: number }[]).map((x) => Number(x.year))]);
  const inds = await loadComputedIndicators(ctx.db);
  let figures = 0;
  for (const year of [...years].sort()) {
    for (const ind of inds) {
      for (const period of periodsOfYear(ind.cadence, year, today)) {
        if (VOLATILE.has(ind.formula) || (await isCurrent(ctx, ind, period, year))) continue;
        await refreshOne(ctx, ind, period);
        figures++;
      }
    }
  }
  return { figures };
}
