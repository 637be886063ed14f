/**
 * Evidence files, one way for every module (problems' attachments, indicator evidence, task
 * letters and report photos, 擂台赛 adjustments, tour photos): each file checked by its content
 * (images, or images, PDF, .docx and .xlsx), written under a random key in the uploads store, and
 * the module's rows written in its transaction; if anything fails, the files written are removed
 * again, so no file outlives a refused upload and no row points to a missing file.
 */
import { randomKey, sniffAttachment, sniffImage, uploadsStorage } from '../lib/storage/storage.js';
import { AppError } from './errors.js';

export interface Upload {
  filename: string;
  data: Buffer;
}

export interface StoredUpload {
  /** The name as uploaded (200 characters at most). */
  name: string;
  mime: string;
  size: number;
  storageKey: string;
}

export type UploadKind = 'attachment' | 'image';

const REFUSED: Record<UploadKind, { message: (name: string) => string; field: string; none: string }> = {
  attachment: { message: (n) => `“${n}”不是图片、PDF、Word（.docx）或 Excel（.xlsx）文件`, field: '只能上传图片、PDF、.docx 或 .xlsx 文件', none: '请选择文件' },
  image: { message: (n) => `“${n}”不是 JPEG、PNG 或 WebP 图片`, field: '只能上传 JPEG、PNG 或 WebP 图片', none: '请选择照片' },
};

/** The files' kinds by content, or a Chinese refusal naming the first file refused (nothing written). */
export function checkUploads(files: readonly Upload[], kind: UploadKind, maxBytes?: number): Array<{ mime: string; ext: string }> {
  const words = REFUSED[kind];
  if (!files.length) throw new AppError('VALIDATION', words.none, [{ path: 'file', message: words.none }]);
  return files.map((f) => {
    if (maxBytes && f.data.length > maxBytes) throw new AppError('VALIDATION', `“${f.filename}”超过${Math.round(maxBytes / 1024 / 1024)}MB`, [{ path: 'file', message: `文件超过${Math.round(maxBytes / 1024 / 1024)}MB` }]);
    const k = kind === 'image' ? sniffImage(f.data) : sniffAttachment(f.filename, f.data);
    if (!k) throw new AppError('FILE_INVALID', words.message(f.filename), [{ path: 'file', message: words.field }]);
    return k;
  });
}

/**
 * Checks the files, writes them under `folder`, then runs `record` with what was stored (the
 * module's transaction: its checks, its rows, its audit). Files are removed again when `record`
 * fails.
 */
export async function storeUploads<T>(dataDir: string, files: readonly Upload[], opts: { folder: string; kind: UploadKind; maxBytes?: number }, record: (stored: StoredUpload[]) => Promise<T>): Promise<T> {
  const kinds = checkUploads(files, opts.kind, opts.maxBytes);
  const store = uploadsStorage(dataDir);
  const stored: StoredUpload[] = [];
  try {
    for (const [i, f] of files.entries()) {
      const storageKey = randomKey(opts.folder, kinds[i]!.ext);
      await store.put(storageKey, f.data);
      stored.push({ name: f.filename.slice(0, 200), mime: kinds[i]!.mime, size: f.data.length, storageKey });
    }
    return await record(stored);
  } catch (e) {
    await Promise.all(stored.map((s) => store.remove(s.storageKey).catch(() => undefined)));
    throw e;
  }
}
