/**
 * SQL of the key tasks module. Every read of tasks is filtered by the user's scope in SQL
 * (taskScopeSql): all-scope users see every task; a region user the tasks one of whose units
 * (lead or co) lies in their region's subtree (regions, and departments of those regions); a
 * department user the tasks their department leads or co-leads; anyone the tasks whose lead
 * leader, follower or responsible person is their person (a leader's own tasks).
 */
import { sql, type SQL } from 'drizzle-orm';
import { regionPrefix } from '@tiaodu/contracts';
import type { DbOrTx } from '../../db/client.js';
import type { SessionUser } from '../../core/context.js';

export interface UnitRef {
  unitType: string;
  unitId: string;
}

/**
 * A department unit id (text) as the department's key, so the lookup uses the primary key instead
 * of comparing every department's id as text (what made a province's 20,000 tasks slow to name);
 * an id that is not a number names no department, as before.
 */
const DEPT_ID = (idCol: string) => `(CASE WHEN ${idCol} ~ '^[0-9]{1,9}$' THEN ${idCol}::int END)`;

/** Whose person a task names (lead leader, follower, responsible person). */
function personSql(user: SessionUser, alias: string): SQL {
  const t = sql.raw(alias);
  return sql`EXISTS (SELECT 1 FROM users su WHERE su.id = ${user.id} AND su.person_id IS NOT NULL AND su.person_id IN (${t}.lead_leader_id, ${t}.follower_id, ${t}.person_id))`;
}

/** The units a user acts for, as a condition on (unit_type, unit_id) columns of `alias`. */
export function unitScopeSql(user: SessionUser, alias: string): SQL {
  const ut = sql.raw(`${alias}.unit_type`);
  const ui = sql.raw(`${alias}.unit_id`);
  if (user.scopeType === 'all') return sql`true`;
  if (user.scopeType === 'region' && user.regionCode) {
    const p = regionPrefix(user.regionCode) + '%';
    return sql`((${ut} = 'region' AND ${ui} LIKE ${p}) OR (${ut} = 'department' AND EXISTS (SELECT 1 FROM departments sd WHERE sd.id = ${sql.raw(DEPT_ID(`${alias}.unit_id`))} AND sd.region_code LIKE ${p})))`;
  }
  if (user.scopeType === 'department' && user.departmentId) return sql`(${ut} = 'department' AND ${ui} = ${String(user.departmentId)})`;
  return sql`false`;
}

export function taskScopeSql(user: SessionUser, alias = 't'): SQL {
  if (user.scopeType === 'all') return sql`true`;
  if (user.scopeType === 'enterprise') return sql`false`;
  const t = sql.raw(alias);
  const units = user.scopeType === 'region' || user.scopeType === 'department' ? sql`EXISTS (SELECT 1 FROM task_units tu WHERE tu.task_id = ${t}.id AND ${unitScopeSql(user, 'tu')})` : sql`false`;
  return sql`(${units} OR ${personSql(user, alias)})`;
}

export interface TaskRow {
  id: number;
  parentId: number | null;
  rootId: number | null;
  depth: number;
  title: string;
  type: string;
  year: number;
  leadLeaderId: number | null;
  leadLeaderName: string | null;
  leadUnitType: string;
  leadUnitId: string;
  leadUnitName: string;
  personId: number | null;
  personName: string | null;
  followerId: number | null;
  followerName: string | null;
  benchmark: string | null;
  description: string | null;
  cadence: 'weekly' | 'xun' | 'monthly';
  deadline: string;
  publicCommitment: boolean;
  doneDate: string | null;
  createdOn: string;
  version: number;
}

const UNIT_NAME = (typeCol: string, idCol: string) =>
  sql.raw(`CASE WHEN ${typeCol} = 'region' THEN (SELECT name FROM regions WHERE code = ${idCol}) ELSE (SELECT name FROM departments WHERE id = ${DEPT_ID(idCol)}) END`);

