/**
 * The units judged by indicators and who may see which: regions of a level (cities, counties,
 * towns, parks), departments, and external peers (only in peer groups). Data scope is decided
 * here and applied in every query of the module:
 *
 * - scope all: every unit;
 * - scope region: the regions of the user's subtree and the departments of those regions;
 * - scope department: the user's own department;
 * - scope assigned (leaders): their region's subtree when the login has one, else only what is published;
 * - scope enterprise: none (project units are not judged by indicators).
 *
 * A user's own unit (for reporting and as the centre of the benchmark page) is their region
 * (scope region) or their department (scope department).
 */
import { sql, type SQL } from 'drizzle-orm';
import { regionPrefix, type IndicatorSubject, type UnitOption, type UnitRef, type UnitType } from '@tiaodu/contracts';
import type { DbOrTx } from '../../db/client.js';
import type { SessionUser } from '../../core/context.js';

export interface UnitVisibility {
  /** Every unit (all-scope readers). */
  all: boolean;
  /** Region code prefix of the visible subtree (null: none, unless all). */
  regionPrefix: string | null;
  /** The one department visible (scope department). */
  departmentId: number | null;
}

export function unitVisibility(user: SessionUser): UnitVisibility {
  switch (user.scopeType) {
    case 'all':
      return { all: true, regionPrefix: null, departmentId: null };
    case 'region':
      return { all: false, regionPrefix: user.regionCode ? regionPrefix(user.regionCode) : null, departmentId: null };
    case 'department':
      return { all: false, regionPrefix: null, departmentId: user.departmentId };
    case 'assigned':
      // a leader without a region sees what is published, like any peer
      return { all: false, regionPrefix: user.regionCode ? regionPrefix(user.regionCode) : null, departmentId: null };
    default:
      return { all: false, regionPrefix: null, departmentId: null };
  }
}

/** The user's own unit, if they report for one. */
export function ownUnit(user: SessionUser): UnitRef | null {
  if (user.scopeType === 'region' && user.regionCode) return { unitType: 'region', unitId: user.regionCode };
  if (user.scopeType === 'department' && user.departmentId) return { unitType: 'department', unitId: String(user.departmentId) };
  return null;
}

/** SQL condition on (unit_type, unit_id) columns of `alias` for what the user may see. */
export function unitScopeSql(v: UnitVisibility, alias: string): SQL {
  if (v.all) return sql`true`;
  const ut = sql.raw(`${alias}.unit_type`);
  const ui = sql.raw(`${alias}.unit_id`);
  const parts: SQL[] = [];
  if (v.regionPrefix) {
    parts.push(sql`(${ut} = 'region' AND ${ui} LIKE ${v.regionPrefix + '%'})`);
    parts.push(sql`(${ut} = 'department' AND EXISTS (SELECT 1 FROM departments sd WHERE sd.id::text = ${ui} AND sd.region_code LIKE ${v.regionPrefix + '%'}))`);
  }
  if (v.departmentId) parts.push(sql`(${ut} = 'department' AND ${ui} = ${String(v.departmentId)})`);
  if (!parts.length) return sql`false`;
  return sql`(${sql.join(parts, sql` OR `)})`;
}

export function canSeeUnit(v: UnitVisibility, u: UnitRef, departmentRegion?: string | null): boolean {
  if (v.all) return true;
  if (u.unitType === 'region') return !!v.regionPrefix && u.unitId.startsWith(v.regionPrefix);
  if (u.unitType === 'department') {
    if (v.departmentId && String(v.departmentId) === u.unitId) return true;
    return !!v.regionPrefix && !!departmentRegion && departmentRegion.startsWith(v.regionPrefix);
  }
  return false;
}

export const unitKey = (u: UnitRef) => `${u.unitType}:${u.unitId}`;

function toOption(x: Record<string, unknown>): UnitOption {
  return {
    unitType: x.unit_type as UnitType,
    unitId: String(x.unit_id),
    unitName: String(x.unit_name),
    level: (x.level as string | null) ?? null,
    parentName: (x.parent_name as string | null) ?? null,
  };
}

/**
 * The units of a subject (regions of a level, parks, departments, or external peers), limited to
 * what the user may see and optionally to a region's subtree. Ordered as the organisation is.
 */
