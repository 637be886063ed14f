/**
 * Excel export of the filtered ledger, streamed: rows are read in pages and written with the
 * ExcelJS streaming writer, so 100,000 projects stay in bounded memory. The same layout, empty,
 * is the import template.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ProjectFilter } from '@tiaodu/contracts';
import type { Ctx } from '../../../core/context.js';
import { chinaToday } from '../../../core/clock.js';
import { CELL_BORDER as BORDER, safeCellText, styleHeaderCell, writeHeading } from '../../../lib/xlsx/write.js';
import { columnLetter } from '../../../lib/xlsx/grid.js';
import { iterateProjects, sumProjects } from '../projects.service.js';
import { regionName } from './export.repository.js';
import { AMOUNT_FORMAT, chineseDate, DATE_FORMAT, LEDGER_COLUMNS, ledgerTitle, type LedgerValue } from './ledger-layout.js';

const HEADER_ROW = 3;

type Sheet = ExcelJS.Worksheet;

function beginSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, title: string, today: string): Sheet {
  const n = LEDGER_COLUMNS.length;
  const ws = wb.addWorksheet('项目台账', {
    views: [{ state: 'frozen', xSplit: 2, ySplit: HEADER_ROW }],
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}` },
  });
  ws.columns = LEDGER_COLUMNS.map((c) => ({ width: c.width }));

  writeHeading(ws, n, title, { note: `导出日期：${chineseDate(today)}` });
  ws.getRow(1).commit();
  ws.getRow(2).commit();

  const header = ws.getRow(HEADER_ROW);
  LEDGER_COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    styleHeaderCell(cell);
  });
  header.height = 30;
  header.commit();
  return ws;
}

type Kind = (typeof LEDGER_COLUMNS)[number]['kind'];

/**
 * One style object per kind of column, shared by all cells: ExcelJS caches a style id per
 * object, so sharing them (and never mutating them) keeps a 100,000-row export fast.
 */
const CENTER = { horizontal: 'center' as const };
const STYLE: Record<Kind, Partial<ExcelJS.Style>> = {
  seq: { border: BORDER, alignment: CENTER },
  int: { border: BORDER, alignment: CENTER },
  text: { border: BORDER },
  longtext: { border: BORDER, alignment: { wrapText: true, vertical: 'top' } },
  amount: { border: BORDER, numFmt: AMOUNT_FORMAT },
  area: { border: BORDER, numFmt: AMOUNT_FORMAT },
  date: { border: BORDER, numFmt: DATE_FORMAT, alignment: CENTER },
};
const COLUMN_STYLES = LEDGER_COLUMNS.map((c) => STYLE[c.kind]);
const ROW_STYLE = {};

function cellValue(kind: Kind, v: LedgerValue): ExcelJS.CellValue {
  if (v === null || v === '') return null;
  if (kind === 'text' || kind === 'longtext') return safeCellText(String(v));
  return v;
}

function writeRow(ws: Sheet, values: ExcelJS.CellValue[]): ExcelJS.Row {
  const row = ws.addRow(values);
  (row as unknown as { style: object }).style = ROW_STYLE;
  for (let c = 0; c < COLUMN_STYLES.length; c++) row.getCell(c + 1).style = COLUMN_STYLES[c]!;
  return row;
}

