import { describe, expect, it } from 'vitest';
import { personKey, trailingTitle, unitKey } from './names.js';
import { DeptIndex, LeaderIndex, RegionIndex } from './resolve.js';
import { unitNames } from './plan.js';
import type { SessionUser } from '../../../../core/context.js';

const regions = new RegionIndex([
  { code: '330000', name: '浙江省', level: 'province', parentCode: null },
  { code: '330100', name: '杭州市', level: 'city', parentCode: '330000' },
  { code: '330122', name: '桐庐县', level: 'county', parentCode: '330100' },
  { code: '330122109', name: '分水镇', level: 'town', parentCode: '330122' },
]);
const admin: SessionUser = { id: 1, username: 'a', displayName: 'a', role: 'admin', scopeType: 'all', regionCode: null, departmentId: null, enterpriseId: null };

describe('near names of units', () => {
  it('reduces the forms ledgers write to one key', () => {
    const p = regions.prefixNames();
    for (const form of ['水利局', '县水利局', '桐庐县水利局', '桐庐水利局', ' 县 水利局 ', '县水利局（牵头）', '县水利局(牵头)', '　县水利局　']) expect(unitKey(form, p), form).toBe('水利局');
    expect(unitKey('县住建局', p)).toBe('住建局');
    // a lone 县 is not stripped from a name that would be left too short
    expect(unitKey('县局', p)).toBe('县局');
    expect(unitKey('国网桐庐县供电公司', p)).toBe('国网桐庐县供电公司');
  });

  it('matches a registered unit exactly or as a near name, and says which', () => {
    const depts = new DeptIndex([{ id: 7, name: '水利局', shortName: null, regionCode: '330122' }, { id: 8, name: '桐庐县住房和城乡建设局', shortName: '住建局', regionCode: '330122' }], regions);
    expect(depts.match('水利局', null, admin)).toEqual({ ok: true, value: expect.objectContaining({ id: 7 }), near: false });
    expect(depts.match('县水利局', null, admin)).toEqual({ ok: true, value: expect.objectContaining({ id: 7 }), near: true });
    expect(depts.match('县 水利局', null, admin)).toMatchObject({ ok: true, value: { id: 7 } });
    expect(depts.match('县住建局', null, admin)).toEqual({ ok: true, value: expect.objectContaining({ id: 8 }), near: true });
    expect(depts.match('县交通运输局', null, admin)).toMatchObject({ ok: false, unknown: true });
  });

  it('names a unit to create as the county writes it in full', () => {
    expect(unitNames('县水利局', '桐庐县', 'county')).toEqual({ name: '桐庐县水利局', shortName: '县水利局' });
    expect(unitNames('桐庐县水利局', '桐庐县', 'county')).toEqual({ name: '桐庐县水利局', shortName: null });
    expect(unitNames('国网桐庐供电公司', '桐庐县', 'county')).toEqual({ name: '国网桐庐供电公司', shortName: null });
    expect(unitNames('县水利局', '分水镇', 'town')).toEqual({ name: '县水利局', shortName: null });
  });
});

describe('near names of people', () => {
  it('drops spaces, 同志/先生/女士 and a trailing title', () => {
    for (const form of ['刘卫东', '刘卫东同志', '刘 卫东', '刘　卫东', '刘卫东副县长', '刘卫东（副县长）', '刘卫东同志（副县长）']) expect(personKey(form), form).toBe('刘卫东');
    expect(personKey('王县长')).toBe('王县长');
    expect(trailingTitle('刘卫东副县长')).toBe('副县长');
    expect(trailingTitle('王县长')).toBeNull();
  });

  it('matches a registered leader exactly or as a near name', () => {
    const leaders = new LeaderIndex([{ id: 3, displayName: '刘卫东', title: '副县长' }]);
    expect(leaders.match({ name: '刘卫东', title: null, text: '刘卫东' })).toEqual({ ok: true, value: expect.objectContaining({ id: 3 }), near: false });
    expect(leaders.match({ name: '刘卫东同志', title: null, text: '刘卫东同志' })).toEqual({ ok: true, value: expect.objectContaining({ id: 3 }), near: true });
    expect(leaders.match({ name: '刘　卫东', title: null, text: '刘　卫东' })).toMatchObject({ ok: true, value: { id: 3 } });
    expect(leaders.match({ name: '张敏', title: '副县长', text: '张敏（副县长）' })).toMatchObject({ ok: false, unknown: true });
  });
});
