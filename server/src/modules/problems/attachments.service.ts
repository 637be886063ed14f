import { eq, sql } from 'drizzle-orm';
import type { ProblemAttachment } from '@tiaodu/contracts';
import { problemAttachments, problemEvents, problems } from './problems.schema.js';
import type { Ctx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { writeAudit } from '../../core/audit.js';
import { randomKey, sniffAttachment as sniffFile, uploadsStorage } from '../../lib/storage/storage.js';
import * as repo from './problems.repository.js';
import { getProblemDetail } from './problems.service.js';

export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
export const ATTACHMENT_MAX_FILES = 5;

export interface UploadFile {
  filename: string;
  data: Buffer;
}

/** The kind of an attachment by its content (lib/storage: images, PDF, .docx, .xlsx); null otherwise. */
export function sniffAttachment(f: UploadFile): { mime: string; ext: string } | null {
  return sniffFile(f.filename, f.data);
}

/**
 * Adds files to a problem the user takes part in (raiser or handler), while it is not closed.
 * Each file is checked by content; nothing is kept if one is refused.
 */
export async function addAttachments(ctx: Ctx, problemId: number, files: UploadFile[]): Promise<ProblemAttachment[]> {
  if (!files.length) throw new AppError('VALIDATION', '请选择文件', [{ path: 'file', message: '请选择文件' }]);
  const kinds = files.map((f) => {
    const k = sniffAttachment(f);
    if (!k) throw new AppError('FILE_INVALID', `“${f.filename}”不是图片、PDF、Word（.docx）或 Excel（.xlsx）文件`, [{ path: 'file', message: '只能上传图片、PDF、.docx 或 .xlsx 文件' }]);
    return k;
  });
  const detail = await getProblemDetail(ctx, problemId);
  if (!detail.abilities.attach) throw new AppError('FORBIDDEN', '只有提出人和办理人可以上传附件，且问题未销号');
  const store = uploadsStorage(ctx.config.dataDir);
  const written: string[] = [];
  try {
    await ctx.db.transaction(async (tx) => {
      const p = await repo.getProblem(tx, ctx.user, problemId, true);
      if (!p || p.status === 'closed') throw new AppError('CONFLICT', '问题已销号');
      const now = ctx.clock.now().toISOString();
      const names: string[] = [];
      for (const [i, f] of files.entries()) {
        const key = randomKey(`problems/${problemId}`, kinds[i]!.ext);
        await store.put(key, f.data);
        written.push(key);
        await tx.insert(problemAttachments).values({ problemId, filePath: key, originalName: f.filename.slice(0, 200), mime: kinds[i]!.mime, size: f.data.length, uploadedBy: ctx.user.id || null, createdAt: now });
        names.push(f.filename);
      }
      await tx.insert(problemEvents).values({ problemId, kind: 'attached', actorId: ctx.user.id || null, at: now, note: names.join('、') });
      await tx.update(problems).set({ updatedAt: now }).where(eq(problems.id, problemId));
      await writeAudit(tx, ctx, { action: 'problem.attach', entityType: 'problem', entityId: problemId, summary: `上传问题附件${names.length}个`, after: names });
    });
  } catch (e) {
    await Promise.all(written.map((k) => store.remove(k).catch(() => undefined)));
    throw e;
  }
  return (await repo.attachments(ctx.db, problemId)).map(({ filePath: _f, uploadedBy: _u, ...a }) => a);
}

async function attachmentInScope(ctx: Ctx, id: number) {
  const res = await ctx.db.execute(sql`SELECT a.id, a.problem_id, a.file_path, a.mime, a.original_name, a.uploaded_by FROM problem_attachments a
    JOIN problems p ON p.id = a.problem_id JOIN projects ON projects.id = p.project_id WHERE a.id = ${id} AND ${repo.visible(ctx.user)}`);
  const r = res.rows[0] as Record<string, unknown> | undefined;
  if (!r) throw new AppError('NOT_FOUND');
  return { id: Number(r.id), problemId: Number(r.problem_id), filePath: String(r.file_path), mime: String(r.mime), originalName: (r.original_name as string) ?? `附件${r.id}`, uploadedBy: r.uploaded_by == null ? null : Number(r.uploaded_by) };
}

export async function readAttachment(ctx: Ctx, id: number) {
  const a = await attachmentInScope(ctx, id);
  const file = await uploadsStorage(ctx.config.dataDir)
    .read(a.filePath)
    .catch(() => {
      throw new AppError('NOT_FOUND', '附件文件已丢失');
    });
  return { ...file, mime: a.mime, name: a.originalName };
}

/** The uploader removes their own file while the problem is open. */
export async function deleteAttachment(ctx: Ctx, id: number): Promise<void> {
  const a = await attachmentInScope(ctx, id);
  if (a.uploadedBy !== ctx.user.id) throw new AppError('FORBIDDEN', '只能删除自己上传的附件');
  await ctx.db.transaction(async (tx) => {
    const p = await repo.getProblem(tx, ctx.user, a.problemId, true);
    if (!p || p.status === 'closed') throw new AppError('CONFLICT', '问题已销号，附件不能删除');
    await tx.delete(problemAttachments).where(eq(problemAttachments.id, id));
    await writeAudit(tx, ctx, { action: 'problem.attach', entityType: 'problem', entityId: a.problemId, summary: `删除问题附件：${a.originalName}`, before: { id, name: a.originalName } });
  });
  await uploadsStorage(ctx.config.dataDir)
    .remove(a.filePath)
    .catch(() => undefined);
}
