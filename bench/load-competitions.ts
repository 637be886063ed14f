/**
 * Bench data for 考核与擂台赛 (competitions): one competition of year 2025, scored monthly, created
 * through the service (`createCompetition`, the same checks as the API) after the indicator data
 * are loaded; its periods are computed and published by bench/run.mjs through the API, so the
 * times are what a user waits for. The raw-SQL floors of its two read answers are here too.
 *
 * - Contestants: the profile's counties in code order, split in three sequences as evenly as they
 *   go (34/33/33 for 100; the province profile has 90 counties: 30/30/30; the city profile 13:
 *   5/4/4). A profile with fewer than three counties (county: one) fields its towns instead
 *   (county: 14 towns, 5/5/4), as a county's own 擂台赛 does.
 * - Twelve items over the computed project indicators (开工率, 投资完成率, 竣工率, 投产率, 储备转化率,
 *   亩均投资强度, 亿元以上项目开工个数, 项目完成投资), every rule kind that reads figures — proportional,
 *   perUnit, deviation, rank, efficacy — and a bonus and penalty item (adjustment). Completion is
 *   `auto`: against the county's target where it has one (the bench's targets of the computed
 *   indicators), else the % rate itself (towns). The bench's imported and reported indicators are
 *   left out on purpose: their generated data hold one "no figure" cell in 29 per indicator and
 *   period (an accepted NULL), so every month would have a missing input and publishing would be
 *   refused ("数据缺失时列出缺项，不发布"); a computed figure with nothing to divide by does not apply
 *   and blocks nothing. The quarterly indicators are left out too (a monthly competition reads
 *   nothing of them in January and February).
 * - Flags each quarter (top 3 red, last 1 yellow, two yellows in a row → 约谈), 龙虎榜 3/3, ties
 *   broken on 项目完成投资 rank.
 * - Adjustments: two entries a month 2025-01…2025-11 (a bonus, a penalty), each with its reason.
 *
 * A competition of the same name left by an earlier run on a reused database is deleted first
 * (with its snapshots, versions and adjustments), so every run computes its periods for the first time.
 */
import { sql } from 'drizzle-orm';
import type { CompetitionScheme } from '@tiaodu/contracts';
import type { Ctx } from '../server/src/core/context.js';
import type { Db } from '../server/src/db/client.js';
import { addAdjustment, createCompetition } from '../server/src/modules/competitions/competitions.service.js';

export const BENCH_COMPETITION = '2025年重点项目基准擂台赛';
export const COMPETITION_YEAR = 2025;
/** The month whose compute is timed, and whose results are read. */
export const COMPETITION_MONTH = '2025-11';
export const COMPETITION_QUARTER = '2025-Q3';

export interface BenchCompetition {
  id: number;
  name: string;
  /** county | town: the level of the contestants. */
  level: string;
  contestants: number;
  sequences: number[];
  items: number;
  ruleKinds: string[];
  adjustments: number;
}

async function rows<T>(db: Db, q: ReturnType<typeof sql>): Promise<T[]> {
  return (await db.execute(q)).rows as T[];
}

/** Deletes the bench competition an earlier run left (bench data only). */
async function dropExisting(db: Db): Promise<void> {
  const ids = (await rows<{ id: number }>(db, sql`SELECT id FROM competitions WHERE name = ${BENCH_COMPETITION}`)).map((r) => Number(r.id));
  if (!ids.length) return;
  const list = sql.raw(ids.join(','));
  await db.transaction(async (tx) => {
    await tx.execute(sql`DELETE FROM competition_adjustment_files WHERE adjustment_id IN (SELECT id FROM competition_adjustments WHERE competition_id IN (${list}))`);
    await tx.execute(sql`DELETE FROM competition_adjustments WHERE competition_id IN (${list})`);
    await tx.execute(sql`DELETE FROM competition_snapshots WHERE competition_id IN (${list})`);
    await tx.execute(sql`DELETE FROM competition_versions WHERE competition_id IN (${list})`);
    await tx.execute(sql`DELETE FROM competitions WHERE id IN (${list})`);
  });
}

