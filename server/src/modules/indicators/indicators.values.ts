/**
 * The one indicator-value service: league tables (`GET /api/indicator-values`), benchmarks
 * (`GET /api/benchmarks`) and the dashboard's ranks all come from `leagueOf` below, which reads
 * the stored figures (accepted, imported or computed) and decides with domain/league.ts.
 *
 * What peers see: a unit sees its own figures in full at any time. Once the dispatcher publishes
 * an (indicator, period), every unit also sees its peers' figure, 增速, rank and rank change —
 * what a 统计局 publishes — but never their targets, lights, notes or evidence. Before
 * publication a unit sees only its own row (with its rank). Users whose scope covers the units
 * (the county's dispatcher and leaders) see everything.
 */
import {
  formatPeriod,
  parsePeriod,
  periodLabel,
  periodsPerYear,
  previousPeriod,
  samePeriodLastYear,
  type Benchmark,
  type Indicator,
  type IndicatorSubject,
  type IndicatorValues,
  type RankSummary,
  type UnitOption,
  type UnitRef,
  type ValueItem,
} from '@tiaodu/contracts';
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { chinaToday } from '../../core/clock.js';
import { dec, div, roundQ, type Q } from '../../core/exact.js';
import { ruleSetFor } from '../warnings/warnings.service.js';
import { ensureFreshAll, isVolatile } from './indicators.compute.js';
import { queryKey, readCache, scopeKey } from '../../core/read-cache.js';
import { getIndicator } from './indicators.service.js';
import * as repo from './indicators.repository.js';
import { canSeeUnit, listUnits, ownUnit, unitKey, unitNames, unitVisibility, type UnitVisibility } from './indicators.units.js';
import { ratePct } from './domain/formulas.js';
import { fromDb } from './domain/figures.js';
import { league, ranksOf, type League, type UnitFacts } from './domain/league.js';

const SUBJECT_ZH: Record<IndicatorSubject, string> = { city: '市', county: '县（区）', town: '乡镇（街道）', park: '园区', department: '部门' };
const ALL: UnitVisibility = { all: true, regionPrefix: null, departmentId: null };
const RATE_FORMULAS = new Set(['startRate', 'investmentRate', 'completionRate', 'productionRate', 'reserveConversionRate', 'problemsOnTimeRate', 'assignmentDoneRate', 'assignmentOnTimeRate']);

/** The figure of a stored value that counts: accepted (reported), or as imported or computed; exact. */
export function figureOf(ind: Pick<Indicator, 'formula'>, row: repo.ValueRow | undefined): { value: Q | null; growth: Q | null } {
  if (!row) return { value: null, growth: null };
  if (row.source === 'reported' || row.source === 'scored') {
    return row.hasAccepted ? { value: fromDb(row.acceptedValue), growth: fromDb(row.acceptedGrowth) } : { value: null, growth: null };
  }
  if (row.source === 'computed' && row.numerator !== null && row.denominator !== null) {
    const n = dec(row.numerator);
    const d = dec(row.denominator);
    if (d.n === 0n) return { value: null, growth: null };
    return { value: ind.formula && RATE_FORMULAS.has(ind.formula) ? ratePct(n, d) : div(n, d), growth: null };
  }
  return { value: fromDb(row.value), growth: fromDb(row.growth) };
}

const r2 = (x: Q | null, digits = 2) => (x === null ? null : roundQ(x, digits));

interface LeagueInput {
  ind: Indicator;
  units: UnitOption[];
  periods: string[];
  /** Read the same periods a year before for 增速 (default). A reader that ranks on values or completion only (competitions) leaves them out and spares their computation. */
  growth?: boolean;
}

