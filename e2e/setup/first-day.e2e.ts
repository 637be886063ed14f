// Journey: day one of a real county. A platform started empty (TIAODU_DEMO=0) on a server of
// its own: the admin lands on 初始化向导, picks 浙江省 › 杭州市 › 桐庐县 and some towns from the
// national list, ticks the standard units, then imports the ledger the county already keeps —
// title row, unit line, merged two-row headers, section rows, a 合计 row, 亿元 and 万元 columns,
// leaders by name, responsible units by short names, no region column. The dry run lists the
// units and leaders it will create; after the import the projects, the units and the leaders
// are there. One leader gets an account, logs in (choosing a password) and sees exactly the
// projects they lead.
import ExcelJS from 'exceljs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chooseOption } from '../support/antd.js';
import { launchChromium, parseTotals } from '../support/browser.js';
import { resultsDir } from '../support/paths.js';
import { startServer, type RunningServer } from '../support/server.js';

const ADMIN_PASSWORD = 'Admin@2026x';
const LEADER_INITIAL = 'Chushi@2026';
const LEADER_OWN = 'Liuwd#2026new';

interface Row {
  name: string;
  owner: string;
  content: string;
  /** 亿元, as the file writes it. */
  totalYi: number;
  /** 万元. */
  plan: number;
  start: string;
  end: string;
  leaders: string;
  unit: string;
}

const SECTIONS: { title: string; rows: Row[] }[] = [
  {
    title: '续建项目',
    rows: [
      { name: '富春江流域综合治理工程', owner: '桐庐县水务集团有限公司', content: '堤防加固12公里及配套设施', totalYi: 3.2, plan: 8000, start: '2025-03', end: '2027-12', leaders: '刘卫东', unit: '县水利局' },
      { name: '城南未来社区建设项目', owner: '桐庐县城市发展投资集团有限公司', content: '安置住房1200套及社区配套', totalYi: 12.5, plan: 30000, start: '2025-06', end: '2028-06', leaders: '张敏（副县长）', unit: '县住建局' },
    ],
  },
  {
    title: '新开工项目',
    rows: [
      { name: '分水江水库配套供水管网工程', owner: '桐庐县水务集团有限公司', content: '新建供水主管网28公里', totalYi: 1.86, plan: 6000, start: '2026-04', end: '2027-10', leaders: '刘卫东、张敏', unit: '县水利局' },
      { name: '桐庐县老旧小区改造提升工程', owner: '桐庐县城市发展投资集团有限公司', content: '改造老旧小区23个', totalYi: 2.4, plan: 12000, start: '2026-03', end: '2026-12', leaders: '张敏（副县长）', unit: '县住建局' },
      { name: '县融媒体中心迁建工程', owner: '桐庐县融媒体中心', content: '新建业务用房1.6万平方米', totalYi: 0.95, plan: 3000, start: '2026-05', end: '2027-09', leaders: '王建国', unit: '县融媒体中心' },
    ],
  },
];
const ALL = SECTIONS.flatMap((s) => s.rows);

/** The county's ledger as its office keeps it; no region column (the whole file is one county). */
async function countyLedger(rows: Row[] = ALL): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('2026年重点项目');
  // [top header, sub header or null (merged down), width]
  const cols: [string, string | null, number][] = [
    ['序号', null, 6],
    ['项目名称', null, 30],
    ['项目业主', null, 28],
    ['建设规模及主要内容', null, 30],
    ['投资情况', '总投资（亿元）', 12],
    ['投资情况', '年度计划（万元）', 12],
    ['建设起止年限', '计划开工', 10],
    ['建设起止年限', '计划竣工', 10],
    ['包保领导', null, 16],
    ['责任单位', null, 16],
  ];
  const last = cols.length;
  ws.columns = cols.map(([, , width]) => ({ width }));
  ws.getCell(1, 1).value = '桐庐县2026年重点项目计划表';
  ws.mergeCells(1, 1, 1, last);
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.getCell(1, 1).font = { size: 16, bold: true };
  ws.getCell(2, last - 1).value = '单位：万元';
  ws.mergeCells(2, last - 1, 2, last);
  cols.forEach(([top, sub], i) => {
    ws.getCell(3, i + 1).value = top;
    if (sub) ws.getCell(4, i + 1).value = sub;
    else ws.mergeCells(3, i + 1, 4, i + 1);
  });
  ws.mergeCells(3, 5, 3, 6);
  ws.mergeCells(3, 7, 3, 8);
  ws.getRow(3).font = { bold: true };
  ws.getRow(4).font = { bold: true };
  ws.getCell(5, 2).value = `合计（${rows.length}个）`;
  ws.getCell(5, 5).value = Math.round(rows.reduce((a, r) => a + r.totalYi, 0) * 100) / 100;
  ws.getCell(5, 6).value = rows.reduce((a, r) => a + r.plan, 0);
  let r = 6;
  let seq = 1;
  const numerals = ['一', '二'];
  SECTIONS.forEach((s, i) => {
    ws.getCell(r, 1).value = `${numerals[i]}、${s.title}`;
    ws.mergeCells(r, 1, r, 4);
    r++;
    for (const p of s.rows.map((x) => rows.find((y) => y.name === x.name) ?? x)) {
      ws.getRow(r).values = [seq++, p.name, p.owner, p.content, p.totalYi, p.plan, p.start, p.end, p.leaders, p.unit];
      r++;
    }
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

let server: RunningServer;
let browser: Browser;

async function newPage(): Promise<Page> {
  const ctx = await browser.newContext({ baseURL: server.baseURL, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1366, height: 768 } });
  ctx.setDefaultTimeout(15_000);
  return ctx.newPage();
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(resultsDir, `first-day--${name}.png`), fullPage: true });
}

