/**
 * How a tour's judges' sheets become scores and ranks (pure, exact: core/exact.ts).
 *
 * - A rubric sheet's total = Σ the criteria's scores (each within 0 … its max).
 * - mean = Σ totals ÷ n over the judges who scored the nomination.
 * - trimmed mean = drop one highest and one lowest total, mean of the rest; needs ≥ 3 judges,
 *   with fewer it is the plain mean (and says so).
 * - borda (济宁 rank votes): each judge ranks every nomination; place k is worth 100 − 3(k − 1)
 *   points (never below 0); a nomination's score = Σ points of its votes ÷ its number of votes.
 * - score100 = the method's score on a scale of 100: total ÷ Σ max × 100 for rubric sheets; borda
 *   is already of 100.
 * - a region's score = the mean of its scored nominations' exact scores.
 * - ranks are competition ranks on the scores as shown (2 decimals, half away from zero):
 *   1 + the number strictly better, so ties share a rank and the next is skipped (1, 1, 3);
 *   no score, no rank.
 */
import { add, cmp, dec, div, mul, q, roundQ, type Q } from '../../../core/exact.js';
import { competitionRanks } from '../../../core/ranks.js';

export type Method = 'mean' | 'trimmed' | 'borda';
export interface Criterion {
  key: string;
  name: string;
  max: number;
}
export interface Issue {
  path: string;
  message: string;
}

const HUNDRED = q(100);

/** The mean of exact values; null for none. */
export function mean(xs: readonly Q[]): Q | null {
  if (!xs.length) return null;
  return div(xs.reduce(add, q(0)), q(xs.length));
}

/** Drop one highest and one lowest, mean of the rest; fewer than 3 values: the plain mean, `trimmed: false`. */
export function trimmedMean(xs: readonly Q[]): { value: Q | null; trimmed: boolean } {
  if (xs.length < 3) return { value: mean(xs), trimmed: false };
  const sorted = [...xs].sort(cmp);
  return { value: mean(sorted.slice(1, -1)), trimmed: true };
}

/** Points of place k (1-based) in the 济宁 rank vote: 100, 97, 94 … (13th = 64), never below 0. */
export function placePoints(place: number): number {
  return Math.max(0, 100 - 3 * (place - 1));
}

/** Σ votes at place k × (100 − 3(k − 1)) ÷ the number of votes; null without votes. `places` lists the place of each vote. */
export function bordaScore(places: readonly number[]): Q | null {
  if (!places.length) return null;
  return q(places.reduce((s, p) => s + placePoints(p), 0), places.length);
}

/** The same from a vote table: votes[k − 1] = number of votes at place k. */
export function bordaFromVotes(votes: readonly number[]): Q | null {
  const places = votes.flatMap((n, i) => Array.from({ length: n }, () => i + 1));
  return bordaScore(places);
}

/** A value as shown: rounded once to 2 decimals, half away from zero, as an exact fraction. */
export function shown(x: Q): Q {
  return dec(roundQ(x, 2).toFixed(2));
}

/** Competition ranks (core/ranks.ts), higher is better, on the values as shown; null values get no rank. */
export function ranks<K>(items: ReadonlyArray<{ key: K; value: Q | null }>): Map<K, number | null> {
  const r = competitionRanks(items.map((i) => (i.value ? shown(i.value) : null)), 'higher');
  return new Map(items.map((it, i) => [it.key, r[i]!]));
}

/** Σ max of the criteria: a sheet's full marks. */
export function fullMarks(criteria: readonly Criterion[]): Q {
  return criteria.reduce((s, c) => add(s, dec(c.max)), q(0));
}

/**
 * The exact scores of a rubric sheet, or the issues (Chinese, field named `scores.<key>`): every
 * criterion scored, none unknown, each within 0 … max, at most 2 decimals.
 */
export function checkSheet(criteria: readonly Criterion[], scores: Record<string, number>): { scores: Record<string, Q>; total: Q; issues: Issue[] } {
  const issues: Issue[] = [];
  const out: Record<string, Q> = {};
  for (const k of Object.keys(scores)) if (!criteria.some((c) => c.key === k)) issues.push({ path: `scores.${k}`, message: `没有评分项「${k}」` });
  for (const c of criteria) {
    const v = scores[c.key];
    const path = `scores.${c.key}`;
    if (v === undefined || v === null) {
      issues.push({ path, message: `请为「${c.name}」打分` });
      continue;
    }
    const x = dec(v);
    if (cmp(x, q(0)) < 0) issues.push({ path, message: `「${c.name}」的分数不能为负数` });
    else if (cmp(x, dec(c.max)) > 0) issues.push({ path, message: `「${c.name}」的分数不能超过满分 ${c.max} 分` });
    else if (cmp(mul(x, q(100)), q(roundQ(mul(x, q(100)), 0))) !== 0) issues.push({ path, message: `「${c.name}」的分数最多保留两位小数` });
    out[c.key] = x;
  }
  const total = Object.values(out).reduce(add, q(0));
  return { scores: out, total, issues };
}

