// Journey: the dispatcher opens a month, a project unit fills its report on a phone with a
// photo and submits, the dispatcher returns it with a reason, the unit corrects and
// resubmits, the dispatcher accepts; the derived figures show on the accepted report.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { apiGet, launchChromium, login } from '../support/browser.js';

describe('monthly report journey', () => {
  it('open, fill with a photo, return, resubmit, accept', async () => {
    const browser = await launchChromium();
    const { inject } = await import('vitest');
    const baseURL = inject('baseURL');
    const now = new Date(Date.now() + 8 * 3600_000);
    const year = now.getUTCFullYear();
    const month = now.getUTCMonth() + 1;
    const ym = `${year}-${String(month).padStart(2, '0')}`;
    try {
      // dispatcher: open the current month through the dialog
      const disp = await browser.newPage({ baseURL, viewport: { width: 1366, height: 768 } });
      await login(disp, 'diaodu');
      await disp.goto('/reports/review');
      await disp.getByTestId('window-open').click();
      const monthInput = disp.getByTestId('window-month');
      await monthInput.click();
      await monthInput.fill(ym);
      await monthInput.press('Enter');
      await disp.getByTestId('window-open-ok').click();
      await expect.poll(async () => (await apiGet<Array<{ year: number; month: number }>>(disp, '/api/report-windows')).some((w) => w.year === year && w.month === month)).toBe(true);

      // project unit on a phone
      const ctx = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
      const unit = await ctx.newPage();
      await login(unit, 'xiangmu');
      await unit.goto(`/reports/fill?ym=${year}-${month}`);
      const row = unit.locator('[data-testid^="report-row-"]').first();
      await row.waitFor();
      const projectId = Number((await row.getAttribute('data-testid'))!.replace('report-row-', ''));
      await row.click();
      await unit.getByTestId('report-investment').fill('321.5');
      await unit.getByTestId('report-progress').fill('主体结构施工至五层');
      await unit.getByTestId('report-problems').fill('用工紧张');
      const png = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#58a' } }).png().toBuffer();
      await unit.getByTestId('report-photos').setInputFiles({ name: 'site.png', mimeType: 'image/png', buffer: png });
      await unit.getByTestId('report-submit').click();
      await expect.poll(() => unit.getByTestId('report-status').getAttribute('data-status')).toBe('submitted');
      await expect.poll(async () => (await apiGet(unit, `/api/reports/${projectId}/${year}/${month}`)).photos.length).toBe(1);

      // dispatcher returns it
      await disp.goto(`/reports/review?ym=${year}-${month}`);
      await disp.getByTestId(`review-row-${projectId}`).click();
      await disp.getByTestId('review-reason').fill('投资额与形象进度不符，请核实');
      await disp.getByTestId('review-return').click();
      await expect.poll(() => disp.getByTestId('report-status').last().getAttribute('data-status')).toBe('returned');

      // the unit sees the reason, corrects and resubmits
      await unit.reload();
      await expect.poll(() => unit.getByTestId('report-return-reason').textContent()).toContain('投资额与形象进度不符');
      await unit.getByTestId('report-investment').fill('300');
      await unit.getByTestId('report-submit').click();
      await expect.poll(() => unit.getByTestId('report-status').getAttribute('data-status')).toBe('submitted');

      // the dispatcher accepts; the unit sees the derived figures
      await disp.reload();
      await disp.getByTestId(`review-row-${projectId}`).click();
      await disp.getByTestId('review-accept').click();
      await expect.poll(() => disp.getByTestId('report-status').last().getAttribute('data-status')).toBe('accepted');
      await unit.reload();
      await unit.getByTestId('report-figures').waitFor();
      const r = await apiGet(unit, `/api/reports/${projectId}/${year}/${month}`);
      expect(r).toMatchObject({ status: 'accepted', investment: 300 });
      await ctx.close();
    } finally {
      await browser.close();
    }
  });
});
