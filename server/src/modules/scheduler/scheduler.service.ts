import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { schedulerRuns } from '../../db/schema.js';
import type { Config } from '../../config.js';
import type { Clock } from '../../core/clock.js';
import { toIso } from '../../core/clock.js';
import { systemCtx, type Ctx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { listJobs, type Job } from './registry.js';

export interface JobRun {
  job: string;
  status: 'ok' | 'error';
  result?: unknown;
  error?: string;
}

export interface JobState {
  name: string;
  everyMs: number;
  lastStartedAt: string | null;
  lastRunAt: string | null;
  lastStatus: string | null;
  lastResult: unknown;
  lastError: string | null;
  runs: number;
}

/** Runs on one database never overlap (the interval runner and an on-demand run). */
const running = new WeakMap<Db, Promise<unknown>>();

function serialised<T>(db: Db, fn: () => Promise<T>): Promise<T> {
  const prev = running.get(db) ?? Promise.resolve();
  const next = prev.catch(() => {}).then(fn);
  running.set(db, next);
  return next;
}

async function runOne(ctx: Ctx, job: Job): Promise<JobRun> {
  const startedAt = ctx.clock.now().toISOString();
  await ctx.db
    .insert(schedulerRuns)
    .values({ job: job.name, lastStartedAt: startedAt })
    .onConflictDoUpdate({ target: schedulerRuns.job, set: { lastStartedAt: startedAt } });
  try {
    const result = (await job.run(ctx)) ?? null;
    await ctx.db
      .update(schedulerRuns)
      .set({ lastRunAt: startedAt, lastStatus: 'ok', lastResult: result, lastError: null, runs: sql`${schedulerRuns.runs} + 1` })
      .where(eq(schedulerRuns.job, job.name));
    return { job: job.name, status: 'ok', result };
  } catch (err) {
    // a failed query's own message is the SQL; the database's reason is its cause
    const cause = (err as { cause?: { message?: string } })?.cause?.message;
    const message = (cause ? `${cause} — ${String((err as Error)?.message ?? err).slice(0, 300)}` : String((err as Error)?.message ?? err)).slice(0, 1000);
    // A failed run is not a run: lastRunAt stays, so the job is due again at the next tick.
    await ctx.db
      .update(schedulerRuns)
      .set({ lastStatus: 'error', lastError: message, runs: sql`${schedulerRuns.runs} + 1` })
      .where(eq(schedulerRuns.job, job.name));
    return { job: job.name, status: 'error', error: message };
  }
}

/**
 * Runs the jobs that are due — never run, or last run at least `everyMs` ago by the clock —
 * or, with `force`, every job (or the named ones). Jobs are idempotent, so a forced run or a
 * run after a missed week gives the same state as regular runs would have.
 */
export async function runDue(ctx: Ctx, opts: { force?: boolean; jobs?: string[] } = {}): Promise<JobRun[]> {
  const all = listJobs();
  if (opts.jobs) for (const j of opts.jobs) if (!all.some((x) => x.name === j)) throw new AppError('NOT_FOUND', `没有名为 ${j} 的定时任务`);
  const chosen = opts.jobs ? all.filter((j) => opts.jobs!.includes(j.name)) : all;
  return serialised(ctx.db, async () => {
    const last = new Map((await ctx.db.select().from(schedulerRuns)).map((r) => [r.job, r]));
    const now = ctx.clock.now().getTime();
    const out: JobRun[] = [];
    for (const job of chosen) {
      const prev = last.get(job.name)?.lastRunAt;
      const since = prev ? now - new Date(prev).getTime() : Infinity;
      // a clock set back (a test clock restored) must not stop the job until it catches up
      const due = opts.force || since >= job.everyMs || since < 0;
      if (due) out.push(await runOne(ctx, job));
    }
    return out;
  });
}

export async function listJobStates(ctx: Ctx): Promise<JobState[]> {
  const last = new Map((await ctx.db.select().from(schedulerRuns)).map((r) => [r.job, r]));
  return listJobs().map((j) => {
    const r = last.get(j.name);
    return {
      name: j.name,
      everyMs: j.everyMs,
      lastStartedAt: toIso(r?.lastStartedAt),
      lastRunAt: toIso(r?.lastRunAt),
      lastStatus: r?.lastStatus ?? null,
      lastResult: r?.lastResult ?? null,
      lastError: r?.lastError ?? null,
      runs: r?.runs ?? 0,
    };
  });
}

/**
 * The interval runner of the server: a first pass at start (catching up on what a restart
 * missed), then one pass per tick. Returns a stop function.
 */
export function startScheduler(deps: { db: Db; config: Config; clock: Clock }, log: (err: unknown) => void = () => {}): () => Promise<void> {
  const ctx = systemCtx(deps);
  let stopped = false;
  const tick = () => {
    if (stopped) return;
    runDue(ctx)
      .then((runs) => {
        for (const r of runs) if (r.status === 'error') log(new Error(`job ${r.job}: ${r.error}`));
      })
      .catch(log);
  };
  const first = setTimeout(tick, 1000);
  const timer = setInterval(tick, deps.config.schedulerTickSeconds * 1000);
  first.unref();
  timer.unref();
  return async () => {
    stopped = true;
    clearTimeout(first);
    clearInterval(timer);
    await running.get(deps.db)?.catch(() => {});
  };
}
