import { sql } from 'drizzle-orm';
import {
  BUILTIN_RULE_SETS,
  ruleSetConfigSchema,
  type RuleSetConfig,
  LIGHT_DIMENSIONS,
  LIGHTS,
  regionPrefix,
  type Light,
  type LightDimension,
  type LightHistoryDto,
  type ProjectLightDto,
  type RuleSetDto,
  type RuleSetUpdate,
  type WarningListDto,
  type WarningQuery,
  type WarningRow,
} from '@tiaodu/contracts';
import type { Ctx } from '../../core/context.js';
import type { DbOrTx } from '../../db/client.js';
import { AppError } from '../../core/errors.js';
import { writeAudit } from '../../core/audit.js';
import { projectScope } from '../../core/scope.js';
import { chinaToday, toIso } from '../../core/clock.js';
import { ensureRuleSets, recentMonths, recomputeLights } from './lights.store.js';
import { worstLight } from './domain/lights.js';
import { bumpReadCache, queryKey, readCache, scopeKey } from '../../core/read-cache.js';

const RANK: Record<Light, number> = { green: 0, yellow: 1, red: 2 };

function emptyCounts(): Record<Light, number> {
  return { green: 0, yellow: 0, red: 0 };
}

/** The warnings list of a month, scoped in SQL, with counts by light and by dimension. */
export function listWarnings(ctx: Ctx, q: WarningQuery): Promise<WarningListDto> {
  return readCache(ctx.db).get(`warnings|${scopeKey(ctx.user)}|${queryKey(q)}`, () => queryWarnings(ctx, q));
}

async function queryWarnings(ctx: Ctx, q: WarningQuery): Promise<WarningListDto> {
  const scope = projectScope(ctx.user);
  const conds = [sql`projects.deleted_at IS NULL`, scope];
  if (q.regionCode) conds.push(sql`projects.region_code LIKE ${regionPrefix(q.regionCode) + '%'}`);
  if (q.leaderId) conds.push(sql`EXISTS (SELECT 1 FROM project_leaders pl WHERE pl.project_id = projects.id AND pl.person_id = ${q.leaderId})`);
  if (q.q) conds.push(sql`projects.name ILIKE ${'%' + q.q.replace(/[\\%_]/g, (c) => '\\' + c) + '%'}`);
  const where = sql.join(conds, sql` AND `);
  // projects of the month with their worst light
  const base = sql`
    SELECT projects.id, projects.name, projects.region_code,
      max(CASE pl.light WHEN 'red' THEN 2 WHEN 'yellow' THEN 1 ELSE 0 END) AS worst,
      bool_or(${q.dimension ? sql`pl.dimension = ${q.dimension}` : sql`true`} AND ${q.light ? sql`pl.light = ${q.light}` : sql`true`}) AS hit
    FROM project_lights pl JOIN projects ON projects.id = pl.project_id
    WHERE pl.year = ${q.year} AND pl.month = ${q.month} AND ${where}
    GROUP BY projects.id, projects.name, projects.region_code`;
  const [counts, dimCounts, page] = await Promise.all([
    ctx.db.execute(sql`SELECT worst, count(*)::int AS n FROM (${base}) b WHERE hit GROUP BY worst`),
    ctx.db.execute(sql`SELECT pl.dimension, pl.light, count(*)::int AS n FROM project_lights pl JOIN projects ON projects.id = pl.project_id
      WHERE pl.year = ${q.year} AND pl.month = ${q.month} AND ${where} GROUP BY pl.dimension, pl.light`),
    ctx.db.execute(sql`SELECT b.id, b.name, b.region_code, b.worst, r.name AS region_name, count(*) OVER ()::int AS total
      FROM (${base}) b LEFT JOIN regions r ON r.code = b.region_code WHERE hit
      ORDER BY b.worst DESC, b.id LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`),
  ]);
  const countsByLight = emptyCounts();
  for (const r of counts.rows as Array<{ worst: number; n: number }>) countsByLight[LIGHTS[Number(r.worst)]!] += Number(r.n);
  const countsByDimension = Object.fromEntries(LIGHT_DIMENSIONS.map((d) => [d, emptyCounts()])) as Record<LightDimension, Record<Light, number>>;
  for (const r of dimCounts.rows as Array<{ dimension: LightDimension; light: Light; n: number }>) {
    if (countsByDimension[r.dimension]) countsByDimension[r.dimension][r.light] = Number(r.n);
  }
  const pageRows = page.rows as Array<{ id: number; name: string; region_code: string; region_name: string | null; worst: number; total: number }>;
  const ids = pageRows.map((r) => Number(r.id));
  const lightsBy = new Map<number, Partial<Record<LightDimension, ProjectLightDto>>>();
  const reasonBy = new Map<number, WarningRow['startDelayReason']>();
  if (ids.length) {
    const rs = await ctx.db.execute(sql`SELECT p.id, p.start_delay_reason, p.start_delay_reason_at, u.display_name FROM projects p LEFT JOIN users u ON u.id = p.start_delay_reason_by
      WHERE p.start_delay_reason IS NOT NULL AND p.id IN (${sql.join(ids.map((i) => sql`${i}`), sql`, `)})`);
    for (const r of rs.rows as Array<{ id: number; start_delay_reason: string; start_delay_reason_at: string | Date | null; display_name: string | null }>)
      reasonBy.set(Number(r.id), { reason: r.start_delay_reason, byName: r.display_name, at: r.start_delay_reason_at == null ? null : toIso(r.start_delay_reason_at) });
    const ls = await ctx.db.execute(sql`SELECT project_id, dimension, light, value, detail, streak FROM project_lights
      WHERE year = ${q.year} AND month = ${q.month} AND project_id IN (${sql.join(ids.map((i) => sql`${i}`), sql`, `)})`);
    for (const r of ls.rows as Array<{ project_id: number; dimension: LightDimension; light: Light; value: string | null; detail: string | null; streak: number }>) {
      const k = Number(r.project_id);
      (lightsBy.get(k) ?? lightsBy.set(k, {}).get(k)!)[r.dimension] = toDto(r);
    }
  }
  const rows: WarningRow[] = pageRows.map((r) => ({
    projectId: Number(r.id),
    projectName: r.name,
    regionCode: r.region_code,
    regionName: r.region_name,
    worst: LIGHTS[Number(r.worst)]!,
    lights: lightsBy.get(Number(r.id)) ?? {},
    startDelayReason: reasonBy.get(Number(r.id)) ?? null,
  }));
  return { year: q.year, month: q.month, total: Number(pageRows[0]?.total ?? 0), page: q.page, pageSize: q.pageSize, rows, countsByLight, countsByDimension };
}

