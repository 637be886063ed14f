/**
 * The files a county really has besides .xlsx: legacy Excel (.xls) and WPS (.et) workbooks are
 * converted to .xlsx by LibreOffice headless (`soffice --convert-to xlsx`, Debian's
 * libreoffice-calc-nogui); CSV files (UTF-8 or GBK, as Excel and WPS save them) are read with
 * a maintained CSV parser. Without LibreOffice the user is told to save the file as .xlsx.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseString } from '@fast-csv/parse';
import type { CellValue } from './cells.js';

/** The LibreOffice binary: TIAODU_SOFFICE, else the usual places; null when none is installed. */
export function findSoffice(): string | null {
  if (process.env.TIAODU_SOFFICE === 'none') return null;
  const candidates = [process.env.TIAODU_SOFFICE, '/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice', '/opt/libreoffice/program/soffice', '/usr/local/bin/soffice'];
  for (const c of candidates) if (c && existsSync(c)) return c;
  return null;
}

const FAILED = '文件无法转换（可能已损坏或设置了密码），请在 Excel 或 WPS 中打开后另存为 .xlsx 再导入';

export class ConvertError extends Error {
  constructor(
    readonly reason: 'no_converter' | 'failed',
    message: string,
  ) {
    super(message);
  }
}

/** Converts a legacy workbook (.xls, .et) to .xlsx with LibreOffice headless, in a private profile and folder. */
export async function convertToXlsx(buf: Buffer, timeoutMs = 90_000): Promise<Buffer> {
  const soffice = findSoffice();
  if (!soffice) throw new ConvertError('no_converter', '服务器未安装表格转换组件（LibreOffice），无法读取 .xls / .et 文件，请另存为 .xlsx 后再导入');
  // an OLE compound file is at least a header and two sectors; anything shorter is damaged
  // (LibreOffice would otherwise open it as plain text)
  if (buf.length < 1536) throw new ConvertError('failed', FAILED);
  const dir = await mkdtemp(path.join(tmpdir(), 'tiaodu-convert-'));
  try {
    const input = path.join(dir, 'input.xls');
    await writeFile(input, buf);
    const profile = pathToFileURL(path.join(dir, 'profile')).href;
    await new Promise<void>((resolve, reject) => {
      execFile(
        soffice,
        // read as Excel 97–2003 only (WPS saves .et in that format too): without a filter a damaged
        // file would be opened as plain text
        [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--nolockcheck', '--infilter=MS Excel 97', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', path.join(dir, 'out'), input],
        { timeout: timeoutMs, env: { ...process.env, HOME: dir } },
        (err) => (err ? reject(err) : resolve()),
      );
    }).catch(() => {
      throw new ConvertError('failed', FAILED);
    });
    const out = (await readdir(path.join(dir, 'out')).catch(() => [])).find((f) => f.endsWith('.xlsx'));
    if (!out) throw new ConvertError('failed', FAILED);
    return await readFile(path.join(dir, 'out', out));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The text of a file that is text: UTF-8 (with or without BOM), UTF-16 with BOM, else GBK
 * (GB 18030), as Excel and WPS save CSV on Chinese Windows; null for binary content.
 */
export function decodeText(buf: Buffer): string | null {
  let text: string;
  if (buf[0] === 0xff && buf[1] === 0xfe) text = new TextDecoder('utf-16le').decode(buf.subarray(2));
  else if (buf[0] === 0xfe && buf[1] === 0xff) text = new TextDecoder('utf-16be').decode(buf.subarray(2));
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(buf);
    } catch {
      try {
        text = new TextDecoder('gb18030', { fatal: true }).decode(buf);
      } catch {
        return null;
      }
    }
  }
  // Binary content: control characters other than tab and line breaks.
  const sample = text.slice(0, 4096);
  // eslint-disable-next-line no-control-regex
  const controls = sample.match(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g)?.length ?? 0;
  return controls > 0 ? null : text;
}

/** Reads CSV text into rows of cell values (text; empty cells null). The separator is a comma, a semicolon or a tab, whichever the first line uses most. */
export async function readCsv(text: string, maxRows = 200_000): Promise<CellValue[][]> {
  const first = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = [',', '\t', ';'].map((d) => [d, first.split(d).length] as const).sort((a, b) => b[1] - a[1])[0]![0];
  return new Promise((resolve, reject) => {
    const rows: CellValue[][] = [];
    parseString(text, { delimiter, ignoreEmpty: false, discardUnmappedColumns: false, strictColumnHandling: false, trim: false })
      .on('error', reject)
      .on('data', (row: string[]) => {
        if (rows.length < maxRows) rows.push(row.map((v) => (v.trim() === '' ? null : v)));
      })
      .on('end', () => resolve(rows));
  });
}
