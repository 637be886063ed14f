import { and, eq, inArray, sql } from 'drizzle-orm';
import {
  ApprovalItemInputSchema,
  ApprovalSettingsSchema,
  DEFAULT_GRADE_CUTOFFS,
  DEFAULT_PROCESS_LIMITS,
  GradeCutoffsSchema,
  ProcessLimitsSchema,
  type ApprovalItem,
  type ApprovalItemInput,
  type ApprovalSettings,
  type ApprovalTemplate,
  type ApprovalTemplateInput,
  type GradeCutoffs,
  type ProcessLimits,
  type StepLimits,
} from '@tiaodu/contracts';
import { approvalItems, approvalTemplates, departments } from '../../db/schema.js';
import type { DbOrTx } from '../../db/client.js';
import type { Ctx } from '../../core/context.js';
import { AppError, fieldError } from '../../core/errors.js';
import { writeAudit } from '../../core/audit.js';
import * as repo from './approvals.repository.js';

/* ------------------------------------------------------------------ catalogue (审批事项目录) */

function itemOut(r: repo.ItemRow): ApprovalItem {
  return {
    id: r.id,
    name: r.name,
    code: r.code,
    departmentId: r.departmentId ?? 0,
    departmentName: r.departmentName,
    phase: repo.phaseOf(r.phase),
    statutoryDays: r.statutoryDays,
    promisedDays: r.promisedDays,
    stepDays: r.stepLimits as StepLimits,
    active: r.active,
    sort: r.sort,
    used: r.used,
  };
}

export async function listItems(ctx: Ctx, opts: { active?: boolean } = {}): Promise<ApprovalItem[]> {
  const rows = await repo.findItems(ctx.db, opts.active ? eq(approvalItems.active, true) : undefined);
  return rows.map(itemOut);
}

async function oneItem(db: DbOrTx, id: number): Promise<ApprovalItem> {
  const [r] = await repo.findItems(db, eq(approvalItems.id, id));
  if (!r) throw new AppError('NOT_FOUND');
  return itemOut(r);
}

async function checkDepartment(db: DbOrTx, id: number) {
  const [d] = await db.select({ id: departments.id, active: departments.active }).from(departments).where(eq(departments.id, id));
  if (!d) throw fieldError('departmentId', '办理部门不存在');
}

function itemValues(v: ReturnType<typeof ApprovalItemInputSchema.parse>) {
  return {
    code: v.code,
    name: v.name,
    departmentId: v.departmentId,
    phase: repo.phaseNumber(v.phase),
    statutoryDays: v.statutoryDays,
    promisedDays: v.promisedDays,
    stepLimits: v.stepDays,
    ...(v.active !== undefined ? { active: v.active } : {}),
    ...(v.sort !== undefined ? { sort: v.sort } : {}),
  };
}

async function codeTaken(db: DbOrTx, code: string, exceptId?: number) {
  const [r] = await db
    .select({ id: approvalItems.id })
    .from(approvalItems)
    .where(and(sql`lower(${approvalItems.code}) = lower(${code})`, exceptId ? sql`${approvalItems.id} <> ${exceptId}` : undefined));
  if (r) throw new AppError('DUPLICATE', '事项编码已被使用', [{ path: 'code', message: '事项编码已被使用' }]);
}

export async function createItem(ctx: Ctx, input: ApprovalItemInput): Promise<ApprovalItem> {
  const v = ApprovalItemInputSchema.parse(input);
  return ctx.db.transaction(async (tx) => {
    await checkDepartment(tx, v.departmentId);
    await codeTaken(tx, v.code);
    const now = ctx.clock.now().toISOString();
    const [row] = await tx
      .insert(approvalItems)
      .values({ ...itemValues(v), createdAt: now, updatedAt: now })
      .returning({ id: approvalItems.id });
    const out = await oneItem(tx, row!.id);
    await writeAudit(tx, ctx, { action: 'approval_item.create', entityType: 'approval_item', entityId: out.id, summary: `新增审批事项“${out.name}”`, after: out });
    return out;
  });
}

/**
 * Changes a catalogue entry. Items already given to projects keep the limits they were given
 * (project_approvals holds its own copy); the change applies to items added afterwards.
 */
