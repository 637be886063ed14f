/**
 * Bench data for 指标库与目标责任 (indicators), generated through SQL (generate_series, no per-row
 * round trips), and the hand-written SQL floors of the indicator answers.
 *
 * - The standard catalogue (the server's `ensureCatalogue`: ten computed project indicators and
 *   the five macro indicators, imported), and five more applying to counties, so there are twenty
 *   in all: 农村户厕改造 and 清洁取暖改造 (reported, monthly), 城乡绿化造林 (reported, quarterly),
 *   工业销售收入 (imported, monthly) and 入库税金 (imported, quarterly).
 * - indicator_values of every imported or reported indicator for every county and each month
 *   2023-01..2025-12 (quarters 2023-Q1..2025-Q4 for the quarterly ones): cumulative figures in the
 *   year with their 增速, counting at once (accepted_value, accepted_growth, has_accepted; imported,
 *   or reported and accepted), revision 1 with its history (import, or submit and accept); one cell
 *   in 29 "no figure" (an accepted NULL), and one county in 23 with the same figures as the one
 *   before it (ties). Computed indicators get no rows here: the server computes them (the start-up
 *   run of indicators.refresh, and the first read of a period).
 * - indicator_targets for every county, indicator applying to counties and year 2023–2025: rates
 *   80–95 %, counts, 万元 from the county's planned investment (roll-ups), the others around the
 *   year's last figure; for imported and reported indicators one county in three with a breakdown
 *   by month or quarter (back-loaded: later periods carry more), so the 序时 check reads it.
 * - indicator_publications: the last two periods of 2025 of every indicator applying to counties.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../server/src/db/client.js';
import { ensureCatalogue } from '../server/src/modules/indicators/indicators.catalogue.js';

/** The five indicators added to the standard catalogue (code, name, unit, decimals, cadence, source, rank by, benchmark, sort). */
const ADDED: Array<[code: string, name: string, unit: string, decimals: number, cadence: 'month' | 'quarter', source: 'reported' | 'imported', rankBy: string, benchmark: boolean, sort: number]> = [
  ['bench_toilet', '农村户厕改造', '户', 0, 'month', 'reported', 'completion', true, 300],
  ['bench_heating', '清洁取暖改造', '户', 0, 'month', 'reported', 'value', false, 310],
  ['bench_greening', '城乡绿化造林', '亩', 1, 'quarter', 'reported', 'completion', false, 320],
  ['bench_sales', '工业销售收入', '亿元', 2, 'month', 'imported', 'growth', true, 330],
  ['bench_tax', '入库税金', '亿元', 2, 'quarter', 'imported', 'growth', true, 340],
];
export const INDICATOR_YEARS = [2023, 2024, 2025];
const lit = (v: string) => `'${v.replace(/'/g, "''")}'`;

async function run(db: Db, q: string) {
  return db.execute(sql.raw(q));
}

/** The periods of the bench's years: cadence, year, index, periods per year and the period text. */
const PERIODS = `(
  SELECT 'month'::text AS cadence, y, m AS idx, 12 AS ppy, y || '-' || lpad(m::text, 2, '0') AS period
  FROM generate_series(${INDICATOR_YEARS[0]}, ${INDICATOR_YEARS[2]}) y, generate_series(1, 12) m
  UNION ALL
  SELECT 'quarter', y, q, 4, y || '-Q' || q FROM generate_series(${INDICATOR_YEARS[0]}, ${INDICATOR_YEARS[2]}) y, generate_series(1, 4) q)`;
/** The counties numbered in code order (g), and the number whose figures they take (t: one in 23 ties with the county before). */
const COUNTIES = `(SELECT code, g, CASE WHEN g % 23 = 0 THEN g - 1 ELSE g END AS t
  FROM (SELECT code, row_number() OVER (ORDER BY code)::int AS g FROM regions WHERE level = 'county') c)`;
/** A county's level of an indicator (in the indicator's unit, for a whole year of 2023). */
const BASE = (t: string, id: string) => `(40 + ((${t}) * 37 + (${id}) * 11) % 400)`;

