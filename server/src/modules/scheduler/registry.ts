import type { Ctx } from '../../core/context.js';

/**
 * A job run by the in-process scheduler and on demand. `run` must be idempotent and read the
 * time from `ctx.clock`: running it twice, or late after a restart, gives the same state.
 */
export interface Job {
  name: string;
  /** How often the job is due, in milliseconds of the clock. */
  everyMs: number;
  run(ctx: Ctx): Promise<unknown>;
}

const jobs = new Map<string, Job>();

/** Registers a job; a module registers its jobs when its routes file is imported. */
export function registerJob(name: string, everyMs: number, run: (ctx: Ctx) => Promise<unknown>): void {
  jobs.set(name, { name, everyMs, run });
}

export function listJobs(): Job[] {
  return [...jobs.values()].sort((a, b) => a.name.localeCompare(b.name));
}

export function getJob(name: string): Job | undefined {
  return jobs.get(name);
}
