// Journey: the dispatcher (调度员, campaign:manage) creates a 攻坚行动 through the page with three
// key tasks led by 分水镇, 富春江镇 and 旧县街道; 分水镇 reports its figure on a 375 px phone with a
// photo and the supervisor (督查) accepts it; the server's clock (the test-only time source) is
// moved to the first working day past 富春江镇's node: on the campaign page that task is red and in
// 滞后事项, while 分水镇's task shows its reported figure; past the end the summary table shows.
// The clock is set back at the end.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import sharp from 'sharp';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiGet, apiSend, launchChromium, login, nextWorkday, openAs, setClock } from '../support/browser.js';
import { resultsDir } from '../support/paths.js';

const FENSHUI = '330122103'; // 分水镇, the demo town login `fenshui`
const FUCHUNJIANG = '330122101'; // 富春江镇
const JIUXIAN = '330122002'; // 旧县街道

interface Task {
  id: number;
  title: string;
  openPeriods: string[];
  targets: Array<{ id: number; reached: string | null }>;
  reports: Array<{ id: number; status: string }>;
}
interface Item {
  kind: string;
  refId: number;
  name: string;
  completion: number | null;
  due: number | null;
  reached: number | null;
  unit?: string | null;
  light: 'green' | 'yellow' | 'red' | null;
  done: boolean;
}
interface Campaign {
  id: number;
  name: string;
  status: string;
  countdown: { calendarDays: number; workdays: number; timeShare: number };
  items: Item[];
  behind: Item[];
  summary: Array<{ refId: number; done: boolean }> | null;
}

const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** Picks a key task in the form's task picker: types part of its title, clicks the option "title（unit）". */
async function pickTask(page: Page, index: number, title: string, unit: string): Promise<void> {
  const select = page.getByTestId(`campaign-item-task-${index}`);
  await select.click();
  await select.locator('input').fill(title.slice(0, 12));
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: `${title}（${unit}）` }).first().click();
  await expect.poll(() => select.textContent()).toContain(title);
}

