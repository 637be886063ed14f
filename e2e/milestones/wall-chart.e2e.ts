// Journey: 挂图作战. The dispatcher sees the wall chart with today's line and the overdue bars
// the API reports; the responsible department marks its overdue node done from the chart and
// the bar turns from red to done.
import { describe, expect, it } from 'vitest';
import { apiGet, login, useBrowser } from '../support/browser.js';

interface GMilestone {
  id: number;
  name: string;
  overdue: boolean;
  doneDate: string | null;
  canEdit?: string;
}
interface G {
  today: string;
  projects: { id: number; name: string; milestones: GMilestone[] }[];
}

describe('wall chart (挂图作战)', () => {
  const s = useBrowser({ viewport: { width: 1366, height: 768 } });

  it('shows the dispatcher every overdue milestone in red and today’s line', async () => {
    const { page } = s;
    await login(page, 'diaodu');
    await page.getByTestId('nav-gantt').click();
    await page.getByTestId('gantt').waitFor();
    await expect.poll(() => page.getByTestId('gantt-today').count()).toBe(1);
    const counts = (await page.getByTestId('gantt-counts').textContent()) ?? '';
    const m = /共\s*(\d+)\s*个节点，已完成\s*(\d+)，逾期\s*(\d+)/.exec(counts);
    expect(m).not.toBeNull();
    const overdue = Number(m![3]);
    expect(overdue).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('gantt-bar-overdue').count()).toBe(overdue);
  });

  it('lets the responsible department mark its overdue node done', async () => {
    const { page } = s;
    await login(page, 'ziranziyuan');
    const g = await apiGet<G>(page, '/api/gantt');
    const mine = g.projects.flatMap((p) => p.milestones).filter((x) => x.overdue && x.canEdit === 'progress');
    expect(mine.length).toBeGreaterThan(0);
    await page.goto('/gantt');
    await page.getByTestId('gantt').waitFor();
    const before = await page.getByTestId('gantt-bar-overdue').count();
    expect(before).toBe(mine.length);
    await page.getByTestId('gantt-bar-overdue').first().click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await dialog.locator('#doneDate').click();
    await dialog.locator('#doneDate').fill(g.today);
    await dialog.locator('#doneDate').press('Enter');
    await dialog.locator('#note').fill('已核发规划许可证');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await expect.poll(() => page.getByTestId('gantt-bar-overdue').count()).toBe(before - 1);
    const after = await apiGet<G>(page, '/api/gantt');
    expect(after.projects.flatMap((p) => p.milestones).filter((x) => x.overdue && x.canEdit === 'progress')).toHaveLength(mine.length - 1);
  });

  it('shows one project: from its page to the wall chart, then another one picked by name', async () => {
    const { page } = s;
    await login(page, 'diaodu');
    const g = await apiGet<G>(page, '/api/gantt');
    expect(g.projects.length).toBeGreaterThan(1);
    const [first, second] = g.projects;
    await page.goto(`/projects/${first!.id}`);
    await page.getByTestId('link-project-gantt').click();
    await page.getByTestId('gantt').waitFor();
    await expect.poll(() => page.getByTestId('gantt-project').count()).toBe(1);
    expect(await page.getByTestId('gantt-project').first().textContent()).toContain(first!.name);
    expect(new URL(page.url()).searchParams.get('projectId')).toBe(String(first!.id));
    // pick the second project by typing part of its name
    const picker = page.getByTestId('gantt-pick-project');
    await picker.click();
    await page.keyboard.type(second!.name.slice(0, 6));
    await page.locator('.ant-select-item-option', { hasText: second!.name }).first().click();
    await expect.poll(async () => (await page.getByTestId('gantt-project').first().textContent()) ?? '').toContain(second!.name);
    expect(await page.getByTestId('gantt-project').count()).toBe(1);
  });
});