const TASK_COLUMNS = sql`t.id, t.parent_id, t.root_id, t.depth, t.title, t.type, t.year, t.lead_leader_id, ll.name AS lead_leader_name, t.lead_unit_type, t.lead_unit_id,
  ${UNIT_NAME('t.lead_unit_type', 't.lead_unit_id')} AS lead_unit_name, t.person_id, pp.name AS person_name, t.follower_id, fp.name AS follower_name,
  t.benchmark, t.description, t.cadence, t.deadline::text AS deadline, t.public_commitment, t.done_date::text AS done_date,
  to_char(t.created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS created_on, t.version`;
const TASK_FROM = sql`tasks t LEFT JOIN people ll ON ll.id = t.lead_leader_id LEFT JOIN people pp ON pp.id = t.person_id LEFT JOIN people fp ON fp.id = t.follower_id`;

function toTask(x: Record<string, unknown>): TaskRow {
  return {
    id: Number(x.id),
    parentId: x.parent_id == null ? null : Number(x.parent_id),
    rootId: x.root_id == null ? null : Number(x.root_id),
    depth: Number(x.depth),
    title: String(x.title),
    type: String(x.type),
    year: Number(x.year),
    leadLeaderId: x.lead_leader_id == null ? null : Number(x.lead_leader_id),
    leadLeaderName: (x.lead_leader_name as string | null) ?? null,
    leadUnitType: String(x.lead_unit_type),
    leadUnitId: String(x.lead_unit_id),
    leadUnitName: (x.lead_unit_name as string | null) ?? String(x.lead_unit_id),
    personId: x.person_id == null ? null : Number(x.person_id),
    personName: (x.person_name as string | null) ?? null,
    followerId: x.follower_id == null ? null : Number(x.follower_id),
    followerName: (x.follower_name as string | null) ?? null,
    benchmark: (x.benchmark as string | null) ?? null,
    description: (x.description as string | null) ?? null,
    cadence: x.cadence as TaskRow['cadence'],
    deadline: String(x.deadline),
    publicCommitment: Boolean(x.public_commitment),
    doneDate: (x.done_date as string | null) ?? null,
    createdOn: String(x.created_on),
    version: Number(x.version),
  };
}

export async function listTasks(db: DbOrTx, user: SessionUser | null, f: { year?: number; type?: string; q?: string; rootsOnly?: boolean; ids?: number[]; mine?: number; parentId?: number; leadUnit?: { unitType: string; unitId: string } } = {}): Promise<TaskRow[]> {
  const conds: SQL[] = [user ? taskScopeSql(user) : sql`true`];
  if (f.year) conds.push(sql`t.year = ${f.year}`);
  if (f.type) conds.push(sql`t.type = ${f.type}`);
  if (f.q) conds.push(sql`t.title ILIKE ${'%' + f.q.replace(/[%_\\]/g, (c) => '\\' + c) + '%'}`);
  if (f.rootsOnly) conds.push(sql`t.parent_id IS NULL`);
  if (f.leadUnit) conds.push(sql`t.lead_unit_type = ${f.leadUnit.unitType} AND t.lead_unit_id = ${f.leadUnit.unitId}`);
  if (f.parentId) conds.push(sql`t.parent_id = ${f.parentId}`);
  if (f.ids) conds.push(f.ids.length ? sql`t.id = ANY(${`{${f.ids.join(',')}}`}::int[])` : sql`false`);
  if (f.mine) conds.push(sql`EXISTS (SELECT 1 FROM users su WHERE su.id = ${f.mine} AND su.person_id IS NOT NULL AND su.person_id IN (t.lead_leader_id, t.follower_id, t.person_id))`);
  const r = await db.execute(sql`SELECT ${TASK_COLUMNS} FROM ${TASK_FROM} WHERE ${sql.join(conds, sql` AND `)} ORDER BY t.year DESC, COALESCE(t.root_id, t.id), t.depth, t.id`);
  return (r.rows as Record<string, unknown>[]).map(toTask);
}

