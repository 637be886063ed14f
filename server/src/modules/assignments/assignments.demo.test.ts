import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { seededDemoDatabase, type openTestDatabase } from '../../../test/helpers.js';
import type { Ctx } from '../../core/context.js';
import { assignmentEvents, assignments, campaigns, notifications, users } from '../../db/schema.js';
import { escalateOverdueAssignments } from './assignments.service.js';
import { getCampaign } from './campaigns.service.js';

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let ctx: Ctx;

beforeAll(async () => {
  ({ database, ctx } = await seededDemoDatabase('2026-12-01T02:00:00Z'));
}, 300_000);
afterAll(() => database?.close());

describe('demo 交办 and 攻坚行动', () => {
  it('two items from the 县委常委会 (one answered and rated, one overdue and escalated) and a proposal answered on time', async () => {
    const rows = await ctx.db.select().from(assignments).orderBy(assignments.id);
    expect(rows.map((r) => [r.kind, r.meetingName, r.status])).toEqual([
      ['交办', '县委常委会', 'closed'],
      ['交办', '县委常委会', 'open'],
      ['建议提案', null, 'answered'],
    ]);
    expect(rows[0]!.rating).toBe('satisfied');
    expect(rows[1]!).toMatchObject({ unitType: 'region', unitId: '330122103' });
    expect(rows[1]!.level).toBeGreaterThan(0);
    const evs = await ctx.db.select().from(assignmentEvents).where(eq(assignmentEvents.assignmentId, rows[1]!.id));
    expect(evs.some((e) => e.kind === 'escalated')).toBe(true);
    const answeredOn = rows[2]!.answeredAt!.slice(0, 10);
    expect(answeredOn <= rows[2]!.dueDate).toBe(true);
    // today's run is done
    expect(await escalateOverdueAssignments(ctx)).toEqual({ items: 0, moves: 0 });
    const [fenshui] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.username, 'fenshui'));
    const notes = await ctx.db.select().from(notifications).where(eq(notifications.userId, fenshui!.id));
    expect(notes.map((n) => n.kind)).toEqual(expect.arrayContaining(['assignment.created', 'assignment.escalated']));
  });

  it('大干60天 runs from 11-02 to 12-31 with projects and the 农村户厕改造 target of 分水镇', async () => {
    const [c] = await ctx.db.select().from(campaigns);
    expect(c).toMatchObject({ name: '大干60天', startDate: '2026-11-02', endDate: '2026-12-31' });
    const d = await getCampaign(ctx, c!.id);
    expect(d.status).toBe('active');
    expect(d.countdown.calendarDays).toBe(30);
    expect(d.countdown.timeShare).toBe(49.15);
    const projects = d.items.filter((i) => i.kind === 'project');
    expect(projects.length).toBeGreaterThanOrEqual(3);
    expect(projects.every((p) => !p.missing)).toBe(true);
    const ind = d.items.find((i) => i.kind === 'indicator')!;
    expect(ind).toMatchObject({ unitName: '分水镇', missing: false });
    expect(ind.due).toBeGreaterThan(0);
    expect(ind.reached).toBeGreaterThan(0);
    expect(d.items.filter((i) => i.due !== null && i.reached !== null).every((i) => i.light !== null)).toBe(true);
  });
});
