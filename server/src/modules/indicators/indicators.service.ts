/**
 * 指标库与目标责任: the catalogue, targets, data entry periods, reported values with review and
 * evidence, and publication. The read side (league tables and benchmarks) is in
 * indicators.values.ts; computed figures in indicators.compute.ts.
 */
import { sql } from 'drizzle-orm';
import {
  can,
  INDICATOR_FORMULAS,
  IndicatorInputSchema,
  parsePeriod,
  periodLabel,
  periodsPerYear,
  type Indicator,
  type IndicatorInput,
  type IndicatorPatch,
  type IndicatorPeriod,
  type IndicatorSubject,
  type OwedItem,
  type TargetGrid,
  type TargetRow,
  type UnitOption,
  type UnitRef,
  type ValueRecord,
  type ValueReport,
} from '@tiaodu/contracts';
import { indicatorPeriods, indicators, indicatorTargets, indicatorValueFiles, indicatorValueRevisions, indicatorValues, indicatorPublications, externalUnits, peerGroups } from './indicators.schema.js';
import type { DbOrTx } from '../../db/client.js';
import type { Ctx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { writeAudit } from '../../core/audit.js';
import { chinaToday } from '../../core/clock.js';
import { loadCalendar } from '../../core/calendar.js';
import { inTransaction, publish } from '../../core/events.js';
import { uploadsStorage } from '../../lib/storage/storage.js';
import { storeUploads, type Upload } from '../../core/uploads.js';
import { notify } from '../notifications/notify.js';
import { ruleSetFor } from '../warnings/warnings.service.js';
import { defaultRankBy, ensureCatalogue } from './indicators.catalogue.js';
import { FORMULA_SUBJECTS } from './indicators.compute.js';
import { FORMULA_DEFINITIONS } from './domain/formulas.js';
import { parseFigure } from './domain/figures.js';
import * as repo from './indicators.repository.js';
import { canSeeUnit, inferUnitType, listUnits, ownUnit, unitKey, unitNames, unitScopeSql, unitVisibility } from './indicators.units.js';

const today = (ctx: Ctx) => chinaToday(ctx.clock.now());
const num = (v: string | null | undefined) => (v == null ? null : Number(v));

// ------------------------------------------------------------------ catalogue

export async function listIndicators(ctx: Ctx, q: { status?: string; source?: string; benchmark?: string }): Promise<Indicator[]> {
  await ensureCatalogue(ctx.db);
  return repo.listIndicators(ctx.db, { status: q.status ?? 'active', source: q.source, benchmark: q.benchmark === undefined ? undefined : q.benchmark === 'true' });
}

export async function getIndicator(db: DbOrTx, id: number): Promise<Indicator> {
  const i = await repo.getIndicator(db, id);
  if (!i) throw new AppError('NOT_FOUND', '指标不存在');
  return i;
}

function checkFormulaSubjects(i: Pick<Indicator, 'source' | 'formula' | 'appliesTo'>): void {
  if (i.source !== 'computed' || !i.formula) return;
  const ok = FORMULA_SUBJECTS[i.formula];
  const bad = i.appliesTo.filter((s) => !ok.includes(s));
  if (bad.length) {
    const label = INDICATOR_FORMULAS.find((f) => f.value === i.formula)?.zh ?? i.formula;
    throw new AppError('VALIDATION', `「${label}」不能按${bad.map((b) => SUBJECT_ZH[b]).join('、')}计算`, [{ path: 'appliesTo', message: `「${label}」只适用于${ok.map((b) => SUBJECT_ZH[b]).join('、')}` }]);
  }
}

const SUBJECT_ZH: Record<IndicatorSubject, string> = { city: '市', county: '县（区）', town: '乡镇（街道）', park: '园区', department: '部门' };

async function checkRuleSet(db: DbOrTx, id: number | null | undefined): Promise<void> {
  if (id && !(await ruleSetFor(db, id))) throw new AppError('VALIDATION', '预警规则不存在', [{ path: 'ruleSetId', message: '预警规则不存在' }]);
}

export async function createIndicator(ctx: Ctx, input: IndicatorInput): Promise<Indicator> {
  const v = IndicatorInputSchema.parse(input);
  checkFormulaSubjects(v);
  await checkRuleSet(ctx.db, v.ruleSetId);
  await ensureCatalogue(ctx.db);
  return inTransaction(ctx, async (tx) => {
    const dup = await tx.execute(sql`SELECT 1 FROM indicators WHERE lower(code) = lower(${v.code})`);
    if (dup.rows.length) throw new AppError('DUPLICATE', `指标代码「${v.code}」已存在`, [{ path: 'code', message: '指标代码已存在' }]);
    const now = ctx.clock.now().toISOString();
    const [row] = await tx
      .insert(indicators)
      .values({ ...v, rankBy: defaultRankBy(v), appliesTo: [...new Set(v.appliesTo)], filter: v.filter, createdAt: now, updatedAt: now })
      .returning({ id: indicators.id });
    await writeAudit(tx, ctx, { action: 'indicator.create', entityType: 'indicator', entityId: row!.id, summary: v.name, after: v });
    return getIndicator(tx, row!.id);
  });
}

export async function updateIndicator(ctx: Ctx, id: number, patch: IndicatorPatch): Promise<Indicator> {
  return inTransaction(ctx, async (tx) => {
    const before = await getIndicator(tx, id);
    const next = { ...before, ...patch };
    if (patch.cadence && patch.cadence !== before.cadence && before.inUse) throw new AppError('VALIDATION', '指标已有数据或目标，不能修改统计周期', [{ path: 'cadence', message: '指标已有数据，不能修改统计周期' }]);
    if (next.source === 'computed' && !next.formula) throw new AppError('VALIDATION', '系统计算的指标须选择计算公式', [{ path: 'formula', message: '请选择计算公式' }]);
    if (next.source !== 'computed' && next.formula) throw new AppError('VALIDATION', '只有系统计算的指标才有计算公式', [{ path: 'formula', message: '只有系统计算的指标才有计算公式' }]);
    checkFormulaSubjects(next);
    await checkRuleSet(tx, patch.ruleSetId);
    const set: Record<string, unknown> = { ...patch, updatedAt: ctx.clock.now().toISOString() };
    if (patch.appliesTo) set.appliesTo = [...new Set(patch.appliesTo)];
    if (patch.rankBy === null) set.rankBy = defaultRankBy({ rankBy: null, benchmark: next.benchmark });
    await tx.update(indicators).set(set).where(sql`${indicators.id} = ${id}`);
    // a changed formula or filter makes every computed figure of the indicator stale
    if (patch.formula !== undefined || patch.filter !== undefined || patch.appliesTo || patch.accumulation) await tx.execute(sql`DELETE FROM indicator_computed WHERE indicator_id = ${id}`);
    await writeAudit(tx, ctx, { action: 'indicator.update', entityType: 'indicator', entityId: id, summary: before.name, before, after: patch });
    await publish(tx, ctx, 'indicator.values.changed', { indicatorIds: [id], periods: [] });
    return getIndicator(tx, id);
  });
}

export async function deleteIndicator(ctx: Ctx, id: number): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const i = await getIndicator(tx, id);
    if (i.builtin) throw new AppError('IN_USE', '标准指标不能删除，可以停用');
    if (i.inUse) throw new AppError('IN_USE', `指标「${i.name}」已有数据、目标或填报期，不能删除，可以停用`);
    await tx.execute(sql`DELETE FROM indicator_computed WHERE indicator_id = ${id}`);
    await tx.execute(sql`DELETE FROM indicator_values WHERE indicator_id = ${id} AND source = 'computed'`);
    await tx.execute(sql`DELETE FROM indicator_publications WHERE indicator_id = ${id}`);
    await tx.delete(indicators).where(sql`${indicators.id} = ${id}`);
    await writeAudit(tx, ctx, { action: 'indicator.delete', entityType: 'indicator', entityId: id, summary: i.name, before: i });
  });
}

