/**
 * Scoring a period of a competition: the figures each item reads — the indicator values through
 * the one indicator-value service (`leaguesOf`: the same figure, target and completion the
 * indicator pages show), a tour's scores, the adjustments entered — then the pure domain
 * (`scorePeriod`, `sumPeriods`). Used by compute, preview and the bench alike.
 */
import { parsePeriod, periodLabel, formatPeriod, previousPeriod, type CompetitionScheme, type Indicator, type MissingInput, type UnitOption, type UnitRef } from '@tiaodu/contracts';
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import type { DbOrTx } from '../../db/client.js';
import { AppError } from '../../core/errors.js';
import { add, cmp, dec, fixedQ, ZERO, type Q } from '../../core/exact.js';
import { getIndicator } from '../indicators/indicators.service.js';
import { leaguesOf } from '../indicators/indicators.values.js';
import { unitNames } from '../indicators/indicators.units.js';
import { tourUnitScores } from '../tours/tours.service.js';
import { asNumber, scorePeriod, sumPeriods, type ContestantFigures, type ItemFigure, type ItemMeta, type ScoredSequence } from './domain/scoring.js';

export const unitKeyOf = (u: UnitRef) => `${u.unitType}:${u.unitId}`;

/** The period of an indicator's cadence whose figure a competition period reads: the last one ending by the competition period's end, in its year. */
export function indicatorPeriodFor(cadence: Indicator['cadence'], period: string): string | null {
  const p = parsePeriod(period)!;
  const span = cadence === 'month' ? 1 : cadence === 'quarter' ? 3 : cadence === 'halfYear' ? 6 : 12;
  const index = Math.floor(p.endMonth / span);
  if (index < 1) return null;
  return formatPeriod({ year: p.year, cadence, index });
}

/** Whether a date (YYYY-MM-DD) falls in a period. */
export function periodContains(period: string, date: string): boolean {
  const p = parsePeriod(period)!;
  const span = p.cadence === 'month' ? 1 : p.cadence === 'quarter' ? 3 : p.cadence === 'halfYear' ? 6 : 12;
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  return y === p.year && m > p.endMonth - span && m <= p.endMonth;
}

/** The parts a longer period sums (a quarter of a monthly competition: its three months). */
export function partsOf(cadence: 'month' | 'quarter', period: string): string[] | null {
  const p = parsePeriod(period)!;
  const span = cadence === 'month' ? 1 : 3;
  const own = p.cadence === cadence;
  if (own) return null;
  const len = p.cadence === 'quarter' ? 3 : p.cadence === 'halfYear' ? 6 : p.cadence === 'year' ? 12 : 0;
  if (len < span) throw new AppError('VALIDATION', `按${cadence === 'quarter' ? '季' : '月'}计分的擂台赛不能计算${periodLabel(period)}`, [{ path: 'period', message: '期别短于计分周期' }]);
  const out: string[] = [];
  for (let m = p.endMonth - len + span; m <= p.endMonth; m += span) out.push(formatPeriod({ year: p.year, cadence, index: m / span }));
  return out;
}

export interface StoredRow {
  contestantId: string;
  unitType: UnitRef['unitType'];
  unitId: string;
  name: string;
  score: number;
  items: Array<{ itemId: string; name: string; points: number; input: { value: number | null; target: number | null; completion: number | null; rank: number | null; period: string | null; missing: boolean; text: string } }>;
  rank: number | null;
  previousRank: number | null;
  rankChange: number | null;
  flag: 'red' | 'yellow' | null;
  list: 'red' | 'black' | null;
  met: boolean | null;
  interview: boolean;
  yellowRun: number;
  explanation: string;
}
export interface StoredResults {
  sequences: Array<{ key: string; name: string; rows: StoredRow[] }>;
}
export interface Evaluation {
  results: StoredResults;
  missing: MissingInput[];
  parts: Array<{ period: string; revision: number; status: string }>;
  flags: boolean;
  lists: boolean;
}

const num = (x: Q | null) => (x === null ? null : asNumber(x));

