import { formatPeriod, parsePeriod, periodsPerYear, type IndicatorCadence } from '@tiaodu/contracts';

const RANK: Record<IndicatorCadence, number> = { month: 0, quarter: 1, halfYear: 2, year: 3 };

/** Orders periods by the month they end, a month before the quarter that ends with it (2026-03, 2026-Q1, 2026-04 …). */
export function periodOrder(p: string): number {
  const x = parsePeriod(p);
  return x ? x.year * 1000 + x.endMonth * 10 + RANK[x.cadence] : 0;
}

export const byPeriod = (a: string, b: string) => periodOrder(a) - periodOrder(b);

/** The periods a competition of this cadence scores in its year: its months (monthly) or quarters, then the quarters, halves and the year its flags and lists may be awarded on. */
export function periodsOfCompetition(cadence: 'month' | 'quarter', year: number): string[] {
  const kinds: IndicatorCadence[] = cadence === 'month' ? ['month', 'quarter', 'halfYear', 'year'] : ['quarter', 'halfYear', 'year'];
  return kinds.flatMap((c) => Array.from({ length: periodsPerYear(c) }, (_, i) => formatPeriod({ year, cadence: c, index: i + 1 }))).sort(byPeriod);
}

/** The next period of the competition's cadence to compute: the one after the latest computed, or the first of the year. */
export function nextToCompute(cadence: 'month' | 'quarter', year: number, computed: readonly string[]): string {
  const own = computed.filter((p) => parsePeriod(p)?.cadence === cadence && parsePeriod(p)?.year === year).sort(byPeriod);
  const last = own.at(-1);
  if (!last) return formatPeriod({ year, cadence, index: 1 });
  const p = parsePeriod(last)!;
  return p.index < periodsPerYear(cadence) ? formatPeriod({ year, cadence, index: p.index + 1 }) : last;
}

/** Whether a period has ended by `today` (YYYY-MM-DD). */
export function hasEnded(period: string, today: string): boolean {
  const p = parsePeriod(period);
  if (!p) return false;
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  return p.year < y || (p.year === y && p.endMonth < m);
}

/**
 * The periods of the overview's selector: the computed ones, then those that can be computed —
 * the ended periods of the year not computed yet and the next one of the cadence.
 */
export function periodChoices(cadence: 'month' | 'quarter', year: number, computed: readonly string[], today: string): { computed: string[]; open: string[]; next: string } {
  const next = nextToCompute(cadence, year, computed);
  const done = new Set(computed);
  const open = periodsOfCompetition(cadence, year).filter((p) => !done.has(p) && (p === next || hasEnded(p, today)));
  return { computed: [...computed].sort(byPeriod).reverse(), open: open.reverse(), next };
}

/** The period the overview opens on: the latest computed (a quarter before the month that ends it), else the next to compute. */
export function defaultPeriod(cadence: 'month' | 'quarter', year: number, computed: readonly string[]): string {
  return [...computed].sort(byPeriod).at(-1) ?? nextToCompute(cadence, year, computed);
}

/** A contestant's id as the API writes it: `region:330122103`. */
export const contestantKey = (c: { unitType: string; unitId: string }) => `${c.unitType}:${c.unitId}`;

/** `region:330122103` → { unitType, unitId }. */
export function splitContestant(id: string): { unitType: 'region' | 'department' | 'external'; unitId: string } {
  const i = id.indexOf(':');
  return { unitType: id.slice(0, i) as 'region' | 'department' | 'external', unitId: id.slice(i + 1) };
}

/** The period of the competition's cadence a longer one ends with (2026-Q3 → 2026-09 for a monthly one); itself when it is of the cadence. */
export function cadencePeriodOf(cadence: 'month' | 'quarter', period: string): string {
  const p = parsePeriod(period);
  if (!p || p.cadence === cadence) return period;
  return cadence === 'month' ? formatPeriod({ year: p.year, cadence: 'month', index: p.endMonth }) : formatPeriod({ year: p.year, cadence: 'quarter', index: Math.ceil(p.endMonth / 3) });
}