export function formulas() {
  return INDICATOR_FORMULAS.map((f) => ({ ...f, definition: FORMULA_DEFINITIONS[f.value], subjects: FORMULA_SUBJECTS[f.value] }));
}

export async function unitOptions(ctx: Ctx, q: { subject?: string; indicatorId?: number }): Promise<UnitOption[]> {
  const v = unitVisibility(ctx.user);
  let subjects: Array<IndicatorSubject | 'external'> = q.subject ? [q.subject as IndicatorSubject] : ['county', 'town', 'park', 'department'];
  if (q.indicatorId) subjects = (await getIndicator(ctx.db, q.indicatorId)).appliesTo;
  const out: UnitOption[] = [];
  for (const s of subjects) out.push(...(await listUnits(ctx.db, s, v)));
  return out;
}

/** The units an indicator applies to that the user may see. */
async function unitsFor(db: DbOrTx, ctx: Ctx, ind: Indicator): Promise<UnitOption[]> {
  const v = unitVisibility(ctx.user);
  const out: UnitOption[] = [];
  for (const s of ind.appliesTo) out.push(...(await listUnits(db, s, v)));
  return out;
}

/** The subject of a unit: its region's level, or department. */
async function subjectOf(db: DbOrTx, u: UnitRef): Promise<IndicatorSubject | null> {
  if (u.unitType === 'department') return 'department';
  if (u.unitType !== 'region') return null;
  const n = (await unitNames(db, [u])).get(unitKey(u));
  return (n?.level as IndicatorSubject | undefined) ?? null;
}

// ------------------------------------------------------------------ targets

const breakdownSize = (ind: Indicator) => (ind.cadence === 'year' ? 0 : periodsPerYear(ind.cadence));

export async function targetGrid(ctx: Ctx, year: number, indicatorId: number): Promise<TargetGrid> {
  const ind = await getIndicator(ctx.db, indicatorId);
  const units = await unitsFor(ctx.db, ctx, ind);
  const targets = new Map((await repo.targetsOf(ctx.db, indicatorId, [year])).map((t) => [`${t.unitType}:${t.unitId}`, t]));
  return {
    indicator: ind,
    year,
    breakdownSize: breakdownSize(ind),
    rows: units.map((u) => {
      const t = targets.get(unitKey(u));
      return {
        unitType: u.unitType,
        unitId: u.unitId,
        unitName: u.unitName,
        baseline: num(t?.baseline),
        target: num(t?.target),
        breakdown: t?.breakdown ? t.breakdown.map(num) : null,
        multiYear: t?.multiYearYear ? { year: t.multiYearYear, value: num(t.multiYearValue) } : null,
        note: t?.note ?? null,
        updatedAt: t?.updatedAt ?? null,
      };
    }),
  };
}

type Issue = { path: string; message: string };
function figureOrIssue(v: string | number | null | undefined, path: string, label: string, issues: Issue[]): string | null {
  if (v === undefined || v === null || v === '') return null;
  const p = parseFigure(v);
  if (!p.ok) {
    issues.push({ path, message: `${label}：${p.message}` });
    return null;
  }
  return p.text;
}

/** The decimal texts of a target row, or the issues found (row-level, Chinese). */
export function parseTargetRow(r: TargetRow, size: number, i: number, name: string, issues: Issue[]) {
  const at = `rows.${i}`;
  const target = figureOrIssue(r.target, `${at}.target`, `${name} 年度目标`, issues);
  const baseline = figureOrIssue(r.baseline, `${at}.baseline`, `${name} 基数`, issues);
  let breakdown: Array<string | null> | null = null;
  if (r.breakdown && r.breakdown.some((b) => b !== null && b !== '')) {
    if (r.breakdown.length !== size) issues.push({ path: `${at}.breakdown`, message: `${name}：分解应有${size}期，实际${r.breakdown.length}期` });
    else breakdown = r.breakdown.map((b, k) => figureOrIssue(b, `${at}.breakdown.${k}`, `${name} 第${k + 1}期目标`, issues));
  }
  const multiValue = r.multiYear ? figureOrIssue(r.multiYear.value, `${at}.multiYear.value`, `${name} 多年目标`, issues) : null;
  return { target, baseline, breakdown, multiYearYear: r.multiYear && multiValue !== null ? r.multiYear.year : null, multiYearValue: multiValue };
}

