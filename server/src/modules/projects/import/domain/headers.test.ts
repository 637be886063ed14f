import { describe, expect, it } from 'vitest';
import { fillMerges, type SheetGrid } from '../../../../lib/xlsx/grid.js';
import type { CellValue } from '../../../../lib/xlsx/cells.js';
import { applyMapping, detectHeader, headerKey, mappingOf, recognizeHeader, sheetUnit, titleTexts } from './headers.js';

const grid = (rows: CellValue[][], merges: SheetGrid['merges'] = []): SheetGrid => fillMerges({ name: 's', hidden: false, rows, merges }, 30);

describe('header synonyms', () => {
  it('recognises the names officials use for each column', () => {
    const cases: [string, string][] = [
      ['项目名称', 'name'],
      ['名称', 'name'],
      ['项目编码', 'code'],
      ['赋码', 'code'],
      ['入库编码', 'statsCode'],
      ['建设单位', 'owner'],
      ['业主单位', 'owner'],
      ['实施单位', 'owner'],
      ['信用代码', 'ownerCreditCode'],
      ['计划总投资（万元）', 'totalInvestment'],
      ['总投资额\n（亿元）', 'totalInvestment'],
      ['乡镇（街道）', 'region'],
      ['属地', 'region'],
      ['所在乡镇', 'region'],
      ['挂点领导', 'leaders'],
      ['县领导', 'leaders'],
      ['主管部门', 'responsibleDept'],
      ['责任单位', 'responsibleDept'],
      ['级别', 'level'],
      ['项目类别', 'category'],
      ['行业类别', 'field'],
      ['用地（亩）', 'landArea'],
      ['建设起止年限', 'period'],
      ['建设内容及规模', 'content'],
      ['项目进度阶段', 'stage'],
      ['联络员', 'liaisonName'],
      ['* 项目名称', 'name'],
    ];
    for (const [h, f] of cases) expect(recognizeHeader('', h), h).toBe(f);
  });
  it('does not take investment progress columns for dates or totals', () => {
    expect(recognizeHeader('', '开工至今累计完成投资')).toBeNull();
    expect(recognizeHeader('', '2026年计划投资')).toBeNull();
    expect(recognizeHeader('', '形象进度')).toBeNull();
    expect(recognizeHeader('', '年度类别')).toBe('category');
    expect(recognizeHeader('', '年度')).toBe('planYear');
  });
  it('reads a child header in the light of its parent', () => {
    expect(recognizeHeader('计划工期', '开工时间')).toBe('plannedStart');
    expect(recognizeHeader('计划工期', '竣工时间')).toBe('plannedCompletion');
    expect(recognizeHeader('实际', '开工时间')).toBe('actualStart');
    expect(recognizeHeader('实际开竣工', '竣工')).toBe('actualCompletion');
    expect(recognizeHeader('联络员', '电话')).toBe('liaisonPhone');
    expect(recognizeHeader('责任人', '姓名')).toBe('responsiblePerson');
    expect(recognizeHeader('责任人', '电话')).toBe('responsiblePhone');
    expect(recognizeHeader('总投资（万元）', '合计')).toBe('totalInvestment');
  });
  it('compares headers without spaces, full-width forms or notes in brackets', () => {
    expect(headerKey(' 总 投 资（万元）')).toBe('总投资');
    expect(headerKey('项目名称：')).toBe('项目名称');
  });
});

describe('header detection', () => {
  it('finds a merged two-row header under a title and a unit line', () => {
    const g = grid(
      [
        ['桐庐县重点项目台账（2026年）', null, null, null, null, null],
        [null, null, null, null, null, '单位：亿元'],
        ['序号', '项目名称', '总投资（亿元）', '计划工期', null, '实际'],
        [null, null, null, '开工时间', '竣工时间', '开工时间'],
        ['一、续建项目（2个）', null, null, null, null, null],
      ],
      [
        { top: 1, left: 1, bottom: 1, right: 6 },
        { top: 3, left: 1, bottom: 4, right: 1 },
        { top: 3, left: 2, bottom: 4, right: 2 },
        { top: 3, left: 3, bottom: 4, right: 3 },
        { top: 3, left: 4, bottom: 3, right: 5 },
      ],
    );
    const h = detectHeader(g)!;
    expect(h).toMatchObject({ headerRow: 3, headerRows: 2, dataStart: 5 });
    expect(h.columns.map((c) => c.field)).toEqual(['seq', 'name', 'totalInvestment', 'plannedStart', 'plannedCompletion', 'actualStart']);
    expect(h.columns.map((c) => c.header)).toEqual(['序号', '项目名称', '总投资（亿元）', '计划工期/开工时间', '计划工期/竣工时间', '实际/开工时间']);
    expect(h.columns[2]!.amountUnit).toBe('yi');
    expect(sheetUnit(g, 3)).toBe('yi');
    expect(titleTexts(g, 3)[0]).toContain('2026年');
  });

  it('keeps a one-row header one row when the next row is data', () => {
    const g = grid([
      ['项目名称', '总投资', '所属区域', '建设性质'],
      ['甲项目', 100, '横村镇', '新建'],
    ]);
    expect(detectHeader(g)).toMatchObject({ headerRow: 1, headerRows: 1, dataStart: 2 });
  });

  it('keeps the leftmost column when two headers name the same field', () => {
    const g = grid([['项目名称', '总投资', '总投资额']]);
    expect(detectHeader(g)!.columns.map((c) => c.field)).toEqual(['name', 'totalInvestment', null]);
  });

  it('returns null when nothing looks like a header, and honours a forced header row', () => {
    const g = grid([['甲', '乙'], ['1', '2']]);
    expect(detectHeader(g)).toBeNull();
    expect(detectHeader(g, { headerRow: 2 })).toMatchObject({ headerRow: 2, dataStart: 3 });
  });
});

describe('column mapping overrides', () => {
  it('applies header text or letters, moves a field away from the recognised column, ignores with ""', () => {
    const g = grid([['项目名称', '名称（备用）', '金额', '属地', '备注']]);
    const cols = detectHeader(g)!.columns;
    const unknown = applyMapping(cols, { 金额: 'totalInvestment', B: 'name', 属地: '', 不存在: 'code' });
    expect(unknown).toEqual(['不存在']);
    expect(cols.map((c) => c.field)).toEqual([null, 'name', 'totalInvestment', null, null]);
    expect(mappingOf(cols)).toEqual({ '名称（备用）': 'name', 金额: 'totalInvestment' });
  });
  it('tells apart headers that differ only in their note', () => {
    const cols = detectHeader(grid([['项目名称', '总投资（万元）', '总投资（亿元）']]))!.columns;
    applyMapping(cols, { 项目名称: 'name', '总投资（万元）': '', '总投资(亿元)': 'totalInvestment' });
    expect(cols.map((c) => c.field)).toEqual(['name', null, 'totalInvestment']);
  });
});
