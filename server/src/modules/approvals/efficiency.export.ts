import ExcelJS from 'exceljs';
import type { Ctx } from '../../core/context.js';
import { CELL_BORDER, safeCellText, styleHeaderCell, writeHeading } from '../../lib/xlsx/write.js';
import { monthTable } from './efficiency.service.js';
import { todayOf } from './approvals.service.js';

const HEADERS = ['排名', '部门', '受理件数', '办结件数', '平均办结天数（工作日）', '提速率', '超时件数', '满意率'];

/**
 * The monthly department table as published (部门效能月度表): one row per handling
 * department in rank order, 提速率 and 满意率 as percentages; the export date on the left.
 */
export async function exportMonthTable(ctx: Ctx, year: number, month: number): Promise<Buffer> {
  const t = await monthTable(ctx, year, month);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(`${year}年${month}月`);
  writeHeading(ws, HEADERS.length, `${year}年${month}月部门审批效能情况表`, { note: `统计截至${todayOf(ctx)}`, unit: '时限单位：工作日' });
  const head = ws.getRow(3);
  HEADERS.forEach((h, i) => {
    head.getCell(i + 1).value = h;
    styleHeaderCell(head.getCell(i + 1));
  });
  for (const r of t.rows) {
    const row = ws.addRow([r.rank ?? '—', safeCellText(r.departmentName), r.accepted, r.completed, r.avgDays ?? '—', r.speedUp ?? '—', r.overdue, r.satisfaction ?? '—']);
    row.eachCell((c) => (c.border = CELL_BORDER));
    for (const c of [6, 8]) if (typeof row.getCell(c).value === 'number') row.getCell(c).numFmt = '0.0%';
    if (typeof row.getCell(5).value === 'number') row.getCell(5).numFmt = '0.0';
  }
  ws.getColumn(1).width = 8;
  ws.getColumn(2).width = 32;
  for (let c = 3; c <= HEADERS.length; c++) ws.getColumn(c).width = 14;
  ws.views = [{ state: 'frozen', ySplit: 3 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
