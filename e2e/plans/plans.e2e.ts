// Journey: 年度计划. The dispatcher opens the year's plans, sees the totals the API reports,
// mistypes a month (the row shows the difference in red and the save is refused with the row's
// error, nothing saved), then adjusts a plan mid-year with a reason and finds it in the history.
import { describe, expect, it } from 'vitest';
import { apiGet, login, useBrowser } from '../support/browser.js';

interface Row {
  projectId: number;
  plannedInvestment: number;
  monthly: number[];
  version: number;
}
interface List {
  items: Row[];
  total: number;
  sums: { plannedInvestment: number };
}
const wan = (n: number) => n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

describe('annual plans (年度计划)', () => {
  const s = useBrowser({ viewport: { width: 1366, height: 768 } });

  it('edits the grid, refuses months that do not add up, and records an adjustment', async () => {
    const { page } = s;
    await login(page, 'diaodu');
    await page.getByTestId('nav-plans').click();
    await page.getByTestId('plans-table').waitFor();
    const year = new Date().getFullYear();
    const list = await apiGet<List>(page, `/api/plans?year=${year}&pageSize=50`);
    expect(list.total).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('plans-sum-annual').textContent()).toBe(wan(list.sums.plannedInvestment));

    // a project whose March and April plans can move 100 万元 (a project starting late in the year plans nothing before)
    const first = list.items.find((p) => p.monthly[3]! >= 100)!;
    expect(first, 'a plan with at least 100 万元 in April').toBeTruthy();
    const row = (l: List) => l.items.find((p) => p.projectId === first.projectId)!;
    const m3 = page.getByTestId(`plan-m3-${first.projectId}`);
    await m3.fill(String(first.monthly[2]! + 100));
    await m3.press('Tab');
    await expect.poll(() => page.getByTestId('plans-row-diff').count()).toBe(1);
    await page.getByTestId('plans-save').click();
    await page.getByTestId('plans-save-reason').fill('年中调度会调整');
    await page.locator('.ant-modal-confirm-btns .ant-btn-primary').click();
    await expect.poll(() => page.getByTestId('plans-row-error').count()).toBeGreaterThan(0);
    const unchanged = await apiGet<List>(page, `/api/plans?year=${year}&pageSize=50`);
    expect(row(unchanged).version).toBe(first.version);

    // Move the 100 万元 from April to March instead: the months add up again; adjust with a reason.
    const m4 = page.getByTestId(`plan-m4-${first.projectId}`);
    await m4.fill(String(Math.round((first.monthly[3]! - 100) * 100) / 100));
    await m4.press('Tab');
    await expect.poll(() => page.getByTestId('plans-row-diff').count()).toBe(0);
    await page.getByTestId(`plan-adjust-${first.projectId}`).click();
    await page.getByTestId('plans-adjust-reason').fill('三月提前进场施工');
    await page.getByTestId('plans-adjust-ok').click();
    await expect.poll(async () => row(await apiGet<List>(page, `/api/plans?year=${year}&pageSize=50`)).version).toBe(first.version + 1);
    await page.getByTestId(`plan-history-${first.projectId}`).click();
    await expect.poll(() => page.getByTestId('plans-history-item').count()).toBe(1);
    expect(await page.getByTestId('plans-history-item').textContent()).toContain('三月提前进场施工');
  });
});

describe('adding a project to the year (年度计划)', () => {
  const s = useBrowser({ viewport: { width: 1366, height: 768 } });

  it('adds a project without a plan, starting at 0', async () => {
    const { page } = s;
    await login(page, 'diaodu');
    const year = new Date().getFullYear();
    const reserve = await apiGet<{ items: { id: number; name: string }[] }>(page, '/api/projects?stage=reserve&pageSize=1');
    const p = reserve.items[0]!;
    await page.goto('/plans');
    await page.getByTestId('plans-table').waitFor();
    await page.getByTestId('plans-add').click();
    const select = page.getByTestId('plans-add-project');
    await select.click();
    await page.keyboard.type(p.name.slice(0, 6));
    await page.locator('.ant-select-item-option', { hasText: p.name }).first().click();
    await page.getByTestId('plans-add-ok').click();
    await expect.poll(async () => (await apiGet<{ year: number; plannedInvestment: number }[]>(page, `/api/projects/${p.id}/plans`)).find((x) => x.year === year)?.plannedInvestment).toBe(0);
  });
});
