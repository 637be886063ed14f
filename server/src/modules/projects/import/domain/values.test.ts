import { describe, expect, it } from 'vitest';
import {
  isBlank,
  parseAmount,
  parseArea,
  parseCategory,
  parseCreditCode,
  parseDate,
  parseDateRange,
  parseField,
  parseInvestmentType,
  parseLevel,
  parseNature,
  parseNumber,
  parsePeople,
  parseProjectCode,
  parseStage,
  parseYear,
  splitList,
  unitIn,
  yearInTitle,
} from './values.js';
import { completeCreditCode } from '@tiaodu/contracts';

const val = <T>(p: { ok: true; value: T } | { ok: false; error: string }) => (p.ok ? p.value : `ERR:${p.error}`);

describe('amounts', () => {
  it('reads numbers stored as text with thousands separators and full-width digits', () => {
    expect(val(parseAmount('12,345.6'))).toBe(12345.6);
    expect(val(parseAmount('１２３４５'))).toBe(12345);
    expect(val(parseAmount('１２，３４５．６７'))).toBe(12345.67);
    expect(val(parseAmount(' 8 000 '))).toBe(8000);
    expect(val(parseAmount(5000))).toBe(5000);
    expect(val(parseAmount({ num: 1234.567, fmt: '#,##0.00' }))).toBe(1234.57);
  });
  it('converts 亿元 and 元 to 万元, by column unit or by a unit written in the cell', () => {
    expect(val(parseAmount(1.2, 'yi'))).toBe(12000);
    expect(val(parseAmount('０.５', 'yi'))).toBe(5000);
    expect(val(parseAmount(123456789, 'yuan'))).toBe(12345.68);
    expect(val(parseAmount('1.2亿', 'wan'))).toBe(12000);
    expect(val(parseAmount('3000万元', 'yi'))).toBe(3000);
    expect(val(parseAmount('500000元'))).toBe(50);
  });
  it('treats placeholders as empty and refuses negative or non-numeric amounts', () => {
    expect(val(parseAmount('—'))).toBeNull();
    expect(val(parseAmount('无'))).toBeNull();
    expect(val(parseAmount(null))).toBeNull();
    expect(val(parseAmount(-1))).toBe('ERR:金额不能为负数「-1」');
    expect(val(parseAmount('约5000'))).toBe('ERR:无法识别的金额「约5000」');
    expect(val(parseAmount('1.2.3'))).toMatch(/^ERR:无法识别的金额/);
  });
  it('reads the unit named in a header or a unit line', () => {
    expect(unitIn('总投资（亿元）')).toBe('yi');
    expect(unitIn('单位：万元')).toBe('wan');
    expect(unitIn('金额单位：元')).toBe('yuan');
    expect(unitIn('总投资')).toBeNull();
  });
  it('reads plain numbers and land areas', () => {
    expect(val(parseNumber('1.5e3'))).toBe(1500);
    expect(val(parseArea('66,666.67', 'sqm'))).toBe(100);
    expect(val(parseArea(2, 'ha'))).toBe(30);
    expect(val(parseArea('-3'))).toMatch(/^ERR:用地面积不能为负数/);
  });
});

