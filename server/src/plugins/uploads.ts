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

/** The `file` part (an Excel or CSV to import) and the text fields of a multipart upload; 400 without a file. */
export async function uploadedWorkbook(req: FastifyRequest, defaultName: string): Promise<{ file: Buffer; filename: string; fields: Record<string, string> }> {
  if (!req.isMultipart()) throw new AppError('BAD_REQUEST', '请以 multipart/form-data 方式上传文件（字段名 file）');
  let file: Buffer | undefined;
  let filename = defaultName;
  const fields: Record<string, string> = {};
  for await (const part of req.parts()) {
    if (part.type === 'file') {
      const buf = await part.toBuffer();
      if (part.fieldname === 'file' && !file) {
        file = buf;
        filename = part.filename || filename;
      }
    } else fields[part.fieldname] = String(part.value ?? '');
  }
  if (!file) throw new AppError('VALIDATION', '请选择要导入的 Excel 文件', [{ path: 'file', message: '请选择文件' }]);
  return { file, filename, fields };
}
