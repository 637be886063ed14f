/**
 * Domain events. A producer publishes a typed event into its transaction; the subscribers that
 * modules declare in their manifests run either in the same transaction (figures that must never
 * disagree with the data: lights, roll-ups, a problem raised from a report) or after it commits
 * (notifications, cache invalidation, later a cross-process NOTIFY). No producer imports a
 * consumer: it knows only this catalogue.
 *
 * The catalogue, one line per event — who publishes it, who listens:
 */
import type { Db, DbOrTx } from '../db/client.js';
import type { Ctx } from './context.js';

export interface DomainEvents {
  /** projects (create, edit, stage move, start-delay reason) → warnings: recompute the project's lights from `fromMonth` on */
  'project.changed': { projectIds: number[]; year: number; fromMonth: number };
  /** projects (ledger import) → warnings: queue a recompute of every project from `fromMonth` of `year` */
  'projects.imported': { year: number; fromMonth: number };
  /** plans (save, bulk, adjust, copy forward, import) → warnings */
  'plan.changed': { projectIds: number[]; year: number };
  /** milestones (create, edit, delete, template applied) → warnings */
  'milestone.changed': { projectIds: number[]; year: number };
  /** reports (save, submit, review, revise, month import) → warnings */
  'report.changed': { projectIds: number[]; year: number; month: number };
  /** reports (a report submitted) → problems: its 存在问题 raise a problem, once */
  'report.submitted': { report: { id: number; projectId: number; problemsText: string | null; submittedBy: number | null } };
  /** reports (a window opened or its deadline moved) → warnings: that month's report lights */
  'report.window.changed': { year: number; month: number };
  /** indicators (a value reported, reviewed, imported or refreshed; a target or publication changed) → later: competitions, tasks, bulletins */
  'indicator.values.changed': { indicatorIds: number[]; periods: string[] };
  /** competitions (a period's results published, or a correction published) → later: bulletins, the public site */
  'competition.published': { competitionId: number; period: string; revision: number };
  /** tasks (a task, its targets, nodes, reports or 督办 changed) → later: assignments and campaigns, bulletins */
  'task.changed': { taskIds: number[] };
}
export type EventType = keyof DomainEvents;

export interface Subscriber<K extends EventType = EventType> {
  event: K;
  /** `transaction`: in the producer's transaction, before it commits; `afterCommit`: once it has. */
  phase: 'transaction' | 'afterCommit';
  handle(tx: DbOrTx, ctx: Ctx, payload: DomainEvents[K]): Promise<void>;
}

/** A subscriber, typed by its event (keeps manifests short and checked). */
export function on<K extends EventType>(event: K, handle: Subscriber<K>['handle'], phase: Subscriber['phase'] = 'transaction'): Subscriber<K> {
  return { event, phase, handle };
}

const subscribers = new Map<EventType, Subscriber[]>();
const registered = new Set<Subscriber>();

/** Registers the subscribers of the modules (the app does it from the manifests; registering twice is harmless). */
export function subscribe(list: readonly Subscriber[]): void {
  for (const s of list) {
    if (registered.has(s)) continue;
    registered.add(s);
    subscribers.set(s.event, [...(subscribers.get(s.event) ?? []), s]);
  }
}

/** What runs once the transaction commits, by transaction. */
const afterCommit = new WeakMap<object, (() => Promise<void>)[]>();

/** Publishes an event in the transaction `tx`: in-transaction subscribers run now, in order; after-commit ones are kept for {@link inTransaction}. */
export async function publish<K extends EventType>(tx: DbOrTx, ctx: Ctx, event: K, payload: DomainEvents[K]): Promise<void> {
  for (const s of (subscribers.get(event) ?? []) as Subscriber<K>[]) {
    if (s.phase === 'transaction') await s.handle(tx, ctx, payload);
    else {
      const list = afterCommit.get(tx) ?? [];
      list.push(() => s.handle(ctx.db, ctx, payload));
      afterCommit.set(tx, list);
    }
  }
}

/** Runs the after-commit subscribers kept for a committed transaction; one failing does not stop the others (the data is committed). */
async function runAfterCommit(txRef: object | undefined): Promise<void> {
  const pending = txRef ? (afterCommit.get(txRef) ?? []) : [];
  if (txRef) afterCommit.delete(txRef);
  for (const run of pending) {
    try {
      await run();
    } catch (e) {
      process.emitWarning(`after-commit subscriber failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}

/**
 * Runs `fn` in a transaction and, once it committed, the after-commit subscribers of the events
 * it published (a rolled-back transaction runs none).
 */
export async function inTransaction<T>(ctx: Ctx, fn: (tx: DbOrTx) => Promise<T>): Promise<T> {
  let txRef: object | undefined;
  const result = await ctx.db.transaction(async (tx) => {
    txRef = tx;
    return fn(tx);
  });
  await runAfterCommit(txRef);
  return result;
}

const committing = new WeakSet<object>();

/**
 * Makes every top-level transaction of `db` run its after-commit subscribers once it committed,
 * whether the producer opened it with `inTransaction` or with `db.transaction` (the app calls
 * this once for its database; calling it again is harmless).
 */
export function enableAfterCommit(db: Db): void {
  if (committing.has(db)) return;
  committing.add(db);
  const original = db.transaction.bind(db) as Db['transaction'];
  const wrapped = async (fn: Parameters<Db['transaction']>[0], config?: Parameters<Db['transaction']>[1]) => {
    let txRef: object | undefined;
    const result = await original(async (tx) => {
      txRef = tx;
      return fn(tx);
    }, config);
    await runAfterCommit(txRef);
    return result;
  };
  (db as { transaction: unknown }).transaction = wrapped;
}
