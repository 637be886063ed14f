// Journey (d): filter the ledger by stage and keyword, keep the filters in the URL across
// a reload, export, and check that the workbook says what the screen says.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { chooseOptions, chosenLabels } from '../support/antd.js';
import { apiGet, login, totalsOnScreen, useBrowser, type ProjectList } from '../support/browser.js';
import { resultsDir } from '../support/paths.js';

const s = useBrowser();

const cellText = (v: ExcelJS.CellValue): string => {
  if (v == null) return '';
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('result' in v) return String(v.result ?? '');
    if ('text' in v) return String(v.text);
  }
  return String(v);
};
const rowTexts = (row: ExcelJS.Row): string[] => {
  const out: string[] = [];
  row.eachCell({ includeEmpty: false }, (c) => out.push(cellText(c.value).trim()));
  return out;
};
const toNumber = (v: ExcelJS.CellValue): number => Number(cellText(v).replace(/,/g, ''));

describe('filter, reload, export', () => {
  it('keeps stage and keyword filters in the URL and exports exactly the filtered rows', async () => {
    const { page } = s;
    await login(page, 'diaodu');
    await page.getByTestId('nav-projects').click();
    await page.getByTestId('project-table').waitFor();

    const expected = await apiGet<ProjectList>(page, `/api/projects?stage=construction&q=${encodeURIComponent('工程')}&pageSize=200`);
    const everything = await apiGet<ProjectList>(page, '/api/projects?pageSize=1');
    expect(expected.total).toBeGreaterThan(2); // the demo county has several 在建 …工程
    expect(expected.total).toBeLessThan(everything.total);

    await chooseOptions(page, page.getByTestId('filter-stage'), ['在建']);
    await page.getByTestId('project-search').fill('工程');
    await page.getByTestId('project-search').press('Enter');
    const filtered = await totalsOnScreen(page, expected.total);
    expect(Math.abs(filtered.amount - expected.sums.totalInvestment)).toBeLessThan(1);
    const url = new URL(page.url());
    expect(url.searchParams.get('stage')?.split(',')).toContain('construction');
    expect(url.searchParams.get('q')).toBe('工程');

    // A reload (or a shared link) shows the same filtered list.
    await page.reload();
    const reloaded = await totalsOnScreen(page, expected.total);
    expect(reloaded).toEqual(filtered);
    expect(await chosenLabels(page, page.getByTestId('filter-stage'))).toEqual(['在建']);
    expect(await page.getByTestId('project-search').inputValue()).toBe('工程');

    // Export: the workbook holds the filtered rows and the same total as the screen.
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('btn-export').click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    mkdirSync(resultsDir, { recursive: true });
    const file = path.join(resultsDir, `export-${Date.now()}.xlsx`);
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0]!;

    expect(rowTexts(ws.getRow(1)).join('')).toMatch(/项目/); // title row
    let headerRow = 0;
    for (let r = 1; r <= 8 && !headerRow; r++) if (rowTexts(ws.getRow(r)).includes('项目名称')) headerRow = r;
    expect(headerRow).toBeGreaterThan(1);
    const header = ws.getRow(headerRow);
    let nameCol = 0;
    let totalCol = 0;
    header.eachCell((c, col) => {
      const t = cellText(c.value).replace(/\s/g, '');
      if (t === '项目名称') nameCol = col;
      if (!totalCol && t.startsWith('总投资')) totalCol = col;
    });
    expect(nameCol).toBeGreaterThan(0);
    expect(totalCol).toBeGreaterThan(0);

    const names: string[] = [];
    let sheetTotal: number | undefined;
    for (let r = headerRow + 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const name = cellText(row.getCell(nameCol).value).trim();
      const line = rowTexts(row).join(' ');
      if (/合\s*计|总\s*计/.test(line)) {
        sheetTotal = toNumber(row.getCell(totalCol).value);
        continue;
      }
      if (name && expected.items.some((p) => p.name === name)) names.push(name);
    }
    expect(names.sort()).toEqual(expected.items.map((p) => p.name).sort());
    expect(sheetTotal).toBeDefined();
    expect(Math.abs(sheetTotal! - filtered.amount)).toBeLessThan(1);
  });
});
