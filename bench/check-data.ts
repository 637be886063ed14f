/**
 * Checks the generated approvals and problems against the server's own rules, and says what
 * the data holds today: every approval history replays (domain/state.ts, domain/timing.ts) to
 * the row's status, current step, start and end; event statuses chain; times increase; the
 * signals of today; the 2025-11 and 2025-12 efficiency tables; problem histories chain and
 * their levels match their escalations; what one escalation run would move. Reads only.
 * Usage: tsx bench/check-data.ts <dataDir|postgres-url>
 */
import { sql } from 'drizzle-orm';
import { openDatabase } from '../server/src/db/client.js';
import { chinaToday } from '../server/src/core/clock.js';
import { loadCalendar } from '../server/src/core/calendar.js';
import { actionOf, currentStep } from '../server/src/modules/approvals/domain/state.js';
import { itemTiming } from '../server/src/modules/approvals/domain/timing.js';
import { efficiencyTable, monthPeriod, topAndBottom, type EfficiencyItem } from '../server/src/modules/approvals/domain/efficiency.js';
import { escalationSteps } from '../server/src/modules/problems/domain/ladder.js';
import { getLadder } from '../server/src/modules/problems/problems.service.js';
import type { ApprovalRating, ApprovalStatus, StepLimits } from '@tiaodu/contracts';

const target = process.argv[2]!;
const database = await openDatabase(target.startsWith('postgres') ? { url: target } : { dataDir: target });
const db = database.db;
const rows = async <T>(q: string) => (await db.execute(sql.raw(q))).rows as T[];
const cal = await loadCalendar(db);
const today = chinaToday(new Date());
const errors: string[] = [];
const fail = (m: string) => {
  if (errors.length < 20) console.log('  ✗', m);
  errors.push(m);
};

/* ------------------------------------------------------------------ approvals */
type Pa = { id: number; department_id: number; status: ApprovalStatus; current_step: string | null; started_at: Date | null; done_at: Date | null; promised_days: number; step_limits: StepLimits; rating: string | null; rated_at: Date | null };
type Ev = { pa: number; from_status: ApprovalStatus; to_status: ApprovalStatus; step: string | null; at: Date };
const pas = await rows<Pa>(`SELECT id, department_id, status, current_step, started_at, done_at, promised_days, step_limits, rating, rated_at FROM project_approvals ORDER BY id`);
const evs = await rows<Ev>(`SELECT project_approval_id AS pa, from_status, to_status, step, at FROM approval_events ORDER BY project_approval_id, at, id`);
const byPa = new Map<number, Ev[]>();
for (const e of evs) byPa.set(Number(e.pa), [...(byPa.get(Number(e.pa)) ?? []), e]);
const signals: Record<string, number> = {};
const facts: EfficiencyItem[] = [];
const STEP_OF: Record<string, string> = { pending: 'accept', accepted: 'undertake', undertaken: 'review', reviewed: 'approve', approved: 'finish' };
for (const pa of pas) {
  const ev = byPa.get(Number(pa.id)) ?? [];
  let prev: ApprovalStatus = 'not_started';
  let prevAt = 0;
  for (const e of ev) {
    if (e.from_status !== prev) fail(`approval ${pa.id}: event from ${e.from_status} after ${prev}`);
    const t = new Date(e.at).getTime();
    if (t <= prevAt) fail(`approval ${pa.id}: times do not increase`);
    if (t > Date.now()) fail(`approval ${pa.id}: an act in the future`);
    const a = actionOf(e.from_status, e.to_status);
    const want = a === 'submit' ? 'accept' : ['accept', 'undertake', 'review', 'approve', 'finish'].includes(a) ? a : a === 'reject' ? 'accept' : STEP_OF[a === 'return' ? e.from_status : e.to_status];
    if (e.step !== want) fail(`approval ${pa.id}: ${a} recorded at step ${e.step}, expected ${want}`);
    prev = e.to_status;
    prevAt = t;
  }
  try {
    const timing = itemTiming(cal, ev.map((e) => ({ action: actionOf(e.from_status, e.to_status), at: new Date(e.at).toISOString() })), { promisedDays: pa.promised_days, stepDays: pa.step_limits }, today);
    const st = timing.replayed.state;
    if (st.status !== pa.status) fail(`approval ${pa.id}: replays to ${st.status}, row says ${pa.status}`);
    if ((currentStep(st) ?? null) !== pa.current_step) fail(`approval ${pa.id}: current step ${currentStep(st)} vs ${pa.current_step}`);
    const acc = ev.find((e) => e.to_status === 'accepted' && e.from_status !== 'returned');
    if ((acc ? new Date(acc.at).getTime() : null) !== (pa.started_at ? new Date(pa.started_at).getTime() : null)) fail(`approval ${pa.id}: started_at is not the first 受理`);
    const finished = pa.status === 'done' || pa.status === 'rejected';
    if (finished !== !!pa.done_at || (finished && new Date(pa.done_at!).getTime() !== new Date(ev.at(-1)!.at).getTime())) fail(`approval ${pa.id}: done_at`);
    if (pa.rating && (pa.status !== 'done' || !pa.rated_at)) fail(`approval ${pa.id}: rating on an item not done`);
    signals[`${pa.status}:${timing.signal}`] = (signals[`${pa.status}:${timing.signal}`] ?? 0) + 1;
    facts.push({
      departmentId: Number(pa.department_id),
      acceptedOn: timing.replayed.acceptedOn,
      completedOn: timing.replayed.completedOn,
      usedDays: timing.replayed.completedOn ? timing.item.usedDays : null,
      promisedDays: pa.promised_days,
      overdueOn: timing.item.overdueSince,
      rating: (pa.rating as ApprovalRating | null) ?? null,
      ratedOn: pa.rated_at ? chinaToday(new Date(pa.rated_at)) : null,
    });
  } catch (err) {
    fail(`approval ${pa.id}: ${(err as Error).message}`);
  }
}
const bySignal: Record<string, number> = {};
for (const [k, v] of Object.entries(signals)) bySignal[k.split(':')[1]!] = (bySignal[k.split(':')[1]!] ?? 0) + v;
console.log(`approvals: ${pas.length}, events: ${evs.length}; signals today (${today}):`, bySignal);
console.log('  by status:signal', signals);

