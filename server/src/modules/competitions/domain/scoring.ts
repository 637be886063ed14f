/**
 * 擂台赛 scoring (DOMAIN.md §6, §6.1), as pure functions on exact values: the seven rule kinds,
 * the sequence ranks with the scheme's tie rule, flags (红黄旗), gated lists (红黑榜), yellow
 * streaks (约谈), summed periods (a quarter = the sum of its months) and the Chinese explanation.
 * The service loads the figures from the indicator values; the preview, the compute, the export
 * and the public page all score through `scorePeriod` and `sumPeriods`.
 *
 * Rounding: an item's points are rounded once (2 decimals, half away from zero); a total is the
 * sum of the item points shown; ranks follow the totals shown.
 */
import type { CompetitionItem, CompetitionRule, CompetitionScheme, RankBand } from '@tiaodu/contracts';
import { add, cmp, dec, div, mul, neg, q, sub, ZERO, fixedQ, type Q } from '../../../core/exact.js';
import { competitionRanks } from '../../../core/ranks.js';

/** What one item reads for one contestant. */
export interface ItemFigure {
  /** The figure (indicator value; tour score of 100; sum of adjustments). */
  value: Q | null;
  target: Q | null;
  /** Completion in % (value ÷ target × 100, or the figure itself when it is a % rate). */
  completion: Q | null;
  /** Target met (direction-aware), null without a target. */
  met: boolean | null;
  /** The figure's period, and the text of the figure as shown on the indicator pages. */
  period: string | null;
  display: string | null;
  /** Why there is no figure (missing input), when there is none. */
  missingReason?: string | null;
  /** No figure because the measure does not apply (a rate with nothing to divide by: no planned starts): the item scores nothing and does not block publication. */
  notApplicable?: string | null;
}

export interface ContestantFigures {
  key: string;
  name: string;
  figures: Map<string, ItemFigure>;
}

export interface ItemMeta {
  item: CompetitionItem;
  direction: 'higher' | 'lower';
  /** The indicator's unit ('%', '万元', '个'…), for texts. */
  unit: string;
}

export interface ScoredItem {
  itemId: string;
  name: string;
  points: Q;
  value: Q | null;
  target: Q | null;
  completion: Q | null;
  rank: number | null;
  period: string | null;
  missing: boolean;
  text: string;
  /** What the explanation says of the figure, when more than a number (the reasons of bonus and penalty entries, the tour's rank). */
  detail?: string | null;
}

export interface ScoredRow {
  key: string;
  name: string;
  score: Q;
  items: ScoredItem[];
  rank: number | null;
  previousRank: number | null;
  rankChange: number | null;
  flag: 'red' | 'yellow' | null;
  list: 'red' | 'black' | null;
  met: boolean | null;
  /** Consecutive yellow flags up to this period (flag periods only). */
  yellowRun: number;
  interview: boolean;
  explanation: string;
}

export interface ScoredSequence {
  key: string;
  name: string;
  rows: ScoredRow[];
}

export interface PeriodContext {
  /** Award flags / lists on this period. */
  flags: boolean;
  lists: boolean;
  /** Ranks in the period before (same period type), by contestant key. */
  previousRanks?: Map<string, number | null>;
  /** Consecutive yellow flags up to the previous flag period, by contestant key. */
  previousYellowRun?: Map<string, number>;
  /** Chinese label of the period, for texts. */
  label: string;
}

const HUNDRED = q(100);
const r2 = (x: Q): Q => dec(fixedQ(x, 2));
const minQ = (a: Q, b: Q) => (cmp(a, b) <= 0 ? a : b);
const maxQ = (a: Q, b: Q) => (cmp(a, b) >= 0 ? a : b);
const clamp = (x: Q, lo: Q | null, hi: Q | null) => {
  let v = x;
  if (lo && cmp(v, lo) < 0) v = lo;
  if (hi && cmp(v, hi) > 0) v = hi;
  return v;
};
const n = (x: number) => dec(x);
export const pts = (x: Q) => fixedQ(x, 2).replace(/\.?0+$/, '') || '0';
const pct = (x: Q) => `${fixedQ(x, 1)}%`;

/** Competition ranks (core/ranks.ts) of any rows by a figure, with the tie-break figure if any. */
export function ranksOf<T>(xs: T[], key: (x: T) => Q | null, direction: 'higher' | 'lower', tie?: (x: T) => Q | null): Array<number | null> {
  return competitionRanks(xs.map(key), direction, tie ? xs.map(tie) : undefined);
}

