/**
 * One Chromium per journey file, a fresh context (cookies) per test, a screenshot in
 * test-results/ when a test fails, and small helpers to log in and to ask the API what
 * the screen should show.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, expect, inject } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_PATH, resultsDir } from './paths.js';

export const DEMO_PASSWORD = 'Tiaodu@2026';

export interface BrowserSession {
  readonly baseURL: string;
  readonly browser: Browser;
  readonly context: BrowserContext;
  readonly page: Page;
}

export interface SessionOptions {
  viewport?: { width: number; height: number };
  isMobile?: boolean;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

const slug = (s: string) => s.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 80);

/** Registers the browser lifecycle hooks of the calling file and returns the live session. */
export function useBrowser(opts: SessionOptions = {}): BrowserSession {
  const baseURL = inject('baseURL');
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    context = await browser!.newContext({
      baseURL,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      acceptDownloads: true,
      viewport: opts.viewport ?? { width: 1440, height: 900 },
      isMobile: opts.isMobile ?? false,
      hasTouch: opts.isMobile ?? false,
    });
    context.setDefaultTimeout(15_000);
    page = await context.newPage();
  });
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail' && page && !page.isClosed()) {
      mkdirSync(resultsDir, { recursive: true });
      const file = path.join(resultsDir, `${slug(path.basename(ctx.task.file.name, '.e2e.ts'))}--${slug(ctx.task.name)}.png`);
      await page.screenshot({ path: file, fullPage: true }).catch(() => {});
      console.error(`screenshot: ${path.relative(process.cwd(), file)} (at ${page.url()})`);
    }
    await context?.close();
  });

  return {
    baseURL,
    get browser() {
      return browser!;
    },
    get context() {
      return context!;
    },
    get page() {
      return page!;
    },
  };
}

export const byTestId = (page: Page, id: string) => page.getByTestId(id);

/**
 * A person of a journey with several people: a context of their own at 1366×768 (or a
 * 390 px phone), signed in unless `username` is null (the public, without a login).
 */
export async function openAs(browser: Browser, username: string | null, phone = false): Promise<Page> {
  const ctx = await browser.newContext({
    baseURL: inject('baseURL'),
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    ...(phone ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } : { viewport: { width: 1366, height: 768 } }),
  });
  ctx.setDefaultTimeout(15_000);
  const page = await ctx.newPage();
  if (username) await login(page, username);
  return page;
}

/** Moves the server's clock (the test-only time source, TIAODU_TEST_CLOCK=1). */
export async function setClock(now: string): Promise<void> {
  const res = await fetch(`${inject('baseURL')}/api/test/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ now }) });
  if (!res.ok) throw new Error(`POST /api/test/clock: ${res.status} ${await res.text()}`);
}

/** The first working day after `date`, by the server's calendar. */
export async function nextWorkday(page: Page, date: string): Promise<string> {
  const year = Number(date.slice(0, 4));
  const days = [
    ...(await apiGet<{ days: Array<{ date: string; isWorkday: boolean }> }>(page, `/api/calendar?year=${year}`)).days,
    ...(await apiGet<{ days: Array<{ date: string; isWorkday: boolean }> }>(page, `/api/calendar?year=${year + 1}`)).days,
  ];
  const next = days.find((d) => d.date > date && d.isWorkday);
  if (!next) throw new Error(`no working day after ${date}`);
  return next.date;
}

/** Logs in through the login page and waits for the application shell. */
export async function login(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await expect.poll(() => page.getByTestId('user-menu').isVisible(), { timeout: 20_000, message: `${username} should reach the application after logging in` }).toBe(true);
}

/** GET on the API with the page's session cookie — what the screen should agree with. */
export async function apiGet<T = any>(page: Page, url: string): Promise<T> {
  const res = await page.request.get(url);
  if (!res.ok()) throw new Error(`GET ${url}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

/** State-changing API call with the session's CSRF token (for test setup only). */
export async function apiSend<T = any>(page: Page, method: 'POST' | 'PATCH' | 'DELETE', url: string, data?: unknown): Promise<T> {
  const me = await apiGet<{ csrfToken: string }>(page, '/api/auth/me');
  const res = await page.request.fetch(url, { method, data: data as object, headers: { 'x-csrf-token': me.csrfToken } });
  if (!res.ok()) throw new Error(`${method} ${url}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

export interface ProjectList {
  items: Array<{ id: number; name: string; code: string | null; regionCode: string; stage: string; totalInvestment: number }>;
  total: number;
  sums: { totalInvestment: number };
}

/** Parses the totals line "共 N 个项目，总投资 X 万元". */
export function parseTotals(text: string): { count: number; amount: number } {
  const m = /共\s*([\d,]+)\s*个项目[，,]\s*总投资\s*([\d,]+(?:\.\d+)?)\s*万元/.exec(text.replace(/\s+/g, ' '));
  if (!m) throw new Error(`the totals line does not read "共 N 个项目，总投资 X 万元": ${JSON.stringify(text)}`);
  return { count: Number(m[1]!.replace(/,/g, '')), amount: Number(m[2]!.replace(/,/g, '')) };
}

/** Reads the totals line once it shows the expected count (the list loads asynchronously). */
export async function totalsOnScreen(page: Page, expectedCount?: number): Promise<{ count: number; amount: number }> {
  const totals = page.getByTestId('project-totals');
  if (expectedCount !== undefined) {
    await expect.poll(async () => parseTotals((await totals.textContent()) ?? '').count, { timeout: 15_000 }).toBe(expectedCount);
  } else {
    await totals.waitFor();
  }
  return parseTotals((await totals.textContent()) ?? '');
}
