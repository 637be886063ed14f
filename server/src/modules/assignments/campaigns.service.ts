/**
 * 攻坚行动 (campaigns, e.g. 大干60天): a span of dates with selected items — key tasks (their status
 * and light from the tasks module's taskStatusOf), ledger projects (their plan's months of the
 * campaign against the accepted reports of those months, through the projects, plans and reports
 * services) and indicator targets (the unit's figure and target through the indicator layer's
 * leaguesOf) — with a countdown, each item against the time elapsed (the active rule set's
 * investment rule), what is behind, and once ended a summary table.
 *
 * Campaigns are county-wide: every holder of task:read reads every campaign with all its items,
 * an item outside the reader's own data scope included (name, figures and light: a campaign's
 * 作战图 is circulated to every unit); campaign:manage creates and edits them.
 */
import { eq, sql } from 'drizzle-orm';
import {
  can,
  formatPeriod,
  periodsPerYear,
  type Campaign,
  type CampaignCreate,
  type CampaignDetail,
  type CampaignItem,
  type CampaignItemInput,
  type CampaignList,
  type CampaignPatch,
  type RuleSetConfig,
} from '@tiaodu/contracts';
import { campaigns } from '../../db/schema.js';
import { chinaToday } from '../../core/clock.js';
import { loadCalendar } from '../../core/calendar.js';
import type { Ctx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { writeAudit } from '../../core/audit.js';
import { ruleSetFor } from '../warnings/warnings.service.js';
import { getProject } from '../projects/projects.service.js';
import { projectPlans } from '../plans/plans.service.js';
import { projectReports } from '../reports/reports.service.js';
import { getIndicator } from '../indicators/indicators.service.js';
import { leaguesOf } from '../indicators/indicators.values.js';
import { unitNames } from '../indicators/indicators.units.js';
import { taskStatusOf } from '../tasks/tasks.service.js';
import { campaignStatus, completion, countdown, itemDetail, itemLight } from './domain/countdown.js';
import * as repo from './assignments.repository.js';

const today = (ctx: Ctx) => chinaToday(ctx.clock.now());

/** The county-wide reader: campaigns show every item whatever the reader's own scope. */
const countyWide = (ctx: Ctx): Ctx => ({ ...ctx, user: { ...ctx.user, scopeType: 'all' } });

function toCampaign(c: repo.CampaignRow, cal: Awaited<ReturnType<typeof loadCalendar>>, day: string): Campaign {
  return {
    id: c.id,
    name: c.name,
    startDate: c.startDate,
    endDate: c.endDate,
    description: c.description,
    status: campaignStatus(day, c.startDate, c.endDate),
    countdown: countdown(cal, day, c.startDate, c.endDate),
    itemCount: c.items.length,
    version: c.version,
  };
}

export async function listCampaigns(ctx: Ctx): Promise<CampaignList> {
  const cal = await loadCalendar(ctx.db);
  const day = today(ctx);
  return { items: (await repo.listCampaigns(ctx.db)).map((c) => toCampaign(c, cal, day)) };
}

/** The months (year, month) a campaign covers, start and end months included. */
export function campaignMonths(start: string, end: string): Array<{ year: number; month: number }> {
  const out: Array<{ year: number; month: number }> = [];
  let y = Number(start.slice(0, 4));
  let m = Number(start.slice(5, 7));
  const ey = Number(end.slice(0, 4));
  const em = Number(end.slice(5, 7));
  while (y < ey || (y === ey && m <= em)) {
    out.push({ year: y, month: m });
    m === 12 ? ((y += 1), (m = 1)) : (m += 1);
  }
  return out;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

function judge(base: Omit<CampaignItem, 'completion' | 'light' | 'detail' | 'done'> & { higherIsBetter?: boolean }, rule: RuleSetConfig['investment'], timeShare: number): CampaignItem {
  const { higherIsBetter = true, ...rest } = base;
  const { due, reached } = rest;
  const done = due !== null && reached !== null && (higherIsBetter ? reached >= due : reached <= due);
  const pct = higherIsBetter ? completion(reached, due) : reached !== null && due !== null && reached > 0 ? Math.min(100, completion(due, reached) ?? 0) : null;
  return { ...rest, completion: pct, light: rest.missing ? null : itemLight(rule, pct, timeShare, done), detail: rest.missing ? null : itemDetail(pct, timeShare, done), done };
}

/** A ledger project in a campaign: due = the given target or its plan's months of the campaign; reached = accepted reports of those months (万元). */
async function projectItem(ctx: Ctx, c: repo.CampaignRow, it: Extract<CampaignItemInput, { kind: 'project' }>, rule: RuleSetConfig['investment'], share: number): Promise<CampaignItem> {
  const wide = countyWide(ctx);
  const missing: CampaignItem = { kind: 'project', refId: it.projectId, name: `项目 #${it.projectId}`, unitName: null, due: it.target, reached: null, completion: null, light: null, detail: null, done: false, missing: true };
  let project;
  try {
    project = await getProject(wide, it.projectId);
  } catch (e) {
    if (e instanceof AppError && e.code === 'NOT_FOUND') return missing;
    throw e;
  }
  const months = campaignMonths(c.startDate, c.endDate);
  const years = [...new Set(months.map((m) => m.year))];
  const plans = await projectPlans(wide, it.projectId);
  let planned = 0;
  let reached = 0;
  for (const y of years) {
    const inYear = months.filter((m) => m.year === y).map((m) => m.month);
    const plan = plans.find((p) => p.year === y);
    if (plan) for (const m of inYear) planned += plan.monthly[m - 1] ?? 0;
    const reports = await projectReports(wide, it.projectId, y);
    for (const r of reports) if (r.status === 'accepted' && inYear.includes(r.month)) reached += r.investment;
  }
  const due = it.target ?? (planned > 0 ? round2(planned) : null);
  const started = project.actualStart ? `，${project.actualStart}开工` : project.plannedStart ? `，计划${project.plannedStart}开工` : '';
  return judge({ kind: 'project', refId: it.projectId, name: project.name, unitName: `${project.regionName ?? project.regionCode}${started}`, due, reached: round2(reached), unit: '万元', missing: false }, rule, share);
}

/** An indicator target: reached = the unit's latest figure by the end; due = the given value, or the unit's target for the period of the end date. */
async function indicatorItem(ctx: Ctx, c: repo.CampaignRow, it: Extract<CampaignItemInput, { kind: 'indicator' }>, rule: RuleSetConfig['investment'], share: number): Promise<CampaignItem> {
  let ind;
  try {
    ind = await getIndicator(ctx.db, it.indicatorId);
  } catch (e) {
    if (e instanceof AppError && e.code === 'NOT_FOUND') return { kind: 'indicator', refId: it.indicatorId, name: `指标 #${it.indicatorId}`, unitName: null, due: it.target, reached: null, completion: null, light: null, detail: null, done: false, missing: true };
    throw e;
  }
  const ref = { unitType: it.unitType, unitId: it.unitId } as const;
  const names = await unitNames(ctx.db, [ref]);
  const unitName = names.get(`${it.unitType}:${it.unitId}`)?.name ?? it.unitId;
  const endYear = Number(c.endDate.slice(0, 4));
  const endMonth = Number(c.endDate.slice(5, 7));
  const span = 12 / periodsPerYear(ind.cadence);
  const endIndex = Math.ceil(endMonth / span);
  const periods = Array.from({ length: endIndex }, (_, i) => formatPeriod({ year: endYear, cadence: ind.cadence, index: i + 1 }));
  const { leagues } = await leaguesOf(countyWide(ctx), { ind, units: [{ ...ref, unitName, level: null, parentName: null }], periods });
  const key = `${it.unitType}:${it.unitId}`;
  let reached: number | null = null;
  for (const p of [...periods].reverse()) {
    const row = leagues.get(p)?.rows.find((r) => r.key === key);
    if (row?.value) {
      reached = round2(Number(row.value.n) / Number(row.value.d));
      break;
    }
  }
  const endRow = leagues.get(periods.at(-1)!)?.rows.find((r) => r.key === key);
  const due = it.target ?? (endRow?.target ? round2(Number(endRow.target.n) / Number(endRow.target.d)) : null);
  return judge({ kind: 'indicator', refId: it.indicatorId, name: `${ind.name}（${ind.unit}）`, unitName, due, reached, missing: false, higherIsBetter: ind.direction !== 'lower' }, rule, share);
}

export async function getCampaign(ctx: Ctx, id: number): Promise<CampaignDetail> {
  const c = await repo.getCampaign(ctx.db, id);
  if (!c) throw new AppError('NOT_FOUND');
  const [cal, rs] = await Promise.all([loadCalendar(ctx.db), ruleSetFor(ctx.db, null)]);
  if (!rs) throw new AppError('INTERNAL', '没有可用的预警规则');
  const day = today(ctx);
  const base = toCampaign(c, cal, day);
  const share = base.countdown.timeShare;
  const inputs = c.items as CampaignItemInput[];
  const taskIds = inputs.flatMap((i) => (i.kind === 'task' ? [i.taskId] : []));
  const tasks = taskIds.length ? await taskStatusOf(countyWide(ctx), taskIds) : new Map();
  const items: CampaignItem[] = [];
  for (const it of inputs) {
    if (it.kind === 'task') {
      const t = tasks.get(it.taskId);
      items.push(
        t
          ? { kind: 'task', refId: t.id, name: t.title, unitName: t.leadUnitName, due: t.target?.value ?? null, reached: t.target?.reached ?? null, unit: t.target?.unit ?? null, completion: t.progress, light: t.done ? 'green' : t.light, detail: t.done ? '已完成' : (t.lightReason ?? `${t.deadline}前完成`), done: t.done, missing: false }
          : { kind: 'task', refId: it.taskId, name: `任务 #${it.taskId}`, unitName: null, due: null, reached: null, completion: null, light: null, detail: null, done: false, missing: true },
      );
    } else if (it.kind === 'project') items.push(await projectItem(ctx, c, it, rs.config.investment, share));
    else items.push(await indicatorItem(ctx, c, it, rs.config.investment, share));
  }
  const ended = base.status === 'ended';
  const behind = items.filter((i) => !i.missing && !i.done && (ended || i.light === 'yellow' || i.light === 'red'));
  return {
    ...base,
    items,
    inputs,
    behind,
    summary: ended ? items.map((i) => ({ kind: i.kind, refId: i.refId, name: i.name, due: i.due, reached: i.reached, unit: i.unit ?? null, done: i.done })) : null,
    ruleSet: { id: rs.id, name: rs.name },
    abilities: { edit: can(ctx.user.role, 'campaign:manage') },
  };
}

function fieldError(path: string, message: string): AppError {
  return new AppError('VALIDATION', message, [{ path, message }]);
}

/** Checks the items exist (projects and indicators; tasks are read as they are). */
async function checkItems(ctx: Ctx, items: CampaignItemInput[]): Promise<void> {
  const wide = countyWide(ctx);
  for (const [i, it] of items.entries()) {
    try {
      if (it.kind === 'project') await getProject(wide, it.projectId);
      if (it.kind === 'indicator') await getIndicator(ctx.db, it.indicatorId);
    } catch (e) {
      if (e instanceof AppError && e.code === 'NOT_FOUND') throw fieldError(`items.${i}`, it.kind === 'project' ? '项目不存在' : '指标不存在');
      throw e;
    }
  }
}

export async function createCampaign(ctx: Ctx, input: CampaignCreate): Promise<CampaignDetail> {
  await checkItems(ctx, input.items);
  const id = await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now().toISOString();
    const [row] = await tx
      .insert(campaigns)
      .values({ name: input.name, startDate: input.startDate, endDate: input.endDate, description: input.description, items: input.items, createdBy: ctx.user.id || null, createdAt: now, updatedAt: now })
      .returning({ id: campaigns.id });
    await writeAudit(tx, ctx, { action: 'campaign.create', entityType: 'campaign', entityId: row!.id, summary: `新建攻坚行动：${input.name}（${input.startDate}至${input.endDate}，${input.items.length}项）`, after: input });
    return row!.id;
  });
  return getCampaign(ctx, id);
}

export async function updateCampaign(ctx: Ctx, id: number, input: CampaignPatch): Promise<CampaignDetail> {
  if (input.items) await checkItems(ctx, input.items);
  await ctx.db.transaction(async (tx) => {
    const c = await repo.getCampaign(tx, id, true);
    if (!c) throw new AppError('NOT_FOUND');
    if (c.version !== input.version) throw new AppError('CONFLICT');
    const next = { name: input.name ?? c.name, startDate: input.startDate ?? c.startDate, endDate: input.endDate ?? c.endDate, description: input.description === undefined ? c.description : input.description, items: input.items ?? c.items };
    if (next.endDate <= next.startDate) throw fieldError('endDate', '结束日期应晚于开始日期');
    await tx
      .update(campaigns)
      .set({ ...next, updatedAt: ctx.clock.now().toISOString(), version: sql`${campaigns.version} + 1` })
      .where(eq(campaigns.id, id));
    await writeAudit(tx, ctx, { action: 'campaign.update', entityType: 'campaign', entityId: id, summary: `修改攻坚行动：${next.name}`, before: { name: c.name, startDate: c.startDate, endDate: c.endDate, description: c.description, items: c.items }, after: next });
  });
  return getCampaign(ctx, id);
}

