import { createHash } from 'node:crypto';
import { desc, sql } from 'drizzle-orm';
import type { AuditAction } from '@tiaodu/contracts';
import { auditEvents } from '../db/schema.js';
import type { DbOrTx } from '../db/client.js';
import type { Ctx } from './context.js';

export interface AuditInput {
  action: AuditAction;
  entityType: string;
  entityId?: string | number | null;
  summary?: string;
  before?: unknown;
  after?: unknown;
}

const GENESIS = '0'.repeat(64);
/** Advisory lock key that serialises writers of the hash chain. */
const AUDIT_LOCK = 7_410_001;

/** JSON with object keys sorted, so a value hashes the same after a jsonb round trip. */
export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v ?? null);
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
    .join(',')}}`;
}

export function auditHash(prev: string, e: { at: string; actorId: number | null; action: string; entityType: string; entityId: string | null; before: unknown; after: unknown }): string {
  return createHash('sha256')
    .update(prev)
    .update(canonicalJson([e.at, e.actorId, e.action, e.entityType, e.entityId, e.before ?? null, e.after ?? null]))
    .digest('hex');
}

/**
 * Writes audit events inside the caller's transaction. Each event's hash covers the previous
 * event's hash, so an edited or deleted row breaks the chain (see verifyAuditChain).
 */
export async function writeAudit(tx: DbOrTx, ctx: Ctx, inputs: AuditInput | AuditInput[]): Promise<void> {
  const list = Array.isArray(inputs) ? inputs : [inputs];
  if (list.length === 0) return;
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${AUDIT_LOCK})`);
  const last = await tx.select({ hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.id)).limit(1);
  let prev = last[0]?.hash ?? GENESIS;
  const at = ctx.clock.now().toISOString();
  const actorId = ctx.user.id || null;
  const rows = list.map((i) => {
    const entityId = i.entityId == null ? null : String(i.entityId);
    const before = i.before === undefined ? null : JSON.parse(JSON.stringify(i.before));
    const after = i.after === undefined ? null : JSON.parse(JSON.stringify(i.after));
    const hash = auditHash(prev, { at, actorId, action: i.action, entityType: i.entityType, entityId, before, after });
    const row = {
      at,
      actorId,
      actorName: ctx.user.displayName,
      action: i.action,
      entityType: i.entityType,
      entityId,
      summary: i.summary?.slice(0, 300) ?? null,
      before,
      after,
      ip: ctx.ip ?? null,
      requestId: ctx.requestId ?? null,
      prevHash: prev,
      hash,
    };
    prev = hash;
    return row;
  });
  // One JSON parameter per 1,000 events: binding thousands of parameters for a large batch
  // (an import) is several times slower, on PGlite above all.
  for (let i = 0; i < rows.length; i += 1000) {
    const json = JSON.stringify(rows.slice(i, i + 1000));
    await tx.execute(sql`
      INSERT INTO audit_events (at, actor_id, actor_name, action, entity_type, entity_id, summary, before, after, ip, request_id, prev_hash, hash)
      SELECT at, "actorId", "actorName", action, "entityType", "entityId", summary, before, after, ip, "requestId", "prevHash", hash
      FROM jsonb_to_recordset(${json}::jsonb) AS v(at timestamptz, "actorId" int, "actorName" text, action text, "entityType" text,
        "entityId" text, summary text, before jsonb, after jsonb, ip text, "requestId" text, "prevHash" text, hash text)`);
  }
}

/** Only the fields that changed, for compact before/after records. */
export function diff<T extends Record<string, unknown>>(before: T, after: Partial<T>): { before: Partial<T>; after: Partial<T> } {
  const b: Partial<T> = {};
  const a: Partial<T> = {};
  for (const k of Object.keys(after) as (keyof T)[]) {
    if (JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null)) {
      b[k] = before[k];
      a[k] = after[k];
    }
  }
  return { before: b, after: a };
}
