// Journey: a project unit raises three problems (through the API), so the dispatcher has three
// new notices 新问题待交办. The dispatcher goes from the bell to 消息中心, marks the older one read
// on its row, filters to 未读 and to 问题 (the rows are the ones the API lists for the same
// filters), opens the newer one — it lands on the problem and the notice is read — comes back,
// marks all read and the bell's count goes to 0. On a phone the page is a list of cards that
// fits the screen.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiGet, apiSend, launchChromium, openAs } from '../support/browser.js';

interface Notice {
  id: number;
  kind: string;
  title: string;
  link: string | null;
  readAt: string | null;
}
interface NoticeList {
  items: Notice[];
  total: number;
  unread: number;
}


/** The ids of the notices shown on the page, in screen order. */
async function rowIds(page: Page): Promise<number[]> {
  const ids = await page.getByTestId('notifications-table').locator('[data-testid^="notification-row-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
  return ids.map((id) => Number(id!.replace('notification-row-', '')));
}

const noticeOf = async (page: Page, title: string): Promise<Notice> => {
  const list = await apiGet<NoticeList>(page, '/api/notifications?group=problem&pageSize=100');
  const found = list.items.find((n) => n.title === title);
  if (!found) throw new Error(`no notice "${title}" for this user`);
  return found;
};

describe('notification centre journey', () => {
  it('from the bell to 消息中心: mark one read, filter unread and by kind, open one, mark all read', async () => {
    const browser = await launchChromium();
    const suffix = Date.now().toString(36);
    const older = `临时施工道路用地未落实${suffix}`;
    const newer = `施工用电增容未批复${suffix}`;
    try {
      // the unit raises two problems for one of its projects: the dispatcher is notified of each
      const unit = await openAs(browser, 'xiangmu');
      const project = (await apiGet<{ items: Array<{ id: number }> }>(unit, '/api/projects?pageSize=1')).items[0]!;
      await apiSend(unit, 'POST', '/api/problems', { projectId: project.id, category: 'land', title: older, description: '厂区北侧临时道路用地未落实，材料进场受阻。' });
      // one more that stays unread until 全部标为已读
      await apiSend(unit, 'POST', '/api/problems', { projectId: project.id, category: 'funding', title: `专项债资金拨付滞后${suffix}`, description: '专项债资金尚未拨付到位。' });
      const raised = await apiSend<{ id: number }>(unit, 'POST', '/api/problems', { projectId: project.id, category: 'utilities', title: newer, description: '施工用电增容申请已提交一个月，尚未批复。' });
      await unit.context().close();

      // the dispatcher goes from the bell to the full page
      const disp = await openAs(browser, 'diaodu');
      const a = await noticeOf(disp, `新问题待交办：${older}`);
      const b = await noticeOf(disp, `新问题待交办：${newer}`);
      expect(a.readAt).toBeNull();
      expect(b).toMatchObject({ kind: 'problem.raised', link: `/problems/${raised.id}`, readAt: null });
      await disp.getByTestId('notification-bell').click();
      await disp.getByTestId('notifications-view-all').click();
      await disp.waitForURL(/\/notifications$/);

      // newest first, with the kind's label; the screen lists what the API lists
      await expect.poll(() => rowIds(disp)).toEqual((await apiGet<NoticeList>(disp, '/api/notifications')).items.map((n) => n.id));
      const ids = await rowIds(disp);
      expect(ids.indexOf(b.id)).toBeLessThan(ids.indexOf(a.id));
      expect(await disp.getByTestId(`notification-row-${b.id}`).getByTestId('notification-kind').innerText()).toBe('新问题');
      expect(await disp.getByTestId(`notification-row-${b.id}`).getByTestId('notification-state').innerText()).toBe('未读');

      // the older one is marked read on its row
      await disp.getByTestId(`notification-read-${a.id}`).click();
      await expect.poll(async () => (await noticeOf(disp, a.title)).readAt).not.toBeNull();
      await expect.poll(() => disp.getByTestId(`notification-row-${a.id}`).getByTestId('notification-state').innerText()).toBe('已读');

      // 未读, then 问题: the filters go into the URL and the rows are the API's for them
      await disp.getByTestId('filter-unread').click();
      await disp.waitForURL(/unread=1/);
      await disp.getByTestId('filter-group-problem').click();
      await disp.waitForURL(/group=problem/);
      const unreadProblems = await apiGet<NoticeList>(disp, '/api/notifications?unread=1&group=problem');
      expect(unreadProblems.items.every((n) => n.kind.startsWith('problem.') && n.readAt === null)).toBe(true);
      await expect.poll(() => rowIds(disp)).toEqual(unreadProblems.items.map((n) => n.id));
      expect(await rowIds(disp)).toContain(b.id);
      expect(await rowIds(disp)).not.toContain(a.id);

      // opening the newer one lands on its problem and marks it read
      await disp.getByTestId(`notification-open-${b.id}`).click();
      await disp.waitForURL(new RegExp(`/problems/${raised.id}$`));
      await expect.poll(() => disp.getByTestId('problem-status').innerText()).toBe('待受理');
      expect((await noticeOf(disp, b.title)).readAt).not.toBeNull();

      // back on the page (filters kept), 全部标为已读: nothing unread, the bell says 0
      await disp.goBack();
      await disp.waitForURL(/\/notifications\?.*unread=1/);
      await expect.poll(() => rowIds(disp)).not.toContain(b.id);
      expect((await apiGet<{ unread: number }>(disp, '/api/notifications/unread-count')).unread).toBeGreaterThan(0);
      await disp.getByTestId('notifications-page-read-all').click();
      await expect.poll(async () => (await apiGet<{ unread: number }>(disp, '/api/notifications/unread-count')).unread).toBe(0);
      await expect.poll(() => disp.getByTestId('notification-bell').getAttribute('aria-label')).toBe('消息（0条未读）');
      await expect.poll(() => disp.getByTestId('notification-count').locator('.ant-badge-count').count()).toBe(0);
      await expect.poll(() => rowIds(disp)).toEqual([]);
      await expect.poll(() => disp.getByTestId('notifications-table').innerText()).toContain('没有未读消息');
      expect(await disp.getByTestId('notifications-unread').innerText()).toBe('未读 0 条');
      await disp.context().close();

      // on a phone: cards, all read, nothing wider than the screen
      const phone = await openAs(browser, 'diaodu', true);
      await phone.goto('/notifications?group=problem');
      await phone.getByTestId(`notification-row-${b.id}`).waitFor();
      expect(await phone.getByTestId(`notification-row-${b.id}`).getByTestId('notification-state').innerText()).toBe('已读');
      expect(await phone.getByTestId(`notification-row-${b.id}`).innerText()).toContain(`新问题待交办：${newer}`);
      expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await phone.context().close();
    } finally {
      await browser.close();
    }
  });
});
