import { sql, type SQL } from 'drizzle-orm';
import { regionPrefix, type AssignmentKind, type AssignmentListQuery, type AssignmentSource, type AssignmentStatus, type AssignmentUnit } from '@tiaodu/contracts';
import { toIso } from '../../core/clock.js';
import { anyOfIds } from '../../core/sql.js';
import type { SessionUser } from '../../core/context.js';
import type { DbOrTx } from '../../db/client.js';

/**
 * SQL of 交办/建议提案. Every read of items carries `visible(user)`:
 * - admin, dispatcher and supervisor see every item;
 * - anybody sees what they created, what they assigned (their person is the assigner), and what
 *   they hold or held at a level of the ladder;
 * - a region user sees the items whose assignee or co-unit is a region of their subtree or a
 *   department of it; a user of a department (department users, and any user with a department)
 *   those of their department.
 * Project units hold no assignment permission (403 at the route).
 */
export function visible(user: SessionUser): SQL {
  if (user.role === 'admin' || user.role === 'dispatcher' || user.role === 'supervisor') return sql`true`;
  const parts: SQL[] = [
    sql`a.created_by = ${user.id}`,
    sql`a.assigner_person_id = (SELECT person_id FROM users WHERE id = ${user.id})`,
    sql`${user.id} = ANY(a.holder_ids)`,
    sql`EXISTS (SELECT 1 FROM assignment_events ev WHERE ev.assignment_id = a.id AND ev.kind = 'escalated' AND ev.data->'holderIds' @> ${JSON.stringify([user.id])}::jsonb)`,
  ];
  if (user.role === 'region' && user.scopeType === 'region' && user.regionCode) {
    const like = `${regionPrefix(user.regionCode)}%`;
    parts.push(sql`(a.unit_type = 'region' AND a.unit_id LIKE ${like})`);
    parts.push(sql`(a.unit_type = 'department' AND EXISTS (SELECT 1 FROM departments d WHERE d.id::text = a.unit_id AND d.region_code LIKE ${like}))`);
    parts.push(sql`EXISTS (SELECT 1 FROM unnest(a.co_unit_keys) k WHERE k LIKE ${`region:${like}`}
      OR EXISTS (SELECT 1 FROM departments d WHERE k = 'department:' || d.id AND d.region_code LIKE ${like}))`);
  }
  if (user.departmentId) {
    parts.push(sql`(a.unit_type = 'department' AND a.unit_id = ${String(user.departmentId)})`);
    parts.push(sql`${`department:${user.departmentId}`} = ANY(a.co_unit_keys)`);
  }
  return sql`(${sql.join(parts, sql` OR `)})`;
}

/**
 * Whether a user answers for a unit: a department's own users for a department; the users of a region
 * or of a region above it (a county for its towns) for a region. A co-unit, or a county for one of its
 * departments, reads but does not answer.
 */
export function actsFor(user: SessionUser, unit: AssignmentUnit): boolean {
  if (unit.unitType === 'department') return !!user.departmentId && String(user.departmentId) === unit.unitId;
  return user.role === 'region' && !!user.regionCode && unit.unitId.startsWith(regionPrefix(user.regionCode));
}

export interface AssignmentRow {
  id: number;
  kind: AssignmentKind;
  title: string;
  content: string;
  source: AssignmentSource;
  meetingName: string | null;
  meetingDate: string | null;
  assignerPersonId: number | null;
  assignerName: string | null;
  createdBy: number;
  unitType: 'region' | 'department';
  unitId: string;
  unitName: string;
  coUnits: AssignmentUnit[];
  limitDays: number | null;
  dueDate: string;
  status: AssignmentStatus;
  level: number;
  levelDueDate: string;
  holderIds: number[];
  answer: string | null;
  answeredAt: string | null;
  answeredByName: string | null;
  rating: string | null;
  ratingNote: string | null;
  closedAt: string | null;
  createdAt: string;
  version: number;
}

const SELECT = sql`SELECT a.id, a.kind, a.title, a.content, a.source, a.meeting_name, a.meeting_date::text AS meeting_date, a.assigner_person_id, pe.name AS assigner_name,
    a.created_by, a.unit_type, a.unit_id, coalesce(r.name, d.name, a.unit_id) AS unit_name, a.co_units, a.limit_days, a.due_date::text AS due_date, a.status, a.level,
    a.level_due_date::text AS level_due_date, a.holder_ids, a.answer, a.answered_at, ab.display_name AS answered_by_name, a.rating, a.rating_note, a.closed_at, a.created_at, a.version
  FROM assignments a
  LEFT JOIN people pe ON pe.id = a.assigner_person_id
  LEFT JOIN regions r ON a.unit_type = 'region' AND r.code = a.unit_id
  LEFT JOIN departments d ON a.unit_type = 'department' AND d.id::text = a.unit_id
  LEFT JOIN users ab ON ab.id = a.answered_by`;

