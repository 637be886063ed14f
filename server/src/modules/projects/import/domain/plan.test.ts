import { describe, expect, it } from 'vitest';
import type { Project } from '@tiaodu/contracts';
import type { SessionUser } from '../../../../core/context.js';
import type { ParsedRow, RowValues } from './parse-row.js';
import { nameRegionKey, planImport, resolveRow, type ExistingLookup, type ResolveContext } from './plan.js';
import { DeptIndex, LeaderIndex, RegionIndex, stripRegionSuffix } from './resolve.js';

const regions = new RegionIndex([
  { code: '330100', name: '杭州市', level: 'city', parentCode: null },
  { code: '330122', name: '桐庐县', level: 'county', parentCode: '330100' },
  { code: '330122001', name: '桐君街道', level: 'town', parentCode: '330122' },
  { code: '330122102', name: '横村镇', level: 'town', parentCode: '330122' },
  { code: '330127', name: '淳安县', level: 'county', parentCode: '330100' },
  { code: '330127100', name: '城关镇', level: 'town', parentCode: '330127' },
  { code: '330122103', name: '城关镇', level: 'town', parentCode: '330122' },
]);
const user = (over: Partial<SessionUser> = {}): SessionUser => ({ id: 1, username: 'u', displayName: 'u', role: 'dispatcher', scopeType: 'all', regionCode: null, departmentId: null, enterpriseId: null, ...over });
const countyA = user({ role: 'region', scopeType: 'region', regionCode: '330122' });

describe('regions', () => {
  it('strips suffixes', () => {
    expect(stripRegionSuffix('横村镇')).toBe('横村');
    expect(stripRegionSuffix('桐君街道')).toBe('桐君');
    expect(stripRegionSuffix('杭州经济技术开发区')).toBe('杭州');
    expect(stripRegionSuffix('县')).toBe('县');
  });
  it('matches names with or without suffix, codes and county+town names', () => {
    const m = (t: string, u = user()) => {
      const r = regions.match(t, u);
      return r.ok ? r.value.code : r.error;
    };
    expect(m('横村镇')).toBe('330122102');
    expect(m('横村')).toBe('330122102');
    expect(m('330122001')).toBe('330122001');
    expect(m('桐庐县横村镇')).toBe('330122102');
    expect(m('桐庐城关镇')).toBe('330122103');
    expect(m('城关镇', countyA)).toBe('330122103');
    expect(m('城关镇')).toMatch(/有重名/);
    expect(m('淳安县', countyA)).toBe('所属区域「淳安县」不在您的管辖范围内');
    expect(m('火星')).toMatch(/^无法识别的所属区域「火星」/);
  });
});

describe('departments and leaders', () => {
  const depts = new DeptIndex(
    [
      { id: 1, name: '桐庐县交通运输局', shortName: '县交通局', regionCode: '330122' },
      { id: 2, name: '淳安县交通运输局', shortName: '县交通局', regionCode: '330127' },
      { id: 3, name: '桐庐县发展和改革局', shortName: null, regionCode: '330122' },
    ],
    regions,
  );
  it('matches full names, short names and names without the region, preferring the project region', () => {
    const m = (t: string, region: string | null, u = user()) => {
      const r = depts.match(t, region, u);
      return r.ok ? r.value.id : r.error;
    };
    expect(m('桐庐县发展和改革局', null)).toBe(3);
    expect(m('发展和改革局', null)).toBe(3);
    expect(m('县发展和改革局', null)).toBe(3);
    expect(m('县交通局', '330127100')).toBe(2);
    expect(m('县交通局', '330122102')).toBe(1);
    expect(m('县交通局', null, countyA)).toBe(1);
    expect(m('县交通局', null)).toMatch(/有重名/);
    expect(m('县财政局', null)).toMatch(/^未找到牵头单位「县财政局」/);
  });
  it('matches leaders by name, using the title to tell namesakes apart', () => {
    const leaders = new LeaderIndex([
      { id: 10, displayName: '张三', title: '副县长' },
      { id: 11, displayName: '张三', title: '县委常委' },
      { id: 12, displayName: '李四', title: null },
    ]);
    const m = (name: string, title: string | null = null) => {
      const r = leaders.match({ name, title, text: title ? `${name}(${title})` : name });
      return r.ok ? r.value.id : r.error;
    };
    expect(m('李四')).toBe(12);
    expect(m('张三', '副县长')).toBe(10);
    expect(m('张三', '常委')).toBe(11);
    expect(m('张三')).toMatch(/有重名/);
    expect(m('王五')).toMatch(/^未找到包保领导「王五」/);
  });
});

