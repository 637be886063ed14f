import { describe, expect, it } from 'vitest';
import { choiceFields, columnKey, fromMapping, isLedgerFile, matchRows, namesLine, toMapping, withChoice, type InspectColumn } from './import';

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

describe('files, units and leaders of an import', () => {
  it('accepts the files a county keeps', () => {
    expect(['台账.xlsx', '台账.XLS', '台账.et', '台账.csv'].map(isLedgerFile)).toEqual([true, true, true, true]);
    expect(['台账.pdf', '台账.xlsx.zip', 'xlsx'].map(isLedgerFile)).toEqual([false, false, false]);
  });

  const result = {
    matched: { departments: [{ text: '县水利局', id: 7, name: '水利局', exact: false }], leaders: [{ text: '王芳', id: 3, name: '王芳', exact: true }] },
    toCreate: { departments: [{ name: '桐庐县住建局', text: '县住建局', regionCode: '330122', rows: [8, 9] }], leaders: [{ name: '刘卫东', title: null, text: '刘卫东', rows: [8] }] },
  };

  it('lists matched names, then the ones to create by the file’s name, near matches marked', () => {
    const rows = matchRows(result, undefined);
    expect(rows.map((r) => [r.kind, r.text, r.name, r.value, r.near, r.changed])).toEqual([
      ['departments', '县水利局', '水利局', 7, true, false],
      ['departments', '县住建局', '桐庐县住建局', null, false, false],
      ['leaders', '王芳', '王芳', 3, false, false],
      ['leaders', '刘卫东', '刘卫东', null, false, false],
    ]);
  });

  it('applies the importer’s choices: a matched name made new, a new name matched', () => {
    const m = withChoice(withChoice(undefined, 'departments', '县水利局', null), 'leaders', '刘卫东', 3);
    expect(m).toEqual({ departments: { 县水利局: null }, leaders: { 刘卫东: 3 } });
    const rows = matchRows(result, withChoice(m, 'departments', '县住建局', 5));
    expect(rows.find((r) => r.text === '县水利局')).toMatchObject({ value: null, changed: true });
    expect(rows.find((r) => r.text === '县住建局')).toMatchObject({ value: 5, changed: true });
    expect(rows.find((r) => r.text === '刘卫东')).toMatchObject({ value: 3, changed: true });
    expect(rows.find((r) => r.text === '王芳')).toMatchObject({ value: 3, chosen: false, changed: false });
    expect(rows.find((r) => r.text === '县住建局')).toMatchObject({ chosen: true });
  });

  it('sends only the choices made', () => {
    expect(choiceFields({})).toEqual({ defaultRegionCode: undefined, createMissing: undefined, matches: undefined });
    expect(choiceFields({ defaultRegionCode: '330122', createMissing: false, matches: { departments: {}, leaders: {} } })).toEqual({ defaultRegionCode: '330122', createMissing: 'false', matches: undefined });
    expect(choiceFields({ createMissing: true, matches: { departments: { 县水利局: null }, leaders: {} } }).matches).toBe('{"departments":{"县水利局":null},"leaders":{}}');
  });

  it('shortens a long list of names', () => {
    expect(namesLine(['a', 'b', 'c'], 2)).toBe('a、b…');
    expect(namesLine(['a', 'b'], 2)).toBe('a、b');
  });
});