function store(seqs: ScoredSequence[]): StoredResults {
  return {
    sequences: seqs.map((s) => ({
      key: s.key,
      name: s.name,
      rows: s.rows.map((r) => {
        const [unitType, ...rest] = r.key.split(':');
        return {
          contestantId: r.key,
          unitType: unitType as UnitRef['unitType'],
          unitId: rest.join(':'),
          name: r.name,
          score: asNumber(r.score),
          items: r.items.map((i) => ({ itemId: i.itemId, name: i.name, points: asNumber(i.points), input: { value: num(i.value), target: num(i.target), completion: i.completion === null ? null : Number(fixedQ(i.completion, 2)), rank: i.rank, period: i.period, missing: i.missing, text: i.text } })),
          rank: r.rank,
          previousRank: r.previousRank,
          rankChange: r.rankChange,
          flag: r.flag,
          list: r.list,
          met: r.met,
          interview: r.interview,
          yellowRun: r.yellowRun,
          explanation: r.explanation,
        };
      }),
    })),
  };
}

/** Stored rows back as exact scored sequences (their numbers are exact 2-decimal values). */
function restore(res: StoredResults): ScoredSequence[] {
  return res.sequences.map((s) => ({
    key: s.key,
    name: s.name,
    rows: s.rows.map((r) => ({
      key: r.contestantId,
      name: r.name,
      score: dec(r.score),
      items: r.items.map((i) => ({ itemId: i.itemId, name: i.name, points: dec(i.points), value: null, target: null, completion: null, rank: null, period: i.input.period, missing: i.input.missing, text: i.input.text })),
      rank: r.rank,
      previousRank: r.previousRank,
      rankChange: r.rankChange,
      flag: r.flag,
      list: r.list,
      met: r.met,
      yellowRun: r.yellowRun,
      interview: r.interview,
      explanation: r.explanation,
    })),
  }));
}

/** The latest snapshot of a period that counts (published, else draft). */
export async function latestSnapshot(db: DbOrTx, competitionId: number, period: string, publishedOnly = false): Promise<{ id: number; revision: number; status: string; results: StoredResults } | null> {
  const r = await db.execute(sql`SELECT id, revision, status, results FROM competition_snapshots WHERE competition_id = ${competitionId} AND period = ${period} AND status ${publishedOnly ? sql`= 'published'` : sql`<> 'superseded'`}
    ORDER BY (status = 'published') DESC, revision DESC LIMIT 1`);
  const x = r.rows[0] as { id: number; revision: number; status: string; results: unknown } | undefined;
  if (!x) return null;
  return { id: Number(x.id), revision: Number(x.revision), status: x.status, results: (typeof x.results === 'string' ? JSON.parse(x.results) : x.results) as StoredResults };
}

function displayOf(ind: Indicator, v: Q): string {
  const text = fixedQ(v, ind.decimals);
  return ind.unit === '%' ? `${text}%` : `${text}${ind.unit}`;
}

