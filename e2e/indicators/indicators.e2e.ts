// Journey: the admin defines a reported indicator (monthly, for the towns, ranked by completion
// of the target, shown on the benchmark page) and sets the year's target of two towns in the
// target grid; the dispatcher opens the last month for it; 分水镇 fills it in on a 375 px phone
// with a photo and submits; another town's figure comes in through the API; the dispatcher
// looks at the photo and accepts, then publishes the month. The league table, the town's
// benchmark page and the town's dashboard card show 分水镇's rank as the API computes it.
import sharp from 'sharp';
import { describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiGet, apiSend, launchChromium, openAs, login } from '../support/browser.js';
import { chooseOption, chosenLabels, pressUntilSent } from '../support/antd.js';

const FENSHUI = '330122103'; // 分水镇, the demo town login `fenshui`
const TONGJUN = '330122001'; // 桐君街道

interface Indicator {
  id: number;
  code: string;
  name: string;
  cadence: string;
  source: string;
  appliesTo: string[];
  rankBy: string;
  benchmark: boolean;
}
interface Period {
  id: number;
  period: string;
  status: string;
  indicators: Array<{ id: number }>;
}
interface Values {
  published: boolean;
  items: Array<{ unitId: string; value: number | null; progress: number | null; rank: number | null; status: string }>;
}
interface Bench {
  rows: Array<{ unitId: string; self: boolean; rank: number | null }>;
}

