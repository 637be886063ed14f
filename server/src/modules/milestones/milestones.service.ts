import { and, eq, inArray, sql } from 'drizzle-orm';
import {
  ApplyTemplateSchema,
  MilestoneCreateSchema,
  MilestonePatchSchema,
  MilestoneTemplateInputSchema,
  type ApplyTemplate,
  type Gantt,
  type GanttQuery,
  type Milestone,
  type MilestoneCreate,
  type MilestonePatch,
  type MilestoneTemplate,
  type MilestoneTemplateInput,
  type TemplateNode,
} from '@tiaodu/contracts';
import { milestones, milestoneTemplates } from './milestones.schema.js';
import type { DbOrTx } from '../../db/client.js';
import type { Ctx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { writeAudit } from '../../core/audit.js';
import { chinaToday } from '../../core/clock.js';
import { loadCalendar } from '../../core/calendar.js';
import { publish } from '../../core/events.js';
import * as repo from './milestones.repository.js';
import { scheduleBackward } from './domain/schedule.js';
import { DEFAULT_TEMPLATES } from './domain/templates.js';

const DAY = 86_400_000;
const dayDiff = (a: string, b: string) => Math.round((Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / DAY);

/** Overdue: not done and due before today. Days late: today − due when open, done − due when done late. */
export function lateness(dueDate: string, doneDate: string | null, today: string): { overdue: boolean; daysLate: number } {
  if (doneDate) return { overdue: false, daysLate: Math.max(0, dayDiff(doneDate, dueDate)) };
  const overdue = dueDate < today;
  return { overdue, daysLate: overdue ? dayDiff(today, dueDate) : 0 };
}

function today(ctx: Ctx): string {
  return chinaToday(ctx.clock.now());
}
function yearOf(ctx: Ctx): number {
  return Number(today(ctx).slice(0, 4));
}

/** What the user may change on a milestone: everything, only done date and note, or nothing. */
function editLevel(ctx: Ctx, m: { responsibleDeptId: number | null }): 'all' | 'progress' | 'none' {
  const role = ctx.user.role;
  if (role === 'department') return ctx.user.departmentId != null && m.responsibleDeptId === ctx.user.departmentId ? 'progress' : 'none';
  if (['admin', 'dispatcher', 'region'].includes(role)) return 'all';
  return 'none';
}

function view(ctx: Ctx, r: repo.MilestoneRow, t = today(ctx)): Milestone {
  return {
    id: r.id,
    projectId: r.projectId,
    seq: r.seq,
    name: r.name,
    durationDays: r.durationDays,
    startDate: r.startDate,
    dueDate: r.dueDate,
    doneDate: r.doneDate,
    responsibleDeptId: r.responsibleDeptId,
    responsibleDeptName: r.responsibleDeptName,
    responsiblePerson: r.responsiblePerson,
    note: r.note,
    version: r.version,
    ...lateness(r.dueDate, r.doneDate, t),
    canEdit: editLevel(ctx, r),
  };
}

function auditView(m: typeof milestones.$inferSelect) {
  const { createdAt: _c, updatedAt: _u, ...rest } = m;
  return rest;
}

function requirePlanner(ctx: Ctx): void {
  if (!['admin', 'dispatcher', 'region'].includes(ctx.user.role)) throw new AppError('FORBIDDEN');
}

// ---------------------------------------------------------------- templates

/** Creates the default library when there is no template at all (first start, fresh database). */
export async function ensureDefaultTemplates(db: DbOrTx): Promise<void> {
  const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(milestoneTemplates);
  if ((r?.n ?? 0) > 0) return;
  await db.insert(milestoneTemplates).values(DEFAULT_TEMPLATES.map((t) => ({ name: t.name, nodes: t.nodes })));
}

function templateView(t: typeof milestoneTemplates.$inferSelect): MilestoneTemplate {
  return { id: t.id, name: t.name, active: t.active, nodes: t.nodes as TemplateNode[] };
}

export async function listTemplates(ctx: Ctx): Promise<MilestoneTemplate[]> {
  await ensureDefaultTemplates(ctx.db);
  return (await repo.listTemplates(ctx.db)).map(templateView);
}

function requireTemplateEditor(ctx: Ctx): void {
  if (ctx.user.role !== 'admin' && ctx.user.role !== 'dispatcher') throw new AppError('FORBIDDEN');
}

async function checkTemplateDepts(ctx: Ctx, nodes: TemplateNode[]) {
  for (const [i, n] of nodes.entries()) {
    if (n.responsibleDeptId && !(await repo.deptExists(ctx.db, n.responsibleDeptId))) {
      throw new AppError('VALIDATION', '责任单位不存在', [{ path: `nodes.${i}.responsibleDeptId`, message: '责任单位不存在' }]);
    }
  }
}

export async function createTemplate(ctx: Ctx, input: MilestoneTemplateInput): Promise<MilestoneTemplate> {
  requireTemplateEditor(ctx);
  const v = MilestoneTemplateInputSchema.parse(input);
  await checkTemplateDepts(ctx, v.nodes);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.insert(milestoneTemplates).values({ name: v.name, nodes: v.nodes, active: v.active ?? true }).returning();
    const t = templateView(row!);
    await writeAudit(tx, ctx, { action: 'milestone_template.create', entityType: 'milestone_template', entityId: t.id, summary: t.name, after: t });
    return t;
  });
}

