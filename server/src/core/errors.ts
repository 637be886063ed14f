import { ERRORS, type ErrorCode, type FieldIssue } from '@tiaodu/contracts';

/** The one error type of the server; the error handler turns it into `{error:{code,message,details}}`. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details?: FieldIssue[] | unknown;

  constructor(code: ErrorCode, message?: string, details?: FieldIssue[] | unknown) {
    super(message ?? ERRORS[code].zh);
    this.code = code;
    this.status = ERRORS[code].status;
    this.details = details;
  }
}

export function fieldError(path: string, message: string): AppError {
  return new AppError('VALIDATION', message, [{ path, message }]);
}

/** Maps PostgreSQL constraint violations to application errors. */
export function fromDatabaseError(err: unknown): AppError | undefined {
  // Drizzle wraps the driver's error; the PostgreSQL fields sit on `cause`.
  let e = err as { code?: string; constraint?: string; detail?: string; cause?: unknown };
  for (let i = 0; i < 3 && e && typeof e.code !== 'string' && e.cause; i++) e = e.cause as typeof e;
  if (!e || typeof e.code !== 'string') return undefined;
  const c = e.constraint ?? '';
  if (e.code === '23505') {
    const known: Record<string, [string, string]> = {
      projects_code_uq: ['code', '项目代码已被其他项目使用'],
      users_username_uq: ['username', '用户名已存在'],
      enterprises_credit_code_uq: ['creditCode', '统一社会信用代码已登记'],
      enterprises_name_uq: ['name', '企业名称已登记'],
      departments_region_name_uq: ['name', '该区域已有同名单位'],
      regions_pkey: ['code', '区划代码已存在'],
    };
    const k = known[c];
    return new AppError('DUPLICATE', k?.[1] ?? '记录已存在', k ? [{ path: k[0], message: k[1] }] : undefined);
  }
  if (e.code === '23503') {
    if ((e.detail ?? '').includes('is still referenced')) return new AppError('IN_USE');
    return new AppError('VALIDATION', '引用的记录不存在');
  }
  if (e.code === '40001' || e.code === '40P01') return new AppError('CONFLICT');
  if (e.code === '22P02' || e.code === '22003' || e.code === '22007' || e.code === '22008') return new AppError('VALIDATION', '数据格式不正确');
  return undefined;
}
