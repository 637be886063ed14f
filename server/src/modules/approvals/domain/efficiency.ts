import type { ApprovalRating, EfficiencyGrade, GradeCutoffs } from '@tiaodu/contracts';

/**
 * Department efficiency (效能监察), per department and period (a month or a quarter), as
 * the published tables show it:
 *
 * - 受理件数: items accepted (受理) in the period;
 * - 办结件数: items completed (办结) in the period;
 * - 平均办结天数: Σ working days used (受理 → 办结, 补正 excluded) ÷ 办结件数, one decimal;
 * - 提速率 = 1 − Σ actual ÷ Σ promised, over the items completed in the period (a fraction,
 *   four decimals; negative when the department is slower than it promised);
 * - 超时件数: items that went past their promised limit in the period (each overdue item
 *   counts once, in the period it went overdue, whether completed late or still open);
 * - 满意率 = (满意 + 基本满意) ÷ items rated in the period;
 * - rank: only departments that completed something in the period have a speed to rank:
 *   by 提速率 (higher first), then 超时件数 (fewer first), then 办结件数 (more first); equal
 *   keys share a rank (1, 2, 2, 4). The others follow unranked, most overdue first.
 * - 红榜 (top): ranked departments with no overdue item and no negative 提速率, best first;
 *   后进 (bottom, "谁在拖后腿"): every department with an overdue item or a negative 提速率,
 *   worst first (most overdue, then slowest); at most ten each.
 */
export interface EfficiencyItem {
  departmentId: number;
  /** China dates. */
  acceptedOn: string | null;
  completedOn: string | null;
  /** Working days 受理 → 办结 (补正 excluded) for a completed item. */
  usedDays: number | null;
  promisedDays: number;
  /** The day the item went past its promised limit (by the evaluation date), if it did. */
  overdueOn: string | null;
  rating: ApprovalRating | null;
  ratedOn: string | null;
}

export interface Department {
  id: number;
  name: string;
}

export interface EfficiencyFigures {
  departmentId: number;
  departmentName: string;
  accepted: number;
  completed: number;
  avgDays: number | null;
  speedUp: number | null;
  overdue: number;
  satisfaction: number | null;
  rated: number;
  rank: number | null;
}

export interface Period {
  /** China dates, inclusive. */
  from: string;
  to: string;
}

const within = (d: string | null, p: Period) => d !== null && d >= p.from && d <= p.to;
const round = (v: number, digits: number) => {
  const f = 10 ** digits;
  return Math.round((v + Number.EPSILON) * f) / f;
};

export function monthPeriod(year: number, month: number): Period {
  const from = `${year}-${String(month).padStart(2, '0')}-01`;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { from, to: `${year}-${String(month).padStart(2, '0')}-${String(last).padStart(2, '0')}` };
}

export function quarterPeriod(year: number, quarter: number): Period {
  return { from: monthPeriod(year, quarter * 3 - 2).from, to: monthPeriod(year, quarter * 3).to };
}

/** The figures of one department over a period (rank left empty). */
export function departmentFigures(dept: Department, items: readonly EfficiencyItem[], p: Period): EfficiencyFigures {
  const mine = items.filter((i) => i.departmentId === dept.id);
  const done = mine.filter((i) => within(i.completedOn, p) && i.usedDays !== null);
  const used = done.reduce((a, i) => a + (i.usedDays ?? 0), 0);
  const promised = done.reduce((a, i) => a + i.promisedDays, 0);
  const rated = mine.filter((i) => i.rating && within(i.ratedOn, p));
  const good = rated.filter((i) => i.rating === 'satisfied' || i.rating === 'basic').length;
  return {
    departmentId: dept.id,
    departmentName: dept.name,
    accepted: mine.filter((i) => within(i.acceptedOn, p)).length,
    completed: done.length,
    avgDays: done.length ? round(used / done.length, 1) : null,
    speedUp: done.length && promised > 0 ? round(1 - used / promised, 4) : null,
    overdue: mine.filter((i) => within(i.overdueOn, p)).length,
    satisfaction: rated.length ? round(good / rated.length, 4) : null,
    rated: rated.length,
    rank: null,
  };
}