/** Splits n in k parts as evenly as they go, the larger first (100 → 34/33/33). */
const split = (n: number, k: number) => Array.from({ length: k }, (_, i) => Math.floor(n / k) + (i < n % k ? 1 : 0));

/** Creates the bench competition (after the indicator data are loaded) and its adjustments. */
export async function loadCompetition(ctx: Ctx, indicators: Record<string, number>): Promise<BenchCompetition> {
  const db = ctx.db as Db;
  await dropExisting(db);
  const counties = await rows<{ code: string; name: string }>(db, sql`SELECT code, name FROM regions WHERE level = 'county' ORDER BY code`);
  const level = counties.length >= 3 ? 'county' : 'town';
  const units = level === 'county' ? counties : await rows<{ code: string; name: string }>(db, sql`SELECT code, name FROM regions WHERE level = 'town' ORDER BY code`);
  const units100 = units.slice(0, 100);
  const sizes = split(units100.length, 3);
  const names = ['第一序列', '第二序列', '第三序列'];
  let at = 0;
  const sequences = sizes.map((size, i) => {
    const contestants = units100.slice(at, at + size).map((u) => ({ unitType: 'region' as const, unitId: u.code, name: u.name }));
    at += size;
    return { key: `seq${i + 1}`, name: names[i]!, contestants };
  });
  const id = (code: string) => {
    const x = indicators[code];
    if (!x) throw new Error(`bench competition: indicator ${code} not found`);
    return x;
  };
  const bands = [
    { from: 1, to: 3, points: 8 },
    { from: 4, to: 6, points: 6 },
    { from: 7, to: 10, points: 4 },
    { from: 11, to: 20, points: 2 },
  ];
  const item = (itemId: string, name: string, code: string | null, rule: CompetitionScheme['items'][number]['rule']) => ({ id: itemId, name, indicatorId: code ? id(code) : null, rule, sequences: [], note: null });
  const scheme: CompetitionScheme = {
    sequences,
    items: [
      item('progress', '投资进度', 'investment_rate', { kind: 'proportional', weight: 20, cap: 1.2, basis: 'auto' }),
      item('startPlan', '开工计划完成', 'start_rate', { kind: 'deviation', full: 15, perPointShort: 0.2, perPointOver: 0.1, knee: 130, perPointBeyond: 0.05, cap: 5, basis: 'auto' }),
      item('bigStarts', '亿元以上项目开工', 'big_project_starts', { kind: 'perUnit', points: 2, min: 0, max: 10 }),
      item('investRank', '完成投资位次', 'investment_completed', { kind: 'rank', by: 'value', bands }),
      item('investEfficacy', '完成投资功效', 'investment_completed', { kind: 'efficacy', weight: 15, floor: 0.6, by: 'value' }),
      item('completion', '竣工进度', 'completion_rate', { kind: 'proportional', weight: 10, cap: 1, basis: 'auto' }),
      item('production', '投产计划完成', 'production_rate', { kind: 'deviation', full: 10, perPointShort: 0.1, perPointOver: 0.1, knee: 130, perPointBeyond: 0.05, cap: 3, basis: 'auto' }),
      item('reserve', '储备转化', 'reserve_conversion_rate', { kind: 'efficacy', weight: 5, floor: 0.6, by: 'value' }),
      item('intensity', '亩均投资强度位次', 'investment_intensity', { kind: 'rank', by: 'value', bands }),
      item('startRank', '开工率位次', 'start_rate', { kind: 'rank', by: 'completion', bands }),
      item('progressEfficacy', '投资完成率功效', 'investment_rate', { kind: 'efficacy', weight: 5, floor: 0.6, by: 'completion' }),
      item('bonus', '加减分', null, { kind: 'adjustment', min: -10, max: 10 }),
    ],
    flags: { period: 'quarter', red: 3, yellow: 1, yellowStreak: 2 },
    lists: { period: 'quarter', red: 0, black: 0, metItems: [] },
    tieBreak: 'investRank',
    leaderboard: { dragon: 3, tiger: 3 },
  };
  const c = await createCompetition(ctx, { name: BENCH_COMPETITION, year: COMPETITION_YEAR, cadence: 'month', description: '基准测试：每月亮成绩、每季抢红旗、全年列榜单', scheme, public: true });
  const all = sequences.flatMap((s) => s.contestants);
  let adjustments = 0;
  for (let m = 1; m <= 11; m++) {
    const period = `${COMPETITION_YEAR}-${String(m).padStart(2, '0')}`;
    const entries: Array<[number, number, string]> = [
      [(m * 7) % all.length, 5, '组织重点项目集中开工'],
      [(m * 11 + 3) % all.length, -3, '重点项目推进不力被市级通报'],
    ];
    for (const [i, points, reason] of entries) {
      await addAdjustment(ctx, c.id, { period, contestantId: `region:${all[i]!.unitId}`, itemId: 'bonus', points, reason });
      adjustments++;
    }
  }
  return { id: c.id, name: BENCH_COMPETITION, level, contestants: all.length, sequences: sizes, items: scheme.items.length, ruleKinds: [...new Set(scheme.items.map((i) => i.rule.kind))], adjustments };
}