export async function saveTargets(ctx: Ctx, body: { year: number; indicatorId: number; rows: TargetRow[] }): Promise<TargetGrid> {
  const ind = await getIndicator(ctx.db, body.indicatorId);
  if (ind.status !== 'active') throw new AppError('VALIDATION', `指标「${ind.name}」已停用`);
  const allowed = new Map((await unitsFor(ctx.db, ctx, ind)).map((u) => [unitKey(u), u]));
  const issues: Issue[] = [];
  const size = breakdownSize(ind);
  const parsed = body.rows.map((row, i) => {
    const r = { ...row, unitType: row.unitType ?? inferUnitType(row.unitId, ind.appliesTo) };
    const u = allowed.get(unitKey(r));
    if (!u) issues.push({ path: `rows.${i}.unitId`, message: `第${i + 1}行：单位不适用于该指标或不在您的管辖范围内` });
    return { r, u, p: parseTargetRow(r, size, i, u?.unitName ?? `第${i + 1}行`, issues) };
  });
  if (issues.length) throw new AppError('VALIDATION', issues[0]!.message, issues);
  await inTransaction(ctx, async (tx) => {
    const before = new Map((await repo.targetsOf(tx, ind.id, [body.year])).map((t) => [`${t.unitType}:${t.unitId}`, t]));
    const now = ctx.clock.now().toISOString();
    const changed: unknown[] = [];
    for (const { r, p } of parsed) {
      const b = before.get(unitKey(r));
      const same =
        b &&
        num(b.target) === num(p.target) &&
        num(b.baseline) === num(p.baseline) &&
        JSON.stringify((b.breakdown ?? []).map(num)) === JSON.stringify((p.breakdown ?? []).map(num)) &&
        b.multiYearYear === p.multiYearYear &&
        num(b.multiYearValue) === num(p.multiYearValue) &&
        (b.note ?? null) === (r.note ?? null);
      if (same) continue;
      if (!b && p.target === null && p.baseline === null && !p.breakdown && p.multiYearValue === null && !r.note) continue;
      const values = { baseline: p.baseline, target: p.target, breakdown: p.breakdown, multiYearYear: p.multiYearYear, multiYearValue: p.multiYearValue, note: r.note ?? null, updatedBy: ctx.user.id || null, updatedAt: now };
      await tx
        .insert(indicatorTargets)
        .values({ indicatorId: ind.id, year: body.year, unitType: r.unitType, unitId: r.unitId, ...values })
        .onConflictDoUpdate({ target: [indicatorTargets.indicatorId, indicatorTargets.year, indicatorTargets.unitType, indicatorTargets.unitId], set: values });
      changed.push({ unit: unitKey(r), before: b ? { target: b.target, baseline: b.baseline, breakdown: b.breakdown } : null, after: { target: p.target, baseline: p.baseline, breakdown: p.breakdown } });
    }
    if (changed.length) {
      await writeAudit(tx, ctx, { action: 'indicator.target', entityType: 'indicator', entityId: ind.id, summary: `${body.year}年 ${ind.name} 目标 ${changed.length} 个单位`, after: changed });
      await publish(tx, ctx, 'indicator.values.changed', { indicatorIds: [ind.id], periods: [] });
    }
  });
  return targetGrid(ctx, body.year, ind.id);
}

// ------------------------------------------------------------------ data entry periods

async function periodRow(db: DbOrTx, id: number) {
  const r = await db.execute(sql`SELECT * FROM indicator_periods WHERE id = ${id}`);
  const x = r.rows[0] as Record<string, unknown> | undefined;
  if (!x) throw new AppError('NOT_FOUND', '填报期不存在');
  return {
    id: Number(x.id),
    period: String(x.period),
    indicatorIds: (Array.isArray(x.indicator_ids) ? x.indicator_ids : String(x.indicator_ids).replace(/[{}]/g, '').split(',')).map(Number),
    deadline: repo.dateText(x.deadline as string),
    status: String(x.status) as 'open' | 'closed',
    note: (x.note as string | null) ?? null,
    openedAt: new Date(String(x.opened_at)).toISOString(),
  };
}

/** Every cell of a period (unit × indicator) the user may see, with its state. */
export async function periodCells(ctx: Ctx, id: number): Promise<OwedItem[]> {
  const p = await periodRow(ctx.db, id);
  const inds = await repo.getIndicators(ctx.db, p.indicatorIds);
  const t = today(ctx);
  const out: OwedItem[] = [];
  for (const ind of inds) {
    const units = await unitsFor(ctx.db, ctx, ind);
    const values = new Map((await repo.valuesOf(ctx.db, ind.id, [p.period])).map((v) => [`${v.unitType}:${v.unitId}`, v]));
    const targets = new Map((await repo.targetsOf(ctx.db, ind.id, [parsePeriod(p.period)!.year])).map((x) => [`${x.unitType}:${x.unitId}`, x]));
    for (const u of units) out.push(cell(p, ind, u, values.get(unitKey(u)) ?? null, targets.get(unitKey(u))?.target ?? null, t));
  }
  return out;
}

function cell(p: { id: number; period: string; deadline: string }, ind: Indicator, u: UnitOption, v: repo.ValueRow | null, target: string | null, t: string): OwedItem {
  const status = v ? v.status : 'missing';
  const submittedOn = v?.submittedAt ? chinaToday(new Date(v.submittedAt)) : null;
  const late = status === 'missing' || status === 'draft' || status === 'returned' ? t > p.deadline : !!submittedOn && submittedOn > p.deadline;
  return {
    periodId: p.id,
    period: p.period,
    periodLabel: periodLabel(p.period),
    deadline: p.deadline,
    indicatorId: ind.id,
    indicatorName: ind.name,
    unit: ind.unit,
    unitType: u.unitType,
    unitId: u.unitId,
    unitName: u.unitName,
    valueId: v?.id ?? null,
    value: num(v?.value),
    status,
    late,
    returnReason: v?.status === 'returned' ? v.returnReason : null,
    target: num(target),
  };
}

