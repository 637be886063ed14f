import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { seededDemoDatabase, type openTestDatabase } from '../../../test/helpers.js';
import type { Ctx } from '../../core/context.js';
import { notifications, problemEvents, problems, users } from '../../db/schema.js';
import { escalateOverdueProblems } from '../../modules/problems/problems.service.js';

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let ctx: Ctx;

beforeAll(async () => {
  ({ database, ctx } = await seededDemoDatabase('2026-11-20T02:00:00Z'));
}, 240_000);
afterAll(() => database?.close());

describe('demo problems', () => {
  it('cover every state, and one comes from a monthly report', async () => {
    const rows = await ctx.db.select().from(problems);
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['pending', 'handling', 'answered_solved', 'deferred', 'closed']));
    expect(rows.filter((r) => r.source === 'report')).toHaveLength(1);
    expect(rows.find((r) => r.status === 'closed')?.rating).toBe('satisfied');
  });

  it('the overdue one has climbed to the 包保领导, once per elapsed limit, and today’s run is done', async () => {
    const [p] = await ctx.db.select().from(problems).where(eq(problems.title, '项目用地规划条件调整'));
    expect(p!.level).toBe(2);
    const [sun] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.username, 'fuxianzhang'));
    expect(p!.holderIds).toEqual([sun!.id]);
    const evs = await ctx.db.select().from(problemEvents).where(eq(problemEvents.problemId, p!.id));
    expect(evs.filter((e) => e.kind === 'escalated').map((e) => e.toLevel)).toEqual([1, 2]);
    expect(await escalateOverdueProblems(ctx)).toEqual({ problems: 0, moves: 0 });
  });

  it('one is left overdue at the top of the ladder', async () => {
    const [p] = await ctx.db.select().from(problems).where(eq(problems.title, '线路走廊林木采伐许可'));
    expect(p!.level).toBe(3);
    expect(p!.dueDate! < '2026-11-20').toBe(true);
  });

  it('the people concerned have notices', async () => {
    const res = await ctx.db.execute(sql`SELECT u.username, count(*)::int AS n FROM ${notifications} n JOIN users u ON u.id = n.user_id GROUP BY u.username`);
    const by = new Map(res.rows.map((r) => [String((r as { username: string }).username), Number((r as { n: number }).n)]));
    for (const u of ['diaodu', 'xiangmu', 'ziranziyuan', 'fuxianzhang', 'fuxianzhang2']) expect(by.get(u) ?? 0).toBeGreaterThan(0);
  });
});
