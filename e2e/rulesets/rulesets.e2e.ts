// Journey: 预警规则. The admin raises the investment thresholds of the active rule set (银川)
// above how far a known project is behind 序时进度, and the warnings page of this month then
// shows that project's investment light green; a threshold the server refuses shows its
// message on the field; activating 武汉 marks it active. The shipped state is restored after
// each test (the journeys share one database).
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiGet, login, useBrowser } from '../support/browser.js';

interface RuleSet {
  id: number;
  code: string;
  name: string;
  active: boolean;
  config: { investment: { mode: string; yellowFrom?: number; redAbove?: number; yellowBelow?: number } } & Record<string, unknown>;
}
interface WarningList {
  rows: Array<{ projectId: number; projectName: string; lights: Partial<Record<string, { light: string; value: number | null }>> }>;
}

/** PUT/POST with the session's CSRF token, to put the shipped rule sets back. */
async function send(page: Page, method: 'PUT' | 'POST', url: string, data?: unknown): Promise<void> {
  const me = await apiGet<{ csrfToken: string }>(page, '/api/auth/me');
  const res = await page.request.fetch(url, { method, data: data as object, headers: { 'x-csrf-token': me.csrfToken } });
  if (!res.ok()) throw new Error(`${method} ${url}: ${res.status()} ${await res.text()}`);
}

/** This month in China: the month the server recomputes when a rule set changes. */
function thisMonth(): { year: number; month: number } {
  const d = new Date(Date.now() + 8 * 3600_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1 };
}

/** The light shown in the investment column of a project's row on the warnings page. */
async function investmentLightOnScreen(page: Page, projectId: number): Promise<string | null> {
  const headers = (await page.locator('.ant-table-thead th').allTextContents()).map((h) => h.trim());
  const col = headers.findIndex((h) => h.startsWith('投资进度'));
  if (col < 0) throw new Error(`no 投资进度 column among ${JSON.stringify(headers)}`);
  const cell = page.locator(`tr[data-row-key="${projectId}"] > td`).nth(col);
  return cell.locator('[data-light]').first().getAttribute('data-light', { timeout: 5_000 });
}

