/** One error model: every failure the API returns carries one of these codes. */
export const ERRORS = {
  VALIDATION: { status: 400, zh: '提交的数据有误，请检查标红的字段', en: 'Invalid input' },
  BAD_REQUEST: { status: 400, zh: '请求无法处理', en: 'Bad request' },
  UNAUTHENTICATED: { status: 401, zh: '请先登录', en: 'Please sign in' },
  SESSION_EXPIRED: { status: 401, zh: '登录已过期，请重新登录', en: 'Session expired, please sign in again' },
  BAD_CREDENTIALS: { status: 401, zh: '用户名或密码错误', en: 'Wrong username or password' },
  ACCOUNT_LOCKED: { status: 423, zh: '登录失败次数过多，账号已临时锁定，请稍后再试', en: 'Too many failed attempts; account temporarily locked' },
  ACCOUNT_DISABLED: { status: 403, zh: '账号已停用，请联系管理员', en: 'Account disabled' },
  PASSWORD_CHANGE_REQUIRED: { status: 403, zh: '请先修改密码', en: 'Please change your password first' },
  WEAK_PASSWORD: { status: 400, zh: '密码至少8位，且须包含大写字母、小写字母、数字和符号中的三类', en: 'Password must have ≥8 characters from three of: upper, lower, digit, symbol' },
  CSRF: { status: 403, zh: '请求校验失败，请刷新页面后重试', en: 'CSRF check failed; reload the page' },
  FORBIDDEN: { status: 403, zh: '没有权限执行此操作', en: 'You are not allowed to do this' },
  NOT_FOUND: { status: 404, zh: '记录不存在或无权查看', en: 'Not found' },
  CONFLICT: { status: 409, zh: '数据已被他人修改，请刷新后重试', en: 'Changed by someone else; reload and retry' },
  DUPLICATE: { status: 409, zh: '记录已存在', en: 'Already exists' },
  IN_USE: { status: 409, zh: '记录正在被使用，不能删除', en: 'In use; cannot delete' },
  STAGE_TRANSITION: { status: 409, zh: '不允许的阶段变更', en: 'Stage change not allowed' },
  RATE_LIMITED: { status: 429, zh: '操作太频繁，请稍后再试', en: 'Too many requests' },
  FILE_INVALID: { status: 400, zh: '文件无法识别，请上传 Excel（.xlsx）文件', en: 'Unreadable file; upload an .xlsx workbook' },
  FILE_TOO_LARGE: { status: 413, zh: '文件太大', en: 'File too large' },
  IMPORT_FAILED: { status: 400, zh: '导入失败：文件中有错误，未导入任何数据', en: 'Import failed: the file has errors; nothing was imported' },
  INTERNAL: { status: 500, zh: '服务器内部错误，请稍后再试', en: 'Internal server error' },
} as const;
export type ErrorCode = keyof typeof ERRORS;

export interface FieldIssue {
  path: string;
  message: string;
}

/** Body of every error response. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: FieldIssue[] | unknown };
  requestId?: string;
}
