import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/**
 * `column = ANY(ARRAY[…]::int[])`: a list of integer ids written into the statement, not
 * one bind parameter per id. `inArray` binds every value, and the protocol counts bind
 * parameters in 16 bits: a list of 65,536 ids or more fails. The ids are integers (checked
 * here), so writing them out is safe.
 */
export function anyOfIds(column: AnyPgColumn | SQL, ids: readonly number[]): SQL {
  const list = ids.map((i) => {
    if (!Number.isSafeInteger(i)) throw new TypeError(`not an integer id: ${i}`);
    return String(i);
  });
  return sql`${column} = ANY(${sql.raw(`'{${list.join(',')}}'::int[]`)})`;
}

/** Rows in chunks small enough for the bind-parameter limit (65,535 per statement). */
export function chunks<T>(rows: readonly T[], columns: number): T[][] {
  const size = Math.max(1, Math.floor(60_000 / Math.max(1, columns)));
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}
