import { and, asc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { toIso } from '../../core/clock.js';
import type { Role, ScopeType, User, UserCreate, UserPatch } from '@tiaodu/contracts';
import { UserCreateSchema } from '@tiaodu/contracts';
import { people, sessions, users } from '../../db/schema.js';
import type { Ctx } from '../../core/context.js';
import type { DbOrTx } from '../../db/client.js';
import { AppError } from '../../core/errors.js';
import { writeAudit, diff } from '../../core/audit.js';
import { hashPassword } from '../../core/password.js';


export function toUser(u: typeof users.$inferSelect): User {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role as Role,
    title: u.title,
    phone: u.phone,
    scopeType: u.scopeType as ScopeType,
    regionCode: u.regionCode,
    departmentId: u.departmentId,
    enterpriseId: u.enterpriseId,
    active: u.active,
    lockedUntil: toIso(u.lockedUntil),
    lastLoginAt: toIso(u.lastLoginAt),
    mustChangePassword: u.mustChangePassword,
    personId: u.personId,
  };
}

/**
 * The person a new login belongs to. A leader is a person first: the one named, else an active
 * leader of the same name who has no login yet (an imported 包保领导), else a new person, so that
 * projects keep referring to one person. Other roles belong to a person only when one is named.
 */
async function personForAccount(
  tx: DbOrTx,
  ctx: Ctx,
  v: { username: string; displayName: string; role: string; title?: string | null; regionCode?: string | null; phone?: string | null; personId: number | null },
): Promise<number | null> {
  if (v.personId) {
    const [p] = await tx.select({ id: people.id }).from(people).where(eq(people.id, v.personId));
    if (!p) throw new AppError('VALIDATION', '所选人员不存在', [{ path: 'personId', message: '人员不存在' }]);
    const [taken] = await tx.select({ username: users.username }).from(users).where(eq(users.personId, v.personId));
    if (taken) throw new AppError('VALIDATION', `该人员已有账号「${taken.username}」`, [{ path: 'personId', message: '该人员已有账号' }]);
    return v.personId;
  }
  if (v.role !== 'leader') return null;
  const same = await tx.execute(sql`
    SELECT p.id FROM people p WHERE p.kind = 'leader' AND p.active AND p.name = ${v.displayName}
      AND NOT EXISTS (SELECT 1 FROM users u WHERE u.person_id = p.id) ORDER BY p.id`);
  if (same.rows.length === 1) return Number((same.rows[0] as { id: unknown }).id);
  const [p] = await tx
    .insert(people)
    .values({ name: v.displayName, kind: 'leader', title: v.title ?? null, level: leaderLevelOf(v.title), regionCode: v.regionCode ?? null, phone: v.phone ?? null })
    .returning({ id: people.id });
  await writeAudit(tx, ctx, { action: 'person.create', entityType: 'person', entityId: p!.id, summary: `新增领导 ${v.displayName}（随账号 ${v.username}）`, after: { id: p!.id, name: v.displayName, kind: 'leader', title: v.title ?? null } });
  return p!.id;
}

/** 县长/副县长 → 县级, 市长 → 市级 …: the level a title implies, when it names one. */
export function leaderLevelOf(title: string | null | undefined): 'province' | 'city' | 'county' | 'town' | null {
  if (!title) return null;
  if (/省/.test(title)) return 'province';
  if (/市/.test(title)) return 'city';
  if (/县|区长|区委/.test(title)) return 'county';
  if (/镇|乡|街道/.test(title)) return 'town';
  return null;
}

/** Fields kept in audit records (never the hash). */
function auditView(u: User) {
  const { lastLoginAt: _l, lockedUntil: _k, ...rest } = u;
  return rest;
}

export async function listUsers(ctx: Ctx, q: { q?: string; role?: string; page: number; pageSize: number }) {
  const conds: SQL[] = [];
  if (q.q) conds.push(or(ilike(users.username, `%${q.q}%`), ilike(users.displayName, `%${q.q}%`))!);
  if (q.role) conds.push(eq(users.role, q.role));
  const where = conds.length ? and(...conds) : undefined;
  const [rows, [count]] = await Promise.all([
    ctx.db.select().from(users).where(where).orderBy(asc(users.id)).limit(q.pageSize).offset((q.page - 1) * q.pageSize),
    ctx.db.select({ n: sql<number>`count(*)` }).from(users).where(where),
  ]);
  return { items: rows.map(toUser), total: Number(count?.n ?? 0) };
}

/** Leaders (people, with or without a login), for pickers and filters (names and titles are public information). */
export async function listLeaders(ctx: Ctx) {
  const rows = await ctx.db
    .select({ id: people.id, name: people.name, title: people.title })
    .from(people)
    .where(and(eq(people.kind, 'leader'), eq(people.active, true)))
    .orderBy(asc(people.id));
  return rows;
}

