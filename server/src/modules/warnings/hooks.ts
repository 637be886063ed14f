import type { DbOrTx } from '../../db/client.js';
import type { Ctx } from '../../core/context.js';
import { affectedMonth, recomputeLights } from './lights.store.js';

/**
 * Called by the plans, milestones and reports modules inside the transaction of any change
 * to a project's plan, milestones or reports, so that the lights of the affected months are
 * recomputed with the data (warnings are kept per month as history).
 *
 * Cheap by design: only the named projects, only one month (the current month of that year,
 * December for past years, nothing for future years), five indexed queries per call.
 */
export async function onProjectDataChanged(tx: DbOrTx, ctx: Ctx, projectIds: number[], year: number): Promise<void> {
  if (!projectIds.length) return;
  const month = affectedMonth(ctx, year);
  if (month === null) return;
  await recomputeLights(tx, ctx, projectIds, year, month);
}