/** The reverse rank (1 = last): 1 + the number strictly worse. */
function reverseRanks(ranks: Array<number | null>): Array<number | null> {
  return ranks.map((r) => (r === null ? null : 1 + ranks.filter((o) => o !== null && o > r).length));
}

/** The 40-point table: full marks at 100%; −a per point short; +b per point to the knee, +c beyond; the adjustment capped at ±cap. */
export function deviationPoints(rule: Extract<CompetitionRule, { kind: 'deviation' }>, completion: Q): Q {
  const diff = sub(completion, HUNDRED);
  let adj: Q;
  if (diff.n < 0n) adj = mul(diff, n(rule.perPointShort));
  else {
    const kneeSpan = sub(n(rule.knee), HUNDRED);
    const upto = minQ(diff, kneeSpan);
    const beyond = maxQ(ZERO, sub(diff, kneeSpan));
    adj = add(mul(upto, n(rule.perPointOver)), mul(beyond, n(rule.perPointBeyond)));
  }
  const cap = n(rule.cap);
  adj = clamp(adj, neg(cap), cap);
  return add(n(rule.full), adj);
}

/** Points of a rank under the bands (0 when no band holds it). */
export function rankBandPoints(bands: RankBand[], rank: number | null): Q {
  if (rank === null) return ZERO;
  const b = bands.find((x) => rank >= x.from && rank <= x.to);
  return b ? n(b.points) : ZERO;
}

/** 功效系数: floor × w + (1 − floor) × w × (x − worst) ÷ (best − worst); full marks when all are equal. */
export function efficacyPoints(weight: number, floor: number, x: Q, lo: Q, hi: Q, direction: 'higher' | 'lower'): Q {
  const w = n(weight);
  if (cmp(lo, hi) === 0) return w;
  const share = direction === 'higher' ? div(sub(x, lo), sub(hi, lo)) : div(sub(hi, x), sub(hi, lo));
  const f = n(floor);
  return add(mul(f, w), mul(mul(sub(q(1), f), w), share));
}

function figureText(m: ItemMeta, f: ItemFigure | undefined): string {
  if (!f || f.value === null) return '无数据';
  const shown = f.display ?? `${pts(f.value)}${m.unit === '%' ? '%' : m.unit}`;
  if (f.target && f.completion) return `${shown}，目标${pts(f.target)}${m.unit === '%' ? '%' : m.unit}，完成${pct(f.completion)}`;
  return shown;
}

