import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { seededDemoDatabase, type openTestDatabase } from '../../../test/helpers.js';
import type { Ctx } from '../../core/context.js';
import { approvalSignals, projectApprovals, publicTables, users } from '../../db/schema.js';
import { computeAll, listApprovals, overdueRows } from '../../modules/approvals/approvals.service.js';
import { monthTable, quarterTable } from '../../modules/approvals/efficiency.service.js';
import { efficiencyTable, monthPeriod, quarterPeriod, type EfficiencyItem, type Period } from '../../modules/approvals/domain/efficiency.js';
import { chinaToday } from '../../core/clock.js';
import { runApprovalSignals } from '../../modules/approvals/signals.job.js';

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let ctx: Ctx;

beforeAll(async () => {
  // Friday 20 November 2026, 10:00 in China
  ({ database, ctx } = await seededDemoDatabase('2026-11-20T02:00:00Z'));
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
    const { items: rows } = await overdueRows(ctx, { page: 1, pageSize: 200 });
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

  it('the tables read from the stored timings equal the tables computed by replaying every item’s events', async () => {
    // the reference: every item's events replayed on today's date
    const computed = await computeAll(ctx, undefined);
    const items: EfficiencyItem[] = computed.map((c) => ({
      departmentId: c.row.departmentId,
      acceptedOn: c.timing.replayed.acceptedOn,
      completedOn: c.timing.replayed.completedOn,
      usedDays: c.timing.replayed.completedOn ? c.timing.item.usedDays : null,
      promisedDays: c.row.promisedDays,
      overdueOn: c.timing.item.overdueSince,
      rating: (c.row.rating as EfficiencyItem['rating']) ?? null,
      ratedOn: c.row.ratedAt ? chinaToday(new Date(c.row.ratedAt)) : null,
    }));
    const reference = async (p: Period, depts: Array<{ id: number; name: string }>) => efficiencyTable(depts, items, p);
    let compared = 0;
    for (let m = 6; m <= 12; m++) {
      const t = await monthTable(ctx, 2026, m);
      expect(t.rows, `2026-${m}`).toEqual(await reference(monthPeriod(2026, m), t.rows.map((r) => ({ id: r.departmentId, name: r.departmentName }))));
      compared += t.rows.filter((r) => r.accepted || r.completed || r.overdue).length;
    }
    for (const q of [3, 4]) {
      const t = await quarterTable(ctx, 2026, q);
      const ref = await reference(quarterPeriod(2026, q), t.rows.map((r) => ({ id: r.departmentId, name: r.departmentName })));
      expect(t.rows.map(({ grade: _g, ...r }) => r)).toEqual(ref);
    }
    // the months compared are not empty ones
    expect(compared).toBeGreaterThanOrEqual(8);
  });

  it('every department that handles items has a login', async () => {
    const handlers = await ctx.db.select({ username: users.username }).from(users).where(eq(users.role, 'department'));
    expect(handlers.map((h) => h.username).sort()).toEqual(['fagai', 'shengtai', 'shuili', 'zhujian', 'ziranziyuan']);
  });
});
