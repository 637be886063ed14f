/**
 * 重点工作督办: key tasks with targets, sub-tasks, nodes and linked projects; progress reports on
 * the task's cadence with review; 督办 with escalation up the problems' ladder; the 督查 desk,
 * 办结率 statistics and the 督查通报 figures (supervisionBulletin). Definitions: docs/tasks.md.
 */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import {
  can,
  DEFAULT_TASK_TYPES,
  parsePeriod,
  regionPrefix,
  TaskInputSchema,
  TaskNodeInputSchema,
  TaskOverdueSchema,
  TaskStatsSchema,
  type Light,
  type SupervisionBulletin,
  type TaskDetail,
  type TaskInput,
  type TaskLightFilter,
  type TaskListItem,
  type TaskNodeInput,
  type TaskNodePatch,
  type TaskPatch,
  type TaskReport,
  type TaskReportInput,
  type TaskReview,
  type TaskSchedule,
  type TaskUrge,
  type TaskUrgeInput,
} from '@tiaodu/contracts';
import type { Ctx, SessionUser } from '../../core/context.js';
import type { DbOrTx } from '../../db/client.js';
import { AppError } from '../../core/errors.js';
import { writeAudit } from '../../core/audit.js';
import { chinaToday } from '../../core/clock.js';
import { loadCalendar, type Calendar } from '../../core/calendar.js';
import { inTransaction, publish } from '../../core/events.js';
import { readCache, serialise, type Serialised } from '../../core/read-cache.js';
import { getSetting, putSetting } from '../../core/settings.js';
import { add, dec, div, fixedQ, mul, q, roundQ, ZERO, type Q } from '../../core/exact.js';
import { uploadsStorage } from '../../lib/storage/storage.js';
import { storeUploads, type Upload } from '../../core/uploads.js';
import { notify } from '../notifications/notify.js';
import { ruleSetFor } from '../warnings/warnings.service.js';
import { getLadder, runEscalation } from '../problems/escalation.js';
import { escalationSteps, levelName } from '../problems/domain/ladder.js';
import { scheduleBackward } from '../milestones/domain/schedule.js';
import { parseFigure } from '../indicators/domain/figures.js';
import { taskFiles, taskNodes, taskProjects, taskReports, taskTargets, taskUnits, taskUrges, tasks } from './tasks.schema.js';
import * as repo from './tasks.repository.js';
import { convertUnit, dueLight, judgeTarget, overdueDays, reportLight, worst, type Reasoned } from './domain/lights.js';
import { isPeriodOpen, lastClosedPeriods, openPeriods, parseTaskPeriod, taskPeriodLabel, closesOn } from './domain/periods.js';

const today = (ctx: Ctx) => chinaToday(ctx.clock.now());
const key = (u: { unitType: string; unitId: string }) => `${u.unitType}:${u.unitId}`;
const HUNDRED = q(100);
const CADENCE_ZH = { weekly: '每周', xun: '每旬', monthly: '每月' } as const;
const CADENCE_EXAMPLE = { weekly: '2026-W23', xun: '2026-06-x2', monthly: '2026-06' } as const;
const link = (id: number) => `/tasks/${id}`;

// ------------------------------------------------------------------ types (setting)

const TYPES_KEY = 'tasks.types';
const TypesSchema = z.array(z.string().min(1).max(20)).min(1);

export async function getTaskTypes(ctx: Ctx, db: DbOrTx = ctx.db): Promise<{ types: string[] }> {
  return { types: await getSetting(db, TYPES_KEY, TypesSchema, [...DEFAULT_TASK_TYPES]) };
}

export async function setTaskTypes(ctx: Ctx, input: { types: string[] }): Promise<{ types: string[] }> {
  if (ctx.user.scopeType !== 'all') throw new AppError('FORBIDDEN', '只有调度员可以修改任务类型');
  const types = [...new Set(input.types.map((t) => t.trim()).filter(Boolean))];
  await inTransaction(ctx, async (tx) => {
    const before = await getSetting(tx, TYPES_KEY, TypesSchema, [...DEFAULT_TASK_TYPES]);
    await putSetting(tx, ctx, TYPES_KEY, types);
    await writeAudit(tx, ctx, { action: 'task.types', entityType: 'setting', entityId: TYPES_KEY, summary: `任务类型：${types.join('、')}`, before, after: types });
  });
  return { types };
}

// ------------------------------------------------------------------ evaluation

interface Facts {
  task: repo.TaskRow;
  units: Awaited<ReturnType<typeof repo.unitsOf>>;
  targets: repo.TargetRow[];
  nodes: repo.NodeRow[];
  /** Every report (the detail reads them; empty where only the lights are evaluated). */
  reports: repo.ReportRow[];
  /** What the lights read of the reports: the periods with a submitted or accepted report, and per target the figure of the latest accepted report that has one. */
  reported: repo.ReportedFacts;
  urges: repo.UrgeRow[];
  projects: Awaited<ReturnType<typeof repo.projectsOf>>;
}

interface Env {
  cal: Calendar;
  rules: NonNullable<Awaited<ReturnType<typeof ruleSetFor>>>['config'];
  today: string;
}

async function envOf(ctx: Ctx): Promise<Env> {
  const [cal, rs] = await Promise.all([loadCalendar(ctx.db), ruleSetFor(ctx.db, null)]);
  return { cal, rules: rs!.config, today: today(ctx) };
}

/** The facts of tasks; `reports: 'lights'` reads only what the lights need of the reports (lists, the bulletin), `'all'` every report (the detail). */
async function loadFacts(db: DbOrTx, rows: repo.TaskRow[], reports: 'all' | 'lights' = 'lights'): Promise<Facts[]> {
  const ids = rows.map((t) => t.id);
  const [units, targets, nodes, reportRows, urges, projects] = await Promise.all([
    repo.unitsOf(db, ids),
    repo.targetsOf(db, ids),
    repo.nodesOf(db, ids),
    reports === 'all' ? repo.reportsOf(db, ids) : Promise.resolve([]),
    repo.urgesOf(db, ids),
    repo.projectsOf(db, ids),
  ]);
  const reported = reports === 'all' ? repo.reportedFactsOf(reportRows) : await repo.reportedFactsIn(db, ids);
  const by = <T extends { taskId: number }>(list: T[]) => {
    const m = new Map<number, T[]>();
    for (const x of list) {
      const l = m.get(x.taskId);
      if (l) l.push(x);
      else m.set(x.taskId, [x]);
    }
    return m;
  };
  const [u, t, n, r, g, p] = [by(units), by(targets), by(nodes), by(reportRows), by(urges), by(projects)];
  return rows.map((task) => ({ task, units: u.get(task.id) ?? [], targets: t.get(task.id) ?? [], nodes: n.get(task.id) ?? [], reports: r.get(task.id) ?? [], reported: reported.get(task.id) ?? { periods: new Set(), figures: new Map() }, urges: g.get(task.id) ?? [], projects: p.get(task.id) ?? [] }));
}

/** Decimal text without trailing zeros (exact for the figures here: tenths of 万元 → 亿元 stay within 10 decimals). */
const fixed = (x: Q) => fixedQ(x, 10).replace(/0+$/, '').replace(/\.$/, '');

/** The linked projects' contribution to a fromProjects target, in the target's unit. */
function projectContribution(f: Facts, t: repo.TargetRow): Q | null {
  if (!t.fromProjects) return null;
  if (t.unit === '万元' || t.unit === '亿元') {
    const sum = f.projects.reduce((s, p) => add(s, dec(p.completed)), ZERO);
    return convertUnit(sum, '万元', t.unit);
  }
  return q(f.projects.filter((p) => p.actualStart && Number(p.actualStart.slice(0, 4)) === f.task.year).length);
}

/** Figure reached: the latest accepted report's figure plus the linked projects (fromProjects). */
function reachedOf(f: Facts, t: repo.TargetRow): { reached: Q | null; fromProjects: Q | null } {
  const fig = f.reported.figures.get(t.id);
  const reported: Q | null = fig === undefined ? null : dec(fig);
  const proj = projectContribution(f, t);
  if (reported === null && proj === null) return { reached: null, fromProjects: null };
  return { reached: add(reported ?? ZERO, proj ?? ZERO), fromProjects: proj };
}

/** The closed periods without a submitted or accepted report, counted back from the last one. */
function missingStreak(f: Facts, env: Env): repo.ReportRow['period'][] {
  const t = f.task;
  if (t.doneDate) return [];
  const from = t.createdOn;
  const closed = lastClosedPeriods(env.cal, t.cadence, env.today, from, 6).filter((p) => p.start <= t.deadline);
  const reported = f.reported.periods;
  const out: string[] = [];
  for (const p of closed) {
    if (reported.has(p.period)) break;
    out.push(p.period);
  }
  return out;
}

