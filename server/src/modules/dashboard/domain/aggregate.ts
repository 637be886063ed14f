import { fromCents, pct, toCents } from '../../reports/domain/figures.js';

/** One row of planned/completed per region and month: from monthly_rollups or computed directly. */
export interface MonthAmountRow {
  regionCode: string;
  month: number;
  planned: number | string;
  /** accepted reports (已审核) */
  completed: number | string;
  /** submitted reports awaiting review (待审核) */
  pending?: number | string;
}

export interface Totals {
  annualPlanned: number;
  completedYtd: number;
  pendingYtd: number;
  completionRate: number | null;
  series: { month: number; planned: number; actual: number | null }[];
}

/**
 * The dashboard's sums, in integer hundredths (分 of 万元) so they agree to the last 万元 with
 * the reports list and exports (which use the same toCents/pct of reports/domain/figures.ts).
 */
export function totals(rows: MonthAmountRow[], month: number): Totals {
  const plan = Array<number>(13).fill(0);
  const done = Array<number>(13).fill(0);
  let pend = 0;
  for (const r of rows) {
    plan[r.month] = (plan[r.month] ?? 0) + toCents(r.planned);
    done[r.month] = (done[r.month] ?? 0) + toCents(r.completed);
    if (r.month <= month) pend += toCents(r.pending);
  }
  let cp = 0;
  let cd = 0;
  const series: Totals['series'] = [];
  for (let m = 1; m <= 12; m++) {
    cp += plan[m]!;
    if (m <= month) cd += done[m]!;
    series.push({ month: m, planned: fromCents(cp), actual: m <= month ? fromCents(cd) : null });
  }
  const annualPlanned = fromCents(cp);
  const completedYtd = fromCents(cd);
  return { annualPlanned, completedYtd, pendingYtd: fromCents(pend), completionRate: pct(completedYtd, annualPlanned), series };
}

/**
 * Sums per child region (by code prefix), and a row for the region's own projects (县本级 /
 * 市本级: projects placed at the region itself or in no child of it), so the rows add up to the
 * region's totals.
 */
export function byChildRegion(rows: MonthAmountRow[], month: number, children: { code: string; name: string; prefix: string }[], own?: { code: string; name: string }) {
  const out = children.map((c) => {
    const t = totals(rows.filter((r) => r.regionCode.startsWith(c.prefix)), month);
    return { code: c.code, name: c.name, own: false, planned: t.annualPlanned, completed: t.completedYtd, pending: t.pendingYtd, rate: t.completionRate };
  });
  if (own) {
    const rest = rows.filter((r) => !children.some((c) => r.regionCode.startsWith(c.prefix)));
    const t = totals(rest, month);
    if (rest.some((r) => toCents(r.planned) !== 0 || toCents(r.completed) !== 0 || toCents(r.pending) !== 0)) out.push({ code: own.code, name: own.name, own: true, planned: t.annualPlanned, completed: t.completedYtd, pending: t.pendingYtd, rate: t.completionRate });
  }
  return out;
}

/** The name of a region's own row: 省本级 / 市本级 / 县本级 by its GB/T 2260 code, 本级 below a county. */
export function ownRowName(code: string): string {
  if (code.length > 6) return '本级';
  if (code.endsWith('0000')) return '省本级';
  if (code.endsWith('00')) return '市本级';
  return '县本级';
}
