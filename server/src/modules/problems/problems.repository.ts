import { sql, type SQL } from 'drizzle-orm';
import { regionPrefix, type ProblemListQuery, type ProblemStatus } from '@tiaodu/contracts';
import { toIso } from '../../core/clock.js';
import { anyOfIds } from '../../core/sql.js';
import type { SessionUser } from '../../core/context.js';
import { projectScope } from '../../core/scope.js';
import type { DbOrTx } from '../../db/client.js';

/**
 * SQL of the problems module. Queries read `problems p JOIN projects` (projects unaliased so
 * projectScope applies) and always carry `visible(user)`.
 */

/**
 * The problems a user may see: those of the projects in their scope, and those they are
 * part of — raised by them, assigned to them or their unit, held at their level now or
 * before. A department sees only what it is part of (its assigned problems), not every
 * problem of the projects it leads.
 */
export function visible(user: SessionUser): SQL {
  const personal = sql`(p.raised_by = ${user.id}
    OR p.responsible_user_id = ${user.id}
    ${user.departmentId ? sql`OR p.responsible_dept_id = ${user.departmentId}` : sql``}
    OR ${user.id} = ANY(p.holder_ids)
    OR EXISTS (SELECT 1 FROM problem_events ev WHERE ev.problem_id = p.id AND ev.kind = 'escalated' AND ev.data->'holderIds' @> ${JSON.stringify([user.id])}::jsonb))`;
  const scoped = user.scopeType === 'department' ? personal : sql`(${projectScope(user)} OR ${personal})`;
  return sql`projects.deleted_at IS NULL AND ${scoped}`;
}

/** Waiting for the user: their unit's open problems, the ones at their level, to assign, to rate. */
export function todo(user: SessionUser, canAssign: boolean): SQL {
  return sql`((p.status IN ('pending', 'handling') AND (p.responsible_user_id = ${user.id}
      ${user.departmentId ? sql`OR p.responsible_dept_id = ${user.departmentId}` : sql``}
      OR ${user.id} = ANY(p.holder_ids)
      ${canAssign ? sql`OR p.responsible_dept_id IS NULL` : sql``}))
    OR (p.status IN ('answered_solved', 'deferred') AND p.raised_by = ${user.id}))`;
}

/** Open and past its due date by at least one working day (`lastWorkday` = the last working day up to today). */
export function overdue(lastWorkday: string): SQL {
  return sql`(p.status IN ('pending', 'handling') AND p.due_date < ${lastWorkday}::date)`;
}

export interface ProblemRow {
  id: number;
  projectId: number;
  projectName: string;
  regionCode: string;
  source: string;
  category: string;
  title: string;
  description: string;
  status: ProblemStatus;
  level: number;
  responsibleDeptId: number | null;
  responsibleDeptName: string | null;
  responsibleUserId: number | null;
  responsibleUserName: string | null;
  holderIds: number[];
  raisedBy: number;
  raisedByName: string;
  raisedAt: string;
  limitDays: number | null;
  dueDate: string | null;
  assignedAt: string | null;
  reportId: number | null;
  reportYear: number | null;
  reportMonth: number | null;
  answer: string | null;
  answeredAt: string | null;
  answeredByName: string | null;
  deferralCondition: string | null;
  deferralDate: string | null;
  rating: string | null;
  ratingNote: string | null;
  closedAt: string | null;
  version: number;
}

const SELECT = sql`SELECT p.id, p.project_id, projects.name AS project_name, projects.region_code, p.source, p.category, p.title, p.description,
    p.status, p.level, p.responsible_dept_id, d.name AS dept_name, p.responsible_user_id, ru.display_name AS responsible_user_name,
    p.holder_ids, p.raised_by, rb.display_name AS raised_by_name, p.raised_at, p.limit_days, p.due_date::text AS due_date, p.assigned_at,
    p.report_id, mr.year AS report_year, mr.month AS report_month, p.answer, p.answered_at, ab.display_name AS answered_by_name,
    p.deferral_condition, p.deferral_date::text AS deferral_date, p.rating, p.rating_note, p.closed_at, p.version
  FROM problems p
  JOIN projects ON projects.id = p.project_id
  LEFT JOIN departments d ON d.id = p.responsible_dept_id
  LEFT JOIN users ru ON ru.id = p.responsible_user_id
  LEFT JOIN users rb ON rb.id = p.raised_by
  LEFT JOIN users ab ON ab.id = p.answered_by
  LEFT JOIN monthly_reports mr ON mr.id = p.report_id`;