interface Evaluated {
  facts: Facts;
  light: Light | null;
  lightReason: string | null;
  progress: number | null;
  targets: Array<repo.TargetRow & { reached: Q | null; fromProjectsValue: Q | null; judged: ReturnType<typeof judgeTarget> | null; light: Light | null }>;
  nodes: Array<repo.NodeRow & { light: Light | null; overdueDays: number }>;
  missing: string[];
}

function evaluate(f: Facts, env: Env): Evaluated {
  const { cal, today: day, rules } = env;
  const reasons: Reasoned[] = [];
  const targets = f.targets.map((t) => {
    if (t.kind === 'deliverable') {
      const light = dueLight(cal, t.dueDate, t.doneDate, day);
      if (light === 'red') reasons.push({ light, reason: `目标「${t.name}」逾期${overdueDays(cal, t.dueDate, t.doneDate, day)}个工作日未完成` });
      else if (light === 'yellow') reasons.push({ light, reason: `目标「${t.name}」临期（${t.dueDate}）` });
      else if (light) reasons.push({ light, reason: null });
      return { ...t, reached: null, fromProjectsValue: null, judged: null, light };
    }
    const { reached, fromProjects } = reachedOf(f, t);
    const judged = f.task.doneDate ? null : judgeTarget(t, reached, f.task.year, rules, day);
    if (judged?.light) reasons.push({ light: judged.light, reason: judged.light === 'green' ? null : `目标「${t.name}」${judged.detail}` });
    return { ...t, reached, fromProjectsValue: fromProjects, judged, light: judged?.light ?? null };
  });
  const nodes = f.nodes.map((n) => {
    const light = f.task.doneDate ? null : dueLight(cal, n.dueDate, n.doneDate, day);
    const od = overdueDays(cal, n.dueDate, n.doneDate, day);
    if (light === 'red') reasons.push({ light, reason: `节点「${n.name}」逾期${od}个工作日` });
    else if (light === 'yellow') reasons.push({ light, reason: `节点「${n.name}」临期（${n.dueDate}到期）` });
    else if (light) reasons.push({ light, reason: null });
    return { ...n, light, overdueDays: od };
  });
  const missing = missingStreak(f, env);
  if (!f.task.doneDate) {
    const rl = reportLight(missing.length);
    reasons.push({ light: rl, reason: rl === 'green' ? null : `${missing.map(taskPeriodLabel).reverse().join('、')}未报送进展` });
    for (const g of f.urges) {
      if (g.status === 'open' && overdueDays(cal, g.dueDate, null, day) > 0) reasons.push({ light: 'red', reason: `督办逾期未答复（${g.dueDate}到期）` });
    }
  }
  const w = f.task.doneDate ? { light: 'green' as Light, reason: null } : worst(reasons);
  const main = mainTarget(targets);
  let progress: number | null = null;
  if (main?.value && main.reached && dec(main.value).n > 0n) progress = roundQ(mul(HUNDRED, div(main.reached, dec(main.value))), 2);
  return { facts: f, light: w.light ?? (f.task.doneDate ? 'green' : null), lightReason: w.reason, progress, targets, nodes, missing };
}

function listItem(e: Evaluated): TaskListItem {
  const t = e.facts.task;
  return {
    id: t.id,
    parentId: t.parentId,
    depth: t.depth,
    title: t.title,
    type: t.type,
    year: t.year,
    leadLeaderName: t.leadLeaderName,
    leadUnitName: t.leadUnitName,
    coUnitNames: e.facts.units.filter((u) => u.role === 'co').map((u) => u.unitName),
    personName: t.personName,
    deadline: t.deadline,
    cadence: t.cadence,
    done: !!t.doneDate,
    doneDate: t.doneDate,
    light: e.light,
    lightReason: e.lightReason,
    progress: e.progress,
  };
}

async function evaluateRows(ctx: Ctx, rows: repo.TaskRow[], env?: Env, reports: 'all' | 'lights' = 'lights'): Promise<Evaluated[]> {
  const e = env ?? (await envOf(ctx));
  return (await loadFacts(ctx.db, rows, reports)).map((f) => evaluate(f, e));
}

export interface TaskStatus {
  id: number;
  title: string;
  leadUnitName: string;
  deadline: string;
  done: boolean;
  light: 'green' | 'yellow' | 'red' | null;
  /** % of the main quantified target, 2 decimals. */
  progress: number | null;
  lightReason: string | null;
  /** The main quantified target (the one `progress` is of): its value, unit and the figure reached. */
  target: { name: string; unit: string; value: number; reached: number | null } | null;
}

/** The main quantified target: the one marked main, else the first with a value (what `progress` is of). */
const mainTarget = <T extends { kind: string; main: boolean; value: string | null }>(targets: T[]): T | undefined =>
  targets.find((t) => t.kind === 'quantity' && t.main) ?? targets.find((t) => t.kind === 'quantity' && t.value);

/** Status, light and progress of tasks by id (no scope check: callers check their own). */
export async function taskStatusOf(
  ctx: Ctx,
  ids: number[],
): Promise<Map<number, TaskStatus>> {
  const out = new Map<number, TaskStatus>();
  const unique = [...new Set(ids.filter((i) => Number.isInteger(i) && i > 0))];
  if (!unique.length) return out;
  const rows = await repo.listTasks(ctx.db, null, { ids: unique });
  for (const e of await evaluateRows(ctx, rows)) {
    const t = e.facts.task;
    const main = mainTarget(e.targets);
    const target = main?.value ? { name: main.name, unit: main.unit, value: Number(main.value), reached: main.reached ? Number(fixed(main.reached)) : null } : null;
    out.set(t.id, { id: t.id, title: t.title, leadUnitName: t.leadUnitName, deadline: t.deadline, done: !!t.doneDate, light: e.light, progress: e.progress, lightReason: e.lightReason, target });
  }
  return out;
}

// ------------------------------------------------------------------ reads

/**
 * The tasks of the user's scope. Year, type, title and lead unit filter in SQL (a lead unit or a
 * title lists tasks of every level); the light is known only once evaluated, so it filters the
 * evaluated rows (the list is not paged on the server).
 */
export async function listTasks(ctx: Ctx, q: { year?: number; type?: string; q?: string; all?: string; light?: TaskLightFilter; leadUnit?: string }): Promise<TaskListItem[]> {
  const leadUnit = q.leadUnit ? { unitType: q.leadUnit.slice(0, q.leadUnit.indexOf(':')), unitId: q.leadUnit.slice(q.leadUnit.indexOf(':') + 1) } : undefined;
  const rows = await repo.listTasks(ctx.db, ctx.user, { year: q.year, type: q.type, q: q.q, leadUnit, rootsOnly: q.all !== 'true' && !q.q && !leadUnit && canSeeRoots(ctx.user) });
  const items = (await evaluateRows(ctx, rows)).map(listItem);
  return q.light ? items.filter((i) => lightMatches(i, q.light!)) : items;
}

/** The list's light filter: done = 办结; none = not done, no light yet; a colour = not done, that light. */
export function lightMatches(i: Pick<TaskListItem, 'done' | 'light'>, f: TaskLightFilter): boolean {
  if (f === 'done') return i.done;
  if (i.done) return false;
  return f === 'none' ? i.light === null : i.light === f;
}

/** Whether the user's list starts from root tasks (a unit that only holds sub-tasks sees those). */
function canSeeRoots(user: SessionUser): boolean {
  return user.scopeType === 'all';
}

/** The tasks a leader leads or follows (for the dashboard). */
export async function myTasks(ctx: Ctx): Promise<TaskListItem[]> {
  const rows = await repo.listTasks(ctx.db, ctx.user, { mine: ctx.user.id });
  return (await evaluateRows(ctx, rows)).map(listItem);
}

async function visibleTask(db: DbOrTx, ctx: Ctx, id: number, lock = false): Promise<repo.TaskRow> {
  const t = await repo.taskById(db, ctx.user, id, lock);
  if (!t) throw new AppError('NOT_FOUND', '任务不存在或不在您的管辖范围内');
  return t;
}

function reportView(r: repo.ReportRow, files: repo.FileRow[]): TaskReport {
  return {
    id: r.id,
    taskId: r.taskId,
    period: r.period,
    periodLabel: taskPeriodLabel(r.period),
    status: r.status,
    figures: r.figures,
    text: r.text,
    nodeIdsDone: r.nodeIdsDone,
    submittedAt: r.submittedAt,
    submittedByName: r.submittedByName,
    reviewedAt: r.reviewedAt,
    returnReason: r.returnReason,
    files: files.filter((f) => f.reportId === r.id).map(fileView),
  };
}

const fileView = (f: repo.FileRow) => ({ id: f.id, name: f.name, mime: f.mime, size: f.size, kind: f.kind, uploadedAt: f.uploadedAt });