function row(n: number, values: RowValues): ParsedRow {
  const columns: ParsedRow['columns'] = {};
  const raw: ParsedRow['raw'] = {};
  for (const k of Object.keys(values) as (keyof RowValues)[]) {
    columns[k] = k;
    raw[k] = String(values[k]);
  }
  return { row: n, values, columns, raw, fromSection: {}, errors: [] };
}

function project(over: Partial<Project>): Project {
  return {
    id: 1, name: '已有项目', code: null, statsCode: null, level: 'county', nature: 'new', category: 'continuing', planYear: 2026, field: 'industry', industryCode: null, chainTags: [],
    investmentType: 'enterprise', capitalOrigin: 'domestic', funding: {}, ppp: false, regionCode: '330122102', regionName: '横村镇', location: null, lng: null, lat: null, landArea: null,
    newLand: true, ownerEnterpriseId: null, ownerName: null, ownerCreditCode: null, leaders: [], responsibleDeptId: null, responsibleDeptName: null, responsiblePerson: null,
    responsiblePhone: null, liaisonName: null, liaisonPhone: null, totalInvestment: 1000, plannedStart: null, plannedCompletion: null, actualStart: null, actualCompletion: null, startDelayReason: null,
    content: null, stage: 'construction', stageChangedAt: null, version: 3, createdAt: '', updatedAt: '', ...over,
  };
}

function ctx(u: SessionUser = user()): ResolveContext {
  return { user: u, regions, depts: new DeptIndex([], regions), leaders: new LeaderIndex([]), enterprisesByName: new Map(), enterprisesByCode: new Map(), defaultRegion: null, newEnterprises: new Map() };
}

