import { Worker } from 'node:worker_threads';
import { toCellValue, type CellValue } from './cells.js';
import type { MergeRange, SheetGrid, WorkbookGrid } from './grid.js';
import { sniffFile } from './sniff.js';
import { convertToXlsx, ConvertError, decodeText, readCsv } from './convert.js';

/** Why a file could not be read, with the Chinese message shown to the user. */
export class XlsxReadError extends Error {
  constructor(
    readonly reason: 'not_xlsx' | 'legacy_xls' | 'corrupt' | 'empty' | 'too_many_rows' | 'too_large',
    message: string,
  ) {
    super(message);
  }
}

export interface ReadOptions {
  /** Rows per sheet beyond which the file is refused (protects the server's memory). */
  maxRows?: number;
  maxCols?: number;
  /** Heap limit of the reader thread in MB. */
  maxMemoryMb?: number;
  /** Time after which reading is abandoned (a zip bomb or a pathological file). */
  timeoutMs?: number;
}

const workerUrl = new URL('./read-worker.mjs', import.meta.url);

interface WorkerSheet {
  name: string;
  hidden: boolean;
  rows: unknown[][];
  merges: MergeRange[];
}

/**
 * Reads every sheet of an .xlsx file into value grids. The file is checked by content first
 * (zip signature; legacy .xls and encrypted files are recognised and refused with a clear
 * message); parsing runs in a worker thread so the server keeps answering meanwhile.
 */
export async function readWorkbook(buffer: Buffer, opts: ReadOptions = {}): Promise<WorkbookGrid> {
  const kind = sniffFile(buffer);
  if (kind === 'empty') throw new XlsxReadError('empty', '上传的文件是空的');
  if (kind === 'ole') {
    // Excel 97–2003 (.xls) or WPS (.et): converted by LibreOffice; an encrypted file fails there.
    try {
      return await readWorkbook(await convertToXlsx(buffer), opts);
    } catch (e) {
      if (e instanceof ConvertError) throw new XlsxReadError('legacy_xls', e.message);
      throw e;
    }
  }
  if (kind === 'other') {
    const text = decodeText(buffer);
    if (text === null) throw new XlsxReadError('not_xlsx', '文件不是 Excel（.xlsx、.xls）、WPS（.et）或 CSV 格式，请上传台账表格文件');
    const maxRows = opts.maxRows ?? 200_000;
    const rows = await readCsv(text, maxRows + 1);
    if (rows.length > maxRows) throw new XlsxReadError('too_many_rows', `文件行数超过上限（最多 ${maxRows} 行），请拆分后分批导入`);
    return { sheets: [{ name: 'CSV', hidden: false, rows, merges: [] }] };
  }
  const maxRows = opts.maxRows ?? 200_000;
  const copy = new Uint8Array(buffer.byteLength);
  copy.set(buffer);
  const msg = await new Promise<{ ok: true; sheets: WorkerSheet[] } | { ok: false; code: string; message: string }>((resolve, reject) => {
    const worker = new Worker(workerUrl, {
      workerData: { buffer: copy, maxRows, maxCols: opts.maxCols ?? 300 },
      transferList: [copy.buffer],
      // A larger young generation: parsing makes many short-lived objects (≈15 % faster).
      resourceLimits: { maxOldGenerationSizeMb: opts.maxMemoryMb ?? 2048, maxYoungGenerationSizeMb: 64 },
      execArgv: [],
    });
    let settled = false;
    const timer = setTimeout(() => {
      if (settled) return;
      settled = true;
      resolve({ ok: false, code: 'TOO_LARGE', message: 'timeout' });
      void worker.terminate();
    }, opts.timeoutMs ?? 120_000);
    worker.once('message', (m) => {
      clearTimeout(timer);
      if (settled) return;
      settled = true;
      resolve(m);
      void worker.terminate();
    });
    worker.once('error', (err: Error & { code?: string }) => {
      clearTimeout(timer);
      if (settled) return;
      settled = true;
      if (err.code === 'ERR_WORKER_OUT_OF_MEMORY') resolve({ ok: false, code: 'TOO_LARGE', message: err.message });
      else reject(err);
    });
    worker.once('exit', (code) => {
      clearTimeout(timer);
      if (!settled) {
        settled = true;
        resolve({ ok: false, code: 'UNREADABLE', message: `reader exited with ${code}` });
      }
    });
  });
  if (!msg.ok) {
    if (msg.code === 'TOO_MANY_ROWS') throw new XlsxReadError('too_many_rows', `文件行数超过上限（每个工作表最多 ${maxRows} 行），请拆分后分批导入`);
    if (msg.code === 'TOO_LARGE') throw new XlsxReadError('too_large', '文件内容过大，无法解析，请拆分后分批导入');
    throw new XlsxReadError('corrupt', '文件已损坏或不是有效的 Excel（.xlsx）文件，请用 Excel 打开检查后另存为 .xlsx 再导入');
  }
  if (msg.sheets.length === 0) throw new XlsxReadError('not_xlsx', '文件中没有工作表，请上传 Excel（.xlsx）台账文件');
  const sheets: SheetGrid[] = [];
  for (const s of msg.sheets) sheets.push(await toSheetGrid(s));
  return { sheets };
}

/** Converts the worker's values, yielding to the event loop every 2,000 rows. */
async function toSheetGrid(s: WorkerSheet): Promise<SheetGrid> {
  const rows: CellValue[][] = new Array(s.rows.length);
  for (let r = 0; r < s.rows.length; r++) {
    if (r % 2000 === 1999) await new Promise<void>((done) => setImmediate(done));
    const src = s.rows[r];
    const out: CellValue[] = [];
    if (src) for (let c = 0; c < src.length; c++) out[c] = toCellValue(src[c]);
    for (let c = 0; c < out.length; c++) if (out[c] === undefined) out[c] = null;
    rows[r] = out;
  }
  for (let r = 0; r < rows.length; r++) if (!rows[r]) rows[r] = [];
  return { name: s.name, hidden: s.hidden, rows, merges: s.merges };
}
