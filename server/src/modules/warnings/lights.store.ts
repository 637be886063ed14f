import { sql, type SQL } from 'drizzle-orm';
import { owesReport } from '../reports/reports.service.js';
import { BUILTIN_RULE_SETS, ruleSetConfigSchema, type LightDimension, type RuleSetConfig } from '@tiaodu/contracts';
import type { DbOrTx } from '../../db/client.js';
import type { Ctx } from '../../core/context.js';
import { chinaToday } from '../../core/clock.js';
import { computeLights, type ProjectFacts } from './domain/lights.js';
import { lastDayOfMonth } from './domain/progress.js';

const BATCH = 2000;

function idList(ids: number[]): SQL {
  return sql.join(ids.map((id) => sql`${id}`), sql`, `);
}

/** The active rule set's config (the built-in 银川 set when none is stored yet). */
export async function activeRuleSet(tx: DbOrTx): Promise<RuleSetConfig> {
  const r = await tx.execute(sql`SELECT config FROM rule_sets WHERE active ORDER BY id LIMIT 1`);
  const row = r.rows[0] as { config: unknown } | undefined;
  const parsed = row ? ruleSetConfigSchema.safeParse(row.config) : null;
  return parsed?.success ? parsed.data : BUILTIN_RULE_SETS[0]!.config;
}

/** Seeds the shipped rule sets (银川 active) when the table is empty. */
export async function ensureRuleSets(tx: DbOrTx): Promise<void> {
  const r = await tx.execute(sql`SELECT count(*)::int AS n FROM rule_sets`);
  if (Number((r.rows[0] as { n: number }).n) > 0) return;
  for (const [i, rs] of BUILTIN_RULE_SETS.entries()) {
    await tx.execute(sql`INSERT INTO rule_sets (code, name, config, active) VALUES (${rs.code}, ${rs.name}, ${JSON.stringify(rs.config)}::jsonb, ${i === 0})`);
  }
}

/**
 * The months of `year` from `fromMonth` on whose lights are kept current: up to the current
 * month for this year, up to December for a past year, none for a future year. In order,
 * because a month's streaks continue those of the month before.
 */
export function monthsFollowed(ctx: Ctx, year: number, fromMonth = 1): number[] {
  const today = chinaToday(ctx.clock.now());
  const cy = Number(today.slice(0, 4));
  if (year > cy) return [];
  const last = year < cy ? 12 : Number(today.slice(5, 7));
  const out: number[] = [];
  for (let m = Math.max(1, fromMonth); m <= last; m++) out.push(m);
  return out;
}

/** The last complete month and the current month, as [year, month] in order (a rule change recomputes both). */
export function recentMonths(ctx: Ctx): Array<[number, number]> {
  const today = chinaToday(ctx.clock.now());
  const cy = Number(today.slice(0, 4));
  const cm = Number(today.slice(5, 7));
  return [cm === 1 ? [cy - 1, 12] : [cy, cm - 1], [cy, cm]];
}

/**
 * Recomputes the lights of the given projects (or all) for one month from plans, reports,
 * milestones and projects, replacing that month's rows (earlier months stay as history).
 */
