import { and, eq, sql } from 'drizzle-orm';
import {
  can,
  DEFAULT_LADDER,
  LadderSchema,
  type Assignee,
  type Ladder,
  type Problem,
  type ProblemAccept,
  type ProblemAnswer,
  type ProblemAssign,
  type ProblemCreate,
  type ProblemDetail,
  type ProblemList,
  type ProblemListQuery,
  type ProblemRate,
  type ProblemSource,
  type ProblemStats,
  type ProblemStatsQuery,
  type ProblemStatsRow,
  type ProblemStatus,
} from '@tiaodu/contracts';
import { departments, monthlyReports, problemEvents, problems, projects, users } from '../../db/schema.js';
import type { DbOrTx, Tx } from '../../db/client.js';
import { chinaToday } from '../../core/clock.js';
import { loadCalendar, type Calendar } from '../../core/calendar.js';
import type { Ctx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { writeAudit } from '../../core/audit.js';
import { projectScope } from '../../core/scope.js';
import { putSetting } from '../../core/settings.js';
import { getLadder, LADDER_KEY, runEscalation } from './escalation.js';
import { notify } from '../notifications/notify.js';
import { dueDate, escalationSteps, isDueSoon, levelLimit, levelName, overdueWorkdays } from './domain/ladder.js';
import { isOpen, problemMove, type ProblemAction } from './domain/state.js';
import * as repo from './problems.repository.js';

export async function setLadder(ctx: Ctx, ladder: Ladder): Promise<Ladder> {
  return ctx.db.transaction(async (tx) => {
    const before = await getLadder(tx);
    await putSetting(tx, ctx, LADDER_KEY, ladder);
    await writeAudit(tx, ctx, { action: 'problem.ladder', entityType: 'setting', entityId: LADDER_KEY, summary: `问题升级层级：${ladder.levels.map((l) => `${l.name}${l.limitDays}日`).join(' → ')}`, before, after: ladder });
    return ladder;
  });
}

const today = (ctx: Ctx) => chinaToday(ctx.clock.now());
const link = (id: number) => `/problems/${id}`;

function sourceOf(ctx: Ctx): ProblemSource {
  if (ctx.user.role === 'unit') return 'unit';
  if (ctx.user.role === 'promotion') return 'promotion';
  return 'dispatcher';
}

/** May act for the responsible unit: its person, its users, or a dispatcher. */
function isHandler(ctx: Ctx, p: repo.ProblemRow): boolean {
  return p.responsibleUserId === ctx.user.id || (ctx.user.departmentId != null && p.responsibleDeptId === ctx.user.departmentId) || can(ctx.user.role, 'problem:assign');
}

function abilities(ctx: Ctx, p: repo.ProblemRow): ProblemDetail['abilities'] {
  const open = isOpen(p.status);
  const assigned = p.responsibleDeptId != null;
  const handler = isHandler(ctx, p) || p.holderIds.includes(ctx.user.id);
  return {
    assign: open && can(ctx.user.role, 'problem:assign'),
    accept: p.status === 'pending' && assigned && can(ctx.user.role, 'problem:handle') && isHandler(ctx, p),
    answer: open && assigned && can(ctx.user.role, 'problem:handle') && handler,
    rate: (p.status === 'answered_solved' || p.status === 'deferred') && can(ctx.user.role, 'problem:rate') && (p.raisedBy === ctx.user.id || ctx.user.role === 'admin'),
    attach: p.status !== 'closed' && (p.raisedBy === ctx.user.id || handler),
  };
}

function toItem(p: repo.ProblemRow, ladder: Ladder, cal: Calendar, day: string): Problem {
  return {
    id: p.id,
    projectId: p.projectId,
    projectName: p.projectName,
    regionCode: p.regionCode,
    source: p.source,
    category: p.category,
    title: p.title,
    status: p.status,
    level: p.level,
    levelName: levelName(ladder, p.level),
    responsibleDeptId: p.responsibleDeptId,
    responsibleDeptName: p.responsibleDeptName,
    responsibleUserId: p.responsibleUserId,
    responsibleUserName: p.responsibleUserName,
    raisedBy: p.raisedBy,
    raisedByName: p.raisedByName,
    raisedAt: p.raisedAt,
    limitDays: p.limitDays,
    dueDate: p.dueDate,
    overdueDays: isOpen(p.status) ? overdueWorkdays(cal, p.dueDate, day) : 0,
    rating: p.rating,
    version: p.version,
  };
}

export async function listProblems(ctx: Ctx, q: ProblemListQuery): Promise<ProblemList> {
  const [cal, ladder] = await Promise.all([loadCalendar(ctx.db), getLadder(ctx.db)]);
  const day = today(ctx);
  const r = await repo.listProblems(ctx.db, { user: ctx.user, canAssign: can(ctx.user.role, 'problem:assign'), lastWorkday: cal.previousWorkday(day) }, q);
  return { items: r.rows.map((p) => toItem(p, ladder, cal, day)), total: r.total, counts: r.counts };
}

export async function getProblemDetail(ctx: Ctx, id: number, db: DbOrTx = ctx.db): Promise<ProblemDetail> {
  const p = await repo.getProblem(db, ctx.user, id);
  if (!p) throw new AppError('NOT_FOUND');
  const [cal, ladder, evs, files, holders] = await Promise.all([loadCalendar(ctx.db), getLadder(db), repo.events(db, id), repo.attachments(db, id), repo.userNames(db, p.holderIds)]);
  return {
    ...toItem(p, ladder, cal, today(ctx)),
    description: p.description,
    reportId: p.reportId,
    reportMonth: p.reportYear ? `${p.reportYear}-${String(p.reportMonth).padStart(2, '0')}` : null,
    answer: p.answer,
    answeredAt: p.answeredAt,
    answeredByName: p.answeredByName,
    deferralCondition: p.deferralCondition,
    deferralDate: p.deferralDate,
    ratingNote: p.ratingNote,
    closedAt: p.closedAt,
    holders,
    attachments: files.map(({ filePath: _f, uploadedBy: _u, ...a }) => a),
    events: evs,
    abilities: abilities(ctx, p),
  };
}

/** Notices about a problem to the responsible unit (its person, or all its users). */
async function unitRecipients(tx: DbOrTx, p: { responsibleUserId: number | null; responsibleDeptId: number | null }): Promise<number[]> {
  if (p.responsibleUserId) return [p.responsibleUserId];
  if (!p.responsibleDeptId) return [];
  return (await repo.unitUsers(tx, p.responsibleDeptId)).map((u) => u.id);
}

interface NewProblem {
  projectId: number;
  source: ProblemSource;
  category: string;
  title: string;
  description: string;
  raisedBy: number;
  reportId?: number | null;
}

/**
 * Inserts a problem (待受理) with its first event, audit and the dispatchers' notice, in the
 * caller's transaction. With a report id, a second problem for the same report is not
 * created: answers undefined then.
 */
async function insertProblem(tx: Tx, ctx: Ctx, input: NewProblem, regionCode: string): Promise<number | undefined> {
  const now = ctx.clock.now().toISOString();
  const [row] = await tx
    .insert(problems)
    .values({ ...input, reportId: input.reportId ?? null, raisedAt: now, status: 'pending', level: 0, createdAt: now, updatedAt: now })
    .onConflictDoNothing()
    .returning({ id: problems.id });
  if (!row) return undefined;
  await tx.insert(problemEvents).values({ problemId: row.id, kind: 'raised', actorId: input.raisedBy, at: now, toStatus: 'pending', toLevel: 0, note: input.title });
  await writeAudit(tx, ctx, { action: 'problem.raise', entityType: 'problem', entityId: row.id, summary: `提出问题：${input.title}`, after: input });
  const dispatchers = await repo.holdersFor(tx, 'dispatchers', { projectId: input.projectId, regionCode, responsibleDeptId: null });
  await notify(tx, ctx, { userIds: dispatchers, kind: 'problem.raised', title: `新问题待交办：${input.title}`, link: link(row.id), dedupeKey: `problem:${row.id}:raised` });
  return row.id;
}

async function projectInScope(tx: DbOrTx, ctx: Ctx, projectId: number) {
  const [p] = await tx
    .select({ id: projects.id, regionCode: projects.regionCode })
    .from(projects)
    .where(and(eq(projects.id, projectId), sql`${projects.deletedAt} is null`, projectScope(ctx.user)));
  return p;
}

export async function raiseProblem(ctx: Ctx, input: ProblemCreate): Promise<ProblemDetail> {
  const id = await ctx.db.transaction(async (tx) => {
    const project = await projectInScope(tx, ctx, input.projectId);
    if (!project) throw new AppError('VALIDATION', '项目不存在或不在您的管辖范围', [{ path: 'projectId', message: '项目不存在或不在您的管辖范围' }]);
    return insertProblem(tx, ctx, { ...input, source: sourceOf(ctx), raisedBy: ctx.user.id }, project.regionCode);
  });
  return getProblemDetail(ctx, id!);
}

function titleFrom(text: string): string {
  const first = text.split(/[\n。；;]/)[0]!.trim();
  return (first.length > 40 ? `${first.slice(0, 40)}…` : first) || '月报反映的问题';
}

/**
 * 转为问题: the problems text of a monthly report becomes a problem (source 月报), once per
 * report. Raised in the name of the person who submitted the report, or of the user.
 */
export async function raiseFromReport(ctx: Ctx, reportId: number, over: { category?: string; title?: string } = {}): Promise<ProblemDetail> {
  const id = await ctx.db.transaction(async (tx) => {
    const [r] = await tx.select().from(monthlyReports).where(eq(monthlyReports.id, reportId));
    const project = r ? await projectInScope(tx, ctx, r.projectId) : undefined;
    if (!r || !project) throw new AppError('NOT_FOUND');
    if (!r.problemsText?.trim()) throw new AppError('CONFLICT', '该月报没有填写存在的问题');
    const [existing] = await tx.select({ id: problems.id }).from(problems).where(eq(problems.reportId, reportId));
    if (existing) throw new AppError('DUPLICATE', '该月报的问题已转入问题清单', { problemId: existing.id });
    const made = await insertProblem(
      tx,
      ctx,
      { projectId: r.projectId, source: 'report', category: over.category ?? 'other', title: over.title ?? titleFrom(r.problemsText), description: r.problemsText.trim(), raisedBy: r.submittedBy ?? ctx.user.id, reportId },
      project.regionCode,
    );
    if (!made) throw new AppError('DUPLICATE', '该月报的问题已转入问题清单');
    return made;
  });
  return getProblemDetail(ctx, id);
}

/**
 * Called in the transaction of a report's submission: a report submitted with problems text
 * raises a pending problem linked to it, once (a resubmission adds nothing).
 */
export async function onReportSubmitted(tx: Tx, ctx: Ctx, report: { id: number; projectId: number; problemsText: string | null; submittedBy: number | null }): Promise<void> {
  const text = report.problemsText?.trim();
  const raisedBy = report.submittedBy || ctx.user.id;
  if (!text || !raisedBy) return;
  const [project] = await tx.select({ regionCode: projects.regionCode }).from(projects).where(eq(projects.id, report.projectId));
  if (!project) return;
  const [existing] = await tx.select({ id: problems.id }).from(problems).where(eq(problems.reportId, report.id));
  if (existing) return;
  await insertProblem(tx, ctx, { projectId: report.projectId, source: 'report', category: 'other', title: titleFrom(text), description: text, raisedBy, reportId: report.id }, project.regionCode);
}

interface Change {
  set: Partial<typeof problems.$inferInsert>;
  event: Omit<typeof problemEvents.$inferInsert, 'problemId' | 'at' | 'actorId' | 'fromStatus' | 'toStatus'>;
  extraEvents?: Array<Omit<typeof problemEvents.$inferInsert, 'problemId' | 'at' | 'actorId'>>;
  summary: string;
  notices?: Array<{ userIds: number[]; kind: string; title: string; body?: string; dedupeKey?: string }>;
}

/**
 * One move of a problem, in one transaction: locks the row (visible to the user), checks the
 * version and the state machine, applies the change, records the event and the audit, and
 * notifies the people concerned.
 */
async function move(ctx: Ctx, id: number, action: ProblemAction, version: number, build: (tx: Tx, p: repo.ProblemRow, to: ProblemStatus, now: string) => Promise<Change>): Promise<ProblemDetail> {
  await ctx.db.transaction(async (tx) => {
    const p = await repo.getProblem(tx, ctx.user, id, true);
    if (!p) throw new AppError('NOT_FOUND');
    const m = problemMove(p.status, action);
    if (!m.ok) throw new AppError('CONFLICT', m.reason);
    if (version !== p.version) throw new AppError('CONFLICT');
    const now = ctx.clock.now().toISOString();
    const c = await build(tx, p, m.to, now);
    const set = { ...c.set, status: m.to, updatedAt: now, version: sql`${problems.version} + 1` };
    await tx.update(problems).set(set).where(eq(problems.id, id));
    await tx.insert(problemEvents).values([
      { ...c.event, problemId: id, at: now, actorId: ctx.user.id || null, fromStatus: p.status, toStatus: m.to },
      ...(c.extraEvents ?? []).map((e) => ({ ...e, problemId: id, at: now, actorId: ctx.user.id || null })),
    ]);
    const before = { status: p.status, level: p.level, responsibleDeptId: p.responsibleDeptId, responsibleUserId: p.responsibleUserId, dueDate: p.dueDate };
    await writeAudit(tx, ctx, { action: auditAction(action), entityType: 'problem', entityId: id, summary: c.summary, before, after: { ...c.set, status: m.to } });
    for (const n of c.notices ?? []) await notify(tx, ctx, { ...n, link: link(id) });
  });
  return getProblemDetail(ctx, id);
}

function auditAction(a: ProblemAction) {
  switch (a) {
    case 'assign':
      return 'problem.assign' as const;
    case 'accept':
      return 'problem.accept' as const;
    case 'answer':
    case 'defer':
      return 'problem.answer' as const;
    default:
      return 'problem.rate' as const;
  }
}

export async function assignProblem(ctx: Ctx, id: number, input: ProblemAssign): Promise<ProblemDetail> {
  const cal = await loadCalendar(ctx.db);
  return move(ctx, id, 'assign', input.version, async (tx, p) => {
    const [dept] = await tx.select({ id: departments.id, name: departments.name, active: departments.active }).from(departments).where(eq(departments.id, input.responsibleDeptId));
    if (!dept || !dept.active) throw new AppError('VALIDATION', '承办单位不存在或已停用', [{ path: 'responsibleDeptId', message: '承办单位不存在或已停用' }]);
    let personName: string | null = null;
    if (input.responsibleUserId) {
      const [u] = await tx.select({ name: users.displayName, deptId: users.departmentId, active: users.active }).from(users).where(eq(users.id, input.responsibleUserId));
      if (!u || !u.active || u.deptId !== dept.id) throw new AppError('VALIDATION', '责任人应为承办单位的在职用户', [{ path: 'responsibleUserId', message: '责任人应为承办单位的在职用户' }]);
      personName = u.name;
    }
    const due = dueDate(cal, today(ctx), input.limitDays);
    const who = personName ? `${dept.name}（${personName}）` : dept.name;
    const recipients = await unitRecipients(tx, { responsibleUserId: input.responsibleUserId, responsibleDeptId: dept.id });
    return {
      set: { responsibleDeptId: dept.id, responsibleUserId: input.responsibleUserId, limitDays: input.limitDays, dueDate: due, assignedAt: ctx.clock.now().toISOString() },
      event: { kind: 'assigned', fromLevel: p.level, toLevel: p.level, dueDate: due, note: `交办${who}，${input.limitDays}个工作日内办结${input.note ? `。${input.note}` : ''}`, data: { deptId: dept.id, userId: input.responsibleUserId, limitDays: input.limitDays } },
      summary: `交办问题：${p.title} → ${who}，${due}前办结`,
      notices: [
        { userIds: recipients, kind: 'problem.assigned', title: `问题交办：${p.title}`, body: `请于${due}前办结（${input.limitDays}个工作日）` },
        { userIds: [p.raisedBy], kind: 'problem.assigned', title: `您提出的问题已交办${dept.name}`, body: p.title },
      ],
    };
  });
}

export async function acceptProblem(ctx: Ctx, id: number, input: ProblemAccept): Promise<ProblemDetail> {
  return move(ctx, id, 'accept', input.version, async (_tx, p) => {
    if (p.responsibleDeptId == null) throw new AppError('CONFLICT', '问题尚未交办');
    if (!isHandler(ctx, p)) throw new AppError('FORBIDDEN', '只有承办单位可以受理');
    return {
      set: { acceptedAt: ctx.clock.now().toISOString() },
      event: { kind: 'accepted', note: input.note },
      summary: `受理问题：${p.title}`,
    };
  });
}

export async function answerProblem(ctx: Ctx, id: number, input: ProblemAnswer): Promise<ProblemDetail> {
  const action = input.outcome === 'deferred' ? 'defer' : 'answer';
  return move(ctx, id, action, input.version, async (_tx, p, to) => {
    if (p.responsibleDeptId == null) throw new AppError('CONFLICT', '问题尚未交办');
    if (!isHandler(ctx, p) && !p.holderIds.includes(ctx.user.id)) throw new AppError('FORBIDDEN', '只有承办单位或当前层级的领导可以答复');
    const deferred = to === 'deferred';
    return {
      set: {
        answer: input.answer,
        answeredAt: ctx.clock.now().toISOString(),
        answeredBy: ctx.user.id,
        deferralCondition: deferred ? input.deferralCondition : null,
        deferralDate: deferred ? input.deferralDate : null,
        acceptedAt: p.status === 'pending' ? ctx.clock.now().toISOString() : undefined,
      },
      event: { kind: deferred ? 'deferred' : 'answered', note: deferred ? `${input.answer}（解决条件：${input.deferralCondition}；预计${input.deferralDate}）` : input.answer },
      summary: `${deferred ? '暂缓答复' : '办结答复'}问题：${p.title}`,
      notices: [{ userIds: [p.raisedBy], kind: 'problem.answered', title: `问题已${deferred ? '暂缓答复' : '办结'}，请评价：${p.title}`, body: input.answer.slice(0, 100) }],
    };
  });
}

export async function rateProblem(ctx: Ctx, id: number, input: ProblemRate): Promise<ProblemDetail> {
  const action = input.rating === 'unsatisfied' ? 'rate_unsatisfied' : 'rate_ok';
  const [cal, ladder] = await Promise.all([loadCalendar(ctx.db), getLadder(ctx.db)]);
  return move(ctx, id, action, input.version, async (tx, p, to) => {
    if (p.raisedBy !== ctx.user.id && ctx.user.role !== 'admin') throw new AppError('FORBIDDEN', '只有提出问题的单位可以评价');
    const label = input.rating === 'satisfied' ? '满意' : input.rating === 'basic' ? '基本满意' : '不满意';
    const concerned = [...(await unitRecipients(tx, p)), ...p.holderIds];
    const rated = { kind: 'rated', note: `${label}${input.note ? `：${input.note}` : ''}`, data: { rating: input.rating } };
    if (to === 'closed') {
      return {
        set: { rating: input.rating, ratingNote: input.note, ratedAt: ctx.clock.now().toISOString(), closedAt: ctx.clock.now().toISOString() },
        event: rated,
        extraEvents: [{ kind: 'closed', fromStatus: 'closed', toStatus: 'closed', note: '已销号' }],
        summary: `评价问题（${label}），销号：${p.title}`,
        notices: [{ userIds: concerned, kind: 'problem.closed', title: `问题已销号（${label}）：${p.title}` }],
      };
    }
    const limit = input.limitDays ?? levelLimit(ladder, p.level, p.limitDays);
    const due = dueDate(cal, today(ctx), limit);
    return {
      set: { rating: input.rating, ratingNote: input.note, ratedAt: ctx.clock.now().toISOString(), answer: null, answeredAt: null, answeredBy: null, deferralCondition: null, deferralDate: null, limitDays: p.level === 0 ? limit : p.limitDays, dueDate: due },
      event: rated,
      extraEvents: [{ kind: 'reopened', fromStatus: p.status, toStatus: to, fromLevel: p.level, toLevel: p.level, dueDate: due, note: `不满意，重新办理，${limit}个工作日内（${due}前）` }],
      summary: `评价问题（不满意），重新办理：${p.title}`,
      notices: [{ userIds: concerned, kind: 'problem.reopened', title: `答复不满意，请重新办理：${p.title}`, body: `${input.note ?? ''}请于${due}前办结`.trim() }],
    };
  });
}

/**
 * The scheduler's escalation: every open problem past its limit moves up the ladder, once per
 * elapsed limit, each move with its event (actor: the platform), audit and notices to the
 * new level's holders and the responsible unit. Idempotent: the state after a run is the
 * input of the next, and each problem reaches a level once (problem_events_escalation_uq).
 */
export async function escalateOverdueProblems(ctx: Ctx): Promise<{ problems: number; moves: number }> {
  const ladder = await getLadder(ctx.db);
  const { items, moves } = await runEscalation<repo.ProblemRow>(ctx, ladder, {
    candidates: (db, c) => repo.escalationCandidates(db, c.cal.previousWorkday(c.today), c.top),
    lock: async (tx, id) => {
      const p = await repo.lockProblemById(tx, id);
      return p && isOpen(p.status) ? p : null;
    },
    state: (p) => ({ level: p.level, due: p.dueDate, holderIds: p.holderIds }),
    holders: (tx, holder, p) => repo.holdersFor(tx, holder, p),
    record: async (tx, p, s, holders, at) => {
      const inserted = await tx
        .insert(problemEvents)
        .values({
          problemId: p.id,
          kind: 'escalated',
          actorId: null,
          at,
          fromStatus: p.status,
          toStatus: p.status,
          fromLevel: s.fromLevel,
          toLevel: s.toLevel,
          dueDate: s.dueDate,
          note: `超过${levelName(ladder, s.fromLevel)}办理时限，${s.effectiveDate}升级至${levelName(ladder, s.toLevel)}，${s.limitDays}个工作日内（${s.dueDate}前）办结`,
          data: { holderIds: holders, effectiveDate: s.effectiveDate },
        })
        .onConflictDoNothing()
        .returning({ id: problemEvents.id });
      if (!inserted.length) return false;
      const name = levelName(ladder, s.toLevel);
      await notify(tx, ctx, { userIds: holders, kind: 'problem.escalated', title: `问题超期升级至${name}：${p.title}`, body: `请于${s.dueDate}前协调解决`, link: link(p.id), dedupeKey: `problem:${p.id}:level:${s.toLevel}` });
      await notify(tx, ctx, { userIds: await unitRecipients(tx, p), kind: 'problem.escalated', title: `问题超期，已升级至${name}：${p.title}`, link: link(p.id), dedupeKey: `problem:${p.id}:level:${s.toLevel}:unit` });
      return true;
    },
    finish: async (tx, p, steps, holders, at) => {
      const last = steps.at(-1)!;
      await tx
        .update(problems)
        .set({ level: last.toLevel, dueDate: last.dueDate, holderIds: holders, updatedAt: at, version: sql`${problems.version} + 1` })
        .where(eq(problems.id, p.id));
      await writeAudit(tx, ctx, {
        action: 'problem.escalate',
        entityType: 'problem',
        entityId: p.id,
        summary: `问题超期升级：${p.title}，${levelName(ladder, p.level)} → ${levelName(ladder, last.toLevel)}`,
        before: { level: p.level, dueDate: p.dueDate },
        after: { level: last.toLevel, dueDate: last.dueDate, holderIds: holders },
      });
    },
  });
  return { problems: items, moves };
}

/** Counts per responsible unit for the bulletin: raised, solved, deferred, open, overdue, average working days. */
/**
 * The scheduler's prompt (临期提醒): every open problem with one working day or less left at
 * its level is announced once to whoever holds it now — the responsible unit (its named
 * person, else its users) and, above the first level, the level's holders. Idempotent: one
 * notice per problem, level and due date.
 */
export async function promptDueProblems(ctx: Ctx): Promise<{ prompted: number }> {
  const [cal, ladder] = await Promise.all([loadCalendar(ctx.db), getLadder(ctx.db)]);
  const day = today(ctx);
  const rows = await repo.dueBetween(ctx.db, day, cal.addWorkdays(day, 2));
  let prompted = 0;
  for (const p of rows.filter((r) => isDueSoon(cal, r.dueDate, day))) {
    await ctx.db.transaction(async (tx) => {
      const users = [...new Set([...(p.level > 0 ? p.holderIds : []), ...(await unitRecipients(tx, p))])];
      const ids = await notify(tx, ctx, {
        userIds: users,
        kind: 'problem.prompt',
        title: `临期提醒：问题将于${p.dueDate}到期：${p.title}`,
        body: `${levelName(ladder, p.level)}办理时限${p.dueDate}届满，逾期将升级`,
        link: link(p.id),
        dedupeKey: `problem:${p.id}:prompt:${p.level}:${p.dueDate}`,
      });
      if (ids.length) prompted++;
    });
  }
  return { prompted };
}

export async function problemStats(ctx: Ctx, q: ProblemStatsQuery): Promise<ProblemStats> {
  const cal = await loadCalendar(ctx.db);
  const day = today(ctx);
  const rows = await repo.statsRows(ctx.db, ctx.user, q.from, q.to);
  type Acc = ProblemStatsRow & { sort: number; days: number[] };
  const blank = (deptId: number | null, deptName: string, sort: number): Acc => ({ deptId, deptName, raised: 0, solved: 0, deferred: 0, open: 0, overdue: 0, avgDays: null, sort, days: [] });
  const by = new Map<number | null, Acc>();
  const total = blank(null, '合计', 0);
  for (const r of rows) {
    const acc = by.get(r.deptId) ?? blank(r.deptId, r.deptName ?? '未交办', r.deptId == null ? Number.MAX_SAFE_INTEGER : r.deptSort);
    by.set(r.deptId, acc);
    const open = isOpen(r.status);
    const solved = r.status === 'answered_solved' || (r.status === 'closed' && !r.deferredAnswer);
    const deferred = r.status === 'deferred' || (r.status === 'closed' && r.deferredAnswer);
    const late = r.level > 0 || (open && overdueWorkdays(cal, r.dueDate, day) > 0);
    const days = r.assignedOn && r.answeredOn && !open ? Math.max(0, cal.workdaysBetween(r.assignedOn, r.answeredOn)) : null;
    for (const a of [acc, total]) {
      a.raised++;
      if (solved) a.solved++;
      if (deferred) a.deferred++;
      if (open) a.open++;
      if (late) a.overdue++;
      if (days != null) a.days.push(days);
    }
  }
  const finish = ({ sort: _s, days, ...a }: Acc): ProblemStatsRow => ({ ...a, avgDays: days.length ? Math.round((days.reduce((x, y) => x + y, 0) / days.length) * 10) / 10 : null });
  const list = [...by.values()].sort((a, b) => a.sort - b.sort || (a.deptId ?? 0) - (b.deptId ?? 0));
  return { rows: list.map(finish), total: finish(total) };
}

/** Users of a unit for the assignment picker. */
export async function listAssignees(ctx: Ctx, deptId: number): Promise<Assignee[]> {
  return repo.unitUsers(ctx.db, deptId);
}