async function loginAs(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await expect.poll(() => page.getByTestId('user-menu').isVisible(), { timeout: 20_000, message: `${username} should reach the application` }).toBe(true);
}

async function api<T = any>(page: Page, url: string): Promise<T> {
  const res = await page.request.get(url);
  if (!res.ok()) throw new Error(`GET ${url}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

async function stepState(page: Page, key: string): Promise<string | null> {
  return page.getByTestId(`setup-step-${key}`).getAttribute('data-state');
}

/** "将新建单位 2 个：县水利局、县融媒体中心" → the names. */
function namesAfterColon(text: string): string[] {
  const list = text.split(/[：:]/)[1] ?? '';
  return list
    .replace(/…$/, '')
    .split('、')
    .map((s) => s.replace(/（.*?）/g, '').trim())
    .filter(Boolean);
}

beforeAll(async () => {
  server = await startServer({ env: { TIAODU_DEMO: '0', TIAODU_ADMIN_PASSWORD: ADMIN_PASSWORD, TIAODU_SCHEDULER: '0' }, logName: 'e2e-first-day-server.log' });
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
}, 60_000);

describe('day one of a real county', () => {
  it('sets up an empty platform, imports its ledger and lets a leader see their projects', { timeout: 300_000 }, async () => {
    const page = await newPage();
    try {
      // 1. The admin lands on the checklist.
      await loginAs(page, 'admin', ADMIN_PASSWORD);
      await page.waitForURL(/\/setup$/);
      await page.getByTestId('setup-page').waitFor();
      await expect.poll(() => page.getByTestId('nav-setup').isVisible()).toBe(true);
      expect(await stepState(page, 'region')).toBe('open');

      // 2. 本级区划: 浙江省 › 杭州市 › 桐庐县, three towns.
      await page.getByTestId('setup-step-region').click();
      await chooseOption(page, page.getByTestId('setup-province'), '浙江省');
      await chooseOption(page, page.getByTestId('setup-city'), '杭州市');
      await chooseOption(page, page.getByTestId('setup-county'), '桐庐县');
      const towns = page.getByTestId('setup-towns').locator('.ant-checkbox-wrapper');
      await expect.poll(() => towns.count(), { timeout: 15_000 }).toBeGreaterThan(3);
      await page.getByRole('button', { name: '全不选' }).click();
      const picked = (await towns.allTextContents()).slice(0, 3).map((s) => s.trim());
      for (const name of picked) await towns.filter({ hasText: name }).first().click();
      await shot(page, '1-region');
      await page.getByTestId('setup-region-submit').click();
      await expect.poll(() => stepState(page, 'region'), { timeout: 15_000 }).toBe('done');
      const regions = await api<Array<{ code: string; name: string }>>(page, '/api/regions');
      expect(regions.map((r) => r.code)).toContain('330122');
      for (const name of picked) expect(regions.map((r) => r.name)).toContain(name);

      // 3. 单位: the standard list, all but the water bureau (so the ledger's 县水利局 is new).
      await page.getByTestId('setup-step-departments').click();
      const list = page.getByTestId('setup-department-list');
      await expect.poll(() => list.locator('tbody tr.ant-table-row').count(), { timeout: 15_000 }).toBeGreaterThan(5);
      const standard = await api<Array<{ name: string; shortName: string }>>(page, '/api/setup/standard-departments');
      const waterIndex = standard.findIndex((d) => d.name.includes('水利'));
      const water = standard[waterIndex];
      if (water) await list.locator('tbody tr.ant-table-row').nth(waterIndex).locator('.ant-checkbox-input').first().click();
      await page.getByTestId('setup-departments-submit').click();
      await expect.poll(() => stepState(page, 'departments'), { timeout: 15_000 }).toBe('done');

      // 4. 领导: the county head, recorded inline.
      await page.getByTestId('setup-step-leaders').click();
      await page.getByTestId('setup-leader-name').fill('王建国');
      await page.getByTestId('setup-leader-title').fill('县长');
      await page.getByTestId('setup-leader-add').click();
      await expect.poll(async () => (await page.getByTestId('setup-leader-list').textContent()) ?? '').toContain('王建国');
      await shot(page, '2-leaders');

      // 5. 导入项目台账: to the wizard, with the county's own file.
      await page.getByTestId('setup-step-import').click();
      await page.getByTestId('setup-go-import').click();
      await page.getByTestId('import-upload').setInputFiles({ name: '桐庐县2026年重点项目计划表.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await countyLedger() });
      await page.getByTestId('import-next').click();
      await page.getByTestId('import-options').waitFor();
      expect(await page.getByTestId('import-default-region-help').textContent()).toContain('文件中没有「所属区域」列时，所有项目归入该区域');
      // the region select names the county once the region tree has loaded
      await expect.poll(async () => ((await page.getByTestId('import-default-region').textContent()) ?? '') + (await page.getByTestId('import-options').textContent())).toContain('桐庐县');
      expect(await page.getByRole('checkbox', { name: '自动新建未登记的单位和领导' }).isChecked()).toBe(true);
      await page.getByTestId('import-dryrun').click();
      await page.getByTestId('import-summary').waitFor({ timeout: 60_000 });
      expect(await page.getByTestId('import-errors').count(), `dry run errors: ${(await page.getByTestId('import-errors').textContent().catch(() => '')) ?? ''}`).toBe(0);
      expect(await page.getByTestId('import-summary').textContent()).toContain(`新增 ${ALL.length}`);
      let unitsLine = (await page.getByTestId('import-create-departments').textContent()) ?? '';
      expect(unitsLine).toContain('县融媒体中心');
      await shot(page, '3-dry-run');

      // The admin decides the media centre's project belongs to the culture bureau: the choice
      // goes with the next dry run, which no longer creates that unit.
      const culture = (await api<Array<{ id: number; name: string }>>(page, '/api/departments')).find((d) => d.name.includes('文化和广电旅游体育局'))!;
      await chooseOption(page, page.getByTestId('import-match-县融媒体中心'), culture.name);
      await expect.poll(() => page.getByTestId('import-confirm').isDisabled()).toBe(true);
      await page.getByTestId('import-rerun').click();
      await expect.poll(async () => (await page.getByTestId('import-create-departments').textContent()) ?? '', { timeout: 60_000 }).not.toContain('融媒体');
      unitsLine = (await page.getByTestId('import-create-departments').textContent()) ?? '';
      const leadersLine = (await page.getByTestId('import-create-leaders').textContent()) ?? '';
      expect(unitsLine).toMatch(/^将新建单位 \d+ 个：/);
      if (water) expect(unitsLine).toContain('县水利局');
      expect(leadersLine).toContain('将新建包保领导 2 人');
      expect(leadersLine).toContain('刘卫东');
      expect(leadersLine).toContain('张敏');
      const matches = (await page.getByTestId('import-matches').textContent()) ?? '';
      expect(matches).toContain('王建国');
      expect(matches).toContain(culture.name);
      await shot(page, '3b-dry-run-rematched');
      const newUnits = namesAfterColon(unitsLine);
      await page.getByTestId('import-confirm').click();
      await page.getByTestId('import-result').waitFor({ timeout: 60_000 });

      // 6. The projects are in the ledger: 亿元 read as 亿元.
      await page.goto('/projects');
      await expect.poll(async () => parseTotals((await page.getByTestId('project-totals').textContent()) ?? '').count, { timeout: 15_000 }).toBe(ALL.length);
      const totals = parseTotals((await page.getByTestId('project-totals').textContent()) ?? '');
      expect(totals.amount).toBeCloseTo(ALL.reduce((a, r) => a + r.totalYi * 10000, 0), 0);
      const table = (await page.getByTestId('project-table').textContent()) ?? '';
      for (const p of ALL) expect(table).toContain(p.name);
      await shot(page, '4-ledger');

      // 7. The new units and the new leaders.
      const departments = await api<Array<{ id: number; name: string }>>(page, '/api/departments');
      for (const n of newUnits) expect(departments.map((d) => d.name)).toContain(n);
      await page.getByTestId('nav-people').click();
      const people = page.getByTestId('people-table');
      await expect.poll(async () => (await people.textContent()) ?? '', { timeout: 15_000 }).toContain('刘卫东');
      expect(await people.textContent()).toContain('张敏');
      const liuRow = people.locator('tbody tr.ant-table-row').filter({ hasText: '刘卫东' });
      // 刘卫东 leads the two water projects (包保项目, the 7th column).
      expect((await liuRow.locator('td').nth(6).textContent())?.trim()).toBe('2');

      // 7b. Next month's version of the same ledger: one total changed. The dry run updates that
      // project, shows the field before → after, and creates no unit or leader again.
      await page.getByTestId('nav-projects').click();
      await page.getByTestId('btn-import').click();
      const changed = ALL.map((p) => (p.name === ALL[0]!.name ? { ...p, totalYi: 3.5 } : p));
      await page.getByTestId('import-upload').setInputFiles({ name: '桐庐县2026年重点项目计划表（1月）.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await countyLedger(changed) });
      await page.getByTestId('import-next').click();
      await page.getByTestId('import-dryrun').click();
      await page.getByTestId('import-summary').waitFor({ timeout: 60_000 });
      // The choice made for 县融媒体中心 in the first import is made again (the file still says 县融媒体中心).
      if ((await page.getByTestId('import-to-create').count()) > 0) {
        await chooseOption(page, page.getByTestId('import-match-县融媒体中心'), culture.name);
        await page.getByTestId('import-rerun').click();
        await expect.poll(() => page.getByTestId('import-to-create').count(), { timeout: 60_000 }).toBe(0);
      }
      expect(await page.getByTestId('import-summary').textContent()).toContain(`新增 0 / 更新 1 / 无变化 ${ALL.length - 1}`);
      const changesText = (await page.getByTestId('import-changes').textContent()) ?? '';
      expect(changesText).toContain(ALL[0]!.name);
      expect(changesText).toContain('总投资');
      await shot(page, '4b-reimport-changes');

      // 8. An account for 刘卫东.
      await page.getByTestId('nav-people').click();
      await liuRow.getByTestId('person-give-account').click();
      await page.getByTestId('person-account-username').fill('liuwd');
      await page.getByTestId('person-account-password').fill(LEADER_INITIAL);
      expect(await page.getByRole('checkbox', { name: '首次登录时须修改密码' }).isChecked()).toBe(true);
      await shot(page, '5-account');
      await page.getByTestId('person-account-ok').click();
      await expect.poll(async () => (await liuRow.textContent()) ?? '', { timeout: 15_000 }).toContain('liuwd');
      await shot(page, '6-people');

      // 9. The leader logs in, chooses a password and sees exactly their projects.
      await page.getByTestId('user-menu').click();
      await page.getByTestId('logout').click();
      await page.waitForURL(/\/login/);
      await loginAs(page, 'liuwd', LEADER_INITIAL);
      if (/change-password/.test(page.url())) {
        const form = page.getByTestId('password-form');
        const inputs = form.locator('input[type=password]');
        await inputs.nth(0).fill(LEADER_INITIAL);
        await inputs.nth(1).fill(LEADER_OWN);
        await inputs.nth(2).fill(LEADER_OWN);
        await page.getByTestId('password-submit').click();
        await page.waitForURL((u) => !u.pathname.startsWith('/change-password'), { timeout: 15_000 });
      }
      await page.goto('/projects');
      const mine = ALL.filter((p) => p.leaders.includes('刘卫东')).map((p) => p.name);
      await expect.poll(async () => parseTotals((await page.getByTestId('project-totals').textContent()) ?? '').count, { timeout: 15_000 }).toBe(mine.length);
      const seen = (await page.getByTestId('project-table').textContent()) ?? '';
      for (const p of ALL) expect(seen.includes(p.name), p.name).toBe(mine.includes(p.name));
      await shot(page, '7-leader-ledger');
    } catch (err) {
      await shot(page, 'failed').catch(() => {});
      throw err;
    } finally {
      await page.context().close();
    }
  });
});
