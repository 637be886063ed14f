// Journey: the dispatcher gives a demo project two approval items of the natural-resources
// bureau and applies for them (代办); the bureau's user moves the first through 受理 → 承办 →
// 审核 → 批准 → 办结 from the workbench, each step stamped with the time and the person; the
// second is accepted and left alone; the server's clock is moved (the test-only time source)
// to the first working day past its promised limit and the signal check runs: it is red in
// the bureau's workbench, in the bureau's notices and in the supervisor's overdue view; the
// month's department table counts it as overdue; the dispatcher publishes the table and the
// public page, opened without signing in, shows the same figures.
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { apiGet, launchChromium, nextWorkday, openAs, setClock } from '../support/browser.js';
import { resultsDir } from '../support/paths.js';
import { chooseOption, pressUntilSent } from '../support/antd.js';

interface Step {
  step: string;
  doneAt: string | null;
  doneBy: string | null;
  usedDays: number | null;
  signal: string;
}
interface Item {
  id: number;
  itemId: number;
  name: string;
  status: string;
  departmentId: number;
  departmentName: string;
  dueDate: string | null;
  usedDays: number | null;
  signal: string;
  steps: Step[];
  events: Array<{ action: string; userName: string | null }>;
}
interface Row {
  departmentId: number;
  departmentName: string;
  accepted: number;
  completed: number;
  overdue: number;
  speedUp: number | null;
  rank: number | null;
}


/** The page the journey is on (for a screenshot when it fails). */
let current: Page | undefined;
const person = async (browser: Browser, username: string | null, phone = false): Promise<Page> => (current = await openAs(browser, username, phone));

/** Presses an act's button, fills the opinion or reason when asked, confirms, and waits for the server. */
async function act(page: Page, id: number, action: string, expectStatus: string, text?: string): Promise<Item> {
  await page.getByTestId(`act-${action}-${id}`).click();
  if (text) await page.getByTestId('act-reason').fill(text);
  await pressUntilSent(page, page.getByTestId('act-confirm'), (url, method) => method === 'POST' && url.endsWith(`/api/project-approvals/${id}/act`));
  await expect.poll(async () => (await apiGet<Item>(page, `/api/project-approvals/${id}`)).status, { timeout: 15_000 }).toBe(expectStatus);
  await page.getByTestId('act-confirm').waitFor({ state: 'hidden' });
  return apiGet<Item>(page, `/api/project-approvals/${id}`);
}

const cellsOf = async (page: Page, testId: string) => (await page.getByTestId(testId).locator('td').allInnerTexts()).map((s) => s.trim());

