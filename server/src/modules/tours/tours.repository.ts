import { sql, type SQL } from 'drizzle-orm';
import { regionPrefix } from '@tiaodu/contracts';
import type { DbOrTx } from '../../db/client.js';
import type { SessionUser } from '../../core/context.js';
import { projectScope } from '../../core/scope.js';
import { toIso } from '../../core/clock.js';

/** SQL of the tours module. Which nominations a user sees is one condition: {@link nominationScope}. */

const ints = (v: unknown): number[] => (Array.isArray(v) ? v.map(Number) : String(v ?? '').replace(/[{}]/g, '').split(',').filter(Boolean).map(Number));
const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;
const intArray = (ids: readonly number[]) => `{${ids.map((n) => Math.trunc(n)).join(',')}}`;

export interface TourRow {
  id: number;
  name: string;
  date: string;
  endDate: string;
  level: string;
  organiser: string;
  round: number;
  status: 'draft' | 'open' | 'closed';
  method: 'mean' | 'trimmed' | 'borda';
  criteria: Array<{ key: string; name: string; max: number }>;
  judgeUserIds: number[];
  itinerary: Array<{ time: string; nominationId: number | null; stop: string | null }>;
  checklist: Array<{ key: string; name: string }>;
  note: string | null;
  nominationCount: number;
  createdAt: string;
  updatedAt: string;
}

function toTour(x: Record<string, unknown>): TourRow {
  return {
    id: Number(x.id),
    name: String(x.name),
    date: String(x.date),
    endDate: String(x.end_date),
    level: String(x.level),
    organiser: String(x.organiser),
    round: Number(x.round),
    status: x.status as TourRow['status'],
    method: x.method as TourRow['method'],
    criteria: json(x.criteria),
    judgeUserIds: ints(x.judge_user_ids),
    itinerary: json(x.itinerary),
    checklist: json(x.checklist),
    note: (x.note as string | null) ?? null,
    nominationCount: Number(x.nomination_count ?? 0),
    createdAt: toIso(x.created_at as string),
    updatedAt: toIso(x.updated_at as string),
  };
}

const TOUR = sql`SELECT t.*, (SELECT count(*) FROM tour_nominations n WHERE n.tour_id = t.id) AS nomination_count FROM tours t`;

export async function listTours(db: DbOrTx, status?: string): Promise<TourRow[]> {
  const r = await db.execute(sql`${TOUR} WHERE ${status ? sql`t.status = ${status}` : sql`true`} ORDER BY t.date DESC, t.id DESC`);
  return (r.rows as Record<string, unknown>[]).map(toTour);
}

export async function getTour(db: DbOrTx, id: number, lock = false): Promise<TourRow | null> {
  const r = await db.execute(lock ? sql`${TOUR} WHERE t.id = ${id} FOR UPDATE OF t` : sql`${TOUR} WHERE t.id = ${id}`);
  const row = r.rows[0] as Record<string, unknown> | undefined;
  return row ? toTour(row) : null;
}

/**
 * The nominations of a tour a user sees (alias `n`): every one for scope `all` and for the tour's
 * judges (they visit and score them all); a region user those of its region subtree; anyone else
 * those of the ledger projects in the user's project scope.
 */
export function nominationScope(user: SessionUser, isJudge: boolean): SQL {
  if (user.scopeType === 'all' || isJudge) return sql`true`;
  const own = sql`n.project_id IN (SELECT projects.id FROM projects WHERE projects.deleted_at IS NULL AND ${projectScope(user)})`;
  if (user.scopeType === 'region' && user.regionCode) return sql`(n.region_code LIKE ${regionPrefix(user.regionCode) + '%'} OR ${own})`;
  return own;
}

export interface NominationRow {
  id: number;
  tourId: number;
  regionCode: string;
  regionName: string;
  projectId: number | null;
  name: string;
  category: 'industry' | 'rural' | 'optional';
  checklist: Record<string, boolean>;
  order: number;
  note: string | null;
}

