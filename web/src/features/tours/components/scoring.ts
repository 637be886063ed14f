import type { TourCriterion } from '@tiaodu/contracts';

/** The live total of a sheet being filled: Σ the scores typed so far, to 2 decimals (the server totals exactly). */
export function liveTotal(criteria: readonly TourCriterion[], scores: Record<string, number | null | undefined>): number {
  const cents = criteria.reduce((s, c) => s + Math.round((scores[c.key] ?? 0) * 100), 0);
  return cents / 100;
}

/** Whether every criterion is scored within 0 … its max. */
export function sheetComplete(criteria: readonly TourCriterion[], scores: Record<string, number | null | undefined>): boolean {
  return criteria.every((c) => {
    const v = scores[c.key];
    return typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= c.max;
  });
}

/** A ranking with the item at `index` moved one place up (−1) or down (+1). */
export function move<T>(list: readonly T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  if (to < 0 || to >= list.length) return [...list];
  const out = [...list];
  [out[index], out[to]] = [out[to]!, out[index]!];
  return out;
}

/** 济宁 points of a place: 100, 97, 94 … (never below 0). */
export const placePoints = (place: number) => Math.max(0, 100 - 3 * (place - 1));
