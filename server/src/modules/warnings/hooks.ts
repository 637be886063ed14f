import type { DbOrTx } from '../../db/client.js';
import type { Ctx } from '../../core/context.js';

/**
 * Called by the plans, milestones and reports modules inside the transaction of any change
 * to a project's plan, milestones or reports, so that the lights of the affected months are
 * recomputed with the data (warnings are kept per month as history).
 */
export async function onProjectDataChanged(_tx: DbOrTx, _ctx: Ctx, _projectIds: number[], _year: number): Promise<void> {
  // Implemented by the warnings module.
}
