import { and, eq, sql } from 'drizzle-orm';
import sharp from 'sharp';
import exifr from 'exifr';
import type { ReportPhoto } from '@tiaodu/contracts';
import { monthlyReports, reportPhotos } from './reports.schema.js';
import type { Ctx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { writeAudit } from '../../core/audit.js';
import { projectScope } from '../../core/scope.js';
import { randomKey, sniffImage, uploadsStorage } from '../../lib/storage/storage.js';
import { photosEditable, type ReportStatus } from './domain/state.js';
import * as repo from './reports.repository.js';

export const PHOTO_MAX_BYTES = 10 * 1024 * 1024;
export const PHOTO_MAX_FILES = 12;

export interface PhotoFile {
  filename: string;
  data: Buffer;
}

/** Time and place the photo was taken, when the file carries them (EXIF). */
export async function photoExif(data: Buffer): Promise<{ takenAt: string | null; lat: number | null; lng: number | null }> {
  try {
    const e = (await exifr.parse(data, { gps: true, tiff: true, exif: true, reviveValues: false })) as Record<string, unknown> | undefined;
    const g = (await exifr.gps(data).catch(() => undefined)) as { latitude?: number; longitude?: number } | undefined;
    const lat = typeof g?.latitude === 'number' && Number.isFinite(g.latitude) ? g.latitude : null;
    const lng = typeof g?.longitude === 'number' && Number.isFinite(g.longitude) ? g.longitude : null;
    return { takenAt: exifTime(e?.DateTimeOriginal ?? e?.CreateDate, e?.OffsetTimeOriginal), lat, lng };
  } catch {
    return { takenAt: null, lat: null, lng: null };
  }
}

/** EXIF 'YYYY:MM:DD HH:MM:SS' is the camera's local time; without an offset tag it is taken as China time (+08:00). */
export function exifTime(raw: unknown, offset?: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const m = /^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(raw.trim());
  if (!m) return null;
  const off = typeof offset === 'string' && /^[+-]\d{2}:\d{2}$/.test(offset.trim()) ? offset.trim() : '+08:00';
  const d = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${off}`);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

function out(p: typeof reportPhotos.$inferSelect): ReportPhoto {
  return { id: p.id, originalName: p.originalName, mime: p.mime, size: p.size, takenAt: p.takenAt ? new Date(p.takenAt as unknown as string).toISOString() : null, lat: p.lat, lng: p.lng };
}

/**
 * Adds photos to a report the user may fill, while it is a draft or returned. Each file is
 * checked by its content (JPEG/PNG/WebP magic bytes, then decoded by sharp), stored under
 * uploads/reports/<yyyy>/<mm>/<random>.<ext> with a 320px JPEG thumbnail; nothing is kept
 * if any file is refused.
 */
export async function addPhotos(ctx: Ctx, projectId: number, year: number, month: number, files: PhotoFile[]): Promise<ReportPhoto[]> {
  if (!files.length) throw new AppError('VALIDATION', '请选择照片', [{ path: 'file', message: '请选择照片' }]);
  const prepared: Array<{ f: PhotoFile; kind: NonNullable<ReturnType<typeof sniffImage>>; thumb: Buffer; exif: Awaited<ReturnType<typeof photoExif>> }> = [];
  for (const f of files) {
    const kind = sniffImage(f.data);
    if (!kind) throw new AppError('FILE_INVALID', `“${f.filename}”不是 JPEG、PNG 或 WebP 图片`, [{ path: 'file', message: '只能上传 JPEG、PNG 或 WebP 图片' }]);
    let thumb: Buffer;
    try {
      thumb = await sharp(f.data, { limitInputPixels: 100_000_000 }).rotate().resize(320, 320, { fit: 'inside', withoutEnlargement: true }).jpeg({ quality: 78 }).toBuffer();
    } catch {
      throw new AppError('FILE_INVALID', `“${f.filename}”图片已损坏，无法读取`, [{ path: 'file', message: '图片已损坏' }]);
    }
    prepared.push({ f, kind, thumb, exif: await photoExif(f.data) });
  }
  const store = uploadsStorage(ctx.config.dataDir);
  const folder = `reports/${year}/${String(month).padStart(2, '0')}`;
  const written: string[] = [];
  try {
    return await ctx.db.transaction(async (tx) => {
      const project = await repo.lockProject(tx, ctx.user, projectId, year);
      if (!project) throw new AppError('NOT_FOUND');
      const [report] = await tx.select().from(monthlyReports).where(and(eq(monthlyReports.projectId, projectId), eq(monthlyReports.year, year), eq(monthlyReports.month, month)));
      if (!report) throw new AppError('CONFLICT', '请先保存月报草稿，再上传照片');
      if (!photosEditable(report.status as ReportStatus)) throw new AppError('CONFLICT', '月报已报送，不能再增删照片');
      const rows: ReportPhoto[] = [];
      for (const p of prepared) {
        const key = randomKey(folder, p.kind.ext);
        const thumbKey = key.replace(/\.\w+$/, '.thumb.jpg');
        await store.put(key, p.f.data);
        written.push(key);
        await store.put(thumbKey, p.thumb);
        written.push(thumbKey);
        const [row] = await tx
          .insert(reportPhotos)
          .values({ reportId: report.id, filePath: key, thumbPath: thumbKey, originalName: p.f.filename.slice(0, 200), mime: p.kind.mime, size: p.f.data.length, takenAt: p.exif.takenAt, lat: p.exif.lat, lng: p.exif.lng, uploadedBy: ctx.user.id || null, createdAt: ctx.clock.now().toISOString() })
          .returning();
        rows.push(out(row!));
      }
      await writeAudit(tx, ctx, { action: 'report.photo', entityType: 'monthly_report', entityId: report.id, summary: `上传${year}年${month}月月报照片${rows.length}张`, after: rows.map((r) => ({ id: r.id, name: r.originalName })) });
      return rows;
    });
  } catch (e) {
    await Promise.all(written.map((k) => store.remove(k).catch(() => undefined)));
    throw e;
  }
}

/** A photo the user can see (its project in scope); 404 otherwise. */
async function photoInScope(ctx: Ctx, id: number) {
  const res = await ctx.db.execute(sql`
    SELECT ph.id, ph.file_path, ph.thumb_path, ph.mime, ph.original_name, r.status, r.id AS report_id, r.year, r.month, projects.id AS project_id
    FROM report_photos ph JOIN monthly_reports r ON r.id = ph.report_id JOIN projects ON projects.id = r.project_id
    WHERE ph.id = ${id} AND projects.deleted_at IS NULL AND ${projectScope(ctx.user)}`);
  const r = res.rows[0] as Record<string, unknown> | undefined;
  if (!r) throw new AppError('NOT_FOUND');
  return { id: Number(r.id), filePath: String(r.file_path), thumbPath: (r.thumb_path as string) ?? null, mime: String(r.mime), status: r.status as ReportStatus, reportId: Number(r.report_id), projectId: Number(r.project_id), year: Number(r.year), month: Number(r.month) };
}

export async function readPhoto(ctx: Ctx, id: number, thumb: boolean) {
  const p = await photoInScope(ctx, id);
  const key = thumb && p.thumbPath ? p.thumbPath : p.filePath;
  const file = await uploadsStorage(ctx.config.dataDir)
    .read(key)
    .catch(() => {
      throw new AppError('NOT_FOUND', '照片文件已丢失');
    });
  return { ...file, mime: thumb && p.thumbPath ? 'image/jpeg' : p.mime };
}

export async function deletePhoto(ctx: Ctx, id: number): Promise<void> {
  const p = await photoInScope(ctx, id);
  await ctx.db.transaction(async (tx) => {
    const project = await repo.lockProject(tx, ctx.user, p.projectId, p.year);
    if (!project) throw new AppError('NOT_FOUND');
    const [r] = await tx.select({ status: monthlyReports.status }).from(monthlyReports).where(eq(monthlyReports.id, p.reportId));
    if (!photosEditable(r!.status as ReportStatus)) throw new AppError('CONFLICT', '月报已报送，不能再增删照片');
    await tx.delete(reportPhotos).where(eq(reportPhotos.id, id));
    await writeAudit(tx, ctx, { action: 'report.photo', entityType: 'monthly_report', entityId: p.reportId, summary: `删除${p.year}年${p.month}月月报照片`, before: { id } });
  });
  const store = uploadsStorage(ctx.config.dataDir);
  await store.remove(p.filePath).catch(() => undefined);
  if (p.thumbPath) await store.remove(p.thumbPath).catch(() => undefined);
}
