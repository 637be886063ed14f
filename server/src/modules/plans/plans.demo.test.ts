import { describe, expect, it } from 'vitest';
import { monthlySumError } from '@tiaodu/contracts';
import { monthlyCurve } from './plans.demo.js';

describe('demo plan curve', () => {
  it('sums exactly to the annual figure and is heavier mid-year', () => {
    for (const v of [10, 1234.56, 88888.88, 0.07]) expect(monthlySumError(v, monthlyCurve(v))).toBeNull();
    const m = monthlyCurve(12000);
    expect(m[6]!).toBeGreaterThan(m[0]!);
    expect(m[5]!).toBeGreaterThan(m[11]!);
    // from a start month: nothing before it, the same sum
    const aug = monthlyCurve(1234.56, 8);
    expect(aug.slice(0, 7).every((v) => v === 0)).toBe(true);
    expect(monthlySumError(1234.56, aug)).toBeNull();
    expect(monthlySumError(50, monthlyCurve(50, 12))).toBeNull();
  });
});

describe('demo plans', () => {
  it('gives every demo project past 储备 (not terminated) a consistent plan for the current year', { timeout: 120_000 }, async () => {
    const { openTestDatabase } = await import('../../../test/helpers.js');
    const { testConfig } = await import('../../config.js');
    const { ManualClock } = await import('../../core/clock.js');
    const { systemCtx } = await import('../../core/context.js');
    const { seedDemo } = await import('../index.js');
    const { sql } = await import('drizzle-orm');
    const database = await openTestDatabase();
    try {
      const ctx = systemCtx({ db: database.db, config: testConfig(), clock: new ManualClock(new Date('2026-06-15T02:00:00Z')) });
      await seedDemo(ctx);
      const r = await database.db.execute(sql`SELECT p.stage, ap.planned_investment::float AS planned, ap.completed_before_year::float AS before, p.total_investment::float AS total,
        (SELECT sum(v) FROM unnest(ap.monthly) v)::float AS months FROM projects p LEFT JOIN annual_plans ap ON ap.project_id = p.id AND ap.year = 2026`);
      const rows = r.rows as Array<{ stage: string; planned: number | null; before: number | null; total: number; months: number | null }>;
      for (const x of rows) {
        if (['planning', 'reserve', 'terminated'].includes(x.stage)) expect(x.planned).toBeNull();
        else {
          expect(x.planned).toBeGreaterThan(0);
          expect(x.months).toBeCloseTo(x.planned!, 2);
          expect(x.planned! + x.before!).toBeLessThanOrEqual(x.total);
        }
      }
      expect(rows.filter((x) => x.planned !== null).length).toBeGreaterThan(5);
    } finally {
      await database.close();
    }
  });
});
