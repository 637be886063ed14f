import type { Ctx } from '../../core/context.js';
import type { Job } from '../../core/module.js';

export type { Job };

const jobs = new Map<string, Job>();

/** Registers a job; the app registers the jobs its modules' manifests declare (tests may add their own). */
export function registerJob(name: string, everyMs: number, run: (ctx: Ctx) => Promise<unknown>): void {
  jobs.set(name, { name, everyMs, run });
}

export function listJobs(): Job[] {
  return [...jobs.values()].sort((a, b) => a.name.localeCompare(b.name));
}

export function getJob(name: string): Job | undefined {
  return jobs.get(name);
}
