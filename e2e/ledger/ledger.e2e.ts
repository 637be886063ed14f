// Journey (a): the dispatcher logs in and sees the demo county's ledger with its totals.
import { describe, expect, it } from 'vitest';
import { apiGet, login, totalsOnScreen, useBrowser, type ProjectList } from '../support/browser.js';

const s = useBrowser();

describe('log in and see the ledger', () => {
  it('sends a visitor to the login page and refuses a wrong password', async () => {
    const { page } = s;
    await page.goto('/projects');
    await page.getByTestId('login-username').waitFor();
    await page.getByTestId('login-username').fill('ducha');
    await page.getByTestId('login-password').fill('Wrong@2026x');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByText('用户名或密码错误').first().isVisible()).toBe(true);
    expect(await page.getByTestId('user-menu').count()).toBe(0);
  });

  it('logs in as 调度员 diaodu and shows the demo county projects and the totals line', async () => {
    const { page } = s;
    await login(page, 'diaodu');
    await expect.poll(() => page.getByTestId('user-menu').textContent()).toContain('王调度');
    await page.getByTestId('nav-projects').click();
    const table = page.getByTestId('project-table');
    await table.waitFor();

    const api = await apiGet<ProjectList>(page, '/api/projects?pageSize=200');
    expect(api.total).toBeGreaterThanOrEqual(32); // the demo county carries 32 projects
    const totals = await totalsOnScreen(page, api.total);
    expect(totals.count).toBe(api.total);
    expect(Math.abs(totals.amount - api.sums.totalInvestment)).toBeLessThan(1);

    // The rows are the county's projects, each linking to its detail page.
    const names = new Set(api.items.map((p) => p.name));
    const links = table.getByRole('link');
    await expect.poll(() => links.count()).toBeGreaterThanOrEqual(10);
    const shown = (await links.allTextContents()).map((t) => t.trim()).filter((t) => names.has(t));
    expect(shown.length).toBeGreaterThanOrEqual(10);
    expect(api.items.some((p) => p.name === '桐庐经济开发区智能制造产业园一期')).toBe(true);

    // Every page has an English version; the choice survives a reload.
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.getByTestId('nav-projects').textContent()).toContain('Project ledger');
    await expect.poll(() => page.getByTestId('project-totals').textContent()).toMatch(new RegExp(`^${api.total} projects`));
    await page.reload();
    await expect.poll(() => page.getByTestId('nav-projects').textContent()).toContain('Project ledger');
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.getByTestId('nav-projects').textContent()).toContain('项目台账');

    // The shell offers the dispatcher's menu and signs out again.
    for (const id of ['nav-projects', 'nav-enterprises']) expect(await page.getByTestId(id).count()).toBeGreaterThan(0);
    // the account menu is a dropdown: on a loaded machine a click may land while it is still
    // opening or closing, so open it and sign out until the login page shows
    await expect
      .poll(
        async () => {
          if (await page.getByTestId('login-username').isVisible()) return true;
          if (!(await page.getByTestId('logout').isVisible())) await page.getByTestId('user-menu').click();
          await page.getByTestId('logout').click({ timeout: 3000 }).catch(() => undefined);
          await page.getByTestId('login-username').waitFor({ timeout: 3000 }).catch(() => undefined);
          return page.getByTestId('login-username').isVisible();
        },
        { timeout: 30_000 },
      )
      .toBe(true);
    expect((await page.request.get('/api/auth/me')).status()).toBe(401);
  });
});
