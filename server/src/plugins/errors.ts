import type { FastifyInstance, FastifyError } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { ERRORS, type ErrorBody } from '@tiaodu/contracts';
import { AppError, fromDatabaseError } from '../core/errors.js';

/** One error handler: AppError → its status and code; validation → 400 with field details. */
export function registerErrorHandler(app: FastifyInstance, opts: { spaFallback?: boolean } = {}): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    let e: AppError | undefined;
    if (err instanceof AppError) e = err;
    else if (hasZodFastifySchemaValidationErrors(err)) {
      const details = err.validation.map((v) => ({ path: v.instancePath.replace(/^\//, '').replace(/\//g, '.'), message: v.message ?? '' }));
      const first = details[0];
      e = new AppError('VALIDATION', first ? `${first.path ? first.path + '：' : ''}${first.message}` : undefined, details);
    } else if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || err.statusCode === 400 && err.code?.startsWith('FST_ERR_CTP')) {
      e = new AppError('BAD_REQUEST', '请求体格式不正确');
    } else if (err.code === 'FST_REQ_FILE_TOO_LARGE' || err.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || err.statusCode === 413) {
      e = new AppError('FILE_TOO_LARGE');
    } else if (err.statusCode === 429) {
      e = new AppError('RATE_LIMITED');
    } else if (err.statusCode === 400 && err instanceof SyntaxError) {
      e = new AppError('BAD_REQUEST', '请求体不是合法的 JSON');
    } else {
      e = fromDatabaseError(err);
      if (!e && err.statusCode && err.statusCode >= 400 && err.statusCode < 500) e = new AppError('BAD_REQUEST', err.message);
    }
    if (!e) {
      req.log.error({ err, serialization: isResponseSerializationError(err) ? err.cause : undefined }, 'unhandled error');
      e = new AppError('INTERNAL');
    } else if (e.status >= 500) {
      req.log.error({ err }, 'server error');
    }
    const body: ErrorBody = { error: { code: e.code, message: e.message || ERRORS[e.code].zh, details: e.details }, requestId: req.id };
    // a download that failed before its first byte set a file's headers: the answer is JSON
    reply.removeHeader('content-disposition');
    return reply.status(e.status).type('application/json; charset=utf-8').send(body);
  });

  app.setNotFoundHandler((req, reply) => {
    // Client-side routes of the web app are answered with its index page.
    if (opts.spaFallback && req.method === 'GET' && !req.url.startsWith('/api/')) return reply.type('text/html').sendFile('index.html');
    const body: ErrorBody = { error: { code: 'NOT_FOUND', message: '接口不存在' }, requestId: req.id };
    return reply.status(404).send(body);
  });
}
