/**
 * Import jobs: a large file is checked and imported in the background while the client polls
 * for progress. Jobs live in the server process's memory, are visible only to the user who
 * started them, and are dropped an hour after they were started.
 */
import { randomUUID } from 'node:crypto';
import type { ImportJob, ImportResult } from '@tiaodu/contracts';
import type { Clock } from '../../../core/clock.js';
import { AppError, fromDatabaseError } from '../../../core/errors.js';
import type { ImportPhase } from './import.service.js';

const TTL_MS = 60 * 60 * 1000;
/** Jobs one user may have running at once. */
const MAX_RUNNING_PER_USER = 2;

interface JobRecord extends ImportJob {
  userId: number;
  startedAt: number;
}

export interface JobHandle {
  id: string;
  progress(p: { phase: ImportPhase; done: number; total: number }): void;
}

export class ImportJobStore {
  private jobs = new Map<string, JobRecord>();

  constructor(private clock: Clock) {}

  private purge(): void {
    const now = this.clock.now().getTime();
    for (const [id, j] of this.jobs) if (now - j.startedAt > TTL_MS) this.jobs.delete(id);
  }

  /** Starts `work` in the background and returns the job id at once. */
  start(userId: number, work: (job: JobHandle) => Promise<ImportResult>, onUnexpected: (err: unknown) => void = () => {}): string {
    this.purge();
    const running = [...this.jobs.values()].filter((j) => j.userId === userId && j.status === 'running').length;
    if (running >= MAX_RUNNING_PER_USER) throw new AppError('RATE_LIMITED', '您已有导入任务正在进行，请等待完成后再提交');
    const id = randomUUID();
    const job: JobRecord = { id, userId, startedAt: this.clock.now().getTime(), status: 'running', phase: 'parsing', done: 0, total: 0 };
    this.jobs.set(id, job);
    const handle: JobHandle = {
      id,
      progress: (p) => {
        job.phase = p.phase;
        job.done = p.done;
        job.total = p.total;
      },
    };
    // Let the 202 go out before the work starts.
    setImmediate(() => {
      work(handle).then(
        (result) => {
          job.status = 'done';
          job.phase = 'done';
          job.result = result;
        },
        (raw: unknown) => {
          job.status = 'failed';
          const err = raw instanceof AppError ? raw : (fromDatabaseError(raw) ?? raw);
          if (err instanceof AppError) {
            job.error = { code: err.code, message: err.message };
            if (err.code === 'IMPORT_FAILED') job.result = err.details as ImportResult;
          } else {
            onUnexpected(raw);
            job.error = { code: 'INTERNAL', message: '导入时发生内部错误，未导入任何数据' };
          }
        },
      );
    });
    return id;
  }

  /** A job as its owner sees it; undefined for unknown, expired or someone else's jobs. */
  get(userId: number, id: string): ImportJob | undefined {
    this.purge();
    const j = this.jobs.get(id);
    if (!j || j.userId !== userId) return undefined;
    const { userId: _u, startedAt: _s, ...view } = j;
    return { ...view };
  }
}