/** The catalogue, values, targets and publications. Returns the ids of the indicators by code. */
export async function loadIndicators(db: Db, adminId: number): Promise<Record<string, number>> {
  await ensureCatalogue(db);
  await run(
    db,
    `INSERT INTO indicators (code, name, unit, decimals, direction, kind, cadence, accumulation, source, applies_to, rank_by, benchmark, description, sort)
     SELECT code, name, unit, decimals, 'higher', 'expected', cadence, 'cumulative', source, ARRAY['county'], rank_by, benchmark, '基准测试指标', sort
     FROM (VALUES ${ADDED.map(([c, n, u, d, cad, src, rb, b, s]) => `(${lit(c)}, ${lit(n)}, ${lit(u)}, ${d}, ${lit(cad)}, ${lit(src)}, ${lit(rb)}, ${b}, ${s})`).join(', ')})
       v(code, name, unit, decimals, cadence, source, rank_by, benchmark, sort)
     ON CONFLICT DO NOTHING`,
  );
  await db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    // the figures: cumulative in the year, growing 7 % a year, ±5 % from period to period
    await run(
      t,
      `WITH ind AS (SELECT id, source, cadence, decimals FROM indicators WHERE source IN ('imported', 'reported') AND status = 'active' AND 'county' = ANY(applies_to)),
       x AS (
         SELECT ind.id, ind.source, c.code, per.period,
           CASE WHEN (c.g * 7 + per.idx * 11 + ind.id * 3 + per.y) % 29 = 0 THEN NULL ELSE
             round(${BASE('c.t', 'ind.id')} * per.idx::numeric / per.ppy * power(1.07, per.y - ${INDICATOR_YEARS[0]})
               * (1 + ((c.t * 13 + per.idx * 7 + ind.id * 5) % 21 - 10) / 200.0), ind.decimals) END AS value,
           CASE WHEN (c.g * 7 + per.idx * 11 + ind.id * 3 + per.y) % 29 = 0 THEN NULL ELSE
             round(((c.t * 29 + ind.id * 17 + per.idx * 7 + per.y) % 150 - 30) / 10.0, 1) END AS growth
         FROM ind JOIN ${PERIODS} per ON per.cadence = ind.cadence CROSS JOIN ${COUNTIES} c)
       INSERT INTO indicator_values (indicator_id, unit_type, unit_id, period, value, growth, accepted_value, accepted_growth, has_accepted, source, status, revision,
         submitted_by, submitted_at, reviewed_by, reviewed_at, updated_at)
       SELECT id, 'region', code, period, value, growth, value, growth, true, source, CASE WHEN source = 'imported' THEN 'imported' ELSE 'accepted' END, 1,
         CASE WHEN source = 'reported' THEN ${adminId} END, CASE WHEN source = 'reported' THEN now() END,
         CASE WHEN source = 'reported' THEN ${adminId} END, CASE WHEN source = 'reported' THEN now() END, now()
       FROM x`,
    );
    // every value's history: import, or submit and accept
    await run(
      t,
      `INSERT INTO indicator_value_revisions (value_id, revision, action, value, growth, status, user_id, at)
       SELECT v.id, 1, a.action, v.value, v.growth, a.status, ${adminId}, v.updated_at
       FROM indicator_values v JOIN (VALUES ('imported', 'import', 'imported', 1), ('reported', 'submit', 'submitted', 1), ('reported', 'accept', 'accepted', 2)) a(source, action, status, k)
         ON a.source = v.source
       ORDER BY v.id, a.k`,
    );
    // targets of every indicator applying to counties, per county and year
    await run(
      t,
      `WITH ind AS (SELECT id, code, unit, source, cadence, decimals, CASE cadence WHEN 'quarter' THEN 4 ELSE 12 END AS ppy
         FROM indicators WHERE status = 'active' AND 'county' = ANY(applies_to)),
       planned AS (SELECT substr(region_code, 1, 6) AS code, year, sum(planned) AS planned FROM monthly_rollups GROUP BY 1, 2),
       x AS (
         SELECT ind.id, ind.source, ind.ppy, c.code, c.g, y,
           CASE
             WHEN ind.unit = '%' THEN 80 + (c.g * 7 + ind.id) % 16
             WHEN ind.code = 'big_project_starts' THEN 2 + c.g % 5
             WHEN ind.code = 'investment_completed' THEN round(coalesce(pl.planned, 0) * 0.95, 2)
             WHEN ind.source = 'computed' THEN 300 + (c.g * 11) % 200
             ELSE round(${BASE('c.t', 'ind.id')} * power(1.07, y - ${INDICATOR_YEARS[0]}) * (0.95 + ((c.g * 5 + ind.id) % 15) / 100.0), ind.decimals)
           END AS target
         FROM ind CROSS JOIN ${COUNTIES} c CROSS JOIN generate_series(${INDICATOR_YEARS[0]}, ${INDICATOR_YEARS[2]}) y
         LEFT JOIN planned pl ON pl.code = c.code AND pl.year = y)
       INSERT INTO indicator_targets (indicator_id, year, unit_type, unit_id, baseline, target, breakdown, note, updated_by)
       SELECT id, y, 'region', code, NULL, target,
         CASE WHEN g % 3 = 0 AND source <> 'computed' THEN (
           SELECT jsonb_agg((CASE WHEN i < ppy THEN round(target * (ppy + i) / (ppy * ppy + ppy * (ppy + 1) / 2), 2)
             ELSE target - (SELECT sum(round(target * (ppy + j) / (ppy * ppy + ppy * (ppy + 1) / 2), 2)) FROM generate_series(1, ppy - 1) j) END)::text ORDER BY i)
           FROM generate_series(1, ppy) i) END,
         NULL, ${adminId}
       FROM x`,
    );
    // two published periods of each: 2025-11 and 2025-12, or 2025-Q3 and 2025-Q4
    await run(
      t,
      `INSERT INTO indicator_publications (indicator_id, period, published_by)
       SELECT i.id, p, ${adminId} FROM indicators i
       CROSS JOIN unnest(CASE i.cadence WHEN 'quarter' THEN ARRAY['2025-Q3', '2025-Q4'] ELSE ARRAY['2025-11', '2025-12'] END) p
       WHERE i.status = 'active' AND 'county' = ANY(i.applies_to) AND i.cadence IN ('month', 'quarter')
       ON CONFLICT DO NOTHING`,
    );
  });
  return indicatorIds(db);
}

