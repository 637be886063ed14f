import { and, asc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import {
  DepartmentInputSchema,
  EnterpriseInputSchema,
  RegionInputSchema,
  regionPrefix,
  type Department,
  type DepartmentInput,
  type Enterprise,
  type EnterpriseInput,
  type Region,
  type RegionInput,
} from '@tiaodu/contracts';
import { departments, enterprises, people, projects, regions, users } from '../../db/schema.js';
import type { Ctx } from '../../core/context.js';
import { AppError, fieldError } from '../../core/errors.js';
import type { DbOrTx } from '../../db/client.js';
import { diff, writeAudit } from '../../core/audit.js';
import { projectScope } from '../../core/scope.js';

const LEVEL_ORDER = ['province', 'city', 'county', 'town', 'park'];

// ---------- regions ----------

export async function listRegions(ctx: Ctx): Promise<Region[]> {
  const rows = await ctx.db.select().from(regions).orderBy(asc(regions.sort), asc(regions.code));
  return rows.map((r) => ({ ...r, level: r.level as Region['level'] }));
}

/** Reads through `db`: inside a transaction that locked the region, the transaction itself (PGlite has one connection). */
async function checkRegionParent(db: DbOrTx, v: { code: string; level: string; parentCode?: string | null }) {
  if (!v.parentCode) {
    if (v.level !== 'province' && v.level !== 'city' && v.level !== 'county') throw new AppError('VALIDATION', '乡镇和园区须选择上级区域', [{ path: 'parentCode', message: '请选择上级区域' }]);
    return;
  }
  const [p] = await db.select().from(regions).where(eq(regions.code, v.parentCode));
  if (!p) throw new AppError('VALIDATION', '上级区域不存在', [{ path: 'parentCode', message: '上级区域不存在' }]);
  if (LEVEL_ORDER.indexOf(p.level) >= LEVEL_ORDER.indexOf(v.level) || p.level === 'town' || p.level === 'park') {
    throw new AppError('VALIDATION', '上级区域的层级须高于本区域', [{ path: 'parentCode', message: '层级不匹配' }]);
  }
  if (!v.code.startsWith(regionPrefix(p.code))) {
    throw new AppError('VALIDATION', `区划代码应以上级代码 ${regionPrefix(p.code)} 开头`, [{ path: 'code', message: `应以 ${regionPrefix(p.code)} 开头` }]);
  }
}

export async function createRegion(ctx: Ctx, input: RegionInput): Promise<Region> {
  const v = RegionInputSchema.parse(input);
  await checkRegionParent(ctx.db, v);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.insert(regions).values({ code: v.code, name: v.name, level: v.level, parentCode: v.parentCode ?? null, sort: v.sort }).returning();
    await writeAudit(tx, ctx, { action: 'region.create', entityType: 'region', entityId: v.code, summary: `新增区域 ${v.name}`, after: row });
    return { ...row!, level: row!.level as Region['level'] };
  });
}

export async function updateRegion(ctx: Ctx, code: string, input: Partial<Omit<RegionInput, 'code'>>): Promise<Region> {
  return ctx.db.transaction(async (tx) => {
    const [cur] = await tx.select().from(regions).where(eq(regions.code, code)).for('update');
    if (!cur) throw new AppError('NOT_FOUND');
    const next = { name: input.name ?? cur.name, level: input.level ?? cur.level, parentCode: input.parentCode !== undefined ? input.parentCode : cur.parentCode, sort: input.sort ?? cur.sort };
    await checkRegionParent(tx, { code, ...next });
    const [row] = await tx.update(regions).set(next).where(eq(regions.code, code)).returning();
    const d = diff(cur, row!);
    await writeAudit(tx, ctx, { action: 'region.update', entityType: 'region', entityId: code, summary: `修改区域 ${row!.name}`, before: d.before, after: d.after });
    return { ...row!, level: row!.level as Region['level'] };
  });
}

export async function deleteRegion(ctx: Ctx, code: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const [cur] = await tx.select().from(regions).where(eq(regions.code, code)).for('update');
    if (!cur) throw new AppError('NOT_FOUND');
    const [child] = await tx.select({ code: regions.code }).from(regions).where(eq(regions.parentCode, code)).limit(1);
    if (child) throw new AppError('IN_USE', '该区域下还有下级区域，不能删除');
    const [p] = await tx.select({ id: projects.id }).from(projects).where(eq(projects.regionCode, code)).limit(1);
    if (p) throw new AppError('IN_USE', '该区域下还有项目，不能删除');
    await tx.delete(regions).where(eq(regions.code, code));
    await writeAudit(tx, ctx, { action: 'region.delete', entityType: 'region', entityId: code, summary: `删除区域 ${cur.name}`, before: cur });
  });
}

// ---------- departments ----------

const toDept = (r: typeof departments.$inferSelect): Department => ({ ...r, kind: r.kind as Department['kind'] });

export async function listDepartments(ctx: Ctx): Promise<Department[]> {
  const rows = await ctx.db.select().from(departments).orderBy(asc(departments.sort), asc(departments.id));
  return rows.map(toDept);
}

/** A department's 分管领导 must be an active leader. */
async function checkDeptLeader(tx: DbOrTx, leaderId: number | null | undefined): Promise<void> {
  if (leaderId == null) return;
  const [p] = await tx.select({ kind: people.kind, active: people.active }).from(people).where(eq(people.id, leaderId));
  if (!p || p.kind !== 'leader' || !p.active) throw fieldError('leaderId', '分管领导应为在职的领导');
}

