// Journey: a project's page shows its problems — the dispatcher sees the open, overdue and
// total counts and the first problems the API lists for the project, and follows 查看全部 to
// the problem list filtered to the project; the project unit, on a phone, raises one from the
// card with the project already chosen, and the card counts it.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiGet, launchChromium, openAs } from '../support/browser.js';
import { chooseOption, chosenLabels } from '../support/antd.js';

interface ProblemList {
  items: Array<{ id: number; title: string; status: string }>;
  total: number;
  counts: { all: number; open: number; overdue: number };
}


/** The counts on the card, as numbers. */
async function cardCounts(page: Page): Promise<{ open: number; overdue: number; all: number }> {
  const n = async (id: string) => Number(await page.getByTestId(id).innerText());
  return { open: await n('project-problems-open'), overdue: await n('project-problems-overdue'), all: await n('project-problems-total') };
}

const idsOf = (page: Page, prefix: string) =>
  page.locator(`[data-testid^="${prefix}"]`).evaluateAll((els, p) => els.map((e) => Number(e.getAttribute('data-testid')!.slice(p.length))), prefix);

describe('a project\'s problems on its page', () => {
  it('counts and first problems as the API lists them, the filtered list, 提出问题 with the project chosen', async () => {
    const browser = await launchChromium();
    try {
      const disp = await openAs(browser, 'diaodu');
      // the project of the unit xiangmu, so that the unit can raise one for it afterwards
      const unit = await openAs(browser, 'xiangmu', true);
      const project = (await apiGet<{ items: Array<{ id: number; name: string; regionName: string }> }>(unit, '/api/projects?pageSize=1')).items[0]!;
      const api = await apiGet<ProblemList>(disp, `/api/problems?projectId=${project.id}&tab=all&pageSize=5`);

      await disp.goto(`/projects/${project.id}`);
      const card = disp.getByTestId('project-problems');
      await card.waitFor();
      await expect.poll(() => cardCounts(disp)).toEqual({ open: api.counts.open, overdue: api.counts.overdue, all: api.counts.all });
      expect(await idsOf(disp, 'project-problem-')).toEqual(api.items.map((p) => p.id));
      // the dispatcher may raise problems too
      expect(await card.getByTestId('project-raise-problem').count()).toBe(1);

      // 查看全部: the problem list of this project, all tabs, with the filter shown
      await card.getByTestId('project-problems-all').click();
      await disp.waitForURL(new RegExp(`/problems\\?tab=all&projectId=${project.id}$`));
      await expect.poll(() => disp.getByTestId('filter-project').innerText()).toBe(`项目：${project.name}`);
      const full = await apiGet<ProblemList>(disp, `/api/problems?projectId=${project.id}&tab=all&pageSize=20`);
      await expect.poll(() => idsOf(disp, 'problem-row-')).toEqual(full.items.map((p) => p.id));
      await disp.context().close();

      // the unit, on a phone, raises one from the card: the project is already chosen
      await unit.goto(`/projects/${project.id}`);
      await unit.getByTestId('project-raise-problem').click();
      await unit.waitForURL(new RegExp(`/problems/new\\?projectId=${project.id}$`));
      await expect.poll(() => chosenLabels(unit, unit.getByTestId('raise-project'))).toEqual([`${project.name}（${project.regionName}）`]);
      await chooseOption(unit, unit.getByTestId('raise-category'), '征地拆迁');
      const title = `红线内两户房屋未完成征迁${Date.now().toString(36)}`;
      await unit.locator('#title').fill(title);
      await unit.locator('#description').fill('红线内尚有两户房屋未签约，影响场地平整。');
      await unit.getByTestId('raise-submit').click();
      await unit.waitForURL(/\/problems\/\d+$/);
      const id = Number(new URL(unit.url()).pathname.split('/').pop());
      await unit.goto(`/projects/${project.id}`);
      await unit.getByTestId('project-problems').waitFor();
      const after = await apiGet<ProblemList>(unit, `/api/problems?projectId=${project.id}&tab=all&pageSize=5`);
      expect(after.counts.all).toBe(api.counts.all + 1);
      expect(after.counts.open).toBe(api.counts.open + 1);
      await expect.poll(() => cardCounts(unit)).toEqual({ open: after.counts.open, overdue: after.counts.overdue, all: after.counts.all });
      expect(await idsOf(unit, 'project-problem-')).toEqual(after.items.map((p) => p.id));
      expect((await apiGet<{ title: string; projectId: number }>(unit, `/api/problems/${id}`))).toMatchObject({ title, projectId: project.id });
      // the card fits the phone's width
      expect(await unit.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    } finally {
      await browser.close();
    }
  });
});
