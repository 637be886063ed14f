import type { Ctx } from '../../core/context.js';
import { chinaToday } from '../../core/clock.js';
import { ensureRuleSets, recomputeLights } from './lights.store.js';

/**
 * Demo warnings: the shipped rule sets (银川 active) and the lights of the demo county for the
 * months of the current year up to the current month, in order so streaks (history and
 * escalation) build up. Deterministic: it only reads the demo plans, reports and milestones.
 */
export async function seedDemoWarnings(ctx: Ctx): Promise<void> {
  const today = chinaToday(ctx.clock.now());
  const year = Number(today.slice(0, 4));
  const lastComplete = Number(today.slice(5, 7)) - 1;
  await ctx.db.transaction(async (tx) => {
    await ensureRuleSets(tx);
    if (lastComplete < 1) {
      for (let m = 1; m <= 12; m++) await recomputeLights(tx, ctx, 'all', year - 1, m);
      return;
    }
    // up to the current month too (the writes' hooks leave the lights to this step)
    for (let m = 1; m <= lastComplete + 1; m++) await recomputeLights(tx, ctx, 'all', year, m);
  });
}
