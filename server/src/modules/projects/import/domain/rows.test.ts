import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../../../lib/xlsx/cells.js';
import { fillMerges } from '../../../../lib/xlsx/grid.js';
import { detectHeader } from './headers.js';
import { parseRow } from './parse-row.js';
import { classifyRow, projectRows, sectionCategory, sectionField } from './rows.js';

const header: CellValue[] = ['序号', '项目名称', '所属区域', '总投资', '建设起止年限'];
const cols = detectHeader(fillMerges({ name: 's', hidden: false, rows: [header], merges: [] }, 1))!.columns;

describe('row kinds', () => {
  it('tells section, subtotal, repeated header, numbering, empty and project rows apart', () => {
    const kind = (cells: CellValue[]) => classifyRow(cells, cols);
    expect(kind(['一、续建项目（20个）'])).toMatchObject({ kind: 'section', level: 1 });
    expect(kind(['（一）工业项目'])).toMatchObject({ kind: 'section', level: 2 });
    expect(kind(['(二)基础设施项目', null, null, 12345])).toMatchObject({ kind: 'section', level: 2 });
    expect(kind(['第三部分 预备项目'])).toMatchObject({ kind: 'section', level: 1 });
    expect(kind(['续建项目', null, null, 3000])).toMatchObject({ kind: 'section' });
    expect(kind([null, '工业项目（12个）'])).toMatchObject({ kind: 'section' });
    expect(kind(['合计', null, null, 99999])).toMatchObject({ kind: 'subtotal' });
    expect(kind([null, '小计', null, 100])).toMatchObject({ kind: 'subtotal' });
    expect(kind(['总  计'])).toMatchObject({ kind: 'subtotal' });
    expect(kind([null, '续建项目合计', null, 100])).toMatchObject({ kind: 'subtotal' });
    expect(kind([null, '其中：省重点项目', null, 100])).toMatchObject({ kind: 'subtotal' });
    expect(kind(['序号', '项目名称', '所属区域', '总投资'])).toMatchObject({ kind: 'header' });
    expect(kind([1, 2, 3, 4, 5])).toMatchObject({ kind: 'numbering' });
    expect(kind([null, ' ', '—'])).toMatchObject({ kind: 'empty' });
    expect(kind([7])).toMatchObject({ kind: 'empty' });
    expect(kind([1, '综合计划管理中心', '横村镇', 100])).toMatchObject({ kind: 'data' });
  });
  it('reads the category and field a section title names', () => {
    expect(sectionCategory('一、续建项目（20个）')).toBe('continuing');
    expect(sectionCategory('二、新开工项目（5个）')).toBe('new_start');
    expect(sectionCategory('三、竣工投产项目')).toBe('completion');
    expect(sectionCategory('四、预备项目')).toBe('preparatory');
    expect(sectionField('（一）工业项目')).toBe('industry');
    expect(sectionField('（三）社会民生')).toBe('livelihood');
    expect(sectionCategory('（一）工业项目')).toBeUndefined();
  });
});

describe('project rows', () => {
  const rows: CellValue[][] = [
    header,
    ['一、续建项目（2个）'],
    ['（一）工业项目'],
    [1, '甲项目', '横村镇', '1,000', '2024.03-2026.12'],
    ['（二）基础设施项目'],
    [2, '乙项目', '横村镇', 200, null],
    ['小计', null, null, 1200],
    [null, null, null, null],
    ['二、新开工项目（1个）'],
    [3, '丙项目', '横村镇', '３００', '2026年3月—2027年6月'],
    ['合计', null, null, 1500],
  ];
  it('skips non-project rows and carries the section to the rows below', () => {
    const out = [...projectRows(rows, 2, cols)];
    expect(out.map((r) => [r.row, r.cells.name, r.section])).toEqual([
      [4, '甲项目', { category: 'continuing', field: 'industry' }],
      [6, '乙项目', { category: 'continuing', field: 'infrastructure' }],
      [10, '丙项目', { category: 'new_start', field: undefined }],
    ]);
  });
  it('parses a row: amounts, the period column, section defaults', () => {
    const [first, , third] = [...projectRows(rows, 2, cols)].map((r) => parseRow(r, { columns: cols, sheetUnit: 'wan' }));
    expect(first!.errors).toEqual([]);
    expect(first!.values).toMatchObject({ name: '甲项目', regionText: '横村镇', totalInvestment: 1000, plannedStart: '2024-03-01', plannedCompletion: '2026-12-31', category: 'continuing', field: 'industry' });
    expect(first!.fromSection).toEqual({ category: true, field: true });
    expect(third!.values).toMatchObject({ totalInvestment: 300, plannedStart: '2026-03-01', plannedCompletion: '2027-06-30', category: 'new_start' });
  });
  it('collects every error of a row with its column, value and reason', () => {
    const bad = parseRow({ row: 9, cells: { name: '丁', totalInvestment: '-5', period: '2026.13-2027.01' }, section: {} }, { columns: cols, sheetUnit: 'wan' });
    expect(bad.errors).toEqual([
      { row: 9, column: '总投资', value: '-5', message: '金额不能为负数「-5」' },
      { row: 9, column: '建设起止年限', value: '2026.13-2027.01', message: '无法识别的建设起止年限「2026.13-2027.01」，应写作「2024.03-2026.12」' },
      { row: 9, column: '项目名称', value: '丁', message: '项目名称至少2个字' },
    ]);
  });
});