export async function createUser(ctx: Ctx, input: UserCreate): Promise<User> {
  const v = UserCreateSchema.parse(input);
  const hash = await hashPassword(v.password);
  return ctx.db.transaction(async (tx) => {
    const personId = await personForAccount(tx, ctx, { ...v, personId: v.personId ?? null });
    const [row] = await tx
      .insert(users)
      .values({
        personId,
        username: v.username,
        displayName: v.displayName,
        passwordHash: hash,
        role: v.role,
        title: v.title ?? null,
        phone: v.phone ?? null,
        scopeType: v.scopeType,
        regionCode: v.regionCode ?? null,
        departmentId: v.departmentId ?? null,
        enterpriseId: v.enterpriseId ?? null,
        active: v.active,
        mustChangePassword: true,
        passwordChangedAt: ctx.clock.now().toISOString(),
        createdAt: ctx.clock.now().toISOString(),
        updatedAt: ctx.clock.now().toISOString(),
      })
      .returning();
    const user = toUser(row!);
    await writeAudit(tx, ctx, { action: 'user.create', entityType: 'user', entityId: user.id, summary: `新增用户 ${user.username}（${user.displayName}）`, after: auditView(user) });
    return user;
  });
}

export async function updateUser(ctx: Ctx, id: number, patch: UserPatch): Promise<User> {
  return ctx.db.transaction(async (tx) => {
    const [cur] = await tx.select().from(users).where(eq(users.id, id)).for('update');
    if (!cur) throw new AppError('NOT_FOUND');
    const merged = {
      scopeType: patch.scopeType ?? cur.scopeType,
      regionCode: patch.regionCode !== undefined ? patch.regionCode : cur.regionCode,
      departmentId: patch.departmentId !== undefined ? patch.departmentId : cur.departmentId,
      enterpriseId: patch.enterpriseId !== undefined ? patch.enterpriseId : cur.enterpriseId,
    };
    if (merged.scopeType === 'region' && !merged.regionCode) throw new AppError('VALIDATION', '数据范围为“本区域”时须选择区域', [{ path: 'regionCode', message: '请选择区域' }]);
    if (merged.scopeType === 'department' && !merged.departmentId) throw new AppError('VALIDATION', '数据范围为“本部门”时须选择部门', [{ path: 'departmentId', message: '请选择部门' }]);
    if (merged.scopeType === 'enterprise' && !merged.enterpriseId) throw new AppError('VALIDATION', '数据范围为“本单位”时须选择项目单位', [{ path: 'enterpriseId', message: '请选择项目单位' }]);
    if (id === ctx.user.id && (patch.active === false || (patch.role && patch.role !== cur.role))) {
      throw new AppError('VALIDATION', '不能停用自己的账号或修改自己的角色');
    }
    const set: Partial<typeof users.$inferInsert> = { updatedAt: ctx.clock.now().toISOString() };
    // a user made a leader becomes (or finds) the person projects will refer to
    if (patch.role === 'leader' && !cur.personId) {
      set.personId = await personForAccount(tx, ctx, { username: cur.username, displayName: patch.displayName ?? cur.displayName, role: 'leader', title: patch.title ?? cur.title, regionCode: merged.regionCode, phone: cur.phone, personId: null });
    }
    if (patch.displayName !== undefined) set.displayName = patch.displayName;
    if (patch.role !== undefined) set.role = patch.role;
    if (patch.title !== undefined) set.title = patch.title ?? null;
    if (patch.phone !== undefined) set.phone = patch.phone ?? null;
    if (patch.active !== undefined) set.active = patch.active;
    Object.assign(set, merged);
    if (patch.password) {
      set.passwordHash = await hashPassword(patch.password);
      set.passwordChangedAt = ctx.clock.now().toISOString();
      set.mustChangePassword = true;
    }
    if (patch.unlock) {
      set.failedAttempts = 0;
      set.lockedUntil = null;
    }
    const [row] = await tx.update(users).set(set).where(eq(users.id, id)).returning();
    const before = auditView(toUser(cur));
    const after = auditView(toUser(row!));
    const d = diff(before, after);
    if (patch.password || patch.active === false || patch.role || patch.scopeType) {
      await tx.delete(sessions).where(eq(sessions.userId, id));
    }
    await writeAudit(tx, ctx, {
      action: 'user.update',
      entityType: 'user',
      entityId: id,
      summary: `修改用户 ${cur.username}${patch.password ? '（重置密码）' : ''}${patch.unlock ? '（解锁）' : ''}`,
      before: d.before,
      after: d.after,
    });
    return toUser(row!);
  });
}
