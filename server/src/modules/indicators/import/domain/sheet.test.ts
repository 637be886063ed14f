import { describe, expect, it } from 'vitest';
import type { UnitOption } from '@tiaodu/contracts';
import type { CellValue } from '../../../../lib/xlsx/cells.js';
import type { MergeRange, SheetGrid } from '../../../../lib/xlsx/grid.js';
import { IndicatorIndex, indicatorKey, periodFor, periodInTitle, splitHeader, subField, UnitMatcher, type CatalogueEntry } from './names.js';
import { readValuesSheet } from './sheet.js';
import { readTargetsSheet, targetRole } from './target-sheet.js';

const entry = (id: number, code: string, name: string, unit: string, over: Partial<CatalogueEntry> = {}): CatalogueEntry => ({
  id,
  code,
  name,
  unit,
  cadence: 'month',
  accumulation: 'cumulative',
  source: 'imported',
  status: 'active',
  appliesTo: ['county'],
  ...over,
});
const CATALOGUE = [
  entry(1, 'gdp', '地区生产总值', '亿元'),
  entry(2, 'fai', '固定资产投资', '万元'),
  entry(3, 'industry_va', '规模以上工业增加值', '亿元'),
  entry(4, 'retail', '社会消费品零售总额', '亿元'),
  entry(5, 'budget_revenue', '一般公共预算收入', '万元'),
  entry(6, 'start_rate', '开工率', '%', { source: 'computed' }),
];
const index = new IndicatorIndex(CATALOGUE);

const grid = (rows: CellValue[][], merges: MergeRange[] = [], name = 'Sheet1'): SheetGrid => ({ name, hidden: false, rows, merges });

describe('indicator names', () => {
  it('matches a header by name, code and near forms, with units and period words dropped', () => {
    const id = (t: string) => index.match(t)?.id ?? null;
    expect(id('地区生产总值（亿元）')).toBe(1);
    expect(id('GDP')).toBe(1);
    expect(id('生产总值')).toBe(1);
    expect(id('1-10月地区生产总值')).toBe(1);
    expect(id('规上工业增加值')).toBe(3);
    expect(id('工业增加值')).toBe(3);
    expect(id('社零')).toBe(4);
    expect(id('社会消费品零售额')).toBe(4);
    expect(id('一般预算收入')).toBe(5);
    expect(id('地方一般公共预算收入')).toBe(5);
    expect(id('固投')).toBe(1 + 1);
    expect(id('全社会固定资产投资')).toBe(2);
    expect(id('budget_revenue')).toBe(5);
    expect(id('进出口总额')).toBeNull();
    expect(id('2026年1-10月各县（市、区）主要经济指标')).toBeNull();
    expect(indicatorKey('规模以上工业增加值')).toBe(indicatorKey('规上工业增加值'));
  });

  it('reads sub-columns and suffixes: 绝对值/增速/位次, "规上工业增加值增速(%)"', () => {
    expect(['绝对值', '总量', '亿元', '1-10月', '（亿元）', '本期'].map(subField)).toEqual(Array(6).fill('value'));
    expect(['增速', '增速(%)', '同比增长', '比上年增长（%）', '±%', '增幅'].map(subField)).toEqual(Array(6).fill('growth'));
    expect(['位次', '排名', '全市位次'].map(subField)).toEqual(Array(3).fill('rank'));
    expect(subField('地区生产总值')).toBeNull();
    expect(splitHeader('规上工业增加值增速(%)')).toEqual({ name: '规上工业增加值', field: 'growth' });
    expect(splitHeader('社会消费品零售总额')).toEqual({ name: '社会消费品零售总额', field: 'value' });
    expect(splitHeader('固投增速位次')).toEqual({ name: '固投', field: 'rank' });
  });

  it('reads the period a title names', () => {
    expect(periodInTitle('2026年1-10月各县（市、区）主要经济指标')).toBe('2026-10');
    expect(periodInTitle('２０２６年１—１０月主要经济指标')).toBe('2026-10');
    expect(periodInTitle('2026年10月')).toBe('2026-10');
    expect(periodInTitle('2026年一季度各县主要经济指标')).toBe('2026-Q1');
    expect(periodInTitle('2026年第三季度')).toBe('2026-Q3');
    expect(periodInTitle('2026年前三季度')).toBe('2026-Q3');
    expect(periodInTitle('2026年1-3季度')).toBe('2026-Q3');
    expect(periodInTitle('2026年上半年')).toBe('2026-H1');
    expect(periodInTitle('2026年下半年')).toBe('2026-H2');
    expect(periodInTitle('2026年全年主要指标')).toBe('2026');
    expect(periodInTitle('2026年主要指标')).toBe('2026');
    expect(periodInTitle('各县主要经济指标')).toBeNull();
  });

  it('stores a coarser period of a cumulative indicator at its last period, and refuses a period outside the cadence', () => {
    expect(periodFor('2026-10', 'month', 'cumulative')).toBe('2026-10');
    expect(periodFor('2026-Q1', 'month', 'cumulative')).toBe('2026-03');
    expect(periodFor('2026-H1', 'quarter', 'cumulative')).toBe('2026-Q2');
    expect(periodFor('2026', 'month', 'cumulative')).toBe('2026-12');
    expect(periodFor('2026-10', 'quarter', 'cumulative')).toBeNull();
    expect(periodFor('2026-Q1', 'month', 'period')).toBeNull();
    expect(periodFor('2026-Q2', 'halfYear', 'cumulative')).toBeNull();
  });
});

