/**
 * Builds a project ledger the way county offices keep it in Excel: a title row, a
 * "单位：万元" line, a two-row merged header, a 合计 row, section rows such as
 * "一、续建项目（2个）" with their 小计 rows, then the projects.
 */
import ExcelJS from 'exceljs';

export interface LedgerRow {
  name: string;
  code: string;
  region: string;
  level: string;
  nature: string;
  field: string;
  investmentType: string;
  content: string;
  totalInvestment: number;
  plannedStart: string;
  plannedCompletion: string;
  owner: string;
  responsibleUnit: string;
}

export interface LedgerSection {
  /** e.g. 续建项目, 新开工项目 */
  title: string;
  rows: LedgerRow[];
}

const NUMERALS = ['一', '二', '三', '四', '五', '六'];

/** Columns: [header row 1, header row 2 (or null when merged down)]. */
const COLUMNS: Array<[string, string | null, keyof LedgerRow | null, number]> = [
  ['序号', null, null, 6],
  ['项目名称', null, 'name', 34],
  ['项目代码', null, 'code', 26],
  ['所属区域', null, 'region', 14],
  ['项目级别', null, 'level', 10],
  ['建设性质', null, 'nature', 10],
  ['领域', null, 'field', 14],
  ['投资类型', null, 'investmentType', 10],
  ['建设规模及主要内容', null, 'content', 40],
  ['总投资', null, 'totalInvestment', 12],
  ['建设起止年限', '计划开工', 'plannedStart', 12],
  ['建设起止年限', '计划竣工', 'plannedCompletion', 12],
  ['项目业主', null, 'owner', 28],
  ['责任单位', null, 'responsibleUnit', 24],
];

/** The Excel row number (1-based) of each project, by name, as written. */
export type RowNumbers = Map<string, number>;

export async function buildLedger(title: string, sections: LedgerSection[]): Promise<{ buffer: Buffer; rowOf: RowNumbers }> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('重点项目');
  const last = COLUMNS.length;
  ws.columns = COLUMNS.map(([, , , width]) => ({ width }));

  ws.getCell(1, 1).value = title;
  ws.mergeCells(1, 1, 1, last);
  ws.getCell(1, 1).font = { name: '方正小标宋简体', size: 18 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.getCell(2, 1).value = '填报单位：桐庐县发展和改革局';
  ws.getCell(2, last - 1).value = '单位：万元';
  ws.mergeCells(2, last - 1, 2, last);

  // Two-row header: single-row titles merge down, 建设起止年限 spans its two sub-columns.
  COLUMNS.forEach(([top, sub], i) => {
    const col = i + 1;
    ws.getCell(3, col).value = top;
    if (sub) ws.getCell(4, col).value = sub;
    else ws.mergeCells(3, col, 4, col);
  });
  const startCol = COLUMNS.findIndex(([, sub]) => sub === '计划开工') + 1;
  ws.mergeCells(3, startCol, 3, startCol + 1);
  for (const r of [3, 4]) ws.getRow(r).font = { bold: true };

  const totalCol = COLUMNS.findIndex(([, , key]) => key === 'totalInvestment') + 1;
  const all = sections.flatMap((s) => s.rows);
  ws.getCell(5, 2).value = `合计（${all.length}个）`;
  ws.getCell(5, totalCol).value = all.reduce((a, r) => a + r.totalInvestment, 0);

  const rowOf: RowNumbers = new Map();
  let r = 6;
  let seq = 1;
  sections.forEach((section, i) => {
    ws.getCell(r, 1).value = `${NUMERALS[i]}、${section.title}（${section.rows.length}个）`;
    ws.mergeCells(r, 1, r, totalCol - 1);
    r++;
    const first = r;
    for (const row of section.rows) {
      ws.getCell(r, 1).value = seq++;
      COLUMNS.forEach(([, , key], c) => {
        if (key) ws.getCell(r, c + 1).value = row[key];
      });
      rowOf.set(row.name, r);
      r++;
    }
    ws.getCell(r, 2).value = '小计';
    ws.getCell(r, totalCol).value = { formula: `SUM(${ws.getColumn(totalCol).letter}${first}:${ws.getColumn(totalCol).letter}${r - 1})`, result: section.rows.reduce((a, x) => a + x.totalInvestment, 0) };
    r++;
  });

  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  return { buffer, rowOf };
}
