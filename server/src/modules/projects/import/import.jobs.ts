/**
 * Import jobs: a large file is checked and imported in the background while the client polls
 * for progress. A job's phase, progress, result and error are kept in `import_jobs`, so a
 * restart loses nothing: a job that was running when the server stopped is marked failed with
 * that reason when the server starts again (its transaction never committed, so nothing of it
 * was written). Jobs are visible only to the user who started them; rows older than 30 days go.
 */
import { randomUUID } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { ImportJob, ImportResult } from '@tiaodu/contracts';
import type { Clock } from '../../../core/clock.js';
import type { Db } from '../../../db/client.js';
import { importJobs } from './import.schema.js';
import { AppError, fromDatabaseError } from '../../../core/errors.js';
import type { ImportPhase } from './import.service.js';

/** Jobs one user may have running at once. */
const MAX_RUNNING_PER_USER = 2;
/** Progress is written at most this often (and at every change of phase). */
const PROGRESS_EVERY_MS = 400;
const KEEP_DAYS = 30;

export const INTERRUPTED = { code: 'INTERRUPTED', message: '服务重启，导入任务被中断，未导入任何数据，请重新导入' };

export interface JobHandle {
  id: string;
  progress(p: { phase: ImportPhase; done: number; total: number }): void;
}

type Row = typeof importJobs.$inferSelect;

function toJob(r: Row): ImportJob {
  return {
    id: r.id,
    status: r.status as ImportJob['status'],
    phase: r.phase as ImportJob['phase'],
    done: r.done,
    total: r.total,
    ...(r.result ? { result: r.result as ImportResult } : {}),
    ...(r.error ? { error: r.error as { code: string; message: string } } : {}),
    filename: r.filename ?? undefined,
    dryRun: r.dryRun,
    startedAt: new Date(r.startedAt).toISOString(),
    finishedAt: r.finishedAt ? new Date(r.finishedAt).toISOString() : null,
  };
}

/** Marks the jobs left running by a stopped server as failed, and drops old ones. */
export async function closeInterruptedJobs(db: Db, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - KEEP_DAYS * 86_400_000).toISOString();
  await db.delete(importJobs).where(sql`${importJobs.startedAt} < ${cutoff}`);
  const r = await db
    .update(importJobs)
    .set({ status: 'failed', error: INTERRUPTED, finishedAt: now.toISOString() })
    .where(eq(importJobs.status, 'running'))
    .returning({ id: importJobs.id });
  return r.length;
}

export class ImportJobStore {
  private ready: Promise<unknown> | undefined;

  constructor(
    private db: Db,
    private clock: Clock,
  ) {}

  /** The first use in a process closes what an earlier process left running. */
  private init(): Promise<unknown> {
    this.ready ??= closeInterruptedJobs(this.db, this.clock.now());
    return this.ready;
  }

  /** Records the job, starts `work` in the background and returns the job id at once. */
  async start(
    userId: number,
    meta: { filename: string; dryRun: boolean },
    work: (job: JobHandle) => Promise<ImportResult>,
    onUnexpected: (err: unknown) => void = () => {},
  ): Promise<string> {
    await this.init();
    const [{ n } = { n: 0 }] = await this.db
      .select({ n: sql<number>`count(*)::int` })
      .from(importJobs)
      .where(and(eq(importJobs.userId, userId), eq(importJobs.status, 'running')));
    if (Number(n) >= MAX_RUNNING_PER_USER) throw new AppError('RATE_LIMITED', '您已有导入任务正在进行，请等待完成后再提交');
    const id = randomUUID();
    await this.db.insert(importJobs).values({
      id,
      userId,
      filename: meta.filename.slice(0, 200),
      dryRun: meta.dryRun,
      status: 'running',
      phase: 'parsing',
      startedAt: this.clock.now().toISOString(),
    });
    let last = 0;
    let lastPhase = 'parsing';
    let writing: Promise<unknown> = Promise.resolve();
    const save = (set: Partial<typeof importJobs.$inferInsert>) => {
      writing = writing.then(() => this.db.update(importJobs).set(set).where(eq(importJobs.id, id))).catch(() => undefined);
      return writing;
    };
    const handle: JobHandle = {
      id,
      progress: (p) => {
        const t = Date.now();
        if (p.phase === lastPhase && t - last < PROGRESS_EVERY_MS) return;
        last = t;
        lastPhase = p.phase;
        void save({ phase: p.phase, done: p.done, total: p.total });
      },
    };
    // Let the 202 go out before the work starts.
    setImmediate(() => {
      work(handle).then(
        (result) => save({ status: 'done', phase: 'done', result, finishedAt: this.clock.now().toISOString() }),
        (raw: unknown) => {
          const err = raw instanceof AppError ? raw : (fromDatabaseError(raw) ?? raw);
          if (err instanceof AppError) {
            return save({
              status: 'failed',
              error: { code: err.code, message: err.message },
              result: err.code === 'IMPORT_FAILED' ? (err.details as ImportResult) : null,
              finishedAt: this.clock.now().toISOString(),
            });
          }
          onUnexpected(raw);
          return save({ status: 'failed', error: { code: 'INTERNAL', message: '导入时发生内部错误，未导入任何数据' }, finishedAt: this.clock.now().toISOString() });
        },
      );
    });
    return id;
  }

  /** A job as its owner sees it; undefined for unknown or someone else's jobs. */
  async get(userId: number, id: string): Promise<ImportJob | undefined> {
    await this.init();
    const [r] = await this.db.select().from(importJobs).where(and(eq(importJobs.id, id), eq(importJobs.userId, userId)));
    return r ? toJob(r) : undefined;
  }

  /** The user's recent jobs, newest first. */
  async list(userId: number, limit = 20): Promise<ImportJob[]> {
    await this.init();
    const rows = await this.db.select().from(importJobs).where(eq(importJobs.userId, userId)).orderBy(desc(importJobs.startedAt)).limit(limit);
    return rows.map(toJob);
  }
}
