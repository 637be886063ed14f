import { sql } from 'drizzle-orm';
import type { Indicator, IndicatorSubject } from '@tiaodu/contracts';
import type { DbOrTx } from '../../db/client.js';

/** SQL of the indicators module. Scope conditions come from indicators.units.ts. */

const arr = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : String(v ?? '').replace(/[{}]/g, '').split(',').filter(Boolean));

function toIndicator(x: Record<string, unknown>): Indicator {
  return {
    id: Number(x.id),
    code: String(x.code),
    name: String(x.name),
    unit: String(x.unit ?? ''),
    decimals: Number(x.decimals),
    direction: x.direction as Indicator['direction'],
    kind: x.kind as Indicator['kind'],
    cadence: x.cadence as Indicator['cadence'],
    accumulation: x.accumulation as Indicator['accumulation'],
    source: x.source as Indicator['source'],
    formula: (x.formula as Indicator['formula']) ?? null,
    filter: (typeof x.filter === 'string' ? JSON.parse(x.filter) : x.filter) ?? null,
    appliesTo: arr(x.applies_to) as IndicatorSubject[],
    rankBy: x.rank_by as Indicator['rankBy'],
    ruleSetId: x.rule_set_id == null ? null : Number(x.rule_set_id),
    benchmark: Boolean(x.benchmark),
    description: (x.description as string | null) ?? null,
    sort: Number(x.sort),
    status: x.status as Indicator['status'],
    builtin: Boolean(x.builtin),
    inUse: Boolean(x.in_use),
  };
}

const SELECT = sql`SELECT i.*,
  (EXISTS (SELECT 1 FROM indicator_values v WHERE v.indicator_id = i.id AND v.source <> 'computed')
    OR EXISTS (SELECT 1 FROM indicator_targets t WHERE t.indicator_id = i.id)
    OR EXISTS (SELECT 1 FROM indicator_periods p WHERE i.id = ANY(p.indicator_ids))) AS in_use
  FROM indicators i`;

export async function listIndicators(db: DbOrTx, f: { status?: string; source?: string; benchmark?: boolean }): Promise<Indicator[]> {
  const conds = [sql`true`];
  if (f.status && f.status !== 'all') conds.push(sql`i.status = ${f.status}`);
  if (f.source) conds.push(sql`i.source = ${f.source}`);
  if (f.benchmark !== undefined) conds.push(sql`i.benchmark = ${f.benchmark}`);
  const r = await db.execute(sql`${SELECT} WHERE ${sql.join(conds, sql` AND `)} ORDER BY i.sort, i.id`);
  return (r.rows as Record<string, unknown>[]).map(toIndicator);
}

export async function getIndicator(db: DbOrTx, id: number): Promise<Indicator | null> {
  const r = await db.execute(sql`${SELECT} WHERE i.id = ${id}`);
  const row = r.rows[0] as Record<string, unknown> | undefined;
  return row ? toIndicator(row) : null;
}

export async function getIndicators(db: DbOrTx, ids: number[]): Promise<Indicator[]> {
  if (!ids.length) return [];
  const r = await db.execute(sql`${SELECT} WHERE i.id = ANY(${`{${ids.map((n) => Math.trunc(n)).join(',')}}`}::int[]) ORDER BY i.sort, i.id`);
  return (r.rows as Record<string, unknown>[]).map(toIndicator);
}

export interface ValueRow {
  id: number;
  indicatorId: number;
  unitType: string;
  unitId: string;
  period: string;
  value: string | null;
  growth: string | null;
  numerator: string | null;
  denominator: string | null;
  acceptedValue: string | null;
  acceptedGrowth: string | null;
  hasAccepted: boolean;
  note: string | null;
  source: string;
  status: string;
  revision: number;
  returnReason: string | null;
  submittedBy: number | null;
  submittedAt: string | null;
  reviewedAt: string | null;
  updatedAt: string;
  files: number;
}

function toValueRow(x: Record<string, unknown>): ValueRow {
  const t = (v: unknown) => (v == null ? null : v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString());
  const s = (v: unknown) => (v == null ? null : String(v));
  return {
    id: Number(x.id),
    indicatorId: Number(x.indicator_id),
    unitType: String(x.unit_type),
    unitId: String(x.unit_id),
    period: String(x.period),
    value: s(x.value),
    growth: s(x.growth),
    numerator: s(x.numerator),
    denominator: s(x.denominator),
    acceptedValue: s(x.accepted_value),
    acceptedGrowth: s(x.accepted_growth),
    hasAccepted: Boolean(x.has_accepted),
    note: s(x.note),
    source: String(x.source),
    status: String(x.status),
    revision: Number(x.revision),
    returnReason: s(x.return_reason),
    submittedBy: x.submitted_by == null ? null : Number(x.submitted_by),
    submittedAt: t(x.submitted_at),
    reviewedAt: t(x.reviewed_at),
    updatedAt: t(x.updated_at) ?? '',
    files: Number(x.files ?? 0),
  };
}

