import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openTestDatabase } from '../../../test/helpers.js';
import { testConfig } from '../../config.js';
import { ManualClock } from '../../core/clock.js';
import { systemCtx } from '../../core/context.js';
import { seedDemo } from './demo.js';
import { rebuildRollups } from '../../modules/dashboard/rollups.js';

describe('demo reports', () => {
  it('windows and reports for Jan..last month, mostly accepted, roll-ups consistent', { timeout: 180_000 }, async () => {
    const database = await openTestDatabase();
    try {
      const ctx = systemCtx({ db: database.db, config: testConfig(), clock: new ManualClock(new Date('2026-06-15T02:00:00Z')) });
      await seedDemo(ctx);
      const w = await database.db.execute(sql`SELECT month, status FROM report_windows WHERE year = 2026 ORDER BY month`);
      expect(w.rows.map((r) => [r.month, r.status])).toEqual([
        [1, 'closed'],
        [2, 'closed'],
        [3, 'closed'],
        [4, 'closed'],
        [5, 'open'],
      ]);
      const s = await database.db.execute(sql`SELECT status, count(*)::int AS n FROM monthly_reports WHERE year = 2026 GROUP BY status ORDER BY status`);
      const by = Object.fromEntries(s.rows.map((r) => [r.status, r.n])) as Record<string, number>;
      expect(by.accepted).toBeGreaterThan(10);
      expect(by.accepted!).toBeGreaterThan((by.returned ?? 0) + (by.submitted ?? 0));
      const before = await database.db.execute(sql`SELECT * FROM monthly_rollups WHERE year = 2026 ORDER BY 1,2,3,4`);
      await database.db.transaction((tx) => rebuildRollups(tx, 2026));
      const after = await database.db.execute(sql`SELECT * FROM monthly_rollups WHERE year = 2026 ORDER BY 1,2,3,4`);
      expect(after.rows).toEqual(before.rows);
    } finally {
      await database.close();
    }
  });
});