export async function recomputeLights(tx: DbOrTx, ctx: Ctx, projectIds: number[] | 'all', year: number, month: number): Promise<number> {
  const rules = await activeRuleSet(tx);
  const today = chinaToday(ctx.clock.now());
  const monthEnd = lastDayOfMonth(year, month);
  const asOf = today < monthEnd ? today : monthEnd;
  const prevY = month === 1 ? year - 1 : year;
  const prevM = month === 1 ? 12 : month - 1;
  const win = await tx.execute(sql`SELECT deadline::text AS deadline FROM report_windows WHERE year = ${year} AND month = ${month}`);
  const deadline = (win.rows[0] as { deadline: string } | undefined)?.deadline ?? null;

  let ids: number[];
  if (projectIds === 'all') {
    const r = await tx.execute(sql`SELECT id FROM projects WHERE deleted_at IS NULL ORDER BY id`);
    ids = r.rows.map((x) => Number((x as { id: number }).id));
    await tx.execute(sql`DELETE FROM project_lights WHERE year = ${year} AND month = ${month}`);
  } else ids = [...new Set(projectIds)];
  let written = 0;
  for (let i = 0; i < ids.length; i += BATCH) {
    const batch = ids.slice(i, i + BATCH);
    if (!batch.length) continue;
    const list = idList(batch);
    // one after another: a transaction is one connection
    // Who owes the month's report is the reports module's rule (owesReport), so the missing list and the light agree.
    const proj = await tx.execute(sql`SELECT id, region_code, total_investment, planned_start::text AS planned_start, actual_start::text AS actual_start, stats_code, start_delay_reason,
          ${owesReport(year, month)} AS must_report
        FROM projects WHERE id IN (${list}) AND deleted_at IS NULL`);
    const plans = await tx.execute(sql`SELECT project_id, planned_investment, monthly FROM annual_plans WHERE year = ${year} AND project_id IN (${list})`);
    // 年初至今累计 counts accepted reports; the report light asks whether the month's report was handed in
    const reps = await tx.execute(sql`SELECT project_id, coalesce(sum(investment) FILTER (WHERE month <= ${month} AND status = 'accepted'), 0) AS cum,
          bool_or(month = ${month}) AS submitted
        FROM monthly_reports WHERE year = ${year} AND month <= ${month} AND status IN ('submitted', 'accepted') AND project_id IN (${list}) GROUP BY project_id`);
    const mss = await tx.execute(sql`SELECT project_id, due_date::text AS due, done_date::text AS done FROM milestones
        WHERE project_id IN (${list}) AND due_date < ${asOf} AND (done_date IS NULL OR done_date > ${asOf})`);
    const prev = await tx.execute(sql`SELECT project_id, dimension, streak FROM project_lights WHERE year = ${prevY} AND month = ${prevM} AND project_id IN (${list})`);
    // amounts stay decimal text (exact), read by the lights' exact arithmetic
    const planBy = new Map<number, { planned: string; monthly: string[] }>();
    for (const r of plans.rows as Array<{ project_id: number; planned_investment: string; monthly: unknown }>) {
      const monthly = Array.isArray(r.monthly) ? r.monthly.map(String) : String(r.monthly).replace(/[{}]/g, '').split(',');
      planBy.set(Number(r.project_id), { planned: String(r.planned_investment), monthly });
    }
    const repBy = new Map<number, { cum: string; submitted: boolean }>();
    for (const r of reps.rows as Array<{ project_id: number; cum: string; submitted: boolean }>) repBy.set(Number(r.project_id), { cum: String(r.cum), submitted: !!r.submitted });
    const msBy = new Map<number, { dueDate: string; doneDate: string | null }[]>();
    for (const r of mss.rows as Array<{ project_id: number; due: string; done: string | null }>) {
      const k = Number(r.project_id);
      (msBy.get(k) ?? msBy.set(k, []).get(k)!).push({ dueDate: r.due, doneDate: r.done });
    }
    const prevBy = new Map<number, Partial<Record<LightDimension, number>>>();
    for (const r of prev.rows as Array<{ project_id: number; dimension: LightDimension; streak: number }>) {
      const k = Number(r.project_id);
      (prevBy.get(k) ?? prevBy.set(k, {}).get(k)!)[r.dimension] = Number(r.streak);
    }
    const rows: unknown[] = [];
    for (const p of proj.rows as Array<{ id: number; region_code: string; total_investment: string; planned_start: string | null; actual_start: string | null; stats_code: string | null; start_delay_reason: string | null; must_report: boolean }>) {
      const id = Number(p.id);
      const rep = repBy.get(id);
      const facts: ProjectFacts = {
        projectId: id,
        totalInvestment: Number(p.total_investment),
        plannedStart: p.planned_start,
        actualStart: p.actual_start,
        statsCode: p.stats_code,
        startDelayReason: p.start_delay_reason,
        plan: planBy.get(id) ?? null,
        cumulativeCompleted: rep?.cum ?? '0',
        milestones: msBy.get(id) ?? [],
        report: { deadline, submitted: rep?.submitted ?? false, required: !!p.must_report },
        asOf,
        today,
        prevStreak: prevBy.get(id),
      };
      for (const l of computeLights(facts, rules, year, month)) {
        rows.push({ p: id, d: l.dimension, l: l.light, v: l.value, t: l.detail?.slice(0, 300) ?? null, s: l.streak, r: p.region_code });
      }
    }
    if (projectIds !== 'all') await tx.execute(sql`DELETE FROM project_lights WHERE year = ${year} AND month = ${month} AND project_id IN (${list})`);
    for (let j = 0; j < rows.length; j += 5000) {
      const json = JSON.stringify(rows.slice(j, j + 5000));
      await tx.execute(sql`INSERT INTO project_lights (project_id, year, month, dimension, light, value, detail, streak, region_code, computed_at)
        SELECT p, ${year}, ${month}, d, l, v, t, s, r, ${ctx.clock.now().toISOString()}::timestamptz
        FROM jsonb_to_recordset(${json}::jsonb) AS x(p int, d text, l text, v numeric, t text, s int, r text)`);
    }
    written += rows.length;
  }
  return written;
}
