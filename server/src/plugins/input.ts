import type { FastifyInstance, FastifyRequest } from 'fastify';
import { controlCharIssues, type FieldIssue } from '@tiaodu/contracts';
import { AppError } from '../core/errors.js';

function reject(issues: FieldIssue[]): never {
  const first = issues[0]!;
  throw new AppError('VALIDATION', `${first.path ? first.path + '：' : ''}${first.message}`, issues);
}

interface PartLike {
  type?: string;
  fieldname?: string;
  filename?: string;
  value?: unknown;
}

/** The text rule of contracts/text.ts applied to one multipart part: its file name or its field value. */
function checkPart<T>(part: T): T {
  const p = part as PartLike | undefined;
  if (!p) return part;
  const issues = p.type === 'file' ? controlCharIssues(p.filename ?? '', p.fieldname ?? 'file') : controlCharIssues(p.value, p.fieldname ?? '');
  if (issues.length) reject(issues);
  return part;
}

async function* checkedParts<T>(parts: AsyncIterable<T>): AsyncGenerator<T> {
  for await (const part of parts) yield checkPart(part);
}

/**
 * The text rule of the contracts (no control characters but tab and line breaks) on every
 * input of every /api route, before its schema runs: query, path parameters and body, and
 * the file names and field values of multipart uploads as the route reads them. A
 * violation answers 400 VALIDATION with the field's path, like a schema failure.
 */
export function registerInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (req: FastifyRequest) => {
    if (!req.url.startsWith('/api/')) return;
    const issues = [...controlCharIssues(req.params), ...controlCharIssues(req.query), ...controlCharIssues(req.body)];
    if (issues.length) reject(issues);
    if (req.isMultipart?.()) {
      // uploads are read as streams by the route: check each part as it is handed over
      const parts = req.parts.bind(req);
      const files = req.files.bind(req);
      const file = req.file.bind(req);
      req.parts = ((opts?: Parameters<typeof parts>[0]) => checkedParts(parts(opts))) as typeof req.parts;
      req.files = ((opts?: Parameters<typeof files>[0]) => checkedParts(files(opts))) as typeof req.files;
      req.file = (async (opts?: Parameters<typeof file>[0]) => checkPart(await file(opts))) as typeof req.file;
    }
  });
}