describe('warning rule sets (预警规则)', () => {
  const s = useBrowser({ viewport: { width: 1366, height: 768 } });

  it('raising a threshold of the active rule set turns a known project green on the warnings page', async () => {
    const { page } = s;
    await login(page, 'admin');
    const sets = await apiGet<RuleSet[]>(page, '/api/rule-sets');
    const active = sets.find((r) => r.active)!;
    expect(active.code).toBe('yinchuan');
    expect(active.config.investment.mode).toBe('pointsBehind');
    const { year, month } = thisMonth();
    // a project behind 序时进度 this month, by the API
    let known: { projectId: number; projectName: string; light: string; behind: number } | undefined;
    for (const light of ['yellow', 'red']) {
      const list = await apiGet<WarningList>(page, `/api/warnings?year=${year}&month=${month}&dimension=investment&light=${light}&pageSize=50`);
      const row = list.rows.find((r) => r.lights.investment?.light === light && r.lights.investment.value !== null);
      if (row) {
        known = { projectId: row.projectId, projectName: row.projectName, light, behind: -row.lights.investment!.value! };
        break;
      }
    }
    expect(known, 'the demo has a project behind 序时进度 this month').toBeDefined();
    const p = known!;
    try {
      // the warnings page shows its light before the change
      await page.goto(`/warnings?year=${year}&month=${month}&q=${encodeURIComponent(p.projectName)}`);
      await page.locator(`tr[data-row-key="${p.projectId}"]`).waitFor();
      expect(await investmentLightOnScreen(page, p.projectId)).toBe(p.light);

      // the admin opens 预警规则 from the menu; the active set is marked and in the form
      await page.getByTestId('nav-rule-sets').click();
      await page.getByTestId('ruleset-form').waitFor();
      await expect.poll(() => page.getByTestId('ruleset-card-yinchuan').getAttribute('data-active')).toBe('true');
      await expect.poll(() => page.locator('#name').inputValue()).toBe(active.name);

      // a yellow start above the red threshold is refused by the server, shown on the field
      await page.locator('#config_investment_yellowFrom').fill(String(active.config.investment.redAbove! + 5));
      await page.getByTestId('ruleset-save').click();
      await expect.poll(() => page.locator('#config_investment_redAbove_help').textContent()).toContain('红灯阈值须不小于黄灯起点');
      expect((await apiGet<RuleSet[]>(page, '/api/rule-sets')).find((r) => r.id === active.id)!.config).toEqual(active.config);

      // thresholds above how far the project is behind: it is no longer yellow or red
      const yellowFrom = Math.ceil(p.behind + 0.01) + 1;
      const redAbove = Math.max(active.config.investment.redAbove!, yellowFrom);
      await page.locator('#config_investment_yellowFrom').fill(String(yellowFrom));
      await page.locator('#config_investment_redAbove').fill(String(redAbove));
      // the explanation follows the numbers being typed
      await expect.poll(() => page.getByTestId('ruleset-rules-investment').textContent()).toContain(`滞后序时进度 ${yellowFrom}–${redAbove} 个百分点`);
      await page.getByTestId('ruleset-save').click();
      await expect
        .poll(async () => (await apiGet<RuleSet[]>(page, '/api/rule-sets')).find((r) => r.id === active.id)!.config.investment)
        .toEqual({ mode: 'pointsBehind', yellowFrom, redAbove });

      // the page's link opens this month's warnings (no reload: the list seen before must not come
      // from the cache); searching the project shows its light green, as the API says
      const after = await apiGet<WarningList>(page, `/api/warnings?year=${year}&month=${month}&q=${encodeURIComponent(p.projectName)}`);
      expect(after.rows.find((r) => r.projectId === p.projectId)!.lights.investment!.light).toBe('green');
      await page.getByTestId('ruleset-view-warnings').click();
      await page.waitForURL(new RegExp(`/warnings\\?year=${year}&month=${month}$`));
      const search = page.locator('input[aria-label="项目名称"]');
      await search.fill(p.projectName);
      await search.press('Enter');
      await page.waitForURL(/[?&]q=/);
      await page.locator(`tr[data-row-key="${p.projectId}"]`).waitFor();
      await expect.poll(() => investmentLightOnScreen(page, p.projectId)).toBe('green');
    } finally {
      await send(page, 'PUT', `/api/rule-sets/${active.id}`, { name: active.name, config: active.config });
    }
  });

  it('activating another rule set marks it active', async () => {
    const { page } = s;
    await login(page, 'admin');
    const sets = await apiGet<RuleSet[]>(page, '/api/rule-sets');
    const yinchuan = sets.find((r) => r.code === 'yinchuan')!;
    const wuhan = sets.find((r) => r.code === 'wuhan')!;
    expect(yinchuan.active).toBe(true);
    try {
      await page.goto('/rule-sets');
      await page.getByTestId('ruleset-card-wuhan').waitFor();
      expect(await page.getByTestId('ruleset-card-wuhan').getAttribute('data-active')).toBe('false');
      // the other sets' thresholds are there to compare
      await expect.poll(() => page.getByTestId('ruleset-comparison').textContent()).toContain('完成率低于序时进度的 0.6 倍');

      await page.getByTestId('ruleset-activate-wuhan').click();
      await expect.poll(() => page.locator('.ant-modal-confirm').textContent()).toContain('切换后将重新计算上月和本月的预警');
      await page.getByTestId('ruleset-activate-ok').click();

      await expect.poll(() => page.getByTestId('ruleset-card-wuhan').getAttribute('data-active')).toBe('true');
      expect(await page.getByTestId('ruleset-card-yinchuan').getAttribute('data-active')).toBe('false');
      await expect.poll(() => page.getByTestId('ruleset-card-wuhan').getByTestId('ruleset-active-tag').isVisible()).toBe(true);
      const now = await apiGet<RuleSet[]>(page, '/api/rule-sets');
      expect(now.filter((r) => r.active).map((r) => r.code)).toEqual(['wuhan']);
      // the form now shows 武汉's scheme
      await page.getByTestId('ruleset-edit-wuhan').click();
      await expect.poll(async () => Number(await page.locator('#config_investment_yellowBelow').inputValue())).toBe(wuhan.config.investment.yellowBelow);
    } finally {
      await send(page, 'POST', `/api/rule-sets/${yinchuan.id}/activate`);
    }
  });
});