/** Compares two departments for the ranking (both with a 提速率); negative when a ranks before b. */
export function compareFigures(a: EfficiencyFigures, b: EfficiencyFigures): number {
  if (a.speedUp !== b.speedUp) return (b.speedUp ?? -Infinity) - (a.speedUp ?? -Infinity);
  if (a.overdue !== b.overdue) return a.overdue - b.overdue;
  return b.completed - a.completed;
}

const byName = (a: EfficiencyFigures, b: EfficiencyFigures) => a.departmentName.localeCompare(b.departmentName, 'zh-CN');

/** Ranks the departments that completed something; the others follow unranked, most overdue first, then by name. */
export function rankFigures(rows: readonly EfficiencyFigures[]): EfficiencyFigures[] {
  const ranked = rows
    .filter((r) => r.speedUp !== null)
    .sort((a, b) => compareFigures(a, b) || byName(a, b))
    .map((r) => ({ ...r }));
  ranked.forEach((r, i) => {
    const prev = ranked[i - 1];
    r.rank = prev && compareFigures(prev, r) === 0 ? prev.rank : i + 1;
  });
  const rest = rows
    .filter((r) => r.speedUp === null)
    .map((r) => ({ ...r, rank: null }))
    .sort((a, b) => b.overdue - a.overdue || b.accepted - a.accepted || byName(a, b));
  return [...ranked, ...rest];
}

/** The table of a period: every department with its figures and rank. */
export function efficiencyTable(depts: readonly Department[], items: readonly EfficiencyItem[], p: Period): EfficiencyFigures[] {
  // each department reads its own items only (a province has hundreds of departments)
  const byDept = new Map<number, EfficiencyItem[]>();
  for (const i of items) {
    const list = byDept.get(i.departmentId);
    if (list) list.push(i);
    else byDept.set(i.departmentId, [i]);
  }
  return rankFigures(depts.map((d) => departmentFigures(d, byDept.get(d.id) ?? [], p)));
}

/** Whether a department lags: an item went overdue, or it was slower than it promised. */
export function lags(f: EfficiencyFigures): boolean {
  return f.overdue > 0 || (f.speedUp !== null && f.speedUp < 0);
}

/** 红榜 and 后进 (see above), at most `size` each. */
export function topAndBottom<T extends EfficiencyFigures>(table: readonly T[], size = 10): { top: T[]; bottom: T[] } {
  const top = table.filter((r) => r.rank !== null && !lags(r)).slice(0, size);
  const bottom = table
    .filter(lags)
    .sort((a, b) => b.overdue - a.overdue || (a.speedUp ?? Infinity) - (b.speedUp ?? Infinity) || byName(a, b))
    .slice(0, size);
  return { top, bottom };
}

/**
 * The quarterly grade (优秀/良好/合格/不合格): the highest grade whose every cut-off the
 * department meets. A cut-off on a figure the department does not have (no completed item,
 * no rating) is not applied, except that a department that completed nothing has no
 * speed to show and so is at most 合格. A department that neither completed an item nor let
 * one go overdue in the quarter is not graded (不参评).
 */
export function gradeOf(f: EfficiencyFigures, cutoffs: GradeCutoffs): EfficiencyGrade | null {
  if (f.completed === 0 && f.overdue === 0) return null;
  for (const g of ['excellent', 'good', 'pass'] as const) {
    const c = cutoffs[g];
    const speed = f.speedUp === null ? g === 'pass' : f.speedUp >= c.minSpeedUp;
    const over = f.overdue <= c.maxOverdue;
    const sat = f.satisfaction === null || f.satisfaction >= c.minSatisfaction;
    if (speed && over && sat) return g;
  }
  return 'fail';
}