const NOMINATION = sql`SELECT n.*, r.name AS region_name FROM tour_nominations n JOIN regions r ON r.code = n.region_code`;

function toNomination(x: Record<string, unknown>): NominationRow {
  return {
    id: Number(x.id),
    tourId: Number(x.tour_id),
    regionCode: String(x.region_code),
    regionName: String(x.region_name),
    projectId: x.project_id == null ? null : Number(x.project_id),
    name: String(x.name),
    category: x.category as NominationRow['category'],
    checklist: json(x.checklist) ?? {},
    order: Number(x.sort),
    note: (x.note as string | null) ?? null,
  };
}

/** The nominations of a tour within a scope condition (all of them with `sql\`true\``), in tour order. */
export async function nominations(db: DbOrTx, tourId: number, scope: SQL): Promise<NominationRow[]> {
  const r = await db.execute(sql`${NOMINATION} WHERE n.tour_id = ${tourId} AND ${scope} ORDER BY n.sort, n.id`);
  return (r.rows as Record<string, unknown>[]).map(toNomination);
}

export async function nomination(db: DbOrTx, tourId: number, id: number, scope: SQL, lock = false): Promise<NominationRow | null> {
  const r = await db.execute(sql`${NOMINATION} WHERE n.tour_id = ${tourId} AND n.id = ${id} AND ${scope}${lock ? sql` FOR UPDATE OF n` : sql``}`);
  const row = r.rows[0] as Record<string, unknown> | undefined;
  return row ? toNomination(row) : null;
}

export async function photosOf(db: DbOrTx, nominationIds: readonly number[]) {
  if (!nominationIds.length) return [];
  const r = await db.execute(sql`SELECT id, nomination_id, name, mime, size, uploaded_at FROM tour_photos WHERE nomination_id = ANY(${intArray(nominationIds)}::int[]) ORDER BY id`);
  return (r.rows as Record<string, unknown>[]).map((x) => ({ id: Number(x.id), nominationId: Number(x.nomination_id), name: String(x.name), mime: String(x.mime), size: Number(x.size), uploadedAt: toIso(x.uploaded_at as string) }));
}

export interface SheetRow {
  id: number;
  tourId: number;
  judgeUserId: number;
  judgeName: string;
  nominationId: number | null;
  /** Exact decimal texts. */
  scores: Record<string, string> | null;
  total: string | null;
  ranking: number[] | null;
  comment: string | null;
  createdAt: string;
  updatedAt: string;
}

function toSheet(x: Record<string, unknown>): SheetRow {
  return {
    id: Number(x.id),
    tourId: Number(x.tour_id),
    judgeUserId: Number(x.judge_user_id),
    judgeName: String(x.judge_name ?? ''),
    nominationId: x.nomination_id == null ? null : Number(x.nomination_id),
    scores: x.scores == null ? null : json(x.scores),
    total: x.total == null ? null : String(x.total_text ?? x.total),
    ranking: x.ranking == null ? null : ints(x.ranking),
    comment: (x.comment as string | null) ?? null,
    createdAt: toIso(x.created_at as string),
    updatedAt: toIso(x.updated_at as string),
  };
}

const SHEET = sql`SELECT s.*, s.total::text AS total_text, u.display_name AS judge_name FROM tour_sheets s JOIN users u ON u.id = s.judge_user_id`;

/** The sheets of a tour, of one judge or of all. */
export async function sheets(db: DbOrTx, tourId: number, judgeUserId?: number): Promise<SheetRow[]> {
  const r = await db.execute(sql`${SHEET} WHERE s.tour_id = ${tourId} AND ${judgeUserId === undefined ? sql`true` : sql`s.judge_user_id = ${judgeUserId}`} ORDER BY s.judge_user_id, s.nomination_id NULLS FIRST, s.id`);
  return (r.rows as Record<string, unknown>[]).map(toSheet);
}

