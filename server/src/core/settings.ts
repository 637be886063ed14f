import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { DbOrTx } from '../db/client.js';
import { settings } from '../db/schema.js';
import type { Ctx } from './context.js';

/**
 * Settings of a deployment kept in the `settings` table, one JSON value per key. A missing
 * key, or a stored value the schema no longer accepts, reads as the built-in default.
 */
export async function getSetting<T>(db: DbOrTx, key: string, schema: z.ZodType<T>, fallback: T): Promise<T> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, key));
  if (!row) return fallback;
  const parsed = schema.safeParse(row.value);
  return parsed.success ? parsed.data : fallback;
}

/** Stores a setting in the caller's transaction (the caller writes the audit event). */
export async function putSetting(tx: DbOrTx, ctx: Ctx, key: string, value: unknown): Promise<void> {
  const now = ctx.clock.now().toISOString();
  await tx
    .insert(settings)
    .values({ key, value, updatedBy: ctx.user.id || null, updatedAt: now })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedBy: ctx.user.id || null, updatedAt: now } });
}