describe('planning', () => {
  const existing = (): ExistingLookup => {
    const a = project({ id: 1, name: '横村污水厂', code: '2024-330122-44-01-000001' });
    const b = project({ id: 2, name: '横村物流园' });
    return {
      byCode: new Map([
        ['2024-330122-44-01-000001', { id: 1, inScope: true }],
        ['2024-330127-44-01-000009', { id: 9, inScope: false }],
      ]),
      byNameRegion: new Map([
        [nameRegionKey('横村污水厂', '330122102'), [1]],
        [nameRegionKey('横村物流园', '330122102'), [2]],
      ]),
      projects: new Map([
        [1, a],
        [2, b],
      ]),
    };
  };
  const pctx = { user: user(), today: '2026-06-15', planYear: 2026, planYearFromFile: false };

  it('matches by code, else by name and region; lists changed fields; creates with defaults', () => {
    const c = ctx();
    const rows = [
      row(5, { code: '2024-330122-44-01-000001', name: '横村污水厂', regionText: '横村镇', totalInvestment: 1000 }),
      row(6, { name: '横村物流园', regionText: '横村', totalInvestment: 2500, stage: 'completed' }),
      row(7, { name: '新的项目', regionText: '横村镇', totalInvestment: 300, plannedStart: '2026-04-01' }),
      row(8, { name: '储备项目', regionText: '横村镇', totalInvestment: 300, plannedStart: '2028-04-01' }),
    ].map((r) => resolveRow(r, c));
    const plan = planImport(rows, existing(), pctx);
    expect(plan.errors).toEqual([]);
    expect(plan.unchanged).toBe(1);
    expect(plan.updates.map((u) => [u.row, u.changes])).toEqual([[6, ['总投资', '当前阶段']]]);
    expect(plan.creates.map((x) => [x.values.name, x.values.category, x.values.stage, x.values.level, x.values.nature, x.values.field, x.values.investmentType])).toEqual([
      ['新的项目', 'new_start', 'preliminary', 'county', 'new', 'industry', 'enterprise'],
      ['储备项目', 'preparatory', 'reserve', 'county', 'new', 'industry', 'enterprise'],
    ]);
    expect(plan.preview.map((p) => p.action)).toEqual(['unchanged', 'update', 'create', 'create']);
  });

  it('refuses codes of projects outside the scope without naming them, duplicates, backward stages and missing required values', () => {
    const c = ctx();
    const rows = [
      row(5, { code: '2024-330127-44-01-000009', name: '越权项目', regionText: '横村镇', totalInvestment: 1 }),
      row(6, { code: '2024-330122-44-01-000002', name: '新项目甲', regionText: '横村镇', totalInvestment: 1 }),
      row(7, { code: '2024-330122-44-01-000002', name: '新项目乙', regionText: '横村镇', totalInvestment: 1 }),
      row(8, { name: '横村物流园', regionText: '横村镇', stage: 'reserve' }),
      row(9, { name: '横村物流园', regionText: '横村镇' }),
      row(10, { name: '缺金额项目', regionText: '横村镇' }),
      row(11, { name: '缺区域项目', totalInvestment: 5 }),
    ].map((r) => resolveRow(r, c));
    const plan = planImport(rows, existing(), pctx);
    expect(plan.errors.map((e) => [e.row, e.message])).toEqual([
      [5, '项目代码已被其他区域的项目使用'],
      [7, '项目代码与第6行重复'],
      [8, '不能从「在建」退回「储备」'],
      [9, '与第8行是同一个项目'],
      [10, '文件中没有「总投资」列，新建项目须填写总投资'],
      [11, '文件中没有「所属区域」列，新建项目须填写所属区域'],
    ]);
    expect(JSON.stringify(plan.errors)).not.toContain('淳安');
  });

  it('defaults the region of a user of one region without sub-regions', () => {
    const c = { ...ctx(user({ role: 'region', scopeType: 'region', regionCode: '330122102' })), defaultRegion: '330122102' };
    const plan = planImport([resolveRow(row(5, { name: '镇级项目', totalInvestment: 10 }), c)], { byCode: new Map(), byNameRegion: new Map(), projects: new Map() }, pctx);
    expect(plan.errors).toEqual([]);
    expect(plan.creates[0]!.values.regionCode).toBe('330122102');
  });

  it('registers an unknown owner once and refuses conflicting credit codes', () => {
    const c = ctx();
    c.enterprisesByName.set('杭州甲公司', { id: 7, name: '杭州甲公司', creditCode: '91330122MA27000010' });
    const rows = [
      row(5, { name: '项目一号', regionText: '横村镇', totalInvestment: 1, ownerName: '新公司' }),
      row(6, { name: '项目二号', regionText: '横村镇', totalInvestment: 1, ownerName: '新公司' }),
      row(7, { name: '项目三号', regionText: '横村镇', totalInvestment: 1, ownerName: '杭州甲公司', ownerCreditCode: '913301227041234567' }),
    ].map((r) => resolveRow(r, c));
    expect(rows.map((r) => r.owner)).toEqual([{ newName: '新公司' }, { newName: '新公司' }, undefined]);
    expect([...c.newEnterprises.keys()]).toEqual(['新公司']);
    expect(rows[2]!.parsed.errors[0]!.message).toMatch(/已登记的统一社会信用代码与文件中的/);
  });
});