/** Loads every item's figure for every contestant of a period of the competition's own cadence. */
async function loadFigures(ctx: Ctx, competitionId: number, scheme: CompetitionScheme, period: string, contestants: UnitOption[]): Promise<{ metas: Map<string, ItemMeta>; figures: Map<string, Map<string, ItemFigure>> }> {
  const metas = new Map<string, ItemMeta>();
  const figures = new Map<string, Map<string, ItemFigure>>(contestants.map((c) => [unitKeyOf(c), new Map()]));
  const set = (key: string, itemId: string, f: ItemFigure) => figures.get(key)?.set(itemId, f);
  const byIndicator = new Map<number, Array<(typeof scheme.items)[number]>>();
  for (const it of scheme.items) {
    if (it.indicatorId) byIndicator.set(it.indicatorId, [...(byIndicator.get(it.indicatorId) ?? []), it]);
  }
  for (const [indicatorId, items] of byIndicator) {
    const ind = await getIndicator(ctx.db, indicatorId);
    for (const it of items) metas.set(it.id, { item: it, direction: ind.direction, unit: ind.unit });
    const ip = indicatorPeriodFor(ind.cadence, period);
    if (!ip) {
      for (const c of contestants) for (const it of items) set(unitKeyOf(c), it.id, { value: null, target: null, completion: null, met: null, period: null, display: null, missingReason: `「${ind.name}」为${ind.cadence === 'quarter' ? '季度' : ind.cadence === 'halfYear' ? '半年' : '年度'}指标，本期尚无数据` });
      continue;
    }
    const { leagues } = await leaguesOf(ctx, { ind, units: contestants, periods: [ip], growth: false });
    const rows = new Map(leagues.get(ip)!.rows.map((r) => [r.key, r]));
    for (const c of contestants) {
      const k = unitKeyOf(c);
      const r = rows.get(k);
      for (const it of items) {
        const basis = 'basis' in it.rule ? it.rule.basis : 'auto';
        const value = r?.value ?? null;
        const target = r?.target ?? null;
        let completion: Q | null = null;
        if (value !== null) {
          if (basis === 'target' || (basis === 'auto' && target !== null)) completion = r?.progress ?? null;
          else if (basis === 'rate' || (basis === 'auto' && ind.unit === '%')) completion = value;
        }
        const met = value !== null && target !== null ? (ind.direction === 'higher' ? cmp(value, target) >= 0 : cmp(value, target) <= 0) : null;
        // a computed figure is never missing: without one the measure does not apply (a rate with a zero denominator)
        const na = value === null && ind.source === 'computed' ? `「${ind.name}」${periodLabel(ip)}无可计算的基数` : null;
        set(k, it.id, { value, target, completion, met, period: ip, display: value === null ? null : displayOf(ind, value), missingReason: value === null && !na ? `「${ind.name}」${periodLabel(ip)}没有数据` : null, notApplicable: na });
      }
    }
  }
  for (const it of scheme.items) {
    if (it.rule.kind === 'judged') {
      metas.set(it.id, { item: it, direction: 'higher', unit: '分' });
      const tour = await tourUnitScores(ctx, it.rule.tourId);
      // a tour counts in the period of its date (a quarter sums it with the months around it)
      const inPeriod = tour ? periodContains(period, tour.date) : true;
      for (const c of contestants) {
        const k = unitKeyOf(c);
        const s = tour?.units.get(k);
        let f: ItemFigure = { value: null, target: null, completion: null, met: null, period: null, display: null };
        if (!tour) f = { ...f, missingReason: '观摩评比活动不存在' };
        else if (!inPeriod) f = { ...f, notApplicable: `本期没有「${tour.name}」` };
        else if (tour.status !== 'closed') f = { ...f, missingReason: `「${tour.name}」尚未结束评分` };
        else if (s?.score == null) f = { ...f, notApplicable: `未参加「${tour.name}」` };
        else f = { ...f, value: s.score, period, display: `「${tour.name}」第${s.rank}名` };
        set(k, it.id, f);
      }
    }
    if (it.rule.kind === 'adjustment') metas.set(it.id, { item: it, direction: 'higher', unit: '分' });
  }
  const adj = scheme.items.filter((i) => i.rule.kind === 'adjustment').map((i) => i.id);
  if (adj.length) {
    const r = await ctx.db.execute(sql`SELECT unit_type, unit_id, item_id, points, reason FROM competition_adjustments WHERE competition_id = ${competitionId} AND period = ${period} ORDER BY id`);
    const sums = new Map<string, { sum: Q; texts: string[] }>();
    for (const x of r.rows as Array<{ unit_type: string; unit_id: string; item_id: string; points: string; reason: string }>) {
      const k = `${x.unit_type}:${x.unit_id}|${x.item_id}`;
      const cur = sums.get(k) ?? { sum: ZERO, texts: [] };
      const p = dec(x.points);
      cur.sum = add(cur.sum, p);
      cur.texts.push(`${x.reason}${p.n >= 0n ? '+' : ''}${fixedQ(p, 2).replace(/\.?0+$/, '')}`);
      sums.set(k, cur);
    }
    for (const c of contestants) {
      const k = unitKeyOf(c);
      for (const id of adj) {
        const s = sums.get(`${k}|${id}`);
        set(k, id, { value: s?.sum ?? null, target: null, completion: null, met: null, period, display: s ? s.texts.join('、') : null });
      }
    }
  }
  return { metas, figures };
}

/** Contestants of a scheme with their names (the scheme's names are kept when a unit is gone). */
export async function contestantsOf(db: DbOrTx, scheme: CompetitionScheme): Promise<Map<string, UnitOption>> {
  const all = scheme.sequences.flatMap((s) => s.contestants);
  const names = await unitNames(db, all);
  return new Map(all.map((c) => [unitKeyOf(c), { unitType: c.unitType, unitId: c.unitId, unitName: names.get(unitKeyOf(c))?.name ?? c.name ?? c.unitId, level: names.get(unitKeyOf(c))?.level ?? null, parentName: null }]));
}