/** The ids of the indicators by code. */
export async function indicatorIds(db: Db): Promise<Record<string, number>> {
  const r = await run(db, `SELECT code, id FROM indicators ORDER BY id`);
  return Object.fromEntries((r.rows as { code: string; id: number }[]).map((x) => [x.code, Number(x.id)]));
}

/** The indicators the bench asks about: an imported monthly one, a reported one with targets, a computed one, the benchmark's. */
export const BENCH_INDICATORS = { values: 'fai', target: 'bench_toilet', computed: 'start_rate', benchmark: 'gdp' } as const;

/**
 * The raw-SQL floors of the indicator answers (admin, scope all): the stored rows the answer is
 * made from, read by hand-written queries — the counties' figures of the periods asked and the
 * ones before and a year before (not the towns' and departments' of a computed one), the year's targets, the counties with their parents' names, and whether the period is
 * published. The league (ranks, 序时 lights) is not computed here.
 */
export function indicatorFloors(ids: Record<string, number>): Record<string, string[]> {
  const rows = (id: number, periods: string[], years: number[]) => [
    `SELECT v.*, (SELECT count(*) FROM indicator_value_files f WHERE f.value_id = v.id) AS files FROM indicator_values v
      WHERE v.indicator_id = ${id} AND v.period = ANY('{${periods.join(',')}}'::text[])
        AND v.unit_type = 'region' AND v.unit_id IN (SELECT code FROM regions WHERE level = 'county')`,
    `SELECT * FROM indicator_targets WHERE indicator_id = ${id} AND year = ANY('{${years.join(',')}}'::int[])`,
    `SELECT r.code, r.name, r.level, p.name FROM regions r LEFT JOIN regions p ON p.code = r.parent_code WHERE r.level = 'county' ORDER BY r.sort, r.code`,
    `SELECT 1 FROM indicator_publications WHERE indicator_id = ${id} AND period = '${periods[periods.length - 1]}'`,
  ];
  const months = ['2024-11', '2024-12', '2025-11', '2025-12'];
  const quarters = ['2024-Q4', '2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4'];
  const out: Record<string, string[]> = {
    indicatorValues: rows(ids[BENCH_INDICATORS.values]!, months, [2025]),
    indicatorTarget: rows(ids[BENCH_INDICATORS.target]!, months, [2025]),
    indicatorComputed: rows(ids[BENCH_INDICATORS.computed]!, months, [2025]),
    benchmark: rows(ids[BENCH_INDICATORS.benchmark]!, [...quarters.map((q) => `${Number(q.slice(0, 4)) - 1}${q.slice(4)}`), ...quarters], [2024, 2025]),
  };
  return out;
}