/** Loads what the leagues of some periods need (values of the periods and a year before, targets) and computes them, oldest first. */
export async function leaguesOf(ctx: Ctx, { ind, units, periods, growth = true }: LeagueInput): Promise<{ leagues: Map<string, League>; rows: Map<string, Map<string, repo.ValueRow>>; ruleSet: { id: number; name: string } | null }> {
  const lastYears = growth || ind.rankBy === 'growth' ? periods.map((p) => samePeriodLastYear(p)!) : [];
  const all = [...new Set([...periods, ...lastYears])];
  if (ind.source === 'computed') await ensureFreshAll(ctx, ind.id, all);
  const values = await repo.valuesOf(ctx.db, ind.id, all, units);
  const byPeriod = new Map<string, Map<string, repo.ValueRow>>();
  for (const v of values) {
    const m = byPeriod.get(v.period) ?? new Map<string, repo.ValueRow>();
    m.set(`${v.unitType}:${v.unitId}`, v);
    byPeriod.set(v.period, m);
  }
  const years = [...new Set(periods.map((p) => parsePeriod(p)!.year))];
  const targets = new Map<string, repo.TargetRowDb>();
  for (const t of await repo.targetsOf(ctx.db, ind.id, years)) targets.set(`${t.year}|${t.unitType}:${t.unitId}`, t);
  const rs = await ruleSetFor(ctx.db, ind.ruleSetId);
  if (!rs) throw new AppError('INTERNAL', '没有可用的预警规则');
  const today = chinaToday(ctx.clock.now());
  const leagues = new Map<string, League>();
  let prevRanks: Map<string, number | null> | undefined;
  const sorted = [...periods].sort();
  for (const [i, period] of sorted.entries()) {
    const p = parsePeriod(period)!;
    const cur = byPeriod.get(period) ?? new Map();
    const ly = byPeriod.get(samePeriodLastYear(period)!) ?? new Map();
    const facts: UnitFacts[] = units.map((u) => {
      const k = unitKey(u);
      const f = figureOf(ind, cur.get(k));
      const t = targets.get(`${p.year}|${k}`);
      return {
        key: k,
        value: f.value,
        growth: f.growth,
        lastYear: figureOf(ind, ly.get(k)).value,
        target: fromDb(t?.target),
        breakdown: t?.breakdown ? t.breakdown.map((b) => fromDb(b)) : null,
      };
    });
    // rank change needs the period just before: use it when it is in the list
    const prevInList = i > 0 && sorted[i - 1] === previousPeriod(period);
    const l = league({ direction: ind.direction, accumulation: ind.accumulation, rankBy: ind.rankBy, percent: ind.unit === '%' }, p, facts, rs.config, today, prevInList ? prevRanks : undefined);
    leagues.set(period, l);
    prevRanks = ranksOf(l);
  }
  return { leagues, rows: byPeriod, ruleSet: { id: rs.id, name: rs.name } };
}

function subjectFor(ind: Indicator, unitType?: string): IndicatorSubject {
  if (!unitType) return ind.appliesTo[0]!;
  if (unitType === 'region') {
    const s = ind.appliesTo.find((x) => x !== 'department');
    if (!s) throw new AppError('BAD_REQUEST', `指标「${ind.name}」只适用于部门`);
    return s;
  }
  if (!ind.appliesTo.includes(unitType as IndicatorSubject)) throw new AppError('BAD_REQUEST', `指标「${ind.name}」不适用于${SUBJECT_ZH[unitType as IndicatorSubject] ?? unitType}`);
  return unitType as IndicatorSubject;
}

function checkCadence(ind: Indicator, period: string): void {
  if (parsePeriod(period)!.cadence !== ind.cadence) {
    const ex = { month: '2026-11', quarter: '2026-Q3', halfYear: '2026-H1', year: '2026' }[ind.cadence];
    throw new AppError('BAD_REQUEST', `指标「${ind.name}」的期别应为 ${ex} 形式`);
  }
}

/**
 * League answers are served from the read cache (core/read-cache.ts), as the dashboard is: until
 * the next committed write, per data scope, query and day (序时 and the lights move with the
 * date). Writes through the API empty it — reports, reviews, imports, targets, publications, and
 * the project changes that make computed figures stale, whose versions are raised after commit,
 * before the cache is emptied; the indicators.refresh job only recomputes what a read would. The
 * figures over problems and approvals, recomputed at every read (jobs move them too), are never
 * cached.
 */
function cachedLeague<T>(ctx: Ctx, ind: Indicator, kind: string, q: object, compute: () => Promise<T>): Promise<T> {
  if (ind.source === 'computed' && ind.formula && isVolatile(ind.formula)) return compute();
  return readCache(ctx.db).get(`${kind}|${scopeKey(ctx.user)}|${chinaToday(ctx.clock.now())}|${queryKey(q)}`, compute);
}

