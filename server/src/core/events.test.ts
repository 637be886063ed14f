import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/helpers.js';
import type { Database } from '../db/client.js';
import { testConfig } from '../config.js';
import { ManualClock } from './clock.js';
import { systemCtx, type Ctx } from './context.js';
import { enableAfterCommit, inTransaction, on, publish, subscribe } from './events.js';

let d: Database;
let ctx: Ctx;
const seen: string[] = [];
beforeAll(async () => {
  d = await openTestDatabase({ migrate: false });
  ctx = systemCtx({ db: d.db, config: testConfig(), clock: new ManualClock(new Date('2026-06-15T02:00:00Z')) });
  await d.db.execute(sql`CREATE TABLE ev_probe (v text)`);
  const probe = on('report.window.changed', async (tx, _c, e) => {
    seen.push(`tx ${e.month}`);
    await tx.execute(sql`INSERT INTO ev_probe VALUES (${'in-tx ' + e.month})`);
  });
  const after = on(
    'report.window.changed',
    async (db, _c, e) => {
      const r = await db.execute(sql`SELECT count(*)::int AS n FROM ev_probe WHERE v = ${'in-tx ' + e.month}`);
      seen.push(`after ${e.month} sees ${(r.rows[0] as { n: number }).n}`);
    },
    'afterCommit',
  );
  subscribe([probe, after]);
  subscribe([probe]); // twice is once
});
afterAll(() => d.close());

describe('domain events', () => {
  it('in-transaction subscribers run in the producer’s transaction; after-commit ones once it committed', async () => {
    seen.length = 0;
    await inTransaction(ctx, async (tx) => {
      await publish(tx, ctx, 'report.window.changed', { year: 2026, month: 5 });
      expect(seen).toEqual(['tx 5']);
    });
    expect(seen).toEqual(['tx 5', 'after 5 sees 1']);
  });

  it('a rolled-back transaction takes its in-transaction work with it and runs no after-commit subscriber', async () => {
    seen.length = 0;
    await expect(
      inTransaction(ctx, async (tx) => {
        await publish(tx, ctx, 'report.window.changed', { year: 2026, month: 6 });
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(seen).toEqual(['tx 6']);
    const r = await d.db.execute(sql`SELECT count(*)::int AS n FROM ev_probe WHERE v = 'in-tx 6'`);
    expect((r.rows[0] as { n: number }).n).toBe(0);
  });

  it('with the database enabled, a plain db.transaction runs its after-commit subscribers too (once), and a rolled-back one none', async () => {
    enableAfterCommit(d.db);
    enableAfterCommit(d.db); // twice is once
    seen.length = 0;
    await d.db.transaction(async (tx) => {
      await publish(tx, ctx, 'report.window.changed', { year: 2026, month: 7 });
    });
    expect(seen).toEqual(['tx 7', 'after 7 sees 1']);
    seen.length = 0;
    await inTransaction(ctx, async (tx) => publish(tx, ctx, 'report.window.changed', { year: 2026, month: 8 }));
    expect(seen).toEqual(['tx 8', 'after 8 sees 1']);
    seen.length = 0;
    await expect(
      d.db.transaction(async (tx) => {
        await publish(tx, ctx, 'report.window.changed', { year: 2026, month: 9 });
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(seen).toEqual(['tx 9']);
  });
});