function toDto(r: { dimension: LightDimension; light: Light; value: string | number | null; detail: string | null; streak: number }): ProjectLightDto {
  return { dimension: r.dimension, light: r.light, value: r.value === null ? null : Number(r.value), detail: r.detail, streak: Number(r.streak) };
}

/** The lights history of one project (404 outside the user's scope). */
export async function projectLightHistory(ctx: Ctx, projectId: number): Promise<LightHistoryDto> {
  const p = await ctx.db.execute(sql`SELECT projects.id FROM projects WHERE projects.id = ${projectId} AND projects.deleted_at IS NULL AND ${projectScope(ctx.user)}`);
  if (!p.rows.length) throw new AppError('NOT_FOUND');
  const r = await ctx.db.execute(sql`SELECT year, month, dimension, light, value, detail, streak FROM project_lights WHERE project_id = ${projectId} ORDER BY year, month`);
  const months: LightHistoryDto['months'] = [];
  for (const row of r.rows as Array<{ year: number; month: number; dimension: LightDimension; light: Light; value: string | null; detail: string | null; streak: number }>) {
    let m = months[months.length - 1];
    if (!m || m.year !== Number(row.year) || m.month !== Number(row.month)) months.push((m = { year: Number(row.year), month: Number(row.month), lights: [] }));
    m.lights.push(toDto(row));
  }
  return { projectId, months };
}

/** Recomputes a month's lights of all projects (dispatcher/admin), audited. */
export async function recompute(ctx: Ctx, year: number, month: number): Promise<{ lights: number }> {
  const today = chinaToday(ctx.clock.now());
  if (year * 12 + month > Number(today.slice(0, 4)) * 12 + Number(today.slice(5, 7))) throw new AppError('VALIDATION', '不能计算未来月份的预警', [{ path: 'month', message: '不能计算未来月份的预警' }]);
  return ctx.db.transaction(async (tx) => {
    const n = await recomputeLights(tx, ctx, 'all', year, month);
    await writeAudit(tx, ctx, { action: 'warning.recompute', entityType: 'project_lights', entityId: `${year}-${month}`, after: { year, month, lights: n } });
    return { lights: n };
  });
}

