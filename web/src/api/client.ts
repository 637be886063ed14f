import type { ErrorCode, FieldIssue } from '@tiaodu/contracts';

/**
 * The one way the web talks to the API: adds the CSRF header to state-changing requests,
 * sends the session cookie, parses JSON and turns error bodies into ApiError.
 */

let csrfToken: string | null = null;

/** The CSRF token lives in memory only; /api/auth/me hands it out again after a reload. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type UnauthorizedListener = (error: ApiError) => void;
let unauthorizedListener: UnauthorizedListener | null = null;

/**
 * Called when a request answers 401 (session missing or expired) or 403
 * PASSWORD_CHANGE_REQUIRED (the server holds everything until the password is changed).
 */
export function onUnauthorized(listener: UnauthorizedListener | null): void {
  unauthorizedListener = listener;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | 'NETWORK';
  readonly details: FieldIssue[];
  constructor(status: number, code: ErrorCode | 'NETWORK', message: string, details: FieldIssue[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export type QueryValue = string | number | boolean | null | undefined | readonly (string | number)[];
export type Query = Record<string, QueryValue>;

/** Builds `?a=1&b=x,y` from a record; empty values are left out, arrays are comma-separated. */
export function toSearch(query?: Query): string {
  if (!query) return '';
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) {
      if (v.length) sp.set(k, v.join(','));
    } else sp.set(k, String(v));
  }
  const s = sp.toString();
  return s ? `?${s}` : '';
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: Query;
  /** JSON body. */
  body?: unknown;
  /** Multipart body (uploads). */
  form?: FormData;
  signal?: AbortSignal;
  /** Do not report a 401 to the listener (used by the session probe and the login form). */
  quiet401?: boolean;
}

function isFieldIssues(v: unknown): v is FieldIssue[] {
  return Array.isArray(v) && v.every((d) => d && typeof d === 'object' && typeof (d as FieldIssue).path === 'string' && typeof (d as FieldIssue).message === 'string');
}

async function toApiError(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    /* not JSON (proxy error page) */
  }
  const err = (body as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
  if (err && typeof err.code === 'string') {
    return new ApiError(res.status, err.code as ErrorCode, err.message ?? err.code, isFieldIssues(err.details) ? err.details : []);
  }
  const code: ErrorCode = res.status === 401 ? 'UNAUTHENTICATED' : res.status === 403 ? 'FORBIDDEN' : res.status === 404 ? 'NOT_FOUND' : res.status >= 500 ? 'INTERNAL' : 'BAD_REQUEST';
  return new ApiError(res.status, code, `HTTP ${res.status}`);
}

async function send(path: string, opts: RequestOptions): Promise<Response> {
  const method = opts.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json' };
  let body: BodyInit | undefined;
  if (opts.form) body = opts.form;
  else if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(`${path}${toSearch(opts.query)}`, { method, headers, body, credentials: 'same-origin', signal: opts.signal });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'NETWORK', '');
  }
  if (!res.ok) {
    const error = await toApiError(res);
    if ((res.status === 401 && !opts.quiet401) || error.code === 'PASSWORD_CHANGE_REQUIRED') unauthorizedListener?.(error);
    throw error;
  }
  return res;
}

/** JSON request; resolves with the parsed body. */
export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const res = await send(path, opts);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

function filenameOf(res: Response, fallback: string): string {
  const cd = res.headers.get('Content-Disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(cd);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      /* fall through */
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(cd);
  return plain?.[1] ?? fallback;
}

/** Downloads a file answer (exports, templates) and hands it to the browser as a download. */
export async function download(path: string, fallbackName: string, query?: Query): Promise<void> {
  const res = await send(path, { query });
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filenameOf(res, fallbackName);
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