const n = (v: unknown) => (v == null ? null : Number(v));

function mapRow(r: Record<string, unknown>): ProblemRow {
  return {
    id: Number(r.id),
    projectId: Number(r.project_id),
    projectName: String(r.project_name),
    regionCode: String(r.region_code),
    source: String(r.source),
    category: String(r.category),
    title: String(r.title),
    description: String(r.description),
    status: r.status as ProblemStatus,
    level: Number(r.level),
    responsibleDeptId: n(r.responsible_dept_id),
    responsibleDeptName: (r.dept_name as string) ?? null,
    responsibleUserId: n(r.responsible_user_id),
    responsibleUserName: (r.responsible_user_name as string) ?? null,
    holderIds: ((r.holder_ids as number[] | null) ?? []).map(Number),
    raisedBy: Number(r.raised_by),
    raisedByName: String(r.raised_by_name ?? ''),
    raisedAt: toIso(r.raised_at as string),
    limitDays: n(r.limit_days),
    dueDate: (r.due_date as string) ?? null,
    assignedAt: toIso(r.assigned_at as string | null),
    reportId: n(r.report_id),
    reportYear: n(r.report_year),
    reportMonth: n(r.report_month),
    answer: (r.answer as string) ?? null,
    answeredAt: toIso(r.answered_at as string | null),
    answeredByName: (r.answered_by_name as string) ?? null,
    deferralCondition: (r.deferral_condition as string) ?? null,
    deferralDate: (r.deferral_date as string) ?? null,
    rating: (r.rating as string) ?? null,
    ratingNote: (r.rating_note as string) ?? null,
    closedAt: toIso(r.closed_at as string | null),
    version: Number(r.version),
  };
}

export interface ListContext {
  user: SessionUser;
  canAssign: boolean;
  lastWorkday: string;
}

