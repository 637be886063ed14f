import type { Ctx } from '../../core/context.js';
export async function seedDemoTasks(_ctx: Ctx): Promise<void> {}
