import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openTestDatabase } from '../../../test/helpers.js';
import { testConfig } from '../../config.js';
import { ManualClock } from '../../core/clock.js';
import { systemCtx, type Ctx } from '../../core/context.js';
import { approvalSignals, projectApprovals, publicTables, users } from '../schema.js';
import { listApprovals, overdueRows } from '../../modules/approvals/approvals.service.js';
import { monthTable } from '../../modules/approvals/efficiency.service.js';
import { runApprovalSignals } from '../../modules/approvals/signals.job.js';
import { seedDemo } from './demo.js';

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let ctx: Ctx;

beforeAll(async () => {
  database = await openTestDatabase();
  // Friday 20 November 2026, 10:00 in China
  ctx = systemCtx({ db: database.db, config: testConfig(), clock: new ManualClock(new Date('2026-11-20T02:00:00Z')) });
  await seedDemo(ctx);
}, 300_000);
afterAll(() => database?.close());

describe('demo approvals', () => {
  it('items in every state, made through the service', async () => {
    const rows = await ctx.db.select({ status: projectApprovals.status }).from(projectApprovals);
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['not_started', 'pending', 'accepted', 'undertaken', 'reviewed', 'done', 'returned', 'rejected']));
  });

  it('signals of every colour, and today’s run is done', async () => {
    const { items } = await listApprovals(ctx, { page: 1, pageSize: 200 });
    expect(new Set(items.map((i) => i.signal))).toEqual(new Set(['none', 'prompt', 'yellow', 'red']));
    const kinds = await ctx.db.select({ kind: approvalSignals.kind }).from(approvalSignals);
    expect(new Set(kinds.map((k) => k.kind))).toEqual(new Set(['prompt', 'yellow', 'red']));
    expect((await runApprovalSignals(ctx)).signals).toBe(0);
  });

  it('the supervisor has overdue items and steps to look at', async () => {
    const rows = await overdueRows(ctx);
    expect(rows.some((r) => r.scope === 'item')).toBe(true);
    expect(rows.some((r) => r.scope === 'step')).toBe(true);
  });

  it('the monthly tables have ranked departments, and last month is published', async () => {
    const oct = await monthTable(ctx, 2026, 10);
    expect(oct.rows.filter((r) => r.rank !== null).length).toBeGreaterThanOrEqual(3);
    expect(oct.publishedAt).not.toBeNull();
    expect(await ctx.db.select().from(publicTables)).toHaveLength(1);
    const nov = await monthTable(ctx, 2026, 11);
    expect(nov.rows.some((r) => r.completed > 0)).toBe(true);
  });

  it('every department that handles items has a login', async () => {
    const handlers = await ctx.db.select({ username: users.username }).from(users).where(eq(users.role, 'department'));
    expect(handlers.map((h) => h.username).sort()).toEqual(['fagai', 'shengtai', 'shuili', 'zhujian', 'ziranziyuan']);
  });
});