export async function taskById(db: DbOrTx, user: SessionUser | null, id: number, lock = false): Promise<TaskRow | null> {
  if (lock) await db.execute(sql`SELECT id FROM tasks WHERE id = ${id} FOR UPDATE`);
  const rows = await listTasks(db, user, { ids: [id] });
  return rows[0] ?? null;
}

const intArray = (ids: number[]) => `{${ids.join(',')}}`;

export async function unitsOf(db: DbOrTx, ids: number[]) {
  if (!ids.length) return [];
  const r = await db.execute(sql`SELECT task_id, unit_type, unit_id, role, ${UNIT_NAME('unit_type', 'unit_id')} AS unit_name FROM task_units WHERE task_id = ANY(${intArray(ids)}::int[]) ORDER BY task_id, role DESC, sort, unit_type, unit_id`);
  return (r.rows as Record<string, unknown>[]).map((x) => ({ taskId: Number(x.task_id), unitType: String(x.unit_type), unitId: String(x.unit_id), role: x.role as 'lead' | 'co', unitName: (x.unit_name as string | null) ?? String(x.unit_id) }));
}

export interface TargetRow {
  id: number;
  taskId: number;
  name: string;
  kind: 'quantity' | 'deliverable';
  value: string | null;
  unit: string;
  dueDate: string | null;
  doneDate: string | null;
  breakdown: { by: 'month' | 'quarter'; values: Array<string | null> } | null;
  fromProjects: boolean;
  main: boolean;
}

export async function targetsOf(db: DbOrTx, ids: number[]): Promise<TargetRow[]> {
  if (!ids.length) return [];
  const r = await db.execute(sql`SELECT id, task_id, name, kind, value, unit, due_date::text AS due_date, done_date::text AS done_date, breakdown, from_projects, main FROM task_targets WHERE task_id = ANY(${intArray(ids)}::int[]) ORDER BY task_id, sort, id`);
  return (r.rows as Record<string, unknown>[]).map((x) => ({
    id: Number(x.id),
    taskId: Number(x.task_id),
    name: String(x.name),
    kind: x.kind as TargetRow['kind'],
    value: (x.value as string | null) ?? null,
    unit: String(x.unit),
    dueDate: (x.due_date as string | null) ?? null,
    doneDate: (x.done_date as string | null) ?? null,
    breakdown: (x.breakdown as TargetRow['breakdown']) ?? null,
    fromProjects: Boolean(x.from_projects),
    main: Boolean(x.main),
  }));
}

export interface NodeRow {
  id: number;
  taskId: number;
  seq: number;
  name: string;
  dueDate: string;
  unitType: string | null;
  unitId: string | null;
  unitName: string | null;
  personName: string | null;
  doneDate: string | null;
}

export async function nodesOf(db: DbOrTx, ids: number[]): Promise<NodeRow[]> {
  if (!ids.length) return [];
  const r = await db.execute(sql`SELECT n.id, n.task_id, n.seq, n.name, n.due_date::text AS due_date, n.unit_type, n.unit_id,
      CASE WHEN n.unit_type IS NULL THEN NULL ELSE ${UNIT_NAME('n.unit_type', 'n.unit_id')} END AS unit_name, p.name AS person_name, n.done_date::text AS done_date
    FROM task_nodes n LEFT JOIN people p ON p.id = n.person_id WHERE n.task_id = ANY(${intArray(ids)}::int[]) ORDER BY n.task_id, n.due_date, n.seq, n.id`);
  return (r.rows as Record<string, unknown>[]).map((x) => ({
    id: Number(x.id),
    taskId: Number(x.task_id),
    seq: Number(x.seq),
    name: String(x.name),
    dueDate: String(x.due_date),
    unitType: (x.unit_type as string | null) ?? null,
    unitId: (x.unit_id as string | null) ?? null,
    unitName: (x.unit_name as string | null) ?? null,
    personName: (x.person_name as string | null) ?? null,
    doneDate: (x.done_date as string | null) ?? null,
  }));
}