export async function listUnits(db: DbOrTx, subject: IndicatorSubject | 'external', v: UnitVisibility, within?: string | null): Promise<UnitOption[]> {
  if (subject === 'external') {
    if (!v.all) return [];
    const r = await db.execute(sql`SELECT 'external' AS unit_type, id::text AS unit_id, name AS unit_name, level, parent_name FROM external_units ORDER BY id`);
    return (r.rows as Record<string, unknown>[]).map(toOption);
  }
  const conds: SQL[] = [];
  if (subject === 'department') {
    conds.push(sql`d.active`, sql`d.kind = 'department'`);
    if (!v.all) {
      const or: SQL[] = [];
      if (v.regionPrefix) or.push(sql`d.region_code LIKE ${v.regionPrefix + '%'}`);
      if (v.departmentId) or.push(sql`d.id = ${v.departmentId}`);
      conds.push(or.length ? sql`(${sql.join(or, sql` OR `)})` : sql`false`);
    }
    if (within) conds.push(sql`d.region_code LIKE ${regionPrefix(within) + '%'}`);
    const r = await db.execute(sql`
      SELECT 'department' AS unit_type, d.id::text AS unit_id, d.name AS unit_name, NULL AS level, rg.name AS parent_name
      FROM departments d JOIN regions rg ON rg.code = d.region_code
      WHERE ${sql.join(conds, sql` AND `)} ORDER BY d.sort, d.id`);
    return (r.rows as Record<string, unknown>[]).map(toOption);
  }
  conds.push(sql`r.level = ${subject}`);
  if (!v.all) conds.push(v.regionPrefix ? sql`r.code LIKE ${v.regionPrefix + '%'}` : sql`false`);
  if (within) conds.push(sql`r.code LIKE ${regionPrefix(within) + '%'}`);
  const r = await db.execute(sql`
    SELECT 'region' AS unit_type, r.code AS unit_id, r.name AS unit_name, r.level, p.name AS parent_name
    FROM regions r LEFT JOIN regions p ON p.code = r.parent_code
    WHERE ${sql.join(conds, sql` AND `)} ORDER BY r.sort, r.code`);
  return (r.rows as Record<string, unknown>[]).map(toOption);
}

/** Names of the given units (any type), keyed by unitKey; unknown ones are left out. */
export async function unitNames(db: DbOrTx, units: UnitRef[]): Promise<Map<string, { name: string; level: string | null; parentCode: string | null; regionCode: string | null }>> {
  const out = new Map<string, { name: string; level: string | null; parentCode: string | null; regionCode: string | null }>();
  const regions = units.filter((u) => u.unitType === 'region').map((u) => u.unitId);
  const depts = units.filter((u) => u.unitType === 'department').map((u) => Number(u.unitId)).filter(Number.isInteger);
  const ext = units.filter((u) => u.unitType === 'external').map((u) => Number(u.unitId)).filter(Number.isInteger);
  if (regions.length) {
    const r = await db.execute(sql`SELECT code, name, level, parent_code FROM regions WHERE code = ANY(${`{${regions.map((c) => c.replace(/\D/g, '')).join(',')}}`}::text[])`);
    for (const x of r.rows as Record<string, unknown>[]) out.set(`region:${x.code}`, { name: String(x.name), level: String(x.level), parentCode: (x.parent_code as string | null) ?? null, regionCode: String(x.code) });
  }
  if (depts.length) {
    const r = await db.execute(sql`SELECT id, name, region_code FROM departments WHERE id = ANY(${`{${depts.join(',')}}`}::int[])`);
    for (const x of r.rows as Record<string, unknown>[]) out.set(`department:${x.id}`, { name: String(x.name), level: null, parentCode: String(x.region_code), regionCode: String(x.region_code) });
  }
  if (ext.length) {
    const r = await db.execute(sql`SELECT id, name, level FROM external_units WHERE id = ANY(${`{${ext.join(',')}}`}::int[])`);
    for (const x of r.rows as Record<string, unknown>[]) out.set(`external:${x.id}`, { name: String(x.name), level: String(x.level), parentCode: null, regionCode: null });
  }
  return out;
}

/**
 * The type of a unit named by its id alone: a region code (6 or 9 digits) when the indicator
 * applies to regions, else a department id.
 */
export function inferUnitType(unitId: string, subjects: readonly string[]): 'region' | 'department' {
  const regions = subjects.some((s) => s !== 'department');
  if (!subjects.includes('department')) return 'region';
  return regions && /^\d{6}(\d{3})?$/.test(unitId) ? 'region' : 'department';
}
