import { sql, type SQL } from 'drizzle-orm';
import type { Person, PersonKind, PersonQuery, LeaderLevel } from '@tiaodu/contracts';
import type { DbOrTx } from '../../db/client.js';

/** An id list as one PostgreSQL array literal (one bind parameter, whatever its length). */
const pgIntArray = (ids: number[]) => `{${ids.map((n) => Math.trunc(n)).join(',')}}`;

/** One query for the people list and for one person: department, oversight, projects and account. */
function selectPeople(where: SQL): SQL {
  return sql`
    SELECT pe.id, pe.name, pe.kind, pe.title, pe.level, pe.region_code, pe.department_id, d.name AS department_name,
      pe.phone, pe.active, u.id AS user_id, u.username,
      coalesce((SELECT json_agg(json_build_object('id', od.id, 'name', od.name) ORDER BY od.sort, od.id) FROM departments od WHERE od.leader_id = pe.id), '[]'::json) AS oversees,
      (SELECT count(*) FROM project_leaders pl JOIN projects p ON p.id = pl.project_id AND p.deleted_at IS NULL WHERE pl.person_id = pe.id) AS project_count
    FROM people pe
    LEFT JOIN departments d ON d.id = pe.department_id
    LEFT JOIN users u ON u.person_id = pe.id
    WHERE ${where}
    ORDER BY CASE pe.kind WHEN 'leader' THEN 0 ELSE 1 END,
      CASE pe.level WHEN 'province' THEN 0 WHEN 'city' THEN 1 WHEN 'county' THEN 2 WHEN 'town' THEN 3 ELSE 4 END, pe.id`;
}

function toPerson(x: Record<string, unknown>, showPhone: boolean): Person {
  const oversees = typeof x.oversees === 'string' ? JSON.parse(x.oversees) : x.oversees;
  return {
    id: Number(x.id),
    name: String(x.name),
    kind: x.kind as PersonKind,
    title: (x.title as string | null) ?? null,
    level: (x.level as LeaderLevel | null) ?? null,
    regionCode: (x.region_code as string | null) ?? null,
    departmentId: x.department_id == null ? null : Number(x.department_id),
    departmentName: (x.department_name as string | null) ?? null,
    phone: showPhone ? ((x.phone as string | null) ?? null) : null,
    active: Boolean(x.active),
    oversees: (oversees as { id: number; name: string }[]).map((o) => ({ id: Number(o.id), name: o.name })),
    projectCount: Number(x.project_count ?? 0),
    userId: x.user_id == null ? null : Number(x.user_id),
    username: (x.username as string | null) ?? null,
  };
}

export async function findPeople(db: DbOrTx, q: PersonQuery, showPhone: boolean): Promise<Person[]> {
  const c: SQL[] = [];
  if (q.role === 'leader') c.push(sql`pe.kind = 'leader'`);
  if (q.role === 'contact') c.push(sql`pe.kind <> 'leader'`);
  if (q.kind) c.push(sql`pe.kind = ${q.kind}`);
  if (q.departmentId) c.push(sql`pe.department_id = ${q.departmentId}`);
  if (q.q) c.push(sql`(pe.name ILIKE ${'%' + q.q + '%'} OR pe.title ILIKE ${'%' + q.q + '%'})`);
  if (q.hasAccount === 'true') c.push(sql`u.id IS NOT NULL`);
  if (q.hasAccount === 'false') c.push(sql`u.id IS NULL`);
  if (q.includeInactive !== 'true') c.push(sql`pe.active`);
  const where = c.length ? sql.join(c, sql` AND `) : sql`true`;
  const r = await db.execute(selectPeople(where));
  return r.rows.map((x) => toPerson(x as Record<string, unknown>, showPhone));
}

export async function findPerson(db: DbOrTx, id: number, showPhone = true): Promise<Person | undefined> {
  const r = await db.execute(selectPeople(sql`pe.id = ${id}`));
  const x = r.rows[0];
  return x ? toPerson(x as Record<string, unknown>, showPhone) : undefined;
}

/** Makes `personId` the 分管领导 of exactly `deptIds` (others it oversaw lose it). */
export async function setOversight(db: DbOrTx, personId: number, deptIds: number[]): Promise<void> {
  await db.execute(sql`UPDATE departments SET leader_id = NULL WHERE leader_id = ${personId} AND NOT (id = ANY(${pgIntArray(deptIds)}::int[]))`);
  if (deptIds.length) await db.execute(sql`UPDATE departments SET leader_id = ${personId} WHERE id = ANY(${pgIntArray(deptIds)}::int[])`);
}

export async function countDepartments(db: DbOrTx, ids: number[]): Promise<number> {
  if (!ids.length) return 0;
  const r = await db.execute(sql`SELECT count(*) AS n FROM departments WHERE id = ANY(${pgIntArray(ids)}::int[])`);
  return Number((r.rows[0] as { n: unknown }).n);
}
