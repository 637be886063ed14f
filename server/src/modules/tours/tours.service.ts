/**
 * 现场观摩评比: tours, nominations with checklist and photos, the judge pool, score sheets and
 * results. Scoring rules are the pure functions of domain/judging.ts; who sees which nomination is
 * one SQL condition (tours.repository.ts nominationScope).
 *
 * Rules of the use cases:
 * - a tour goes draft → open → closed (a closed tour may be opened again; an open one goes back to
 *   draft only while no sheet is in). Projects are nominated and withdrawn while it is draft;
 *   the method and the criteria change only while no sheet is in; a judge with sheets stays on the panel.
 * - a judge scores while the tour is open and today (China date) lies in [date, endDate]; one
 *   sheet per judge and nomination (one ranking per judge for borda): a second POST is 409, a
 *   correction is a PATCH of the judge's own sheet, within the same window.
 * - results: tour:manage sees them at any time; everyone else once the tour is closed, and only
 *   the rows of the nominations they see.
 */
import { sql } from 'drizzle-orm';
import {
  can,
  regionPrefix,
  TourInputSchema,
  type Nomination,
  type NominationInput,
  type NominationPatch,
  type ScoreInput,
  type ScorePatch,
  type ScoreSheet,
  type Tour,
  type TourDetail,
  type TourInput,
  type TourJudge,
  type TourJudgeInput,
  type TourPatch,
  type TourResults,
} from '@tiaodu/contracts';
import type { DbOrTx } from '../../db/client.js';
import type { Ctx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { writeAudit, type AuditInput } from '../../core/audit.js';
import { chinaToday } from '../../core/clock.js';
import { inTransaction } from '../../core/events.js';
import { dec, fixedQ, roundQ, type Q } from '../../core/exact.js';
import { regionInScope } from '../../core/scope.js';
import { uploadsStorage } from '../../lib/storage/storage.js';
import { storeUploads, type Upload } from '../../core/uploads.js';
import { getProject } from '../projects/projects.service.js';
import { tourJudges, tourNominations, tourPhotos, tours, tourSheets } from './tours.schema.js';
import { aggregate, checkRanking, checkSheet, fullMarks, type NominationOut } from './domain/judging.js';
import * as repo from './tours.repository.js';

const today = (ctx: Ctx) => chinaToday(ctx.clock.now());
const num = (x: Q | null) => (x === null ? null : roundQ(x, 2));
/** Every change of the module is audited in its transaction (actions tour.* in contracts AUDIT_ACTIONS). */
const audit = (tx: DbOrTx, ctx: Ctx, e: AuditInput) => writeAudit(tx, ctx, e);
const ROLES_THAT_SCORE = ['admin', 'dispatcher', 'region', 'unit', 'department', 'leader', 'supervisor', 'promotion'].filter((r) => can(r as never, 'tour:score'));

// ------------------------------------------------------------------ tours

async function tourOr404(db: DbOrTx, id: number, lock = false): Promise<repo.TourRow> {
  const t = await repo.getTour(db, id, lock);
  if (!t) throw new AppError('NOT_FOUND', '观摩评比不存在');
  return t;
}

/** Why scoring is not possible today, or null when it is. */
function scoringNote(t: repo.TourRow, day: string): string | null {
  if (t.status === 'draft') return '观摩尚在筹备，评分未开始';
  if (t.status === 'closed') return '观摩评比已结束，评分已关闭';
  if (day < t.date) return `评分自观摩当日（${t.date}）开始`;
  if (day > t.endDate) return `评分已于 ${t.endDate} 截止`;
  return null;
}

async function toTour(db: DbOrTx, ctx: Ctx, t: repo.TourRow, visible?: repo.NominationRow[]): Promise<Tour> {
  const pool = new Map((await repo.judgePool(db, t.judgeUserIds)).map((j) => [j.userId, j]));
  const names = await judgeNames(db, t.judgeUserIds.filter((id) => !pool.has(id)));
  const isJudge = t.judgeUserIds.includes(ctx.user.id);
  const seen = new Map((visible ?? (await repo.nominations(db, t.id, repo.nominationScope(ctx.user, isJudge)))).map((n) => [n.id, n]));
  const note = scoringNote(t, today(ctx));
  return {
    id: t.id,
    name: t.name,
    date: t.date,
    endDate: t.endDate,
    level: t.level,
    organiser: t.organiser,
    round: t.round,
    status: t.status,
    method: t.method,
    criteria: t.criteria,
    criteriaMax: roundQ(fullMarks(t.criteria), 2),
    judges: t.judgeUserIds.map((id) => {
      const j = pool.get(id);
      return { userId: id, name: j?.displayName ?? names.get(id) ?? '', title: j?.title ?? null, organisation: j?.organisation ?? null };
    }),
    itinerary: t.itinerary.map((s) => ({ time: s.time ?? '', nominationId: s.nominationId ?? null, stop: s.stop ?? null, label: s.nominationId ? (seen.get(s.nominationId)?.name ?? '观摩点') : (s.stop ?? '') })),
    checklist: t.checklist,
    note: t.note,
    nominationCount: t.nominationCount,
    scoringOpen: note === null,
    scoringNote: note,
    abilities: {
      manage: can(ctx.user.role, 'tour:manage'),
      nominate: can(ctx.user.role, 'tour:nominate') && t.status === 'draft',
      judge: isJudge,
      score: isJudge && note === null && can(ctx.user.role, 'tour:score'),
    },
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
  };
}

async function judgeNames(db: DbOrTx, ids: number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const r = await db.execute(sql`SELECT id, display_name FROM users WHERE id = ANY(${`{${ids.join(',')}}`}::int[])`);
  return new Map((r.rows as Array<{ id: number; display_name: string }>).map((x) => [Number(x.id), String(x.display_name)]));
}

export async function listTours(ctx: Ctx, q: { status?: string }): Promise<Tour[]> {
  const list = await repo.listTours(ctx.db, q.status);
  const out: Tour[] = [];
  for (const t of list) out.push(await toTour(ctx.db, ctx, t));
  return out;
}

export async function getTour(ctx: Ctx, id: number, db: DbOrTx = ctx.db): Promise<TourDetail> {
  const t = await tourOr404(db, id);
  const isJudge = t.judgeUserIds.includes(ctx.user.id);
  const noms = await repo.nominations(db, id, repo.nominationScope(ctx.user, isJudge));
  return { ...(await toTour(db, ctx, t, noms)), nominations: await toNominations(db, ctx, t, noms) };
}

async function toNominations(db: DbOrTx, ctx: Ctx, t: repo.TourRow, noms: repo.NominationRow[]): Promise<Nomination[]> {
  const photos = await repo.photosOf(db, noms.map((n) => n.id));
  const mine = t.judgeUserIds.includes(ctx.user.id) ? await repo.sheets(db, t.id, ctx.user.id) : [];
  const ranked = mine.some((s) => s.ranking);
  return noms.map((n) => ({
    id: n.id,
    tourId: n.tourId,
    regionCode: n.regionCode,
    regionName: n.regionName,
    projectId: n.projectId,
    name: n.name,
    category: n.category,
    checklist: n.checklist,
    ready: t.checklist.every((c) => n.checklist[c.key] === true),
    photos: photos.filter((p) => p.nominationId === n.id).map(({ nominationId: _n, ...p }) => p),
    order: n.order,
    note: n.note,
    canEdit: t.status !== 'closed' && can(ctx.user.role, 'tour:nominate') && regionInScope(ctx.user, n.regionCode),
    scoredByMe: ranked || mine.some((s) => s.nominationId === n.id),
  }));
}

function checkDates(date: string, endDate: string): void {
  if (endDate < date) throw new AppError('VALIDATION', '评分截止日期不能早于观摩日期', [{ path: 'endDate', message: '不能早于观摩日期' }]);
}

/** Every judge must be in the pool and hold tour:score. */
async function checkJudges(db: DbOrTx, ids: readonly number[]): Promise<void> {
  const unique = [...new Set(ids)];
  if (unique.length !== ids.length) throw new AppError('VALIDATION', '评委重复', [{ path: 'judges', message: '评委重复' }]);
  const pool = new Map((await repo.judgePool(db, unique)).map((j) => [j.userId, j]));
  for (const [i, id] of unique.entries()) {
    const j = pool.get(id);
    if (!j) throw new AppError('VALIDATION', '评委须从评委库中选择', [{ path: `judges.${i}`, message: '不在评委库中' }]);
    if (!can(j.role as never, 'tour:score')) throw new AppError('VALIDATION', `「${j.displayName}」的角色不能评分`, [{ path: `judges.${i}`, message: '该账号的角色不能评分' }]);
  }
}

export async function createTour(ctx: Ctx, input: TourInput): Promise<TourDetail> {
  const v = TourInputSchema.parse(input);
  const endDate = v.endDate ?? v.date;
  checkDates(v.date, endDate);
  if (v.itinerary.some((s) => s.nominationId)) throw new AppError('VALIDATION', '新建时还没有推荐项目，行程只能填写地点', [{ path: 'itinerary', message: '行程中的项目须在推荐后选择' }]);
  return inTransaction(ctx, async (tx) => {
    await checkJudges(tx, v.judges);
    const now = ctx.clock.now().toISOString();
    const [row] = await tx
      .insert(tours)
      .values({ name: v.name, date: v.date, endDate, level: v.level, organiser: v.organiser, round: v.round, status: 'draft', method: v.method, criteria: v.criteria, judgeUserIds: v.judges, itinerary: v.itinerary, checklist: v.checklist, note: v.note ?? null, createdBy: ctx.user.id || null, createdAt: now, updatedAt: now })
      .returning({ id: tours.id });
    await audit(tx, ctx, { action: 'tour.create', entityType: 'tour', entityId: row!.id, summary: v.name, after: { ...v, endDate } });
    return getTour(ctx, row!.id, tx);
  });
}

const NEXT: Record<string, string[]> = { draft: ['open'], open: ['closed', 'draft'], closed: ['open'] };

export async function updateTour(ctx: Ctx, id: number, patch: TourPatch): Promise<TourDetail> {
  return inTransaction(ctx, async (tx) => {
    const t = await tourOr404(tx, id, true);
    const sheetsIn = await repo.sheetCount(tx, id);
    const date = patch.date ?? t.date;
    const endDate = patch.endDate === null ? date : (patch.endDate ?? (patch.date && t.endDate === t.date ? date : t.endDate));
    checkDates(date, endDate);
    if (sheetsIn && patch.method && patch.method !== t.method) throw new AppError('CONFLICT', '评委已开始评分，不能再改变计分方法', [{ path: 'method', message: '已有评分' }]);
    if (sheetsIn && patch.criteria && JSON.stringify(patch.criteria) !== JSON.stringify(t.criteria)) throw new AppError('CONFLICT', '评委已开始评分，不能再修改评分项', [{ path: 'criteria', message: '已有评分' }]);
    if (patch.judges) {
      await checkJudges(tx, patch.judges);
      const removed = t.judgeUserIds.filter((u) => !patch.judges!.includes(u));
      if (removed.length && (await repo.sheetCount(tx, id, removed))) throw new AppError('CONFLICT', '已评分的评委不能移出评委组', [{ path: 'judges', message: '已评分的评委不能移出' }]);
    }
    if (patch.itinerary) {
      const ids = new Set((await repo.nominations(tx, id, sql`true`)).map((n) => n.id));
      patch.itinerary.forEach((s, i) => {
        if (s.nominationId && !ids.has(s.nominationId)) throw new AppError('VALIDATION', `行程第${i + 1}站的项目不属于本次观摩`, [{ path: `itinerary.${i}.nominationId`, message: '不属于本次观摩' }]);
      });
    }
    if (patch.status && patch.status !== t.status) {
      if (!NEXT[t.status]!.includes(patch.status)) throw new AppError('CONFLICT', '观摩评比不能从「已结束」回到「筹备中」', [{ path: 'status', message: '状态变更不允许' }]);
      if (patch.status === 'draft' && sheetsIn) throw new AppError('CONFLICT', '评委已开始评分，不能退回筹备', [{ path: 'status', message: '已有评分' }]);
      if (patch.status === 'open') {
        const judges = patch.judges ?? t.judgeUserIds;
        if (!judges.length) throw new AppError('VALIDATION', '请先选定评委再开始评分', [{ path: 'judges', message: '请选择评委' }]);
        if (!t.nominationCount) throw new AppError('VALIDATION', '还没有推荐项目，不能开始评分', [{ path: 'status', message: '没有推荐项目' }]);
      }
    }
    const now = ctx.clock.now().toISOString();
    const set: Record<string, unknown> = { updatedAt: now, endDate };
    for (const k of ['name', 'date', 'level', 'organiser', 'round', 'method', 'criteria', 'itinerary', 'checklist', 'note', 'status'] as const) if (patch[k] !== undefined) set[k] = patch[k];
    if (patch.judges) set.judgeUserIds = patch.judges;
    if (patch.status === 'closed' && t.status !== 'closed') set.closedAt = now;
    if (patch.status === 'open') set.closedAt = null;
    await tx.update(tours).set(set).where(sql`${tours.id} = ${id}`);
    const { nominationCount: _n, createdAt: _c, updatedAt: _u, ...before } = t;
    await audit(tx, ctx, { action: 'tour.update', entityType: 'tour', entityId: id, summary: patch.status && patch.status !== t.status ? `${t.name}：${STATUS_ZH[t.status]} → ${STATUS_ZH[patch.status]}` : t.name, before, after: patch });
    return getTour(ctx, id, tx);
  });
}
const STATUS_ZH = { draft: '筹备中', open: '评分中', closed: '已结束' } as const;

// ------------------------------------------------------------------ nominations

export async function listNominations(ctx: Ctx, tourId: number): Promise<Nomination[]> {
  return (await getTour(ctx, tourId)).nominations;
}

/** Nominates a project for a draft tour: a region user only within its own region subtree. */
export async function nominate(ctx: Ctx, tourId: number, input: NominationInput): Promise<Nomination> {
  if (!regionInScope(ctx.user, input.regionCode)) throw new AppError('FORBIDDEN', '只能推荐本辖区的项目', [{ path: 'regionCode', message: '不在您的管辖范围内' }]);
  const regionName = await repo.regionName(ctx.db, input.regionCode);
  if (!regionName) throw new AppError('VALIDATION', '推荐单位不存在', [{ path: 'regionCode', message: '区域不存在' }]);
  let name = input.name?.trim() ?? '';
  if (input.projectId) {
    const p = await getProject(ctx, input.projectId).catch((e: unknown) => {
      if (e instanceof AppError && e.code === 'NOT_FOUND') throw new AppError('VALIDATION', '项目不存在或不在您的管辖范围内', [{ path: 'projectId', message: '项目不存在或无权查看' }]);
      throw e;
    });
    if (!p.regionCode.startsWith(regionPrefix(input.regionCode))) throw new AppError('VALIDATION', `项目「${p.name}」不属于${regionName}`, [{ path: 'projectId', message: '项目不属于推荐单位' }]);
    name ||= p.name;
  }
  if (name.length < 2) throw new AppError('VALIDATION', '请选择台账项目或填写项目名称', [{ path: 'name', message: '项目名称至少2个字' }]);
  return inTransaction(ctx, async (tx) => {
    const t = await tourOr404(tx, tourId, true);
    if (t.status !== 'draft') throw new AppError('CONFLICT', '观摩已开始评分，不能再推荐项目');
    const keys = new Set(t.checklist.map((c) => c.key));
    const checklist = Object.fromEntries(Object.entries(input.checklist ?? {}).filter(([k]) => keys.has(k)));
    if (input.projectId) {
      const dup = await tx.execute(sql`SELECT 1 FROM tour_nominations WHERE tour_id = ${tourId} AND project_id = ${input.projectId}`);
      if (dup.rows.length) throw new AppError('DUPLICATE', '该项目已被推荐', [{ path: 'projectId', message: '已推荐' }]);
    }
    const now = ctx.clock.now().toISOString();
    const [row] = await tx
      .insert(tourNominations)
      .values({ tourId, regionCode: input.regionCode, projectId: input.projectId ?? null, name, category: input.category ?? 'industry', checklist, sort: input.order ?? t.nominationCount + 1, note: input.note ?? null, createdBy: ctx.user.id || null, createdAt: now, updatedAt: now })
      .returning({ id: tourNominations.id });
    await audit(tx, ctx, { action: 'tour.nominate', entityType: 'tour', entityId: tourId, summary: `${t.name}：${regionName} 推荐「${name}」`, after: { nominationId: row!.id, ...input, name } });
    return nominationOf(tx, ctx, t, row!.id);
  });
}

async function nominationOf(db: DbOrTx, ctx: Ctx, t: repo.TourRow, nid: number): Promise<Nomination> {
  const n = await repo.nomination(db, t.id, nid, repo.nominationScope(ctx.user, t.judgeUserIds.includes(ctx.user.id)));
  if (!n) throw new AppError('NOT_FOUND');
  return (await toNominations(db, ctx, t, [n]))[0]!;
}

/** The condition of the nominations a user may change: those of its region subtree. */
const editScope = (ctx: Ctx) => (ctx.user.scopeType === 'all' ? sql`true` : ctx.user.scopeType === 'region' && ctx.user.regionCode ? sql`n.region_code LIKE ${regionPrefix(ctx.user.regionCode) + '%'}` : sql`false`);

async function editable(tx: DbOrTx, ctx: Ctx, tourId: number, nid: number) {
  const t = await tourOr404(tx, tourId, true);
  const n = await repo.nomination(tx, tourId, nid, editScope(ctx), true);
  if (!n) throw new AppError('NOT_FOUND', '推荐项目不存在或不在您的管辖范围内');
  if (t.status === 'closed') throw new AppError('CONFLICT', '观摩评比已结束，不能再修改');
  return { t, n };
}

export async function updateNomination(ctx: Ctx, tourId: number, nid: number, patch: NominationPatch): Promise<Nomination> {
  return inTransaction(ctx, async (tx) => {
    const { t, n } = await editable(tx, ctx, tourId, nid);
    const set: Record<string, unknown> = { updatedAt: ctx.clock.now().toISOString() };
    if (patch.name !== undefined) set.name = patch.name;
    if (patch.category !== undefined) set.category = patch.category;
    if (patch.order !== undefined) set.sort = patch.order;
    if (patch.note !== undefined) set.note = patch.note;
    if (patch.checklist !== undefined) {
      const keys = new Set(t.checklist.map((c) => c.key));
      const bad = Object.keys(patch.checklist).find((k) => !keys.has(k));
      if (bad) throw new AppError('VALIDATION', `没有检查项「${bad}」`, [{ path: `checklist.${bad}`, message: '没有该检查项' }]);
      set.checklist = { ...n.checklist, ...patch.checklist };
    }
    await tx.update(tourNominations).set(set).where(sql`${tourNominations.id} = ${nid}`);
    await audit(tx, ctx, { action: 'tour.nomination', entityType: 'tour', entityId: tourId, summary: `${t.name}：修改「${n.name}」`, before: n, after: patch });
    return nominationOf(tx, ctx, t, nid);
  });
}

export async function deleteNomination(ctx: Ctx, tourId: number, nid: number): Promise<void> {
  const keys: string[] = [];
  await inTransaction(ctx, async (tx) => {
    const { t, n } = await editable(tx, ctx, tourId, nid);
    if (t.status !== 'draft') throw new AppError('CONFLICT', '观摩已开始评分，不能撤回推荐项目');
    const photos = await tx.execute(sql`DELETE FROM tour_photos WHERE nomination_id = ${nid} RETURNING storage_key`);
    keys.push(...(photos.rows as Array<{ storage_key: string }>).map((p) => p.storage_key));
    await tx.execute(sql`DELETE FROM tour_nominations WHERE id = ${nid}`);
    const itinerary = t.itinerary.filter((s) => s.nominationId !== nid);
    if (itinerary.length !== t.itinerary.length) await tx.update(tours).set({ itinerary }).where(sql`${tours.id} = ${tourId}`);
    await audit(tx, ctx, { action: 'tour.nomination', entityType: 'tour', entityId: tourId, summary: `${t.name}：撤回「${n.name}」`, before: n });
  });
  const store = uploadsStorage(ctx.config.dataDir);
  for (const k of keys) await store.remove(k).catch(() => undefined);
}

export const PHOTO_MAX_BYTES = 20 * 1024 * 1024;
export const PHOTO_MAX_FILES = 9;

/** Adds photos (JPEG, PNG or WebP, checked by content) to a nomination of the user's region subtree. */
export async function addPhotos(ctx: Ctx, tourId: number, nid: number, files: Upload[]): Promise<Nomination> {
  return storeUploads(ctx.config.dataDir, files, { folder: `tours/${tourId}/${nid}`, kind: 'image' }, (stored) =>
    inTransaction(ctx, async (tx) => {
      const { t, n } = await editable(tx, ctx, tourId, nid);
      const count = await tx.execute(sql`SELECT count(*) AS n FROM tour_photos WHERE nomination_id = ${nid}`);
      if (Number((count.rows[0] as { n: number }).n) + files.length > PHOTO_MAX_FILES) throw new AppError('VALIDATION', `每个项目最多${PHOTO_MAX_FILES}张照片`, [{ path: 'file', message: `最多${PHOTO_MAX_FILES}张` }]);
      const now = ctx.clock.now().toISOString();
      await tx.insert(tourPhotos).values(stored.map((f) => ({ nominationId: nid, ...f, uploadedBy: ctx.user.id || null, uploadedAt: now })));
      await audit(tx, ctx, { action: 'tour.photo', entityType: 'tour', entityId: tourId, summary: `${t.name}「${n.name}」上传照片：${files.map((f) => f.filename).join('、')}` });
      return nominationOf(tx, ctx, t, nid);
    }),
  );
}

export async function readPhoto(ctx: Ctx, tourId: number, nid: number, photoId: number) {
  const t = await tourOr404(ctx.db, tourId);
  const n = await repo.nomination(ctx.db, tourId, nid, repo.nominationScope(ctx.user, t.judgeUserIds.includes(ctx.user.id)));
  if (!n) throw new AppError('NOT_FOUND');
  const r = await ctx.db.execute(sql`SELECT name, mime, storage_key FROM tour_photos WHERE id = ${photoId} AND nomination_id = ${nid}`);
  const f = r.rows[0] as { name: string; mime: string; storage_key: string } | undefined;
  if (!f) throw new AppError('NOT_FOUND');
  const s = await uploadsStorage(ctx.config.dataDir).read(f.storage_key);
  return { name: f.name, mime: f.mime, size: s.size, stream: s.stream };
}

export async function deletePhoto(ctx: Ctx, tourId: number, nid: number, photoId: number): Promise<Nomination> {
  let key: string | null = null;
  const out = await inTransaction(ctx, async (tx) => {
    const { t, n } = await editable(tx, ctx, tourId, nid);
    const r = await tx.execute(sql`DELETE FROM tour_photos WHERE id = ${photoId} AND nomination_id = ${nid} RETURNING storage_key, name`);
    const f = r.rows[0] as { storage_key: string; name: string } | undefined;
    if (!f) throw new AppError('NOT_FOUND');
    key = f.storage_key;
    await audit(tx, ctx, { action: 'tour.photo', entityType: 'tour', entityId: tourId, summary: `${t.name}「${n.name}」删除照片：${f.name}` });
    return nominationOf(tx, ctx, t, nid);
  });
  if (key) await uploadsStorage(ctx.config.dataDir).remove(key).catch(() => undefined);
  return out;
}

// ------------------------------------------------------------------ score sheets

function toSheet(s: repo.SheetRow): ScoreSheet {
  return {
    id: s.id,
    tourId: s.tourId,
    judgeUserId: s.judgeUserId,
    judgeName: s.judgeName,
    nominationId: s.nominationId,
    scores: s.scores ? Object.fromEntries(Object.entries(s.scores).map(([k, v]) => [k, Number(v)])) : null,
    total: s.total === null ? null : Number(s.total),
    ranking: s.ranking,
    comment: s.comment,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
  };
}

/** The caller's own sheets; every sheet for tour:manage. */
export async function listSheets(ctx: Ctx, tourId: number): Promise<ScoreSheet[]> {
  await tourOr404(ctx.db, tourId);
  const all = can(ctx.user.role, 'tour:manage');
  return (await repo.sheets(ctx.db, tourId, all ? undefined : ctx.user.id)).map(toSheet);
}

/** The judge and window checks of scoring: 403 off the panel, 409 outside the window. */
function assertMayScore(ctx: Ctx, t: repo.TourRow): void {
  if (!t.judgeUserIds.includes(ctx.user.id)) throw new AppError('FORBIDDEN', '您不是本次观摩的评委，不能评分');
  const note = scoringNote(t, today(ctx));
  if (note) throw new AppError('CONFLICT', note);
}

/** What a sheet holds, checked against the tour: scores of one nomination, or a full ranking for borda. */
async function sheetValues(tx: DbOrTx, t: repo.TourRow, input: ScorePatch & { nominationId?: number }, nominationId: number | null) {
  if (t.method === 'borda') {
    if (!input.ranking) throw new AppError('VALIDATION', '本次观摩按名次投票计分，请提交全部项目的排序', [{ path: 'ranking', message: '请排出名次' }]);
    const ids = (await repo.nominations(tx, t.id, sql`true`)).map((n) => n.id);
    const issue = checkRanking(ids, input.ranking);
    if (issue) throw new AppError('VALIDATION', issue.message, [issue]);
    return { scores: null, total: null, ranking: input.ranking };
  }
  if (!nominationId) throw new AppError('VALIDATION', '请选择评分的项目', [{ path: 'nominationId', message: '请选择项目' }]);
  if (!input.scores) throw new AppError('VALIDATION', '请填写各评分项的分数', [{ path: 'scores', message: '请打分' }]);
  const n = await repo.nomination(tx, t.id, nominationId, sql`true`);
  if (!n) throw new AppError('VALIDATION', '项目不属于本次观摩', [{ path: 'nominationId', message: '项目不属于本次观摩' }]);
  const s = checkSheet(t.criteria, input.scores);
  if (s.issues.length) throw new AppError('VALIDATION', s.issues[0]!.message, s.issues);
  return { scores: Object.fromEntries(Object.entries(s.scores).map(([k, v]) => [k, fixedQ(v, 2).replace(/\.?0+$/, '')])), total: fixedQ(s.total, 2), ranking: null };
}

/** A judge's sheet for one nomination (or the judge's ranking): once; a second one is 409. */
export async function submitSheet(ctx: Ctx, tourId: number, input: ScoreInput): Promise<ScoreSheet> {
  return inTransaction(ctx, async (tx) => {
    const t = await tourOr404(tx, tourId, true);
    assertMayScore(ctx, t);
    const nominationId = t.method === 'borda' ? null : (input.nominationId ?? null);
    const v = await sheetValues(tx, t, input, nominationId);
    const existing = await repo.sheetOf(tx, tourId, ctx.user.id, nominationId);
    if (existing)
      throw new AppError('DUPLICATE', t.method === 'borda' ? '您已提交过排序，如需更正请修改原排序' : '您已为该项目评分，不能重复评分；如需更正请修改原评分表', [{ path: t.method === 'borda' ? 'ranking' : 'nominationId', message: '已评分' }]);
    const now = ctx.clock.now().toISOString();
    const [row] = await tx
      .insert(tourSheets)
      .values({ tourId, judgeUserId: ctx.user.id, nominationId, scores: v.scores, total: v.total, ranking: v.ranking, comment: input.comment ?? null, createdAt: now, updatedAt: now })
      .returning({ id: tourSheets.id });
    await audit(tx, ctx, { action: 'tour.score', entityType: 'tour', entityId: tourId, summary: `${t.name}：${ctx.user.displayName} ${v.ranking ? '提交排序' : `评分 ${v.total}`}`, after: { sheetId: row!.id, nominationId, ...v } });
    return toSheet((await repo.sheet(tx, tourId, row!.id))!);
  });
}

/** A judge corrects an own sheet while the tour is open and within its window. */
export async function correctSheet(ctx: Ctx, tourId: number, sheetId: number, patch: ScorePatch): Promise<ScoreSheet> {
  return inTransaction(ctx, async (tx) => {
    const t = await tourOr404(tx, tourId, true);
    const s = await repo.sheet(tx, tourId, sheetId);
    if (!s || s.judgeUserId !== ctx.user.id) throw new AppError('NOT_FOUND', '评分表不存在');
    assertMayScore(ctx, t);
    const v = await sheetValues(tx, t, { ...patch, ranking: patch.ranking ?? s.ranking ?? undefined, scores: patch.scores ?? (s.scores ? Object.fromEntries(Object.entries(s.scores).map(([k, x]) => [k, Number(x)])) : undefined) }, s.nominationId);
    await tx
      .update(tourSheets)
      .set({ scores: v.scores, total: v.total, ranking: v.ranking, comment: patch.comment !== undefined ? patch.comment : s.comment, updatedAt: ctx.clock.now().toISOString() })
      .where(sql`${tourSheets.id} = ${sheetId}`);
    await audit(tx, ctx, { action: 'tour.score', entityType: 'tour', entityId: tourId, summary: `${t.name}：${ctx.user.displayName} 更正评分`, before: { scores: s.scores, total: s.total, ranking: s.ranking }, after: v });
    return toSheet((await repo.sheet(tx, tourId, sheetId))!);
  });
}

// ------------------------------------------------------------------ results

async function computeResults(db: DbOrTx, t: repo.TourRow) {
  const noms = await repo.nominations(db, t.id, sql`true`);
  const all = (await repo.sheets(db, t.id)).filter((s) => t.judgeUserIds.includes(s.judgeUserId));
  const out = aggregate({
    method: t.method,
    criteria: t.criteria,
    nominations: noms,
    sheets: all.filter((s) => s.nominationId !== null && s.total !== null).map((s) => ({ judgeUserId: s.judgeUserId, nominationId: s.nominationId!, total: dec(s.total!) })),
    rankings: all.filter((s) => s.ranking).map((s) => ({ judgeUserId: s.judgeUserId, ranking: s.ranking! })),
  });
  return { noms, out };
}

export async function results(ctx: Ctx, tourId: number): Promise<TourResults> {
  const t = await tourOr404(ctx.db, tourId);
  const manage = can(ctx.user.role, 'tour:manage');
  const base = { tourId, status: t.status, method: t.method, criteriaMax: roundQ(fullMarks(t.criteria), 2), panel: t.judgeUserIds.length };
  if (!manage && t.status !== 'closed') return { ...base, visible: false, nominations: [], regions: [], notes: ['观摩评比结束后公布结果'] };
  const isJudge = t.judgeUserIds.includes(ctx.user.id);
  const seen = new Set((await repo.nominations(ctx.db, tourId, repo.nominationScope(ctx.user, isJudge))).map((n) => n.id));
  const { noms, out } = await computeResults(ctx.db, t);
  const byId = new Map(noms.map((n) => [n.id, n]));
  const notes: string[] = [];
  if (t.method === 'borda') notes.push('按名次投票折算：第1名100分，每后一名减3分，得分 = Σ各名次票数 × 该名次分值 ÷ 该项目票数');
  if (t.method === 'trimmed') notes.push('去掉一个最高分和一个最低分后取平均；评委不足3人的项目按平均分计');
  if (t.method === 'mean') notes.push('各评委总分的平均分');
  notes.push('排名按显示的得分（保留两位小数，四舍五入）排列，得分相同者名次并列，其后名次顺延');
  const rowNote = (o: NominationOut): string | null => {
    if (!o.judges) return '尚无评分';
    if (t.method === 'trimmed' && !o.trimmed) return `评委不足3人（${o.judges}人），按平均分计`;
    return null;
  };
  const rows = out.nominations
    .filter((o) => seen.has(o.id))
    .map((o) => {
      const n = byId.get(o.id)!;
      return { nominationId: o.id, name: n.name, regionCode: n.regionCode, regionName: n.regionName, category: n.category, judges: o.judges, mean: num(o.mean), trimmedMean: num(o.trimmedMean), trimmed: o.trimmed, borda: num(o.borda), score: num(o.score), score100: num(o.score100), rank: o.rank, note: rowNote(o) };
    })
    .sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9) || a.nominationId - b.nominationId);
  const allRegions = ctx.user.scopeType === 'all' || isJudge;
  const ownRegion = (code: string) => ctx.user.scopeType === 'region' && ctx.user.regionCode && code.startsWith(regionPrefix(ctx.user.regionCode));
  const seenRegions = new Set(rows.map((r) => r.regionCode));
  const regions = out.regions
    .filter((g) => allRegions || ownRegion(g.regionCode) || seenRegions.has(g.regionCode))
    .map((g) => ({ regionCode: g.regionCode, regionName: noms.find((n) => n.regionCode === g.regionCode)!.regionName, nominations: g.nominations, score: num(g.score), score100: num(g.score100), rank: g.rank }))
    .sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9) || a.regionCode.localeCompare(b.regionCode));
  return { ...base, visible: true, nominations: rows, regions, notes };
}