/** The id of the bench competition (floors mode, on the data as the server left it). */
export async function competitionId(db: Db): Promise<number | null> {
  const r = await rows<{ id: number }>(db, sql`SELECT max(id) AS id FROM competitions WHERE name = ${BENCH_COMPETITION}`);
  return r[0]?.id == null ? null : Number(r[0].id);
}

/**
 * The raw-SQL floors of the two read answers: the stored rows each is made of, read by
 * hand-written queries — the competition, its scheme version, and the period's snapshots with
 * their results (results); the year's published summaries and the contestants' names (leaderboard).
 * No JSON reshaping, ranking or summing.
 */
export function competitionFloors(id: number): Record<string, string[]> {
  const comp = `SELECT id, name, year, cadence, description, status, public, version FROM competitions WHERE id = ${id}`;
  const scheme = `SELECT scheme FROM competition_versions WHERE competition_id = ${id} AND version = 1`;
  return {
    competitionResults: [
      comp,
      `SELECT id, revision, status, scheme_version, results, missing, parts, reason, computed_at, published_at, stale FROM competition_snapshots
        WHERE competition_id = ${id} AND period = '${COMPETITION_MONTH}' ORDER BY revision DESC`,
      scheme,
    ],
    competitionLeaderboard: [
      comp,
      scheme,
      `SELECT period, summary FROM competition_snapshots WHERE competition_id = ${id} AND status = 'published' AND period LIKE '${COMPETITION_YEAR}%'`,
      `SELECT code, name, level, parent_code FROM regions WHERE code IN (
        SELECT c->>'unitId' FROM competition_versions v, jsonb_array_elements(v.scheme->'sequences') s, jsonb_array_elements(s->'contestants') c
        WHERE v.competition_id = ${id} AND v.version = 1)`,
    ],
  };
}

/** The computed indicator periods and when they were computed (to tell which the first compute of the month computed). */
export async function computedPeriods(db: Db): Promise<Array<{ code: string; period: string; computedAt: string }>> {
  const r = await rows<{ code: string; period: string; computed_at: unknown }>(
    db,
    sql`SELECT i.code, c.period, c.computed_at FROM indicator_computed c JOIN indicators i ON i.id = c.indicator_id ORDER BY c.computed_at`,
  );
  return r.map((x) => ({ code: x.code, period: x.period, computedAt: new Date(String(x.computed_at)).toISOString() }));
}