export async function updateTemplate(ctx: Ctx, id: number, input: MilestoneTemplateInput): Promise<MilestoneTemplate> {
  requireTemplateEditor(ctx);
  const v = MilestoneTemplateInputSchema.parse(input);
  await checkTemplateDepts(ctx, v.nodes);
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(milestoneTemplates).where(eq(milestoneTemplates.id, id));
    if (!before) throw new AppError('NOT_FOUND');
    const [row] = await tx
      .update(milestoneTemplates)
      .set({ name: v.name, nodes: v.nodes, active: v.active ?? before.active })
      .where(eq(milestoneTemplates.id, id))
      .returning();
    const t = templateView(row!);
    await writeAudit(tx, ctx, { action: 'milestone_template.update', entityType: 'milestone_template', entityId: id, summary: t.name, before: templateView(before), after: t });
    return t;
  });
}

export async function deleteTemplate(ctx: Ctx, id: number): Promise<void> {
  requireTemplateEditor(ctx);
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx.delete(milestoneTemplates).where(eq(milestoneTemplates.id, id)).returning();
    if (!before) throw new AppError('NOT_FOUND');
    await writeAudit(tx, ctx, { action: 'milestone_template.delete', entityType: 'milestone_template', entityId: id, summary: before.name, before: templateView(before) });
  });
}

// ---------------------------------------------------------------- milestones

async function visibleProject(ctx: Ctx, projectId: number): Promise<void> {
  const p = await repo.findProjectInScope(ctx.db, ctx.user, projectId);
  if (p) return;
  if (ctx.user.role === 'department' && ctx.user.departmentId && (await repo.departmentHasNodes(ctx.db, ctx.user.departmentId, projectId))) return;
  throw new AppError('NOT_FOUND');
}

export async function listProjectMilestones(ctx: Ctx, projectId: number): Promise<Milestone[]> {
  await visibleProject(ctx, projectId);
  const rows = await repo.findMilestones(ctx.db, and(eq(milestones.projectId, projectId), repo.milestoneScope(ctx.user))!);
  const t = today(ctx);
  return rows.map((r) => view(ctx, r, t));
}

async function getOne(ctx: Ctx, tx: DbOrTx, id: number): Promise<repo.MilestoneRow> {
  const [m] = await repo.findMilestones(tx, and(eq(milestones.id, id), repo.milestoneScope(ctx.user))!);
  if (!m) throw new AppError('NOT_FOUND');
  return m;
}

