import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { FastifyReply } from 'fastify';
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

/**
 * An answer serialised once (UTF-8 JSON) and, when it is large, gzip-compressed once as well, to
 * be kept in the read cache: a results table of 90 contestants × 12 items is about 370 KB of JSON
 * and 30–40 KB compressed, and sending the compressed bytes to the many who ask is what keeps such
 * an answer fast under concurrent readers. Sent by `sendSerialised`.
 */
export interface Serialised {
  json: Buffer;
  gzip: Buffer | null;
}

const GZIP_FROM_BYTES = 1024;
const gzipAsync = promisify(gzip);

export async function serialise(value: unknown): Promise<Serialised> {
  const json = Buffer.from(JSON.stringify(value));
  return { json, gzip: json.length >= GZIP_FROM_BYTES ? await gzipAsync(json, { level: 6 }) : null };
}

/** Sends a serialised answer as it is: compressed to a client that accepts gzip, plain otherwise. */
export function sendSerialised(req: { headers: Record<string, string | string[] | undefined> }, reply: FastifyReply, answer: Serialised): FastifyReply {
  reply.type('application/json; charset=utf-8');
  if (!answer.gzip) return reply.send(answer.json as never);
  reply.header('vary', 'accept-encoding');
  const accepts = String(req.headers['accept-encoding'] ?? '');
  if (/\bgzip\b/i.test(accepts) && !/\bgzip\s*;\s*q=0(?:\.0*)?\s*(?:,|$)/i.test(accepts)) return reply.header('content-encoding', 'gzip').send(answer.gzip as never);
  return reply.send(answer.json as never);
}
