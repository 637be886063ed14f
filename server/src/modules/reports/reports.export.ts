import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { regionPrefix } from '@tiaodu/contracts';
import type { Ctx } from '../../core/context.js';
import { AMOUNT_FORMAT, safeCellText, styleHeaderCell, writeHeading } from '../../lib/xlsx/write.js';
import { fromCents, pct, reportFigures, toCents } from './domain/figures.js';
import * as repo from './reports.repository.js';

/**
 * The side-by-side monthly table (月度调度表): one row per project; for each month 1..m a
 * pair of columns (形象进度, 实际完成投资) under a merged month header; then 年初至今累计,
 * 占年计划%, 开工至今累计, 占总投资% at month m (from domain/figures.ts, the same as the list
 * and the dashboard); title, 单位：万元, totals row. Only accepted months (已审核) are
 * shown: a bulletin carries no unreviewed figure. Every text is written through safeCellText (no formula injection).
 */
export async function exportReports(ctx: Ctx, q: { year: number; upToMonth: number; regionCode?: string; q?: string }): Promise<Buffer> {
  const { year, upToMonth: m } = q;
  const rows = await repo.findMonthRows(ctx.db, ctx.user, year, m, { expected: true, regionPrefix: q.regionCode ? regionPrefix(q.regionCode) : undefined, q: q.q || undefined });
  const ids = rows.map((r) => r.projectId);
  const byProject = new Map<number, Map<number, { investment: number; progress: string | null; accepted: boolean }>>();
  if (ids.length) {
    const res = await ctx.db.execute(sql`
      SELECT project_id, month, investment, progress_text, status FROM monthly_reports
      WHERE year = ${year} AND month <= ${m} AND project_id IN (SELECT unnest(${`{${ids.join(',')}}`}::int[]))`);
    for (const r of res.rows as Array<Record<string, unknown>>) {
      const pid = Number(r.project_id);
      const mm = byProject.get(pid) ?? new Map();
      mm.set(Number(r.month), { investment: Number(r.investment), progress: (r.progress_text as string) ?? null, accepted: r.status === 'accepted' });
      byProject.set(pid, mm);
    }
  }
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(`${year}年1-${m}月`);
  const fixed = ['序号', '项目名称', '所在区域', '总投资', '年度计划'];
  const cum = ['年初至今累计', '占年计划%', '开工至今累计', '占总投资%'];
  const width = fixed.length + 2 * m + cum.length;
  writeHeading(ws, width, `${year}年重点项目月度调度表（1—${m}月）`);
  const H1 = 3;
  const H2 = 4;
  fixed.forEach((h, i) => {
    ws.mergeCells(H1, i + 1, H2, i + 1);
    ws.getCell(H1, i + 1).value = h;
  });
  for (let k = 1; k <= m; k++) {
    const c = fixed.length + 2 * (k - 1) + 1;
    ws.mergeCells(H1, c, H1, c + 1);
    ws.getCell(H1, c).value = `${k}月`;
    ws.getCell(H2, c).value = '形象进度';
    ws.getCell(H2, c + 1).value = '实际完成投资';
  }
  cum.forEach((h, i) => {
    const c = fixed.length + 2 * m + i + 1;
    ws.mergeCells(H1, c, H2, c);
    ws.getCell(H1, c).value = h;
  });
  for (const r of [H1, H2]) for (let c = 1; c <= width; c++) styleHeaderCell(ws.getCell(r, c));
  const monthTotals = new Array<number>(m).fill(0);
  let totalInv = 0;
  let totalPlan = 0;
  let totalYtd = 0;
  let totalSince = 0;
  rows.forEach((r, i) => {
    const months = byProject.get(r.projectId) ?? new Map();
    const f = reportFigures({
      months: [...months.entries()].map(([month, v]) => ({ month, investment: v.investment, accepted: v.accepted })),
      month: m,
      plannedInvestment: r.plannedInvestment,
      completedBeforeYear: r.completedBeforeYear,
      totalInvestment: r.totalInvestment,
    });
    const values: Array<string | number | null> = [i + 1, safeCellText(r.projectName), safeCellText(r.regionName ?? r.regionCode), r.totalInvestment, r.plannedInvestment];
    for (let k = 1; k <= m; k++) {
      const v = months.get(k);
      if (v?.accepted) {
        values.push(safeCellText(v.progress), v.investment);
        monthTotals[k - 1] = fromCents(toCents(monthTotals[k - 1]) + toCents(v.investment));
      } else values.push(null, null);
    }
    values.push(f.ytd, f.ytdPctOfPlan, f.sinceStart, f.sinceStartPctOfTotal);
    ws.addRow(values);
    totalInv = fromCents(toCents(totalInv) + toCents(r.totalInvestment));
    totalPlan = fromCents(toCents(totalPlan) + toCents(r.plannedInvestment));
    totalYtd = fromCents(toCents(totalYtd) + toCents(f.ytd));
    totalSince = fromCents(toCents(totalSince) + toCents(f.sinceStart));
  });
  const totals: Array<string | number | null> = ['合计', `${rows.length}个项目`, null, totalInv, totalPlan];
  for (let k = 1; k <= m; k++) totals.push(null, monthTotals[k - 1]!);
  totals.push(totalYtd, pct(totalYtd, totalPlan), totalSince, pct(totalSince, totalInv));
  const tr = ws.addRow(totals);
  tr.font = { bold: true };
  ws.getColumn(2).width = 36;
  ws.getColumn(3).width = 12;
  for (let c = 4; c <= width; c++) ws.getColumn(c).width = 12;
  for (let k = 1; k <= m; k++) ws.getColumn(fixed.length + 2 * (k - 1) + 1).width = 24;
  const moneyCols = [4, 5, ...Array.from({ length: m }, (_, k) => fixed.length + 2 * k + 2), width - 3, width - 1];
  for (const c of moneyCols) ws.getColumn(c).numFmt = AMOUNT_FORMAT;
  ws.views = [{ state: 'frozen', xSplit: 2, ySplit: H2 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
