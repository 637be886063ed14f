// Reads an .xlsx workbook off the main thread (ExcelJS parsing is synchronous work that would
// freeze the server for seconds on a large file) and posts back the cell values and merges.
// Plain JavaScript so it runs the same under tsx, vitest and node.
import { parentPort, workerData } from 'node:worker_threads';
import ExcelJS from 'exceljs';

const MERGE = ExcelJS.ValueType.Merge;

async function read() {
  const { buffer, maxRows, maxCols } = workerData;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(buffer));
  const sheets = [];
  for (const ws of wb.worksheets) {
    const rows = [];
    const masters = new Map();
    let count = 0;
    let tooMany = false;
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      if (tooMany) return;
      if (++count > maxRows) {
        tooMany = true;
        return;
      }
      const cells = [];
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        if (c > maxCols) return;
        if (cell.type === MERGE) {
          const m = cell.master;
          const key = `${m.row}:${m.col}`;
          const box = masters.get(key) ?? { top: m.row, left: m.col, bottom: m.row, right: m.col };
          if (r > box.bottom) box.bottom = r;
          if (c > box.right) box.right = c;
          masters.set(key, box);
          return;
        }
        let v = cell.value;
        if (typeof v === 'number' && cell.numFmt && cell.numFmt !== 'General') v = { num: v, fmt: cell.numFmt };
        else if (v && typeof v === 'object' && !(v instanceof Date) && ('formula' in v || 'sharedFormula' in v)) {
          const res = v.result;
          if (typeof res === 'number' && cell.numFmt && cell.numFmt !== 'General') v = { formula: v.formula ?? v.sharedFormula, result: { num: res, fmt: cell.numFmt } };
          else v = { formula: v.formula ?? v.sharedFormula ?? '', result: res && typeof res === 'object' && 'error' in res ? String(res.error) : res };
        } else if (v && typeof v === 'object' && Array.isArray(v.richText)) v = v.richText.map((t) => t.text ?? '').join('');
        else if (v && typeof v === 'object' && 'hyperlink' in v) v = typeof v.text === 'string' ? v.text : v.text?.richText ? v.text.richText.map((t) => t.text ?? '').join('') : String(v.text ?? '');
        cells[c - 1] = v;
      });
      rows[r - 1] = cells;
    });
    if (tooMany) throw Object.assign(new Error('too many rows'), { code: 'TOO_MANY_ROWS' });
    sheets.push({ name: ws.name, hidden: ws.state !== 'visible' && ws.state !== undefined, rows, merges: [...masters.values()] });
  }
  return sheets;
}

read().then(
  (sheets) => parentPort.postMessage({ ok: true, sheets }),
  (err) => parentPort.postMessage({ ok: false, code: err?.code === 'TOO_MANY_ROWS' ? 'TOO_MANY_ROWS' : 'UNREADABLE', message: String(err?.message ?? err) }),
);
