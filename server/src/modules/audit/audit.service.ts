import { and, asc, desc, eq, gte, ilike, lt, or, sql, type SQL } from 'drizzle-orm';
import { toIso } from '../../core/clock.js';
import type { AuditEvent } from '@tiaodu/contracts';
import { auditEvents } from '../../db/schema.js';
import type { Ctx } from '../../core/context.js';
import { auditHash } from '../../core/audit.js';

export interface AuditQuery {
  page: number;
  pageSize: number;
  actorId?: number;
  entityType?: string;
  entityId?: string;
  action?: string;
  from?: string;
  to?: string;
  q?: string;
}

export async function listAudit(ctx: Ctx, q: AuditQuery): Promise<{ items: AuditEvent[]; total: number }> {
  const conds: SQL[] = [];
  if (q.actorId) conds.push(eq(auditEvents.actorId, q.actorId));
  if (q.entityType) conds.push(eq(auditEvents.entityType, q.entityType));
  if (q.entityId) conds.push(eq(auditEvents.entityId, q.entityId));
  if (q.action) conds.push(eq(auditEvents.action, q.action));
  // Dates are China dates: [from 00:00, to+1 00:00) in UTC+8.
  if (q.from) conds.push(gte(auditEvents.at, `${q.from}T00:00:00+08:00`));
  if (q.to) conds.push(lt(auditEvents.at, sql`(${q.to}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'`));
  if (q.q) conds.push(or(ilike(auditEvents.summary, `%${q.q}%`), ilike(auditEvents.actorName, `%${q.q}%`))!);
  const where = conds.length ? and(...conds) : undefined;
  const [rows, [count]] = await Promise.all([
    ctx.db.select().from(auditEvents).where(where).orderBy(desc(auditEvents.id)).limit(q.pageSize).offset((q.page - 1) * q.pageSize),
    ctx.db.select({ n: sql<number>`count(*)` }).from(auditEvents).where(where),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      at: toIso(r.at),
      actorId: r.actorId,
      actorName: r.actorName,
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      summary: r.summary,
      before: r.before,
      after: r.after,
      ip: r.ip,
      hash: r.hash,
    })),
    total: Number(count?.n ?? 0),
  };
}

/** Walks the hash chain; returns the first broken event id, or null when intact. */
export async function verifyAuditChain(ctx: Ctx): Promise<{ ok: boolean; checked: number; brokenAt: number | null }> {
  let prev = '0'.repeat(64);
  let lastId = 0;
  let checked = 0;
  for (;;) {
    const rows = await ctx.db.select().from(auditEvents).where(sql`${auditEvents.id} > ${lastId}`).orderBy(asc(auditEvents.id)).limit(2000);
    if (rows.length === 0) break;
    for (const r of rows) {
      const at = toIso(r.at);
      const h = auditHash(prev, { at, actorId: r.actorId, action: r.action, entityType: r.entityType, entityId: r.entityId, before: r.before, after: r.after });
      if (r.prevHash !== prev || r.hash !== h) return { ok: false, checked, brokenAt: r.id };
      prev = r.hash;
      lastId = r.id;
      checked++;
    }
  }
  return { ok: true, checked, brokenAt: null };
}