describe('dates', () => {
  it('reads every form officials write', () => {
    expect(val(parseDate('2024.03'))).toBe('2024-03-01');
    expect(val(parseDate('2024.3'))).toBe('2024-03-01');
    expect(val(parseDate('2024年3月'))).toBe('2024-03-01');
    expect(val(parseDate('2024年3月份'))).toBe('2024-03-01');
    expect(val(parseDate('2024-03-15'))).toBe('2024-03-15');
    expect(val(parseDate('2024/3/15'))).toBe('2024-03-15');
    expect(val(parseDate('2024/3/15 0:00'))).toBe('2024-03-15');
    expect(val(parseDate('2024.3.5'))).toBe('2024-03-05');
    expect(val(parseDate('2024年3月15日'))).toBe('2024-03-15');
    expect(val(parseDate('２０２４．０３'))).toBe('2024-03-01');
    expect(val(parseDate('20240315'))).toBe('2024-03-15');
    expect(val(parseDate('202403'))).toBe('2024-03-01');
    expect(val(parseDate('2024年'))).toBe('2024-01-01');
  });
  it('uses the last day of the month (or year) for completions', () => {
    expect(val(parseDate('2024.02', 'end'))).toBe('2024-02-29');
    expect(val(parseDate('2026年12月', 'end'))).toBe('2026-12-31');
    expect(val(parseDate('2025', 'end'))).toBe('2025-12-31');
  });
  it('reads Excel serial numbers and real date cells', () => {
    expect(val(parseDate(45366))).toBe('2024-03-15');
    expect(val(parseDate('45366'))).toBe('2024-03-15');
    expect(val(parseDate({ num: 45366, fmt: 'yyyy-mm-dd' }))).toBe('2024-03-15');
    expect(val(parseDate(new Date(Date.UTC(2024, 2, 15))))).toBe('2024-03-15');
  });
  it('reads year.month typed as a number, using the cell format for 2024.10', () => {
    expect(val(parseDate(2024.3))).toBe('2024-03-01');
    expect(val(parseDate({ num: 2024.1, fmt: '0.00' }))).toBe('2024-10-01');
    expect(val(parseDate(2024.12, 'end'))).toBe('2024-12-31');
  });
  it('refuses impossible dates with the text as written', () => {
    expect(val(parseDate('2024年13月'))).toBe('ERR:无法识别的日期「2024年13月」');
    expect(val(parseDate('2024-02-30'))).toBe('ERR:无法识别的日期「2024-02-30」');
    expect(val(parseDate('明年三月'))).toBe('ERR:无法识别的日期「明年三月」');
    expect(val(parseDate('1850.01'))).toMatch(/^ERR/);
  });
  it('reads year ranges into planned start and completion', () => {
    expect(val(parseDateRange('2024.03-2026.12'))).toEqual({ start: '2024-03-01', end: '2026-12-31' });
    expect(val(parseDateRange('2024年3月—2026年12月'))).toEqual({ start: '2024-03-01', end: '2026-12-31' });
    expect(val(parseDateRange('2024.3～2026.6'))).toEqual({ start: '2024-03-01', end: '2026-06-30' });
    expect(val(parseDateRange('2024-2026'))).toEqual({ start: '2024-01-01', end: '2026-12-31' });
    expect(val(parseDateRange('2024-03-15至2026-12-31'))).toEqual({ start: '2024-03-15', end: '2026-12-31' });
    expect(val(parseDateRange('2024-03-15-2026-12-31'))).toEqual({ start: '2024-03-15', end: '2026-12-31' });
    expect(val(parseDateRange('2026.12-2024.03'))).toMatch(/^ERR:建设起止年限的结束早于开始/);
    expect(val(parseDateRange('3年'))).toMatch(/^ERR:无法识别的建设起止年限「3年」/);
  });
  it('reads plan years and the year of a title', () => {
    expect(val(parseYear('2026年'))).toBe(2026);
    expect(val(parseYear(2026))).toBe(2026);
    expect(val(parseYear('明年'))).toMatch(/^ERR/);
    expect(yearInTitle('桐庐县重点项目台账（２０２６年）')).toBe(2026);
    expect(yearInTitle('重点项目台账')).toBeNull();
    expect(yearInTitle('导出日期：2026年6月15日')).toBeNull();
    expect(yearInTitle('2026年6月15日')).toBeNull();
  });
});

