/**
 * One league table of an indicator for a period over a group of units: each unit's figure,
 * growth, target check, rank and rank change, the group's average and leader (DOMAIN.md §6.1).
 * Pure: the service loads the rows, this decides. The values API, the benchmark page, and later
 * competitions and bulletins read through it.
 */
import type { IndicatorAccumulation, IndicatorDirection, IndicatorRankBy, Light, Period, RuleSetConfig } from '@tiaodu/contracts';
import { sub, type Q } from '../../../core/exact.js';
import { competitionRanks } from '../../../core/ranks.js';
import { averageQ, bestQ, growthQ, rankChange } from './figures.js';
import { checkTarget } from './targets.js';

export interface LeagueIndicator {
  direction: IndicatorDirection;
  accumulation: IndicatorAccumulation;
  rankBy: IndicatorRankBy;
  /** A rate in %: its 增速 is not computed from last year (a change of a rate is in points, not a growth). */
  percent?: boolean;
}

export interface UnitFacts {
  key: string;
  /** The figure that counts (accepted, imported or computed), null: none. */
  value: Q | null;
  /** 增速 given with the figure (imported), else computed from lastYear. */
  growth: Q | null;
  /** The figure of the same period a year before (for growth). */
  lastYear: Q | null;
  target: Q | null;
  breakdown: Array<Q | null> | null;
}

export interface LeagueRow {
  key: string;
  value: Q | null;
  growth: Q | null;
  target: Q | null;
  progress: Q | null;
  timeProgress: Q | null;
  deviation: Q | null;
  light: Light | null;
  lightDetail: string | null;
  /** What the rank is decided on. */
  rankKey: Q | null;
  rank: number | null;
  rankChange: number | null;
  gapToAverage: Q | null;
  gapToLeader: Q | null;
}

export interface League {
  rows: LeagueRow[];
  averageValue: Q | null;
  averageGrowth: Q | null;
  /** Average of the rank key (what gaps are measured against). */
  averageKey: Q | null;
  leaderKey: string | null;
}

/**
 * The league of one period. `previousRanks` (by key) gives rank change; null entries are units
 * that had no rank then.
 */
export function league(ind: LeagueIndicator, period: Period, units: UnitFacts[], rules: RuleSetConfig, today: string, previousRanks?: Map<string, number | null>): League {
  const rows: LeagueRow[] = units.map((u) => {
    const growth = u.growth ?? (ind.percent ? null : growthQ(u.value, u.lastYear));
    const check = checkTarget({ direction: ind.direction, accumulation: ind.accumulation, period, value: u.value, target: u.target, breakdown: u.breakdown }, rules, today);
    const rankKey = ind.rankBy === 'growth' ? growth : ind.rankBy === 'completion' ? check.progress : u.value;
    return {
      key: u.key,
      value: u.value,
      growth,
      target: check.target,
      progress: check.progress,
      timeProgress: check.timeProgress,
      deviation: check.deviation,
      light: check.light,
      lightDetail: check.detail,
      rankKey,
      rank: null,
      rankChange: null,
      gapToAverage: null,
      gapToLeader: null,
    };
  });
  // growth is better higher whatever the indicator; completion and value follow the direction
  const dir: IndicatorDirection = ind.rankBy === 'growth' ? 'higher' : ind.direction;
  const keys = rows.map((r) => r.rankKey);
  const ranks = competitionRanks(keys, dir);
  const avg = averageQ(keys);
  const best = bestQ(keys, dir);
  rows.forEach((r, i) => {
    r.rank = ranks[i] ?? null;
    r.rankChange = previousRanks ? rankChange(previousRanks.get(r.key), r.rank) : null;
    if (r.rankKey) {
      r.gapToAverage = avg ? sub(r.rankKey, avg) : null;
      r.gapToLeader = best ? (dir === 'higher' ? sub(r.rankKey, best) : sub(best, r.rankKey)) : null;
    }
  });
  const leader = rows.find((r) => r.rank === 1) ?? null;
  return {
    rows,
    averageValue: averageQ(rows.map((r) => r.value)),
    averageGrowth: averageQ(rows.map((r) => r.growth)),
    averageKey: avg,
    leaderKey: leader?.key ?? null,
  };
}

/** The ranks of a league by key (for the next period's rank change). */
export function ranksOf(l: League): Map<string, number | null> {
  return new Map(l.rows.map((r) => [r.key, r.rank]));
}