/** Writes the filtered, scoped ledger to `out` as an .xlsx workbook. */
export async function exportLedger(ctx: Ctx, filter: ProjectFilter, out: Writable): Promise<void> {
  const today = chinaToday(ctx.clock.now());
  const regionCode = filter.regionCode ?? (ctx.user.scopeType === 'region' ? ctx.user.regionCode : null);
  const name = regionCode ? await regionName(ctx.db, regionCode) : null;
  const totals = await sumProjects(ctx, filter);

  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'Tiaodu 调度';
  wb.created = ctx.clock.now();
  const ws = beginSheet(wb, ledgerTitle(name, filter.planYear), today);

  let seq = 0;
  for await (const batch of iterateProjects(ctx, filter)) {
    for (const p of batch) {
      seq++;
      // Text is always written as a string, never as a formula, and neutralised (safeCellText).
      writeRow(ws, LEDGER_COLUMNS.map((c) => cellValue(c.kind, c.kind === 'seq' ? seq : c.value(p)))).commit();
    }
    // Wait for a slow client rather than buffer the workbook, and let other requests run.
    while (out.writableNeedDrain && !out.destroyed) await once(out, 'drain');
    await new Promise<void>((r) => setImmediate(r));
  }

  const sums: ExcelJS.CellValue[] = LEDGER_COLUMNS.map((c) => (c.kind === 'seq' ? '合计' : c.header === '项目名称' ? `共${totals.total}个项目` : c.kind === 'amount' ? totals.totalInvestment : null));
  const sumRow = ws.addRow(sums);
  LEDGER_COLUMNS.forEach((c, i) => (sumRow.getCell(i + 1).style = { ...STYLE[c.kind], font: { bold: true } }));
  sumRow.commit();
  ws.commit();
  await wb.commit();
}

/** The blank ledger: the export's layout with drop-downs for the coded columns, and a sheet of instructions. */
export async function writeTemplate(ctx: Ctx, out: Writable): Promise<void> {
  const today = chinaToday(ctx.clock.now());
  const name = ctx.user.scopeType === 'region' && ctx.user.regionCode ? await regionName(ctx.db, ctx.user.regionCode) : null;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'Tiaodu 调度';
  const ws = beginSheet(wb, ledgerTitle(name, Number(today.slice(0, 4))), today);
  const last = HEADER_ROW + 2000;
  // The streaming writer supports data validations; its typings only declare them on Worksheet models.
  const validations = (ws as unknown as { dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void } }).dataValidations;
  LEDGER_COLUMNS.forEach((c, i) => {
    const range = `${columnLetter(i + 1)}${HEADER_ROW + 1}:${columnLetter(i + 1)}${last}`;
    if (c.choices) {
      validations.add(range, {
        type: 'list',
        allowBlank: true,
        formulae: [`"${c.choices.map((x) => x.zh).join(',')}"`],
        showErrorMessage: false,
      });
    } else if (c.kind === 'amount' || c.kind === 'area') {
      validations.add(range, { type: 'decimal', operator: 'greaterThanOrEqual', allowBlank: true, formulae: [0], showErrorMessage: true, errorTitle: '金额', error: '请填写不小于0的数字' });
    }
  });
  ws.commit();

  const help = wb.addWorksheet('填写说明');
  help.columns = [{ width: 18 }, { width: 90 }];
  const lines: [string, string][] = [
    ['填写说明', ''],
    ['必填', '项目名称、总投资、所属区域（只管辖一个乡镇的账号可不填所属区域）'],
    ['金额单位', '默认万元；表头写「总投资（亿元）」或表格上方写「单位：亿元」时按亿元换算'],
    ['日期', '可写 2024.03、2024年3月、2024-03-15、2024/3/15 或日期格式；只写到月份时，开工取当月1日，竣工取当月最后一天'],
    ['建设起止年限', '也可用一列「建设起止年限」填写「2024.03-2026.12」'],
    ['分类标题行', '「一、续建项目（20个）」「（一）工业项目」这样的标题行会作为下面各行的年度类别、领域；合计、小计行会被跳过'],
    ['项目代码', '24位，如 2024-330122-04-01-123456；填写后按项目代码匹配已有项目，否则按项目名称和所属区域匹配'],
    ['包保领导', '填写系统中领导用户的姓名，多位用顿号分隔；有重名时在括号中注明职务，如「张三（副县长）」'],
    ['牵头单位', '填写系统中已登记的单位全称或简称'],
    ['项目业主', '未登记的企业会自动登记；统一社会信用代码须为18位有效代码'],
    ['更新规则', '已有项目只更新文件中填写了的字段，空白单元格不会清空原有内容'],
  ];
  for (const [a, b] of lines) {
    const row = help.addRow([a, b]);
    row.getCell(1).font = { bold: true };
    row.getCell(2).alignment = { wrapText: true };
    row.commit();
  }
  help.commit();
  await wb.commit();
}

/** A region's name, for the titles of exports of other modules. */
export { regionName } from './export.repository.js';