async function urgeViews(ctx: Ctx, urges: repo.UrgeRow[], titles: Map<number, string>, cal: Calendar): Promise<TaskUrge[]> {
  if (!urges.length) return [];
  const ladder = await getLadder(ctx.db);
  const day = today(ctx);
  return urges.map((g) => {
    const od = g.status === 'open' ? overdueDays(cal, g.dueDate, null, day) : 0;
    return {
      id: g.id,
      taskId: g.taskId,
      taskTitle: titles.get(g.taskId) ?? '',
      reason: g.reason,
      dueDate: g.dueDate,
      level: g.level,
      levelName: levelName(ladder, g.level),
      status: g.status,
      overdue: od > 0,
      overdueDays: od,
      answer: g.answer,
      answeredAt: g.answeredAt,
      createdAt: g.createdAt,
      createdByName: g.createdByName,
    };
  });
}

export async function getTask(ctx: Ctx, id: number): Promise<TaskDetail> {
  const t = await visibleTask(ctx.db, ctx, id);
  const env = await envOf(ctx);
  const [e] = await evaluateRows(ctx, [t], env, 'all');
  const subs = await repo.listTasks(ctx.db, ctx.user, { parentId: id });
  const subItems = (await evaluateRows(ctx, subs, env)).map(listItem);
  const files = await repo.filesOf(ctx.db, [id]);
  const f = e!.facts;
  const completed = f.projects.reduce((s, p) => add(s, dec(p.completed)), ZERO);
  const periods = t.doneDate ? [] : openPeriods(env.cal, t.cadence, env.today);
  return {
    ...listItem(e!),
    leadLeaderId: t.leadLeaderId,
    leadUnit: { unitType: t.leadUnitType as 'region' | 'department', unitId: t.leadUnitId },
    units: f.units.map((u) => ({ unitType: u.unitType as 'region' | 'department', unitId: u.unitId, unitName: u.unitName, role: u.role })),
    personId: t.personId,
    followerId: t.followerId,
    followerName: t.followerName,
    benchmark: t.benchmark,
    description: t.description,
    publicCommitment: t.publicCommitment,
    targets: e!.targets.map((x) => ({
      id: x.id,
      name: x.name,
      kind: x.kind,
      value: x.value,
      unit: x.unit,
      dueDate: x.dueDate,
      doneDate: x.doneDate,
      breakdown: x.breakdown,
      fromProjects: x.fromProjects,
      main: x.main,
      reached: x.reached ? fixed(x.reached) : null,
      fromProjectsValue: x.fromProjectsValue ? fixed(x.fromProjectsValue) : null,
      progress: x.judged?.progress ?? null,
      timeProgress: x.judged?.timeProgress ?? null,
      deviation: x.judged?.deviation ?? null,
      light: x.light,
      detail: x.judged?.detail ?? null,
    })),
    nodes: e!.nodes.map((n) => ({ id: n.id, seq: n.seq, name: n.name, dueDate: n.dueDate, unitName: n.unitName, personName: n.personName, doneDate: n.doneDate, light: n.light, overdueDays: n.overdueDays })),
    subTasks: subItems,
    projects: f.projects.map((p) => ({ id: p.id, name: p.name, stage: p.stage, actualStart: p.actualStart, completed: p.completed })),
    projectRollup: { completed: fixed(completed), started: f.projects.filter((p) => p.actualStart && Number(p.actualStart.slice(0, 4)) === t.year).length, total: f.projects.length },
    reports: f.reports.map((r) => reportView(r, files)),
    urges: await urgeViews(ctx, f.urges, new Map([[t.id, t.title]]), env.cal),
    files: files.filter((x) => x.kind === 'letter').map(fileView),
    openPeriods: periods,
    canReport: periods.length > 0 && can(ctx.user.role, 'task:report') && actsForLeadUnit(ctx.user, t, await leadDeptRegion(ctx.db, t)),
    version: t.version,
  };
}

// ------------------------------------------------------------------ writes: tasks

interface CheckedTask {
  v: z.infer<typeof TaskInputSchema>;
  depth: number;
  rootId: number | null;
  targets: Array<{ id?: number; name: string; kind: string; value: string | null; unit: string; dueDate: string | null; doneDate: string | null; breakdown: { by: string; values: Array<string | null> } | null; fromProjects: boolean; main: boolean }>;
}

function figureText(v: string | number | null | undefined, path: string, label: string): string | null {
  const p = parseFigure(v ?? null);
  if (!p.ok) throw new AppError('VALIDATION', `${label}${p.message}`, [{ path, message: p.message }]);
  return p.text;
}

async function checkTask(db: DbOrTx, ctx: Ctx, v: z.infer<typeof TaskInputSchema>, selfId: number | null): Promise<CheckedTask> {
  const types = (await getTaskTypes(ctx, db)).types;
  if (!types.includes(v.type)) throw new AppError('VALIDATION', `任务类型「${v.type}」不在类型列表中`, [{ path: 'type', message: '请选择任务类型' }]);
  const allUnits = [v.leadUnit, ...v.coUnits];
  const names = await repo.unitNamesOf(db, allUnits);
  for (const [i, u] of allUnits.entries()) {
    if (!names.has(key(u))) throw new AppError('VALIDATION', i === 0 ? '牵头单位不存在' : '配合单位不存在', [{ path: i === 0 ? 'leadUnit' : `coUnits.${i - 1}`, message: '单位不存在' }]);
  }
  if (v.coUnits.some((u) => key(u) === key(v.leadUnit))) throw new AppError('VALIDATION', '配合单位不能与牵头单位相同', [{ path: 'coUnits', message: '配合单位不能与牵头单位相同' }]);
  const personIds = [v.leadLeaderId, v.personId, v.followerId, ...v.nodes.map((n) => n.personId)].filter((x): x is number => !!x);
  const found = await repo.existingPeople(db, personIds);
  for (const [path, pid] of [['leadLeaderId', v.leadLeaderId], ['personId', v.personId], ['followerId', v.followerId]] as const) {
    if (pid && !found.has(pid)) throw new AppError('VALIDATION', '人员不存在', [{ path, message: '人员不存在' }]);
  }
  const projects = await repo.existingProjects(db, v.projectIds);
  const missingProject = v.projectIds.find((p) => !projects.has(p));
  if (missingProject) throw new AppError('VALIDATION', `项目（编号${missingProject}）不存在`, [{ path: 'projectIds', message: '项目不存在' }]);
  if (v.deadline.slice(0, 4) < String(v.year)) throw new AppError('VALIDATION', '完成时限早于任务年度', [{ path: 'deadline', message: '完成时限早于任务年度' }]);
  for (const [i, n] of v.nodes.entries()) {
    if (n.dueDate > v.deadline) throw new AppError('VALIDATION', '节点日期晚于任务完成时限', [{ path: `nodes.${i}.dueDate`, message: '节点日期晚于任务完成时限' }]);
  }
  let depth = 0;
  let rootId: number | null = null;
  if (v.parentId) {
    if (selfId && v.parentId === selfId) throw new AppError('VALIDATION', '上级任务不能是任务本身', [{ path: 'parentId', message: '上级任务无效' }]);
    const parent = await visibleTask(db, ctx, v.parentId);
    if (parent.depth >= 2) throw new AppError('VALIDATION', '子任务最多分解三级', [{ path: 'parentId', message: '子任务最多分解三级' }]);
    depth = parent.depth + 1;
    rootId = parent.rootId ?? parent.id;
    const rootUnits = new Set((await repo.unitsOf(db, [rootId])).map((u) => key(u)));
    if (!rootUnits.has(key(v.leadUnit))) throw new AppError('VALIDATION', '子任务的责任单位不在本任务的牵头或配合单位中', [{ path: 'leadUnit', message: '子任务的责任单位不在本任务的牵头或配合单位中' }]);
    if (v.deadline > parent.deadline) throw new AppError('VALIDATION', '子任务完成时限晚于上级任务', [{ path: 'deadline', message: '子任务完成时限晚于上级任务' }]);
  }
  const targets = v.targets.map((t, i) => {
    const path = `targets.${i}`;
    if (t.kind === 'deliverable') {
      if (!t.dueDate) throw new AppError('VALIDATION', `目标「${t.name}」请填写完成日期`, [{ path: `${path}.dueDate`, message: '请填写完成日期' }]);
      if (t.dueDate > v.deadline) throw new AppError('VALIDATION', `目标「${t.name}」的完成日期晚于任务完成时限`, [{ path: `${path}.dueDate`, message: '完成日期晚于任务完成时限' }]);
      return { id: t.id, name: t.name, kind: 'deliverable', value: null, unit: '', dueDate: t.dueDate, doneDate: t.doneDate, breakdown: null, fromProjects: false, main: false };
    }
    const value = figureText(t.value, `${path}.value`, `目标「${t.name}」`);
    if (value === null || dec(value).n <= 0n) throw new AppError('VALIDATION', `目标「${t.name}」请填写大于0的目标值`, [{ path: `${path}.value`, message: '请填写大于0的目标值' }]);
    if (!t.unit) throw new AppError('VALIDATION', `目标「${t.name}」请填写计量单位`, [{ path: `${path}.unit`, message: '请填写计量单位' }]);
    if (t.fromProjects && !['万元', '亿元', '个'].includes(t.unit))
      throw new AppError('VALIDATION', `目标「${t.name}」由关联项目计入时，单位应为万元、亿元（完成投资）或个（开工数）`, [{ path: `${path}.unit`, message: '单位应为万元、亿元或个' }]);
    let breakdown: { by: string; values: Array<string | null> } | null = null;
    if (t.breakdown) {
      const n = t.breakdown.by === 'month' ? 12 : 4;
      if (t.breakdown.values.length !== n) throw new AppError('VALIDATION', `目标「${t.name}」的${t.breakdown.by === 'month' ? '月度' : '季度'}分解应有${n}项`, [{ path: `${path}.breakdown`, message: `应有${n}项` }]);
      breakdown = { by: t.breakdown.by, values: t.breakdown.values.map((x, j) => figureText(x, `${path}.breakdown.${j}`, `目标「${t.name}」分解`)) };
    }
    return { id: t.id, name: t.name, kind: 'quantity', value, unit: t.unit, dueDate: null, doneDate: null, breakdown, fromProjects: t.fromProjects, main: t.main };
  });
  return { v, depth, rootId, targets };
}

