// Journey: the dispatcher creates a tour dated today in 观摩评比 with two judges from the pool
// (郑县长 and 赵督查) and the default criteria 30/30/20/20, two towns' projects are nominated
// (分水镇 through its own login, 横村镇 by the dispatcher), and the dispatcher opens scoring. Each
// judge, on a 375×812 phone, opens the score sheet, sees the live total while typing and submits
// both projects; a second sheet for the same project is refused. The dispatcher closes the tour;
// the results page shows the project and region ranks the API computed, and 分水镇 sees its own.
import { describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiGet, apiSend, launchChromium, login, openAs } from '../support/browser.js';
import { chooseOptions, pressUntilSent } from '../support/antd.js';

const FENSHUI = '330122103'; // 分水镇, the demo town login `fenshui`
const HENGCUN = '330122102'; // 横村镇

interface Results {
  visible: boolean;
  nominations: Array<{ nominationId: number; name: string; score: number | null; rank: number | null; judges: number }>;
  regions: Array<{ regionCode: string; score: number | null; rank: number | null }>;
}

/** Today in China, as the server's window check reads it. */
const chinaToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/** A phone of 375×812. */
async function phone(browser: Browser, username: string): Promise<Page> {
  const ctx = await browser.newContext({ baseURL: inject('baseURL'), locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
  ctx.setDefaultTimeout(15_000);
  const page = await ctx.newPage();
  await login(page, username);
  return page;
}
const scrollsSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

/** A judge scores the project on the phone: one number per criterion, the live total, submit. */
async function score(page: Page, nominationId: number, values: [number, number, number, number]) {
  const keys = ['industry', 'intensity', 'leading', 'progress'];
  const card = page.getByTestId(`score-card-${nominationId}`);
  await card.scrollIntoViewIfNeeded();
  for (const [i, k] of keys.entries()) {
    const input = page.getByTestId(`score-${nominationId}-${k}`).locator('input').or(page.locator(`input[data-testid="score-${nominationId}-${k}"]`)).first();
    await input.fill(String(values[i]));
    await input.blur();
  }
  const total = values.reduce((a, b) => a + b, 0);
  await expect.poll(() => page.getByTestId(`score-total-${nominationId}`).innerText()).toContain(`合计 ${total} / 100`);
  await page.getByTestId(`score-submit-${nominationId}`).click();
  await expect.poll(() => card.getAttribute('data-scored')).toBe('yes');
}

describe('tour journey', () => {
  it('create, nominate, open, two judges score on phones, close, ranks', async () => {
    const browser = await launchChromium();
    const name = `现场观摩评比测试${Date.now().toString(36).slice(-5)}`;
    const today = chinaToday();
    try {
      // ---- the dispatcher creates the tour in 观摩评比
      const disp = await openAs(browser, 'diaodu');
      await disp.goto('/tours');
      await disp.getByTestId('tour-new').click();
      await disp.getByTestId('tour-form').waitFor();
      await disp.locator('#name').fill(name);
      await disp.locator('#date').fill(today);
      await disp.locator('#organiser').fill('县重点项目推进办公室');
      await chooseOptions(disp, 'judges', ['郑县长（县长）', '赵督查（督查室主任）']);
      await pressUntilSent(disp, disp.getByTestId('tour-save'), (url, method) => url.endsWith('/api/tours') && method === 'POST');
      await expect.poll(() => disp.getByTestId('tour-name').isVisible()).toBe(true);
      const tour = (await apiGet<Array<{ id: number; name: string; status: string; judges: Array<{ name: string }> }>>(disp, '/api/tours')).find((t) => t.name === name)!;
      expect(tour).toMatchObject({ status: 'draft' });
      expect(tour.judges.map((j) => j.name)).toEqual(['郑县长', '赵督查']);

      // ---- two projects are nominated: 分水镇 its own (through its login), 横村镇's by the dispatcher
      const town = await openAs(browser, 'fenshui');
      const a = await apiSend<{ id: number }>(town, 'POST', `/api/tours/${tour.id}/nominations`, { regionCode: FENSHUI, name: '分水制笔产业园数字化车间', category: 'industry', checklist: { permits: true, green: true, completed: true, fresh: true } });
      const b = await apiSend<{ id: number }>(disp, 'POST', `/api/tours/${tour.id}/nominations`, { regionCode: HENGCUN, name: '横村针织智能工厂', category: 'industry' });
      await disp.reload();
      await expect.poll(() => disp.getByTestId(`nomination-${a.id}`).isVisible()).toBe(true);
      await expect.poll(() => disp.getByTestId(`nomination-${b.id}`).isVisible()).toBe(true);
      // and opens scoring
      await disp.getByTestId('tour-open-scoring').click();
      await disp.locator('.ant-popconfirm .ant-btn-primary').click();
      await expect.poll(() => disp.getByTestId('tour-status').getAttribute('data-status')).toBe('open');

      // ---- two judges score both projects on their phones
      const head = await phone(browser, 'xianzhang');
      await head.goto(`/tours/${tour.id}/score`);
      await head.getByTestId(`score-card-${a.id}`).waitFor();
      expect(await scrollsSideways(head)).toBe(false);
      await score(head, a.id, [27, 26, 18, 18]); // 89
      await score(head, b.id, [25, 24, 17, 16]); // 82
      expect(await scrollsSideways(head)).toBe(false);
      const duc = await phone(browser, 'ducha');
      await duc.goto(`/tours/${tour.id}/score`);
      await duc.getByTestId(`score-card-${a.id}`).waitFor();
      await score(duc, a.id, [26, 25, 17, 17]); // 85
      await score(duc, b.id, [27, 26, 18, 18]); // 89
      // a second sheet for the same project is refused, in Chinese
      const again = await duc.request.fetch(`/api/tours/${tour.id}/scores`, { method: 'POST', data: { nominationId: a.id, scores: { industry: 1, intensity: 1, leading: 1, progress: 1 } }, headers: { 'x-csrf-token': (await apiGet<{ csrfToken: string }>(duc, '/api/auth/me')).csrfToken } });
      expect(again.status()).toBe(409);
      expect((await again.json()).error.message).toContain('不能重复评分');

      // ---- the dispatcher closes the tour; the results show the ranks the API computed
      await disp.reload();
      await disp.getByTestId('tour-close').click();
      await disp.locator('.ant-popconfirm .ant-btn-primary').click();
      await expect.poll(() => disp.getByTestId('tour-status').getAttribute('data-status')).toBe('closed');
      const res = await apiGet<Results>(disp, `/api/tours/${tour.id}/results`);
      // trimmed mean with 2 judges falls back to the mean: 分水 (89 + 85) / 2 = 87, 横村 (82 + 89) / 2 = 85.5
      expect(res.nominations.map((n) => [n.nominationId, n.score, n.rank, n.judges])).toEqual([
        [a.id, 87, 1, 2],
        [b.id, 85.5, 2, 2],
      ]);
      await disp.reload();
      await disp.getByTestId('tour-results').waitFor();
      await expect.poll(() => disp.getByTestId(`result-row-${a.id}`).getAttribute('data-rank')).toBe('1');
      await expect.poll(() => disp.getByTestId(`result-row-${b.id}`).getAttribute('data-rank')).toBe('2');
      await expect.poll(() => disp.getByTestId(`region-row-${FENSHUI}`).getAttribute('data-rank')).toBe('1');
      await expect.poll(() => disp.getByTestId(`region-row-${HENGCUN}`).getAttribute('data-rank')).toBe('2');
      expect(await disp.getByTestId(`result-row-${a.id}`).innerText()).toContain('87.00');

      // ---- 分水镇 sees its own project's result only
      await town.goto(`/tours/${tour.id}`);
      await town.getByTestId('tour-results').waitFor();
      await expect.poll(() => town.getByTestId(`result-row-${a.id}`).getAttribute('data-rank')).toBe('1');
      expect(await town.getByTestId(`result-row-${b.id}`).count()).toBe(0);
    } finally {
      await browser.close();
    }
  }, 240_000);
});
