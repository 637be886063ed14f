// Journey: 领导交办. The dispatcher assigns an item of the 县委常委会 to 分水镇 through the page,
// with 郑县长 as the assigner and a limit of 5 working days; 分水镇 finds it on a 375 px phone
// (no sideways scrolling) and answers it; 郑县长 rates it 满意 and it is 已办结, with every step in
// its history; the 办结率 table shows the server's figures.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiGet, launchChromium, login, openAs } from '../support/browser.js';
import { chooseOption } from '../support/antd.js';

const FENSHUI = '330122103'; // 分水镇, the demo town login `fenshui`
const TITLE = '分水镇妙笔小镇停车难问题（浏览器测试）';

interface Detail {
  id: number;
  status: string;
  assignee: { unitType: string; unitId: string; name: string };
  assignerName: string | null;
  limitDays: number | null;
  dueDate: string;
  answer: string | null;
  rating: string | null;
  events: Array<{ kind: string }>;
  abilities: { answer: boolean; rate: boolean };
}

describe('领导交办: assigned on the page, answered on a phone, rated 满意', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('goes from the dispatcher’s form to 已办结', async () => {
    // 1. the dispatcher assigns it through the form
    const disp = await openAs(browser, 'diaodu');
    await disp.goto('/assignments');
    await disp.getByTestId('assign-new').click();
    const form = disp.getByTestId('assign-form');
    await form.waitFor();
    // nothing filled: the form says what is missing and nothing is sent
    await disp.getByTestId('assign-form-ok').click();
    await expect.poll(() => form.locator('.ant-form-item-explain-error').count()).toBeGreaterThan(1);
    await disp.getByTestId('assign-f-title').fill(TITLE);
    await disp.getByTestId('assign-f-content').fill('妙笔小镇周末停车位不足，请分水镇会同交警中队提出解决方案。');
    await disp.getByTestId('assign-f-meeting').fill('县委常委会');
    await disp.getByTestId('assign-f-meeting-date').click();
    await disp.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden) .ant-picker-now-btn, .ant-picker-dropdown:not(.ant-picker-dropdown-hidden) .ant-picker-today-btn').first().click();
    // the assigner: 郑县长, found by name
    const assigner = disp.getByTestId('assign-f-assigner');
    await assigner.click();
    await assigner.locator('input').fill('郑县长');
    await disp.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: '郑县长（县长）' }).first().click();
    await chooseOption(disp, disp.getByTestId('assign-f-assignee'), '分水镇（桐庐县）');
    // no limit: the server's 400 lands on the field
    await disp.getByTestId('assign-form-ok').click();
    await expect.poll(() => disp.getByTestId('assign-form-error').textContent()).toContain('请填写办理时限（工作日）或办结日期');
    await expect.poll(() => form.locator('.ant-form-item-explain-error').allTextContents()).toContain('请填写办理时限（工作日）或办结日期');
    await disp.getByTestId('assign-f-limit').fill('5');
    await disp.getByTestId('assign-form-ok').click();
    await disp.waitForURL(/\/assignments\/\d+$/);
    const id = Number(/\/assignments\/(\d+)$/.exec(disp.url())![1]);
    const created = await apiGet<Detail>(disp, `/api/assignments/${id}`);
    expect(created).toMatchObject({ status: 'open', assignerName: '郑县长', limitDays: 5, assignee: { unitType: 'region', unitId: FENSHUI, name: '分水镇' } });
    await expect.poll(() => disp.getByTestId('assign-status').getAttribute('data-status')).toBe('open');
    expect(await disp.getByTestId('assign-btn-answer').count(), 'the dispatcher does not answer').toBe(0);
    await disp.context().close();

    // 2. 分水镇 on a 375 px phone: finds it in the list and answers it
    const ctx = await browser.newContext({ baseURL: inject('baseURL'), locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
    ctx.setDefaultTimeout(15_000);
    const town: Page = await ctx.newPage();
    await login(town, 'fenshui');
    await town.goto('/assignments');
    await town.getByTestId(`assign-card-${id}`).waitFor();
    expect(await town.evaluate(() => document.documentElement.scrollWidth), 'the list does not scroll sideways at 375 px').toBeLessThanOrEqual(375);
    await town.getByTestId(`assign-link-${id}`).click();
    await town.getByTestId('assign-page').waitFor();
    expect(await town.evaluate(() => document.documentElement.scrollWidth), 'the item does not scroll sideways at 375 px').toBeLessThanOrEqual(375);
    await town.getByTestId('assign-btn-answer').click();
    // an empty answer is refused on the field
    await town.getByTestId('assign-answer-ok').click();
    await expect.poll(() => town.getByTestId('assign-answer-form').locator('.ant-form-item-explain-error').textContent()).toBe('请填写答复意见');
    await town.getByTestId('assign-answer-text').fill('已与交警中队会商，新增临时停车位120个，周末开通接驳车。');
    await town.getByTestId('assign-answer-ok').click();
    await expect.poll(() => town.getByTestId('assign-status').getAttribute('data-status')).toBe('answered');
    await expect.poll(() => town.getByTestId('assign-btn-answer').count()).toBe(0);
    expect(await town.getByTestId('assign-answer').innerText()).toContain('新增临时停车位120个');
    await ctx.close();

    // 3. the assigner rates it 满意: 已办结
    const leader = await openAs(browser, 'xianzhang');
    await leader.goto(`/assignments/${id}`);
    await leader.getByTestId('assign-btn-rate').click();
    await leader.getByTestId('assign-rate-rating').getByText('满意', { exact: true }).click();
    await leader.getByTestId('assign-rate-note').fill('措施具体，群众满意');
    await leader.getByTestId('assign-rate-ok').click();
    await expect.poll(() => leader.getByTestId('assign-status').getAttribute('data-status')).toBe('closed');
    expect(await leader.getByTestId('assign-status').innerText()).toBe('已办结');
    expect(await leader.getByTestId('assign-rating').innerText()).toContain('满意（措施具体，群众满意）');
    const done = await apiGet<Detail>(leader, `/api/assignments/${id}`);
    expect(done).toMatchObject({ status: 'closed', rating: 'satisfied' });
    expect(done.events.map((e) => e.kind)).toEqual(['created', 'answered', 'rated', 'closed']);
    const timeline = leader.getByTestId('assign-timeline');
    for (const k of ['created', 'answered', 'rated', 'closed']) expect(await timeline.getByTestId(`assign-event-${k}`).count(), k).toBe(1);
    expect(await leader.getByTestId('assign-btn-rate').count()).toBe(0);

    // 4. the 办结率 of the year of its due date, as the server gives it
    const year = done.dueDate.slice(0, 4);
    await leader.goto(`/assignments?tab=stats&period=${year}`);
    const stats = await apiGet<{ rows: Array<{ unitName: string; due: number; doneRate: number | null }> }>(leader, `/api/assignments/stats?period=${year}`);
    const row = stats.rows.find((r) => r.unitName === '分水镇')!;
    expect(row.due).toBeGreaterThan(0);
    const cells = leader.getByTestId('assign-stats').locator('tbody tr').filter({ hasText: '分水镇' }).first().locator('td');
    await expect.poll(() => cells.nth(4).innerText()).toBe(row.doneRate == null ? '—' : `${row.doneRate}%`);
    await leader.context().close();
  });
});