async function toPeriodDto(ctx: Ctx, p: Awaited<ReturnType<typeof periodRow>>): Promise<IndicatorPeriod> {
  const inds = await repo.getIndicators(ctx.db, p.indicatorIds);
  const cells = await periodCells(ctx, p.id);
  const count = (f: (c: OwedItem) => boolean) => cells.filter(f).length;
  return {
    ...p,
    periodLabel: periodLabel(p.period),
    indicators: inds.map((i) => ({ id: i.id, code: i.code, name: i.name, unit: i.unit })),
    counts: {
      owed: cells.length,
      submitted: count((c) => c.status === 'submitted'),
      accepted: count((c) => c.status === 'accepted'),
      returned: count((c) => c.status === 'returned'),
      missing: count((c) => c.status === 'missing' || c.status === 'draft'),
      late: count((c) => c.late),
    },
  };
}

export async function listPeriods(ctx: Ctx): Promise<IndicatorPeriod[]> {
  const r = await ctx.db.execute(sql`SELECT id FROM indicator_periods ORDER BY CASE status WHEN 'open' THEN 0 ELSE 1 END, period DESC, id DESC LIMIT 60`);
  const out: IndicatorPeriod[] = [];
  for (const x of r.rows as { id: number }[]) out.push(await toPeriodDto(ctx, await periodRow(ctx.db, Number(x.id))));
  return out;
}

export async function openPeriod(ctx: Ctx, input: { period: string; indicatorIds: number[]; deadline: string; note?: string | null }): Promise<IndicatorPeriod> {
  const p = parsePeriod(input.period)!;
  const ids = [...new Set(input.indicatorIds)];
  const inds = await repo.getIndicators(ctx.db, ids);
  const issues: Issue[] = [];
  for (const id of ids) {
    const i = inds.find((x) => x.id === id);
    if (!i) issues.push({ path: 'indicatorIds', message: `指标 ${id} 不存在` });
    else if (i.status !== 'active') issues.push({ path: 'indicatorIds', message: `指标「${i.name}」已停用` });
    else if (i.source !== 'reported') issues.push({ path: 'indicatorIds', message: `指标「${i.name}」不由单位填报（${i.source === 'computed' ? '系统计算' : i.source === 'imported' ? '统计导入' : '评审打分'}）` });
    else if (i.cadence !== p.cadence) issues.push({ path: 'period', message: `指标「${i.name}」为${CADENCE_ZH[i.cadence]}指标，期别应为${CADENCE_EXAMPLE[i.cadence]}形式` });
  }
  if (issues.length) throw new AppError('VALIDATION', issues[0]!.message, issues);
  const id = await inTransaction(ctx, async (tx) => {
    const dup = await tx.execute(sql`SELECT period FROM indicator_periods WHERE period = ${input.period} AND status = 'open' AND indicator_ids && ${`{${ids.join(',')}}`}::int[]`);
    if (dup.rows.length) throw new AppError('DUPLICATE', `${periodLabel(input.period)}已有开启中的填报期包含所选指标`);
    const [row] = await tx
      .insert(indicatorPeriods)
      .values({ period: input.period, indicatorIds: ids, deadline: input.deadline, note: input.note ?? null, openedBy: ctx.user.id || null, openedAt: ctx.clock.now().toISOString() })
      .returning({ id: indicatorPeriods.id });
    await writeAudit(tx, ctx, { action: 'indicator.period', entityType: 'indicator_period', entityId: row!.id, summary: `开启${periodLabel(input.period)}填报`, after: input });
    // tell the units that owe it
    const userIds = await reporterUsers(tx, inds);
    await notify(tx, ctx, { userIds, kind: 'indicator.period', title: `${periodLabel(input.period)}指标填报已开启`, body: `${inds.map((i) => i.name).join('、')}，请于${input.deadline}前填报`, link: '/indicators/fill', dedupeKey: `indicator-period:${row!.id}` });
    return row!.id;
  });
  return toPeriodDto(ctx, await periodRow(ctx.db, id));
}

const CADENCE_ZH = { month: '月度', quarter: '季度', halfYear: '半年', year: '年度' } as const;
const CADENCE_EXAMPLE = { month: '2026-11', quarter: '2026-Q3', halfYear: '2026-H1', year: '2026' } as const;

/** The active users who report for units the indicators apply to. */
async function reporterUsers(db: DbOrTx, inds: Indicator[]): Promise<number[]> {
  const subjects = [...new Set(inds.flatMap((i) => i.appliesTo))];
  const levels = subjects.filter((s) => s !== 'department');
  const r = await db.execute(sql`SELECT u.id FROM users u LEFT JOIN regions r ON r.code = u.region_code
    WHERE u.active AND u.role IN ('region', 'department') AND (
      (u.scope_type = 'region' AND r.level = ANY(${`{${levels.join(',')}}`}::text[]))
      OR (u.scope_type = 'department' AND u.department_id IS NOT NULL AND ${subjects.includes('department')}))`);
  return (r.rows as { id: number }[]).map((x) => Number(x.id));
}

export async function patchPeriod(ctx: Ctx, id: number, patch: { deadline?: string; status?: 'open' | 'closed'; note?: string | null }): Promise<IndicatorPeriod> {
  await inTransaction(ctx, async (tx) => {
    const before = await periodRow(tx, id);
    const set: Record<string, unknown> = {};
    if (patch.deadline) set.deadline = patch.deadline;
    if (patch.note !== undefined) set.note = patch.note;
    if (patch.status) {
      set.status = patch.status;
      set.closedAt = patch.status === 'closed' ? ctx.clock.now().toISOString() : null;
    }
    if (!Object.keys(set).length) return;
    await tx.update(indicatorPeriods).set(set).where(sql`${indicatorPeriods.id} = ${id}`);
    await writeAudit(tx, ctx, { action: 'indicator.period', entityType: 'indicator_period', entityId: id, summary: `修改${periodLabel(before.period)}填报期`, before, after: patch });
  });
  return toPeriodDto(ctx, await periodRow(ctx.db, id));
}