async function assertManages(db: DbOrTx, ctx: Ctx, leadLeaderId: number | null): Promise<void> {
  if (ctx.user.scopeType === 'all') return;
  const person = await repo.personOfUser(db, ctx.user.id);
  if (!person || person !== leadLeaderId) throw new AppError('FORBIDDEN', '只能管理本人牵头的任务');
}

async function writeChildren(tx: DbOrTx, id: number, c: CheckedTask, replaceTargets: boolean): Promise<void> {
  await tx.execute(sql`DELETE FROM task_units WHERE task_id = ${id}`);
  await tx.insert(taskUnits).values([{ taskId: id, ...c.v.leadUnit, role: 'lead' }, ...c.v.coUnits.map((u, i) => ({ taskId: id, ...u, role: 'co', sort: i + 1 }))]);
  await tx.execute(sql`DELETE FROM task_projects WHERE task_id = ${id}`);
  if (c.v.projectIds.length) await tx.insert(taskProjects).values([...new Set(c.v.projectIds)].map((projectId) => ({ taskId: id, projectId })));
  if (replaceTargets) {
    const keep = c.targets.filter((t) => t.id).map((t) => t.id!);
    await tx.execute(keep.length ? sql`DELETE FROM task_targets WHERE task_id = ${id} AND NOT (id = ANY(${`{${keep.join(',')}}`}::int[]))` : sql`DELETE FROM task_targets WHERE task_id = ${id}`);
    let mainSet = false;
    for (const [i, t] of c.targets.entries()) {
      const main = t.kind === 'quantity' && t.main && !mainSet;
      if (main) mainSet = true;
      const row = { taskId: id, sort: i, name: t.name, kind: t.kind, value: t.value, unit: t.unit, dueDate: t.dueDate, doneDate: t.doneDate, breakdown: t.breakdown, fromProjects: t.fromProjects, main };
      if (t.id) {
        const r = await tx.update(taskTargets).set(row).where(sql`${taskTargets.id} = ${t.id} AND ${taskTargets.taskId} = ${id}`).returning({ id: taskTargets.id });
        if (!r.length) throw new AppError('VALIDATION', `目标（编号${t.id}）不属于本任务`, [{ path: `targets.${i}.id`, message: '目标不属于本任务' }]);
      } else await tx.insert(taskTargets).values(row);
    }
  }
}

export async function createTask(ctx: Ctx, input: TaskInput): Promise<TaskDetail> {
  const v = TaskInputSchema.parse(input);
  const id = await inTransaction(ctx, async (tx) => {
    const c = await checkTask(tx, ctx, v, null);
    if (c.depth === 0 || ctx.user.scopeType !== 'all') {
      // a leader creates the tasks they lead (a sub-task: under a task they lead)
      const root = c.rootId ? await repo.taskById(tx, null, c.rootId) : null;
      await assertManages(tx, ctx, root ? root.leadLeaderId : v.leadLeaderId);
    }
    const now = ctx.clock.now().toISOString();
    const [row] = await tx
      .insert(tasks)
      .values({
        parentId: v.parentId,
        rootId: c.rootId,
        depth: c.depth,
        title: v.title,
        type: v.type,
        year: v.year,
        leadLeaderId: v.leadLeaderId,
        leadUnitType: v.leadUnit.unitType,
        leadUnitId: v.leadUnit.unitId,
        personId: v.personId,
        followerId: v.followerId,
        benchmark: v.benchmark,
        description: v.description,
        cadence: v.cadence,
        deadline: v.deadline,
        publicCommitment: v.publicCommitment,
        createdBy: ctx.user.id || null,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: tasks.id });
    const tid = row!.id;
    await writeChildren(tx, tid, c, true);
    if (v.nodes.length) await tx.insert(taskNodes).values(v.nodes.map((n, i) => ({ taskId: tid, seq: i + 1, name: n.name, dueDate: n.dueDate, unitType: n.unit?.unitType ?? null, unitId: n.unit?.unitId ?? null, personId: n.personId })));
    await writeAudit(tx, ctx, { action: 'task.create', entityType: 'task', entityId: tid, summary: `新建${c.depth ? '子任务' : '重点任务'}：${v.title}`, after: { ...v } });
    await publish(tx, ctx, 'task.changed', { taskIds: [tid] });
    return tid;
  });
  return getTask(ctx, id);
}

export async function updateTask(ctx: Ctx, id: number, patch: TaskPatch): Promise<TaskDetail> {
  await inTransaction(ctx, async (tx) => {
    const cur = await visibleTask(tx, ctx, id, true);
    const root = cur.rootId ? await repo.taskById(tx, null, cur.rootId) : null;
    await assertManages(tx, ctx, root ? root.leadLeaderId : cur.leadLeaderId);
    const units = await repo.unitsOf(tx, [id]);
    const targets = await repo.targetsOf(tx, [id]);
    const projects = await repo.projectsOf(tx, [id]);
    const nodes = await repo.nodesOf(tx, [id]);
    const merged = TaskInputSchema.parse({
      title: patch.title ?? cur.title,
      type: patch.type ?? cur.type,
      year: patch.year ?? cur.year,
      leadLeaderId: patch.leadLeaderId !== undefined ? patch.leadLeaderId : cur.leadLeaderId,
      leadUnit: patch.leadUnit ?? { unitType: cur.leadUnitType, unitId: cur.leadUnitId },
      coUnits: patch.coUnits ?? units.filter((u) => u.role === 'co').map((u) => ({ unitType: u.unitType, unitId: u.unitId })),
      personId: patch.personId !== undefined ? patch.personId : cur.personId,
      followerId: patch.followerId !== undefined ? patch.followerId : cur.followerId,
      benchmark: patch.benchmark !== undefined ? patch.benchmark : cur.benchmark,
      description: patch.description !== undefined ? patch.description : cur.description,
      targets: patch.targets ?? targets.map((t) => ({ id: t.id, name: t.name, kind: t.kind, value: t.value, unit: t.unit, dueDate: t.dueDate, doneDate: t.doneDate, breakdown: t.breakdown, fromProjects: t.fromProjects, main: t.main })),
      cadence: patch.cadence ?? cur.cadence,
      deadline: patch.deadline ?? cur.deadline,
      publicCommitment: patch.publicCommitment ?? cur.publicCommitment,
      projectIds: patch.projectIds ?? projects.map((p) => p.id),
      parentId: cur.parentId,
      nodes: nodes.map((n) => ({ name: n.name, dueDate: n.dueDate })),
    });
    const c = await checkTask(tx, ctx, merged, id);
    if (!cur.leadLeaderId || merged.leadLeaderId !== cur.leadLeaderId) {
      if (!root) await assertManages(tx, ctx, merged.leadLeaderId);
    }
    // the sub-tasks' units must stay among the root's units
    if (!cur.parentId && (patch.leadUnit || patch.coUnits)) {
      const keys = new Set([merged.leadUnit, ...merged.coUnits].map(key));
      const r = await tx.execute(sql`SELECT title, lead_unit_type, lead_unit_id FROM tasks WHERE root_id = ${id}`);
      const bad = (r.rows as Array<{ title: string; lead_unit_type: string; lead_unit_id: string }>).find((s) => !keys.has(`${s.lead_unit_type}:${s.lead_unit_id}`));
      if (bad) throw new AppError('VALIDATION', `子任务「${bad.title}」的责任单位不在本任务的牵头或配合单位中`, [{ path: 'coUnits', message: '子任务的责任单位不在本任务的牵头或配合单位中' }]);
    }
    let doneDate = cur.doneDate;
    if (patch.done === true) doneDate = patch.doneDate ?? cur.doneDate ?? today(ctx);
    if (patch.done === false) doneDate = null;
    const now = ctx.clock.now().toISOString();
    await tx
      .update(tasks)
      .set({
        title: merged.title,
        type: merged.type,
        year: merged.year,
        leadLeaderId: merged.leadLeaderId,
        leadUnitType: merged.leadUnit.unitType,
        leadUnitId: merged.leadUnit.unitId,
        personId: merged.personId,
        followerId: merged.followerId,
        benchmark: merged.benchmark,
        description: merged.description,
        cadence: merged.cadence,
        deadline: merged.deadline,
        publicCommitment: merged.publicCommitment,
        doneDate,
        updatedAt: now,
        version: sql`${tasks.version} + 1`,
      })
      .where(sql`${tasks.id} = ${id}`);
    await writeChildren(tx, id, c, !!patch.targets);
    await writeAudit(tx, ctx, { action: 'task.update', entityType: 'task', entityId: id, summary: `修改重点任务：${merged.title}${patch.done === true ? '（办结）' : patch.done === false ? '（重新办理）' : ''}`, before: { title: cur.title, deadline: cur.deadline, doneDate: cur.doneDate }, after: { ...patch } });
    await publish(tx, ctx, 'task.changed', { taskIds: [id] });
  });
  return getTask(ctx, id);
}