export async function updateItem(ctx: Ctx, id: number, input: ApprovalItemInput): Promise<ApprovalItem> {
  const v = ApprovalItemInputSchema.parse(input);
  return ctx.db.transaction(async (tx) => {
    const before = await oneItem(tx, id);
    await checkDepartment(tx, v.departmentId);
    await codeTaken(tx, v.code, id);
    if (before.used && before.code !== v.code) throw fieldError('code', '事项已被项目使用，不能修改编码');
    await tx
      .update(approvalItems)
      .set({ ...itemValues(v), updatedAt: ctx.clock.now().toISOString() })
      .where(eq(approvalItems.id, id));
    if (before.code !== v.code) {
      // templates name items by code
      await tx.execute(sql`UPDATE approval_templates SET item_codes = array_replace(item_codes, ${before.code}, ${v.code})`);
    }
    const after = await oneItem(tx, id);
    await writeAudit(tx, ctx, { action: 'approval_item.update', entityType: 'approval_item', entityId: id, summary: `修改审批事项“${after.name}”`, before, after });
    return after;
  });
}

export async function deleteItem(ctx: Ctx, id: number): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const before = await oneItem(tx, id);
    if (before.used) throw new AppError('IN_USE', `事项已被${before.used}个项目使用，不能删除，可改为停用`);
    const [inTemplate] = await tx.select({ name: approvalTemplates.name }).from(approvalTemplates).where(sql`${before.code} = ANY(${approvalTemplates.itemCodes})`);
    if (inTemplate) throw new AppError('IN_USE', `事项在模板“${inTemplate.name}”中，请先从模板中移除`);
    await tx.delete(approvalItems).where(eq(approvalItems.id, id));
    await writeAudit(tx, ctx, { action: 'approval_item.delete', entityType: 'approval_item', entityId: id, summary: `删除审批事项“${before.name}”`, before });
  });
}

/* ------------------------------------------------------------------ templates */

type TemplateRecord = typeof approvalTemplates.$inferSelect;

export interface ProjectKind {
  investmentType: string | null;
  field: string | null;
  category: string | null;
}

/** A template fits a project when each of its criteria is empty or equal to the project's value. */
export function templateFits(t: Pick<TemplateRecord, 'investmentType' | 'projectField' | 'projectCategory'>, p: ProjectKind): boolean {
  return (!t.investmentType || t.investmentType === p.investmentType) && (!t.projectField || t.projectField === p.field) && (!t.projectCategory || t.projectCategory === p.category);
}

async function templatesOut(db: DbOrTx, rows: TemplateRecord[], project?: ProjectKind): Promise<ApprovalTemplate[]> {
  const codes = [...new Set(rows.flatMap((r) => r.itemCodes))];
  const items = codes.length ? await repo.findItems(db, inArray(approvalItems.code, codes)) : [];
  const byCode = new Map(items.map((i) => [i.code, i]));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    investmentType: r.investmentType,
    projectField: r.projectField,
    projectCategory: r.projectCategory,
    itemCodes: r.itemCodes,
    items: r.itemCodes
      .map((c) => byCode.get(c))
      .filter((i): i is repo.ItemRow => !!i)
      .map((i) => ({ id: i.id, code: i.code, name: i.name, phase: repo.phaseOf(i.phase), departmentName: i.departmentName, promisedDays: i.promisedDays })),
    active: r.active,
    ...(project ? { fits: templateFits(r, project) } : {}),
  }));
}

export async function listTemplates(ctx: Ctx, project?: ProjectKind): Promise<ApprovalTemplate[]> {
  return templatesOut(ctx.db, await repo.findTemplates(ctx.db), project);
}

async function oneTemplate(db: DbOrTx, id: number): Promise<ApprovalTemplate> {
  const rows = await repo.findTemplates(db, eq(approvalTemplates.id, id));
  if (!rows.length) throw new AppError('NOT_FOUND');
  return (await templatesOut(db, rows))[0]!;
}