/** 待填报: the cells of the user's own unit in every period (open ones first). */
export async function owed(ctx: Ctx): Promise<OwedItem[]> {
  const me = ownUnit(ctx.user);
  if (!me) return [];
  const subject = await subjectOf(ctx.db, me);
  const names = await unitNames(ctx.db, [me]);
  const u: UnitOption = { ...me, unitName: names.get(unitKey(me))?.name ?? me.unitId, level: subject, parentName: null };
  const r = await ctx.db.execute(sql`SELECT id FROM indicator_periods ORDER BY CASE status WHEN 'open' THEN 0 ELSE 1 END, deadline, id LIMIT 60`);
  const t = today(ctx);
  const out: OwedItem[] = [];
  for (const x of r.rows as { id: number }[]) {
    const p = await periodRow(ctx.db, Number(x.id));
    for (const ind of await repo.getIndicators(ctx.db, p.indicatorIds)) {
      if (!subject || !ind.appliesTo.includes(subject)) continue;
      const v = await repo.valueOf(ctx.db, ind.id, p.period, me.unitType, me.unitId);
      if (p.status === 'closed' && !v) continue;
      const target = (await repo.targetsOf(ctx.db, ind.id, [parsePeriod(p.period)!.year])).find((tg) => tg.unitType === me.unitType && tg.unitId === me.unitId);
      out.push(cell(p, ind, u, v, target?.target ?? null, t));
    }
  }
  return out;
}

/**
 * The indicators.remind job: for every open period, the units that have not submitted (missing,
 * draft or returned) are reminded one working day before the deadline, and told once when it has
 * passed; the dispatchers get one message per period listing the late units. Each message is sent
 * once (dedupe keys), so the job can run every hour.
 */
export async function remindOwed(ctx: Ctx): Promise<{ dueSoon: number; late: number }> {
  const t = today(ctx);
  const cal = await loadCalendar(ctx.db);
  const r = await ctx.db.execute(sql`SELECT id FROM indicator_periods WHERE status = 'open' ORDER BY id`);
  let dueSoon = 0;
  let late = 0;
  const all = { ...ctx, user: { ...ctx.user, scopeType: 'all' as const } };
  for (const x of r.rows as { id: number }[]) {
    const cells = (await periodCells(all, Number(x.id))).filter((c) => c.status === 'missing' || c.status === 'draft' || c.status === 'returned');
    if (!cells.length) continue;
    const deadline = cells[0]!.deadline;
    const soon = t <= deadline && cal.workdaysBetween(t, deadline) <= 1;
    const past = t > deadline;
    if (!soon && !past) continue;
    const byUnit = new Map<string, OwedItem[]>();
    for (const c of cells) byUnit.set(`${c.unitType}:${c.unitId}`, [...(byUnit.get(`${c.unitType}:${c.unitId}`) ?? []), c]);
    await inTransaction(ctx, async (tx) => {
      for (const [key, list] of byUnit) {
        const [unitType, unitId] = key.split(':') as [string, string];
        const users = await tx.execute(
          unitType === 'region'
            ? sql`SELECT id FROM users WHERE active AND scope_type = 'region' AND region_code = ${unitId}`
            : sql`SELECT id FROM users WHERE active AND scope_type = 'department' AND department_id = ${Number(unitId)}`,
        );
        const names = list.map((c) => c.indicatorName).join('、');
        const ids = await notify(tx, ctx, {
          userIds: (users.rows as { id: number }[]).map((u) => Number(u.id)),
          kind: past ? 'indicator.late' : 'indicator.due',
          title: past ? `${list[0]!.periodLabel}指标逾期未报：${names}` : `${list[0]!.periodLabel}指标将于${deadline}截止：${names}`,
          body: past ? `填报截止日期为${deadline}，请尽快填报` : '请在截止日期前填报并上传佐证材料',
          link: '/indicators/fill',
          dedupeKey: `indicator-${past ? 'late' : 'due'}:${x.id}:${key}`,
        });
        if (ids.length) past ? late++ : dueSoon++;
      }
      if (past) {
        const dispatchers = await tx.execute(sql`SELECT id FROM users WHERE active AND role = 'dispatcher'`);
        const units = [...new Set(cells.map((c) => c.unitName))];
        await notify(tx, ctx, {
          userIds: (dispatchers.rows as { id: number }[]).map((u) => Number(u.id)),
          kind: 'indicator.late',
          title: `${cells[0]!.periodLabel}指标填报已截止，${units.length}个单位未报`,
          body: units.join('、'),
          link: '/indicators/periods',
          dedupeKey: `indicator-late:${x.id}:dispatch`,
        });
      }
    });
  }
  return { dueSoon, late };
}

// ------------------------------------------------------------------ values: report, review, evidence

async function recordOf(db: DbOrTx, ctx: Ctx, v: repo.ValueRow): Promise<ValueRecord> {
  const ind = await getIndicator(db, v.indicatorId);
  const names = await unitNames(db, [{ unitType: v.unitType as UnitRef['unitType'], unitId: v.unitId }]);
  const files = await db.execute(sql`SELECT id, name, mime, size FROM indicator_value_files WHERE value_id = ${v.id} ORDER BY id`);
  const hist = await db.execute(sql`SELECT h.revision, h.action, h.value, h.growth, h.status, h.note, h.at, u.display_name AS by
    FROM indicator_value_revisions h LEFT JOIN users u ON u.id = h.user_id WHERE h.value_id = ${v.id} ORDER BY h.id`);
  const period = await repo.openPeriodFor(db, v.indicatorId, v.period);
  const submittedOn = v.submittedAt ? chinaToday(new Date(v.submittedAt)) : null;
  return {
    id: v.id,
    indicatorId: v.indicatorId,
    indicatorName: ind.name,
    unitType: v.unitType as ValueRecord['unitType'],
    unitId: v.unitId,
    unitName: names.get(`${v.unitType}:${v.unitId}`)?.name ?? v.unitId,
    period: v.period,
    value: num(v.value),
    valueText: v.value,
    growth: num(v.growth),
    note: v.note,
    status: v.status,
    source: v.source,
    revision: v.revision,
    returnReason: v.returnReason,
    submittedAt: v.submittedAt,
    reviewedAt: v.reviewedAt,
    late: !!period && !!submittedOn && submittedOn > period.deadline,
    files: (files.rows as Record<string, unknown>[]).map((f) => ({ id: Number(f.id), name: String(f.name), mime: String(f.mime), size: Number(f.size), url: `/api/indicator-values/${v.id}/files/${f.id}` })),
    history: (hist.rows as Record<string, unknown>[]).map((h) => ({
      revision: Number(h.revision),
      action: String(h.action),
      value: h.value == null ? null : String(h.value),
      growth: h.growth == null ? null : String(h.growth),
      status: String(h.status),
      note: (h.note as string | null) ?? null,
      by: (h.by as string | null) ?? null,
      at: new Date(String(h.at)).toISOString(),
    })),
  };
}