describe('unit names', () => {
  const units: UnitOption[] = [
    { unitType: 'region', unitId: '330122', unitName: '桐庐县', level: 'county', parentName: '杭州市' },
    { unitType: 'region', unitId: '330127', unitName: '淳安县', level: 'county', parentName: '杭州市' },
    { unitType: 'region', unitId: '330182', unitName: '建德市', level: 'county', parentName: '杭州市' },
    { unitType: 'region', unitId: '330122400', unitName: '桐庐经济开发区', level: 'park', parentName: '桐庐县' },
    { unitType: 'department', unitId: '7', unitName: '桐庐县水利局', level: null, parentName: '桐庐县' },
    { unitType: 'external', unitId: '1', unitName: '德清县', level: 'county', parentName: '湖州市' },
  ];
  const m = new UnitMatcher(units, ['浙江省', '杭州市', '桐庐县', '淳安县', '建德市', '湖州市']);
  const id = (t: string) => {
    const r = m.match(t);
    return r.ok ? r.unit.unitId : r.reason;
  };

  it('matches the full name, the short name and near forms', () => {
    expect(id('桐庐县')).toBe('330122');
    expect(id(' 淳 安 县 ')).toBe('330127');
    expect(id('建德')).toBe('330182');
    expect(id('杭州市建德市')).toBe('330182');
    expect(id('其中：建德市')).toBe('330182');
    expect(id('1.建德市')).toBe('330182');
    expect(id('德清')).toBe('1');
    expect(id('湖州德清')).toBe('1');
    expect(id('县水利局')).toBe('7');
    expect(id('水利局')).toBe('7');
    expect(id('桐庐经济开发区')).toBe('330122400');
    expect(id('某某县')).toBe('unknown');
    // 桐庐 is the short name of the county and of the park
    expect(id('桐庐')).toBe('ambiguous');
  });
});

/** The real layout: title, 单位 line, two header rows (the indicator merged over 绝对值 / 增速 / 位次). */
function statisticsSheet(data: CellValue[][]): SheetGrid {
  const rows: CellValue[][] = [
    ['2026年1-10月各县（市、区）主要经济指标', null, null, null, null, null, null, null, null],
    [null, null, null, null, null, null, null, null, '单位：亿元、%'],
    ['地区', '地区生产总值', null, null, '规模以上工业增加值', null, '固定资产投资', '社零', '进出口总额'],
    [null, '绝对值', '增速', '位次', '增速', '位次', '增速', '增速', '增速'],
    ...data,
  ];
  return grid(rows, [
    { top: 1, left: 1, bottom: 1, right: 9 },
    { top: 3, left: 1, bottom: 4, right: 1 },
    { top: 3, left: 2, bottom: 3, right: 4 },
    { top: 3, left: 5, bottom: 3, right: 6 },
  ]);
}