/** The lights of the last complete month and the current month, all projects (the hourly job). */
export async function recomputeRecentLights(ctx: Ctx): Promise<{ months: string[]; lights: number }> {
  let lights = 0;
  const months: string[] = [];
  for (const [y, m] of recentMonths(ctx)) {
    lights += await ctx.db.transaction((tx) => recomputeLights(tx, ctx, 'all', y, m));
    months.push(`${y}-${String(m).padStart(2, '0')}`);
  }
  // written outside a request: the cached dashboards and warning lists are stale now
  bumpReadCache(ctx.db);
  return { months, lights };
}

function ruleSetDto(r: { id: number; code: string; name: string; config: unknown; active: boolean; updated_at: string | Date }): RuleSetDto {
  return { id: Number(r.id), code: r.code, name: r.name, config: r.config as RuleSetDto['config'], active: !!r.active, updatedAt: toIso(r.updated_at as string) };
}

export async function listRuleSets(ctx: Ctx): Promise<RuleSetDto[]> {
  await ctx.db.transaction((tx) => ensureRuleSets(tx));
  const r = await ctx.db.execute(sql`SELECT id, code, name, config, active, updated_at FROM rule_sets ORDER BY id`);
  return (r.rows as Parameters<typeof ruleSetDto>[0][]).map(ruleSetDto);
}

export async function updateRuleSet(ctx: Ctx, id: number, body: RuleSetUpdate): Promise<RuleSetDto> {
  return ctx.db.transaction(async (tx) => {
    await ensureRuleSets(tx);
    const before = await tx.execute(sql`SELECT id, code, name, config, active, updated_at FROM rule_sets WHERE id = ${id} FOR UPDATE`);
    const b = before.rows[0] as Parameters<typeof ruleSetDto>[0] | undefined;
    if (!b) throw new AppError('NOT_FOUND');
    const r = await tx.execute(sql`UPDATE rule_sets SET name = ${body.name}, config = ${JSON.stringify(body.config)}::jsonb, updated_at = ${ctx.clock.now().toISOString()}
      WHERE id = ${id} RETURNING id, code, name, config, active, updated_at`);
    await writeAudit(tx, ctx, { action: 'ruleset.update', entityType: 'rule_set', entityId: id, before: { name: b.name, config: b.config }, after: body });
    if (b.active) for (const [y, m] of recentMonths(ctx)) await recomputeLights(tx, ctx, 'all', y, m);
    return ruleSetDto(r.rows[0] as Parameters<typeof ruleSetDto>[0]);
  });
}

export async function activateRuleSet(ctx: Ctx, id: number): Promise<RuleSetDto> {
  return ctx.db.transaction(async (tx) => {
    await ensureRuleSets(tx);
    const found = await tx.execute(sql`SELECT id FROM rule_sets WHERE id = ${id}`);
    if (!found.rows.length) throw new AppError('NOT_FOUND');
    await tx.execute(sql`UPDATE rule_sets SET active = (id = ${id})`);
    await writeAudit(tx, ctx, { action: 'ruleset.activate', entityType: 'rule_set', entityId: id });
    for (const [y, m] of recentMonths(ctx)) await recomputeLights(tx, ctx, 'all', y, m);
    const r = await tx.execute(sql`SELECT id, code, name, config, active, updated_at FROM rule_sets WHERE id = ${id}`);
    return ruleSetDto(r.rows[0] as Parameters<typeof ruleSetDto>[0]);
  });
}

export { worstLight, RANK };

/**
 * The rule set a figure is judged under: the one named, or the active one (the indicators'
 * target checks use this, so lights of projects and of targets follow one mechanism).
 */
export async function ruleSetFor(db: DbOrTx, id: number | null): Promise<{ id: number; name: string; config: RuleSetConfig } | null> {
  await db.transaction((tx) => ensureRuleSets(tx));
  const r = await db.execute(
    id ? sql`SELECT id, name, config FROM rule_sets WHERE id = ${id}` : sql`SELECT id, name, config FROM rule_sets WHERE active ORDER BY id LIMIT 1`,
  );
  const row = r.rows[0] as { id: number; name: string; config: unknown } | undefined;
  if (!row) return null;
  const parsed = ruleSetConfigSchema.safeParse(row.config);
  return { id: Number(row.id), name: row.name, config: parsed.success ? parsed.data : BUILTIN_RULE_SETS[0]!.config };
}