describe('codes', () => {
  it('checks project and credit codes, after full-width normalisation', () => {
    expect(val(parseProjectCode('２０２４－３３０１２２－４４－０１－１２３４５６'))).toBe('2024-330122-44-01-123456');
    expect(val(parseProjectCode('2024-33-bad'))).toMatch(/^ERR:项目代码格式不正确「2024-33-bad」/);
    const cc = completeCreditCode('91330122MA2700001');
    expect(val(parseCreditCode(cc.toLowerCase()))).toBe(cc);
    expect(val(parseCreditCode('91330122MA27000010'))).toMatch(/^ERR:统一社会信用代码无效/);
  });
});

describe('enumerations', () => {
  it('reads levels, natures, categories, fields, investment types and stages', () => {
    expect(val(parseLevel('省重点'))).toBe('province');
    expect(val(parseLevel('国家重点'))).toBe('national');
    expect(val(parseLevel('市级'))).toBe('city');
    expect(val(parseLevel('县重点'))).toBe('county');
    expect(val(parseLevel('重点'))).toMatch(/^ERR/);
    expect(val(parseNature('新建'))).toEqual({ nature: 'new' });
    expect(val(parseNature('改扩建'))).toEqual({ nature: 'expansion' });
    expect(val(parseNature('技改'))).toEqual({ nature: 'renovation' });
    expect(val(parseNature('改建（技改）'))).toEqual({ nature: 'renovation' });
    expect(val(parseNature('单纯购置'))).toEqual({ nature: 'purchase' });
    expect(val(parseNature('续建'))).toEqual({ category: 'continuing' });
    expect(val(parseCategory('新开工'))).toBe('new_start');
    expect(val(parseCategory('竣工投产'))).toBe('completion');
    expect(val(parseCategory('竣工'))).toBe('completion');
    expect(val(parseCategory('前期'))).toBe('preparatory');
    expect(val(parseCategory('预备（前期）'))).toBe('preparatory');
    expect(val(parseField('工业'))).toBe('industry');
    expect(val(parseField('产业（工业）'))).toBe('industry');
    expect(val(parseField('服务业'))).toBe('service');
    expect(val(parseField('产业（农业）'))).toBe('agriculture');
    expect(val(parseField('基础设施'))).toBe('infrastructure');
    expect(val(parseField('民生'))).toBe('livelihood');
    expect(val(parseField('生态环保'))).toBe('ecology');
    expect(val(parseInvestmentType('政府投资'))).toBe('government');
    expect(val(parseInvestmentType('企业投资'))).toBe('enterprise');
    expect(val(parseStage('在建'))).toBe('construction');
    expect(val(parseStage('停缓建'))).toBe('suspended');
    expect(val(parseStage('达产达效'))).toBe('full_production');
    expect(val(parseStage('投产'))).toBe('production');
    expect(val(parseStage('谋划'))).toBe('planning');
    expect(val(parseStage('未知'))).toMatch(/^ERR:无法识别的项目阶段「未知」/);
  });
});

describe('lists and people', () => {
  it('splits on 、，, / and keeps parentheses together', () => {
    expect(splitList('县交通局、县发改局，县水利局/县林业局')).toEqual(['县交通局', '县发改局', '县水利局', '县林业局']);
    expect(splitList('数字经济,高端装备(含零部件、模具)')).toEqual(['数字经济', '高端装备(含零部件、模具)']);
  });
  it('reads leader names with titles in parentheses or after a space', () => {
    expect(parsePeople('张三（副县长）、李四 王五')).toEqual([
      { name: '张三', title: '副县长', text: '张三(副县长)' },
      { name: '李四', title: null, text: '李四' },
      { name: '王五', title: null, text: '王五' },
    ]);
    expect(parsePeople('赵六 副县长,钱七')).toEqual([
      { name: '赵六', title: '副县长', text: '赵六 副县长' },
      { name: '钱七', title: null, text: '钱七' },
    ]);
  });
  it('knows placeholders for empty cells', () => {
    for (const t of ['', ' ', '-', '—', '/', '无', '暂无']) expect(isBlank(t)).toBe(true);
    expect(isBlank(0)).toBe(false);
  });
});
