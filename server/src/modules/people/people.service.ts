/**
 * People (人员): leaders and the heads and liaisons of units, with or without a login. The
 * admin records them, sets the departments a leader oversees (分管), and may later give a person
 * an account: a leader's account sees the projects the person leads, a unit person's account
 * sees the person's department. Every change is audited.
 */
import { eq } from 'drizzle-orm';
import {
  PersonAccountInputSchema,
  PersonInputSchema,
  PersonPatchSchema,
  can,
  type Person,
  type PersonAccountInput,
  type PersonInput,
  type PersonPatch,
  type PersonQuery,
} from '@tiaodu/contracts';
import { people, users } from '../../db/schema.js';
import type { Ctx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { diff, writeAudit } from '../../core/audit.js';
import { hashPassword } from '../../core/password.js';
import { leaderLevelOf } from '../admin/users.service.js';
import * as repo from './people.repository.js';

const fieldError = (path: string, message: string) => new AppError('VALIDATION', message, [{ path, message }]);

export async function listPeople(ctx: Ctx, q: PersonQuery): Promise<Person[]> {
  return repo.findPeople(ctx.db, q, can(ctx.user.role, 'admin:user'));
}

export async function getPerson(ctx: Ctx, id: number): Promise<Person> {
  const p = await repo.findPerson(ctx.db, id, can(ctx.user.role, 'admin:user'));
  if (!p) throw new AppError('NOT_FOUND');
  return p;
}

function auditView(p: Person) {
  const { projectCount: _c, departmentName: _d, ...rest } = p;
  return rest;
}

export async function createPerson(ctx: Ctx, input: PersonInput): Promise<Person> {
  const v = PersonInputSchema.parse(input);
  if (v.overseeDepartmentIds?.length && v.kind !== 'leader') throw fieldError('overseeDepartmentIds', '只有领导可以分管单位');
  if (v.kind !== 'leader' && !v.departmentId) throw fieldError('departmentId', '单位负责人和联络员须选择所在单位');
  return ctx.db.transaction(async (tx) => {
    if (v.overseeDepartmentIds?.length && (await repo.countDepartments(tx, v.overseeDepartmentIds)) !== new Set(v.overseeDepartmentIds).size) throw fieldError('overseeDepartmentIds', '分管单位不存在');
    const now = ctx.clock.now().toISOString();
    const [row] = await tx
      .insert(people)
      .values({
        name: v.name,
        kind: v.kind,
        title: v.title ?? null,
        level: v.level ?? (v.kind === 'leader' ? leaderLevelOf(v.title) : null),
        regionCode: v.regionCode ?? null,
        departmentId: v.departmentId ?? null,
        phone: v.phone ?? null,
        active: v.active ?? true,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: people.id });
    if (v.overseeDepartmentIds) await repo.setOversight(tx, row!.id, v.overseeDepartmentIds);
    const p = (await repo.findPerson(tx, row!.id))!;
    await writeAudit(tx, ctx, { action: 'person.create', entityType: 'person', entityId: p.id, summary: `新增人员 ${p.name}${p.title ? `（${p.title}）` : ''}`, after: auditView(p) });
    return p;
  });
}

export async function updatePerson(ctx: Ctx, id: number, input: PersonPatch): Promise<Person> {
  const v = PersonPatchSchema.parse(input);
  return ctx.db.transaction(async (tx) => {
    const [cur] = await tx.select().from(people).where(eq(people.id, id)).for('update');
    if (!cur) throw new AppError('NOT_FOUND');
    const before = (await repo.findPerson(tx, id))!;
    const kind = v.kind ?? cur.kind;
    const departmentId = v.departmentId !== undefined ? v.departmentId : cur.departmentId;
    if (kind !== 'leader' && !departmentId) throw fieldError('departmentId', '单位负责人和联络员须选择所在单位');
    if (kind !== 'leader' && (v.overseeDepartmentIds?.length || (v.overseeDepartmentIds === undefined && before.oversees.length))) throw fieldError('overseeDepartmentIds', '只有领导可以分管单位');
    if (kind !== 'leader' && before.projectCount > 0) throw fieldError('kind', `该人员是${before.projectCount}个项目的包保领导，不能改为非领导`);
    if (v.overseeDepartmentIds?.length && (await repo.countDepartments(tx, v.overseeDepartmentIds)) !== new Set(v.overseeDepartmentIds).size) throw fieldError('overseeDepartmentIds', '分管单位不存在');
    const set: Partial<typeof people.$inferInsert> = { updatedAt: ctx.clock.now().toISOString(), kind, departmentId: departmentId ?? null };
    if (v.name !== undefined) set.name = v.name;
    if (v.title !== undefined) set.title = v.title ?? null;
    if (v.level !== undefined) set.level = v.level ?? null;
    if (v.regionCode !== undefined) set.regionCode = v.regionCode ?? null;
    if (v.phone !== undefined) set.phone = v.phone ?? null;
    if (v.active !== undefined) set.active = v.active;
    await tx.update(people).set(set).where(eq(people.id, id));
    if (v.overseeDepartmentIds) await repo.setOversight(tx, id, v.overseeDepartmentIds);
    // The account's name follows the person's.
    if (v.name !== undefined || v.title !== undefined) {
      const acc: Partial<typeof users.$inferInsert> = {};
      if (v.name !== undefined) acc.displayName = v.name;
      if (v.title !== undefined) acc.title = v.title ?? null;
      await tx.update(users).set(acc).where(eq(users.personId, id));
    }
    const after = (await repo.findPerson(tx, id))!;
    const d = diff(auditView(before) as Record<string, unknown>, auditView(after));
    await writeAudit(tx, ctx, { action: 'person.update', entityType: 'person', entityId: id, summary: `修改人员 ${after.name}`, before: d.before, after: d.after });
    return after;
  });
}

/**
 * Gives a person a login. A leader gets role 包保领导 and sees the projects the person leads (the
 * scope follows the person, so projects assigned later are seen too); a unit head or liaison
 * gets role 职能部门 with the person's department as scope.
 */
export async function giveAccount(ctx: Ctx, id: number, input: PersonAccountInput): Promise<Person> {
  const v = PersonAccountInputSchema.parse(input);
  const hash = await hashPassword(v.password);
  return ctx.db.transaction(async (tx) => {
    const [cur] = await tx.select().from(people).where(eq(people.id, id)).for('update');
    if (!cur) throw new AppError('NOT_FOUND');
    if (!cur.active) throw new AppError('VALIDATION', '该人员已停用，不能开通账号');
    const [has] = await tx.select({ username: users.username }).from(users).where(eq(users.personId, id));
    if (has) throw new AppError('CONFLICT', `该人员已有账号「${has.username}」`);
    const leader = cur.kind === 'leader';
    if (!leader && !cur.departmentId) throw fieldError('departmentId', '该人员没有所在单位，无法确定账号的数据范围');
    const now = ctx.clock.now().toISOString();
    const [u] = await tx
      .insert(users)
      .values({
        username: v.username,
        displayName: cur.name,
        passwordHash: hash,
        role: leader ? 'leader' : 'department',
        title: cur.title,
        phone: cur.phone,
        scopeType: leader ? 'assigned' : 'department',
        regionCode: cur.regionCode,
        departmentId: leader ? null : cur.departmentId,
        personId: id,
        mustChangePassword: v.mustChangePassword ?? true,
        passwordChangedAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: users.id });
    const p = (await repo.findPerson(tx, id))!;
    await writeAudit(tx, ctx, [
      {
        action: 'user.create',
        entityType: 'user',
        entityId: u!.id,
        summary: `为${p.name}开通账号 ${v.username}`,
        after: { id: u!.id, username: v.username, displayName: cur.name, role: leader ? 'leader' : 'department', scopeType: leader ? 'assigned' : 'department', personId: id },
      },
      { action: 'person.account', entityType: 'person', entityId: id, summary: `为人员 ${p.name} 开通账号 ${v.username}`, after: { userId: u!.id, username: v.username } },
    ]);
    return p;
  });
}