export async function createDepartment(ctx: Ctx, input: DepartmentInput): Promise<Department> {
  const v = DepartmentInputSchema.parse(input);
  return ctx.db.transaction(async (tx) => {
    await checkDeptLeader(tx, v.leaderId);
    const [row] = await tx.insert(departments).values({ ...v, shortName: v.shortName ?? null, leaderId: v.leaderId ?? null }).returning();
    await writeAudit(tx, ctx, { action: 'department.create', entityType: 'department', entityId: row!.id, summary: `新增单位 ${v.name}`, after: row });
    return toDept(row!);
  });
}

export async function updateDepartment(ctx: Ctx, id: number, input: Partial<DepartmentInput>): Promise<Department> {
  return ctx.db.transaction(async (tx) => {
    const [cur] = await tx.select().from(departments).where(eq(departments.id, id)).for('update');
    if (!cur) throw new AppError('NOT_FOUND');
    await checkDeptLeader(tx, input.leaderId);
    const [row] = await tx.update(departments).set(input).where(eq(departments.id, id)).returning();
    const d = diff(cur, row!);
    await writeAudit(tx, ctx, { action: 'department.update', entityType: 'department', entityId: id, summary: `修改单位 ${row!.name}`, before: d.before, after: d.after });
    return toDept(row!);
  });
}

export async function deleteDepartment(ctx: Ctx, id: number): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const [cur] = await tx.select().from(departments).where(eq(departments.id, id)).for('update');
    if (!cur) throw new AppError('NOT_FOUND');
    const [p] = await tx.select({ id: projects.id }).from(projects).where(eq(projects.responsibleDeptId, id)).limit(1);
    const [u] = await tx.select({ id: users.id }).from(users).where(eq(users.departmentId, id)).limit(1);
    if (p || u) throw new AppError('IN_USE', '该单位还有牵头项目或用户，不能删除；可改为停用');
    await tx.delete(departments).where(eq(departments.id, id));
    await writeAudit(tx, ctx, { action: 'department.delete', entityType: 'department', entityId: id, summary: `删除单位 ${cur.name}`, before: cur });
  });
}

// ---------- enterprises ----------

const toEnt = (r: typeof enterprises.$inferSelect): Enterprise => ({
  id: r.id,
  name: r.name,
  creditCode: r.creditCode,
  regionCode: r.regionCode,
  legalPerson: r.legalPerson,
  contactPhone: r.contactPhone,
});

/** Enterprises visible to the user: all, those of the region, or those owning projects in scope. */
function enterpriseScope(ctx: Ctx): SQL {
  const u = ctx.user;
  if (u.scopeType === 'all') return sql`true`;
  if (u.scopeType === 'enterprise') return u.enterpriseId ? eq(enterprises.id, u.enterpriseId) : sql`false`;
  const owning = sql`EXISTS (SELECT 1 FROM ${projects} WHERE ${projects.ownerEnterpriseId} = ${enterprises.id} AND ${projects.deletedAt} IS NULL AND ${projectScope(u)})`;
  if (u.scopeType === 'region' && u.regionCode) return or(sql`${enterprises.regionCode} LIKE ${regionPrefix(u.regionCode) + '%'}`, owning)!;
  return owning;
}

export async function listEnterprises(ctx: Ctx, q: { q?: string; page: number; pageSize: number }) {
  const conds: SQL[] = [enterpriseScope(ctx)];
  if (q.q) conds.push(or(ilike(enterprises.name, `%${q.q}%`), ilike(enterprises.creditCode, `%${q.q}%`))!);
  const where = and(...conds);
  const [rows, [count]] = await Promise.all([
    ctx.db.select().from(enterprises).where(where).orderBy(asc(enterprises.id)).limit(q.pageSize).offset((q.page - 1) * q.pageSize),
    ctx.db.select({ n: sql<number>`count(*)` }).from(enterprises).where(where),
  ]);
  return { items: rows.map(toEnt), total: Number(count?.n ?? 0) };
}

export async function createEnterprise(ctx: Ctx, input: EnterpriseInput): Promise<Enterprise> {
  const v = EnterpriseInputSchema.parse(input);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(enterprises)
      .values({ name: v.name, creditCode: v.creditCode ?? null, regionCode: v.regionCode ?? null, legalPerson: v.legalPerson ?? null, contactPhone: v.contactPhone ?? null })
      .returning();
    await writeAudit(tx, ctx, { action: 'enterprise.create', entityType: 'enterprise', entityId: row!.id, summary: `新增企业 ${v.name}`, after: toEnt(row!) });
    return toEnt(row!);
  });
}

export async function updateEnterprise(ctx: Ctx, id: number, input: Partial<EnterpriseInput>): Promise<Enterprise> {
  const v = EnterpriseInputSchema.partial().parse(input);
  return ctx.db.transaction(async (tx) => {
    const [cur] = await tx.select().from(enterprises).where(and(eq(enterprises.id, id), enterpriseScope(ctx))).for('update');
    if (!cur) throw new AppError('NOT_FOUND');
    // nothing to change: the enterprise as it is, no audit
    if (!Object.values(v).some((x) => x !== undefined)) return toEnt(cur);
    const [row] = await tx.update(enterprises).set(v).where(eq(enterprises.id, id)).returning();
    const d = diff(toEnt(cur), toEnt(row!));
    await writeAudit(tx, ctx, { action: 'enterprise.update', entityType: 'enterprise', entityId: id, summary: `修改企业 ${row!.name}`, before: d.before, after: d.after });
    return toEnt(row!);
  });
}