export async function deleteTask(ctx: Ctx, id: number): Promise<void> {
  const keys: string[] = [];
  await inTransaction(ctx, async (tx) => {
    const cur = await visibleTask(tx, ctx, id, true);
    const root = cur.rootId ? await repo.taskById(tx, null, cur.rootId) : null;
    await assertManages(tx, ctx, root ? root.leadLeaderId : cur.leadLeaderId);
    const kids = await tx.execute(sql`SELECT count(*)::int AS n FROM tasks WHERE parent_id = ${id}`);
    if (Number((kids.rows[0] as { n: number }).n) > 0) throw new AppError('IN_USE', '请先删除子任务');
    for (const f of await repo.filesOf(tx, [id])) keys.push(f.storageKey);
    await tx.execute(sql`DELETE FROM tasks WHERE id = ${id}`);
    await writeAudit(tx, ctx, { action: 'task.delete', entityType: 'task', entityId: id, summary: `删除重点任务：${cur.title}`, before: { title: cur.title } });
    await publish(tx, ctx, 'task.changed', { taskIds: [id] });
  });
  const store = uploadsStorage(ctx.config.dataDir);
  for (const k of keys) await store.remove(k).catch(() => undefined);
}

// ------------------------------------------------------------------ nodes

async function managedTask(tx: DbOrTx, ctx: Ctx, id: number): Promise<repo.TaskRow> {
  const t = await visibleTask(tx, ctx, id, true);
  const root = t.rootId ? await repo.taskById(tx, null, t.rootId) : null;
  await assertManages(tx, ctx, root ? root.leadLeaderId : t.leadLeaderId);
  return t;
}

export async function addNode(ctx: Ctx, taskId: number, input: TaskNodeInput): Promise<TaskDetail> {
  const n = TaskNodeInputSchema.parse(input);
  await inTransaction(ctx, async (tx) => {
    const t = await managedTask(tx, ctx, taskId);
    if (n.dueDate > t.deadline) throw new AppError('VALIDATION', '节点日期晚于任务完成时限', [{ path: 'dueDate', message: '节点日期晚于任务完成时限' }]);
    if (n.unit && !(await repo.unitNamesOf(tx, [n.unit])).has(key(n.unit))) throw new AppError('VALIDATION', '责任单位不存在', [{ path: 'unit', message: '单位不存在' }]);
    if (n.personId && !(await repo.existingPeople(tx, [n.personId])).has(n.personId)) throw new AppError('VALIDATION', '人员不存在', [{ path: 'personId', message: '人员不存在' }]);
    const seq = await tx.execute(sql`SELECT COALESCE(max(seq), 0)::int + 1 AS s FROM task_nodes WHERE task_id = ${taskId}`);
    await tx.insert(taskNodes).values({ taskId, seq: Number((seq.rows[0] as { s: number }).s), name: n.name, dueDate: n.dueDate, unitType: n.unit?.unitType ?? null, unitId: n.unit?.unitId ?? null, personId: n.personId });
    await writeAudit(tx, ctx, { action: 'task.node', entityType: 'task', entityId: taskId, summary: `新增节点：${n.name}（${n.dueDate}）` });
    await publish(tx, ctx, 'task.changed', { taskIds: [taskId] });
  });
  return getTask(ctx, taskId);
}

/** Nodes scheduled backward from the task's deadline (倒排工期, the milestones' scheduleBackward). */
export async function scheduleNodes(ctx: Ctx, taskId: number, input: TaskSchedule): Promise<TaskDetail> {
  const cal = await loadCalendar(ctx.db);
  await inTransaction(ctx, async (tx) => {
    const t = await managedTask(tx, ctx, taskId);
    const planned = scheduleBackward(cal, input.nodes, t.deadline);
    const seq = await tx.execute(sql`SELECT COALESCE(max(seq), 0)::int AS s FROM task_nodes WHERE task_id = ${taskId}`);
    const base = Number((seq.rows[0] as { s: number }).s);
    await tx.insert(taskNodes).values(planned.map((n) => ({ taskId, seq: base + n.seq, name: n.name, dueDate: n.dueDate })));
    await writeAudit(tx, ctx, { action: 'task.node', entityType: 'task', entityId: taskId, summary: `倒排节点${planned.length}个，最后一个于${planned.at(-1)!.dueDate}完成` });
    await publish(tx, ctx, 'task.changed', { taskIds: [taskId] });
  });
  return getTask(ctx, taskId);
}

async function nodeTask(tx: DbOrTx, ctx: Ctx, nodeId: number) {
  const r = await tx.execute(sql`SELECT task_id, name FROM task_nodes WHERE id = ${nodeId}`);
  const row = r.rows[0] as { task_id: number; name: string } | undefined;
  if (!row) throw new AppError('NOT_FOUND', '节点不存在');
  const t = await managedTask(tx, ctx, Number(row.task_id));
  return { t, name: row.name };
}

export async function patchNode(ctx: Ctx, nodeId: number, patch: TaskNodePatch): Promise<TaskDetail> {
  const taskId = await inTransaction(ctx, async (tx) => {
    const { t, name } = await nodeTask(tx, ctx, nodeId);
    if (patch.dueDate && patch.dueDate > t.deadline) throw new AppError('VALIDATION', '节点日期晚于任务完成时限', [{ path: 'dueDate', message: '节点日期晚于任务完成时限' }]);
    const set: Record<string, unknown> = {};
    if (patch.name) set.name = patch.name;
    if (patch.dueDate) set.dueDate = patch.dueDate;
    if (patch.done === true) set.doneDate = patch.doneDate ?? today(ctx);
    if (patch.done === false) set.doneDate = null;
    if (Object.keys(set).length) await tx.update(taskNodes).set(set).where(sql`${taskNodes.id} = ${nodeId}`);
    await writeAudit(tx, ctx, { action: 'task.node', entityType: 'task', entityId: t.id, summary: `修改节点：${name}`, after: patch });
    await publish(tx, ctx, 'task.changed', { taskIds: [t.id] });
    return t.id;
  });
  return getTask(ctx, taskId);
}

export async function deleteNode(ctx: Ctx, nodeId: number): Promise<TaskDetail> {
  const taskId = await inTransaction(ctx, async (tx) => {
    const { t, name } = await nodeTask(tx, ctx, nodeId);
    await tx.execute(sql`DELETE FROM task_nodes WHERE id = ${nodeId}`);
    await writeAudit(tx, ctx, { action: 'task.node', entityType: 'task', entityId: t.id, summary: `删除节点：${name}` });
    await publish(tx, ctx, 'task.changed', { taskIds: [t.id] });
    return t.id;
  });
  return getTask(ctx, taskId);
}

// ------------------------------------------------------------------ reports

/** Whether the user acts for the task's lead unit (all-scope users act for any). */
function actsForLeadUnit(user: SessionUser, t: repo.TaskRow, deptRegion: string | null): boolean {
  if (user.scopeType === 'all') return user.role === 'admin' || user.role === 'dispatcher';
  if (user.scopeType === 'region' && user.regionCode) {
    const prefix = regionPrefix(user.regionCode);
    if (t.leadUnitType === 'region') return t.leadUnitId.startsWith(prefix);
    return !!deptRegion && deptRegion.startsWith(prefix);
  }
  if (user.scopeType === 'department' && user.departmentId) return t.leadUnitType === 'department' && t.leadUnitId === String(user.departmentId);
  return false;
}