/** Scores one item for every contestant of a sequence (rank and efficacy rules need the whole sequence). */
export function scoreItem(meta: ItemMeta, contestants: ContestantFigures[]): ScoredItem[] {
  const { item } = meta;
  const rule = item.rule;
  const figs = contestants.map((c) => c.figures.get(item.id));
  const needsCompletion = rule.kind === 'proportional' || rule.kind === 'deviation' || ((rule.kind === 'rank' || rule.kind === 'efficacy') && rule.by === 'completion');
  const keyOf = (f: ItemFigure | undefined) => (f ? (needsCompletion ? f.completion : f.value) : null);
  const keys = figs.map(keyOf);
  const ranks = rule.kind === 'rank' || rule.kind === 'efficacy' ? ranksOf(keys, (k) => k, meta.direction) : keys.map(() => null);
  const present = keys.filter((k): k is Q => k !== null);
  const lo = present.reduce<Q | null>((a, b) => (a === null || cmp(b, a) < 0 ? b : a), null);
  const hi = present.reduce<Q | null>((a, b) => (a === null || cmp(b, a) > 0 ? b : a), null);
  return figs.map((f, i) => {
    const key = keys[i] ?? null;
    const rank = ranks[i] ?? null;
    const base = { itemId: item.id, name: item.name, value: f?.value ?? null, target: f?.target ?? null, completion: f?.completion ?? null, rank, period: f?.period ?? null };
    if (rule.kind === 'adjustment') {
      const sum = f?.value ?? ZERO;
      const p = r2(clamp(sum, n(rule.min), n(rule.max)));
      const clipped = cmp(p, r2(sum)) !== 0;
      return { ...base, value: sum, points: p, missing: false, detail: f?.display ?? null, text: f?.display ? `${f.display}${clipped ? `（限${pts(n(rule.min))}~${pts(n(rule.max))}分）` : ''}，计${pts(p)}分` : `无加减分` };
    }
    if (key === null && f?.notApplicable) {
      return { ...base, points: ZERO, missing: false, text: `${f.notApplicable}，不适用，不计分` };
    }
    if (key === null) {
      const reason = f?.missingReason ?? (needsCompletion && f?.value != null ? '没有目标，无法计算完成率' : '没有本期数据');
      return { ...base, points: ZERO, missing: true, text: `${reason}，暂计0分` };
    }
    const ft = figureText(meta, f);
    switch (rule.kind) {
      case 'proportional': {
        const share = minQ(div(key, HUNDRED), n(rule.cap));
        const p = r2(mul(n(rule.weight), maxQ(ZERO, share)));
        return { ...base, points: p, missing: false, text: `${ft}，${pts(n(rule.weight))}×${cmp(share, n(rule.cap)) === 0 && cmp(div(key, HUNDRED), n(rule.cap)) > 0 ? `${pts(n(rule.cap))}（封顶）` : pct(key)}=${pts(p)}分` };
      }
      case 'perUnit': {
        const raw = mul(key, n(rule.points));
        const p = r2(clamp(raw, rule.min === null ? null : n(rule.min), rule.max === null ? null : n(rule.max)));
        return { ...base, points: p, missing: false, text: `${ft}，每个${pts(n(rule.points))}分${cmp(p, r2(raw)) !== 0 ? `，封顶${pts(p)}分` : ''}，得${pts(p)}分` };
      }
      case 'deviation': {
        const p = r2(deviationPoints(rule, key));
        const d = sub(p, n(rule.full));
        return { ...base, points: p, missing: false, text: `${ft}，满分${pts(n(rule.full))}${d.n === 0n ? '' : d.n > 0n ? `加${pts(d)}` : `减${pts(neg(d))}`}，得${pts(p)}分` };
      }
      case 'rank': {
        const p = r2(rankBandPoints(rule.bands, rank));
        return { ...base, points: p, missing: false, text: `${ft}，序列第${rank}名，得${pts(p)}分` };
      }
      case 'efficacy': {
        const p = r2(efficacyPoints(rule.weight, rule.floor, key, lo!, hi!, meta.direction));
        return { ...base, points: p, missing: false, text: `${ft}，功效系数得${pts(p)}分` };
      }
      case 'judged': {
        const p = r2(div(mul(n(rule.weight), key), HUNDRED));
        return { ...base, points: p, missing: false, detail: f?.display ?? null, text: `${f?.display ?? ''}观摩评分${pts(key)}分，折合${pts(p)}分` };
      }
    }
  });
}

export interface SequenceInput {
  key: string;
  name: string;
  contestants: ContestantFigures[];
}

function changeText(c: number | null): string {
  if (c === null || c === 0) return c === 0 ? '（位次不变）' : '';
  return c > 0 ? `（上升${c}位）` : `（下降${-c}位）`;
}

/** Flags, lists, streaks, rank change and explanation of a sequence's scored rows (shared by scored and summed periods). */
function finish(scheme: CompetitionScheme, seq: { key: string; name: string }, rows: Omit<ScoredRow, 'rank' | 'previousRank' | 'rankChange' | 'flag' | 'list' | 'yellowRun' | 'interview' | 'explanation'>[], pc: PeriodContext): ScoredSequence {
  const tie = scheme.tieBreak;
  const tieKey = tie ? (r: (typeof rows)[number]) => r.items.find((i) => i.itemId === tie)?.points ?? null : undefined;
  const ranks = ranksOf(rows, (r) => r.score, 'higher', tieKey);
  const rev = reverseRanks(ranks);
  const out: ScoredRow[] = rows.map((r, i) => {
    const rank = ranks[i] ?? null;
    const back = rev[i] ?? null;
    let flag: ScoredRow['flag'] = null;
    if (pc.flags && rank !== null) {
      if (scheme.flags.red > 0 && rank <= scheme.flags.red) flag = 'red';
      else if (scheme.flags.yellow > 0 && back !== null && back <= scheme.flags.yellow) flag = 'yellow';
    }
    let list: ScoredRow['list'] = null;
    if (pc.lists && rank !== null) {
      if (scheme.lists.red > 0 && r.met === true && rank <= scheme.lists.red) list = 'red';
      else if (scheme.lists.black > 0 && r.met === false && back !== null && back <= scheme.lists.black) list = 'black';
    }
    const yellowRun = pc.flags ? (flag === 'yellow' ? (pc.previousYellowRun?.get(r.key) ?? 0) + 1 : 0) : (pc.previousYellowRun?.get(r.key) ?? 0);
    const interview = pc.flags && scheme.flags.yellowStreak > 0 && yellowRun >= scheme.flags.yellowStreak;
    const previousRank = pc.previousRanks?.get(r.key) ?? null;
    const rankChange = previousRank === null || rank === null ? null : previousRank - rank;
    // the explanation names each item's figure and points; the rule's arithmetic is in the item's own text
    const parts = r.items.map((it) => `${it.name}${it.detail ? `（${it.detail}）` : it.rank !== null && it.completion === null ? `第${it.rank}名` : it.completion !== null ? pct(it.completion) : it.value !== null && !it.missing ? pts(it.value) : it.missing ? '缺数据' : ''}，得${pts(it.points)}分`);
    const tail = [`合计${pts(r.score)}分，${seq.name}第${rank ?? '—'}名${changeText(rankChange)}`];
    if (flag) tail.push(flag === 'red' ? '红旗' : '黄旗');
    if (list) tail.push(list === 'red' ? '红榜' : '黑榜');
    if (interview) tail.push(`连续${yellowRun}次黄旗，约谈`);
    return { ...r, rank, previousRank, rankChange, flag, list, yellowRun, interview, explanation: `${r.name}${pc.label}：${parts.join('；')}。${tail.join('；')}。` };
  });
  out.sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9));
  return { key: seq.key, name: seq.name, rows: out };
}

