// Journey (e): data scope on screen. A park user sees only the park's projects; a project
// unit on a phone sees its own projects as a list it can read without zooming.
import { describe, expect, it } from 'vitest';
import { request } from 'playwright-core';
import { DEMO_PASSWORD, apiGet, login, totalsOnScreen, useBrowser, type ProjectList } from '../support/browser.js';

type Item = ProjectList['items'][number] & { ownerName: string | null };

/** Every project, as the dispatcher (who sees everything) gets it: the truth to compare with. */
async function allProjects(baseURL: string): Promise<Item[]> {
  const ctx = await request.newContext({ baseURL });
  try {
    const res = await ctx.post('/api/auth/login', { data: { username: 'diaodu', password: DEMO_PASSWORD } });
    expect(res.status()).toBe(200);
    return ((await (await ctx.get('/api/projects?pageSize=200')).json()) as ProjectList).items as Item[];
  } finally {
    await ctx.dispose();
  }
}

const sum = (items: Item[]) => items.reduce((a, p) => a + p.totalInvestment, 0);

describe('a park user', () => {
  const s = useBrowser();

  it('shows kaifaqu only the projects of 桐庐经济开发区 (330122400)', async () => {
    const { page, baseURL } = s;
    const all = await allProjects(baseURL);
    const park = all.filter((p) => p.regionCode.startsWith('330122400'));
    const outside = all.filter((p) => !p.regionCode.startsWith('330122400'));
    expect(park.length).toBeGreaterThanOrEqual(3);

    await login(page, 'kaifaqu');
    await page.getByTestId('nav-projects').click();
    const totals = await totalsOnScreen(page, park.length);
    expect(Math.abs(totals.amount - sum(park))).toBeLessThan(1);

    const table = page.getByTestId('project-table');
    await table.getByRole('link', { name: park[0]!.name, exact: true }).waitFor();
    const shown = (await table.getByRole('link').allTextContents()).map((t) => t.trim());
    const allNames = new Set(all.map((p) => p.name));
    expect(shown.filter((n) => allNames.has(n)).sort()).toEqual(park.map((p) => p.name).sort());
    expect((await page.locator('body').textContent()) ?? '').not.toContain(outside[0]!.name);

    // A project outside the park is not reachable by its address either.
    const foreign = outside[0]!;
    await page.goto(`/projects/${foreign.id}`);
    await page.waitForLoadState('networkidle');
    expect((await page.locator('body').textContent()) ?? '').not.toContain(foreign.name);
    expect((await page.request.get(`/api/projects/${foreign.id}`)).status()).toBe(404);
  });
});

describe('a project unit on a phone', () => {
  const s = useBrowser({ viewport: { width: 390, height: 844 }, isMobile: true });

  it('shows xiangmu its own projects as a readable list at 390×844', async () => {
    const { page, baseURL } = s;
    const own = (await allProjects(baseURL)).filter((p) => p.ownerName === '杭州富春智造科技有限公司');
    expect(own.length).toBeGreaterThanOrEqual(2);

    await login(page, 'xiangmu');
    // On a phone the menu may be folded away; the address works the same.
    await page.goto('/projects');
    await totalsOnScreen(page, own.length);

    for (const p of own) {
      const item = page.getByText(p.name, { exact: true }).first();
      await item.waitFor();
      await item.scrollIntoViewIfNeeded();
      const box = (await item.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(390 + 1);
      expect(await item.evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(12);
    }
    // Nothing forces the page wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390 + 1);
    const mine = await apiGet<ProjectList>(page, '/api/projects?pageSize=200');
    expect(mine.items.map((p) => p.name).sort()).toEqual(own.map((p) => p.name).sort());
  });
});
