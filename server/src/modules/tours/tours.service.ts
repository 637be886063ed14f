import type { Ctx } from '../../core/context.js';
import type { Q } from '../../core/exact.js';
// placeholder until the tours module lands (replaced at merge)
export async function tourUnitScores(_ctx: Ctx, _tourId: number): Promise<{ id: number; name: string; status: 'draft' | 'open' | 'closed'; units: Map<string, { score: Q | null; rank: number | null; judges: number }> } | null> {
  return null;
}
