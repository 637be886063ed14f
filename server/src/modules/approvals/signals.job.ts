import { and, gte, inArray, or, sql } from 'drizzle-orm';
import { APPROVAL_PHASES, APPROVAL_STEPS, labelOf } from '@tiaodu/contracts';
import { approvalSignals, projectApprovals } from './approvals.schema.js';
import type { Ctx } from '../../core/context.js';
import { loadCalendar, shiftDate, type Calendar } from '../../core/calendar.js';
import { notify, type NotifyInput } from '../notifications/notify.js';
import { job } from '../../core/module.js';
import * as repo from './approvals.repository.js';
import { computeAll, ensureStoredTimings, processOf, todayOf, type Computed } from './approvals.service.js';
import { anyOfIds, chunks } from '../../core/sql.js';
import { processLimits } from './catalogue.service.js';
import { OPEN_STATUSES } from './domain/state.js';
import { signalFacts } from './domain/timing.js';
import { processView } from './domain/process.js';

/** Items finished this many days ago or less are still looked at: a late 办结 while the server was down gets its red. */
const FINISHED_LOOKBACK_DAYS = 60;

export interface SignalRun {
  items: number;
  signals: number;
  notified: number;
}

/**
 * Evaluates the signals of every open item (and of items finished recently) on today's
 * China date and records the new ones in approval_signals, whose unique key (item, kind,
 * step, limit date) makes a second run insert nothing. Each new signal notifies the
 * handling department's users (red also the dispatchers). Phase and whole-process signals
 * of the projects concerned go to the dispatchers, deduplicated by notify().
 *
 * What a run records depends only on the items' events and today's date, so a run after a
 * restart that missed some records the same yellow and red signals; a prompt whose window
 * has passed is not recorded late (the item is then yellow or red instead).
 */
export async function runApprovalSignals(ctx: Ctx): Promise<SignalRun> {
  const cal = await loadCalendar(ctx.db);
  const today = todayOf(ctx);
  const since = `${shiftDate(today, -FINISHED_LOOKBACK_DAYS)}T00:00:00Z`;
  await ensureStoredTimings(ctx);
  // every item of the projects with open items, replayed once: for the phases and the whole process
  const openProjects = await repo.projectsWithOpenItems(ctx.db);
  const ofOpenProjects = openProjects.length ? await computeAll(ctx, anyOfIds(projectApprovals.projectId, openProjects), cal) : [];
  const known = new Map(ofOpenProjects.map((c) => [c.row.id, c]));
  // the items that carry a signal today (stored timings, in SQL); those of other projects (finished recently) replayed here
  const signalledIds = await repo.findApprovalIds(ctx.db, and(or(inArray(projectApprovals.status, OPEN_STATUSES), gte(projectApprovals.doneAt, since)), sql`${repo.signalSql(today)} <> 'none'`));
  const missing = signalledIds.filter((id) => !known.has(id));
  const computed = [...signalledIds.flatMap((id) => known.get(id) ?? []), ...(missing.length ? await computeAll(ctx, anyOfIds(projectApprovals.id, missing), cal) : [])];
  const now = ctx.clock.now().toISOString();
  const byId = new Map(computed.map((c) => [c.row.id, c]));
  const candidates = computed.flatMap((c) =>
    signalFacts(c.timing).map((f) => ({ projectApprovalId: c.row.id, kind: f.kind, step: f.step ?? '', forDate: f.dueDate, createdAt: now, fact: f })),
  );
  const processes = await processSignals(ctx, openProjects, ofOpenProjects, cal, today);
  let notified = 0;
  const inserted: Array<{ id: number; projectApprovalId: number; kind: string; step: string; forDate: string }> = [];
  await ctx.db.transaction(async (tx) => {
    for (const part of chunks(candidates, 5)) {
      inserted.push(
        ...(await tx
          .insert(approvalSignals)
          .values(part.map(({ fact: _f, ...v }) => v))
          .onConflictDoNothing()
          .returning({ id: approvalSignals.id, projectApprovalId: approvalSignals.projectApprovalId, kind: approvalSignals.kind, step: approvalSignals.step, forDate: approvalSignals.forDate })),
      );
    }
    const deptUsers = await repo.departmentUsers(tx, [...new Set(inserted.map((s) => byId.get(s.projectApprovalId)!.row.departmentId))]);
    const dispatchers = inserted.some((s) => s.kind === 'red') || processes.length ? await repo.usersWithRole(tx, ['dispatcher']) : [];
    for (const s of inserted) {
      const c = byId.get(s.projectApprovalId)!;
      const what = s.step ? `“${labelOf(APPROVAL_STEPS, s.step)}”环节` : '承诺时限';
      const title =
        s.kind === 'prompt' ? `临期提醒：${c.row.name}${what}${s.forDate}到期` : s.kind === 'yellow' ? `黄色预警：${c.row.name}${what}已超时` : `红色预警：${c.row.name}已超过承诺时限`;
      const ids = await notify(tx, ctx, {
        userIds: [...(deptUsers.get(c.row.departmentId) ?? []), ...(s.kind === 'red' ? dispatchers : [])],
        kind: `approval.${s.kind}`,
        title,
        body: `${c.row.projectName}（${c.row.departmentName ?? ''}）`,
        link: `/approvals/${c.row.id}`,
        dedupeKey: `approval-signal:${s.id}`,
      });
      notified += ids.length;
    }
    for (const p of processes) notified += (await notify(tx, ctx, { ...p, userIds: dispatchers })).length;
  });
  return { items: computed.length, signals: inserted.length, notified };
}

/** Phase (yellow) and whole-process (prompt, red) notices for the projects with open items, for the dispatchers. */
async function processSignals(ctx: Ctx, projectIds: number[], items: Computed[], cal: Calendar, today: string): Promise<Array<Omit<NotifyInput, 'userIds'>>> {
  if (!projectIds.length) return [];
  const byProject = new Map<number, Computed[]>();
  for (const c of items) {
    const list = byProject.get(c.row.projectId);
    if (list) list.push(c);
    else byProject.set(c.row.projectId, [c]);
  }
  const limits = await processLimits(ctx.db);
  const out: Array<Omit<NotifyInput, 'userIds'>> = [];
  for (const [i, pid] of projectIds.entries()) {
    if (i > 0 && i % 500 === 0) await new Promise((r) => setImmediate(r));
    const mine = byProject.get(pid) ?? [];
    if (!mine.length) continue;
    const v = processView(cal, processOf(mine), limits, today);
    const name = mine[0]!.row.projectName;
    const link = `/projects/${pid}/approvals`;
    for (const p of v.phases) {
      if (p.signal !== 'yellow') continue;
      out.push({
        kind: 'approval.phase',
        title: `黄色预警：${name}“${labelOf(APPROVAL_PHASES, p.phase)}”阶段已用${p.usedDays}个工作日，超过${p.limitDays}个工作日`,
        link,
        dedupeKey: `approval-phase:${pid}:${p.phase}:${p.limitDays}`,
      });
    }
    if (v.signal === 'red' || v.signal === 'prompt') {
      out.push({
        kind: `approval.process.${v.signal}`,
        title: v.signal === 'red' ? `红色预警：${name}审批全流程已用${v.usedDays}个工作日，超过${v.limitDays}个工作日` : `临期提醒：${name}审批全流程只剩${Math.max(0, v.remainingDays)}个工作日`,
        link,
        dedupeKey: `approval-process:${pid}:${v.signal}:${v.limitDays}`,
      });
    }
  }
  return out;
}

export const signalsJob = job('approvals.signals', 10 * 60_000, (ctx) => runApprovalSignals(ctx));