const n = (v: unknown) => (v == null ? null : Number(v));

function mapRow(r: Record<string, unknown>): AssignmentRow {
  const co = typeof r.co_units === 'string' ? JSON.parse(r.co_units) : r.co_units;
  return {
    id: Number(r.id),
    kind: r.kind as AssignmentKind,
    title: String(r.title),
    content: String(r.content),
    source: r.source as AssignmentSource,
    meetingName: (r.meeting_name as string) ?? null,
    meetingDate: (r.meeting_date as string) ?? null,
    assignerPersonId: n(r.assigner_person_id),
    assignerName: (r.assigner_name as string) ?? null,
    createdBy: Number(r.created_by),
    unitType: r.unit_type as 'region' | 'department',
    unitId: String(r.unit_id),
    unitName: String(r.unit_name),
    coUnits: (co ?? []) as AssignmentUnit[],
    limitDays: n(r.limit_days),
    dueDate: String(r.due_date),
    status: r.status as AssignmentStatus,
    level: Number(r.level),
    levelDueDate: String(r.level_due_date),
    holderIds: ((r.holder_ids as number[] | null) ?? []).map(Number),
    answer: (r.answer as string) ?? null,
    answeredAt: toIso(r.answered_at as string | null),
    answeredByName: (r.answered_by_name as string) ?? null,
    rating: (r.rating as string) ?? null,
    ratingNote: (r.rating_note as string) ?? null,
    closedAt: toIso(r.closed_at as string | null),
    createdAt: toIso(r.created_at as string),
    version: Number(r.version),
  };
}

