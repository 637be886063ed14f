import { and, asc, desc, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { toIso } from '../../core/clock.js';
import { INVESTMENT_BAND_RANGES, regionPrefix, type Funding, type Project, type ProjectFilter } from '@tiaodu/contracts';
import { departments, enterprises, projectLeaders, projects, projectStageEvents, people, regions, users } from '../../db/schema.js';
import type { DbOrTx } from '../../db/client.js';
import type { SessionUser } from '../../core/context.js';
import { projectScope } from '../../core/scope.js';

/** WHERE of every project read: not deleted, in the user's scope, matching the filter. */
export function projectWhere(user: SessionUser, f: ProjectFilter): SQL {
  const c: SQL[] = [isNull(projects.deletedAt), projectScope(user)];
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (m) => '\\' + m)}%`;
    c.push(
      or(
        ilike(projects.name, like),
        ilike(projects.code, like),
        ilike(projects.statsCode, like),
        ilike(projects.location, like),
        sql`EXISTS (SELECT 1 FROM ${enterprises} WHERE ${enterprises.id} = ${projects.ownerEnterpriseId} AND ${enterprises.name} ILIKE ${like})`,
      )!,
    );
  }
  if (f.regionCode) c.push(sql`${projects.regionCode} LIKE ${regionPrefix(f.regionCode) + '%'}`);
  if (f.stage?.length) c.push(inArray(projects.stage, f.stage));
  if (f.level?.length) c.push(inArray(projects.level, f.level));
  if (f.category?.length) c.push(inArray(projects.category, f.category));
  if (f.field?.length) c.push(inArray(projects.field, f.field));
  if (f.planYear) c.push(eq(projects.planYear, f.planYear));
  if (f.responsibleDeptId) c.push(eq(projects.responsibleDeptId, f.responsibleDeptId));
  if (f.leaderId) c.push(sql`EXISTS (SELECT 1 FROM ${projectLeaders} WHERE ${projectLeaders.projectId} = ${projects.id} AND ${projectLeaders.personId} = ${f.leaderId})`);
  if (f.band?.length) {
    const bands = f.band.map((b) => {
      const [min, max] = INVESTMENT_BAND_RANGES[b];
      const parts: SQL[] = [];
      if (min != null) parts.push(sql`${projects.totalInvestment} >= ${min}`);
      if (max != null) parts.push(sql`${projects.totalInvestment} < ${max}`);
      return and(...parts)!;
    });
    c.push(or(...bands)!);
  }
  return and(...c)!;
}

const SORTS: Record<string, SQL> = {
  name: sql`${projects.name} COLLATE "C"`,
  totalInvestment: sql`${projects.totalInvestment}`,
  plannedStart: sql`${projects.plannedStart}`,
  updatedAt: sql`${projects.updatedAt}`,
  regionCode: sql`${projects.regionCode}`,
  stage: sql`${projects.stage}`,
};

function orderBy(sort: string | undefined): SQL[] {
  if (!sort) return [asc(projects.id)];
  const key = sort.replace(/^-/, '');
  const col = SORTS[key];
  if (!col) return [asc(projects.id)];
  return sort.startsWith('-') ? [sql`${col} DESC NULLS LAST`, asc(projects.id)] : [sql`${col} ASC NULLS LAST`, asc(projects.id)];
}

const leadersJson = sql<{ id: number; name: string; title: string | null }[]>`(
  SELECT coalesce(json_agg(json_build_object('id', pe.id, 'name', pe.name, 'title', pe.title) ORDER BY pl.sort, pe.id), '[]'::json)
  FROM project_leaders pl JOIN people pe ON pe.id = pl.person_id WHERE pl.project_id = ${projects.id})`;

const projectColumns = {
  p: projects,
  regionName: regions.name,
  ownerName: enterprises.name,
  ownerCreditCode: enterprises.creditCode,
  responsibleDeptName: departments.name,
  leaders: leadersJson,
  startDelayReasonByName: sql<string | null>`(SELECT u.display_name FROM users u WHERE u.id = ${projects.startDelayReasonBy})`,
};

type Row = { p: typeof projects.$inferSelect; regionName: string | null; ownerName: string | null; ownerCreditCode: string | null; responsibleDeptName: string | null; leaders: { id: number; name: string; title: string | null }[] | string; startDelayReasonByName?: string | null };


export function toProject(r: Row): Project {
  const p = r.p;
  return {
    id: p.id,
    name: p.name,
    code: p.code,
    statsCode: p.statsCode,
    level: p.level as Project['level'],
    nature: p.nature as Project['nature'],
    category: p.category as Project['category'],
    planYear: p.planYear,
    field: p.field as Project['field'],
    industryCode: p.industryCode,
    chainTags: p.chainTags ?? [],
    investmentType: p.investmentType as Project['investmentType'],
    capitalOrigin: p.capitalOrigin as Project['capitalOrigin'],
    funding: (p.funding ?? {}) as Funding,
    ppp: p.ppp,
    regionCode: p.regionCode,
    regionName: r.regionName,
    location: p.location,
    lng: p.lng,
    lat: p.lat,
    landArea: p.landArea == null ? null : Number(p.landArea),
    newLand: p.newLand,
    ownerEnterpriseId: p.ownerEnterpriseId,
    ownerName: r.ownerName,
    ownerCreditCode: r.ownerCreditCode,
    leaders: typeof r.leaders === 'string' ? JSON.parse(r.leaders) : r.leaders,
    responsibleDeptId: p.responsibleDeptId,
    responsibleDeptName: r.responsibleDeptName,
    responsiblePerson: p.responsiblePerson,
    responsiblePhone: p.responsiblePhone,
    liaisonName: p.liaisonName,
    liaisonPhone: p.liaisonPhone,
    totalInvestment: Number(p.totalInvestment),
    plannedStart: p.plannedStart,
    plannedCompletion: p.plannedCompletion,
    actualStart: p.actualStart,
    actualCompletion: p.actualCompletion,
    content: p.content,
    stage: p.stage as Project['stage'],
    stageChangedAt: p.stageChangedAt,
    startDelayReason: p.startDelayReason ? { reason: p.startDelayReason, byId: p.startDelayReasonBy, byName: r.startDelayReasonByName ?? null, at: toIso(p.startDelayReasonAt) } : null,
    version: p.version,
    createdAt: toIso(p.createdAt),
    updatedAt: toIso(p.updatedAt),
  };
}

function baseSelect(db: DbOrTx) {
  return db
    .select(projectColumns)
    .from(projects)
    .leftJoin(regions, eq(regions.code, projects.regionCode))
    .leftJoin(enterprises, eq(enterprises.id, projects.ownerEnterpriseId))
    .leftJoin(departments, eq(departments.id, projects.responsibleDeptId));
}

export async function findProjects(db: DbOrTx, where: SQL, opts: { sort?: string; limit: number; offset: number }): Promise<Project[]> {
  const rows = await baseSelect(db).where(where).orderBy(...orderBy(opts.sort)).limit(opts.limit).offset(opts.offset);
  return rows.map((r) => toProject(r as Row));
}

/** The ids of all matching projects in list order (exports page through them by id). */
export async function findProjectIds(db: DbOrTx, where: SQL, sort?: string): Promise<number[]> {
  const rows = await db.select({ id: projects.id }).from(projects).where(where).orderBy(...orderBy(sort));
  return rows.map((r) => r.id);
}

export async function countAndSum(db: DbOrTx, where: SQL): Promise<{ total: number; totalInvestment: number }> {
  const [r] = await db.select({ total: sql<number>`count(*)`, sum: sql<number>`coalesce(sum(${projects.totalInvestment}), 0)` }).from(projects).where(where);
  return { total: Number(r?.total ?? 0), totalInvestment: Math.round(Number(r?.sum ?? 0) * 100) / 100 };
}

export async function findProject(db: DbOrTx, where: SQL): Promise<Project | undefined> {
  const rows = await baseSelect(db).where(where).limit(1);
  return rows[0] ? toProject(rows[0] as Row) : undefined;
}

export async function setLeaders(db: DbOrTx, projectId: number, leaderIds: number[]): Promise<void> {
  await db.delete(projectLeaders).where(eq(projectLeaders.projectId, projectId));
  if (leaderIds.length) await db.insert(projectLeaders).values(leaderIds.map((personId, sort) => ({ projectId, personId, sort })));
}

export async function listStageEvents(db: DbOrTx, projectId: number) {
  const rows = await db
    .select({ e: projectStageEvents, userName: users.displayName })
    .from(projectStageEvents)
    .leftJoin(users, eq(users.id, projectStageEvents.userId))
    .where(eq(projectStageEvents.projectId, projectId))
    .orderBy(desc(projectStageEvents.id));
  return rows.map((r) => ({
    id: r.e.id,
    fromStage: r.e.fromStage as never,
    toStage: r.e.toStage as never,
    date: r.e.date,
    reason: r.e.reason,
    userId: r.e.userId,
    userName: r.userName,
    createdAt: toIso(r.e.createdAt),
  }));
}

/** Existence checks for references, returning the ids/codes that do not exist. */
export async function missingRefs(db: DbOrTx, refs: { regionCode?: string; deptId?: number | null; enterpriseId?: number | null; leaderIds?: number[] }) {
  const out: { path: string; message: string }[] = [];
  if (refs.regionCode) {
    const [r] = await db.select({ c: regions.code }).from(regions).where(eq(regions.code, refs.regionCode));
    if (!r) out.push({ path: 'regionCode', message: '所属区域不存在' });
  }
  if (refs.deptId) {
    const [d] = await db.select({ id: departments.id }).from(departments).where(eq(departments.id, refs.deptId));
    if (!d) out.push({ path: 'responsibleDeptId', message: '牵头单位不存在' });
  }
  if (refs.enterpriseId) {
    const [e] = await db.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.id, refs.enterpriseId));
    if (!e) out.push({ path: 'ownerEnterpriseId', message: '项目业主不存在' });
  }
  if (refs.leaderIds?.length) {
    const found = await db.select({ id: people.id }).from(people).where(and(inArray(people.id, refs.leaderIds), eq(people.kind, 'leader'), eq(people.active, true)));
    if (found.length !== new Set(refs.leaderIds).size) out.push({ path: 'leaderIds', message: '包保领导须为已登记的在职领导' });
  }
  return out;
}
