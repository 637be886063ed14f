/**
 * Excel export of a year's plans: 桐庐县2026年重点项目年度投资计划表 with the monthly
 * breakdown, totals from the same sumPlans as the list API.
 */
import ExcelJS from 'exceljs';
import { labelOf, YEAR_CATEGORIES, type PlanFilter } from '@tiaodu/contracts';
import type { Ctx } from '../../core/context.js';
import { AMOUNT_FORMAT as AMOUNT, CELL_BORDER as BORDER, safeCellText, styleHeaderCell, writeHeading } from '../../lib/xlsx/write.js';
import { regionName } from '../projects/export/export.service.js';
import { findPlanRows, planWhere, sumPlans } from './plans.service.js';

export const PLAN_HEADERS = ['序号', '项目名称', '项目代码', '所属区域', '年度类别', '总投资', '截至上年底累计完成', '年度计划投资', ...Array.from({ length: 12 }, (_, i) => `${i + 1}月`), '年度形象进度目标'];

export function planTitle(region: string | null, year: number): string {
  return `${region ?? ''}${year}年重点项目年度投资计划表`;
}

export async function exportPlans(ctx: Ctx, f: PlanFilter): Promise<Buffer> {
  const where = planWhere(ctx, f);
  const regionCode = f.regionCode ?? (ctx.user.scopeType === 'region' ? ctx.user.regionCode : null);
  const name = regionCode ? await regionName(ctx.db, regionCode) : null;
  const [rows, agg] = await Promise.all([findPlanRows(ctx.db, where), sumPlans(ctx.db, where)]);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Tiaodu 调度';
  wb.created = ctx.clock.now();
  const ws = wb.addWorksheet('年度投资计划', { views: [{ state: 'frozen', xSplit: 2, ySplit: 3 }], pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const n = PLAN_HEADERS.length;
  ws.columns = PLAN_HEADERS.map((h, i) => ({ width: i === 0 ? 6 : i === 1 ? 34 : i === 2 ? 26 : i === n - 1 ? 36 : h.endsWith('月') ? 10 : 14 }));
  writeHeading(ws, n, planTitle(name, f.year));
  const header = ws.getRow(3);
  PLAN_HEADERS.forEach((h, i) => {
    const c = header.getCell(i + 1);
    c.value = h;
    styleHeaderCell(c);
  });
  header.height = 30;
  rows.forEach((p, i) => {
    const r = ws.addRow([
      i + 1,
      safeCellText(p.projectName),
      safeCellText(p.projectCode ?? ''),
      safeCellText(p.regionName ?? p.regionCode),
      labelOf(YEAR_CATEGORIES, p.category),
      p.totalInvestment,
      p.completedBeforeYear,
      p.plannedInvestment,
      ...p.monthly,
      safeCellText(p.imageTarget ?? ''),
    ]);
    r.eachCell({ includeEmpty: true }, (c, col) => {
      c.border = BORDER;
      if (col >= 6 && col < n) c.numFmt = AMOUNT;
    });
  });
  const s = agg.sums;
  const total = ws.addRow(['合计', `共${agg.total}个项目`, null, null, null, s.totalInvestment, s.completedBeforeYear, s.plannedInvestment, ...s.monthly, null]);
  total.eachCell({ includeEmpty: true }, (c, col) => {
    c.border = BORDER;
    c.font = { bold: true };
    if (col >= 6 && col < n) c.numFmt = AMOUNT;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