async function previousContext(db: DbOrTx, competitionId: number, scheme: CompetitionScheme, period: string) {
  const prev = previousPeriod(period)!;
  const samePrev = parsePeriod(prev)!.year === parsePeriod(period)!.year ? await latestSnapshot(db, competitionId, prev) : null;
  const previousRanks = samePrev ? new Map(samePrev.results.sequences.flatMap((s) => s.rows.map((r) => [r.contestantId, r.rank] as const))) : undefined;
  const p = parsePeriod(period)!;
  const flags = p.cadence === scheme.flags.period;
  const lists = p.cadence === scheme.lists.period;
  let previousYellowRun: Map<string, number> | undefined;
  if (flags) {
    // a streak runs across years: the flag period before, whatever its year (same competition only)
    const pf = samePrev ?? null;
    if (pf) previousYellowRun = new Map(pf.results.sequences.flatMap((s) => s.rows.map((r) => [r.contestantId, r.yellowRun ?? 0] as const)));
  }
  return { previousRanks, previousYellowRun, flags, lists };
}

/** Scores a period under a scheme: scored from the figures (the competition's cadence) or summed from its parts' snapshots. */
export async function evaluate(ctx: Ctx, comp: { id: number; cadence: 'month' | 'quarter' }, scheme: CompetitionScheme, period: string): Promise<Evaluation> {
  const label = periodLabel(period);
  const units = await contestantsOf(ctx.db, scheme);
  const pc0 = await previousContext(ctx.db, comp.id, scheme, period);
  const pc = { ...pc0, label };
  const parts = partsOf(comp.cadence, period);
  const missing: MissingInput[] = [];
  if (!parts) {
    const { metas, figures } = await loadFigures(ctx, comp.id, scheme, period, [...units.values()]);
    const seqs = scorePeriod(
      scheme,
      metas,
      scheme.sequences.map((s) => ({ key: s.key, name: s.name, contestants: s.contestants.map((c) => ({ key: unitKeyOf(c), name: units.get(unitKeyOf(c))!.unitName, figures: figures.get(unitKeyOf(c))! }) satisfies ContestantFigures) })),
      pc,
    );
    for (const s of seqs) for (const r of s.rows) for (const i of r.items) if (i.missing) missing.push({ contestantId: r.key, name: r.name, itemId: i.itemId, item: i.name, reason: i.text.replace(/，暂计0分$/, '') });
    return { results: store(seqs), missing, parts: [], flags: pc.flags, lists: pc.lists };
  }
  const got: Array<{ period: string; label: string; sequences: ScoredSequence[]; revision: number; status: string }> = [];
  for (const p of parts) {
    const snap = await latestSnapshot(ctx.db, comp.id, p);
    if (!snap) {
      missing.push({ contestantId: '', name: '', itemId: '', item: periodLabel(p), reason: `${periodLabel(p)}的成绩尚未计算` });
      continue;
    }
    if (snap.status !== 'published') missing.push({ contestantId: '', name: '', itemId: '', item: periodLabel(p), reason: `${periodLabel(p)}的成绩尚未发布` });
    got.push({ period: p, label: `${parsePeriod(p)!.index}${comp.cadence === 'month' ? '月' : '季度'}`, sequences: restore(snap.results), revision: snap.revision, status: snap.status });
  }
  if (!got.length) {
    const empty = scheme.sequences.map((s) => ({ key: s.key, name: s.name, rows: [] as StoredRow[] }));
    return { results: { sequences: empty }, missing, parts: [], flags: pc.flags, lists: pc.lists };
  }
  const seqs = sumPeriods(scheme, got, pc);
  return { results: store(seqs), missing, parts: got.map((g) => ({ period: g.period, revision: g.revision, status: g.status })), flags: pc.flags, lists: pc.lists };
}

/** The compact copy a leaderboard reads. */
export function summaryOf(res: StoredResults): Record<string, { seq: string; name: string; score: number; rank: number | null; flag: string | null; list: string | null; interview: boolean }> {
  const out: Record<string, { seq: string; name: string; score: number; rank: number | null; flag: string | null; list: string | null; interview: boolean }> = {};
  for (const s of res.sequences) for (const r of s.rows) out[r.contestantId] = { seq: s.key, name: r.name, score: r.score, rank: r.rank, flag: r.flag, list: r.list, interview: r.interview };
  return out;
}