// the monthly tables as domain/efficiency.ts makes them from the replayed items
const depts = await rows<{ id: number; name: string }>(`SELECT id, name FROM departments WHERE id IN (SELECT department_id FROM approval_items) ORDER BY sort, id`);
for (const m of [11, 12]) {
  const table = efficiencyTable(depts.map((d) => ({ id: Number(d.id), name: d.name })), facts, monthPeriod(2025, m));
  const { top, bottom } = topAndBottom(table);
  const sum = (k: 'accepted' | 'completed' | 'overdue' | 'rated') => table.reduce((a, r) => a + (r[k] ?? 0), 0);
  console.log(`efficiency 2025-${m}: ${table.length} departments, ranked ${table.filter((r) => r.rank != null).length}; accepted ${sum('accepted')}, completed ${sum('completed')}, overdue ${sum('overdue')}, rated ${sum('rated')}; 红榜 ${top.length}, 后进 ${bottom.length}`);
}

/* ------------------------------------------------------------------ problems */
type Pb = { id: number; status: string; level: number; due_date: string | null; responsible_dept_id: number | null; raised_at: Date };
type Pe = { problem_id: number; kind: string; from_status: string | null; to_status: string | null; to_level: number | null; at: Date };
const pbs = await rows<Pb>(`SELECT id, status, level, due_date::text AS due_date, responsible_dept_id, raised_at FROM problems ORDER BY id`);
const pes = await rows<Pe>(`SELECT problem_id, kind, from_status, to_status, to_level, at FROM problem_events ORDER BY problem_id, at, id`);
const byPb = new Map<number, Pe[]>();
for (const e of pes) byPb.set(Number(e.problem_id), [...(byPb.get(Number(e.problem_id)) ?? []), e]);
const ladder = await getLadder(db);
let toMove = 0;
let overdueOpen = 0;
for (const p of pbs) {
  const ev = byPb.get(Number(p.id)) ?? [];
  let status = 'pending';
  let level = 0;
  let prevAt = 0;
  for (const [i, e] of ev.entries()) {
    const t = new Date(e.at).getTime();
    if (t < prevAt || t > Date.now()) fail(`problem ${p.id}: event times`);
    prevAt = t;
    if (i === 0) {
      if (e.kind !== 'raised') fail(`problem ${p.id}: first event ${e.kind}`);
      continue;
    }
    if (e.from_status !== status && e.kind !== 'closed') fail(`problem ${p.id}: ${e.kind} from ${e.from_status} while ${status}`);
    if (e.kind === 'escalated') {
      if (e.to_level !== level + 1) fail(`problem ${p.id}: escalated to ${e.to_level} from ${level}`);
      level = e.to_level!;
    }
    status = e.to_status ?? status;
  }
  if (status !== p.status) fail(`problem ${p.id}: events end at ${status}, row says ${p.status}`);
  if (level !== p.level) fail(`problem ${p.id}: events reach level ${level}, row says ${p.level}`);
  if ((p.status === 'pending' || p.status === 'handling') && p.due_date) {
    if (p.due_date < cal.previousWorkday(today)) overdueOpen++;
    if (escalationSteps(cal, ladder, p.level, p.due_date, today).length) toMove++;
  }
}
console.log(`problems: ${pbs.length}, events: ${pes.length}; open and overdue today: ${overdueOpen}; one escalation run would move ${toMove}`);
console.log(errors.length ? `${errors.length} problems found` : 'all histories replay');
await database.close();
process.exit(errors.length ? 1 : 0);