/** A value the user may see (its unit in scope), or 404. */
async function visibleValue(db: DbOrTx, ctx: Ctx, id: number, lock = false): Promise<repo.ValueRow> {
  const v = await repo.valueById(db, id, lock);
  if (!v) throw new AppError('NOT_FOUND');
  const u = { unitType: v.unitType as UnitRef['unitType'], unitId: v.unitId };
  const names = await unitNames(db, [u]);
  if (!canSeeUnit(unitVisibility(ctx.user), u, names.get(unitKey(u))?.regionCode)) throw new AppError('NOT_FOUND');
  return v;
}

export async function getValueRecord(ctx: Ctx, id: number): Promise<ValueRecord> {
  return recordOf(ctx.db, ctx, await visibleValue(ctx.db, ctx, id));
}

/**
 * A unit reports its figure for an open period (the dispatcher may report for any unit in scope).
 * draft / returned → saved or submitted; submitted → edited again until reviewed; accepted →
 * a correction: a new revision waiting for review, the accepted figure counting meanwhile.
 */
export async function reportValue(ctx: Ctx, input: ValueReport): Promise<ValueRecord> {
  const ind = await getIndicator(ctx.db, input.indicatorId);
  let unit: UnitRef | null = ownUnit(ctx.user);
  if (input.unitId) {
    const asked = { unitType: input.unitType ?? inferUnitType(input.unitId, ind.appliesTo), unitId: input.unitId };
    if (!unit || unitKey(unit) !== unitKey(asked)) {
      if (!can(ctx.user.role, 'indicator:review')) throw new AppError('FORBIDDEN', '只能填报本单位的指标');
      const names = await unitNames(ctx.db, [asked]);
      if (!names.has(unitKey(asked)) || !canSeeUnit(unitVisibility(ctx.user), asked, names.get(unitKey(asked))?.regionCode)) throw new AppError('NOT_FOUND', '单位不存在或不在您的管辖范围内');
    }
    unit = asked;
  }
  if (!unit) throw new AppError('BAD_REQUEST', '您的账号不属于任何填报单位，请选择要填报的单位');
  if (ind.status !== 'active') throw new AppError('BAD_REQUEST', `指标「${ind.name}」已停用`);
  if (ind.source !== 'reported') throw new AppError('BAD_REQUEST', `指标「${ind.name}」不由单位填报`);
  const subject = await subjectOf(ctx.db, unit);
  if (!subject || !ind.appliesTo.includes(subject)) throw new AppError('BAD_REQUEST', `指标「${ind.name}」不适用于本单位`);
  const p = parsePeriod(input.period)!;
  if (p.cadence !== ind.cadence) throw new AppError('BAD_REQUEST', `指标「${ind.name}」为${CADENCE_ZH[ind.cadence]}指标，期别应为${CADENCE_EXAMPLE[ind.cadence]}形式`);
  const open = await repo.openPeriodFor(ctx.db, ind.id, input.period);
  if (!open) throw new AppError('BAD_REQUEST', `${periodLabel(input.period)}「${ind.name}」未开启填报或已关闭`);
  const value = parseFigure(input.value);
  if (!value.ok) throw new AppError('VALIDATION', `数值${value.message}`, [{ path: 'value', message: value.message }]);
  if (value.text === null) throw new AppError('VALIDATION', '请填写数值', [{ path: 'value', message: '请填写数值' }]);
  const growth = input.growth === undefined || input.growth === null ? { ok: true as const, text: null } : parseFigure(input.growth);
  if (!growth.ok) throw new AppError('VALIDATION', `增速${growth.message}`, [{ path: 'growth', message: growth.message }]);
  const submit = input.submit !== false;
  const u = unit;
  const id = await inTransaction(ctx, async (tx) => {
    const now = ctx.clock.now().toISOString();
    const cur = await repo.valueOf(tx, ind.id, input.period, u.unitType, u.unitId, true);
    const status = submit ? 'submitted' : 'draft';
    const fields = { value: value.text, growth: growth.text, note: input.note ?? null, status, updatedAt: now, returnReason: null, ...(submit ? { submittedBy: ctx.user.id || null, submittedAt: now } : {}) };
    let valueId: number;
    let revision: number;
    let action: string;
    if (!cur) {
      const [row] = await tx
        .insert(indicatorValues)
        .values({ indicatorId: ind.id, unitType: u.unitType, unitId: u.unitId, period: input.period, source: 'reported', revision: 1, ...fields })
        .returning({ id: indicatorValues.id });
      valueId = row!.id;
      revision = 1;
      action = submit ? 'submit' : 'save';
    } else {
      if (cur.source !== 'reported') throw new AppError('CONFLICT', '该期数据已由统计导入，不能填报');
      const correcting = cur.status === 'accepted';
      revision = correcting ? cur.revision + 1 : cur.revision;
      action = correcting ? 'correct' : submit ? 'submit' : 'save';
      await tx.update(indicatorValues).set({ ...fields, revision }).where(sql`${indicatorValues.id} = ${cur.id}`);
      valueId = cur.id;
    }
    await tx.insert(indicatorValueRevisions).values({ valueId, revision, action, value: value.text, growth: growth.text, status, note: input.note ?? null, userId: ctx.user.id || null, at: now });
    await writeAudit(tx, ctx, { action: 'indicator.report', entityType: 'indicator_value', entityId: valueId, summary: `${ind.name} ${periodLabel(input.period)}：${value.text}${ind.unit}`, before: cur ? { value: cur.value, status: cur.status } : null, after: { value: value.text, growth: growth.text, status } });
    if (submit) {
      const reviewers = await tx.execute(sql`SELECT id FROM users WHERE active AND role = 'dispatcher'`);
      await notify(tx, ctx, { userIds: (reviewers.rows as { id: number }[]).map((x) => Number(x.id)), kind: 'indicator.submitted', title: `${ind.name} ${periodLabel(input.period)} 已报送待审核`, link: '/indicators/periods', dedupeKey: `indicator-value:${valueId}:${revision}:submitted` });
    }
    return valueId;
  });
  return recordOf(ctx.db, ctx, (await repo.valueById(ctx.db, id))!);
}