describe('攻坚行动: created on the page, reported on a phone, a task turns red as time passes', () => {
  it('shows the countdown, each task, the reported figure and the red task in 滞后事项', async () => {
    const browser = await launchChromium();
    const tag = Date.now().toString(36);
    try {
      // the three tasks, through the API
      const disp = await openAs(browser, 'diaodu');
      const today = (await apiGet<{ asOf: string }>(disp, '/api/tasks/overdue')).asOf.slice(0, 10);
      const year = Number(today.slice(0, 4));
      const soon = await nextWorkday(disp, today); // 富春江镇's node: due on the next working day
      const mk = (title: string, unitId: string, extra: object) =>
        apiSend<Task>(disp, 'POST', '/api/tasks', { title, type: '重点工作', year, leadUnit: { unitType: 'region', unitId }, cadence: 'monthly', deadline: `${year}-12-31`, ...extra });
      const fenshui = await mk(`分水镇庭院整治攻坚${tag}`, FENSHUI, {
        targets: [{ name: '整治庭院', kind: 'quantity', value: 120, unit: '户', main: true }],
        nodes: [{ name: '全面完成', dueDate: `${year}-12-31` }],
      });
      const fuchun = await mk(`富春江镇码头拆除攻坚${tag}`, FUCHUNJIANG, { nodes: [{ name: '拆除方案报批', dueDate: soon }] });
      const jiuxian = await mk(`旧县街道立面改造攻坚${tag}`, JIUXIAN, { nodes: [{ name: '立面改造完成', dueDate: `${year}-12-31` }] });
      expect(fenshui.openPeriods.length, 'the new task has an open report period').toBeGreaterThan(0);

      // the dispatcher creates the campaign through the page
      await disp.goto('/campaigns');
      await disp.getByTestId('campaign-new').click();
      const name = `冬季攻坚${tag}`;
      await disp.getByTestId('campaign-name').fill(name);
      const start = today;
      const end = addDays(today, 30);
      // the range picker: type the start, Enter, type the end, Enter
      const range = disp.getByTestId('campaign-form').locator('.ant-picker-range input');
      await range.first().click();
      await range.first().fill(start);
      await range.first().press('Enter');
      await range.nth(1).fill(end);
      await range.nth(1).press('Enter');
      await expect.poll(() => range.nth(1).inputValue()).toBe(end);
      expect(await range.first().inputValue()).toBe(start);
      await disp.getByTestId('campaign-description').fill('对照目标、逐项攻坚（浏览器测试）');
      for (const [i, t, unit] of [
        [0, fenshui, '分水镇'],
        [1, fuchun, '富春江镇'],
        [2, jiuxian, '旧县街道'],
      ] as const) {
        await disp.getByTestId('campaign-add-task').click();
        await pickTask(disp, i, t.title, unit);
      }
      await disp.getByTestId('campaign-save').click();
      await disp.waitForURL(/\/campaigns\/\d+$/);
      const id = Number(new URL(disp.url()).pathname.split('/').pop());
      const created = await apiGet<Campaign>(disp, `/api/campaigns/${id}`);
      expect(created).toMatchObject({ name, status: 'active' });
      expect(created.items.map((i) => i.refId)).toEqual([fenshui.id, fuchun.id, jiuxian.id]);
      // the countdown as the server counts it, in calendar and working days
      const countdown = disp.getByTestId('campaign-countdown');
      await expect.poll(() => countdown.textContent()).toBe(`距结束还有 ${created.countdown.calendarDays} 天（${created.countdown.workdays} 个工作日）`);
      expect(created.countdown.calendarDays).toBe(30);
      for (const t of [fenshui, fuchun, jiuxian]) await disp.getByTestId(`campaign-item-task-${t.id}`).waitFor();
      expect(created.items[1]!.light, '富春江镇 is not red before its node is overdue').not.toBe('red');
      expect(await disp.getByTestId(`campaign-item-task-${fuchun.id}`).getAttribute('data-light')).toBe(created.items[1]!.light ?? '');

      // edited through the same form (PATCH with the version read): the items stay, the name changes
      await disp.getByTestId('campaign-edit').click();
      await expect.poll(() => disp.getByTestId('campaign-item-task-1').textContent()).toContain(fuchun.title);
      await disp.getByTestId('campaign-name').fill(`${name}（第二阶段）`);
      await disp.getByTestId('campaign-save').click();
      await expect.poll(() => disp.getByTestId('campaign-title').textContent()).toBe(`${name}（第二阶段）`);
      const edited = await apiGet<Campaign & { version: number }>(disp, `/api/campaigns/${id}`);
      expect(edited.version).toBe(2);
      expect(edited.items.map((i) => i.refId)).toEqual([fenshui.id, fuchun.id, jiuxian.id]);
      // the list shows it with its countdown and item count
      await disp.goto('/campaigns');
      await expect.poll(() => disp.getByTestId(`campaign-card-${id}`).textContent()).toContain('3 项');
      await disp.context().close();

      // 分水镇 reports on a phone with a photo, and reads the campaign there without sideways scrolling
      const ctx = await browser.newContext({ baseURL: inject('baseURL'), locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
      ctx.setDefaultTimeout(15_000);
      const town = await ctx.newPage();
      await login(town, 'fenshui');
      await town.goto(`/tasks/${fenshui.id}`);
      await town.getByTestId('task-report').click();
      await expect.poll(() => town.getByTestId('task-report-form').isVisible()).toBe(true);
      await town.getByTestId(`report-figure-${fenshui.targets[0]!.id}`).fill('120');
      await town.getByTestId('report-text').fill('120户庭院整治全部完成');
      const png = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#6a8' } }).png().toBuffer();
      await town.getByTestId('report-photo').setInputFiles({ name: '整治现场.png', mimeType: 'image/png', buffer: png });
      await expect.poll(() => town.getByTestId('report-photos').textContent()).toContain('整治现场.png');
      await town.getByTestId('report-submit').click();
      await expect.poll(() => town.url()).toMatch(new RegExp(`/tasks/${fenshui.id}$`));
      const reportId = (await apiGet<Task>(town, `/api/tasks/${fenshui.id}`)).reports[0]!.id;
      await town.goto(`/campaigns/${id}`);
      await town.getByTestId(`campaign-item-task-${fenshui.id}`).waitFor();
      expect(await town.evaluate(() => document.documentElement.scrollWidth), 'no sideways scrolling at 375 px').toBeLessThanOrEqual(375);
      expect(await town.getByTestId('campaign-edit').count(), 'a town does not edit campaigns').toBe(0);
      await ctx.close();

      // the supervisor accepts the report
      let ducha = await openAs(browser, 'ducha');
      await ducha.goto(`/tasks/${fenshui.id}`);
      await ducha.getByTestId(`report-accept-${reportId}`).click();
      await expect.poll(async () => (await apiGet<Task>(ducha, `/api/tasks/${fenshui.id}`)).reports[0]?.status).toBe('accepted');

      // time passes: the first working day past 富春江镇's node
      const late = await nextWorkday(ducha, soon);
      await setClock(`${late}T09:00:00+08:00`);
      // a session idles out when the clock jumps: sign in again on the new day
      await ducha.context().close();
      ducha = await openAs(browser, 'ducha');
      const after = await apiGet<Campaign>(ducha, `/api/campaigns/${id}`);
      const item = (taskId: number) => after.items.find((i) => i.refId === taskId)!;
      expect(item(fuchun.id).light, '富春江镇: its node is a working day overdue').toBe('red');
      expect(after.behind.map((i) => i.refId)).toContain(fuchun.id);
      expect(item(fenshui.id).completion, '分水镇: 120 of 120户 reported and accepted').toBe(100);
      expect(item(fenshui.id), 'a task item shows its main target and the figure reached').toMatchObject({ due: 120, reached: 120, unit: '户' });
      expect(after.behind.map((i) => i.refId)).not.toContain(fenshui.id);

      await ducha.goto(`/campaigns/${id}`);
      const red = ducha.getByTestId(`campaign-item-task-${fuchun.id}`);
      await expect.poll(() => red.getAttribute('data-light')).toBe('red');
      expect(await red.textContent()).toContain('红灯');
      const behind = ducha.getByTestId('campaign-behind');
      await expect.poll(() => behind.getByTestId(`campaign-behind-task-${fuchun.id}`).getAttribute('data-light')).toBe('red');
      expect(await behind.textContent()).toContain(fuchun.title);
      expect(await behind.textContent()).not.toContain(fenshui.title);
      const reported = ducha.getByTestId(`campaign-item-task-${fenshui.id}`);
      expect(await reported.getByTestId('campaign-item-completion').textContent()).toBe('100%');
      expect(await reported.getAttribute('data-light')).toBe(item(fenshui.id).light ?? '');
      // the item table exported: the same light and figure as the page
      const [download] = await Promise.all([ducha.waitForEvent('download', { timeout: 60_000 }), ducha.getByTestId('campaign-export').click()]);
      expect(download.suggestedFilename()).toBe(`${name}（第二阶段）逐项检查表.xlsx`);
      mkdirSync(resultsDir, { recursive: true });
      const file = path.join(resultsDir, `campaign-${id}.xlsx`);
      await download.saveAs(file);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      const sheet = (wb.worksheets[0]!.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1));
      expect(sheet.find((r) => r[2] === fuchun.title)?.[7]).toBe('红灯');
      expect(sheet.find((r) => r[2] === fenshui.title)?.[6]).toBe(100);
      // the countdown moved with the clock; still no summary while the campaign runs
      await expect.poll(() => ducha.getByTestId('campaign-countdown').getAttribute('data-days')).toBe(String(after.countdown.calendarDays));
      expect(after.countdown.calendarDays).toBeLessThan(created.countdown.calendarDays);
      expect(await ducha.getByTestId('campaign-summary').count()).toBe(0);
      // a supervisor holds campaign:manage
      expect(await ducha.getByTestId('campaign-edit').count()).toBe(1);

      // once ended: the summary table, done of total as the server counts them
      await setClock(`${addDays(end, 1)}T09:00:00+08:00`);
      await ducha.context().close();
      ducha = await openAs(browser, 'ducha');
      const ended = await apiGet<Campaign>(ducha, `/api/campaigns/${id}`);
      expect(ended.status).toBe('ended');
      expect(ended.summary?.map((s) => s.refId)).toEqual([fenshui.id, fuchun.id, jiuxian.id]);
      await ducha.goto(`/campaigns/${id}`);
      await expect.poll(() => ducha.getByTestId('campaign-summary-count').textContent()).toBe(`完成 ${ended.summary!.filter((s) => s.done).length} 项，共 3 项`);
      expect(await ducha.getByTestId('campaign-status').textContent()).toBe('已结束');
      await ducha.context().close();
    } finally {
      await setClock(new Date().toISOString()).catch(() => {});
      await browser.close();
    }
  });
});
