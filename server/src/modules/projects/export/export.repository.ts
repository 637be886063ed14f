import { eq } from 'drizzle-orm';
import { regions } from '../../../db/schema.js';
import type { DbOrTx } from '../../../db/client.js';

export async function regionName(db: DbOrTx, code: string): Promise<string | null> {
  const [r] = await db.select({ name: regions.name }).from(regions).where(eq(regions.code, code));
  return r?.name ?? null;
}