describe('statistics sheet', () => {
  it('reads a real layout: merged two-row headers, ranks and unknown columns ignored, total and blank rows skipped', () => {
    const s = readValuesSheet(
      statisticsSheet([
        ['全市', 2000.5, 6.1, null, 7.2, null, 3.3, 4.4, 1],
        ['桐庐县', '１２３．４５', '１２．５％', 1, 8.1, 2, '—', 5, 9],
        [null, null, null, null, null, null, null, null, null],
        ['淳安县', 98.7, -1.5, 2, '-', null, 2.25, null, 9],
        ['注：增速按可比价计算', null, null, null, null, null, null, null, null],
      ]),
      index,
    )!;
    expect(s).not.toBeNull();
    expect({ headerRow: s.headerRow, headerRows: s.headerRows, dataStart: s.dataStart, period: s.period, money: s.money }).toEqual({ headerRow: 3, headerRows: 2, dataStart: 5, period: '2026-10', money: 'yi' });
    expect(s.columns.map((c) => `${c.letter}:${c.indicator?.code ?? '-'}:${c.field}`)).toEqual([
      'A:-:unit',
      'B:gdp:value',
      'C:gdp:growth',
      'D:gdp:rank',
      'E:industry_va:growth',
      'F:industry_va:rank',
      'G:fai:growth',
      'H:retail:growth',
      'I:-:ignored',
    ]);
    expect(s.issues).toEqual([]);
    expect(s.rows.map((r) => [r.row, r.unitName, r.cells.map((c) => `${c.letter}=${c.value}`).join(' ')])).toEqual([
      [6, '桐庐县', 'B=123.45 C=12.5 E=8.1 G=null H=5'],
      [8, '淳安县', 'B=98.7 C=-1.5 E=null G=2.25 H=null'],
    ]);
  });

  it('reads single-row headers: "地区生产总值（亿元）| 增速(%)" and "规上工业增加值增速(%)"', () => {
    const s = readValuesSheet(
      grid([
        ['2026年一季度主要指标'],
        ['县（市、区）', '地区生产总值（亿元）', '增速(%)', '规上工业增加值增速(%)', '一般预算收入（万元）', '增长', '进出口总额', '增速'],
        ['桐庐县', 100, 5, 6, 12000, 3, 50, 2],
      ]),
      index,
    )!;
    expect(s.period).toBe('2026-Q1');
    expect(s.columns.map((c) => `${c.indicator?.code ?? '-'}:${c.field}`)).toEqual(['-:unit', 'gdp:value', 'gdp:growth', 'industry_va:growth', 'budget_revenue:value', 'budget_revenue:growth', '-:ignored', '-:ignored']);
    expect(s.issues).toEqual([]);
    expect(s.rows[0]!.cells.map((c) => c.value)).toEqual(['100', '5', '6', '12000', '3']);
  });

  it('converts money exactly to the indicator unit: 亿元 → 万元 ×10000, 万元 → 亿元 ÷10000', () => {
    const s = readValuesSheet(
      grid([
        ['单位：亿元'],
        ['地区', '固定资产投资', '一般公共预算收入（万元）', '地区生产总值（万元）'],
        ['桐庐县', 12.3456, 98765.4321, 1234567.89],
        ['淳安县', '0.1', '0.3', 1],
      ]),
      index,
    )!;
    expect(s.rows.map((r) => r.cells.map((c) => c.value))).toEqual([
      ['123456', '98765.4321', '123.4568'],
      ['1000', '0.3', '0.0001'],
    ]);
  });

  it('lists a decimal comma and text as errors by row and column; full-width numbers and a percent format are figures', () => {
    const s = readValuesSheet(
      grid([
        ['地区', '地区生产总值', '增速'],
        ['桐庐县', 'abc', '12,5%'],
        ['淳安县', '１，２３４．５', { num: 0.125, fmt: '0.0%' }],
        ['建德市', null, '１２．５％'],
        [null, 5, null],
      ]),
      index,
    )!;
    expect(s.issues).toEqual([
      { row: 2, column: 'B', message: '第2行「地区生产总值」：「abc」不是数字' },
      { row: 2, column: 'C', message: '第2行「增速」：「12,5%」中的逗号无法识别，小数点请使用“.”' },
      { row: 5, column: 'A', message: '第5行：缺少单位名称' },
    ]);
    expect(s.rows.slice(1).map((r) => r.cells.map((c) => c.value))).toEqual([
      ['1234.5', '12.5'],
      [null, '12.5'],
    ]);
  });

  it('is null when no column names an indicator', () => {
    expect(readValuesSheet(grid([['地区', '进出口总额'], ['桐庐县', 1]]), index)).toBeNull();
  });
});

