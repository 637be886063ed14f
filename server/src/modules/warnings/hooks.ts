import { z } from 'zod';
import type { DbOrTx } from '../../db/client.js';
import type { Ctx } from '../../core/context.js';
import { eq } from 'drizzle-orm';
import { getSetting, putSetting } from '../../core/settings.js';
import { settings } from '../../db/schema.js';
import { monthsFollowed, recomputeLights } from './lights.store.js';
import { on } from '../../core/events.js';

/**
 * Recompute on change: every month a change touches, and every month after it that the lights
 * still follow (a month's streaks continue those of the month before), so every page of every
 * month agrees with itself without pressing 重新计算.
 *
 * A change to a few projects is recomputed in its own transaction. When a change touches many
 * project-months (a report window of an old month, a large import), the two most recent
 * months are recomputed at once and the earlier ones are queued for the `warnings.backfill`
 * job, which recomputes all projects from the earliest queued month on.
 */
const INLINE_PROJECT_MONTHS = 400;
const QUEUE_KEY = 'warnings.recomputeFrom';
const queueSchema = z.object({ year: z.number().int(), month: z.number().int().min(1).max(12) });

/**
 * Called by the projects, plans, milestones and reports modules inside the transaction of any
 * change to a project's data, its plan, milestones or reports: `fromMonth` is the first month
 * of `year` the change touches (a report's month; January for a plan or the project itself).
 */
export async function onProjectDataChanged(tx: DbOrTx, ctx: Ctx, projectIds: number[], year: number, fromMonth = 1): Promise<void> {
  const ids = [...new Set(projectIds)];
  if (!ids.length || ctx.deferLights) return;
  const months = monthsFollowed(ctx, year, fromMonth);
  if (!months.length) return;
  if (ids.length * months.length <= INLINE_PROJECT_MONTHS) {
    for (const m of months) await recomputeLights(tx, ctx, ids, year, m);
    return;
  }
  await queueRecompute(tx, ctx, year, months[0]!);
  for (const m of months.slice(-2)) await recomputeLights(tx, ctx, ids, year, m);
}

/**
 * Called in the transaction that opens a month's report window or moves its deadline: the
 * report light of every project of that month depends on the deadline, and the streaks of the
 * months after continue from it.
 */
export async function onReportWindowChanged(tx: DbOrTx, ctx: Ctx, year: number, month: number): Promise<void> {
  if (ctx.deferLights) return;
  const months = monthsFollowed(ctx, year, month);
  if (!months.length) return;
  if (months.length > 2) await queueRecompute(tx, ctx, year, months[0]!);
  for (const m of months.slice(-2)) await recomputeLights(tx, ctx, 'all', year, m);
}

/** Queues a recompute of all projects from (year, month) on, keeping the earliest month queued. */
export async function queueRecompute(tx: DbOrTx, ctx: Ctx, year: number, month: number): Promise<void> {
  const cur = await getSetting(tx, QUEUE_KEY, queueSchema.nullable(), null);
  if (cur && cur.year * 12 + cur.month <= year * 12 + month) return;
  await putSetting(tx, ctx, QUEUE_KEY, { year, month });
}

/** The month queued for recompute, if any. */
export function queuedRecompute(db: DbOrTx): Promise<{ year: number; month: number } | null> {
  return getSetting(db, QUEUE_KEY, queueSchema.nullable(), null);
}

/**
 * The backfill job: recomputes all projects from the queued month to the current month, one
 * month per transaction, in order; the queue is cleared unless an earlier month was queued
 * meanwhile.
 */
export async function runQueuedRecompute(ctx: Ctx): Promise<{ months: string[] }> {
  const q = await queuedRecompute(ctx.db);
  if (!q) return { months: [] };
  const done: string[] = [];
  for (let y = q.year; ; y++) {
    const months = monthsFollowed(ctx, y, y === q.year ? q.month : 1);
    if (!months.length) break;
    for (const m of months) {
      await ctx.db.transaction((tx) => recomputeLights(tx, ctx, 'all', y, m));
      done.push(`${y}-${String(m).padStart(2, '0')}`);
    }
  }
  await ctx.db.transaction(async (tx) => {
    const now = await queuedRecompute(tx);
    if (now && now.year === q.year && now.month === q.month) await tx.delete(settings).where(eq(settings.key, QUEUE_KEY));
  });
  return { months: done };
}

/** The lights follow every change of a project's data, in the transaction of the change. */
export const warningSubscribers = [
  on('project.changed', (tx, ctx, e) => onProjectDataChanged(tx, ctx, e.projectIds, e.year, e.fromMonth)),
  on('plan.changed', (tx, ctx, e) => onProjectDataChanged(tx, ctx, e.projectIds, e.year)),
  on('milestone.changed', (tx, ctx, e) => onProjectDataChanged(tx, ctx, e.projectIds, e.year)),
  on('report.changed', (tx, ctx, e) => onProjectDataChanged(tx, ctx, e.projectIds, e.year, e.month)),
  on('report.window.changed', (tx, ctx, e) => onReportWindowChanged(tx, ctx, e.year, e.month)),
  on('projects.imported', (tx, ctx, e) => queueRecompute(tx, ctx, e.year, e.fromMonth)),
];
