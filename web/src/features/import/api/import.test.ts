import { describe, expect, it } from 'vitest';
import { columnKey, fromMapping, toMapping, type InspectColumn } from './import';

const col = (letter: string, header: string, field: InspectColumn['field'] = null): InspectColumn => ({ index: letter.charCodeAt(0) - 64, letter, header, field, sample: [] });

describe('column mapping', () => {
  const columns = [col('A', '序号', 'seq'), col('B', '项目名称', 'name'), col('C', '备注'), col('D', '备注'), col('E', '')];

  it('keys a column by its header, or by its letter when the header is empty or repeated', () => {
    expect(columns.map((c) => columnKey(c, columns))).toEqual(['序号', '项目名称', 'C', 'D', 'E']);
  });

  it('sends every column, with "" for the ones not imported', () => {
    expect(toMapping({ A: 'seq', B: 'name', C: '' }, columns)).toEqual({ 序号: 'seq', 项目名称: 'name', C: '', D: '', E: '' });
  });

  it('applies a saved mapping by header or by letter and keeps the other columns', () => {
    expect(fromMapping({ 项目名称: 'name', D: 'content', 不存在: 'code' }, columns, { A: 'seq', B: '', C: '', D: '', E: '' })).toEqual({ A: 'seq', B: 'name', C: '', D: 'content', E: '' });
  });
});
