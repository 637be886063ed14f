/**
 * SQL of the indicator imports: the catalogue, the units an importer may write (their scope,
 * plus the external peers), the figures and targets already stored, and the writes.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { IndicatorSubject, UnitOption } from '@tiaodu/contracts';
import type { DbOrTx } from '../../../db/client.js';
import type { SessionUser } from '../../../core/context.js';
import { indicators, indicatorTargets, indicatorValueRevisions, indicatorValues } from '../indicators.schema.js';
import { listUnits, unitVisibility } from '../indicators.units.js';
import type { CatalogueEntry } from './domain/names.js';

export async function loadCatalogue(db: DbOrTx): Promise<CatalogueEntry[]> {
  const rows = await db
    .select({
      id: indicators.id,
      code: indicators.code,
      name: indicators.name,
      unit: indicators.unit,
      cadence: indicators.cadence,
      accumulation: indicators.accumulation,
      source: indicators.source,
      status: indicators.status,
      appliesTo: indicators.appliesTo,
    })
    .from(indicators)
    .orderBy(indicators.sort, indicators.id);
  return rows as CatalogueEntry[];
}

/**
 * The units an importer may write for the given subjects: those of the subjects in their data
 * scope (indicators.units.ts), and — when `external` — every external peer (对标单位), whose
 * figures only ever come from imports.
 */
export async function importableUnits(db: DbOrTx, user: SessionUser, subjects: IndicatorSubject[], external: boolean): Promise<UnitOption[]> {
  const v = unitVisibility(user);
  const out: UnitOption[] = [];
  for (const s of [...new Set(subjects)]) out.push(...(await listUnits(db, s, v)));
  if (external) out.push(...(await listUnits(db, 'external', { all: true, regionPrefix: null, departmentId: null })));
  return out;
}

/** Names a unit's name may carry in front: provinces, cities and counties, and the external peers' parents. */
export async function prefixNames(db: DbOrTx): Promise<string[]> {
  const r = await db.execute(sql`
    SELECT name FROM regions WHERE level IN ('province', 'city', 'county')
    UNION SELECT parent_name AS name FROM external_units WHERE parent_name IS NOT NULL`);
  return (r.rows as { name: string }[]).map((x) => x.name);
}

/** A stored figure as it counts (the accepted one; none while a reported value awaits its first review). */
export interface StoredValue {
  id: number;
  indicatorId: number;
  unitType: string;
  unitId: string;
  period: string;
  value: string | null;
  growth: string | null;
  revision: number;
}

/** The stored figures of these indicators and periods, as they count (locked for the writing transaction when `lock`). */
export async function storedValues(db: DbOrTx, indicatorIds: number[], periods: string[], lock: boolean): Promise<StoredValue[]> {
  if (!indicatorIds.length || !periods.length) return [];
  const r = await db.execute(sql`
    SELECT id, indicator_id, unit_type, unit_id, period, revision,
      CASE WHEN has_accepted THEN accepted_value::text END AS value, CASE WHEN has_accepted THEN accepted_growth::text END AS growth
    FROM indicator_values
    WHERE indicator_id = ANY(${`{${indicatorIds.join(',')}}`}::int[]) AND period = ANY(${`{${periods.map((p) => `"${p}"`).join(',')}}`}::text[])
    ORDER BY id ${lock ? sql`FOR UPDATE` : sql``}`);
  return (r.rows as Record<string, unknown>[]).map((x) => ({
    id: Number(x.id),
    indicatorId: Number(x.indicator_id),
    unitType: String(x.unit_type),
    unitId: String(x.unit_id),
    period: String(x.period),
    value: (x.value as string | null) ?? null,
    growth: (x.growth as string | null) ?? null,
    revision: Number(x.revision),
  }));
}

export interface ValueWrite {
  /** The stored row, or null for a new one. */
  id: number | null;
  indicatorId: number;
  unitType: string;
  unitId: string;
  period: string;
  value: string | null;
  growth: string | null;
  /** The revision the write makes (1 for a new row). */
  revision: number;
}

const CHUNK = 500;
function chunks<T>(list: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += CHUNK) out.push(list.slice(i, i + CHUNK));
  return out;
}

/**
 * Writes imported figures: new rows inserted, changed rows updated (revision + 1), each with
 * its revision row (action import). Source and status become `imported`, and the figure counts
 * at once (accepted_value, as for computed figures).
 */
