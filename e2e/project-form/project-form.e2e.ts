// Journey (b): create a project through the form, find it in the list and on its detail
// page, move it to the next stage with a reason, and see that move in the history.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { chooseOption } from '../support/antd.js';
import { apiGet, login, useBrowser, type ProjectList } from '../support/browser.js';

const s = useBrowser();
const suffix = randomBytes(2).toString('hex');
const name = `桐庐县智慧冷链仓储中心${suffix}`;
const code = `2026-330122-59-01-${String(100000 + Number.parseInt(suffix, 16)).slice(-6)}`;

describe('create a project and change its stage', () => {
  it('creates a project through the form, lists it, opens it and moves it from 前期 to 开工', async () => {
    const { page } = s;
    await login(page, 'diaodu');
    await page.getByTestId('nav-projects').click();
    await page.getByTestId('btn-new-project').click();
    const form = page.getByTestId('project-form');
    await form.waitFor();

    await page.locator('#name').fill(name);
    await page.locator('#code').fill(code);
    await chooseOption(page, 'level', '县重点');
    await chooseOption(page, 'nature', '新建');
    await chooseOption(page, 'category', '新开工');
    await chooseOption(page, 'field', '产业（服务业）');
    await chooseOption(page, 'investmentType', '企业投资');
    await chooseOption(page, 'regionCode', '城南街道');
    await page.locator('#totalInvestment').fill('8888.5');
    await page.getByTestId('project-form-submit').click();

    // Saved: the platform shows the new project's detail page.
    const detail = page.getByTestId('project-detail');
    await detail.waitFor({ timeout: 20_000 });
    await expect.poll(() => detail.textContent()).toContain(name);
    expect(await detail.textContent()).toContain(code);
    expect(await detail.textContent()).toMatch(/8,888\.5/);

    const api = await apiGet<ProjectList>(page, `/api/projects?q=${encodeURIComponent(name)}`);
    expect(api.total).toBe(1);
    const created = api.items[0]!;
    expect(created).toMatchObject({ name, code, regionCode: '330122003', stage: 'preliminary', totalInvestment: 8888.5 });

    // In the list: search by name, the row links to the same detail page.
    await page.getByTestId('nav-projects').click();
    await page.getByTestId('project-search').fill(name);
    await page.getByTestId('project-search').press('Enter');
    const link = page.getByTestId('project-table').getByRole('link', { name, exact: true });
    await link.waitFor();
    await link.click();
    await expect.poll(() => page.url()).toContain(`/projects/${created.id}`);
    await detail.waitFor();

    // Stage change with a reason; the history shows the move, the reason and who made it.
    const reason = `施工许可已取得，正式开工${suffix}`;
    await page.getByTestId('btn-change-stage').click();
    await chooseOption(page, 'to', '开工');
    await page.locator('#reason').fill(reason);
    await page.getByTestId('stage-modal-submit').click();
    const history = page.getByTestId('stage-history');
    await expect.poll(() => history.textContent(), { timeout: 15_000 }).toContain(reason);
    const historyText = (await history.textContent()) ?? '';
    expect(historyText).toContain('开工');
    expect(historyText).toContain('王调度');

    const after = await apiGet<{ stage: string; actualStart: string | null }>(page, `/api/projects/${created.id}`);
    expect(after.stage).toBe('started');
    expect(after.actualStart).not.toBeNull();
    const events = await apiGet<Array<{ toStage: string; reason: string | null }>>(page, `/api/projects/${created.id}/stages`);
    expect(events.some((e) => e.toStage === 'started' && e.reason === reason)).toBe(true);
  });

  it('refuses an incomplete form with field messages and saves nothing', async () => {
    const { page } = s;
    await login(page, 'diaodu');
    await page.getByTestId('nav-projects').click();
    const before = (await apiGet<ProjectList>(page, '/api/projects?pageSize=1')).total;
    await page.getByTestId('btn-new-project').click();
    await page.getByTestId('project-form').waitFor();
    await page.locator('#name').fill(`缺字段项目${suffix}`);
    await page.locator('#code').fill('2026-33-bad');
    await page.getByTestId('project-form-submit').click();
    await expect.poll(() => page.locator('.ant-form-item-explain-error').count()).toBeGreaterThan(0);
    expect(page.url()).not.toMatch(/\/projects\/\d+$/);
    expect((await apiGet<ProjectList>(page, '/api/projects?pageSize=1')).total).toBe(before);
  });
});
