import { eq, sql } from 'drizzle-orm';
import type { ProblemAttachment } from '@tiaodu/contracts';
import { problemAttachments, problemEvents, problems } from './problems.schema.js';
import type { Ctx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { writeAudit } from '../../core/audit.js';
import { uploadsStorage } from '../../lib/storage/storage.js';
import { checkUploads, storeUploads, type Upload } from '../../core/uploads.js';
import * as repo from './problems.repository.js';
import { getProblemDetail } from './problems.service.js';

export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
export const ATTACHMENT_MAX_FILES = 5;

/**
 * Adds files to a problem the user takes part in (raiser or handler), while it is not closed.
 * Each file is checked by content (core/uploads.ts); nothing is kept if one is refused.
 */
export async function addAttachments(ctx: Ctx, problemId: number, files: Upload[]): Promise<ProblemAttachment[]> {
  checkUploads(files, 'attachment');
  const detail = await getProblemDetail(ctx, problemId);
  if (!detail.abilities.attach) throw new AppError('FORBIDDEN', '只有提出人和办理人可以上传附件，且问题未销号');
  await storeUploads(ctx.config.dataDir, files, { folder: `problems/${problemId}`, kind: 'attachment' }, (stored) =>
    ctx.db.transaction(async (tx) => {
      const p = await repo.getProblem(tx, ctx.user, problemId, true);
      if (!p || p.status === 'closed') throw new AppError('CONFLICT', '问题已销号');
      const now = ctx.clock.now().toISOString();
      const names = files.map((f) => f.filename);
      await tx.insert(problemAttachments).values(stored.map((f) => ({ problemId, filePath: f.storageKey, originalName: f.name, mime: f.mime, size: f.size, uploadedBy: ctx.user.id || null, createdAt: now })));
      await tx.insert(problemEvents).values({ problemId, kind: 'attached', actorId: ctx.user.id || null, at: now, note: names.join('、') });
      await tx.update(problems).set({ updatedAt: now }).where(eq(problems.id, problemId));
      await writeAudit(tx, ctx, { action: 'problem.attach', entityType: 'problem', entityId: problemId, summary: `上传问题附件${names.length}个`, after: names });
    }),
  );
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
