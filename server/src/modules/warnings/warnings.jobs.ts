import { job } from '../../core/module.js';
import { recomputeRecentLights } from './warnings.service.js';
import { runQueuedRecompute } from './hooks.js';
import { bumpReadCache } from '../../core/read-cache.js';

// Lights move with time too: a report deadline passes, a milestone falls due, 序时进度 grows.
// Every hour the last complete month and the current month are recomputed for all projects
// (idempotent: the same data and day give the same lights).
export const lightsJob = job('warnings.lights', 60 * 60_000, (ctx) => recomputeRecentLights(ctx));

// Months queued by a change that touched many project-months (see hooks.ts): recomputed for all
// projects, from the earliest queued month to the current month.
export const backfillJob = job('warnings.backfill', 5 * 60_000, async (ctx) => {
  const r = await runQueuedRecompute(ctx);
  if (r.months.length) bumpReadCache(ctx.db);
  return r;
});