export interface ReportRow {
  id: number;
  taskId: number;
  period: string;
  periodEnd: string;
  status: 'draft' | 'submitted' | 'returned' | 'accepted';
  figures: Array<{ targetId: number; value: string; unit: string }>;
  text: string | null;
  nodeIdsDone: number[];
  submittedBy: number | null;
  submittedByName: string | null;
  submittedAt: string | null;
  reviewedAt: string | null;
  returnReason: string | null;
}

/** What the lights read of a task's reports (docs/tasks.md: 完成数, missing reports). */
export interface ReportedFacts {
  /** Periods with a submitted or accepted report. */
  periods: Set<string>;
  /** Per target, the figure (exact text) of the latest accepted report that has one. */
  figures: Map<number, string>;
}

/** ReportedFacts from reports as reportsOf reads them (latest period first). */
export function reportedFactsOf(reports: ReportRow[]): Map<number, ReportedFacts> {
  const out = new Map<number, ReportedFacts>();
  for (const r of reports) {
    let f = out.get(r.taskId);
    if (!f) out.set(r.taskId, (f = { periods: new Set(), figures: new Map() }));
    if (r.status === 'submitted' || r.status === 'accepted') f.periods.add(r.period);
  }
  const accepted = reports.filter((r) => r.status === 'accepted').sort((a, b) => (a.periodEnd < b.periodEnd ? 1 : -1));
  for (const r of accepted) {
    const f = out.get(r.taskId)!;
    for (const x of r.figures) if (!f.figures.has(x.targetId)) f.figures.set(x.targetId, String(x.value));
  }
  return out;
}

/**
 * ReportedFacts of many tasks, made in SQL: one row per task instead of every report with its
 * figures (a province's 20,000 tasks hold 200,000 reports; the lists and the 督查 desk need only
 * this of them).
 */
export async function reportedFactsIn(db: DbOrTx, ids: number[]): Promise<Map<number, ReportedFacts>> {
  const out = new Map<number, ReportedFacts>();
  if (!ids.length) return out;
  const r = await db.execute(sql`SELECT t.id,
      (SELECT array_agg(r.period) FROM task_reports r WHERE r.task_id = t.id AND r.status IN ('submitted', 'accepted')) AS periods,
      (SELECT jsonb_object_agg(x.target_id, x.value) FROM (
         SELECT DISTINCT ON (f->>'targetId') f->>'targetId' AS target_id, f->>'value' AS value
         FROM task_reports r CROSS JOIN jsonb_array_elements(r.figures) f
         WHERE r.task_id = t.id AND r.status = 'accepted' ORDER BY f->>'targetId', r.period_end DESC, r.id DESC) x) AS figures
    FROM unnest(${intArray(ids)}::int[]) t(id)`);
  for (const x of r.rows as Record<string, unknown>[]) {
    const figures = (x.figures as Record<string, string> | null) ?? {};
    out.set(Number(x.id), { periods: new Set(((x.periods as string[] | null) ?? []).map(String)), figures: new Map(Object.entries(figures).map(([k, v]) => [Number(k), String(v)])) });
  }
  return out;
}

export async function reportsOf(db: DbOrTx, ids: number[], reportId?: number): Promise<ReportRow[]> {
  if (!ids.length && !reportId) return [];
  const where = reportId ? sql`r.id = ${reportId}` : sql`r.task_id = ANY(${intArray(ids)}::int[])`;
  const r = await db.execute(sql`SELECT r.id, r.task_id, r.period, r.period_end::text AS period_end, r.status, r.figures, r.text, r.node_ids_done, r.submitted_by, u.display_name AS submitted_by_name,
      r.submitted_at, r.reviewed_at, r.return_reason
    FROM task_reports r LEFT JOIN users u ON u.id = r.submitted_by WHERE ${where} ORDER BY r.task_id, r.period_end DESC, r.id DESC`);
  return (r.rows as Record<string, unknown>[]).map((x) => ({
    id: Number(x.id),
    taskId: Number(x.task_id),
    period: String(x.period),
    periodEnd: String(x.period_end),
    status: x.status as ReportRow['status'],
    figures: (x.figures as ReportRow['figures']) ?? [],
    text: (x.text as string | null) ?? null,
    nodeIdsDone: ((x.node_ids_done as number[] | null) ?? []).map(Number),
    submittedBy: x.submitted_by == null ? null : Number(x.submitted_by),
    submittedByName: (x.submitted_by_name as string | null) ?? null,
    submittedAt: x.submitted_at == null ? null : new Date(String(x.submitted_at)).toISOString(),
    reviewedAt: x.reviewed_at == null ? null : new Date(String(x.reviewed_at)).toISOString(),
    returnReason: (x.return_reason as string | null) ?? null,
  }));
}

