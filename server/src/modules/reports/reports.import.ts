import { and, eq, sql } from 'drizzle-orm';
import { monthlyReports, reportWindows } from './reports.schema.js';
import type { Ctx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { writeAudit } from '../../core/audit.js';
import { projectScope } from '../../core/scope.js';
import { readWorkbook, XlsxReadError } from '../../lib/xlsx/read.js';
import { cellAt, columnCount, columnLetter, type SheetGrid } from '../../lib/xlsx/grid.js';
import { cellText, isEmptyCell, isFormattedNumber, type CellValue } from '../../lib/xlsx/cells.js';
import { cleanText, compactText, normalizeText } from '../../lib/xlsx/text.js';
import { bumpRollups } from '../dashboard/rollups.js';
import { publish } from '../../core/events.js';
import { reportMove, reportedDelta, type ReportStatus } from './domain/state.js';

export interface ImportIssue {
  row: number;
  column: string;
  value: string;
  message: string;
}
export interface ReportImportResult {
  dryRun: boolean;
  rows: number;
  created: number;
  updated: number;
}

type Col = 'name' | 'code' | 'investment' | 'progress' | 'problems';

/**
 * A month of reports from .xlsx, one row per project (DOMAIN.md §2 layout): 项目名称 and/or
 * 项目代码, 本月完成投资, 形象进度, 存在问题. Real-world rules: the header is found among the
 * first 15 rows (title and 单位 lines above it, a second header line merged below it), full-width
 * digits and thousands separators are read, 合计/小计 and section lines (一、…) are skipped, the
 * unit of the investment column follows its header (万元 by default, 亿元 ×10000, 元 ÷10000).
 * Atomic: any error and nothing is imported (400 IMPORT_FAILED with {row, column, value, message}).
 * Imported rows become submitted reports (roll-ups bumped, audited); a report already
 * submitted or accepted is an error, not overwritten.
 */
export async function importReports(ctx: Ctx, year: number, month: number, file: Buffer, dryRun: boolean): Promise<ReportImportResult> {
  let sheet: SheetGrid | undefined;
  try {
    sheet = (await readWorkbook(file)).sheets.find((s) => !s.hidden);
  } catch (e) {
    if (e instanceof XlsxReadError) throw new AppError('FILE_INVALID', e.message);
    throw e;
  }
  if (!sheet) throw new AppError('FILE_INVALID', '文件中没有工作表');
  const { header, cols, scale } = findHeader(sheet);
  const issues: ImportIssue[] = [];
  const parsed: Array<{ row: number; name: string | null; code: string | null; investment: number; progress: string | null; problems: string | null }> = [];
  const text = (v: CellValue) => cleanText(cellText(v), { multiline: true }) || null;
  for (let r = header + 1; r <= sheet.rows.length; r++) {
    const get = (c: Col) => (cols[c] ? cellAt(sheet, r, cols[c]!) : null);
    const name = get('name') != null ? cleanText(cellText(get('name'))) : '';
    const code = get('code') != null ? normalizeText(cellText(get('code'))) : '';
    if (!name && !code) continue;
    if (/^(合计|小计|总计|共计)/.test(compactText(name))) continue;
    if (/^[一二三四五六七八九十]+[、.]/.test(name) && isEmptyCell(get('investment'))) continue;
    const raw = get('investment');
    const invCol = columnLetter(cols.investment!);
    let investment: number | null = null;
    if (isEmptyCell(raw) || (typeof raw === 'string' && /^[-—–/]+$/.test(raw.trim()))) investment = 0;
    else if (typeof raw === 'number') investment = raw;
    else if (isFormattedNumber(raw)) investment = raw.num;
    else if (typeof raw === 'string') {
      const s = normalizeText(raw).replace(/[,，\s]/g, '').replace(/万元$/, '');
      investment = /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : null;
    }
    if (investment === null) {
      issues.push({ row: r, column: invCol, value: cellText(raw), message: '本月完成投资应为数字（万元）' });
      continue;
    }
    investment = Math.round(investment * scale * 100) / 100;
    if (investment < 0) {
      issues.push({ row: r, column: invCol, value: cellText(raw), message: '金额不能为负数' });
      continue;
    }
    parsed.push({ row: r, name: name || null, code: code || null, investment, progress: text(get('progress')), problems: text(get('problems')) });
  }
  if (!parsed.length && !issues.length) throw new AppError('IMPORT_FAILED', '文件中没有项目行', [{ row: header + 1, column: 'A', value: '', message: '文件中没有项目行' }]);

  return ctx.db.transaction(async (tx) => {
    const [w] = await tx.select().from(reportWindows).where(and(eq(reportWindows.year, year), eq(reportWindows.month, month)));
    if (!w) throw new AppError('VALIDATION', `${year}年${month}月的月报填报尚未开启`, [{ path: 'month', message: '该月份尚未开启填报' }]);
    const res = await tx.execute(sql`
      SELECT projects.id, projects.name, projects.code, projects.region_code, coalesce(ap.category, projects.category) AS category,
             r.id AS report_id, r.status, r.investment
      FROM projects LEFT JOIN annual_plans ap ON ap.project_id = projects.id AND ap.year = ${year}
      LEFT JOIN monthly_reports r ON r.project_id = projects.id AND r.year = ${year} AND r.month = ${month}
      WHERE projects.deleted_at IS NULL AND ${projectScope(ctx.user)}`);
    type P = { id: number; name: string; code: string | null; region_code: string; category: string; report_id: number | null; status: string | null; investment: string | null };
    const all = res.rows as P[];
    const byCode = new Map(all.filter((p) => p.code).map((p) => [p.code!, p]));
    const byName = new Map<string, P[]>();
    for (const p of all) byName.set(compactText(p.name), [...(byName.get(compactText(p.name)) ?? []), p]);
    const seen = new Map<number, number>();
    const plan: Array<{ p: P; x: (typeof parsed)[number] }> = [];
    for (const x of parsed) {
      let p: P | undefined;
      if (x.code) {
        p = byCode.get(x.code);
        if (!p) issues.push({ row: x.row, column: columnLetter(cols.code!), value: x.code, message: '找不到该项目代码（或不在您的管辖范围内）' });
      } else {
        const found = byName.get(compactText(x.name!)) ?? [];
        if (found.length === 1) p = found[0];
        else issues.push({ row: x.row, column: columnLetter(cols.name!), value: x.name!, message: found.length ? '有多个同名项目，请填写项目代码' : '找不到该项目（或不在您的管辖范围内）' });
      }
      if (!p) continue;
      if (seen.has(p.id)) {
        issues.push({ row: x.row, column: columnLetter(cols.name ?? cols.code!), value: x.name ?? x.code ?? '', message: `与第${seen.get(p.id)}行是同一个项目` });
        continue;
      }
      seen.set(p.id, x.row);
      const from = (p.status as ReportStatus | null) ?? 'draft';
      if (!reportMove(from, 'submit').ok) {
        issues.push({ row: x.row, column: columnLetter(cols.name ?? cols.code!), value: x.name ?? x.code ?? '', message: `该项目${year}年${month}月的月报${from === 'accepted' ? '已审核通过' : '已报送'}，不能用导入覆盖` });
        continue;
      }
      plan.push({ p, x });
    }
    if (issues.length) throw new AppError('IMPORT_FAILED', `文件中有 ${issues.length} 处错误，未导入任何数据`, issues.sort((a, b) => a.row - b.row));
    const result = { dryRun, rows: plan.length, created: plan.filter((e) => !e.p.report_id).length, updated: plan.filter((e) => e.p.report_id).length };
    if (dryRun) return result;
    const now = ctx.clock.now().toISOString();
    const deltas = [];
    for (const { p, x } of plan) {
      const values = { investment: x.investment.toFixed(2), progressText: x.progress, problemsText: x.problems, status: 'submitted', submittedAt: now, submittedBy: ctx.user.id || null, updatedAt: now };
      if (p.report_id) await tx.update(monthlyReports).set({ ...values, version: sql`${monthlyReports.version} + 1` }).where(eq(monthlyReports.id, p.report_id));
      else await tx.insert(monthlyReports).values({ projectId: p.id, year, month, ...values, createdAt: now });
      const d = reportedDelta((p.status as ReportStatus | null) ?? 'draft', 'submitted', Number(p.investment ?? 0), x.investment);
      deltas.push({ year, month, regionCode: p.region_code, category: p.category, ...d });
    }
    await bumpRollups(tx, deltas);
    await writeAudit(tx, ctx, {
      action: 'report.import',
      entityType: 'monthly_report',
      summary: `导入${year}年${month}月月报${plan.length}份`,
      after: plan.map(({ p, x }) => ({ projectId: p.id, investment: x.investment })),
    });
    await publish(tx, ctx, 'report.changed', { projectIds: plan.map((e) => e.p.id), year, month });
    return result;
  });
}

function findHeader(sheet: SheetGrid): { header: number; cols: Partial<Record<Col, number>>; scale: number } {
  const width = columnCount(sheet);
  for (let r = 1; r <= Math.min(15, sheet.rows.length); r++) {
    const below = sheet.rows[r] ?? [];
    const belowIsHeader = below.some((v) => typeof v === 'string' && /完成投资|形象进度|问题/.test(v)) && !below.some((v) => typeof v === 'number');
    const head = (c: number) => compactText(cellText(cellAt(sheet, r, c)) + (belowIsHeader ? cellText(cellAt(sheet, r + 1, c)) : ''));
    const cols: Partial<Record<Col, number>> = {};
    let investHeader = '';
    for (let c = 1; c <= width; c++) {
      const h = head(c);
      if (!h) continue;
      if (!cols.name && /项目名称/.test(h)) cols.name = c;
      else if (!cols.code && /项目代码|项目编码/.test(h)) cols.code = c;
      else if (!cols.investment && /完成投资/.test(h) && !/累计|年初|开工至今/.test(h)) {
        cols.investment = c;
        investHeader = h;
      } else if (!cols.progress && /形象进度/.test(h)) cols.progress = c;
      else if (!cols.problems && /问题/.test(h)) cols.problems = c;
    }
    if ((cols.name || cols.code) && cols.investment) {
      const scale = /亿元/.test(investHeader) ? 10000 : /万元/.test(investHeader) || !/元/.test(investHeader) ? 1 : 0.0001;
      return { header: belowIsHeader ? r + 1 : r, cols, scale };
    }
  }
  throw new AppError('IMPORT_FAILED', '找不到表头：需要“项目名称”或“项目代码”列和“本月完成投资”列', [{ row: 1, column: 'A', value: '', message: '找不到表头（项目名称/项目代码、本月完成投资）' }]);
}