/** The region of a department lead unit (a region's users act for the departments of their region). */
async function leadDeptRegion(tx: DbOrTx, t: repo.TaskRow): Promise<string | null> {
  if (t.leadUnitType !== 'department') return null;
  const names = await repo.unitNamesOf(tx, [{ unitType: t.leadUnitType, unitId: t.leadUnitId }]);
  return names.get(`department:${t.leadUnitId}`)?.regionCode ?? null;
}

async function assertLeadUnit(tx: DbOrTx, ctx: Ctx, t: repo.TaskRow, what: string): Promise<void> {
  if (!actsForLeadUnit(ctx.user, t, await leadDeptRegion(tx, t))) throw new AppError('FORBIDDEN', `只有牵头单位可以${what}`);
}

export async function reportProgress(ctx: Ctx, taskId: number, input: TaskReportInput & { submit?: boolean }): Promise<TaskReport> {
  const cal = await loadCalendar(ctx.db);
  const day = today(ctx);
  const reportId = await inTransaction(ctx, async (tx) => {
    const t = await visibleTask(tx, ctx, taskId, true);
    await assertLeadUnit(tx, ctx, t, '填报进展');
    if (t.doneDate) throw new AppError('BAD_REQUEST', '任务已办结，无需填报进展');
    const p = parseTaskPeriod(input.period);
    if (!p) throw new AppError('VALIDATION', '填报期格式无效', [{ path: 'period', message: '填报期格式无效' }]);
    if (p.cadence !== t.cadence) throw new AppError('VALIDATION', `本任务${CADENCE_ZH[t.cadence]}填报，填报期应为 ${CADENCE_EXAMPLE[t.cadence]} 形式`, [{ path: 'period', message: `填报期应为 ${CADENCE_EXAMPLE[t.cadence]} 形式` }]);
    if (!isPeriodOpen(cal, p, day))
      throw new AppError(
        'BAD_REQUEST',
        day < p.start ? `${taskPeriodLabel(p.period)}尚未开始，不能填报` : `${taskPeriodLabel(p.period)}的填报已于${closesOn(cal, p)}截止（期末后3个工作日内可填报）`,
        [{ path: 'period', message: '该期不在填报时间内' }],
      );
    const targets = await repo.targetsOf(tx, [taskId]);
    const figures: Array<{ targetId: number; value: string; unit: string }> = [];
    for (const [i, f] of (input.figures ?? []).entries()) {
      const target = targets.find((x) => x.id === f.targetId);
      if (!target || target.kind !== 'quantity') throw new AppError('VALIDATION', `目标（编号${f.targetId}）不属于本任务或不是量化目标`, [{ path: `figures.${i}.targetId`, message: '目标无效' }]);
      const parsed = parseFigure(f.value);
      if (!parsed.ok) throw new AppError('VALIDATION', `「${target.name}」数值${parsed.message}`, [{ path: `figures.${i}.value`, message: parsed.message }]);
      if (parsed.value === null) throw new AppError('VALIDATION', `请填写「${target.name}」的累计完成数`, [{ path: `figures.${i}.value`, message: '请填写数值' }]);
      const unit = f.unit ?? target.unit;
      const v = convertUnit(parsed.value, unit, target.unit);
      if (!v) throw new AppError('VALIDATION', `填报单位（${unit}）与目标单位（${target.unit}）不一致`, [{ path: `figures.${i}.unit`, message: `目标单位为${target.unit}` }]);
      figures.push({ targetId: target.id, value: fixed(v), unit: target.unit });
    }
    const nodes = await repo.nodesOf(tx, [taskId]);
    for (const nid of input.nodeIdsDone ?? []) if (!nodes.some((n) => n.id === nid)) throw new AppError('VALIDATION', `节点（编号${nid}）不属于本任务`, [{ path: 'nodeIdsDone', message: '节点不属于本任务' }]);
    const existing = (await tx.execute(sql`SELECT id, status FROM task_reports WHERE task_id = ${taskId} AND period = ${p.period} FOR UPDATE`)).rows[0] as { id: number; status: string } | undefined;
    if (existing?.status === 'accepted') throw new AppError('CONFLICT', `${taskPeriodLabel(p.period)}的进展已审核通过`);
    const submit = input.submit !== false;
    const now = ctx.clock.now().toISOString();
    const fields = {
      status: submit ? 'submitted' : 'draft',
      figures,
      text: input.text ?? null,
      nodeIdsDone: [...new Set(input.nodeIdsDone ?? [])],
      updatedAt: now,
      returnReason: null,
      ...(submit ? { submittedBy: ctx.user.id || null, submittedAt: now } : {}),
    };
    let rid: number;
    if (existing) {
      rid = Number(existing.id);
      await tx.update(taskReports).set(fields).where(sql`${taskReports.id} = ${rid}`);
    } else {
      const [row] = await tx.insert(taskReports).values({ taskId, period: p.period, periodEnd: p.end, createdAt: now, ...fields }).returning({ id: taskReports.id });
      rid = row!.id;
    }
    await writeAudit(tx, ctx, { action: 'task.report', entityType: 'task_report', entityId: rid, summary: `${t.title} ${taskPeriodLabel(p.period)}进展${submit ? '报送' : '暂存'}`, after: { figures, nodeIdsDone: fields.nodeIdsDone } });
    if (submit) {
      const reviewers = await repo.roleUsers(tx, ['dispatcher', 'supervisor']);
      await notify(tx, ctx, { userIds: reviewers, kind: 'task.reported', title: `${t.title} ${taskPeriodLabel(p.period)}进展已报送待审核`, link: link(taskId), dedupeKey: `task-report:${rid}:${now}` });
    }
    await publish(tx, ctx, 'task.changed', { taskIds: [taskId] });
    return rid;
  });
  return reportById(ctx, reportId);
}

async function reportById(ctx: Ctx, id: number): Promise<TaskReport> {
  const [r] = await repo.reportsOf(ctx.db, [], id);
  if (!r) throw new AppError('NOT_FOUND');
  const files = await repo.filesOf(ctx.db, [r.taskId]);
  return reportView(r, files);
}

async function visibleReport(tx: DbOrTx, ctx: Ctx, id: number): Promise<{ r: repo.ReportRow; t: repo.TaskRow }> {
  const [r] = await repo.reportsOf(tx, [], id);
  if (!r) throw new AppError('NOT_FOUND', '进展报告不存在');
  const t = await visibleTask(tx, ctx, r.taskId, true);
  return { r, t };
}

export async function reviewReport(ctx: Ctx, id: number, input: TaskReview): Promise<TaskReport> {
  await inTransaction(ctx, async (tx) => {
    const { r, t } = await visibleReport(tx, ctx, id);
    if (r.status !== 'submitted') throw new AppError('CONFLICT', r.status === 'accepted' ? '该进展已审核通过' : '只有已报送的进展可以审核');
    const now = ctx.clock.now().toISOString();
    const accept = input.action === 'accept';
    await tx
      .update(taskReports)
      .set({ status: accept ? 'accepted' : 'returned', reviewedBy: ctx.user.id || null, reviewedAt: now, returnReason: accept ? null : input.reason, updatedAt: now })
      .where(sql`${taskReports.id} = ${id}`);
    if (accept && r.nodeIdsDone.length) {
      const doneOn = r.submittedAt ? chinaToday(new Date(r.submittedAt)) : today(ctx);
      await tx.execute(sql`UPDATE task_nodes SET done_date = ${doneOn}, done_report_id = ${id} WHERE task_id = ${t.id} AND done_date IS NULL AND id = ANY(${`{${r.nodeIdsDone.join(',')}}`}::int[])`);
    }
    await writeAudit(tx, ctx, { action: 'task.review', entityType: 'task_report', entityId: id, summary: `${t.title} ${taskPeriodLabel(r.period)}进展${accept ? '审核通过' : `退回（${input.reason}）`}`, before: { status: r.status }, after: { status: accept ? 'accepted' : 'returned', reason: input.reason } });
    await notify(tx, ctx, {
      userIds: [r.submittedBy],
      kind: accept ? 'task.accepted' : 'task.returned',
      title: `${t.title} ${taskPeriodLabel(r.period)}进展${accept ? '已审核通过' : '被退回'}`,
      body: accept ? null : `退回原因：${input.reason}`,
      link: link(t.id),
      dedupeKey: `task-report:${id}:${now}:${input.action}`,
    });
    await publish(tx, ctx, 'task.changed', { taskIds: [t.id] });
  });
  return reportById(ctx, id);
}

// ------------------------------------------------------------------ files

export const FILE_MAX_BYTES = 20 * 1024 * 1024;
export const FILE_MAX_FILES = 9;

