/**
 * 初始化向导: what an empty platform needs before its first month, each step done by what the
 * platform holds or confirmed (or skipped) by the admin; the checklist is complete when every
 * step is done or skipped. Setting the county from the national division list and adding the
 * standard units are use cases of their own; the other steps link to the pages that do them.
 */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import {
  SETUP_STEP_VALUES,
  SetupDepartmentsInputSchema,
  SetupRegionInputSchema,
  type SetupDepartmentsInput,
  type SetupRegionInput,
  type SetupStatus,
  type SetupStepKey,
} from '@tiaodu/contracts';
import { departments, regions } from '../../db/schema.js';
import type { Ctx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { writeAudit } from '../../core/audit.js';
import { chinaToday } from '../../core/clock.js';
import { getSetting, putSetting } from '../../core/settings.js';
import { divisionChain, divisionsUnder } from './domain/divisions.js';
import { localName, STANDARD_COUNTY_DEPARTMENTS } from './domain/standard-departments.js';

const STEPS_KEY = 'setup.steps';
const StepMarks = z.record(z.string(), z.enum(['done', 'skipped']));

/** The year the calendar step is about: next year from December on (when its holidays are published), else this year. */
export function calendarYearOf(today: string): number {
  const y = Number(today.slice(0, 4));
  return today.slice(5, 7) === '12' ? y + 1 : y;
}

export async function setupStatus(ctx: Ctx): Promise<SetupStatus> {
  const calendarYear = calendarYearOf(chinaToday(ctx.clock.now()));
  const r = await ctx.db.execute(sql`
    SELECT
      (SELECT count(*) FROM regions WHERE level IN ('county', 'city')) AS homes,
      (SELECT count(*) FROM regions WHERE level IN ('town', 'park')) AS towns,
      (SELECT count(*) FROM departments WHERE active) AS depts,
      (SELECT count(*) FROM people WHERE kind = 'leader' AND active) AS leaders,
      (SELECT count(*) FROM projects WHERE deleted_at IS NULL) AS projects,
      (SELECT count(*) FROM calendar_days WHERE date >= ${`${calendarYear}-01-01`} AND date <= ${`${calendarYear}-12-31`}) AS days,
      (SELECT name FROM rule_sets WHERE active LIMIT 1) AS rules,
      (SELECT count(*) FROM users WHERE role <> 'admin') AS users`);
  const x = r.rows[0] as Record<string, unknown>;
  const n = (k: string) => Number(x[k] ?? 0);
  const marks = await getSetting(ctx.db, STEPS_KEY, StepMarks, {});
  const home = await homeRegion(ctx);
  const auto: Record<SetupStepKey, { done: boolean; summary: string }> = {
    region: { done: n('homes') > 0, summary: home ? `${home.name}（${home.code}），下辖乡镇（街道）、园区 ${n('towns')} 个` : '尚未设置' },
    departments: { done: n('depts') > 0, summary: `${n('depts')} 个单位` },
    leaders: { done: n('leaders') > 0, summary: `${n('leaders')} 位领导` },
    import: { done: n('projects') > 0, summary: `${n('projects')} 个项目` },
    calendar: { done: n('days') > 0, summary: n('days') > 0 ? `${calendarYear}年已调整 ${n('days')} 天` : `${calendarYear}年尚未核对` },
    rules: { done: false, summary: x.rules ? `当前规则：${String(x.rules)}` : '尚无启用的规则' },
    users: { done: n('users') > 0, summary: `${n('users')} 个用户（不含管理员）` },
  };
  const steps = SETUP_STEP_VALUES.map((key) => {
    const mark = marks[key];
    const done = auto[key].done || mark === 'done';
    return { key, done, skipped: !done && mark === 'skipped', summary: auto[key].summary };
  });
  return { steps, complete: steps.every((s) => s.done || s.skipped), home, calendarYear };
}

/** The county or city the platform serves: a city with two or more counties under it, else the first county, else the first city. */
export async function homeRegion(ctx: Pick<Ctx, 'db'>): Promise<SetupStatus['home']> {
  const r = await ctx.db.execute(sql`
    SELECT r.code, r.name, r.level, (SELECT count(*) FROM regions c WHERE c.parent_code = r.code AND c.level = 'county') AS counties
    FROM regions r WHERE r.level IN ('city', 'county') ORDER BY r.code`);
  const rows = r.rows as { code: string; name: string; level: string; counties: unknown }[];
  const pick = rows.find((x) => x.level === 'city' && Number(x.counties) >= 2) ?? rows.find((x) => x.level === 'county') ?? rows[0];
  return pick ? { code: pick.code, name: pick.name, level: pick.level } : null;
}

export async function markStep(ctx: Ctx, key: SetupStepKey, status: 'done' | 'skipped' | 'open'): Promise<SetupStatus> {
  await ctx.db.transaction(async (tx) => {
    const marks = await getSetting(tx, STEPS_KEY, StepMarks, {});
    const before = marks[key] ?? 'open';
    if (status === 'open') delete marks[key];
    else marks[key] = status;
    await putSetting(tx, ctx, STEPS_KEY, marks);
    await writeAudit(tx, ctx, { action: 'setup.step', entityType: 'setting', entityId: STEPS_KEY, summary: `初始化步骤「${key}」：${status}`, before: { [key]: before }, after: { [key]: status } });
  });
  return setupStatus(ctx);
}

export const listDivisions = (parent?: string, q?: string) => divisionsUnder(parent, q);

/**
 * Sets the platform's own county (or city) from the national list: the province, the city and
 * the county themselves (the ones not yet there), and the towns chosen under the county.
 */
export async function setRegion(ctx: Ctx, input: SetupRegionInput): Promise<SetupStatus> {
  const v = SetupRegionInputSchema.parse(input);
  const chain = divisionChain(v.code);
  if (!chain) throw new AppError('VALIDATION', `全国行政区划中没有代码「${v.code}」`, [{ path: 'code', message: '区划代码不存在' }]);
  const last = chain[chain.length - 1]!;
  const towns = v.towns.length ? divisionsUnder(v.code).filter((t) => v.towns.includes(t.code)) : [];
  const unknown = v.towns.filter((t) => !towns.some((x) => x.code === t));
  if (unknown.length) throw new AppError('VALIDATION', `乡镇（街道）代码不在「${last.name}」之下：${unknown.join('、')}`, [{ path: 'towns', message: '乡镇代码不属于所选区县' }]);
  await ctx.db.transaction(async (tx) => {
    const have = new Set((await tx.select({ code: regions.code }).from(regions)).map((r) => r.code));
    const rows: (typeof regions.$inferInsert)[] = [];
    let parent: string | null = null;
    for (const d of chain) {
      if (!have.has(d.code)) rows.push({ code: d.code, name: d.name, level: d.level, parentCode: parent, sort: 0 });
      parent = d.code;
    }
    towns.forEach((t, i) => {
      if (!have.has(t.code)) rows.push({ code: t.code, name: t.name, level: 'town', parentCode: v.code, sort: i });
    });
    if (rows.length) await tx.insert(regions).values(rows);
    await writeAudit(tx, ctx, [
      ...rows.map((row) => ({ action: 'region.create' as const, entityType: 'region', entityId: row.code, summary: `新增区域 ${row.name}（初始化，全国行政区划）`, after: row })),
      { action: 'setup.region', entityType: 'region', entityId: v.code, summary: `初始化：本级区划设为 ${last.name}（${v.code}），新增区域 ${rows.length} 个`, after: { code: v.code, towns: v.towns } },
    ]);
  });
  return setupStatus(ctx);
}

export function standardDepartments() {
  return STANDARD_COUNTY_DEPARTMENTS;
}

/** Adds the chosen units under a region, named as the region writes them (桐庐县 + 水利局); units already there are kept. */
export async function addDepartments(ctx: Ctx, input: SetupDepartmentsInput): Promise<{ created: number; existing: number }> {
  const v = SetupDepartmentsInputSchema.parse(input);
  return ctx.db.transaction(async (tx) => {
    const [region] = await tx.select().from(regions).where(sql`${regions.code} = ${v.regionCode}`);
    if (!region) throw new AppError('VALIDATION', '所属区域不存在，请先设置本级区划', [{ path: 'regionCode', message: '区域不存在' }]);
    const have = new Set((await tx.select({ name: departments.name }).from(departments).where(sql`${departments.regionCode} = ${v.regionCode}`)).map((d) => d.name));
    const seen = new Set<string>();
    const rows: (typeof departments.$inferInsert)[] = [];
    let existing = 0;
    v.departments.forEach((d, i) => {
      const name = localName(region.name, d.name);
      if (have.has(name) || seen.has(name)) {
        existing++;
        return;
      }
      seen.add(name);
      rows.push({ name, shortName: d.shortName || null, kind: 'department', regionCode: v.regionCode, sort: i });
    });
    const created = rows.length ? await tx.insert(departments).values(rows).returning() : [];
    await writeAudit(tx, ctx, [
      ...created.map((row) => ({ action: 'department.create' as const, entityType: 'department', entityId: row.id, summary: `新增部门 ${row.name}（初始化）`, after: row })),
      { action: 'setup.departments', entityType: 'department', entityId: null, summary: `初始化：新增单位 ${created.length} 个，已有 ${existing} 个`, after: { regionCode: v.regionCode, created: created.length, existing } },
    ]);
    return { created: created.length, existing };
  });
}
