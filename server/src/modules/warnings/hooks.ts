import type { DbOrTx } from '../../db/client.js';
import type { Ctx } from '../../core/context.js';
import { affectedMonths, recomputeLights } from './lights.store.js';

/**
 * Called by the plans, milestones and reports modules inside the transaction of any change
 * to a project's plan, milestones or reports, so that the lights of the affected months are
 * recomputed with the data (warnings are kept per month as history).
 *
 * Cheap by design: only the named projects, only the months whose lights the change can move
 * (the current month and the one before it, December for past years, nothing for future
 * years), five indexed queries per month.
 */
export async function onProjectDataChanged(tx: DbOrTx, ctx: Ctx, projectIds: number[], year: number): Promise<void> {
  if (!projectIds.length) return;
  for (const month of affectedMonths(ctx, year)) await recomputeLights(tx, ctx, projectIds, year, month);
}

/**
 * Called in the transaction that opens a month's report window or moves its deadline: the
 * report light of every project of that month depends on the deadline, and the streaks of
 * the month after continue from it. Only months the lights still follow (see above).
 */
export async function onReportWindowChanged(tx: DbOrTx, ctx: Ctx, year: number, month: number): Promise<void> {
  for (const m of affectedMonths(ctx, year)) if (m >= month) await recomputeLights(tx, ctx, 'all', year, m);
}