async function checkCodes(db: DbOrTx, codes: string[]): Promise<string[]> {
  const unique = [...new Set(codes)];
  const found = await db.select({ code: approvalItems.code }).from(approvalItems).where(inArray(approvalItems.code, unique));
  const known = new Set(found.map((f) => f.code));
  const missing = unique.filter((c) => !known.has(c));
  if (missing.length) throw fieldError('itemCodes', `事项编码不存在：${missing.join('、')}`);
  return unique;
}

function templateValues(v: ApprovalTemplateInput, codes: string[]) {
  return {
    name: v.name,
    investmentType: v.investmentType ?? null,
    projectField: v.projectField ?? null,
    projectCategory: v.projectCategory ?? null,
    itemCodes: codes,
    ...(v.active !== undefined ? { active: v.active } : {}),
  };
}

export async function createTemplate(ctx: Ctx, v: ApprovalTemplateInput): Promise<ApprovalTemplate> {
  return ctx.db.transaction(async (tx) => {
    const codes = await checkCodes(tx, v.itemCodes);
    const [row] = await tx
      .insert(approvalTemplates)
      .values({ ...templateValues(v, codes), createdAt: ctx.clock.now().toISOString() })
      .returning({ id: approvalTemplates.id });
    const out = await oneTemplate(tx, row!.id);
    await writeAudit(tx, ctx, { action: 'approval_template.create', entityType: 'approval_template', entityId: out.id, summary: `新增审批事项模板“${out.name}”`, after: out });
    return out;
  });
}

export async function updateTemplate(ctx: Ctx, id: number, v: ApprovalTemplateInput): Promise<ApprovalTemplate> {
  return ctx.db.transaction(async (tx) => {
    const before = await oneTemplate(tx, id);
    const codes = await checkCodes(tx, v.itemCodes);
    await tx.update(approvalTemplates).set(templateValues(v, codes)).where(eq(approvalTemplates.id, id));
    const after = await oneTemplate(tx, id);
    await writeAudit(tx, ctx, { action: 'approval_template.update', entityType: 'approval_template', entityId: id, summary: `修改审批事项模板“${after.name}”`, before, after });
    return after;
  });
}

export async function deleteTemplate(ctx: Ctx, id: number): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const before = await oneTemplate(tx, id);
    await tx.delete(approvalTemplates).where(eq(approvalTemplates.id, id));
    await writeAudit(tx, ctx, { action: 'approval_template.delete', entityType: 'approval_template', entityId: id, summary: `删除审批事项模板“${before.name}”`, before });
  });
}

/* ------------------------------------------------------------------ settings */

const PROCESS_KEY = 'approval.process_limits';
const GRADES_KEY = 'approval.grade_cutoffs';

/** The whole-process limits; a stored value that no longer validates falls back to the default. */
export async function processLimits(db: DbOrTx): Promise<ProcessLimits> {
  const v = ProcessLimitsSchema.safeParse(await repo.readSetting(db, PROCESS_KEY));
  return v.success ? v.data : DEFAULT_PROCESS_LIMITS;
}

export async function gradeCutoffs(db: DbOrTx): Promise<GradeCutoffs> {
  const v = GradeCutoffsSchema.safeParse(await repo.readSetting(db, GRADES_KEY));
  return v.success ? v.data : DEFAULT_GRADE_CUTOFFS;
}

export async function getSettings(ctx: Ctx): Promise<ApprovalSettings> {
  return { process: await processLimits(ctx.db), grades: await gradeCutoffs(ctx.db) };
}

export async function putSettings(ctx: Ctx, input: ApprovalSettings): Promise<ApprovalSettings> {
  const v = ApprovalSettingsSchema.parse(input);
  return ctx.db.transaction(async (tx) => {
    const before = { process: await processLimits(tx), grades: await gradeCutoffs(tx) };
    const at = ctx.clock.now().toISOString();
    await repo.writeSetting(tx, PROCESS_KEY, v.process, ctx.user.id || null, at);
    await repo.writeSetting(tx, GRADES_KEY, v.grades, ctx.user.id || null, at);
    await writeAudit(tx, ctx, { action: 'approval.settings', entityType: 'settings', entityId: 'approval', summary: `修改审批全流程时限（${v.process.total}个工作日）与效能等次标准`, before, after: v });
    return v;
  });
}
