import { cmp, type Q } from './exact.js';

/**
 * Competition ranks — the one ranking of the platform (indicator leagues, 擂台赛 items and totals,
 * 观摩评比 projects and regions): rank = 1 + the number of units strictly better, so ties share a
 * rank and the next is skipped (1, 1, 3). A unit without a figure has no rank (null), not the last.
 * `ties`, when given, breaks equal figures (the scheme's 同分比较项, in the same direction): only
 * units equal on both share a rank; a unit without a tie figure stays tied.
 */
export function competitionRanks(keys: ReadonlyArray<Q | null>, direction: 'higher' | 'lower', ties?: ReadonlyArray<Q | null>): Array<number | null> {
  const better = (a: Q, b: Q) => (direction === 'higher' ? cmp(a, b) : cmp(b, a));
  return keys.map((k, i) => {
    if (!k) return null;
    let n = 0;
    keys.forEach((o, j) => {
      if (!o) return;
      let c = better(o, k);
      if (c === 0 && ties) {
        const a = ties[j];
        const b = ties[i];
        if (a && b) c = cmp(a, b);
      }
      if (c > 0) n++;
    });
    return n + 1;
  });
}
