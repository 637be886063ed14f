/**
 * A cache for the heavy read answers (dashboard, warning list) that many people ask for and
 * few writes change. One cache per database handle, so two applications in one process
 * (tests) never share answers.
 *
 * Every successful write through the API empties it (app.ts, in onSend: after the
 * transaction committed, before the writer sees the answer). A read that started before the
 * write keeps its answer for its own callers but is no longer in the cache, so nobody asking
 * after the write gets it. Identical requests arriving together share one computation, which
 * matters on PGlite where queries wait for the single connection.
 *
 * The cache lives in the process: it is exact for the one server process that owns an
 * embedded database, and for one server on a PostgreSQL database. Writes made outside the
 * API (scheduled jobs, command-line tools) call `bumpReadCache` themselves.
 */
export class ReadCache {
  private readonly entries = new Map<string, Promise<unknown>>();

  constructor(private readonly maxEntries = 500) {}

  /** Forgets every cached answer (a write committed). */
  bump(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  /** The cached answer for `key`, or computes it (once for concurrent callers). */
  get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit) {
      // most recently used last, so eviction takes the oldest
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit as Promise<T>;
    }
    const value = compute();
    this.entries.set(key, value);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    value.catch(() => {
      if (this.entries.get(key) === value) this.entries.delete(key);
    });
    return value;
  }
}

const caches = new WeakMap<object, ReadCache>();

export function readCache(db: object): ReadCache {
  let c = caches.get(db);
  if (!c) caches.set(db, (c = new ReadCache()));
  return c;
}

export function bumpReadCache(db: object): void {
  readCache(db).bump();
}

/**
 * The part of a user that decides which projects a scoped answer covers: everyone with scope
 * `all` sees the same rows, everyone with the same region scope too; the other scopes are
 * personal (department, unit, assigned projects).
 */
export function scopeKey(user: { id: number; scopeType: string; regionCode: string | null; departmentId: number | null; enterpriseId: number | null }): string {
  switch (user.scopeType) {
    case 'all':
      return 'all';
    case 'region':
      return `region:${user.regionCode ?? ''}`;
    case 'department':
      return `department:${user.departmentId ?? ''}`;
    case 'enterprise':
      return `enterprise:${user.enterpriseId ?? ''}`;
    default:
      return `user:${user.id}`;
  }
}

/** A stable key of a validated query object (same filters in any order → same key). */
export function queryKey(q: object): string {
  return Object.entries(q)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join(',') : String(v)}`)
    .join('&');
}