export interface FileRow {
  id: number;
  taskId: number;
  reportId: number | null;
  kind: string;
  name: string;
  mime: string;
  size: number;
  storageKey: string;
  uploadedAt: string;
}

export async function filesOf(db: DbOrTx, ids: number[]): Promise<FileRow[]> {
  if (!ids.length) return [];
  const r = await db.execute(sql`SELECT id, task_id, report_id, kind, name, mime, size, storage_key, uploaded_at FROM task_files WHERE task_id = ANY(${intArray(ids)}::int[]) ORDER BY id`);
  return (r.rows as Record<string, unknown>[]).map((x) => ({
    id: Number(x.id),
    taskId: Number(x.task_id),
    reportId: x.report_id == null ? null : Number(x.report_id),
    kind: String(x.kind),
    name: String(x.name),
    mime: String(x.mime),
    size: Number(x.size),
    storageKey: String(x.storage_key),
    uploadedAt: new Date(String(x.uploaded_at)).toISOString(),
  }));
}

export interface UrgeRow {
  id: number;
  taskId: number;
  reason: string;
  dueDate: string;
  level: number;
  holderIds: number[];
  status: 'open' | 'answered';
  answer: string | null;
  answeredAt: string | null;
  createdAt: string;
  createdByName: string | null;
  history: unknown[];
}

export async function urgesOf(db: DbOrTx, ids: number[] | null, urgeId?: number, lock = false): Promise<UrgeRow[]> {
  const where = urgeId ? sql`g.id = ${urgeId}` : ids ? (ids.length ? sql`g.task_id = ANY(${intArray(ids)}::int[])` : sql`false`) : sql`g.status = 'open'`;
  const r = await db.execute(sql`SELECT g.id, g.task_id, g.reason, g.due_date::text AS due_date, g.level, g.holder_ids, g.status, g.answer, g.answered_at, g.created_at, u.display_name AS created_by_name, g.history
    FROM task_urges g LEFT JOIN users u ON u.id = g.created_by WHERE ${where} ORDER BY g.id ${lock ? sql`FOR UPDATE OF g` : sql``}`);
  return (r.rows as Record<string, unknown>[]).map((x) => ({
    id: Number(x.id),
    taskId: Number(x.task_id),
    reason: String(x.reason),
    dueDate: String(x.due_date),
    level: Number(x.level),
    holderIds: ((x.holder_ids as number[] | null) ?? []).map(Number),
    status: x.status as UrgeRow['status'],
    answer: (x.answer as string | null) ?? null,
    answeredAt: x.answered_at == null ? null : new Date(String(x.answered_at)).toISOString(),
    createdAt: new Date(String(x.created_at)).toISOString(),
    createdByName: (x.created_by_name as string | null) ?? null,
    history: (x.history as unknown[]) ?? [],
  }));
}

/** Linked ledger projects with their accepted completed investment of the task's year (万元). */
export async function projectsOf(db: DbOrTx, ids: number[]) {
  if (!ids.length) return [];
  const r = await db.execute(sql`SELECT tp.task_id, p.id, p.name, p.stage, p.actual_start::text AS actual_start, t.year,
      COALESCE((SELECT sum(mr.investment) FROM monthly_reports mr WHERE mr.project_id = p.id AND mr.year = t.year AND mr.status = 'accepted'), 0)::text AS completed
    FROM task_projects tp JOIN tasks t ON t.id = tp.task_id JOIN projects p ON p.id = tp.project_id AND p.deleted_at IS NULL
    WHERE tp.task_id = ANY(${intArray(ids)}::int[]) ORDER BY tp.task_id, p.id`);
  return (r.rows as Record<string, unknown>[]).map((x) => ({
    taskId: Number(x.task_id),
    id: Number(x.id),
    name: String(x.name),
    stage: String(x.stage),
    actualStart: (x.actual_start as string | null) ?? null,
    year: Number(x.year),
    completed: String(x.completed),
  }));
}

