import ExcelJS from 'exceljs';
import type { Ctx } from '../../core/context.js';
import { CELL_BORDER, safeCellText, styleHeaderCell, writeHeading } from '../../lib/xlsx/write.js';
import { results } from './competitions.service.js';

const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/**
 * A period's results in the layout offices circulate: the title (擂台赛 + 期别 + 成绩), the
 * publication note and 单位：分, then each sequence as a section (一、乡镇（街道）) with 名次, 单位,
 * every item's points, 得分, 位次变化, 红黄旗, 红黑榜 and 备注 (约谈). A draft says so in the note.
 */
export async function exportResults(ctx: Ctx, id: number, period: string): Promise<{ buffer: Buffer; title: string }> {
  const res = await results(ctx, id, period);
  const itemNames = [...new Map(res.sequences.flatMap((s) => s.rows.flatMap((r) => r.items.map((i) => [i.itemId, i.name] as const)))).entries()];
  const headers = ['名次', '单位', ...itemNames.map(([, n]) => n), '得分', '位次变化', '红黄旗', '红黑榜', '备注'];
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(res.periodLabel);
  const title = `${res.competition}${res.periodLabel}成绩`;
  const note = res.status === 'published' ? `发布日期：${res.publishedAt!.slice(0, 10)}${res.revision > 1 ? `（第${res.revision}版，${res.reason ?? ''}）` : ''}` : '草稿，未发布';
  writeHeading(ws, headers.length, title, { note, unit: '单位：分' });
  let r = 3;
  res.sequences.forEach((s, si) => {
    const sec = ws.getRow(r);
    sec.getCell(1).value = `${CN[si] ?? si + 1}、${s.name}`;
    sec.getCell(1).font = { name: '黑体', size: 12, bold: true };
    ws.mergeCells(r, 1, r, headers.length);
    r++;
    const head = ws.getRow(r);
    headers.forEach((h, i) => {
      head.getCell(i + 1).value = h;
      styleHeaderCell(head.getCell(i + 1));
    });
    r++;
    for (const x of s.rows) {
      const row = ws.getRow(r++);
      const change = x.rankChange === null ? '—' : x.rankChange > 0 ? `↑${x.rankChange}` : x.rankChange < 0 ? `↓${-x.rankChange}` : '—';
      const values = [
        x.rank ?? '—',
        safeCellText(x.name),
        ...itemNames.map(([id]) => x.items.find((i) => i.itemId === id)?.points ?? '—'),
        x.score,
        change,
        x.flag === 'red' ? '红旗' : x.flag === 'yellow' ? '黄旗' : '',
        x.list === 'red' ? '红榜' : x.list === 'black' ? '黑榜' : '',
        x.interview ? '约谈' : '',
      ];
      values.forEach((v, i) => {
        const c = row.getCell(i + 1);
        c.value = v;
        c.border = CELL_BORDER;
        if (typeof v === 'number' && i >= 2) c.numFmt = '0.00';
      });
    }
    r++;
  });
  ws.getColumn(1).width = 8;
  ws.getColumn(2).width = 24;
  for (let c = 3; c <= headers.length; c++) ws.getColumn(c).width = 12;
  return { buffer: Buffer.from(await wb.xlsx.writeBuffer()), title };
}
