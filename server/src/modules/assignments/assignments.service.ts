/**
 * 领导交办事项与建议提案: create (from a meeting or by a leader), answer (the assignee unit), rate
 * (the assigner: 满意/基本满意 close it, 不满意 reopens it for a new answer), escalation of items
 * unanswered past their limit up the problems' ladder (the `assignments.escalate` job), the
 * 办结率/按时办结率 per unit. Every state is an event; every change is audited; notices are
 * written in the change's transaction with dedupe keys.
 */
import { eq, sql } from 'drizzle-orm';
import {
  can,
  parsePeriod,
  type Assignment,
  type AssignmentAnswer,
  type AssignmentCreate,
  type AssignmentDetail,
  type AssignmentList,
  type AssignmentListQuery,
  type AssignmentRate,
  type AssignmentStats,
  type AssignmentStatsQuery,
  type AssignmentStatsRow,
  type AssignmentUnit,
  type Ladder,
} from '@tiaodu/contracts';
import { assignmentEvents, assignments } from '../../db/schema.js';
import type { Db, DbOrTx, Tx } from '../../db/client.js';
import { chinaToday } from '../../core/clock.js';
import { loadCalendar, type Calendar } from '../../core/calendar.js';
import type { Ctx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { writeAudit } from '../../core/audit.js';
import { notify } from '../notifications/notify.js';
import { getLadder, runEscalation } from '../problems/escalation.js';
import { dueDate, escalationSteps, levelLimit, levelName, overdueWorkdays } from '../problems/domain/ladder.js';
import { periodRange, rates } from './domain/rates.js';
import * as repo from './assignments.repository.js';

const today = (ctx: Ctx) => chinaToday(ctx.clock.now());
const link = (id: number) => `/assignments/${id}`;
const unitKey = (u: AssignmentUnit) => `${u.unitType}:${u.unitId}`;
const RATING_ZH: Record<string, string> = { satisfied: '满意', basic: '基本满意', unsatisfied: '不满意' };

function toItem(a: repo.AssignmentRow, ladder: Ladder, cal: Calendar, day: string, names: Map<string, string>): Assignment {
  return {
    id: a.id,
    kind: a.kind,
    title: a.title,
    source: a.source,
    meetingName: a.meetingName,
    meetingDate: a.meetingDate,
    assignerPersonId: a.assignerPersonId,
    assignerName: a.assignerName,
    assignee: { unitType: a.unitType, unitId: a.unitId, name: a.unitName },
    coUnits: a.coUnits.map((u) => ({ ...u, name: names.get(unitKey(u)) ?? u.unitId })),
    status: a.status,
    level: a.level,
    levelName: a.level === 0 ? '承办单位' : levelName(ladder, a.level),
    limitDays: a.limitDays,
    dueDate: a.dueDate,
    levelDueDate: a.levelDueDate,
    overdueDays: a.status === 'open' ? overdueWorkdays(cal, a.levelDueDate, day) : 0,
    answeredAt: a.answeredAt,
    rating: a.rating,
    createdAt: a.createdAt,
    version: a.version,
  };
}

export async function listAssignments(ctx: Ctx, q: AssignmentListQuery): Promise<AssignmentList> {
  const [cal, ladder] = await Promise.all([loadCalendar(ctx.db), getLadder(ctx.db)]);
  const day = today(ctx);
  const r = await repo.listAssignments(ctx.db, ctx.user, q, cal.previousWorkday(day));
  const names = await repo.unitNames(ctx.db, r.rows.flatMap((a) => a.coUnits));
  return { items: r.rows.map((a) => toItem(a, ladder, cal, day, names)), total: r.total };
}

async function mayRate(db: DbOrTx, ctx: Ctx, a: repo.AssignmentRow): Promise<boolean> {
  if (!can(ctx.user.role, 'assignment:rate')) return false;
  if (ctx.user.role === 'admin' || a.createdBy === ctx.user.id) return true;
  const person = await repo.personOf(db, ctx.user.id);
  return person !== null && person === a.assignerPersonId;
}

function mayAnswer(ctx: Ctx, a: repo.AssignmentRow): boolean {
  if (!can(ctx.user.role, 'assignment:answer')) return false;
  return ctx.user.role === 'admin' || repo.actsFor(ctx.user, { unitType: a.unitType, unitId: a.unitId });
}

export async function getAssignment(ctx: Ctx, id: number): Promise<AssignmentDetail> {
  const a = await repo.getAssignment(ctx.db, ctx.user, id);
  if (!a) throw new AppError('NOT_FOUND');
  const [cal, ladder, evs, holders, names] = await Promise.all([loadCalendar(ctx.db), getLadder(ctx.db), repo.events(ctx.db, id), repo.userNames(ctx.db, a.holderIds), repo.unitNames(ctx.db, a.coUnits)]);
  return {
    ...toItem(a, ladder, cal, today(ctx), names),
    content: a.content,
    answer: a.answer,
    answeredByName: a.answeredByName,
    ratingNote: a.ratingNote,
    closedAt: a.closedAt,
    holders,
    events: evs,
    abilities: {
      answer: a.status === 'open' && mayAnswer(ctx, a),
      rate: a.status === 'answered' && (await mayRate(ctx.db, ctx, a)),
    },
  };
}

function fieldError(path: string, message: string): AppError {
  return new AppError('VALIDATION', message, [{ path, message }]);
}

export async function createAssignment(ctx: Ctx, input: AssignmentCreate): Promise<AssignmentDetail> {
  const cal = await loadCalendar(ctx.db);
  const day = today(ctx);
  const id = await ctx.db.transaction(async (tx) => {
    const names = await repo.unitNames(tx, [input.assignee, ...input.coUnits]);
    const assigneeName = names.get(unitKey(input.assignee));
    if (!assigneeName) throw fieldError('assignee', '承办单位不存在或已停用');
    const coUnits = input.coUnits.filter((u, i, all) => unitKey(u) !== unitKey(input.assignee) && all.findIndex((x) => unitKey(x) === unitKey(u)) === i);
    for (const u of coUnits) if (!names.has(unitKey(u))) throw fieldError('coUnits', '协办单位不存在或已停用');
    let assigner = input.assignerPersonId;
    if (assigner !== null && !(await repo.personExists(tx, assigner))) throw fieldError('assignerPersonId', '交办领导不存在');
    if (assigner === null) assigner = await repo.personOf(tx, ctx.user.id);
    if (input.dueDate && input.dueDate < day) throw fieldError('dueDate', '办结日期不能早于今天');
    // a limit in working days counts from the day of creation (which does not count); a due date stays where it is
    const due = input.limitDays ? dueDate(cal, day, input.limitDays) : input.dueDate!;
    const now = ctx.clock.now().toISOString();
    const [row] = await tx
      .insert(assignments)
      .values({
        kind: input.kind,
        title: input.title,
        content: input.content,
        source: input.source,
        meetingName: input.source === 'meeting' ? input.meetingName : null,
        meetingDate: input.source === 'meeting' ? input.meetingDate : null,
        assignerPersonId: assigner,
        createdBy: ctx.user.id,
        unitType: input.assignee.unitType,
        unitId: input.assignee.unitId,
        coUnits,
        coUnitKeys: coUnits.map(unitKey),
        limitDays: input.limitDays,
        dueDate: due,
        levelDueDate: due,
        status: 'open',
        level: 0,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: assignments.id });
    const id = row!.id;
    const from = input.source === 'meeting' ? `${input.meetingName}（${input.meetingDate}）` : '领导交办';
    await tx.insert(assignmentEvents).values({ assignmentId: id, kind: 'created', actorId: ctx.user.id || null, at: now, toStatus: 'open', toLevel: 0, dueDate: due, note: `${from}：交${assigneeName}办理，${due}前答复` });
    await writeAudit(tx, ctx, { action: 'assignment.create', entityType: 'assignment', entityId: id, summary: `${input.kind}：${input.title} → ${assigneeName}，${due}前答复`, after: { ...input, dueDate: due, assignerPersonId: assigner } });
    const recipients = [...(await repo.unitUsers(tx, input.assignee))];
    await notify(tx, ctx, { userIds: recipients, kind: 'assignment.created', title: `${input.kind}：${input.title}`, body: `请于${due}前答复`, link: link(id), dedupeKey: `assignment:${id}:created` });
    const co: number[] = [];
    for (const u of coUnits) co.push(...(await repo.unitUsers(tx, u)));
    await notify(tx, ctx, { userIds: co, kind: 'assignment.created', title: `协办${input.kind}：${input.title}`, body: `主办单位${assigneeName}，${due}前答复`, link: link(id), dedupeKey: `assignment:${id}:created:co` });
    return id;
  });
  return getAssignment(ctx, id);
}

interface Change {
  set: Partial<typeof assignments.$inferInsert>;
  to: 'open' | 'answered' | 'closed';
  events: Array<Omit<typeof assignmentEvents.$inferInsert, 'assignmentId' | 'at' | 'actorId'>>;
  audit: { action: 'assignment.answer' | 'assignment.rate'; summary: string };
  notices: Array<{ userIds: number[]; kind: string; title: string; body?: string; dedupeKey: string }>;
}

/** One move of an item by a person: locks the row (visible to the user), checks the version, applies, records the events, the audit and the notices. */
async function move(ctx: Ctx, id: number, version: number, build: (tx: Tx, a: repo.AssignmentRow, now: string) => Promise<Change>): Promise<AssignmentDetail> {
  await ctx.db.transaction(async (tx) => {
    const a = await repo.getAssignment(tx, ctx.user, id, true);
    if (!a) throw new AppError('NOT_FOUND');
    if (version !== a.version) throw new AppError('CONFLICT');
    const now = ctx.clock.now().toISOString();
    const c = await build(tx, a, now);
    await tx
      .update(assignments)
      .set({ ...c.set, status: c.to, updatedAt: now, version: sql`${assignments.version} + 1` })
      .where(eq(assignments.id, id));
    await tx.insert(assignmentEvents).values(c.events.map((e) => ({ fromStatus: a.status, toStatus: c.to, ...e, assignmentId: id, at: now, actorId: ctx.user.id || null })));
    await writeAudit(tx, ctx, { ...c.audit, entityType: 'assignment', entityId: id, before: { status: a.status, level: a.level, levelDueDate: a.levelDueDate }, after: { ...c.set, status: c.to } });
    for (const n of c.notices) await notify(tx, ctx, { ...n, link: link(id) });
  });
  return getAssignment(ctx, id);
}

/** The users concerned by an item on the assigner's side: the assigner's account and the creator. */
async function assignerUsers(tx: DbOrTx, a: repo.AssignmentRow): Promise<number[]> {
  const own = await repo.holdersFor(tx, 'project_leaders', a);
  return [...new Set([...own, a.createdBy])];
}

export async function answerAssignment(ctx: Ctx, id: number, input: AssignmentAnswer): Promise<AssignmentDetail> {
  return move(ctx, id, input.version, async (tx, a, now) => {
    if (a.status !== 'open') throw new AppError('CONFLICT', a.status === 'answered' ? '已答复，等待评价' : '已办结');
    if (!mayAnswer(ctx, a)) throw new AppError('FORBIDDEN', '只有承办单位可以答复');
    const onTime = chinaToday(new Date(now)) <= a.dueDate;
    return {
      set: { answer: input.answer, answeredAt: now, answeredBy: ctx.user.id },
      to: 'answered',
      events: [{ kind: 'answered', note: `${input.answer.slice(0, 500)}${onTime ? '' : `（超过时限${a.dueDate}）`}` }],
      audit: { action: 'assignment.answer', summary: `答复${a.kind}：${a.title}` },
      notices: [{ userIds: await assignerUsers(tx, a), kind: 'assignment.answered', title: `${a.kind}已答复，请评价：${a.title}`, body: input.answer.slice(0, 100), dedupeKey: `assignment:${id}:answered:${a.version}` }],
    };
  });
}

export async function rateAssignment(ctx: Ctx, id: number, input: AssignmentRate): Promise<AssignmentDetail> {
  const [cal, ladder] = await Promise.all([loadCalendar(ctx.db), getLadder(ctx.db)]);
  return move(ctx, id, input.version, async (tx, a, now) => {
    if (a.status !== 'answered') throw new AppError('CONFLICT', '尚未答复，不能评价');
    if (!(await mayRate(tx, ctx, a))) throw new AppError('FORBIDDEN', '只有交办领导可以评价');
    const label = RATING_ZH[input.rating]!;
    const unit = await repo.unitUsers(tx, a);
    const rated = { kind: 'rated', note: `${label}${input.note ? `：${input.note}` : ''}`, data: { rating: input.rating } };
    if (input.rating !== 'unsatisfied') {
      return {
        set: { rating: input.rating, ratingNote: input.note, ratedAt: now, closedAt: now },
        to: 'closed',
        events: [rated, { kind: 'closed', fromStatus: 'closed', note: '已办结' }],
        audit: { action: 'assignment.rate', summary: `评价${a.kind}（${label}），办结：${a.title}` },
        notices: [{ userIds: [...unit, ...a.holderIds], kind: 'assignment.closed', title: `${a.kind}已办结（${label}）：${a.title}`, dedupeKey: `assignment:${id}:closed` }],
      };
    }
    // 不满意: a new answer is due within the limit of the current level (or the one given), from today
    const limit = input.limitDays ?? levelLimit(ladder, a.level, a.limitDays ?? ladder.levels[0]!.limitDays);
    const due = dueDate(cal, chinaToday(new Date(now)), limit);
    return {
      set: { rating: input.rating, ratingNote: input.note, ratedAt: now, answer: null, answeredAt: null, answeredBy: null, levelDueDate: due },
      to: 'open',
      events: [rated, { kind: 'reopened', fromLevel: a.level, toLevel: a.level, dueDate: due, note: `不满意，重新办理，${limit}个工作日内（${due}前）答复` }],
      audit: { action: 'assignment.rate', summary: `评价${a.kind}（不满意），重新办理：${a.title}` },
      notices: [{ userIds: [...unit, ...a.holderIds], kind: 'assignment.reopened', title: `答复不满意，请重新办理：${a.title}`, body: `${input.note ?? ''}请于${due}前答复`.trim(), dedupeKey: `assignment:${id}:reopened:${a.version}` }],
    };
  });
}

/**
 * The scheduler's escalation (`assignments.escalate`): every open item past its level's due date
 * moves up the problems' ladder, once per elapsed limit (escalationSteps), each move an event with
 * the new holders, notices to them and to the assignee unit (dedupe keys per level), and one
 * audit. Idempotent: a unique index keeps an item from reaching a level twice.
 */
export async function escalateOverdueAssignments(ctx: Ctx): Promise<{ items: number; moves: number }> {
  const ladder = await getLadder(ctx.db);
  const units = new Map<number, number[]>();
  return runEscalation<repo.AssignmentRow>(ctx, ladder, {
    candidates: (db, c) => repo.escalationCandidates(db, c.cal.previousWorkday(c.today), c.top),
    lock: async (tx, id) => {
      const a = await repo.lockById(tx, id);
      return a && a.status === 'open' ? a : null;
    },
    state: (a) => ({ level: a.level, due: a.levelDueDate, holderIds: a.holderIds }),
    holders: (tx, holder, a) => repo.holdersFor(tx, holder, a),
    record: async (tx, a, s, holders, at) => {
      const name = levelName(ladder, s.toLevel);
      const inserted = await tx
        .insert(assignmentEvents)
        .values({
          assignmentId: a.id,
          kind: 'escalated',
          actorId: null,
          at,
          fromStatus: 'open',
          toStatus: 'open',
          fromLevel: s.fromLevel,
          toLevel: s.toLevel,
          dueDate: s.dueDate,
          note: `超过${s.fromLevel === 0 ? '承办单位' : levelName(ladder, s.fromLevel)}办理时限，${s.effectiveDate}升级至${name}，${s.limitDays}个工作日内（${s.dueDate}前）答复`,
          data: { holderIds: holders, effectiveDate: s.effectiveDate },
        })
        .onConflictDoNothing()
        .returning({ id: assignmentEvents.id });
      if (!inserted.length) return false;
      if (!units.has(a.id)) units.set(a.id, await repo.unitUsers(tx, a));
      await notify(tx, ctx, { userIds: holders, kind: 'assignment.escalated', title: `${a.kind}超期升级至${name}：${a.title}`, body: `请督促${a.unitName}于${s.dueDate}前答复`, link: link(a.id), dedupeKey: `assignment:${a.id}:level:${s.toLevel}` });
      await notify(tx, ctx, { userIds: units.get(a.id)!, kind: 'assignment.escalated', title: `${a.kind}超期，已升级至${name}：${a.title}`, link: link(a.id), dedupeKey: `assignment:${a.id}:level:${s.toLevel}:unit` });
      return true;
    },
    finish: async (tx, a, steps, holders, at) => {
      const last = steps.at(-1)!;
      await tx
        .update(assignments)
        .set({ level: last.toLevel, levelDueDate: last.dueDate, holderIds: holders, updatedAt: at, version: sql`${assignments.version} + 1` })
        .where(eq(assignments.id, a.id));
      await writeAudit(tx, ctx, {
        action: 'assignment.escalate',
        entityType: 'assignment',
        entityId: a.id,
        summary: `${a.kind}超期升级：${a.title}，${a.level === 0 ? '承办单位' : levelName(ladder, a.level)} → ${levelName(ladder, last.toLevel)}`,
        before: { level: a.level, levelDueDate: a.levelDueDate },
        after: { level: last.toLevel, levelDueDate: last.dueDate, holderIds: holders },
      });
    },
  });
}

/**
 * 办结率 and 按时办结率 per assignee unit over every item (not scoped): the indicator layer's
 * computed figures read this. Key: 'region:<code>' or 'department:<id>'. Units with nothing due in
 * the range are left out (no figure, not 0%).
 */
export async function assignmentRates(db: Db | DbOrTx, range: { from: string; to: string }): Promise<Map<string, { due: number; done: number; onTime: number }>> {
  const rows = await repo.rateRows(db, range);
  return new Map(rows.filter((r) => r.due > 0).map((r) => [`${r.unitType}:${r.unitId}`, { due: r.due, done: r.done, onTime: r.onTime }]));
}

/** `GET /api/assignments/stats?period`: per unit of the items the user may see, due, done, on time and the two rates ("—" when nothing is due). */
export async function assignmentStats(ctx: Ctx, q: AssignmentStatsQuery): Promise<AssignmentStats> {
  const period = q.period ?? today(ctx).slice(0, 4);
  const p = parsePeriod(period);
  if (!p) throw fieldError('period', '期别格式不正确');
  const range = periodRange(p);
  const rows = await repo.rateRows(ctx.db, range, ctx.user);
  const total = { due: 0, done: 0, onTime: 0 };
  const out: AssignmentStatsRow[] = rows.map((r) => {
    total.due += r.due;
    total.done += r.done;
    total.onTime += r.onTime;
    return { unitType: r.unitType, unitId: r.unitId, unitName: r.unitName, due: r.due, done: r.done, onTime: r.onTime, ...rates(r) };
  });
  return { period, ...range, rows: out, total: { unitType: null, unitId: null, unitName: '合计', ...total, ...rates(total) } };
}
