// Journey: 安全. A project named with HTML shows its name as written in the dashboard map's
// tooltip, and no element of that name is created; a user whose password an admin
// reset is taken to the change-password page, is not shown the server's refusals, and works
// normally once the password is changed.
import { describe, expect, it } from 'vitest';
import { apiGet, apiSend, DEMO_PASSWORD, login, useBrowser } from '../support/browser.js';

const EVIL = '<b>x</b><img src=x onerror="document.body.dataset.pwned=1">';

describe('security journeys (安全)', () => {
  const s = useBrowser({ viewport: { width: 1366, height: 768 } });

  it('shows a project name with HTML in the map tooltip as text, creating no element', async () => {
    const { page } = s;
    await login(page, 'diaodu');
    const created = await apiSend<{ id: number }>(page, 'POST', '/api/projects', {
      name: EVIL,
      level: 'county',
      nature: 'new',
      category: 'new_start',
      planYear: new Date().getFullYear(),
      field: 'industry',
      investmentType: 'enterprise',
      regionCode: '330122',
      totalInvestment: 1000,
      lng: 119.69,
      lat: 29.8,
    });
    try {
      const d = await apiGet<{ map: Array<{ id: number; name: string }> }>(page, '/api/dashboard');
      expect(d.map.find((p) => p.id === created.id)?.name).toBe(EVIL);
      await page.getByTestId('nav-dashboard').click();
      await page.getByTestId('kpis').waitFor();
      const markers = page.locator('path.project-marker');
      await expect.poll(() => markers.count()).toBe(d.map.length);

      // hover the markers until the tooltip names the project
      const tooltip = page.locator('.leaflet-tooltip');
      let found = -1;
      // (a tooltip closed a moment ago may still be fading out beside the new one: look at all of them)
      for (let i = 0; i < d.map.length && found < 0; i++) {
        await markers.nth(i).dispatchEvent('mouseover');
        if ((await tooltip.allInnerTexts()).includes(EVIL)) found = i;
        else await markers.nth(i).dispatchEvent('mouseout');
      }
      expect(found, 'a marker whose tooltip shows the name literally').toBeGreaterThanOrEqual(0);
      const evilTip = tooltip.filter({ hasText: EVIL });
      expect(await evilTip.count()).toBeGreaterThan(0);
      expect(await evilTip.first().locator('b, img').count()).toBe(0);

      // nowhere on the page did the name become elements
      expect(await page.locator('img[src="x"]').count()).toBe(0);
      expect(await page.evaluate(() => document.body.dataset.pwned ?? null)).toBeNull();
    } finally {
      await apiSend(page, 'DELETE', `/api/projects/${created.id}`);
    }
  });

  it('takes a user whose password was reset to the change-password page and lets them work after it', async () => {
    const { page, browser } = s;
    // the admin resets 陈乡镇's password
    const adminCtx = await browser.newContext({ baseURL: s.baseURL });
    const admin = await adminCtx.newPage();
    await login(admin, 'admin');
    const users = await apiGet<{ items: Array<{ id: number; username: string }> }>(admin, '/api/users?q=fenshui');
    const fenshui = users.items.find((u) => u.username === 'fenshui')!;
    await apiSend(admin, 'PATCH', `/api/users/${fenshui.id}`, { password: 'Reset@2026x' });
    await adminCtx.close();

    const refusals: string[] = [];
    page.on('response', (res) => {
      if (res.status() === 403 && res.url().includes('/api/')) refusals.push(res.url());
    });
    await page.goto('/dashboard');
    await page.getByTestId('login-username').fill('fenshui');
    await page.getByTestId('login-password').fill('Reset@2026x');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('password-form').waitFor();
    expect(new URL(page.url()).pathname).toBe('/change-password');
    // the server holds everything else until the change
    const held = await page.request.get('/api/projects');
    expect(held.status()).toBe(403);
    expect((await held.json()).error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    // the change-password page itself asks for nothing the server refuses
    await page.waitForTimeout(500);
    expect(refusals).toEqual([]);
    // trying to go elsewhere still lands on the change-password page
    await page.goto('/projects');
    await page.getByTestId('password-form').waitFor();
    expect(new URL(page.url()).pathname).toBe('/change-password');

    const form = page.getByTestId('password-form');
    await form.locator('input#oldPassword').fill('Reset@2026x');
    await form.locator('input#newPassword').fill('Mine@2026yz');
    await form.locator('input#confirm').fill('Mine@2026yz');
    await page.getByTestId('password-submit').click();
    await expect.poll(() => new URL(page.url()).pathname, { timeout: 15_000 }).not.toBe('/change-password');
    expect((await page.request.get('/api/projects')).status()).toBe(200);
    await page.goto('/projects');
    await page.getByTestId('project-table').waitFor();

    // back to the demo password, for the other journeys
    await apiSend(page, 'POST', '/api/auth/password', { oldPassword: 'Mine@2026yz', newPassword: DEMO_PASSWORD });
  });
});
