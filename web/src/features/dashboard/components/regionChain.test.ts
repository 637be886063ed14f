import { describe, expect, it } from 'vitest';
import { regionChain, topRegionCode } from './regionChain';

const regions = [
  { code: '330000', parentCode: null, name: '浙江省' },
  { code: '330100', parentCode: '330000', name: '杭州市' },
  { code: '330122', parentCode: '330100', name: '桐庐县' },
  { code: '330122103', parentCode: '330122', name: '分水镇' },
  { code: '330122400', parentCode: '330122', name: '桐庐经济开发区' },
];

describe('dashboard region breadcrumb', () => {
  it('opens on the county below a single province and city', () => {
    expect(topRegionCode(regions)).toBe('330122');
    expect(topRegionCode([...regions, { code: '320000', parentCode: null, name: '江苏省' }])).toBeNull();
  });

  it('walks from the root down to the drilled region', () => {
    expect(regionChain(regions, '330122', '330122103').map((r) => r.name)).toEqual(['桐庐县', '分水镇']);
    expect(regionChain(regions, '330122', null).map((r) => r.name)).toEqual(['桐庐县']);
    expect(regionChain(regions, '330122400', '330122400').map((r) => r.name)).toEqual(['桐庐经济开发区']);
  });

  it('does not climb above the root, and stands alone outside it', () => {
    expect(regionChain(regions, '330122400', '330122103').map((r) => r.name)).toEqual(['分水镇']);
    expect(regionChain(regions, null, '330122103').map((r) => r.name)).toEqual(['浙江省', '杭州市', '桐庐县', '分水镇']);
  });
});