export async function reviewValue(ctx: Ctx, id: number, input: { action: 'accept' | 'return'; reason?: string | null }): Promise<ValueRecord> {
  await inTransaction(ctx, async (tx) => {
    const v = await visibleValue(tx, ctx, id, true);
    if (v.status !== 'submitted') throw new AppError('CONFLICT', v.status === 'accepted' ? '该数据已审核' : '只有待审核的数据可以审核');
    const ind = await getIndicator(tx, v.indicatorId);
    const now = ctx.clock.now().toISOString();
    if (input.action === 'accept') {
      await tx
        .update(indicatorValues)
        .set({ status: 'accepted', acceptedValue: v.value, acceptedGrowth: v.growth, hasAccepted: true, reviewedBy: ctx.user.id || null, reviewedAt: now, returnReason: null, updatedAt: now })
        .where(sql`${indicatorValues.id} = ${id}`);
    } else {
      await tx.update(indicatorValues).set({ status: 'returned', returnReason: input.reason ?? null, reviewedBy: ctx.user.id || null, reviewedAt: now, updatedAt: now }).where(sql`${indicatorValues.id} = ${id}`);
    }
    const status = input.action === 'accept' ? 'accepted' : 'returned';
    await tx.insert(indicatorValueRevisions).values({ valueId: id, revision: v.revision, action: input.action, value: v.value, growth: v.growth, status, note: input.reason ?? null, userId: ctx.user.id || null, at: now });
    await writeAudit(tx, ctx, { action: 'indicator.review', entityType: 'indicator_value', entityId: id, summary: `${ind.name} ${periodLabel(v.period)}：${input.action === 'accept' ? '审核通过' : `退回（${input.reason}）`}`, before: { status: v.status }, after: { status, reason: input.reason ?? null } });
    await notify(tx, ctx, {
      userIds: [v.submittedBy],
      kind: `indicator.${status}`,
      title: `${ind.name} ${periodLabel(v.period)} ${input.action === 'accept' ? '已审核通过' : '被退回'}`,
      body: input.action === 'return' ? `退回原因：${input.reason}` : null,
      link: '/indicators/fill',
      dedupeKey: `indicator-value:${id}:${v.revision}:${status}`,
    });
    await publish(tx, ctx, 'indicator.values.changed', { indicatorIds: [v.indicatorId], periods: [v.period] });
  });
  return recordOf(ctx.db, ctx, (await repo.valueById(ctx.db, id))!);
}

export const EVIDENCE_MAX_BYTES = 20 * 1024 * 1024;
export const EVIDENCE_MAX_FILES = 9;

/** Adds evidence (photos, PDF, .docx, .xlsx; checked by content) to a value of the user's own unit that is not yet accepted. */
export async function addFiles(ctx: Ctx, id: number, files: Upload[]): Promise<ValueRecord> {
  await storeUploads(ctx.config.dataDir, files, { folder: `indicators/${id}`, kind: 'attachment' }, (stored) =>
    inTransaction(ctx, async (tx) => {
      const v = await visibleValue(tx, ctx, id, true);
      await assertOwnEditable(ctx, v);
      const count = await tx.execute(sql`SELECT count(*) AS n FROM indicator_value_files WHERE value_id = ${id}`);
      if (Number((count.rows[0] as { n: number }).n) + files.length > EVIDENCE_MAX_FILES) throw new AppError('VALIDATION', `每条数据最多${EVIDENCE_MAX_FILES}个佐证材料`);
      const now = ctx.clock.now().toISOString();
      await tx.insert(indicatorValueFiles).values(stored.map((f) => ({ valueId: id, ...f, uploadedBy: ctx.user.id || null, uploadedAt: now })));
      await writeAudit(tx, ctx, { action: 'indicator.file', entityType: 'indicator_value', entityId: id, summary: `上传佐证材料：${files.map((f) => f.filename).join('、')}` });
    }),
  );
  return getValueRecord(ctx, id);
}

async function assertOwnEditable(ctx: Ctx, v: repo.ValueRow): Promise<void> {
  const me = ownUnit(ctx.user);
  const mine = me && me.unitType === v.unitType && me.unitId === v.unitId;
  if (!mine && !can(ctx.user.role, 'indicator:review')) throw new AppError('FORBIDDEN', '只能为本单位的数据上传或删除佐证材料');
  if (v.source !== 'reported') throw new AppError('CONFLICT', '统计导入或系统计算的数据没有佐证材料');
  if (v.status === 'accepted') throw new AppError('CONFLICT', '数据已审核，请先更正数据再补充材料');
}

export async function readFile(ctx: Ctx, id: number, fileId: number) {
  await visibleValue(ctx.db, ctx, id);
  const r = await ctx.db.execute(sql`SELECT name, mime, size, storage_key FROM indicator_value_files WHERE id = ${fileId} AND value_id = ${id}`);
  const f = r.rows[0] as { name: string; mime: string; size: number; storage_key: string } | undefined;
  if (!f) throw new AppError('NOT_FOUND');
  const s = await uploadsStorage(ctx.config.dataDir).read(f.storage_key);
  return { name: f.name, mime: f.mime, size: s.size, stream: s.stream };
}

export async function deleteFile(ctx: Ctx, id: number, fileId: number): Promise<ValueRecord> {
  let key: string | null = null;
  await inTransaction(ctx, async (tx) => {
    const v = await visibleValue(tx, ctx, id, true);
    await assertOwnEditable(ctx, v);
    const r = await tx.execute(sql`DELETE FROM indicator_value_files WHERE id = ${fileId} AND value_id = ${id} RETURNING storage_key, name`);
    const f = r.rows[0] as { storage_key: string; name: string } | undefined;
    if (!f) throw new AppError('NOT_FOUND');
    key = f.storage_key;
    await writeAudit(tx, ctx, { action: 'indicator.file', entityType: 'indicator_value', entityId: id, summary: `删除佐证材料：${f.name}` });
  });
  if (key) await uploadsStorage(ctx.config.dataDir).remove(key).catch(() => undefined);
  return getValueRecord(ctx, id);
}