/** `GET /api/indicator-values`: the league of an indicator for a period over the units of one kind. */
export async function valuesTable(ctx: Ctx, q: { indicatorId: number; period: string; unitType?: string; regionCode?: string }): Promise<IndicatorValues> {
  const ind = await getIndicator(ctx.db, q.indicatorId);
  return cachedLeague(ctx, ind, 'indicatorValues', q, () => valuesTableOf(ctx, ind, q));
}

async function valuesTableOf(ctx: Ctx, ind: Indicator, q: { indicatorId: number; period: string; unitType?: string; regionCode?: string }): Promise<IndicatorValues> {
  checkCadence(ind, q.period);
  const subject = subjectFor(ind, q.unitType);
  const vis = unitVisibility(ctx.user);
  const group = await listUnits(ctx.db, subject, ALL, q.regionCode);
  const prev = previousPeriod(q.period)!;
  const { leagues, rows, ruleSet } = await leaguesOf(ctx, { ind, units: group, periods: [prev, q.period] });
  const l = leagues.get(q.period)!;
  const published = await repo.isPublished(ctx.db, ind.id, q.period);
  // the departments' regions decide what a scoped user sees; a reader of every unit needs none
  const names = vis.all ? new Map<string, { regionCode: string | null }>() : await unitNames(ctx.db, group);
  const cur = rows.get(q.period) ?? new Map();
  const items: ValueItem[] = [];
  for (const [i, u] of group.entries()) {
    const row = l.rows[i]!;
    const full = canSeeUnit(vis, u, names.get(unitKey(u))?.regionCode);
    if (!full && !published) continue;
    const v = cur.get(unitKey(u));
    const d = ind.decimals;
    items.push({
      valueId: full ? (v?.id ?? null) : null,
      unitType: u.unitType,
      unitId: u.unitId,
      unitName: u.unitName,
      value: r2(row.value, Math.max(d, 2)),
      valueText: row.value === null ? null : (v?.source === 'computed' ? null : (v?.acceptedValue ?? v?.value ?? null)),
      target: full ? r2(row.target, Math.max(d, 2)) : null,
      progress: full ? r2(row.progress) : null,
      timeProgress: full ? r2(row.timeProgress) : null,
      deviation: full ? r2(row.deviation) : null,
      light: full ? row.light : null,
      lightDetail: full ? row.lightDetail : null,
      rank: row.rank,
      rankChange: row.rankChange,
      growth: r2(row.growth),
      status: full ? (v?.status ?? (ind.source === 'computed' ? 'computed' : 'missing')) : 'published',
      note: full ? (v?.note ?? null) : null,
      files: full ? (v?.files ?? 0) : 0,
      updatedAt: full ? (v?.updatedAt ?? null) : null,
    });
  }
  items.sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9));
  const seeAll = vis.all || published;
  const leader = l.leaderKey ? group.find((u) => unitKey(u) === l.leaderKey) : undefined;
  const leaderRow = l.rows.find((r) => r.key === l.leaderKey);
  return {
    indicator: ind,
    period: q.period,
    periodLabel: periodLabel(q.period),
    unitType: subject,
    items,
    average: seeAll ? r2(l.averageValue, Math.max(ind.decimals, 2)) : null,
    averageGrowth: seeAll ? r2(l.averageGrowth) : null,
    leader: seeAll && leader && leaderRow ? { unitType: leader.unitType, unitId: leader.unitId, unitName: leader.unitName, value: r2(leaderRow.value, Math.max(ind.decimals, 2)), growth: r2(leaderRow.growth) } : null,
    published,
    ruleSet,
  };
}

/** The periods of a trend: the period and the ones before it, `n` in all (oldest first). */
export function trendPeriods(period: string, n: number): string[] {
  const out = [period];
  while (out.length < n) out.unshift(previousPeriod(out[0]!)!);
  return out;
}

