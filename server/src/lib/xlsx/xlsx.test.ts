import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { cellText, formatDecimals, toCellValue } from './cells.js';
import { columnIndex, columnLetter, fillMerges, type SheetGrid } from './grid.js';
import { readWorkbook, XlsxReadError } from './read.js';
import { sniffFile } from './sniff.js';
import { cleanText, compactText, normalizeText } from './text.js';
import { attachmentDisposition, safeCellText } from './write.js';

describe('text normalisation', () => {
  it('turns full-width digits and punctuation into half-width', () => {
    expect(normalizeText('　１２，３４５．６　')).toBe('12,345.6');
    expect(compactText('总投资（亿 元）')).toBe('总投资(亿元)');
  });
  it('cleans stored text: joins wrapped lines, strips the export quote before formula-like text', () => {
    expect(cleanText('  富春江温泉\n小镇（一期） ')).toBe('富春江温泉小镇（一期）');
    expect(cleanText("'=1+1")).toBe('=1+1');
    expect(cleanText("'张三")).toBe("'张三");
    expect(cleanText('第一行\n第二行', { multiline: true })).toBe('第一行\n第二行');
  });
});

describe('cell values', () => {
  it('uses the cached result of formulas, the text of rich text and hyperlinks', () => {
    expect(toCellValue({ formula: 'SUM(A1:A2)', result: 42 })).toBe(42);
    expect(toCellValue({ sharedFormula: 'A1', result: '续建' })).toBe('续建');
    expect(toCellValue({ formula: 'A1' })).toBe('=A1');
    expect(toCellValue({ richText: [{ text: '桐庐' }, { text: '县' }] })).toBe('桐庐县');
    expect(toCellValue({ text: '链接', hyperlink: 'http://x' })).toBe('链接');
    expect(toCellValue({ error: '#N/A' })).toBe('#N/A');
  });
  it('keeps the number format of formatted numbers for display', () => {
    expect(formatDecimals('#,##0.00')).toBe(2);
    expect(cellText({ num: 2024.1, fmt: '0.00' })).toBe('2024.10');
    expect(cellText(1234.5)).toBe('1234.5');
    expect(cellText(0.1 + 0.2)).toBe('0.3');
    expect(cellText(new Date(Date.UTC(2024, 2, 15)))).toBe('2024-03-15');
  });
});

describe('grid', () => {
  it('converts column letters both ways', () => {
    expect(columnLetter(1)).toBe('A');
    expect(columnLetter(26)).toBe('Z');
    expect(columnLetter(27)).toBe('AA');
    expect(columnIndex('ab')).toBe(28);
    expect(columnIndex('项目')).toBeNull();
  });
  it('fills merges both ways in the header and only downwards below it', () => {
    const g: SheetGrid = {
      name: 's',
      hidden: false,
      rows: [
        ['计划工期', null],
        ['开工', '竣工'],
        ['横村镇', '合并'],
        [null, null],
      ],
      merges: [
        { top: 1, left: 1, bottom: 1, right: 2 },
        { top: 3, left: 1, bottom: 4, right: 1 },
        { top: 3, left: 2, bottom: 3, right: 3 },
      ],
    };
    const f = fillMerges(g, 2);
    expect(f.rows[0]).toEqual(['计划工期', '计划工期']);
    expect(f.rows[3]![0]).toBe('横村镇');
    expect(f.rows[2]![2]).toBeUndefined();
    expect(g.rows[0]![1]).toBeNull();
  });
});

describe('reading workbooks', () => {
  it('recognises files by content', () => {
    expect(sniffFile(Buffer.from('PK\x03\x04rest'))).toBe('zip');
    expect(sniffFile(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]))).toBe('ole');
    expect(sniffFile(Buffer.from('项目名称,总投资\n'))).toBe('other');
    expect(sniffFile(Buffer.alloc(0))).toBe('empty');
  });

  it('reads values, merges, formulas and dates off the main thread', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台账');
    ws.addRow(['标题']);
    ws.addRow(['甲', 12.5, new Date(Date.UTC(2024, 2, 1)), { formula: 'B2*2', result: 25 }]);
    ws.getCell('B2').numFmt = '#,##0.00';
    ws.mergeCells('A1:D1');
    wb.addWorksheet('说明', { state: 'hidden' }).addRow(['x']);
    const book = await readWorkbook(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(book.sheets.map((s) => [s.name, s.hidden])).toEqual([
      ['台账', false],
      ['说明', true],
    ]);
    const s = book.sheets[0]!;
    expect(s.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 4 }]);
    expect(s.rows[1]![0]).toBe('甲');
    expect(s.rows[1]![1]).toEqual({ num: 12.5, fmt: '#,##0.00' });
    expect(cellText(s.rows[1]![2]!)).toBe('2024-03-01');
    expect(s.rows[1]![3]).toBe(25);
  });

  it('refuses random bytes, text files, legacy .xls and broken zips with Chinese messages', async () => {
    const cases: [Buffer, string][] = [
      [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), 'not_xlsx'],
      [Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 1, 2, 3]), 'legacy_xls'],
      [Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(200, 7)]), 'corrupt'],
      [Buffer.alloc(0), 'empty'],
    ];
    for (const [buf, reason] of cases) {
      const e = await readWorkbook(buf).catch((err: unknown) => err);
      expect(e).toBeInstanceOf(XlsxReadError);
      expect((e as XlsxReadError).reason).toBe(reason);
      expect((e as XlsxReadError).message).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  it('refuses sheets beyond the row limit', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    for (let i = 0; i < 30; i++) ws.addRow([i]);
    const e = await readWorkbook(Buffer.from(await wb.xlsx.writeBuffer()), { maxRows: 10 }).catch((err: unknown) => err);
    expect((e as XlsxReadError).reason).toBe('too_many_rows');
  });
});

describe('writing', () => {
  it('neutralises formula-like text', () => {
    for (const t of ['=1+1', '+86', '-1', '@SUM(A1)', '\tx', '\rx']) expect(safeCellText(t)).toBe(`'${t}`);
    expect(safeCellText('桐庐县')).toBe('桐庐县');
    expect(safeCellText(null)).toBe('');
  });
  it('names downloads in Chinese with an ASCII fallback (RFC 5987)', () => {
    const h = attachmentDisposition('项目台账_20260615.xlsx', 'ledger_20260615.xlsx');
    expect(h).toBe(`attachment; filename="ledger_20260615.xlsx"; filename*=UTF-8''${encodeURIComponent('项目台账_20260615.xlsx')}`);
  });
});

describe('legacy workbooks through LibreOffice', () => {
  it('refuses a damaged Excel 97–2003 file instead of reading it as text', async () => {
    const buf = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4000, 0x41)]);
    const e = await readWorkbook(buf).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(XlsxReadError);
    expect((e as XlsxReadError).reason).toBe('legacy_xls');
    expect((e as XlsxReadError).message).toContain('另存为 .xlsx');
  }, 120_000); // LibreOffice's cold start takes longer than the default 30 s on a loaded 2-core machine
});
