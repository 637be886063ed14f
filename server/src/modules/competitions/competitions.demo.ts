import type { Ctx } from '../../core/context.js';
export async function seedDemoCompetitions(_ctx: Ctx): Promise<void> {}