async function groupOf(ctx: Ctx, ind: Indicator, centre: UnitRef | null, group: string | undefined): Promise<{ key: string; name: string; units: UnitOption[] }> {
  if (group && group !== 'siblings') {
    const id = Number(group);
    if (!Number.isInteger(id) || id <= 0) throw new AppError('BAD_REQUEST', '对标组无效');
    const r = await ctx.db.execute(sql`SELECT name, members FROM peer_groups WHERE id = ${id}`);
    const x = r.rows[0] as { name: string; members: unknown } | undefined;
    if (!x) throw new AppError('NOT_FOUND', '对标组不存在');
    const members = (typeof x.members === 'string' ? JSON.parse(x.members) : x.members) as UnitRef[];
    const names = await unitNames(ctx.db, members);
    return {
      key: String(id),
      name: x.name,
      units: members.filter((m) => names.has(unitKey(m))).map((m) => ({ ...m, unitName: names.get(unitKey(m))!.name, level: names.get(unitKey(m))!.level, parentName: null })),
    };
  }
  if (!centre) {
    const subject = ind.appliesTo[0]!;
    return { key: 'siblings', name: `全部${SUBJECT_ZH[subject]}`, units: await listUnits(ctx.db, subject, ALL) };
  }
  const info = (await unitNames(ctx.db, [centre])).get(unitKey(centre));
  if (!info) throw new AppError('NOT_FOUND', '单位不存在');
  if (centre.unitType === 'department') {
    const r = await ctx.db.execute(sql`SELECT id::text AS id FROM departments WHERE region_code = ${info.regionCode} AND active AND kind = 'department'`);
    const ids = new Set((r.rows as { id: string }[]).map((x) => x.id));
    return { key: 'siblings', name: '本级各部门', units: (await listUnits(ctx.db, 'department', ALL)).filter((u) => ids.has(u.unitId)) };
  }
  const subject = info.level as IndicatorSubject;
  const parent = info.parentCode;
  const r = await ctx.db.execute(sql`SELECT c.code, p.name AS parent_name FROM regions c LEFT JOIN regions p ON p.code = c.parent_code
    WHERE c.level = ${subject} AND ${parent ? sql`c.parent_code = ${parent}` : sql`c.parent_code IS NULL`}`);
  const codes = new Set((r.rows as { code: string }[]).map((x) => x.code));
  const parentName = (r.rows[0] as { parent_name: string | null } | undefined)?.parent_name ?? '';
  return { key: 'siblings', name: `${parentName}各${SUBJECT_ZH[subject] ?? '单位'}`, units: (await listUnits(ctx.db, subject, ALL)).filter((u) => codes.has(u.unitId)) };
}

/** `GET /api/benchmarks`: a unit among its peers (siblings, or a peer group) for an indicator and period, with its rank trend. */
export async function benchmark(ctx: Ctx, q: { indicatorId: number; period: string; group?: string; unitType?: UnitRef['unitType']; unitId?: string }): Promise<Benchmark> {
  const ind = await getIndicator(ctx.db, q.indicatorId);
  return cachedLeague(ctx, ind, 'benchmark', q, () => benchmarkOf(ctx, ind, q));
}