async function storeFiles(ctx: Ctx, taskId: number, reportId: number | null, kind: 'letter' | 'evidence', files: Upload[], check: (tx: DbOrTx) => Promise<void>): Promise<void> {
  await storeUploads(ctx.config.dataDir, files, { folder: `tasks/${taskId}`, kind: 'attachment' }, (stored) =>
    inTransaction(ctx, async (tx) => {
      await check(tx);
      const count = await tx.execute(reportId ? sql`SELECT count(*)::int AS n FROM task_files WHERE report_id = ${reportId}` : sql`SELECT count(*)::int AS n FROM task_files WHERE task_id = ${taskId} AND kind = 'letter'`);
      if (Number((count.rows[0] as { n: number }).n) + files.length > FILE_MAX_FILES) throw new AppError('VALIDATION', `最多${FILE_MAX_FILES}个文件`);
      const now = ctx.clock.now().toISOString();
      await tx.insert(taskFiles).values(stored.map((f) => ({ taskId, reportId, kind, ...f, uploadedBy: ctx.user.id || null, uploadedAt: now })));
      await writeAudit(tx, ctx, { action: 'task.file', entityType: reportId ? 'task_report' : 'task', entityId: reportId ?? taskId, summary: `上传${kind === 'letter' ? '责任状' : '佐证材料'}：${files.map((f) => f.filename).join('、')}` });
    }),
  );
}

/** Evidence of a report (photos from a phone, PDF, .docx, .xlsx; checked by content), before review. */
export async function addReportFiles(ctx: Ctx, reportId: number, files: Array<{ filename: string; data: Buffer }>): Promise<TaskReport> {
  const [r] = await repo.reportsOf(ctx.db, [], reportId);
  if (!r) throw new AppError('NOT_FOUND', '进展报告不存在');
  await storeFiles(ctx, r.taskId, reportId, 'evidence', files, async (tx) => {
    const { r: cur, t } = await visibleReport(tx, ctx, reportId);
    await assertLeadUnit(tx, ctx, t, '上传佐证材料');
    if (cur.status === 'accepted') throw new AppError('CONFLICT', '进展已审核通过，不能再补充材料');
  });
  return reportById(ctx, reportId);
}

/** The responsibility letter (责任状/军令状) of a task. */
export async function addLetter(ctx: Ctx, taskId: number, files: Array<{ filename: string; data: Buffer }>): Promise<TaskDetail> {
  await storeFiles(ctx, taskId, null, 'letter', files, async (tx) => {
    await managedTask(tx, ctx, taskId);
  });
  return getTask(ctx, taskId);
}

export async function readTaskFile(ctx: Ctx, taskId: number, fileId: number) {
  await visibleTask(ctx.db, ctx, taskId);
  const f = (await repo.filesOf(ctx.db, [taskId])).find((x) => x.id === fileId);
  if (!f) throw new AppError('NOT_FOUND');
  const s = await uploadsStorage(ctx.config.dataDir).read(f.storageKey);
  return { name: f.name, mime: f.mime, size: s.size, stream: s.stream };
}

// ------------------------------------------------------------------ 督办

/** Holders of a ladder level for a task's 督办. */
async function holdersFor(tx: DbOrTx, holder: string, t: repo.TaskRow): Promise<number[]> {
  switch (holder) {
    case 'responsible':
      return repo.unitUsers(tx, { unitType: t.leadUnitType, unitId: t.leadUnitId });
    case 'in_charge_leader':
    case 'project_leaders':
      return repo.personUsers(tx, [t.leadLeaderId]);
    default:
      return repo.roleUsers(tx, ['dispatcher']);
  }
}

export async function urgeTask(ctx: Ctx, taskId: number, input: TaskUrgeInput): Promise<TaskUrge> {
  const cal = await loadCalendar(ctx.db);
  const day = today(ctx);
  const id = await inTransaction(ctx, async (tx) => {
    const t = await visibleTask(tx, ctx, taskId, true);
    if (t.doneDate) throw new AppError('BAD_REQUEST', '任务已办结，无需督办');
    const due = input.limitDays ? cal.addWorkdays(day, input.limitDays) : input.dueDate!;
    if (due < day) throw new AppError('VALIDATION', '督办截止日期不能早于今天', [{ path: 'dueDate', message: '截止日期不能早于今天' }]);
    const holders = await holdersFor(tx, 'responsible', t);
    const [row] = await tx
      .insert(taskUrges)
      .values({ taskId, reason: input.reason, limitDays: input.limitDays ?? null, dueDate: due, level: 0, holderIds: holders, createdBy: ctx.user.id || null, createdAt: ctx.clock.now().toISOString() })
      .returning({ id: taskUrges.id });
    const follower = await repo.personUsers(tx, [t.followerId]);
    await notify(tx, ctx, { userIds: [...holders, ...follower], kind: 'task.urged', title: `督办：${t.title}`, body: `${input.reason}。请于${due}前答复`, link: link(taskId), dedupeKey: `task-urge:${row!.id}:0` });
    await writeAudit(tx, ctx, { action: 'task.urge', entityType: 'task', entityId: taskId, summary: `督办「${t.title}」：${input.reason}，${due}前答复`, after: { reason: input.reason, dueDate: due } });
    await publish(tx, ctx, 'task.changed', { taskIds: [taskId] });
    return row!.id;
  });
  return urgeById(ctx, id);
}

async function urgeById(ctx: Ctx, id: number): Promise<TaskUrge> {
  const [g] = await repo.urgesOf(ctx.db, null, id);
  if (!g) throw new AppError('NOT_FOUND');
  const t = await repo.taskById(ctx.db, null, g.taskId);
  return (await urgeViews(ctx, [g], new Map([[g.taskId, t?.title ?? '']]), await loadCalendar(ctx.db)))[0]!;
}

export async function answerUrge(ctx: Ctx, id: number, input: { text: string }): Promise<TaskUrge> {
  await inTransaction(ctx, async (tx) => {
    const [g] = await repo.urgesOf(tx, null, id, true);
    if (!g) throw new AppError('NOT_FOUND', '督办不存在');
    const t = await visibleTask(tx, ctx, g.taskId);
    await assertLeadUnit(tx, ctx, t, '答复督办');
    if (g.status !== 'open') throw new AppError('CONFLICT', '该督办已答复');
    const now = ctx.clock.now().toISOString();
    await tx.update(taskUrges).set({ status: 'answered', answer: input.text, answeredBy: ctx.user.id || null, answeredAt: now }).where(sql`${taskUrges.id} = ${id}`);
    const back = await tx.execute(sql`SELECT created_by FROM task_urges WHERE id = ${id}`);
    await notify(tx, ctx, { userIds: [(back.rows[0] as { created_by: number | null }).created_by], kind: 'task.urge.answered', title: `督办已答复：${t.title}`, body: input.text.slice(0, 100), link: link(t.id), dedupeKey: `task-urge:${id}:answered` });
    await writeAudit(tx, ctx, { action: 'task.urge.answer', entityType: 'task', entityId: t.id, summary: `答复督办「${t.title}」`, after: { text: input.text } });
    await publish(tx, ctx, 'task.changed', { taskIds: [t.id] });
  });
  return urgeById(ctx, id);
}

/**
 * The scheduler's escalation of 督办 (like problems): an open 督办 unanswered past its limit moves
 * up the problems' ladder once per elapsed limit; the new level's holders are told. Idempotent.
 */
export async function escalateOverdueUrges(ctx: Ctx): Promise<{ urges: number; moves: number }> {
  const ladder = await getLadder(ctx.db);
  type Move = { fromLevel: number; toLevel: number; effectiveDate: string; dueDate: string };
  type Urge = { g: repo.UrgeRow; t: repo.TaskRow; history: Move[] };
  const { items, moves } = await runEscalation<Urge>(ctx, ladder, {
    candidates: async (db, c) => (await repo.urgesOf(db, null)).filter((g) => g.status === 'open' && g.level < c.top && g.dueDate < c.today).map((g) => g.id),
    lock: async (tx, id) => {
      const [g] = await repo.urgesOf(tx, null, id, true);
      if (!g || g.status !== 'open') return null;
      return { g, t: (await repo.taskById(tx, null, g.taskId))!, history: [...(g.history as Move[])] };
    },
    state: ({ g }) => ({ level: g.level, due: g.dueDate, holderIds: g.holderIds }),
    holders: (tx, holder, { t }) => holdersFor(tx, holder, t),
    record: async (tx, u, s, holders) => {
      // the 督办's own history is its record of the levels reached
      if (u.history.some((h) => h.toLevel === s.toLevel)) return false;
      u.history.push({ fromLevel: s.fromLevel, toLevel: s.toLevel, effectiveDate: s.effectiveDate, dueDate: s.dueDate });
      const name = levelName(ladder, s.toLevel);
      await notify(tx, ctx, { userIds: holders, kind: 'task.urge.escalated', title: `督办超期升级至${name}：${u.t.title}`, body: `请于${s.dueDate}前协调答复`, link: link(u.t.id), dedupeKey: `task-urge:${u.g.id}:level:${s.toLevel}` });
      return true;
    },
    finish: async (tx, { g, t, history }, steps, holders) => {
      const last = steps.at(-1)!;
      await tx.update(taskUrges).set({ level: last.toLevel, dueDate: last.dueDate, holderIds: holders, history }).where(sql`${taskUrges.id} = ${g.id}`);
      await writeAudit(tx, ctx, {
        action: 'task.urge.escalate',
        entityType: 'task',
        entityId: t.id,
        summary: `督办超期升级：${t.title}，${levelName(ladder, g.level)} → ${levelName(ladder, last.toLevel)}`,
        before: { level: g.level, dueDate: g.dueDate },
        after: { level: last.toLevel, dueDate: last.dueDate, holderIds: holders },
      });
    },
  });
  return { urges: items, moves };
}