/** The tour's score (of 100, exact) and rank of every region that nominated, for a judged competition item. */
export async function tourUnitScores(ctx: Ctx, tourId: number): Promise<{ id: number; name: string; date: string; status: 'draft' | 'open' | 'closed'; units: Map<string /* `region:${code}` */, { score: Q | null; rank: number | null; judges: number }> } | null> {
  const t = await repo.getTour(ctx.db, tourId);
  if (!t) return null;
  const { out } = await computeResults(ctx.db, t);
  const units = new Map<string, { score: Q | null; rank: number | null; judges: number }>();
  for (const g of out.regions) units.set(`region:${g.regionCode}`, { score: g.score100, rank: g.rank, judges: g.judges });
  return { id: t.id, name: t.name, date: t.date, status: t.status, units };
}

// ------------------------------------------------------------------ judge pool

export async function listJudges(ctx: Ctx): Promise<TourJudge[]> {
  return repo.judgePool(ctx.db);
}

export async function judgeCandidates(ctx: Ctx) {
  return repo.judgeCandidates(ctx.db, ROLES_THAT_SCORE);
}

export async function addJudge(ctx: Ctx, input: TourJudgeInput): Promise<TourJudge> {
  const u = await repo.userById(ctx.db, input.userId);
  if (!u || !u.active) throw new AppError('VALIDATION', '账号不存在或已停用', [{ path: 'userId', message: '账号不存在或已停用' }]);
  if (!can(u.role as never, 'tour:score')) throw new AppError('VALIDATION', `「${u.displayName}」的角色不能评分`, [{ path: 'userId', message: '该账号的角色不能评分' }]);
  return inTransaction(ctx, async (tx) => {
    const dup = await tx.execute(sql`SELECT 1 FROM tour_judges WHERE user_id = ${input.userId}`);
    if (dup.rows.length) throw new AppError('DUPLICATE', `「${u.displayName}」已在评委库中`, [{ path: 'userId', message: '已在评委库中' }]);
    const [row] = await tx.insert(tourJudges).values({ userId: input.userId, title: input.title ?? null, organisation: input.organisation ?? null, createdAt: ctx.clock.now().toISOString() }).returning({ id: tourJudges.id });
    await audit(tx, ctx, { action: 'tour.judge', entityType: 'tour_judge', entityId: row!.id, summary: `评委库加入 ${u.displayName}`, after: input });
    return (await repo.judgePool(tx, [input.userId]))[0]!;
  });
}

export async function removeJudge(ctx: Ctx, id: number): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const r = await tx.execute(sql`SELECT user_id FROM tour_judges WHERE id = ${id}`);
    const row = r.rows[0] as { user_id: number } | undefined;
    if (!row) throw new AppError('NOT_FOUND', '评委不存在');
    const j = (await repo.judgePool(tx, [Number(row.user_id)]))[0]!;
    const used = await repo.toursJudgedBy(tx, j.userId);
    if (used.length) throw new AppError('IN_USE', `${j.displayName} 是「${used[0]!.name}」的评委，不能移出评委库`);
    await tx.execute(sql`DELETE FROM tour_judges WHERE id = ${id}`);
    await audit(tx, ctx, { action: 'tour.judge', entityType: 'tour_judge', entityId: id, summary: `评委库移出 ${j.displayName}`, before: j });
  });
}