const VALUE_SELECT = sql`SELECT v.*, (SELECT count(*) FROM indicator_value_files f WHERE f.value_id = v.id) AS files FROM indicator_values v`;

/** Values of one indicator for some periods (all units; callers apply scope to what they show). */
export async function valuesOf(db: DbOrTx, indicatorId: number, periods: string[]): Promise<ValueRow[]> {
  if (!periods.length) return [];
  const r = await db.execute(sql`${VALUE_SELECT} WHERE v.indicator_id = ${indicatorId} AND v.period = ANY(${`{${periods.join(',')}}`}::text[])`);
  return (r.rows as Record<string, unknown>[]).map(toValueRow);
}

export async function valueById(db: DbOrTx, id: number, lock = false): Promise<ValueRow | null> {
  const r = await db.execute(sql`${VALUE_SELECT} WHERE v.id = ${id} ${lock ? sql`FOR UPDATE OF v` : sql``}`);
  const row = r.rows[0] as Record<string, unknown> | undefined;
  return row ? toValueRow(row) : null;
}

export async function valueOf(db: DbOrTx, indicatorId: number, period: string, unitType: string, unitId: string, lock = false): Promise<ValueRow | null> {
  const r = await db.execute(
    sql`${VALUE_SELECT} WHERE v.indicator_id = ${indicatorId} AND v.period = ${period} AND v.unit_type = ${unitType} AND v.unit_id = ${unitId} ${lock ? sql`FOR UPDATE OF v` : sql``}`,
  );
  const row = r.rows[0] as Record<string, unknown> | undefined;
  return row ? toValueRow(row) : null;
}

export interface TargetRowDb {
  unitType: string;
  unitId: string;
  year: number;
  baseline: string | null;
  target: string | null;
  breakdown: Array<string | null> | null;
  multiYearYear: number | null;
  multiYearValue: string | null;
  note: string | null;
  updatedAt: string;
}

export async function targetsOf(db: DbOrTx, indicatorId: number, years: number[]): Promise<TargetRowDb[]> {
  if (!years.length) return [];
  const r = await db.execute(sql`SELECT * FROM indicator_targets WHERE indicator_id = ${indicatorId} AND year = ANY(${`{${years.join(',')}}`}::int[])`);
  return (r.rows as Record<string, unknown>[]).map((x) => ({
    unitType: String(x.unit_type),
    unitId: String(x.unit_id),
    year: Number(x.year),
    baseline: x.baseline == null ? null : String(x.baseline),
    target: x.target == null ? null : String(x.target),
    breakdown: (typeof x.breakdown === 'string' ? JSON.parse(x.breakdown) : x.breakdown) ?? null,
    multiYearYear: x.multi_year_year == null ? null : Number(x.multi_year_year),
    multiYearValue: x.multi_year_value == null ? null : String(x.multi_year_value),
    note: (x.note as string | null) ?? null,
    updatedAt: new Date(String(x.updated_at)).toISOString(),
  }));
}

export async function isPublished(db: DbOrTx, indicatorId: number, period: string): Promise<boolean> {
  const r = await db.execute(sql`SELECT 1 FROM indicator_publications WHERE indicator_id = ${indicatorId} AND period = ${period}`);
  return r.rows.length > 0;
}

export async function publishedPeriods(db: DbOrTx, indicatorId: number): Promise<string[]> {
  const r = await db.execute(sql`SELECT period FROM indicator_publications WHERE indicator_id = ${indicatorId} ORDER BY period DESC`);
  return (r.rows as { period: string }[]).map((x) => x.period);
}

/** Open entry periods that include the indicator for the period. */
export async function openPeriodFor(db: DbOrTx, indicatorId: number, period: string): Promise<{ id: number; deadline: string } | null> {
  const r = await db.execute(sql`SELECT id, deadline FROM indicator_periods WHERE period = ${period} AND status = 'open' AND ${indicatorId} = ANY(indicator_ids) ORDER BY id DESC LIMIT 1`);
  const row = r.rows[0] as { id: number; deadline: string | Date } | undefined;
  return row ? { id: Number(row.id), deadline: dateText(row.deadline) } : null;
}

export function dateText(v: string | Date): string {
  return v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10);
}