describe('targets sheet', () => {
  const quarterly = new IndicatorIndex([entry(2, 'fai', '固定资产投资', '万元', { cadence: 'quarter' }), entry(1, 'gdp', '地区生产总值', '亿元', { cadence: 'year' })]);

  it('names the roles of its headers', () => {
    expect(targetRole('基数', 2026)).toEqual({ role: 'baseline' });
    expect(targetRole('2025年完成', 2026)).toEqual({ role: 'baseline' });
    expect(targetRole('年度目标', 2026)).toEqual({ role: 'target' });
    expect(targetRole('2026年目标（亿元）', 2026)).toEqual({ role: 'target' });
    expect(targetRole('2028年目标', 2026)).toEqual({ role: 'multiYear', year: 2028 });
    expect(targetRole('三年目标', 2026)).toEqual({ role: 'multiYear', year: 2028 });
    expect(targetRole('一季度', 2026)).toEqual({ role: 'breakdown', cadence: 'quarter', index: 1 });
    expect(targetRole('第四季度', 2026)).toEqual({ role: 'breakdown', cadence: 'quarter', index: 4 });
    expect(targetRole('11月', 2026)).toEqual({ role: 'breakdown', cadence: 'month', index: 11 });
    expect(targetRole('下半年', 2026)).toEqual({ role: 'breakdown', cadence: 'halfYear', index: 2 });
    expect(targetRole('备注', 2026)).toEqual({ role: 'note' });
    expect(targetRole('地区', 2026)).toBeNull();
  });

  it('reads one indicator named in the title: baseline, target, quarters (merged header), a 2028 target, in 亿元 for a 万元 indicator', () => {
    const s = readTargetsSheet(
      grid(
        [
          ['2026年各县（市、区）固定资产投资目标任务分解表'],
          ['单位：亿元'],
          ['地区', '基数', '年度目标', '分季度目标', null, null, null, '2028年目标', '备注'],
          [null, null, null, '一季度', '二季度', '三季度', '四季度', null, null],
          ['合计', 20, 22, 5, 5, 6, 6, 30, null],
          ['桐庐县', 10, 11.5, 2.5, 3, 3, 3, 15, '含省重点'],
        ],
        [
          { top: 3, left: 1, bottom: 4, right: 1 },
          { top: 3, left: 2, bottom: 4, right: 2 },
          { top: 3, left: 3, bottom: 4, right: 3 },
          { top: 3, left: 4, bottom: 3, right: 7 },
          { top: 3, left: 8, bottom: 4, right: 8 },
          { top: 3, left: 9, bottom: 4, right: 9 },
        ],
      ),
      quarterly,
      2026,
      null,
    )!;
    expect(s.issues).toEqual([]);
    expect(s.indicators.map((i) => i.code)).toEqual(['fai']);
    expect(s.columns.map((c) => `${c.field}${c.role?.index ?? ''}${c.role?.year ?? ''}`)).toEqual(['unit', 'baseline', 'target', 'breakdown1', 'breakdown2', 'breakdown3', 'breakdown4', 'multiYear2028', 'note']);
    expect(s.rows).toHaveLength(1);
    expect(s.rows[0]!.cells.map((c) => c.value)).toEqual(['100000', '115000', '25000', '30000', '30000', '30000', '150000', '含省重点']);
  });

  it('reads several indicators’ annual targets, and refuses a breakdown the cadence does not have', () => {
    const s = readTargetsSheet(grid([['地区', '地区生产总值（亿元）', '固投（万元）'], ['桐庐县', 300, 150000]]), quarterly, 2026, null)!;
    expect(s.columns.map((c) => `${c.indicator?.code ?? '-'}:${c.field}`)).toEqual(['-:unit', 'gdp:target', 'fai:target']);
    expect(s.rows[0]!.cells.map((c) => c.value)).toEqual(['300', '150000']);
    const bad = readTargetsSheet(grid([['地区', '目标', '1月', '2月']]), quarterly, 2026, quarterly.entries[0]!)!;
    expect(bad.issues.map((i) => i.message)).toEqual([
      '第1行 C列「1月」：指标「固定资产投资」按季度统计，目标应按季度（一季度…四季度）分解',
      '第1行 D列「2月」：指标「固定资产投资」按季度统计，目标应按季度（一季度…四季度）分解',
    ]);
  });

  it('asks for the indicator when neither the upload nor the title names it', () => {
    const s = readTargetsSheet(grid([['地区', '年度目标'], ['桐庐县', 1]]), quarterly, 2026, null)!;
    expect(s.issues.map((i) => i.message)).toEqual(['请选择要导入目标的指标（表头标题中没有写明指标名称）']);
  });
});