/** Schedules the template's nodes backward from the target date (倒排工期) and stores them as the project's milestones. */
export async function applyTemplate(ctx: Ctx, projectId: number, input: ApplyTemplate): Promise<Milestone[]> {
  requirePlanner(ctx);
  const v = ApplyTemplateSchema.parse(input);
  const p = await repo.findProjectInScope(ctx.db, ctx.user, projectId);
  if (!p) throw new AppError('NOT_FOUND');
  await ensureDefaultTemplates(ctx.db);
  const [tpl] = await ctx.db.select().from(milestoneTemplates).where(eq(milestoneTemplates.id, v.templateId));
  if (!tpl) throw new AppError('VALIDATION', '模板不存在', [{ path: 'templateId', message: '模板不存在' }]);
  const nodes = tpl.nodes as TemplateNode[];
  const cal = await loadCalendar(ctx.db);
  const plan = scheduleBackward(cal, nodes, v.targetDate);
  await ctx.db.transaction(async (tx) => {
    const existing = await tx.select().from(milestones).where(eq(milestones.projectId, projectId));
    if (existing.length && !v.replace) {
      throw new AppError('VALIDATION', '该项目已有节点计划，如需重新倒排请选择“替换现有节点”', [{ path: 'replace', message: '该项目已有节点计划' }]);
    }
    if (existing.length) await tx.delete(milestones).where(eq(milestones.projectId, projectId));
    const now = ctx.clock.now().toISOString();
    const rows = await tx
      .insert(milestones)
      .values(
        plan.map((n, i) => ({
          projectId,
          seq: n.seq,
          name: n.name,
          durationDays: n.durationDays,
          startDate: n.startDate,
          dueDate: n.dueDate,
          responsibleDeptId: nodes[i]?.responsibleDeptId ?? null,
          createdAt: now,
          updatedAt: now,
        })),
      )
      .returning();
    await writeAudit(tx, ctx, {
      action: 'milestone.apply_template',
      entityType: 'project',
      entityId: projectId,
      summary: `${p.name}：套用“${tpl.name}”，目标 ${v.targetDate}，${rows.length} 个节点${existing.length ? `（替换原 ${existing.length} 个）` : ''}`,
      before: existing.length ? existing.map(auditView) : null,
      after: { templateId: tpl.id, targetDate: v.targetDate, milestones: rows.map(auditView) },
    });
    await publish(tx, ctx, 'milestone.changed', { projectIds: [projectId], year: yearOf(ctx) });
  });
  return listProjectMilestones(ctx, projectId);
}

async function checkDept(ctx: Ctx, id: number | null | undefined) {
  if (id && !(await repo.deptExists(ctx.db, id))) throw new AppError('VALIDATION', '责任单位不存在', [{ path: 'responsibleDeptId', message: '责任单位不存在' }]);
}

function checkOrder(start: string | null | undefined, due: string) {
  if (start && start > due) throw new AppError('VALIDATION', '开始日期不能晚于计划完成日期', [{ path: 'startDate', message: '开始日期不能晚于计划完成日期' }]);
}