async function benchmarkOf(ctx: Ctx, ind: Indicator, q: { indicatorId: number; period: string; group?: string; unitType?: UnitRef['unitType']; unitId?: string }): Promise<Benchmark> {
  checkCadence(ind, q.period);
  const vis = unitVisibility(ctx.user);
  let centre: UnitRef | null = ownUnit(ctx.user);
  if (q.unitType && q.unitId) {
    const asked = { unitType: q.unitType, unitId: q.unitId };
    const n = (await unitNames(ctx.db, [asked])).get(unitKey(asked));
    if (!n || !canSeeUnit(vis, asked, n.regionCode)) throw new AppError('NOT_FOUND', '单位不存在或不在您的管辖范围内');
    centre = asked;
  }
  let g = await groupOf(ctx, ind, centre, q.group);
  if (!q.group && centre && g.units.length < 2) {
    // no peers of the same level on the platform: the first peer group the unit belongs to
    const r = await ctx.db.execute(sql`SELECT id FROM peer_groups WHERE members @> ${JSON.stringify([centre])}::jsonb ORDER BY id LIMIT 1`);
    const id = (r.rows[0] as { id: number } | undefined)?.id;
    if (id) g = await groupOf(ctx, ind, centre, String(id));
  }
  const periods = trendPeriods(q.period, Math.min(periodsPerYear(ind.cadence), 6) + 1);
  const { leagues } = await leaguesOf(ctx, { ind, units: g.units, periods });
  const l = leagues.get(q.period)!;
  const published = await repo.isPublished(ctx.db, ind.id, q.period);
  const names = vis.all ? new Map<string, { regionCode: string | null }>() : await unitNames(ctx.db, g.units);
  const centreKey = centre ? unitKey(centre) : null;
  const rows = [];
  for (const [i, u] of g.units.entries()) {
    const row = l.rows[i]!;
    const self = unitKey(u) === centreKey;
    const full = self || canSeeUnit(vis, u, names.get(unitKey(u))?.regionCode);
    if (!full && !published) continue;
    rows.push({
      unitType: u.unitType,
      unitId: u.unitId,
      unitName: u.unitName,
      external: u.unitType === 'external',
      self,
      value: r2(row.value, Math.max(ind.decimals, 2)),
      growth: r2(row.growth),
      progress: full ? r2(row.progress) : null,
      rank: row.rank,
      rankChange: row.rankChange,
      gapToAverage: published || vis.all ? r2(row.gapToAverage) : null,
      gapToLeader: published || vis.all ? r2(row.gapToLeader) : null,
    });
  }
  rows.sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9));
  const seeAll = vis.all || published;
  const leaderIdx = l.rows.findIndex((r) => r.key === l.leaderKey);
  const leaderUnit = leaderIdx >= 0 ? g.units[leaderIdx] : undefined;
  const centreName = centre ? ((await unitNames(ctx.db, [centre])).get(unitKey(centre))?.name ?? centre.unitId) : null;
  const trend = periods.map((p) => {
    const lp = leagues.get(p)!;
    const r = centreKey ? lp.rows.find((x) => x.key === centreKey) : undefined;
    return { period: p, rank: r?.rank ?? null, value: r2(r?.value ?? null, Math.max(ind.decimals, 2)), growth: r2(r?.growth ?? null), of: lp.rows.filter((x) => x.rank !== null).length };
  });
  return {
    indicator: ind,
    period: q.period,
    periodLabel: periodLabel(q.period),
    group: { key: g.key, name: g.name },
    unit: centre && centreName ? { ...centre, unitName: centreName } : null,
    rankBy: ind.rankBy,
    rows,
    average: { value: seeAll ? r2(l.averageValue, Math.max(ind.decimals, 2)) : null, growth: seeAll ? r2(l.averageGrowth) : null },
    leader: seeAll && leaderUnit ? { unitId: leaderUnit.unitId, unitName: leaderUnit.unitName, value: r2(l.rows[leaderIdx]!.value, Math.max(ind.decimals, 2)), growth: r2(l.rows[leaderIdx]!.growth) } : null,
    trend,
    published,
  };
}

/** `GET /api/benchmarks/summary`: the user's unit's rank on each benchmark indicator, in its latest published period. */
export async function rankSummary(ctx: Ctx): Promise<RankSummary> {
  const me = ownUnit(ctx.user);
  if (!me) return { unit: null, items: [] };
  const info = (await unitNames(ctx.db, [me])).get(unitKey(me));
  if (!info) return { unit: null, items: [] };
  const subject = (me.unitType === 'department' ? 'department' : info.level) as IndicatorSubject;
  const inds = (await repo.listIndicators(ctx.db, { status: 'active', benchmark: true })).filter((i) => i.appliesTo.includes(subject));
  const items: RankSummary['items'] = [];
  for (const ind of inds) {
    const [latest] = await repo.publishedPeriods(ctx.db, ind.id);
    if (!latest) continue;
    const b = await benchmark(ctx, { indicatorId: ind.id, period: latest });
    const self = b.rows.find((r) => r.self);
    items.push({
      indicatorId: ind.id,
      indicatorName: ind.name,
      period: latest,
      periodLabel: periodLabel(latest),
      value: self?.value ?? null,
      growth: self?.growth ?? null,
      rank: self?.rank ?? null,
      of: b.rows.filter((r) => r.rank !== null).length,
      rankChange: self?.rankChange ?? null,
      unit: ind.unit,
    });
  }
  return { unit: { ...me, unitName: info.name }, items };
}

export { formatPeriod };
