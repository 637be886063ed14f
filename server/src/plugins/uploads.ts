import type { FastifyRequest } from 'fastify';
import { AppError } from '../core/errors.js';

export interface UploadedFile {
  filename: string;
  data: Buffer;
}

/**
 * The files of a multipart request (several, field names free), within the route's limits: not
 * multipart → 400; a file over `fileSize` → 413 naming it. What the files are is checked by the
 * service, by their content.
 */
export async function uploadedFiles(req: FastifyRequest, limits: { files: number; fileSize: number }, what = '文件'): Promise<UploadedFile[]> {
  if (!req.isMultipart()) throw new AppError('BAD_REQUEST', `请以 multipart/form-data 方式上传${what}`);
  const list: UploadedFile[] = [];
  for await (const part of req.parts({ limits })) {
    if (part.type !== 'file') continue;
    const data = await part.toBuffer();
    if (part.file.truncated) throw new AppError('FILE_TOO_LARGE', `“${part.filename}”超过${Math.round(limits.fileSize / 1024 / 1024)}MB`);
    list.push({ filename: part.filename || 'file', data });
  }
  return list;
}
