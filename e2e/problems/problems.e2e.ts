// Journey: a project unit raises a problem on a phone; the dispatcher assigns it to the
// natural-resources bureau with a limit of 2 working days; the server's clock is moved (the
// test-only time source) to the first working day past the limit and the dispatcher runs
// the overdue check: the problem climbs to the bureau's 分管领导, who finds it in 待我处理
// with the escalation on its timeline; the bureau answers it, the unit is notified, rates
// the answer 满意, and the problem is 已销号.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiGet, launchChromium, nextWorkday, openAs, setClock } from '../support/browser.js';
import { chooseOption } from '../support/antd.js';

interface Detail {
  id: number;
  status: string;
  level: number;
  levelName: string;
  dueDate: string | null;
  version: number;
  holders: Array<{ id: number; name: string }>;
  events: Array<{ kind: string; fromLevel: number | null; toLevel: number | null }>;
}


const statusOf = (page: Page) => page.getByTestId('problem-status').innerText();

describe('problem journey', () => {
  it('raised on a phone, assigned, escalated when overdue, answered, rated, closed', async () => {
    const browser = await launchChromium();
    const title = `项目红线内高压线迁改${Date.now().toString(36)}`;
    try {
      // the project unit raises it on a phone, for one of its own projects
      const unit = await openAs(browser, 'xiangmu', true);
      const project = (await apiGet<{ items: Array<{ id: number; name: string; regionName: string }> }>(unit, '/api/projects?pageSize=1')).items[0]!;
      await unit.goto('/problems');
      await unit.getByTestId('btn-raise-problem').click();
      // the project picker searches the server by name, then shows "name（region）"
      await unit.getByTestId('raise-project').click();
      await unit.getByTestId('raise-project').locator('input').fill(project.name);
      await unit.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: `${project.name}（${project.regionName}）` }).first().click();
      await chooseOption(unit, unit.getByTestId('raise-category'), '水电路气');
      await unit.locator('#title').fill(title);
      await unit.locator('#description').fill('10千伏线路穿越厂区，需迁改后才能开挖基础。');
      await unit.getByTestId('raise-submit').click();
      await unit.waitForURL(/\/problems\/\d+$/);
      const id = Number(new URL(unit.url()).pathname.split('/').pop());
      await expect.poll(() => statusOf(unit)).toBe('待受理');
      await unit.context().close();

      // the dispatcher finds it in 待我处理 and assigns it: 自然资源局, 吴资规, 2 working days
      const disp = await openAs(browser, 'diaodu');
      await disp.goto('/problems?tab=todo');
      await disp.getByTestId(`problem-link-${id}`).click();
      await disp.getByTestId('btn-assign').click();
      await chooseOption(disp, disp.getByTestId('assign-dept'), '桐庐县自然资源和规划局');
      await chooseOption(disp, disp.getByTestId('assign-person'), '吴资规（自然资源局审批科）');
      await disp.getByTestId('assign-limit').fill('2');
      await disp.getByTestId('assign-ok').click();
      await expect.poll(async () => (await apiGet<Detail>(disp, `/api/problems/${id}`)).dueDate).not.toBeNull();
      const assigned = await apiGet<Detail>(disp, `/api/problems/${id}`);
      expect(assigned).toMatchObject({ level: 0, levelName: '承办部门', status: 'pending' });
      await expect.poll(() => disp.getByTestId('problem-due').innerText()).toContain(`${Number(assigned.dueDate!.slice(5, 7))}月${Number(assigned.dueDate!.slice(8))}日`);
      const lateDay = await nextWorkday(disp, assigned.dueDate!);
      await disp.context().close();

      // time passes: the first working day after the limit
      await setClock(`${lateDay}T09:00:00+08:00`);
      const disp2 = await openAs(browser, 'diaodu');
      await disp2.goto('/problems');
      await disp2.getByTestId('btn-run-escalation').click();
      await expect.poll(async () => (await apiGet<Detail>(disp2, `/api/problems/${id}`)).level, { timeout: 20_000 }).toBe(1);
      await disp2.context().close();

      // the 分管领导 of 自然资源局 (冯副县长) sees it waiting for him, with the escalation on the timeline
      const leader = await openAs(browser, 'fuxianzhang2');
      await leader.goto('/problems?tab=todo');
      await leader.getByTestId(`problem-link-${id}`).click();
      await expect.poll(() => leader.getByTestId('problem-level').innerText()).toBe('分管领导');
      await expect.poll(() => leader.getByTestId('problem-holders').innerText()).toContain('冯副县长');
      const escalated = leader.getByTestId('problem-timeline').getByTestId('event-escalated');
      await expect.poll(() => escalated.count()).toBe(1);
      expect(await escalated.innerText()).toContain('承办部门 → 分管领导');
      const detail = await apiGet<Detail>(leader, `/api/problems/${id}`);
      expect(detail.events.filter((e) => e.kind === 'escalated')).toEqual([expect.objectContaining({ fromLevel: 0, toLevel: 1 })]);
      await leader.context().close();

      // the bureau answers: solved
      const dept = await openAs(browser, 'ziranziyuan');
      await dept.goto(`/problems/${id}`);
      await dept.getByTestId('btn-answer').click();
      await dept.getByTestId('answer-text').fill('已协调供电公司完成线路迁改，基础可开挖。');
      await dept.getByTestId('answer-ok').click();
      await expect.poll(() => statusOf(dept)).toBe('已办结');
      await dept.context().close();

      // the unit has a notice, opens it, rates 满意: 已销号
      const unit2 = await openAs(browser, 'xiangmu', true);
      await unit2.getByTestId('notification-bell').click();
      const notice = unit2.getByTestId('notification-list').getByText(`问题已办结，请评价：${title}`);
      await notice.click();
      await unit2.waitForURL(new RegExp(`/problems/${id}$`));
      await unit2.getByTestId('btn-rate').click();
      await unit2.getByTestId('rate-rating').getByText('满意', { exact: true }).click();
      await unit2.getByTestId('rate-ok').click();
      await expect.poll(() => statusOf(unit2)).toBe('已销号');
      await expect.poll(() => unit2.getByTestId('problem-timeline').getByTestId('event-closed').count()).toBe(1);
      const closed = await apiGet<Detail>(unit2, `/api/problems/${id}`);
      expect(closed.status).toBe('closed');
      expect(closed.events.map((e) => e.kind)).toEqual(['raised', 'assigned', 'escalated', 'answered', 'rated', 'closed']);
    } finally {
      await setClock(new Date().toISOString()).catch(() => {});
      await browser.close();
    }
  });
});