function filters(q: ProblemListQuery): SQL[] {
  const c: SQL[] = [];
  if (q.status) c.push(sql`p.status = ${q.status}`);
  if (q.level !== undefined) c.push(sql`p.level = ${q.level}`);
  if (q.category) c.push(sql`p.category = ${q.category}`);
  if (q.projectId) c.push(sql`p.project_id = ${q.projectId}`);
  if (q.deptId) c.push(sql`p.responsible_dept_id = ${q.deptId}`);
  if (q.reportId) c.push(sql`p.report_id = ${q.reportId}`);
  if (q.keyword) {
    const k = `%${q.keyword.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    c.push(sql`(p.title ILIKE ${k} OR p.description ILIKE ${k} OR projects.name ILIKE ${k})`);
  }
  return c;
}

function tabCondition(lc: ListContext, tab: ProblemListQuery['tab']): SQL {
  switch (tab) {
    case 'mine':
      return sql`p.raised_by = ${lc.user.id}`;
    case 'todo':
      return todo(lc.user, lc.canAssign);
    case 'overdue':
      return overdue(lc.lastWorkday);
    default:
      return sql`true`;
  }
}

export async function listProblems(db: DbOrTx, lc: ListContext, q: ProblemListQuery) {
  const where = sql.join([visible(lc.user), ...filters(q)], sql` AND `);
  const tabbed = sql`${where} AND ${tabCondition(lc, q.tab)}`;
  // the page's ids first (problems and projects only), then the joins for those rows alone
  const [page, counts] = await Promise.all([
    db.execute(sql`SELECT p.id FROM problems p JOIN projects ON projects.id = p.project_id WHERE ${tabbed}
      ORDER BY (p.status IN ('pending', 'handling')) DESC, p.due_date ASC NULLS LAST, p.raised_at DESC, p.id DESC
      LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`),
    db.execute(sql`SELECT count(*)::int AS all,
        count(*) FILTER (WHERE ${tabCondition(lc, 'mine')})::int AS mine,
        count(*) FILTER (WHERE ${tabCondition(lc, 'todo')})::int AS todo,
        count(*) FILTER (WHERE ${tabCondition(lc, 'overdue')})::int AS overdue,
        count(*) FILTER (WHERE p.status IN ('pending', 'handling'))::int AS open
      FROM problems p JOIN projects ON projects.id = p.project_id WHERE ${where}`),
  ]);
  const c = counts.rows[0] as Record<string, unknown>;
  const cnt = { all: Number(c.all), mine: Number(c.mine), todo: Number(c.todo), overdue: Number(c.overdue) };
  const ids = page.rows.map((r) => Number((r as { id: unknown }).id));
  const rows = ids.length ? (await db.execute(sql`${SELECT} WHERE ${anyOfIds(sql`p.id`, ids)}`)).rows.map((r) => mapRow(r as Record<string, unknown>)) : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return { rows: ids.map((id) => byId.get(id)!).filter(Boolean), total: cnt[q.tab], counts: { ...cnt, open: Number(c.open) } };
}

/** One problem the user may see; `lock` takes the row lock for a change. */
export async function getProblem(db: DbOrTx, user: SessionUser, id: number, lock = false): Promise<ProblemRow | undefined> {
  const res = await db.execute(sql`${SELECT} WHERE p.id = ${id} AND ${visible(user)} ${lock ? sql`FOR UPDATE OF p` : sql``}`);
  const r = res.rows[0] as Record<string, unknown> | undefined;
  return r ? mapRow(r) : undefined;
}

/** A problem by id for the platform's own work (the scheduler), locked. */
export async function lockProblemById(db: DbOrTx, id: number): Promise<ProblemRow | undefined> {
  const res = await db.execute(sql`${SELECT} WHERE p.id = ${id} AND projects.deleted_at IS NULL FOR UPDATE OF p`);
  const r = res.rows[0] as Record<string, unknown> | undefined;
  return r ? mapRow(r) : undefined;
}

/** Open problems due before `lastWorkday` below the top level: the scheduler's candidates. */
export async function escalationCandidates(db: DbOrTx, lastWorkday: string, topLevel: number): Promise<number[]> {
  const res = await db.execute(sql`SELECT p.id FROM problems p JOIN projects ON projects.id = p.project_id
    WHERE p.status IN ('pending', 'handling') AND p.due_date < ${lastWorkday}::date AND p.level < ${topLevel} AND projects.deleted_at IS NULL
    ORDER BY p.due_date, p.id`);
  return res.rows.map((r) => Number((r as { id: unknown }).id));
}

/** Open problems (of live projects) due from `from` up to, not including, `before`. */
export async function dueBetween(db: DbOrTx, from: string, before: string): Promise<ProblemRow[]> {
  const res = await db.execute(sql`${SELECT} WHERE p.status IN ('pending', 'handling') AND p.due_date >= ${from}::date AND p.due_date < ${before}::date AND projects.deleted_at IS NULL ORDER BY p.due_date, p.id`);
  return res.rows.map((r) => mapRow(r as Record<string, unknown>));
}

export async function events(db: DbOrTx, problemId: number) {
  const res = await db.execute(sql`SELECT e.id, e.kind, u.display_name AS actor_name, e.at, e.from_status, e.to_status, e.from_level, e.to_level, e.due_date::text AS due_date, e.note
    FROM problem_events e LEFT JOIN users u ON u.id = e.actor_id WHERE e.problem_id = ${problemId} ORDER BY e.at, e.id`);
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

export async function attachments(db: DbOrTx, problemId: number) {
  const res = await db.execute(sql`SELECT a.id, a.original_name, a.mime, a.size, u.display_name AS uploaded_by_name, a.created_at, a.file_path, a.uploaded_by
    FROM problem_attachments a LEFT JOIN users u ON u.id = a.uploaded_by WHERE a.problem_id = ${problemId} ORDER BY a.id`);
  return res.rows.map((x) => {
    const r = x as Record<string, unknown>;
    return {
      id: Number(r.id),
      originalName: (r.original_name as string) ?? null,
      mime: String(r.mime),
      size: Number(r.size),
      uploadedByName: (r.uploaded_by_name as string) ?? null,
      createdAt: toIso(r.created_at as string),
      filePath: String(r.file_path),
      uploadedBy: n(r.uploaded_by),
    };
  });
}

export async function userNames(db: DbOrTx, ids: number[]): Promise<Array<{ id: number; name: string }>> {
  if (!ids.length) return [];
  const res = await db.execute(sql`SELECT id, display_name FROM users WHERE ${anyOfIds(sql`id`, ids)}`);
  const byId = new Map(res.rows.map((r) => [Number((r as { id: unknown }).id), String((r as { display_name: unknown }).display_name)]));
  return ids.filter((i) => byId.has(i)).map((id) => ({ id, name: byId.get(id)! }));
}

/** Active users of a unit, for the assignment picker and its notices. */
export async function unitUsers(db: DbOrTx, deptId: number) {
  const res = await db.execute(sql`SELECT id, display_name, title FROM users WHERE department_id = ${deptId} AND active ORDER BY id`);
  return res.rows.map((x) => {
    const r = x as Record<string, unknown>;
    return { id: Number(r.id), name: String(r.display_name), title: (r.title as string) ?? null };
  });
}

/**
 * The people who hold a problem at a ladder level: the unit's 分管领导 (falling back to the
 * project's first leader), the project's 包保领导, or the dispatchers whose scope covers the
 * project. Empty for the responsible level (held by the unit) or when nobody fits.
 */
export async function holdersFor(db: DbOrTx, holder: string, p: { projectId: number; regionCode: string; responsibleDeptId: number | null }): Promise<number[]> {
  const ids = async (q: SQL) => (await db.execute(q)).rows.map((r) => Number((r as { id: unknown }).id));
  // people hold a level through their login: a leader without an account is not notified (nobody to tell)
  const leaders = () => ids(sql`SELECT u.id FROM project_leaders pl JOIN users u ON u.person_id = pl.person_id WHERE pl.project_id = ${p.projectId} AND u.active ORDER BY pl.sort, pl.person_id`);
  switch (holder) {
    case 'in_charge_leader': {
      const own = p.responsibleDeptId ? await ids(sql`SELECT u.id FROM departments d JOIN users u ON u.person_id = d.leader_id WHERE d.id = ${p.responsibleDeptId} AND u.active`) : [];
      return own.length ? own : (await leaders()).slice(0, 1);
    }
    case 'project_leaders':
      return leaders();
    case 'dispatchers': {
      const res = await db.execute(sql`SELECT id, scope_type, region_code FROM users WHERE role = 'dispatcher' AND active ORDER BY id`);
      return res.rows
        .map((x) => x as { id: unknown; scope_type: string; region_code: string | null })
        .filter((u) => u.scope_type === 'all' || (u.scope_type === 'region' && u.region_code && p.regionCode.startsWith(regionPrefix(u.region_code))))
        .map((u) => Number(u.id));
    }
    default:
      return [];
  }
}

/** Rows for the counts per unit, over the problems the user may see. */
export async function statsRows(db: DbOrTx, user: SessionUser, from?: string, to?: string) {
  const c: SQL[] = [visible(user)];
  if (from) c.push(sql`(p.raised_at AT TIME ZONE 'Asia/Shanghai')::date >= ${from}::date`);
  if (to) c.push(sql`(p.raised_at AT TIME ZONE 'Asia/Shanghai')::date <= ${to}::date`);
  const res = await db.execute(sql`SELECT p.responsible_dept_id AS dept_id, d.name AS dept_name, d.sort AS dept_sort, p.status, p.level, p.due_date::text AS due_date,
      (p.assigned_at AT TIME ZONE 'Asia/Shanghai')::date::text AS assigned_on, (p.answered_at AT TIME ZONE 'Asia/Shanghai')::date::text AS answered_on,
      p.deferral_condition IS NOT NULL AS deferred_answer
    FROM problems p JOIN projects ON projects.id = p.project_id LEFT JOIN departments d ON d.id = p.responsible_dept_id
    WHERE ${sql.join(c, sql` AND `)}`);
  return res.rows.map((x) => {
    const r = x as Record<string, unknown>;
    return {
      deptId: n(r.dept_id),
      deptName: (r.dept_name as string) ?? null,
      deptSort: Number(r.dept_sort ?? 0),
      status: r.status as ProblemStatus,
      level: Number(r.level),
      dueDate: (r.due_date as string) ?? null,
      assignedOn: (r.assigned_on as string) ?? null,
      answeredOn: (r.answered_on as string) ?? null,
      deferredAnswer: r.deferred_answer === true,
    };
  });
}
