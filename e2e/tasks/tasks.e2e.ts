// Journey: the dispatcher sets up a key task led by 分水镇 with a quantified target and a node;
// 分水镇 reports its progress on a 375 px phone (a figure, words, the node done and a photo
// from the camera input); the supervisor (督查) opens the task, sees the photo and accepts the
// report, and the figure reached is the reported one.
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiGet, apiSend, launchChromium, login, openAs } from '../support/browser.js';

const FENSHUI = '330122103'; // 分水镇, the demo town login `fenshui`

interface Task {
  id: number;
  openPeriods: string[];
  nodes: Array<{ id: number; doneDate: string | null }>;
  targets: Array<{ id: number; reached: string | null }>;
  reports: Array<{ id: number; status: string; period: string; files: Array<{ mime: string }> }>;
}

describe('重点任务: a town reports on a phone with a photo, the supervisor accepts', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('goes from the report on a phone to the accepted figure', async () => {
    const dispatcher = await openAs(browser, 'diaodu');
    const year = Number((await apiGet<{ asOf: string }>(dispatcher, '/api/tasks/overdue')).asOf.slice(0, 4));
    const created = await apiSend<Task>(dispatcher, 'POST', '/api/tasks', {
      title: '分水镇美丽庭院创建（浏览器测试）',
      type: '民心实事',
      year,
      leadUnit: { unitType: 'region', unitId: FENSHUI },
      cadence: 'monthly',
      deadline: `${year}-12-31`,
      targets: [{ name: '创建美丽庭院', kind: 'quantity', value: 200, unit: '户', main: true }],
      nodes: [{ name: '入户摸底', dueDate: `${year}-12-31` }],
    });
    expect(created.openPeriods.length, 'the new task has an open report period').toBeGreaterThan(0);
    const targetId = created.targets[0]!.id;
    const nodeId = created.nodes[0]!.id;
    await dispatcher.context().close();

    // 分水镇 on a phone
    const ctx = await browser.newContext({ baseURL: inject('baseURL'), locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
    ctx.setDefaultTimeout(15_000);
    const town: Page = await ctx.newPage();
    await login(town, 'fenshui');
    await town.goto(`/tasks/${created.id}`);
    await town.getByTestId('task-report').click();
    await expect.poll(() => town.getByTestId('task-report-form').isVisible()).toBe(true);
    expect(await town.evaluate(() => document.documentElement.scrollWidth), 'no sideways scrolling at 375 px').toBeLessThanOrEqual(375);
    await town.getByTestId(`report-figure-${targetId}`).fill('120');
    await town.getByTestId('report-text').fill('已完成120户入户摸底和庭院改造');
    await town.getByTestId('report-nodes').getByText('入户摸底').click();
    expect(await town.getByTestId('report-photo').getAttribute('capture')).toBe('environment');
    const png = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#8a6' } }).png().toBuffer();
    await town.getByTestId('report-photo').setInputFiles({ name: '庭院现场.png', mimeType: 'image/png', buffer: png });
    await expect.poll(() => town.getByTestId('report-photos').textContent()).toContain('庭院现场.png');
    await town.getByTestId('report-submit').click();
    await expect.poll(() => town.url()).toMatch(new RegExp(`/tasks/${created.id}$`));
    const reported = await apiGet<Task>(town, `/api/tasks/${created.id}`);
    expect(reported.reports[0]?.status).toBe('submitted');
    expect(reported.reports[0]?.files.map((f) => f.mime)).toEqual(['image/png']);
    await ctx.close();

    // the supervisor accepts
    const ducha = await openAs(browser, 'ducha');
    await ducha.goto(`/tasks/${created.id}`);
    const reportId = reported.reports[0]!.id;
    await expect.poll(() => ducha.getByTestId(`report-${reportId}`).locator('img').count()).toBe(1);
    await ducha.getByTestId(`report-accept-${reportId}`).click();
    await expect.poll(async () => (await apiGet<Task>(ducha, `/api/tasks/${created.id}`)).reports[0]?.status).toBe('accepted');
    const after = await apiGet<Task>(ducha, `/api/tasks/${created.id}`);
    expect(Number(after.targets[0]!.reached)).toBe(120);
    expect(after.nodes[0]!.doneDate, 'the node reported done').not.toBeNull();
    await expect.poll(() => ducha.getByTestId('task-targets').textContent()).toContain('120户');
    void nodeId;
    await ducha.context().close();
  });

  it('the dispatcher edits the nodes in the task form; a node after the deadline is refused on its field', async () => {
    const dispatcher = await openAs(browser, 'diaodu');
    const year = Number((await apiGet<{ asOf: string }>(dispatcher, '/api/tasks/overdue')).asOf.slice(0, 4));
    const created = await apiSend<{ id: number; nodes: Array<{ id: number; name: string; dueDate: string }> }>(dispatcher, 'POST', '/api/tasks', {
      title: '分水镇农村公路养护（节点修改测试）',
      type: '民心实事',
      year,
      leadUnit: { unitType: 'region', unitId: FENSHUI },
      cadence: 'monthly',
      deadline: `${year}-12-31`,
      targets: [],
      nodes: [
        { name: '路况普查', dueDate: `${year}-12-20` },
        { name: '招标', dueDate: `${year}-12-25` },
      ],
    });
    // the town shows 上报进展 (canReport), the dispatcher's form lists the nodes
    const town = await openAs(browser, 'fenshui', true);
    await town.goto(`/tasks/${created.id}`);
    await town.getByTestId('task-page').waitFor();
    expect(await town.getByTestId('task-report').count(), 'the lead town may report').toBe(1);
    await town.context().close();
    const ducha = await openAs(browser, 'ducha');
    await ducha.goto(`/tasks/${created.id}`);
    await ducha.getByTestId('task-page').waitFor();
    expect(await ducha.getByTestId('task-report').count(), 'the supervisor does not report').toBe(0);
    await ducha.context().close();

    await dispatcher.goto(`/tasks/${created.id}`);
    await dispatcher.getByTestId('task-edit').click();
    await dispatcher.getByTestId('task-form').waitFor();
    expect(await dispatcher.getByTestId('task-form-node-name-0').inputValue()).toBe('路况普查');
    expect(await dispatcher.getByTestId('task-form-node-due-1').inputValue()).toBe(`${year}-12-25`);
    // after the deadline: the server refuses, on the node's date
    await dispatcher.getByTestId('task-form-node-due-0').fill(`${year + 1}-01-10`);
    await dispatcher.getByTestId('task-save').click();
    const row0 = dispatcher.getByTestId('task-form-node-0');
    await expect.poll(() => row0.locator('.ant-form-item-explain-error').allTextContents()).toContain('节点日期晚于任务完成时限');
    expect((await apiGet<typeof created>(dispatcher, `/api/tasks/${created.id}`)).nodes.map((n) => n.dueDate)).toEqual([`${year}-12-20`, `${year}-12-25`]);
    // rename and move the first, remove the second, add a third
    await dispatcher.getByTestId('task-form-node-name-0').fill('路况普查及建档');
    await dispatcher.getByTestId('task-form-node-due-0').fill(`${year}-12-28`);
    await dispatcher.getByTestId('task-form-node-remove-1').click();
    await dispatcher.getByTestId('task-form-node-add').click();
    await dispatcher.getByTestId('task-form-node-name-1').fill('养护完工');
    await dispatcher.getByTestId('task-form-node-due-1').fill(`${year}-12-30`);
    await dispatcher.getByTestId('task-save').click();
    await expect.poll(() => dispatcher.getByTestId('task-form').count()).toBe(0);
    const after = await apiGet<typeof created>(dispatcher, `/api/tasks/${created.id}`);
    expect(after.nodes.map((n) => [n.name, n.dueDate])).toEqual([
      ['路况普查及建档', `${year}-12-28`],
      ['养护完工', `${year}-12-30`],
    ]);
    expect(after.nodes[0]!.id, 'the first node kept, not replaced').toBe(created.nodes[0]!.id);
    await dispatcher.context().close();
  });
});
