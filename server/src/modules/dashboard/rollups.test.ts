import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestEnv, projectBody, type TestEnv } from '../../../test/helpers.js';
import { bumpRollups, rebuildRollups, withMovedContributions } from './rollups.js';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => env?.close());

const snapshot = async (year: number) =>
  (await env.database.pool.query('SELECT month, region_code, category, planned, completed, pending, reports FROM monthly_rollups WHERE year = $1 ORDER BY 1, 2, 3', [year])).rows;

describe('maintained roll-ups', () => {
  it('merge deltas of the same key and agree with a rebuild after a project moves region', async () => {
    const disp = await env.login('disp');
    const p = (await disp.post('/api/projects', projectBody('330122001', { category: 'continuing' }))).json();
    const monthly = [100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100.5];
    await env.database.pool.query(
      `INSERT INTO annual_plans (project_id, year, category, planned_investment, monthly) VALUES ($1, 2026, 'continuing', 1200.5, $2)`,
      [p.id, monthly],
    );
    await env.database.pool.query(`INSERT INTO monthly_reports (project_id, year, month, status, investment) VALUES ($1, 2026, 1, 'accepted', 90), ($1, 2026, 2, 'submitted', 110.25), ($1, 2026, 3, 'draft', 999)`, [p.id]);
    await env.database.db.transaction((tx) => rebuildRollups(tx, 2026));
    const rebuilt = await snapshot(2026);
    expect(rebuilt.filter((r) => r.month === 2)).toEqual([{ month: 2, region_code: '330122001', category: 'continuing', planned: 100, completed: 0, pending: 110.25, reports: 1 }]);
    expect(rebuilt.find((r) => r.month === 1)).toMatchObject({ completed: 90, pending: 0, reports: 1 });
    expect(rebuilt.find((r) => r.month === 3)).toMatchObject({ completed: 0, pending: 0, reports: 0 });

    await env.database.db.transaction((tx) =>
      withMovedContributions(tx, [p.id], async () => {
        await tx.execute(sql`UPDATE projects SET region_code = '330122102' WHERE id = ${p.id}`);
      }),
    );
    const moved = await snapshot(2026);
    expect(moved.every((r) => r.region_code === '330122102' || (r.planned === 0 && r.completed === 0 && r.pending === 0 && r.reports === 0))).toBe(true);
    await env.database.db.transaction((tx) => rebuildRollups(tx, 2026));
    const again = (await snapshot(2026)).filter((r) => r.planned !== 0 || r.completed !== 0 || r.pending !== 0 || r.reports !== 0);
    expect(moved.filter((r) => r.planned !== 0 || r.completed !== 0 || r.pending !== 0 || r.reports !== 0)).toEqual(again);
  });

  it('adds deltas of one key once', async () => {
    await env.database.db.transaction((tx) =>
      bumpRollups(tx, [
        { year: 2030, month: 5, regionCode: '330127', category: 'new_start', completed: 1.1, reports: 1 },
        { year: 2030, month: 5, regionCode: '330127', category: 'new_start', completed: 2.2, reports: 1 },
      ]),
    );
    expect(await snapshot(2030)).toEqual([{ month: 5, region_code: '330127', category: 'new_start', planned: 0, completed: 3.3, pending: 0, reports: 2 }]);
  });
});
