import ExcelJS from 'exceljs';
import type { Ctx } from '../../core/context.js';
import { chinaToday } from '../../core/clock.js';
import { CELL_BORDER, safeCellText, styleHeaderCell, writeHeading } from '../../lib/xlsx/write.js';
import { getCampaign } from './campaigns.service.js';

export const CAMPAIGN_SHEET_HEADERS = ['序号', '类别', '事项', '责任单位', '应完成', '已完成', '完成率（%）', '亮灯', '说明', '是否完成'] as const;
const KIND = { task: '重点任务', project: '项目', indicator: '指标' } as const;
const LIGHT = { green: '绿灯', yellow: '黄灯', red: '红灯' } as const;

/**
 * A campaign's items as a sheet ("对照指标、逐项检查"): the figures, completion and light of
 * GET /api/campaigns/:id, nothing recomputed; the heading names the dates and the countdown.
 */
export async function exportCampaign(ctx: Ctx, id: number): Promise<{ buffer: Buffer; title: string }> {
  const c = await getCampaign(ctx, id);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('逐项检查');
  const title = `${c.name}逐项检查表`;
  const when = c.status === 'ended' ? '已结束' : `距结束${c.countdown.calendarDays}天（${c.countdown.workdays}个工作日），时间进度${c.countdown.timeShare}%`;
  writeHeading(ws, CAMPAIGN_SHEET_HEADERS.length, safeCellText(title), { note: `${c.startDate}至${c.endDate}，${when}；截至${chinaToday(ctx.clock.now())}` });
  const head = ws.getRow(3);
  CAMPAIGN_SHEET_HEADERS.forEach((h, i) => {
    head.getCell(i + 1).value = h;
    styleHeaderCell(head.getCell(i + 1));
  });
  c.items.forEach((it, i) => {
    const row = ws.getRow(4 + i);
    const unit = it.unit ?? '';
    [
      i + 1,
      KIND[it.kind],
      safeCellText(it.missing ? `${it.name}（已删除或无法读取）` : it.name),
      safeCellText(it.unitName ?? ''),
      it.due === null ? '' : `${it.due}${unit}`,
      it.reached === null ? '' : `${it.reached}${unit}`,
      it.completion ?? '',
      it.done ? '已完成' : it.light ? LIGHT[it.light] : '',
      safeCellText(it.detail ?? ''),
      it.done ? '是' : '否',
    ].forEach((v, col) => {
      const cell = row.getCell(col + 1);
      cell.value = v;
      cell.border = CELL_BORDER;
      cell.alignment = { vertical: 'middle', wrapText: true };
    });
  });
  [6, 10, 36, 22, 14, 14, 10, 8, 44, 8].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  return { buffer: Buffer.from(await wb.xlsx.writeBuffer()), title };
}