/** Publishes (or withdraws) an (indicator, period): peers then see each other's figures and ranks. */
export async function setPublished(ctx: Ctx, input: { indicatorId: number; period: string; published: boolean }): Promise<{ indicatorId: number; period: string; published: boolean }> {
  const ind = await getIndicator(ctx.db, input.indicatorId);
  if (parsePeriod(input.period)!.cadence !== ind.cadence) throw new AppError('BAD_REQUEST', `指标「${ind.name}」为${CADENCE_ZH[ind.cadence]}指标，期别应为${CADENCE_EXAMPLE[ind.cadence]}形式`);
  await inTransaction(ctx, async (tx) => {
    if (input.published)
      await tx.insert(indicatorPublications).values({ indicatorId: ind.id, period: input.period, publishedBy: ctx.user.id || null, publishedAt: ctx.clock.now().toISOString() }).onConflictDoNothing();
    else await tx.execute(sql`DELETE FROM indicator_publications WHERE indicator_id = ${ind.id} AND period = ${input.period}`);
    await writeAudit(tx, ctx, { action: 'indicator.publish', entityType: 'indicator', entityId: ind.id, summary: `${input.published ? '发布' : '撤回'}${ind.name} ${periodLabel(input.period)}排名` });
    await publish(tx, ctx, 'indicator.values.changed', { indicatorIds: [ind.id], periods: [input.period] });
  });
  return input;
}

// ------------------------------------------------------------------ peers

export async function listExternalUnits(ctx: Ctx) {
  const r = await ctx.db.execute(sql`SELECT id, name, level, parent_name FROM external_units ORDER BY id`);
  return (r.rows as Record<string, unknown>[]).map((x) => ({ id: Number(x.id), name: String(x.name), level: String(x.level), parentName: (x.parent_name as string | null) ?? null }));
}

export async function createExternalUnit(ctx: Ctx, input: { name: string; level: string; parentName?: string | null }) {
  return inTransaction(ctx, async (tx) => {
    const dup = await tx.execute(sql`SELECT 1 FROM external_units WHERE name = ${input.name}`);
    if (dup.rows.length) throw new AppError('DUPLICATE', `对标单位「${input.name}」已存在`, [{ path: 'name', message: '已存在' }]);
    const [row] = await tx.insert(externalUnits).values({ name: input.name, level: input.level, parentName: input.parentName ?? null, createdAt: ctx.clock.now().toISOString() }).returning();
    await writeAudit(tx, ctx, { action: 'indicator.peers', entityType: 'external_unit', entityId: row!.id, summary: `新增对标单位${input.name}`, after: input });
    return { id: row!.id, name: row!.name, level: row!.level, parentName: row!.parentName };
  });
}

export async function listPeerGroups(ctx: Ctx) {
  const r = await ctx.db.execute(sql`SELECT id, name, members, note FROM peer_groups ORDER BY id`);
  const out = [];
  for (const x of r.rows as Record<string, unknown>[]) {
    const members = (typeof x.members === 'string' ? JSON.parse(x.members) : x.members) as UnitRef[];
    const names = await unitNames(ctx.db, members);
    out.push({ id: Number(x.id), name: String(x.name), note: (x.note as string | null) ?? null, members: members.map((m) => ({ ...m, unitName: names.get(unitKey(m))?.name ?? '（已删除）' })) });
  }
  return out;
}

async function checkMembers(db: DbOrTx, members: UnitRef[]): Promise<UnitRef[]> {
  const uniq = [...new Map(members.map((m) => [unitKey(m), m])).values()];
  const names = await unitNames(db, uniq);
  const missing = uniq.filter((m) => !names.has(unitKey(m)));
  if (missing.length) throw new AppError('VALIDATION', `对标组成员不存在：${missing.map(unitKey).join('、')}`, [{ path: 'members', message: '成员不存在' }]);
  return uniq;
}

export async function createPeerGroup(ctx: Ctx, input: { name: string; members: UnitRef[]; note?: string | null }) {
  await inTransaction(ctx, async (tx) => {
    const members = await checkMembers(tx, input.members);
    const now = ctx.clock.now().toISOString();
    const [row] = await tx.insert(peerGroups).values({ name: input.name, members, note: input.note ?? null, createdAt: now, updatedAt: now }).returning({ id: peerGroups.id });
    await writeAudit(tx, ctx, { action: 'indicator.peers', entityType: 'peer_group', entityId: row!.id, summary: `新增对标组${input.name}`, after: input });
  });
  return listPeerGroups(ctx);
}

export async function updatePeerGroup(ctx: Ctx, id: number, input: { name?: string; members?: UnitRef[]; note?: string | null }) {
  await inTransaction(ctx, async (tx) => {
    const r = await tx.execute(sql`SELECT * FROM peer_groups WHERE id = ${id}`);
    if (!r.rows.length) throw new AppError('NOT_FOUND', '对标组不存在');
    const set: Record<string, unknown> = { updatedAt: ctx.clock.now().toISOString() };
    if (input.name) set.name = input.name;
    if (input.members) {
      if (input.members.length < 2) throw new AppError('VALIDATION', '对标组至少需要两个单位', [{ path: 'members', message: '至少两个单位' }]);
      set.members = await checkMembers(tx, input.members);
    }
    if (input.note !== undefined) set.note = input.note;
    await tx.update(peerGroups).set(set).where(sql`${peerGroups.id} = ${id}`);
    await writeAudit(tx, ctx, { action: 'indicator.peers', entityType: 'peer_group', entityId: id, summary: '修改对标组', before: r.rows[0], after: input });
  });
  return listPeerGroups(ctx);
}

export async function deletePeerGroup(ctx: Ctx, id: number) {
  await inTransaction(ctx, async (tx) => {
    const r = await tx.execute(sql`DELETE FROM peer_groups WHERE id = ${id} RETURNING name`);
    if (!r.rows.length) throw new AppError('NOT_FOUND', '对标组不存在');
    await writeAudit(tx, ctx, { action: 'indicator.peers', entityType: 'peer_group', entityId: id, summary: `删除对标组${(r.rows[0] as { name: string }).name}` });
  });
  return listPeerGroups(ctx);
}

export { unitScopeSql, ensureCatalogue };