export async function listAssignments(db: DbOrTx, user: SessionUser, q: AssignmentListQuery, lastWorkday: string) {
  const c: SQL[] = [visible(user)];
  if (q.kind) c.push(sql`a.kind = ${q.kind}`);
  if (q.status) c.push(sql`a.status = ${q.status}`);
  if (q.overdue === 'true') c.push(sql`(a.status = 'open' AND a.level_due_date < ${lastWorkday}::date)`);
  if (q.keyword) {
    const k = `%${q.keyword.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    c.push(sql`(a.title ILIKE ${k} OR a.content ILIKE ${k} OR a.meeting_name ILIKE ${k})`);
  }
  const where = sql.join(c, sql` AND `);
  const [page, count] = await Promise.all([
    db.execute(sql`${SELECT} WHERE ${where} ORDER BY (a.status = 'open') DESC, a.level_due_date, a.id DESC LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`),
    db.execute(sql`SELECT count(*)::int AS n FROM assignments a WHERE ${where}`),
  ]);
  return { rows: page.rows.map((r) => mapRow(r as Record<string, unknown>)), total: Number((count.rows[0] as { n: number }).n) };
}

/** One item the user may see; `lock` takes the row lock for a change. */
export async function getAssignment(db: DbOrTx, user: SessionUser, id: number, lock = false): Promise<AssignmentRow | undefined> {
  const res = await db.execute(sql`${SELECT} WHERE a.id = ${id} AND ${visible(user)} ${lock ? sql`FOR UPDATE OF a` : sql``}`);
  const r = res.rows[0] as Record<string, unknown> | undefined;
  return r ? mapRow(r) : undefined;
}

/** An item by id for the scheduler, locked. */
export async function lockById(db: DbOrTx, id: number): Promise<AssignmentRow | undefined> {
  const res = await db.execute(sql`${SELECT} WHERE a.id = ${id} FOR UPDATE OF a`);
  const r = res.rows[0] as Record<string, unknown> | undefined;
  return r ? mapRow(r) : undefined;
}

/** Open items due at their level before `lastWorkday`, below the top level. */
export async function escalationCandidates(db: DbOrTx, lastWorkday: string, topLevel: number): Promise<number[]> {
  const res = await db.execute(sql`SELECT a.id FROM assignments a WHERE a.status = 'open' AND a.level_due_date < ${lastWorkday}::date AND a.level < ${topLevel} ORDER BY a.level_due_date, a.id`);
  return res.rows.map((r) => Number((r as { id: unknown }).id));
}

export async function events(db: DbOrTx, id: number) {
  const res = await db.execute(sql`SELECT e.id, e.kind, u.display_name AS actor_name, e.at, e.from_status, e.to_status, e.from_level, e.to_level, e.due_date::text AS due_date, e.note
    FROM assignment_events e LEFT JOIN users u ON u.id = e.actor_id WHERE e.assignment_id = ${id} ORDER BY e.at, e.id`);
  return res.rows.map((x) => {
    const r = x as Record<string, unknown>;
    return {
      id: Number(r.id),
      kind: String(r.kind),
      actorName: (r.actor_name as string) ?? null,
      at: toIso(r.at as string),
      fromStatus: (r.from_status as string) ?? null,
      toStatus: (r.to_status as string) ?? null,
      fromLevel: n(r.from_level),
      toLevel: n(r.to_level),
      dueDate: (r.due_date as string) ?? null,
      note: (r.note as string) ?? null,
    };
  });
}

export async function userNames(db: DbOrTx, ids: number[]): Promise<Array<{ id: number; name: string }>> {
  if (!ids.length) return [];
  const res = await db.execute(sql`SELECT id, display_name FROM users WHERE ${anyOfIds(sql`id`, ids)}`);
  const byId = new Map(res.rows.map((r) => [Number((r as { id: unknown }).id), String((r as { display_name: unknown }).display_name)]));
  return ids.filter((i) => byId.has(i)).map((id) => ({ id, name: byId.get(id)! }));
}

/** Names of units ('region:330122' → 桐庐县); a unit that does not exist is left out. */
export async function unitNames(db: DbOrTx, units: AssignmentUnit[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const codes = units.filter((u) => u.unitType === 'region').map((u) => u.unitId);
  const ids = units.filter((u) => u.unitType === 'department' && /^\d+$/.test(u.unitId)).map((u) => Number(u.unitId));
  if (codes.length) {
    const r = await db.execute(sql`SELECT code, name FROM regions WHERE code = ANY(${`{${codes.map((c) => c.replace(/[^0-9]/g, '')).join(',')}}`}::text[])`);
    for (const x of r.rows as Array<{ code: string; name: string }>) out.set(`region:${x.code}`, x.name);
  }
  if (ids.length) {
    const r = await db.execute(sql`SELECT id, name FROM departments WHERE active AND ${anyOfIds(sql`id`, ids)}`);
    for (const x of r.rows as Array<{ id: number; name: string }>) out.set(`department:${x.id}`, x.name);
  }
  return out;
}

/** The person of a user (null when the user has none). */
export async function personOf(db: DbOrTx, userId: number): Promise<number | null> {
  const r = await db.execute(sql`SELECT person_id FROM users WHERE id = ${userId}`);
  return n((r.rows[0] as { person_id?: unknown } | undefined)?.person_id);
}

export async function personExists(db: DbOrTx, id: number): Promise<boolean> {
  return (await db.execute(sql`SELECT 1 FROM people WHERE id = ${id} AND active`)).rows.length > 0;
}

const ids = async (db: DbOrTx, q: SQL) => (await db.execute(q)).rows.map((r) => Number((r as { id: unknown }).id));

/** Active users of a unit: a department's users, or a region's own users (role region, the region itself). */
export async function unitUsers(db: DbOrTx, unit: AssignmentUnit): Promise<number[]> {
  if (unit.unitType === 'department') return ids(db, sql`SELECT id FROM users WHERE department_id::text = ${unit.unitId} AND active ORDER BY id`);
  return ids(db, sql`SELECT id FROM users WHERE role = 'region' AND region_code = ${unit.unitId} AND active ORDER BY id`);
}

/** The region an item's unit belongs to (a department's region). */
async function regionOfUnit(db: DbOrTx, unit: AssignmentUnit): Promise<string | null> {
  if (unit.unitType === 'region') return unit.unitId;
  const r = await db.execute(sql`SELECT region_code FROM departments WHERE id::text = ${unit.unitId}`);
  return (r.rows[0] as { region_code?: string } | undefined)?.region_code ?? null;
}

/**
 * The users who hold an item at a ladder level: responsible = the assignee unit's users;
 * in_charge_leader = the department's 分管领导 (departments.leader_id → people → users.person_id), or
 * the region's leaders (leader accounts of the region, by their person's or their own region);
 * project_leaders = the assigner's user; dispatchers = the dispatchers whose scope covers the unit.
 */
export async function holdersFor(db: DbOrTx, holder: string, a: { unitType: 'region' | 'department'; unitId: string; assignerPersonId: number | null }): Promise<number[]> {
  const unit = { unitType: a.unitType, unitId: a.unitId };
  switch (holder) {
    case 'responsible':
      return unitUsers(db, unit);
    case 'in_charge_leader':
      if (a.unitType === 'department') return ids(db, sql`SELECT u.id FROM departments d JOIN users u ON u.person_id = d.leader_id WHERE d.id::text = ${a.unitId} AND u.active ORDER BY u.id`);
      return ids(db, sql`SELECT u.id FROM users u LEFT JOIN people pe ON pe.id = u.person_id
        WHERE u.active AND u.role = 'leader' AND (pe.region_code = ${a.unitId} OR (u.scope_type = 'region' AND u.region_code = ${a.unitId})) ORDER BY u.id`);
    case 'project_leaders':
      return a.assignerPersonId ? ids(db, sql`SELECT id FROM users WHERE person_id = ${a.assignerPersonId} AND active`) : [];
    case 'dispatchers': {
      const region = (await regionOfUnit(db, unit)) ?? '';
      const res = await db.execute(sql`SELECT id, scope_type, region_code FROM users WHERE role = 'dispatcher' AND active ORDER BY id`);
      return res.rows
        .map((x) => x as { id: unknown; scope_type: string; region_code: string | null })
        .filter((u) => u.scope_type === 'all' || (u.scope_type === 'region' && u.region_code && region.startsWith(regionPrefix(u.region_code))))
        .map((u) => Number(u.id));
    }
    default:
      return [];
  }
}

export interface RateRow {
  unitType: 'region' | 'department';
  unitId: string;
  unitName: string;
  sort: number;
  due: number;
  done: number;
  onTime: number;
}

/**
 * Per assignee unit: the items due (their limit) in [from, to], how many are done (answered: the
 * standing answer; the rating follows) and how many were answered on or before their limit
 * (China date). `user` limits to the items the user may see; without it, every item (the
 * indicator layer's computed figures). A unit whose items all fall outside the period is listed
 * with due 0 (its rates are "—").
 */
export async function rateRows(db: DbOrTx, range: { from: string; to: string }, user?: SessionUser): Promise<RateRow[]> {
  const scope = user ? visible(user) : sql`true`;
  const res = await db.execute(sql`SELECT a.unit_type, a.unit_id, coalesce(r.name, d.name, a.unit_id) AS unit_name, coalesce(d.sort, 0) AS sort,
      count(*) FILTER (WHERE a.due_date BETWEEN ${range.from}::date AND ${range.to}::date)::int AS due,
      count(*) FILTER (WHERE a.due_date BETWEEN ${range.from}::date AND ${range.to}::date AND a.status IN ('answered', 'closed'))::int AS done,
      count(*) FILTER (WHERE a.due_date BETWEEN ${range.from}::date AND ${range.to}::date AND a.status IN ('answered', 'closed')
        AND (a.answered_at AT TIME ZONE 'Asia/Shanghai')::date <= a.due_date)::int AS on_time
    FROM assignments a
    LEFT JOIN regions r ON a.unit_type = 'region' AND r.code = a.unit_id
    LEFT JOIN departments d ON a.unit_type = 'department' AND d.id::text = a.unit_id
    WHERE ${scope}
    GROUP BY a.unit_type, a.unit_id, r.name, d.name, d.sort
    ORDER BY a.unit_type DESC, a.unit_id`);
  return (res.rows as Record<string, unknown>[]).map((r) => ({
    unitType: r.unit_type as 'region' | 'department',
    unitId: String(r.unit_id),
    unitName: String(r.unit_name),
    sort: Number(r.sort),
    due: Number(r.due),
    done: Number(r.done),
    onTime: Number(r.on_time),
  }));
}

// ---------------------------------------------------------------- campaigns

export interface CampaignRow {
  id: number;
  name: string;
  startDate: string;
  endDate: string;
  description: string | null;
  items: unknown[];
  createdBy: number | null;
  version: number;
}

const CSELECT = sql`SELECT id, name, start_date::text AS start_date, end_date::text AS end_date, description, items, created_by, version FROM campaigns`;
function mapCampaign(r: Record<string, unknown>): CampaignRow {
  const items = typeof r.items === 'string' ? JSON.parse(r.items) : r.items;
  return {
    id: Number(r.id),
    name: String(r.name),
    startDate: String(r.start_date),
    endDate: String(r.end_date),
    description: (r.description as string) ?? null,
    items: (items ?? []) as unknown[],
    createdBy: n(r.created_by),
    version: Number(r.version),
  };
}

/** Campaigns are county-wide: every holder of task:read reads them all. */
export async function listCampaigns(db: DbOrTx): Promise<CampaignRow[]> {
  const res = await db.execute(sql`${CSELECT} ORDER BY end_date DESC, id DESC`);
  return res.rows.map((r) => mapCampaign(r as Record<string, unknown>));
}

export async function getCampaign(db: DbOrTx, id: number, lock = false): Promise<CampaignRow | undefined> {
  const res = await db.execute(sql`${CSELECT} WHERE id = ${id} ${lock ? sql`FOR UPDATE` : sql``}`);
  const r = res.rows[0] as Record<string, unknown> | undefined;
  return r ? mapCampaign(r) : undefined;
}
