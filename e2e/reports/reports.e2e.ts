// Journey: the dispatcher opens a month, a project unit fills its report on a phone with a
// photo and submits, the dispatcher returns it with a reason, the unit corrects and
// resubmits, the dispatcher accepts; the derived figures show on the accepted report, the
// dispatcher's dashboard counts the accepted amount in the month's completed investment, and
// the warnings list turns the project's report light green.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiGet, apiSend, launchChromium, login } from '../support/browser.js';

interface WarningRow {
  projectId: number;
  lights: Partial<Record<string, { light: string; value: number | null }>>;
}

/** The month's 1-M月完成投资 on the dashboard, in hundredths of 万元 (exact sums). */
async function dashboardCompleted(page: Page, year: number, month: number): Promise<number> {
  await page.goto(`/dashboard?year=${year}&month=${month}`);
  const root = page.getByTestId('dashboard');
  await expect.poll(() => root.getAttribute('data-month')).toBe(String(month));
  const text = await page.getByTestId('kpi-completed').locator('.ant-statistic-content-value').innerText();
  const shown = Math.round(Number(text.replace(/[,\s]/g, '')) * 100);
  const api = await apiGet<{ completedYtd: number }>(page, `/api/dashboard?year=${year}&month=${month}`);
  expect(shown).toBe(Math.round(api.completedYtd * 100));
  return shown;
}

/** The light of the 月报报送 column of one project on the warnings page of a month. */
async function reportLightOnScreen(page: Page, year: number, month: number, projectId: number, name: string): Promise<string | null> {
  await page.goto(`/warnings?year=${year}&month=${month}&q=${encodeURIComponent(name)}`);
  const row = page.locator(`tr[data-row-key="${projectId}"]`);
  await row.waitFor();
  const headers = await page.locator('.ant-table-thead th').allInnerTexts();
  const col = headers.findIndex((h) => h.trim().startsWith('月报报送'));
  expect(col).toBeGreaterThan(0);
  return row.locator('td').nth(col).locator('[data-light]').getAttribute('data-light');
}

async function warningOf(page: Page, year: number, month: number, projectId: number, name: string): Promise<WarningRow> {
  const list = await apiGet<{ rows: WarningRow[] }>(page, `/api/warnings?year=${year}&month=${month}&q=${encodeURIComponent(name)}`);
  const row = list.rows.find((r) => r.projectId === projectId);
  expect(row, `project ${projectId} is on the warnings list of ${year}-${month}`).toBeDefined();
  return row!;
}

describe('monthly report journey', () => {
  it('open, fill with a photo, return, resubmit, accept', async () => {
    const browser = await launchChromium();
    const { inject } = await import('vitest');
    const baseURL = inject('baseURL');
    const now = new Date(Date.now() + 8 * 3600_000);
    const year = now.getUTCFullYear();
    const month = now.getUTCMonth() + 1;
    const ym = `${year}-${String(month).padStart(2, '0')}`;
    const today = now.toISOString().slice(0, 10);
    // the month is opened late, with its deadline on the 1st: a report not yet in is overdue
    // (except on the 1st itself, when the deadline is today)
    const deadline = `${ym}-01`;
    const overdue = today > deadline;
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
      const deadlineInput = disp.getByTestId('window-deadline');
      await deadlineInput.click();
      await deadlineInput.fill(deadline);
      await deadlineInput.press('Enter');
      await disp.getByTestId('window-open-ok').click();
      await expect
        .poll(async () => (await apiGet<Array<{ year: number; month: number; deadline: string }>>(disp, '/api/report-windows')).find((w) => w.year === year && w.month === month)?.deadline)
        .toBe(deadline);
      // opening a window does not touch the lights; the month's are computed again with its deadline
      await apiSend(disp, 'POST', `/api/warnings/recompute?year=${year}&month=${month}`);

      // project unit on a phone
      const ctx = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
      const unit = await ctx.newPage();
      await login(unit, 'xiangmu');
      await unit.goto(`/reports/fill?ym=${year}-${month}`);
      const row = unit.locator('[data-testid^="report-row-"]').first();
      await row.waitFor();
      const projectId = Number((await row.getAttribute('data-testid'))!.replace('report-row-', ''));
      const projectName = (await apiGet<{ projectName: string }>(unit, `/api/reports/${projectId}/${year}/${month}`)).projectName;

      // before the report: the dashboard's completed investment, and the project's lights
      const completedBefore = await dashboardCompleted(disp, year, month);
      const lightBefore = await reportLightOnScreen(disp, year, month, projectId, projectName);
      expect(lightBefore === 'green').toBe(!overdue);
      const warningBefore = await warningOf(disp, year, month, projectId, projectName);

      await row.click();
      await unit.getByTestId('report-investment').fill('321.5');
      await unit.getByTestId('report-progress').fill('主体结构施工至五层');
      await unit.getByTestId('report-problems').fill('用工紧张');
      // the unit is told that 存在问题 goes to 问题解决清单
      expect(await unit.getByTestId('report-problems-hint').innerText()).toBe('提交后将自动转入问题解决清单，由调度员交办并限时答复');
      const png = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#58a' } }).png().toBuffer();
      await unit.getByTestId('report-photos').setInputFiles({ name: 'site.png', mimeType: 'image/png', buffer: png });
      await unit.getByTestId('report-submit').click();
      await expect.poll(() => unit.getByTestId('report-status').getAttribute('data-status')).toBe('submitted');
      await expect.poll(async () => (await apiGet(unit, `/api/reports/${projectId}/${year}/${month}`)).photos.length).toBe(1);
      // the submission raised a problem from 存在问题; the form links to it
      const reportId = (await apiGet<{ id: number }>(unit, `/api/reports/${projectId}/${year}/${month}`)).id;
      const raised = await apiGet<{ items: Array<{ id: number; status: string }> }>(unit, `/api/problems?reportId=${reportId}`);
      expect(raised.items).toEqual([expect.objectContaining({ status: 'pending' })]);
      await expect.poll(() => unit.getByTestId('report-problem-link').getAttribute('href')).toBe(`/problems/${raised.items[0]!.id}`);
      expect(await unit.getByTestId('report-problem-link').innerText()).toBe('已转为问题（待受理）');

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

      // the dispatcher's dashboard: the month's completed investment grew by the accepted 300 万元
      expect(await dashboardCompleted(disp, year, month)).toBe(completedBefore + 300 * 100);
      // the warnings list: the report is in, so its light is green again; the investment light's
      // distance from 序时进度 moved by 300 万元 over the year's plan
      expect(await reportLightOnScreen(disp, year, month, projectId, projectName)).toBe('green');
      const warningAfter = await warningOf(disp, year, month, projectId, projectName);
      expect(warningAfter.lights.report?.light).toBe('green');
      const planned = Number(r.plannedInvestment);
      expect(planned).toBeGreaterThan(0);
      const moved = warningAfter.lights.investment!.value! - warningBefore.lights.investment!.value!;
      expect(Math.abs(moved - (300 / planned) * 100)).toBeLessThanOrEqual(0.011);
    } finally {
      await browser.close();
    }
  });
});