/** The last month that has ended, in China time (the period a county reports in the next month). */
function lastMonth(): string {
  const now = new Date(Date.now() + 8 * 3600_000);
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth() + 1;
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** 2026-11 → 2026年11月, as the period pickers name a month. */
const monthLabel = (p: string) => `${p.slice(0, 4)}年${Number(p.slice(5, 7))}月`;

/** A phone of 375×812, as a town's staff fill in on WeChat. */
async function phone(browser: Browser, username: string): Promise<Page> {
  const ctx = await browser.newContext({ baseURL: inject('baseURL'), locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
  ctx.setDefaultTimeout(15_000);
  const page = await ctx.newPage();
  await login(page, username);
  return page;
}

/** Nothing sticks out sideways (a phone page never scrolls horizontally). */
const scrollsSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

describe('indicator journey', () => {
  it('define, target, open a period, fill on a phone with a photo, accept, publish, rank', async () => {
    const browser = await launchChromium();
    const code = `e2e_clean_${Date.now().toString(36)}`;
    const name = `村庄清洁整治村数${Date.now().toString(36).slice(-4)}`;
    const period = lastMonth();
    const year = Number(period.slice(0, 4));
    try {
      // ---- the admin defines the indicator in 指标库
      const admin = await openAs(browser, 'admin');
      await admin.goto('/indicators');
      await admin.getByTestId('btn-new-indicator').click();
      await admin.getByTestId('indicator-form').waitFor();
      await admin.locator('#code').fill(code);
      await admin.locator('#name').fill(name);
      await admin.locator('#unit').fill('个');
      await admin.locator('#decimals').fill('0');
      // the defaults a town's reported figure wants: 月度, 单位填报, 乡镇（街道）
      expect(await chosenLabels(admin, 'cadence')).toEqual(['月度']);
      expect(await chosenLabels(admin, 'source')).toEqual(['单位填报']);
      await expect.poll(() => admin.locator('#appliesTo input[value="town"]').isChecked()).toBe(true);
      await chooseOption(admin, 'rankBy', '按目标完成率');
      await admin.getByTestId('indicator-benchmark').click();
      await pressUntilSent(admin, admin.getByTestId('indicator-save'), (url, method) => url.endsWith('/api/indicators') && method === 'POST');
      await expect.poll(async () => (await apiGet<Indicator[]>(admin, '/api/indicators')).some((i) => i.code === code)).toBe(true);
      const ind = (await apiGet<Indicator[]>(admin, '/api/indicators')).find((i) => i.code === code)!;
      expect(ind).toMatchObject({ name, cadence: 'month', source: 'reported', appliesTo: ['town'], rankBy: 'completion', benchmark: true });
      await expect.poll(() => admin.getByTestId(`indicator-row-${code}`).isVisible()).toBe(true);

      // ---- and sets the year's targets of two towns in 目标任务
      await admin.goto(`/indicators/targets?year=${year}&indicatorId=${ind.id}`);
      await admin.getByTestId(`target-year-${FENSHUI}`).fill('120');
      await admin.getByTestId(`target-year-${TONGJUN}`).fill('１００'); // typed full-width, read as 100
      await expect.poll(() => admin.getByTestId('targets-save').isEnabled()).toBe(true);
      await admin.getByTestId('targets-save').click();
      await expect
        .poll(async () => (await apiGet<{ rows: Array<{ unitId: string; target: number | null }> }>(admin, `/api/targets?year=${year}&indicatorId=${ind.id}`)).rows.filter((r) => r.target !== null).map((r) => [r.unitId, r.target]))
        .toEqual([
          [TONGJUN, 100],
          [FENSHUI, 120],
        ]);
      await admin.context().close();

      // ---- the dispatcher opens the month for it in 填报期与审核
      const disp = await openAs(browser, 'diaodu');
      await disp.goto('/indicators/periods');
      await disp.getByTestId('period-open').click();
      await expect.poll(() => chosenLabels(disp, 'period')).toEqual([monthLabel(period)]);
      // ticked by default: the monthly reported indicators not already open for the month, ours among them
      const box = disp.getByTestId('period-indicators').locator('label').filter({ hasText: name }).locator('input');
      await expect.poll(() => box.isChecked()).toBe(true);
      for (const other of await disp.getByTestId('period-indicators').locator('label').all()) {
        if (!(await other.innerText()).includes(name) && (await other.locator('input').isChecked())) await other.locator('input').uncheck();
      }
      await pressUntilSent(disp, disp.getByTestId('period-open-ok'), (url, method) => url.endsWith('/api/indicator-periods') && method === 'POST');
      await expect.poll(async () => (await apiGet<Period[]>(disp, '/api/indicator-periods')).find((p) => p.period === period && p.indicators.some((i) => i.id === ind.id))?.status).toBe('open');
      const opened = (await apiGet<Period[]>(disp, '/api/indicator-periods')).find((p) => p.period === period && p.indicators.some((i) => i.id === ind.id))!;
      // 桐君街道's figure comes in through the API (the dispatcher reports for it) and is accepted: 90 of 100
      const tongjun = await apiSend<{ id: number }>(disp, 'POST', '/api/indicator-values', { indicatorId: ind.id, period, value: '90', unitType: 'region', unitId: TONGJUN });
      await apiSend(disp, 'POST', `/api/indicator-values/${tongjun.id}/review`, { action: 'accept' });

      // ---- 分水镇 fills it in on a phone, with a photo
      const town = await phone(browser, 'fenshui');
      await town.goto('/indicators/fill');
      const card = town.getByTestId(`owed-${opened.id}-${ind.id}`);
      await card.waitFor();
      expect(await card.getAttribute('data-indicator')).toBe(name);
      expect(await scrollsSideways(town)).toBe(false);
      await card.click();
      await town.getByTestId('fill-form').waitFor();
      await expect.poll(() => town.getByTestId('fill-status').getAttribute('data-status')).toBe('missing');
      await town.getByTestId('fill-value').fill('96');
      await town.getByTestId('fill-note').fill('本月完成分水片区 96 个村的清洁整治');
      const png = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#6a8' } }).png().toBuffer();
      await town.getByTestId('fill-photo').setInputFiles({ name: '整治现场.png', mimeType: 'image/png', buffer: png });
      await expect.poll(() => town.getByTestId('fill-pending-files').innerText()).toContain('整治现场.png');
      expect(await scrollsSideways(town)).toBe(false);
      await town.getByTestId('fill-submit').click();
      await expect.poll(() => town.getByTestId('fill-status').getAttribute('data-status'), { timeout: 30_000 }).toBe('submitted');
      const owed = (await apiGet<Array<{ periodId: number; indicatorId: number; valueId: number | null; status: string }>>(town, '/api/indicator-values/owed')).find((o) => o.periodId === opened.id && o.indicatorId === ind.id)!;
      expect(owed.status).toBe('submitted');
      const record = await apiGet<{ valueText: string; note: string; files: Array<{ name: string; mime: string }> }>(town, `/api/indicator-values/${owed.valueId}`);
      expect(record).toMatchObject({ valueText: '96', note: '本月完成分水片区 96 个村的清洁整治', files: [{ name: '整治现场.png', mime: 'image/png' }] });
      await expect.poll(() => town.locator('[data-testid="evidence"] img').count()).toBe(1);

      // ---- the dispatcher sees the photo and accepts
      await disp.goto(`/indicators/periods?id=${opened.id}&tab=submitted`);
      const row = disp.getByTestId(`cell-row-${FENSHUI}-${ind.id}`);
      await expect.poll(() => row.getAttribute('data-status')).toBe('submitted');
      await disp.getByTestId(`cell-open-${FENSHUI}-${ind.id}`).click();
      await expect.poll(() => disp.getByTestId('review-value').innerText()).toBe('96');
      await expect.poll(() => disp.locator('[data-testid="review-evidence"] img').count()).toBe(1);
      await disp.getByTestId('review-accept').click();
      await expect.poll(() => disp.getByTestId('review-status').getAttribute('data-status')).toBe('accepted');
      await disp.keyboard.press('Escape');
      await disp.goto(`/indicators/periods?id=${opened.id}`);
      await expect.poll(() => disp.getByTestId(`cell-row-${FENSHUI}-${ind.id}`).getAttribute('data-status')).toBe('accepted');

      // ---- and publishes the month on 指标数据
      await disp.goto(`/indicators/values?indicatorId=${ind.id}&period=${period}`);
      await expect.poll(() => disp.getByTestId('values-published').getAttribute('data-published')).toBe('false');
      await disp.getByTestId('values-publish').click();
      await expect.poll(() => disp.getByTestId('values-published').getAttribute('data-published')).toBe('true');
      const values = await apiGet<Values>(disp, `/api/indicator-values?indicatorId=${ind.id}&period=${period}`);
      expect(values.published).toBe(true);
      // ranked by completion: 桐君街道 90 ÷ 100 = 90%, 分水镇 96 ÷ 120 = 80%
      const mine = values.items.find((i) => i.unitId === FENSHUI)!;
      expect(mine).toMatchObject({ value: 96, progress: 80, rank: 2, status: 'accepted' });
      expect(values.items.find((i) => i.unitId === TONGJUN)).toMatchObject({ progress: 90, rank: 1 });
      await expect.poll(() => disp.getByTestId(`value-rank-${FENSHUI}`).innerText()).toBe(String(mine.rank));
      expect(await disp.getByTestId(`value-value-${FENSHUI}`).innerText()).toBe('96');

      // ---- 分水镇 sees its rank among the towns on 经济运行对标, on the phone
      await town.goto(`/indicators/benchmark?indicatorId=${ind.id}&period=${period}`);
      const bench = await apiGet<Bench>(town, `/api/benchmarks?indicatorId=${ind.id}&period=${period}`);
      const self = bench.rows.find((r) => r.self)!;
      expect(self).toMatchObject({ unitId: FENSHUI, rank: 2 });
      const ranked = bench.rows.filter((r) => r.rank !== null).length;
      await expect.poll(() => town.getByTestId('bench-self-rank').innerText()).toBe(`分水镇：第 ${self.rank} 名 / 共 ${ranked} 个`);
      expect(await town.getByTestId(`bench-rank-${FENSHUI}`).innerText()).toBe('2');
      expect(await town.getByTestId(`bench-row-${FENSHUI}`).getAttribute('data-self')).toBe('true');
      expect(await scrollsSideways(town)).toBe(false);
      await town.context().close();

      // ---- and on its dashboard, at 1366×768, above the map and within one screen
      const desk = await openAs(browser, 'fenshui');
      await desk.goto('/dashboard');
      await expect.poll(() => desk.getByTestId(`rank-item-rank-${ind.id}`).innerText(), { timeout: 20_000 }).toBe(`第${self.rank}/${ranked}名`);
      for (const id of ['rank-summary-card', 'map-card']) {
        const b = (await desk.getByTestId(id).boundingBox())!;
        expect(b.y + b.height, id).toBeLessThanOrEqual(768);
      }
    } finally {
      await browser.close();
    }
  });
});
