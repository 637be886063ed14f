import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openTestDatabase } from '../../test/helpers.js';
import type { Database } from '../db/client.js';
import { regions } from '../db/schema.js';
import { anyOfIds, chunks } from './sql.js';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

describe('lists of ids beyond the bind-parameter limit', () => {
  const many = Array.from({ length: 70_000 }, (_, i) => i + 1);

  // (inArray with as many ids fails with "bind message has 4464 parameter formats", and on
  // the embedded database it also drops the connection, so it is not tried here)
  it('anyOfIds answers for 70,000 ids, one statement with no bind parameter per id', async () => {
    const res = await database.db.execute(sql`SELECT count(*)::int AS n FROM generate_series(1, 100000) g(id) WHERE ${anyOfIds(sql`g.id`, many)}`);
    expect((res.rows[0] as { n: number }).n).toBe(70_000);
  });

  it('an empty list matches nothing; a value that is not an integer is refused before any SQL', async () => {
    const res = await database.db.execute(sql`SELECT count(*)::int AS n FROM generate_series(1, 10) g(id) WHERE ${anyOfIds(sql`g.id`, [])}`);
    expect((res.rows[0] as { n: number }).n).toBe(0);
    expect(() => anyOfIds(sql`g.id`, [1, 2.5])).toThrow(TypeError);
    expect(() => anyOfIds(sql`g.id`, [Number('1); DROP TABLE users; --')])).toThrow(TypeError);
  });

  it('chunks keep every row, in order, under 60,000 parameters a statement', async () => {
    const rows = Array.from({ length: 25_001 }, (_, i) => ({ code: `99${String(i).padStart(7, '0')}`, name: `测试${i}`, level: 'town', parentCode: null }));
    const parts = chunks(rows, 4);
    expect(parts.map((p) => p.length)).toEqual([15_000, 10_001]);
    for (const part of parts) await database.db.insert(regions).values(part);
    const res = await database.db.execute(sql`SELECT count(*)::int AS n FROM regions WHERE code LIKE '99%'`);
    expect((res.rows[0] as { n: number }).n).toBe(25_001);
  });
});