export async function createMilestone(ctx: Ctx, projectId: number, input: MilestoneCreate): Promise<Milestone> {
  requirePlanner(ctx);
  const v = MilestoneCreateSchema.parse(input);
  const p = await repo.findProjectInScope(ctx.db, ctx.user, projectId);
  if (!p) throw new AppError('NOT_FOUND');
  checkOrder(v.startDate, v.dueDate);
  await checkDept(ctx, v.responsibleDeptId);
  const id = await ctx.db.transaction(async (tx) => {
    const [mx] = await tx.select({ s: sql<number>`coalesce(max(${milestones.seq}), 0)::int` }).from(milestones).where(eq(milestones.projectId, projectId));
    const now = ctx.clock.now().toISOString();
    const [row] = await tx
      .insert(milestones)
      .values({
        projectId,
        seq: v.seq ?? (mx?.s ?? 0) + 1,
        name: v.name,
        startDate: v.startDate ?? null,
        dueDate: v.dueDate,
        doneDate: v.doneDate ?? null,
        responsibleDeptId: v.responsibleDeptId ?? null,
        responsiblePerson: v.responsiblePerson,
        note: v.note,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await writeAudit(tx, ctx, { action: 'milestone.create', entityType: 'milestone', entityId: row!.id, summary: `${p.name}：${row!.name}`, after: auditView(row!) });
    await publish(tx, ctx, 'milestone.changed', { projectIds: [projectId], year: yearOf(ctx) });
    return row!.id;
  });
  return view(ctx, await getOne(ctx, ctx.db, id));
}

export async function updateMilestone(ctx: Ctx, id: number, input: MilestonePatch): Promise<Milestone> {
  const v = MilestonePatchSchema.parse(input);
  const cur = await getOne(ctx, ctx.db, id);
  const level = editLevel(ctx, cur);
  if (level === 'none') throw new AppError('FORBIDDEN');
  const { version, ...fields } = v;
  const changes = Object.fromEntries(Object.entries(fields).filter(([, x]) => x !== undefined)) as Partial<MilestonePatch>;
  if (level === 'progress') {
    const extra = Object.keys(changes).filter((k) => k !== 'doneDate' && k !== 'note');
    if (extra.length) throw new AppError('FORBIDDEN', '责任单位只能填写完成日期和备注', extra.map((k) => ({ path: k, message: '无权修改' })));
  }
  checkOrder(changes.startDate === undefined ? cur.startDate : changes.startDate, changes.dueDate ?? cur.dueDate);
  if (changes.doneDate && changes.doneDate > today(ctx)) throw new AppError('VALIDATION', '完成日期不能晚于今天', [{ path: 'doneDate', message: '完成日期不能晚于今天' }]);
  await checkDept(ctx, changes.responsibleDeptId);
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(milestones)
      .set({ ...changes, version: sql`${milestones.version} + 1`, updatedAt: ctx.clock.now().toISOString() })
      .where(and(eq(milestones.id, id), eq(milestones.version, version)))
      .returning();
    if (!row) throw new AppError('CONFLICT');
    const { responsibleDeptName: _n, ...before } = cur;
    await writeAudit(tx, ctx, { action: 'milestone.update', entityType: 'milestone', entityId: id, summary: row.name, before: auditView(before), after: auditView(row) });
    await publish(tx, ctx, 'milestone.changed', { projectIds: [row.projectId], year: yearOf(ctx) });
  });
  return view(ctx, await getOne(ctx, ctx.db, id));
}

export async function deleteMilestone(ctx: Ctx, id: number): Promise<void> {
  requirePlanner(ctx);
  const cur = await getOne(ctx, ctx.db, id);
  if (editLevel(ctx, cur) !== 'all') throw new AppError('FORBIDDEN');
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx.delete(milestones).where(eq(milestones.id, id)).returning();
    if (!row) throw new AppError('NOT_FOUND');
    await writeAudit(tx, ctx, { action: 'milestone.delete', entityType: 'milestone', entityId: id, summary: row.name, before: auditView(row) });
    await publish(tx, ctx, 'milestone.changed', { projectIds: [row.projectId], year: yearOf(ctx) });
  });
}

/** The wall chart (挂图作战): projects in scope with their milestones, overdue flags and days late. */
export async function gantt(ctx: Ctx, q: GanttQuery): Promise<Gantt> {
  if (q.from && q.to && q.from > q.to) throw new AppError('VALIDATION', '起始日期不能晚于截止日期', [{ path: 'from', message: '起始日期不能晚于截止日期' }]);
  const ps = await repo.ganttProjects(ctx.db, ctx.user, q);
  const t = today(ctx);
  if (!ps.length) return { today: t, projects: [] };
  const conds = [inArray(milestones.projectId, ps.map((p) => p.id)), repo.milestoneScope(ctx.user)];
  if (q.from) conds.push(sql`${milestones.dueDate} >= ${q.from}`);
  if (q.to) conds.push(sql`coalesce(${milestones.startDate}, ${milestones.dueDate}) <= ${q.to}`);
  const rows = await repo.findMilestones(ctx.db, and(...conds)!);
  const by = new Map<number, Milestone[]>();
  for (const r of rows) {
    const list = by.get(r.projectId) ?? [];
    list.push(view(ctx, r, t));
    by.set(r.projectId, list);
  }
  return {
    today: t,
    projects: ps.filter((p) => by.has(p.id)).map((p) => ({ id: p.id, name: p.name, stage: p.stage, regionName: p.regionName, milestones: by.get(p.id)! })),
  };
}