/** Names of units (region codes and department ids); unknown ones are left out. */
export async function unitNamesOf(db: DbOrTx, units: UnitRef[]): Promise<Map<string, { name: string; regionCode: string }>> {
  const out = new Map<string, { name: string; regionCode: string }>();
  const regions = units.filter((u) => u.unitType === 'region').map((u) => u.unitId.replace(/\D/g, ''));
  const depts = units.filter((u) => u.unitType === 'department').map((u) => Number(u.unitId)).filter((n) => Number.isInteger(n) && n > 0 && n < 2 ** 31);
  if (regions.length) {
    const r = await db.execute(sql`SELECT code, name FROM regions WHERE code = ANY(${`{${regions.join(',')}}`}::text[])`);
    for (const x of r.rows as Record<string, unknown>[]) out.set(`region:${x.code}`, { name: String(x.name), regionCode: String(x.code) });
  }
  if (depts.length) {
    const r = await db.execute(sql`SELECT id, name, region_code FROM departments WHERE id = ANY(${intArray(depts)}::int[])`);
    for (const x of r.rows as Record<string, unknown>[]) out.set(`department:${x.id}`, { name: String(x.name), regionCode: String(x.region_code) });
  }
  return out;
}

export async function existingPeople(db: DbOrTx, ids: number[]): Promise<Set<number>> {
  if (!ids.length) return new Set();
  const r = await db.execute(sql`SELECT id FROM people WHERE id = ANY(${intArray(ids)}::int[])`);
  return new Set((r.rows as { id: number }[]).map((x) => Number(x.id)));
}

export async function existingProjects(db: DbOrTx, ids: number[]): Promise<Set<number>> {
  if (!ids.length) return new Set();
  const r = await db.execute(sql`SELECT id FROM projects WHERE deleted_at IS NULL AND id = ANY(${intArray(ids)}::int[])`);
  return new Set((r.rows as { id: number }[]).map((x) => Number(x.id)));
}

/** Active users acting for a unit: region users of the region, users of the department. */
export async function unitUsers(db: DbOrTx, u: UnitRef): Promise<number[]> {
  const r =
    u.unitType === 'region'
      ? await db.execute(sql`SELECT id FROM users WHERE active AND scope_type = 'region' AND region_code = ${u.unitId} AND role <> 'leader'`)
      : await db.execute(sql`SELECT id FROM users WHERE active AND scope_type = 'department' AND department_id::text = ${u.unitId}`);
  return (r.rows as { id: number }[]).map((x) => Number(x.id));
}

export async function personUsers(db: DbOrTx, personIds: Array<number | null>): Promise<number[]> {
  const ids = personIds.filter((x): x is number => !!x);
  if (!ids.length) return [];
  const r = await db.execute(sql`SELECT id FROM users WHERE active AND person_id = ANY(${intArray(ids)}::int[])`);
  return (r.rows as { id: number }[]).map((x) => Number(x.id));
}

export async function roleUsers(db: DbOrTx, roles: string[]): Promise<number[]> {
  const r = await db.execute(sql`SELECT id FROM users WHERE active AND role = ANY(${`{${roles.join(',')}}`}::text[])`);
  return (r.rows as { id: number }[]).map((x) => Number(x.id));
}

export async function personOfUser(db: DbOrTx, userId: number): Promise<number | null> {
  const r = await db.execute(sql`SELECT person_id FROM users WHERE id = ${userId}`);
  const p = (r.rows[0] as { person_id: number | null } | undefined)?.person_id;
  return p == null ? null : Number(p);
}
