// Journey (c): import a ledger in the layout county offices really use. The first file
// has an unknown region and a malformed 项目代码: the dry run lists each error with its
// row, column, value and reason, and imports nothing. The corrected file dry-runs clean,
// is confirmed, and its projects appear in the list.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiGet, login, useBrowser, type ProjectList } from '../support/browser.js';
import { buildLedger, type LedgerRow, type LedgerSection } from '../support/ledger-xlsx.js';

const s = useBrowser();
const tag = randomBytes(2).toString('hex');
const seq = (n: number) => String(200000 + Number.parseInt(tag, 16) * 10 + n).slice(-6);

function row(over: Partial<LedgerRow> & Pick<LedgerRow, 'name'>): LedgerRow {
  return {
    code: '',
    region: '富春江镇',
    level: '县重点',
    nature: '新建',
    field: '基础设施',
    investmentType: '政府投资',
    content: '新建道路及配套管网',
    totalInvestment: 5000,
    plannedStart: '2026-03-01',
    plannedCompletion: '2027-12-31',
    owner: '桐庐县城市发展投资集团有限公司',
    responsibleUnit: '桐庐县交通运输局',
    ...over,
  };
}

const names = [`富春江镇美丽城镇道路提升工程${tag}`, `分水镇妙笔小镇客厅${tag}`, `横村镇针织园污水管网改造${tag}`];
const BAD_REGION = '不存在镇';
const BAD_CODE = '2026-3301-44-01';

function sections(fixed: boolean): LedgerSection[] {
  return [
    {
      title: '续建项目',
      rows: [
        row({ name: names[0]!, code: `2025-330122-48-01-${seq(1)}`, totalInvestment: 12800.5, plannedStart: '2025-05-01' }),
        row({ name: names[1]!, region: fixed ? '分水镇' : BAD_REGION, field: '产业（服务业）', investmentType: '企业投资', totalInvestment: 9600, owner: '杭州分水制笔产业园开发有限公司', responsibleUnit: '桐庐县文化和广电旅游体育局' }),
      ],
    },
    {
      title: '新开工项目',
      rows: [row({ name: names[2]!, region: '横村镇', code: fixed ? `2026-330122-78-01-${seq(3)}` : BAD_CODE, field: '生态环保', totalInvestment: 3650, plannedStart: '2026-06-01', plannedCompletion: '2026-12-31' })],
    },
  ];
}

/** Uploads a file and runs the dry run; waits until its summary is on screen. */
async function dryRun(page: Page, buffer: Buffer, filename: string) {
  await page.getByTestId('import-upload').setInputFiles({ name: filename, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
  const next = page.getByTestId('import-next');
  await next.waitFor({ timeout: 20_000 });
  await next.click();
  await page.getByTestId('import-dryrun').click();
  await page.getByTestId('import-summary').waitFor({ timeout: 60_000 });
}

describe('import an Excel ledger', () => {
  it('lists every error of a bad file, then imports the corrected file', async () => {
    const { page } = s;
    await login(page, 'diaodu');
    await page.getByTestId('nav-projects').click();
    const before = (await apiGet<ProjectList>(page, '/api/projects?pageSize=1')).total;
    await page.getByTestId('btn-import').click();

    // 1. The file with two bad rows: every error, nothing imported.
    const bad = await buildLedger('桐庐县2026年重点建设项目计划表', sections(false));
    await dryRun(page, bad.buffer, '2026年重点项目计划表.xlsx');
    const errors = page.getByTestId('import-errors');
    await errors.waitFor();
    const errorText = (await errors.textContent()) ?? '';
    expect(errorText).toContain(String(bad.rowOf.get(names[1]!)));
    expect(errorText).toContain('所属区域');
    expect(errorText).toContain(BAD_REGION);
    expect(errorText).toContain(String(bad.rowOf.get(names[2]!)));
    expect(errorText).toContain('项目代码');
    expect(errorText).toContain(BAD_CODE);
    // Each error reads as row · column · value · reason, one table row (or list item) per error.
    const regionRow = String(bad.rowOf.get(names[1]!));
    const line = (await errors.locator('tr, li').filter({ hasText: BAD_REGION }).first().textContent()) ?? '';
    expect(line).toContain(regionRow);
    expect(line).toContain('所属区域');
    const reason = line.replace(BAD_REGION, '').replace('所属区域', '').replace(regionRow, '');
    expect(reason).toMatch(/[\u4e00-\u9fa5]{2,}/);
    // Nothing to confirm: the button is absent or disabled.
    const confirm = page.getByTestId('import-confirm');
    if ((await confirm.count()) > 0) expect(await confirm.isDisabled()).toBe(true);
    expect((await apiGet<ProjectList>(page, '/api/projects?pageSize=1')).total).toBe(before);

    // 2. The corrected file: a clean dry run that announces three new projects.
    const good = await buildLedger('桐庐县2026年重点建设项目计划表', sections(true));
    await dryRun(page, good.buffer, '2026年重点项目计划表（修改）.xlsx');
    await expect.poll(async () => (await errors.count()) === 0 || !(await errors.isVisible()) || /无错误|0\s*(条|个)?错误/.test((await errors.textContent()) ?? '')).toBe(true);
    const summary = (await page.getByTestId('import-summary').textContent()) ?? '';
    expect(summary).toMatch(/3/);
    expect((await apiGet<ProjectList>(page, '/api/projects?pageSize=1')).total).toBe(before);

    // 3. Confirm: the result, and the projects in the list.
    await page.getByTestId('import-confirm').click();
    const result = page.getByTestId('import-result');
    await result.waitFor({ timeout: 60_000 });
    await expect.poll(() => result.textContent()).toMatch(/3/);
    const after = await apiGet<ProjectList>(page, `/api/projects?q=${tag}&pageSize=50`);
    expect(after.items.map((p) => p.name).sort()).toEqual([...names].sort());
    expect(after.items.find((p) => p.name === names[1])!.regionCode).toBe('330122103');
    expect(after.sums.totalInvestment).toBeCloseTo(12800.5 + 9600 + 3650, 2);

    await page.getByTestId('nav-projects').click();
    await page.getByTestId('project-search').fill(tag);
    await page.getByTestId('project-search').press('Enter');
    const table = page.getByTestId('project-table');
    for (const name of names) await table.getByRole('link', { name, exact: true }).waitFor();
  });
});