describe('approvals journey', () => {
  it('steps by the department, an item overdue, the department table and its public page', async () => {
    const browser = await launchChromium();
    try {
      // the dispatcher adds two items of 自然资源局 to 富春江科技城人才公寓 and applies for them
      const disp = await person(browser, 'diaodu');
      const project = (await apiGet<{ items: Array<{ id: number; name: string }> }>(disp, `/api/projects?q=${encodeURIComponent('富春江科技城人才公寓')}`)).items[0]!;
      await disp.goto(`/projects/${project.id}/approvals`);
      for (const label of ['建设用地规划许可证核发（桐庐县自然资源和规划局，5个工作日）', '建设工程规划许可证核发（桐庐县自然资源和规划局，7个工作日）']) {
        await disp.getByTestId('btn-add-approval').click();
        await chooseOption(disp, disp.getByTestId('approval-manage-select'), label);
        await disp.getByTestId('approval-manage-ok').click();
        await disp.getByTestId('approval-manage-ok').waitFor({ state: 'hidden' });
      }
      const items = (await apiGet<{ items: Item[]; process: { usedDays: number } }>(disp, `/api/projects/${project.id}/approvals`)).items;
      const a = items.find((i) => i.name === '建设用地规划许可证核发')!;
      const b = items.find((i) => i.name === '建设工程规划许可证核发')!;
      expect([a.status, b.status]).toEqual(['not_started', 'not_started']);
      await act(disp, a.id, 'submit', 'pending');
      await act(disp, b.id, 'submit', 'pending');
      await expect.poll(() => disp.getByTestId(`row-signal-${a.id}`).innerText()).toBe('临期提醒'); // 受理 within 1 working day
      await disp.context().close();

      // the bureau's user works through A from the workbench, and accepts B
      const dept = await person(browser, 'ziranziyuan');
      await dept.goto('/approvals');
      await dept.getByTestId(`approval-link-${a.id}`).waitFor();
      await act(dept, a.id, 'accept', 'accepted');
      await act(dept, a.id, 'undertake', 'undertaken');
      await act(dept, a.id, 'review', 'reviewed', '材料齐全，符合规划条件');
      await act(dept, a.id, 'approve', 'approved');
      const doneA = await act(dept, a.id, 'finish', 'done');
      await act(dept, b.id, 'accept', 'accepted');
      // A's page: five steps done by 吴资规 at the times the server stamped
      await dept.goto(`/approvals/${a.id}`);
      for (const s of doneA.steps) {
        const box = dept.getByTestId(`step-${a.id}-${s.step}`);
        await expect.poll(() => box.getAttribute('data-done')).toBe('yes');
        const text = await box.innerText();
        expect(text).toContain('吴资规');
        const local = new Date(new Date(s.doneAt!).getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
        expect(text).toContain(local);
      }
      expect(doneA.steps.map((s) => s.doneBy)).toEqual(['吴资规', '吴资规', '吴资规', '吴资规', '吴资规']);
      expect(doneA.events.map((e) => e.action)).toEqual(['submit', 'accept', 'undertake', 'review', 'approve', 'finish']);
      expect(await dept.getByTestId('event-review').innerText()).toContain('材料齐全，符合规划条件');
      const accepted = await apiGet<Item>(dept, `/api/project-approvals/${b.id}`);
      expect(accepted.dueDate).not.toBeNull();
      const lateDay = await nextWorkday(dept, accepted.dueDate!);
      await dept.context().close();

      // time passes: the first working day after B's promised limit; the dispatcher runs the check
      await setClock(`${lateDay}T09:00:00+08:00`);
      const disp2 = await person(browser, 'diaodu');
      await disp2.goto('/approval-overdue');
      await disp2.getByTestId('btn-run-signals').click();
      await expect.poll(async () => (await apiGet<Item>(disp2, `/api/project-approvals/${b.id}`)).signal).toBe('red');
      await disp2.context().close();

      // the bureau sees B red in its workbench and has the red notice
      const dept2 = await person(browser, 'ziranziyuan');
      await dept2.goto('/approvals');
      await expect.poll(() => dept2.getByTestId(`list-signal-${b.id}`).innerText()).toBe('红色预警');
      // the counters above the list are the server's, and one click shows only the red items
      const open = await apiGet<{ total: number; signals: { red: number; yellow: number; prompt: number } }>(dept2, '/api/approvals?status=open&pageSize=1');
      expect(open.signals.red).toBeGreaterThanOrEqual(1);
      await expect.poll(() => dept2.getByTestId('approvals-count-red').innerText()).toBe(`红色预警 ${open.signals.red}`);
      await expect.poll(() => dept2.getByTestId('approvals-count-yellow').innerText()).toBe(`黄色预警 ${open.signals.yellow}`);
      await dept2.getByTestId('approvals-count-red').click();
      await expect.poll(() => new URL(dept2.url()).searchParams.get('signal')).toBe('red');
      const shown = dept2.getByTestId('approvals-table').locator('[data-testid^="list-signal-"]');
      await expect.poll(async () => (await shown.allInnerTexts()).join(',')).toBe(Array(Math.min(open.signals.red, 20)).fill('红色预警').join(','));
      await dept2.getByTestId(`list-signal-${b.id}`).waitFor();
      await dept2.getByTestId('notification-bell').click();
      await expect.poll(() => dept2.getByTestId('notification-list').getByText('红色预警：建设工程规划许可证核发已超过承诺时限').count()).toBeGreaterThan(0);
      await dept2.context().close();

      // the supervisor's overdue view lists B as red, days over as the server counts them
      const sup = await person(browser, 'ducha');
      await sup.goto('/approval-overdue');
      const red = sup.getByTestId(`overdue-${b.id}-item-item`);
      await expect.poll(() => red.innerText()).toBe('红色预警');
      const overdue = (await apiGet<{ items: Array<{ approvalId: number; scope: string; overDays: number; overdueSince: string }> }>(sup, '/api/approvals/overdue?signal=red&pageSize=200')).items.find((r) => r.approvalId === b.id && r.scope === 'item')!;
      expect(overdue.overdueSince).toBe(lateDay);
      const redRow = sup.locator('tr', { has: red });
      expect(await redRow.innerText()).toContain(`${overdue.overDays}个工作日`);
      await sup.context().close();

      // the month's department table counts it; the dispatcher publishes the table
      const [y, m] = lateDay.split('-').map(Number) as [number, number];
      const period = `${y}-${String(m).padStart(2, '0')}`;
      const disp3 = await person(browser, 'diaodu');
      const table = await apiGet<{ rows: Row[] }>(disp3, `/api/efficiency/monthly?year=${y}&month=${m}`);
      const mine = table.rows.find((r) => r.departmentId === b.departmentId)!;
      expect(mine.overdue).toBeGreaterThanOrEqual(1);
      await disp3.goto(`/efficiency?year=${y}&month=${m}`);
      const cells = await (async () => {
        await disp3.getByTestId(`eff-row-${b.departmentId}`).waitFor();
        return cellsOf(disp3, `eff-row-${b.departmentId}`);
      })();
      // 排名, 部门, 受理, 办结, 平均天数, 提速率, 超时, 满意率
      expect(cells[1]).toBe('桐庐县自然资源和规划局');
      expect([cells[2], cells[3], cells[6]]).toEqual([String(mine.accepted), String(mine.completed), String(mine.overdue)]);
      await disp3.getByTestId('btn-publish').click();
      await expect.poll(() => disp3.getByTestId('published-state').innerText()).toContain('已于');
      await disp3.context().close();

      // anyone, without signing in: the public page shows the published table
      const anon = await person(browser, null, true);
      await anon.goto(`/public/efficiency?t=department_monthly:${period}`);
      await expect.poll(() => anon.getByTestId('public-title').innerText()).toBe(`${y}年${m}月部门效能月度表`);
      const card = anon.getByTestId(`eff-row-${b.departmentId}`);
      await expect.poll(() => card.innerText()).toContain('桐庐县自然资源和规划局');
      const cardText = await card.innerText();
      expect(cardText).toContain(`超时件数：${mine.overdue}`);
      expect(cardText).toContain(`受理件数：${mine.accepted}`);
      expect(await anon.locator('body').innerText()).not.toContain('吴资规');
      await anon.context().close();
    } catch (err) {
      if (current && !current.isClosed()) {
        mkdirSync(resultsDir, { recursive: true });
        const file = path.join(resultsDir, 'approvals--journey.png');
        await current.screenshot({ path: file, fullPage: true }).catch(() => {});
        console.error(`screenshot: ${path.relative(process.cwd(), file)} (at ${current.url()})`);
      }
      throw err;
    } finally {
      await setClock(new Date().toISOString()).catch(() => {});
      await browser.close();
    }
  });
});