export async function sheet(db: DbOrTx, tourId: number, id: number): Promise<SheetRow | null> {
  const r = await db.execute(sql`${SHEET} WHERE s.tour_id = ${tourId} AND s.id = ${id}`);
  const row = r.rows[0] as Record<string, unknown> | undefined;
  return row ? toSheet(row) : null;
}

export async function sheetOf(db: DbOrTx, tourId: number, judgeUserId: number, nominationId: number | null): Promise<SheetRow | null> {
  const r = await db.execute(sql`${SHEET} WHERE s.tour_id = ${tourId} AND s.judge_user_id = ${judgeUserId} AND coalesce(s.nomination_id, 0) = ${nominationId ?? 0}`);
  const row = r.rows[0] as Record<string, unknown> | undefined;
  return row ? toSheet(row) : null;
}

export async function sheetCount(db: DbOrTx, tourId: number, judgeUserIds?: readonly number[]): Promise<number> {
  const r = await db.execute(sql`SELECT count(*) AS n FROM tour_sheets WHERE tour_id = ${tourId} AND ${judgeUserIds ? sql`judge_user_id = ANY(${intArray(judgeUserIds)}::int[])` : sql`true`}`);
  return Number((r.rows[0] as { n: number }).n);
}

export interface JudgeRow {
  id: number;
  userId: number;
  username: string;
  displayName: string;
  role: string;
  title: string | null;
  organisation: string | null;
  createdAt: string;
}

/** The judge pool (评委库), or the entries of some accounts. */
export async function judgePool(db: DbOrTx, userIds?: readonly number[]): Promise<JudgeRow[]> {
  const r = await db.execute(sql`SELECT j.id, j.user_id, u.username, u.display_name, u.role, coalesce(j.title, u.title) AS title, j.organisation, j.created_at
    FROM tour_judges j JOIN users u ON u.id = j.user_id
    WHERE ${userIds ? sql`j.user_id = ANY(${intArray(userIds)}::int[])` : sql`true`} ORDER BY j.id`);
  return (r.rows as Record<string, unknown>[]).map((x) => ({
    id: Number(x.id),
    userId: Number(x.user_id),
    username: String(x.username),
    displayName: String(x.display_name),
    role: String(x.role),
    title: (x.title as string | null) ?? null,
    organisation: (x.organisation as string | null) ?? null,
    createdAt: toIso(x.created_at as string),
  }));
}

/** Active accounts of these roles not yet in the pool. */
export async function judgeCandidates(db: DbOrTx, roles: readonly string[]) {
  const r = await db.execute(sql`SELECT u.id, u.username, u.display_name, u.role, u.title FROM users u
    WHERE u.active AND u.role = ANY(${`{${roles.join(',')}}`}::text[]) AND NOT EXISTS (SELECT 1 FROM tour_judges j WHERE j.user_id = u.id) ORDER BY u.id`);
  return (r.rows as Record<string, unknown>[]).map((x) => ({ userId: Number(x.id), username: String(x.username), displayName: String(x.display_name), role: String(x.role), title: (x.title as string | null) ?? null }));
}

export async function userById(db: DbOrTx, id: number) {
  const r = await db.execute(sql`SELECT id, username, display_name, role, active FROM users WHERE id = ${id}`);
  const x = r.rows[0] as Record<string, unknown> | undefined;
  return x ? { id: Number(x.id), username: String(x.username), displayName: String(x.display_name), role: String(x.role), active: Boolean(x.active) } : null;
}

export async function regionName(db: DbOrTx, code: string): Promise<string | null> {
  const r = await db.execute(sql`SELECT name FROM regions WHERE code = ${code}`);
  return (r.rows[0] as { name: string } | undefined)?.name ?? null;
}

/** Tours whose panel names a user (a judge in use). */
export async function toursJudgedBy(db: DbOrTx, userId: number): Promise<Array<{ id: number; name: string }>> {
  const r = await db.execute(sql`SELECT id, name FROM tours WHERE ${userId} = ANY(judge_user_ids) ORDER BY id`);
  return (r.rows as Record<string, unknown>[]).map((x) => ({ id: Number(x.id), name: String(x.name) }));
}