/** Met = every target-bearing list item met (the scheme's items, or every item with a target); null when none has a target. */
export function metOf(scheme: CompetitionScheme, figures: Map<string, ItemFigure>): boolean | null {
  const ids = scheme.lists.metItems.length ? scheme.lists.metItems : scheme.items.map((i) => i.id);
  const checks = ids.map((id) => figures.get(id)?.met ?? null).filter((m): m is boolean => m !== null);
  if (!checks.length) return scheme.lists.metItems.length ? false : null;
  return checks.every(Boolean);
}

/** Scores one period of the competition's own cadence from the figures. */
export function scorePeriod(scheme: CompetitionScheme, metas: Map<string, ItemMeta>, sequences: SequenceInput[], pc: PeriodContext): ScoredSequence[] {
  return sequences.map((seq) => {
    const items = scheme.items.filter((it) => !it.sequences.length || it.sequences.includes(seq.key));
    const perItem = items.map((it) => scoreItem(metas.get(it.id)!, seq.contestants));
    const rows = seq.contestants.map((c, ci) => {
      const scored = perItem.map((list) => list[ci]!);
      return { key: c.key, name: c.name, score: scored.reduce((s, x) => add(s, x.points), ZERO), items: scored, met: metOf(scheme, c.figures) };
    });
    return finish(scheme, seq, rows, pc);
  });
}

/** A longer period as the sum of its parts' scores (a quarter = its three months), item by item; met as of the last part. */
export function sumPeriods(scheme: CompetitionScheme, parts: Array<{ period: string; label: string; sequences: ScoredSequence[] }>, pc: PeriodContext): ScoredSequence[] {
  const last = parts[parts.length - 1]!;
  return last.sequences.map((seq) => {
    const keys = new Set<string>();
    for (const p of parts) for (const s of p.sequences) if (s.key === seq.key) for (const r of s.rows) keys.add(r.key);
    const rows = [...keys].map((key) => {
      const own = parts.map((p) => ({ p, row: p.sequences.find((s) => s.key === seq.key)?.rows.find((r) => r.key === key) ?? null }));
      const lastRow = [...own].reverse().find((o) => o.row)!.row!;
      const itemIds = [...new Set(own.flatMap((o) => o.row?.items.map((i) => i.itemId) ?? []))];
      const items: ScoredItem[] = itemIds.map((id) => {
        const per = own.map((o) => ({ label: o.p.label, item: o.row?.items.find((i) => i.itemId === id) ?? null }));
        const points = per.reduce((s, x) => add(s, x.item?.points ?? ZERO), ZERO);
        const missing = per.some((x) => !x.item || x.item.missing);
        const name = per.find((x) => x.item)!.item!.name;
        return {
          itemId: id,
          name,
          points,
          value: null,
          target: null,
          completion: null,
          rank: null,
          period: null,
          missing,
          text: per.map((x) => `${x.label}${x.item ? pts(x.item.points) : '—'}分`).join('+') + `=${pts(points)}分`,
        };
      });
      return { key, name: lastRow.name, score: items.reduce((s, x) => add(s, x.points), ZERO), items, met: lastRow.met };
    });
    return finish(scheme, seq, rows, pc);
  });
}

/** A row's score and the items' points as numbers (they are exact 2-decimal values). */
export const asNumber = (x: Q): number => Number(fixedQ(x, 2));