export async function writeValues(tx: DbOrTx, writes: ValueWrite[], userId: number | null, at: string): Promise<void> {
  const revisions: (typeof indicatorValueRevisions.$inferInsert)[] = [];
  for (const part of chunks(writes.filter((w) => w.id === null))) {
    const ids = await tx
      .insert(indicatorValues)
      .values(part.map((w) => ({ indicatorId: w.indicatorId, unitType: w.unitType, unitId: w.unitId, period: w.period, value: w.value, growth: w.growth, acceptedValue: w.value, acceptedGrowth: w.growth, hasAccepted: true, source: 'imported', status: 'imported', revision: 1, updatedAt: at })))
      .returning({ id: indicatorValues.id });
    part.forEach((w, i) => revisions.push({ valueId: ids[i]!.id, revision: 1, action: 'import', value: w.value, growth: w.growth, status: 'imported', userId, at }));
  }
  for (const part of chunks(writes.filter((w) => w.id !== null))) {
    const rows = sql.join(
      part.map((w) => sql`(${w.id}::int, ${w.value}::numeric, ${w.growth}::numeric, ${w.revision}::int)`),
      sql`, `,
    );
    await tx.execute(sql`
      UPDATE indicator_values v SET value = x.value, growth = x.growth, accepted_value = x.value, accepted_growth = x.growth, has_accepted = true,
        revision = x.revision, source = 'imported', status = 'imported', return_reason = NULL, updated_at = ${at}::timestamptz
      FROM (VALUES ${rows}) AS x(id, value, growth, revision) WHERE v.id = x.id`);
    for (const w of part) revisions.push({ valueId: w.id!, revision: w.revision, action: 'import', value: w.value, growth: w.growth, status: 'imported', userId, at });
  }
  for (const part of chunks(revisions)) await tx.insert(indicatorValueRevisions).values(part);
}

export interface StoredTarget {
  id: number;
  indicatorId: number;
  unitType: string;
  unitId: string;
  baseline: string | null;
  target: string | null;
  breakdown: (string | null)[] | null;
  multiYearYear: number | null;
  multiYearValue: string | null;
  note: string | null;
}

export async function storedTargets(db: DbOrTx, indicatorIds: number[], year: number, lock: boolean): Promise<StoredTarget[]> {
  if (!indicatorIds.length) return [];
  const q = db
    .select({
      id: indicatorTargets.id,
      indicatorId: indicatorTargets.indicatorId,
      unitType: indicatorTargets.unitType,
      unitId: indicatorTargets.unitId,
      baseline: indicatorTargets.baseline,
      target: indicatorTargets.target,
      breakdown: indicatorTargets.breakdown,
      multiYearYear: indicatorTargets.multiYearYear,
      multiYearValue: indicatorTargets.multiYearValue,
      note: indicatorTargets.note,
    })
    .from(indicatorTargets)
    .where(and(inArray(indicatorTargets.indicatorId, indicatorIds), eq(indicatorTargets.year, year)))
    .orderBy(indicatorTargets.id);
  const rows = lock ? await q.for('update') : await q;
  return rows.map((r) => ({ ...r, breakdown: Array.isArray(r.breakdown) ? (r.breakdown as unknown[]).map((x) => (x === null || x === undefined ? null : String(x))) : null }));
}

export interface TargetWrite {
  id: number | null;
  indicatorId: number;
  unitType: string;
  unitId: string;
  baseline: string | null;
  target: string | null;
  breakdown: (string | null)[] | null;
  multiYearYear: number | null;
  multiYearValue: string | null;
  note: string | null;
}

export async function writeTargets(tx: DbOrTx, year: number, writes: TargetWrite[], userId: number | null, at: string): Promise<void> {
  const inserts = writes.filter((w) => w.id === null);
  for (const part of chunks(inserts)) {
    await tx.insert(indicatorTargets).values(
      part.map((w) => ({
        indicatorId: w.indicatorId,
        year,
        unitType: w.unitType,
        unitId: w.unitId,
        baseline: w.baseline,
        target: w.target,
        breakdown: w.breakdown,
        multiYearYear: w.multiYearYear,
        multiYearValue: w.multiYearValue,
        note: w.note,
        updatedBy: userId,
        updatedAt: at,
      })),
    );
  }
  for (const w of writes.filter((x) => x.id !== null)) {
    await tx
      .update(indicatorTargets)
      .set({ baseline: w.baseline, target: w.target, breakdown: w.breakdown, multiYearYear: w.multiYearYear, multiYearValue: w.multiYearValue, note: w.note, updatedBy: userId, updatedAt: at })
      .where(eq(indicatorTargets.id, w.id!));
  }
}