/** A ranking must name every nomination once; the issue (path `ranking`) or null. */
export function checkRanking(nominationIds: readonly number[], ranking: readonly number[]): Issue | null {
  const want = new Set(nominationIds);
  const seen = new Set<number>();
  for (const id of ranking) {
    if (!want.has(id)) return { path: 'ranking', message: `排序中的项目 ${id} 不属于本次观摩` };
    if (seen.has(id)) return { path: 'ranking', message: '排序中有重复的项目' };
    seen.add(id);
  }
  if (seen.size !== want.size) return { path: 'ranking', message: `请为全部 ${want.size} 个项目排出名次` };
  return null;
}

export interface NominationIn {
  id: number;
  regionCode: string;
}
export interface SheetIn {
  judgeUserId: number;
  nominationId: number;
  total: Q;
}
export interface RankingIn {
  judgeUserId: number;
  ranking: readonly number[];
}
export interface NominationOut {
  id: number;
  regionCode: string;
  judges: number;
  mean: Q | null;
  trimmedMean: Q | null;
  trimmed: boolean;
  borda: Q | null;
  /** The method's score (sheet scale, or of 100 for borda). */
  score: Q | null;
  score100: Q | null;
  rank: number | null;
}
export interface RegionOut {
  regionCode: string;
  nominations: number;
  scored: number;
  judges: number;
  score: Q | null;
  score100: Q | null;
  rank: number | null;
}

/** Every nomination's and every region's score and rank under a method. */
export function aggregate(input: { method: Method; criteria: readonly Criterion[]; nominations: readonly NominationIn[]; sheets: readonly SheetIn[]; rankings: readonly RankingIn[] }): { nominations: NominationOut[]; regions: RegionOut[] } {
  const full = fullMarks(input.criteria);
  const noms: NominationOut[] = input.nominations.map((n) => {
    if (input.method === 'borda') {
      const places = input.rankings.flatMap((r) => {
        const i = r.ranking.indexOf(n.id);
        return i < 0 ? [] : [i + 1];
      });
      const b = bordaScore(places);
      return { id: n.id, regionCode: n.regionCode, judges: places.length, mean: null, trimmedMean: null, trimmed: false, borda: b, score: b, score100: b, rank: null };
    }
    const totals = input.sheets.filter((s) => s.nominationId === n.id).map((s) => s.total);
    const m = mean(totals);
    const t = trimmedMean(totals);
    const score = input.method === 'trimmed' ? t.value : m;
    return { id: n.id, regionCode: n.regionCode, judges: totals.length, mean: m, trimmedMean: t.value, trimmed: t.trimmed, borda: null, score, score100: score && cmp(full, q(0)) > 0 ? div(mul(score, HUNDRED), full) : null, rank: null };
  });
  const r = ranks(noms.map((n) => ({ key: n.id, value: n.score })));
  for (const n of noms) n.rank = r.get(n.id) ?? null;

  const codes = [...new Set(input.nominations.map((n) => n.regionCode))];
  const regions: RegionOut[] = codes.map((code) => {
    const own = noms.filter((n) => n.regionCode === code);
    const scored = own.filter((n) => n.score);
    const judgeIds = new Set<number>();
    const ids = new Set(own.map((n) => n.id));
    for (const s of input.sheets) if (ids.has(s.nominationId)) judgeIds.add(s.judgeUserId);
    if (input.method === 'borda') for (const k of input.rankings) if (k.ranking.some((id) => ids.has(id))) judgeIds.add(k.judgeUserId);
    return {
      regionCode: code,
      nominations: own.length,
      scored: scored.length,
      judges: judgeIds.size,
      score: mean(scored.map((n) => n.score!)),
      score100: mean(scored.map((n) => n.score100!)),
      rank: null,
    };
  });
  const rr = ranks(regions.map((g) => ({ key: g.regionCode, value: g.score100 })));
  for (const g of regions) g.rank = rr.get(g.regionCode) ?? null;
  return { nominations: noms, regions };
}
