/** SQL of the ledger import: lookup tables, matching, and batched writes. */
import { and, asc, desc, eq, getTableColumns, inArray, isNull, sql } from 'drizzle-orm';
import type { Project } from '@tiaodu/contracts';
import { departments, enterprises, importMappings, projectLeaders, people, projects, regions, users } from '../../../db/schema.js';
import type { DbOrTx } from '../../../db/client.js';
import type { SessionUser } from '../../../core/context.js';
import { projectScope } from '../../../core/scope.js';
import { findProjects } from '../projects.repository.js';
import type { DeptRef, LeaderRef, RegionRef } from './domain/resolve.js';
import type { EnterpriseRef, ProjectValues } from './domain/plan.js';

const CHUNK = 1000;

function chunks<T>(list: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

export async function loadRegions(db: DbOrTx): Promise<RegionRef[]> {
  return db.select({ code: regions.code, name: regions.name, level: regions.level, parentCode: regions.parentCode }).from(regions).orderBy(asc(regions.code));
}

export async function loadDepartments(db: DbOrTx): Promise<DeptRef[]> {
  return db
    .select({ id: departments.id, name: departments.name, shortName: departments.shortName, regionCode: departments.regionCode })
    .from(departments)
    .where(eq(departments.active, true))
    .orderBy(asc(departments.id));
}

export async function loadLeaders(db: DbOrTx): Promise<LeaderRef[]> {
  return db
    .select({ id: people.id, displayName: people.name, title: people.title })
    .from(people)
    .where(and(eq(people.kind, 'leader'), eq(people.active, true)))
    .orderBy(asc(people.id));
}

/** Enterprises with one of the names or credit codes. */
export async function findEnterprises(db: DbOrTx, names: string[], codes: string[]): Promise<EnterpriseRef[]> {
  if (!names.length && !codes.length) return [];
  const out: EnterpriseRef[] = [];
  const cols = { id: enterprises.id, name: enterprises.name, creditCode: enterprises.creditCode };
  for (const part of chunks(names)) out.push(...(await db.select(cols).from(enterprises).where(inArray(enterprises.name, part))));
  for (const part of chunks(codes)) out.push(...(await db.select(cols).from(enterprises).where(inArray(enterprises.creditCode, part))));
  return out;
}

/** Non-deleted projects holding one of the codes, with whether the user's scope covers them. */
export async function findByCodes(db: DbOrTx, user: SessionUser, codes: string[]): Promise<{ id: number; code: string; inScope: boolean }[]> {
  const out: { id: number; code: string; inScope: boolean }[] = [];
  for (const part of chunks(codes)) {
    const rows = await db
      .select({ id: projects.id, code: projects.code, inScope: sql<boolean>`(${projectScope(user)})` })
      .from(projects)
      .where(and(isNull(projects.deletedAt), inArray(projects.code, part)));
    for (const r of rows) out.push({ id: r.id, code: r.code!, inScope: r.inScope === true || (r.inScope as unknown) === 't' });
  }
  return out;
}

/** In-scope, non-deleted projects with one of the (name, region) pairs. */
export async function findByNameRegion(db: DbOrTx, user: SessionUser, pairs: { name: string; regionCode: string }[]): Promise<{ id: number; name: string; regionCode: string }[]> {
  const out: { id: number; name: string; regionCode: string }[] = [];
  for (const part of chunks(pairs, 5000)) {
    const json = JSON.stringify(part.map((p) => ({ n: p.name, r: p.regionCode })));
    const rows = await db
      .select({ id: projects.id, name: projects.name, regionCode: projects.regionCode })
      .from(projects)
      .innerJoin(sql`jsonb_to_recordset(${json}::jsonb) AS k(n text, r text)`, sql`${projects.name} = k.n AND ${projects.regionCode} = k.r`)
      .where(and(isNull(projects.deletedAt), projectScope(user)));
    out.push(...rows);
  }
  return out;
}

/** Full current records of projects, leaders included. */
export async function loadProjects(db: DbOrTx, ids: number[]): Promise<Project[]> {
  const out: Project[] = [];
  for (const part of chunks(ids)) out.push(...(await findProjects(db, and(inArray(projects.id, part), isNull(projects.deletedAt))!, { limit: part.length, offset: 0 })));
  return out;
}

/** Locks the projects an import updates and returns their current versions. */
export async function lockVersions(tx: DbOrTx, ids: number[]): Promise<Map<number, { version: number; deleted: boolean }>> {
  const out = new Map<number, { version: number; deleted: boolean }>();
  for (const part of chunks(ids)) {
    const rows = await tx
      .select({ id: projects.id, version: projects.version, deletedAt: projects.deletedAt })
      .from(projects)
      .where(inArray(projects.id, part))
      .orderBy(asc(projects.id))
      .for('update');
    for (const r of rows) out.set(r.id, { version: r.version, deleted: r.deletedAt !== null });
  }
  return out;
}

export async function insertEnterprises(tx: DbOrTx, list: { name: string; creditCode: string | null; regionCode: string | null }[]) {
  const out: (typeof enterprises.$inferSelect)[] = [];
  for (const part of chunks(list, 500)) out.push(...(await tx.insert(enterprises).values(part).returning()));
  return out;
}

type InsertRow = typeof projects.$inferInsert;

export function toInsertRow(v: ProjectValues, meta: { createdBy: number | null; now: string; today: string }): InsertRow {
  return {
    ...v,
    landArea: v.landArea == null ? null : String(v.landArea),
    totalInvestment: String(v.totalInvestment),
    stageChangedAt: meta.today,
    createdBy: meta.createdBy,
    createdAt: meta.now,
    updatedAt: meta.now,
  };
}

type ProjectRow = typeof projects.$inferSelect;
const PROJECT_COLUMNS = Object.entries(getTableColumns(projects)).map(([key, col]) => [key, col.name] as const);

/** A raw result row (snake_case) as the typed row Drizzle would return. */
function projectRow(raw: Record<string, unknown>): ProjectRow {
  const out: Record<string, unknown> = {};
  for (const [key, name] of PROJECT_COLUMNS) out[key] = raw[name];
  return out as ProjectRow;
}

/**
 * Multi-row INSERT … SELECT FROM jsonb_to_recordset … RETURNING *, 1,000 projects a statement.
 * One JSON parameter instead of ~30 parameters a row: about five times faster on PGlite.
 */
export async function insertProjects(tx: DbOrTx, rows: InsertRow[]): Promise<ProjectRow[]> {
  const out: ProjectRow[] = [];
  for (const part of chunks(rows)) {
    const json = JSON.stringify(
      part.map((r) => ({
        name: r.name,
        code: r.code ?? null,
        stats_code: r.statsCode ?? null,
        level: r.level,
        nature: r.nature,
        category: r.category,
        plan_year: r.planYear,
        field: r.field,
        chain_tags: r.chainTags ?? [],
        investment_type: r.investmentType,
        region_code: r.regionCode,
        location: r.location ?? null,
        land_area: r.landArea ?? null,
        owner_enterprise_id: r.ownerEnterpriseId ?? null,
        responsible_dept_id: r.responsibleDeptId ?? null,
        responsible_person: r.responsiblePerson ?? null,
        responsible_phone: r.responsiblePhone ?? null,
        liaison_name: r.liaisonName ?? null,
        liaison_phone: r.liaisonPhone ?? null,
        total_investment: r.totalInvestment,
        planned_start: r.plannedStart ?? null,
        planned_completion: r.plannedCompletion ?? null,
        actual_start: r.actualStart ?? null,
        actual_completion: r.actualCompletion ?? null,
        content: r.content ?? null,
        stage: r.stage,
        stage_changed_at: r.stageChangedAt ?? null,
        created_by: r.createdBy ?? null,
        created_at: r.createdAt,
        updated_at: r.updatedAt,
      })),
    );
    const res = await tx.execute(sql`
      INSERT INTO projects (name, code, stats_code, level, nature, category, plan_year, field, chain_tags,
        investment_type, region_code, location, land_area, owner_enterprise_id, responsible_dept_id,
        responsible_person, responsible_phone, liaison_name, liaison_phone, total_investment, planned_start,
        planned_completion, actual_start, actual_completion, content, stage, stage_changed_at, created_by,
        created_at, updated_at)
      SELECT name, code, stats_code, level, nature, category, plan_year, field,
        ARRAY(SELECT jsonb_array_elements_text(chain_tags)), investment_type, region_code, location, land_area,
        owner_enterprise_id, responsible_dept_id, responsible_person, responsible_phone, liaison_name,
        liaison_phone, total_investment, planned_start, planned_completion, actual_start, actual_completion,
        content, stage, stage_changed_at, created_by, created_at, updated_at
      FROM jsonb_to_recordset(${json}::jsonb) AS v(name text, code text, stats_code text, level text, nature text,
        category text, plan_year int, field text, chain_tags jsonb, investment_type text, region_code text,
        location text, land_area numeric, owner_enterprise_id int, responsible_dept_id int,
        responsible_person text, responsible_phone text, liaison_name text, liaison_phone text,
        total_investment numeric, planned_start date, planned_completion date, actual_start date,
        actual_completion date, content text, stage text, stage_changed_at date, created_by int,
        created_at timestamptz, updated_at timestamptz)
      RETURNING *`);
    for (const raw of res.rows as Record<string, unknown>[]) out.push(projectRow(raw));
  }
  return out;
}

/** One UPDATE … FROM jsonb_to_recordset per 500 projects; bumps version, stamps stage changes. */
export async function updateProjects(tx: DbOrTx, list: { id: number; v: ProjectValues }[], meta: { now: string; today: string }): Promise<void> {
  for (const part of chunks(list, 500)) {
    const json = JSON.stringify(
      part.map(({ id, v }) => ({
        id,
        name: v.name,
        code: v.code,
        stats_code: v.statsCode,
        level: v.level,
        nature: v.nature,
        category: v.category,
        plan_year: v.planYear,
        field: v.field,
        chain_tags: v.chainTags,
        investment_type: v.investmentType,
        region_code: v.regionCode,
        location: v.location,
        land_area: v.landArea,
        owner_enterprise_id: v.ownerEnterpriseId,
        responsible_dept_id: v.responsibleDeptId,
        responsible_person: v.responsiblePerson,
        responsible_phone: v.responsiblePhone,
        liaison_name: v.liaisonName,
        liaison_phone: v.liaisonPhone,
        total_investment: v.totalInvestment,
        planned_start: v.plannedStart,
        planned_completion: v.plannedCompletion,
        actual_start: v.actualStart,
        actual_completion: v.actualCompletion,
        content: v.content,
        stage: v.stage,
      })),
    );
    await tx.execute(sql`
      UPDATE projects AS p SET
        name = v.name, code = v.code, stats_code = v.stats_code, level = v.level, nature = v.nature,
        category = v.category, plan_year = v.plan_year, field = v.field,
        chain_tags = ARRAY(SELECT jsonb_array_elements_text(v.chain_tags)),
        investment_type = v.investment_type, region_code = v.region_code, location = v.location,
        land_area = v.land_area, owner_enterprise_id = v.owner_enterprise_id,
        responsible_dept_id = v.responsible_dept_id, responsible_person = v.responsible_person,
        responsible_phone = v.responsible_phone, liaison_name = v.liaison_name, liaison_phone = v.liaison_phone,
        total_investment = v.total_investment, planned_start = v.planned_start,
        planned_completion = v.planned_completion, actual_start = v.actual_start,
        actual_completion = v.actual_completion, content = v.content, stage = v.stage,
        stage_changed_at = CASE WHEN p.stage IS DISTINCT FROM v.stage THEN ${meta.today}::date ELSE p.stage_changed_at END,
        version = p.version + 1, updated_at = ${meta.now}::timestamptz
      FROM jsonb_to_recordset(${json}::jsonb) AS v(
        id int, name text, code text, stats_code text, level text, nature text, category text, plan_year int,
        field text, chain_tags jsonb, investment_type text, region_code text, location text, land_area numeric,
        owner_enterprise_id int, responsible_dept_id int, responsible_person text, responsible_phone text,
        liaison_name text, liaison_phone text, total_investment numeric, planned_start date,
        planned_completion date, actual_start date, actual_completion date, content text, stage text)
      WHERE p.id = v.id`);
  }
}

export async function replaceLeaders(tx: DbOrTx, projectIds: number[], rows: { projectId: number; personId: number; sort: number }[]): Promise<void> {
  for (const part of chunks(projectIds)) await tx.delete(projectLeaders).where(inArray(projectLeaders.projectId, part));
  for (const part of chunks(rows, 5000)) {
    await tx.execute(sql`
      INSERT INTO project_leaders (project_id, person_id, sort)
      SELECT project_id, person_id, sort FROM jsonb_to_recordset(${JSON.stringify(part.map((r) => ({ project_id: r.projectId, person_id: r.personId, sort: r.sort })))}::jsonb)
        AS v(project_id int, person_id int, sort int)`);
  }
}

export async function insertStageEvents(tx: DbOrTx, rows: { projectId: number; fromStage: string | null; toStage: string; date: string; reason: string; userId: number | null }[]): Promise<void> {
  for (const part of chunks(rows, 5000)) {
    const json = JSON.stringify(part.map((r) => ({ project_id: r.projectId, from_stage: r.fromStage, to_stage: r.toStage, date: r.date, reason: r.reason, user_id: r.userId })));
    await tx.execute(sql`
      INSERT INTO project_stage_events (project_id, from_stage, to_stage, date, reason, user_id)
      SELECT project_id, from_stage, to_stage, date, reason, user_id FROM jsonb_to_recordset(${json}::jsonb)
        AS v(project_id int, from_stage text, to_stage text, date date, reason text, user_id int)`);
  }
}

/** Whether a region has sub-regions (a user of a leaf region imports into it by default). */
export async function regionHasChildren(db: DbOrTx, code: string): Promise<boolean> {
  const [r] = await db.select({ code: regions.code }).from(regions).where(eq(regions.parentCode, code)).limit(1);
  return Boolean(r);
}

export async function regionExists(db: DbOrTx, code: string): Promise<boolean> {
  const [r] = await db.select({ code: regions.code }).from(regions).where(eq(regions.code, code)).limit(1);
  return Boolean(r);
}

// ---------- saved mappings ----------

export async function listMappings(db: DbOrTx, kind: string) {
  return db.select().from(importMappings).where(eq(importMappings.kind, kind)).orderBy(desc(importMappings.createdAt), desc(importMappings.id));
}

export async function findMappingByName(db: DbOrTx, kind: string, name: string) {
  const [r] = await db.select().from(importMappings).where(and(eq(importMappings.kind, kind), eq(importMappings.name, name))).for('update');
  return r;
}

export async function insertMapping(db: DbOrTx, row: typeof importMappings.$inferInsert) {
  const [r] = await db.insert(importMappings).values(row).returning();
  return r!;
}

export async function updateMapping(db: DbOrTx, id: number, set: Partial<typeof importMappings.$inferInsert>) {
  const [r] = await db.update(importMappings).set(set).where(eq(importMappings.id, id)).returning();
  return r!;
}
