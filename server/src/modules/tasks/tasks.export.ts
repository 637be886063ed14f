import ExcelJS from 'exceljs';
import type { Ctx } from '../../core/context.js';
import { chinaToday } from '../../core/clock.js';
import { CELL_BORDER, safeCellText, styleHeaderCell, writeHeading } from '../../lib/xlsx/write.js';
import { getTask, listTasks } from './tasks.service.js';

export const TASK_SHEET_HEADERS = ['序号', '任务', '牵头领导', '牵头单位', '配合单位', '完成时限', '进展情况'] as const;

/**
 * The task list in the layout 督查室 circulate: 序号, 任务, 牵头领导, 牵头单位, 配合单位, 完成时限,
 * 进展情况 (the latest accepted report's text, else the latest submitted one, and the light's
 * reason; 已办结 with its date). Sub-tasks follow their task numbered 1.1, 1.2 ….
 */
export async function exportTasks(ctx: Ctx, year?: number): Promise<{ buffer: Buffer; title: string }> {
  const y = year ?? Number(chinaToday(ctx.clock.now()).slice(0, 4));
  const items = await listTasks(ctx, { year: y, all: 'true' });
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('重点任务');
  const title = `${y}年重点任务推进情况表`;
  writeHeading(ws, TASK_SHEET_HEADERS.length, title, { note: `截至${chinaToday(ctx.clock.now())}` });
  const head = ws.getRow(3);
  TASK_SHEET_HEADERS.forEach((h, i) => {
    head.getCell(i + 1).value = h;
    styleHeaderCell(head.getCell(i + 1));
  });
  // numbering: roots 1, 2 …; children 1.1, 1.1.1
  const byParent = new Map<number | null, typeof items>();
  const ids = new Set(items.map((t) => t.id));
  for (const t of items) {
    const p = t.parentId && ids.has(t.parentId) ? t.parentId : null;
    byParent.set(p, [...(byParent.get(p) ?? []), t]);
  }
  let r = 4;
  const walk = async (parent: number | null, prefix: string) => {
    for (const [i, t] of (byParent.get(parent) ?? []).entries()) {
      const no = prefix ? `${prefix}.${i + 1}` : String(i + 1);
      const d = await getTask(ctx, t.id);
      const latest = d.reports.find((x) => x.status === 'accepted') ?? d.reports.find((x) => x.status === 'submitted');
      const progress = t.done ? `已办结（${t.doneDate}）${latest?.text ? `。${latest.text}` : ''}` : [latest?.text ? `${latest.periodLabel}：${latest.text}` : '', t.lightReason ?? ''].filter(Boolean).join('；');
      const row = ws.getRow(r++);
      [no, safeCellText(t.title), safeCellText(t.leadLeaderName ?? ''), safeCellText(t.leadUnitName), safeCellText(t.coUnitNames.join('、')), t.deadline, safeCellText(progress)].forEach((v, c) => {
        const cell = row.getCell(c + 1);
        cell.value = v;
        cell.border = CELL_BORDER;
        cell.alignment = { vertical: 'middle', wrapText: true };
      });
      await walk(t.id, no);
    }
  };
  await walk(null, '');
  [8, 40, 12, 22, 30, 12, 50].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  return { buffer: Buffer.from(await wb.xlsx.writeBuffer()), title };
}