// ------------------------------------------------------------------ 督查: overdue, statistics, bulletin

function periodRange(period: string): { from: string; to: string } {
  const p = parsePeriod(period)!;
  const span = p.cadence === 'month' ? 1 : p.cadence === 'quarter' ? 3 : p.cadence === 'halfYear' ? 6 : 12;
  const startMonth = p.endMonth - span + 1;
  const last = new Date(Date.UTC(p.year, p.endMonth, 0)).getUTCDate();
  return { from: `${p.year}-${String(startMonth).padStart(2, '0')}-01`, to: `${p.year}-${String(p.endMonth).padStart(2, '0')}-${String(last).padStart(2, '0')}` };
}

/**
 * The figures of a 督查通报 for a period (2026-06, 2026-Q2, 2026-H1, 2026; default the current
 * month), within the user's scope: tasks by light, overdue nodes, red and yellow tasks, 督办
 * items, missing reports, and per lead unit the items due in the period (nodes and tasks) with
 * 办结率 and 按时办结率 (null when nothing was due), ranked by 按时办结率.
 */
export async function supervisionBulletin(ctx: Ctx, period?: string | null): Promise<SupervisionBulletin> {
  const env = await envOf(ctx);
  const day = env.today;
  const per = period && parsePeriod(period) ? period : day.slice(0, 7);
  const { from, to } = periodRange(per);
  const rows = await repo.listTasks(ctx.db, ctx.user, {});
  const evaluated = await evaluateRows(ctx, rows, env);
  const counts = { total: evaluated.length, done: 0, green: 0, yellow: 0, red: 0 };
  const units = new Map<string, { unitType: string; unitId: string; unitName: string; total: number; done: number; onTime: number; overdue: number }>();
  const unit = (unitType: string, unitId: string, unitName: string) => {
    const k = `${unitType}:${unitId}`;
    let u = units.get(k);
    if (!u) units.set(k, (u = { unitType, unitId, unitName, total: 0, done: 0, onTime: 0, overdue: 0 }));
    return u;
  };
  // a period still running: the items due by today (what falls due later this month is not behind yet)
  const dueUntil = to < day ? to : day;
  const count = (u: ReturnType<typeof unit>, due: string, doneDate: string | null) => {
    if (due < from || due > dueUntil) return;
    u.total++;
    if (doneDate) {
      u.done++;
      if (doneDate <= due) u.onTime++;
    }
    if (doneDate ? doneDate > due && env.cal.workdaysBetween(due, doneDate) > 0 : overdueDays(env.cal, due, null, day) > 0) u.overdue++;
  };
  const overdueNodes: SupervisionBulletin['overdueNodes'] = [];
  const missingReports: SupervisionBulletin['missingReports'] = [];
  for (const e of evaluated) {
    const t = e.facts.task;
    if (t.doneDate) counts.done++;
    else if (e.light) counts[e.light]++;
    const lead = unit(t.leadUnitType, t.leadUnitId, t.leadUnitName);
    count(lead, t.deadline, t.doneDate);
    for (const n of e.nodes) {
      const nu = n.unitType && n.unitId ? unit(n.unitType, n.unitId, n.unitName ?? n.unitId) : lead;
      count(nu, n.dueDate, n.doneDate);
      if (n.light === 'red') overdueNodes.push({ taskId: t.id, taskTitle: t.title, nodeId: n.id, name: n.name, dueDate: n.dueDate, overdueDays: n.overdueDays, unitName: n.unitName ?? t.leadUnitName });
    }
    for (const m of e.missing) missingReports.push({ taskId: t.id, taskTitle: t.title, period: m, periodLabel: taskPeriodLabel(m), leadUnitName: t.leadUnitName });
  }
  overdueNodes.sort((a, b) => b.overdueDays - a.overdueDays || a.dueDate.localeCompare(b.dueDate));
  missingReports.sort((a, b) => a.period.localeCompare(b.period) || a.taskId - b.taskId);
  const rate = (n: number, d: number) => (d ? roundQ(div(mul(q(n), HUNDRED), q(d)), 2) : null);
  const list = [...units.values()].map((u) => ({ ...u, doneRate: rate(u.done, u.total), onTimeRate: rate(u.onTime, u.total), rank: null as number | null }));
  for (const u of list) if (u.onTimeRate !== null) u.rank = 1 + list.filter((o) => o.onTimeRate !== null && o.onTimeRate > u.onTimeRate!).length;
  list.sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9) || a.unitName.localeCompare(b.unitName, 'zh'));
  const titles = new Map(rows.map((t) => [t.id, t.title]));
  const urges = (await urgeViews(ctx, evaluated.flatMap((e) => e.facts.urges).filter((g) => g.status === 'open'), titles, env.cal)).sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.dueDate.localeCompare(b.dueDate));
  const tasksOut = evaluated
    .filter((e) => !e.facts.task.doneDate && (e.light === 'red' || e.light === 'yellow'))
    .sort((a, b) => (a.light === b.light ? 0 : a.light === 'red' ? -1 : 1))
    .map(listItem);
  return { period: per, from, to, asOf: day, dueUntil, counts, overdueNodes, tasks: tasksOut, urges, missingReports, units: list };
}

/**
 * The bulletin of a period as a user sees it, computed once per scope, day and period and kept in
 * the read cache until the next write through the API (a report, a review, a 督办, a node or task
 * changed, a rule set or the calendar edited) or an escalation run that moved a 督办. Everyone of
 * scope all sees the same tasks; any other scope also sees the tasks their own person leads,
 * follows or answers for, so their answers are kept per user. The day is part of the key: lights,
 * overdue days and missing periods move with the date.
 */
function cachedBulletin(ctx: Ctx, period?: string | null): Promise<SupervisionBulletin> {
  const day = today(ctx);
  const per = period && parsePeriod(period) ? period : day.slice(0, 7);
  const who = ctx.user.scopeType === 'all' ? 'all' : `user:${ctx.user.id}`;
  return readCache(ctx.db).get(`tasks:bulletin|${who}|${day}|${per}`, () => supervisionBulletin(ctx, per));
}

export const OVERDUE_LIMIT = 200;

/**
 * The 督查 desk: overdue nodes (most days over first), red then yellow tasks, 督办 (overdue first)
 * and missing reports (oldest period first), each cut at `limit` rows with its total.
 */
export async function overdueDesk(ctx: Ctx, limit = OVERDUE_LIMIT) {
  const b = await cachedBulletin(ctx, null);
  const totals = { overdueNodes: b.overdueNodes.length, tasks: b.tasks.length, urges: b.urges.length, missingReports: b.missingReports.length };
  return { asOf: b.asOf, overdueNodes: b.overdueNodes.slice(0, limit), tasks: b.tasks.slice(0, limit), urges: b.urges.slice(0, limit), missingReports: b.missingReports.slice(0, limit), totals, limit };
}

export async function taskStats(ctx: Ctx, period?: string) {
  const b = await cachedBulletin(ctx, period ?? null);
  return { period: b.period, from: b.from, to: b.to, asOf: b.asOf, dueUntil: b.dueUntil, counts: b.counts, units: b.units };
}

/**
 * The 督查 desk and the statistics as the routes send them: validated against the contract,
 * serialised and gzip-compressed once (core/read-cache.ts `serialise`: a province's desk lists
 * thousands of overdue nodes, red tasks and missing reports), kept in the read cache.
 */
export function overdueJson(ctx: Ctx, limit = OVERDUE_LIMIT): Promise<Serialised> {
  const who = ctx.user.scopeType === 'all' ? 'all' : `user:${ctx.user.id}`;
  return readCache(ctx.db).get(`tasks:overdue|${who}|${today(ctx)}|${limit}`, async () => serialise(TaskOverdueSchema.parse(await overdueDesk(ctx, limit))));
}

export function statsJson(ctx: Ctx, period?: string): Promise<Serialised> {
  const who = ctx.user.scopeType === 'all' ? 'all' : `user:${ctx.user.id}`;
  return readCache(ctx.db).get(`tasks:stats|${who}|${today(ctx)}|${period ?? ''}`, async () => serialise(TaskStatsSchema.parse(await taskStats(ctx, period))));
}
