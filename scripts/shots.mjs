#!/usr/bin/env node
// Screenshots of pages at 1366×768 and 375×812, for looking at them: `node scripts/shots.mjs
// http://127.0.0.1:3778 out-dir user:/path[:name] …` — logs in as each user (demo password)
// and shoots each path at both sizes into out-dir as <user>-<name>-<width>.png.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

const [base, out, ...shots] = process.argv.slice(2);
if (!base || !out || !shots.length) {
  console.error('usage: node scripts/shots.mjs <baseURL> <out-dir> user:/path[:name] …');
  process.exit(2);
}
mkdirSync(out, { recursive: true });
const PASSWORD = process.env.TIAODU_DEMO_PASSWORD ?? 'Tiaodu@2026';
const SIZES = [
  { width: 1366, height: 768, isMobile: false },
  { width: 375, height: 812, isMobile: true },
];

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  for (const size of SIZES) {
    const byUser = new Map();
    for (const s of shots) {
      const [user, p, name] = s.split(':');
      byUser.set(user, [...(byUser.get(user) ?? []), { p, name: name ?? (p.replace(/\W+/g, '-').replace(/^-|-$/g, '') || 'home') }]);
    }
    for (const [user, list] of byUser) {
      const ctx = await browser.newContext({ baseURL: base, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: size.width, height: size.height }, isMobile: size.isMobile, hasTouch: size.isMobile });
      const page = await ctx.newPage();
      await page.goto('/login');
      await page.getByTestId('login-username').fill(user);
      await page.getByTestId('login-password').fill(PASSWORD);
      await page.getByTestId('login-submit').click();
      await page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: 15_000 });
      for (const { p, name } of list) {
        await page.goto(p);
        await page.waitForLoadState('networkidle');
        // lazy pages and queries: until no spinner or skeleton is left
        await page.waitForFunction(() => !document.querySelector('.ant-spin-spinning, .ant-skeleton, .ant-table-placeholder .ant-spin'), null, { timeout: 15_000 }).catch(() => undefined);
        await page.waitForTimeout(400);
        const file = path.join(out, `${user}-${name}-${size.width}.png`);
        const wide = await page.evaluate(() => document.documentElement.scrollWidth);
        await page.screenshot({ path: file, fullPage: true });
        console.log(`${file}${wide > size.width ? `  (scrolls sideways: ${wide}px)` : ''}`);
      }
      await ctx.close();
    }
  }
} finally {
  await browser.close();
}
