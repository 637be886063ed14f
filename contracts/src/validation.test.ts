import { describe, expect, it } from 'vitest';
import { completeCreditCode, isStrongPassword, isValidCreditCode, isValidProjectCode, regionPrefix } from './validation.js';
import { ProjectCreateSchema } from './projects.js';

describe('项目代码 (GB/T 40058-2021 shape)', () => {
  it('accepts the 24-character form', () => {
    expect(isValidProjectCode('2024-330122-44-01-123456')).toBe(true);
  });
  it.each([
    ['2024-330122-44-01-12345', 'one digit short'],
    ['2024-330122-44-1-123456', 'type with one digit'],
    ['2024330122-44-01-123456', 'missing dash'],
    ['2024-33012A-44-01-123456', 'letter in region'],
    ['1899-330122-44-01-123456', 'impossible year'],
    [' 2024-330122-44-01-123456', 'leading space'],
  ])('refuses %s (%s)', (code) => {
    expect(isValidProjectCode(code)).toBe(false);
  });
});

describe('统一社会信用代码 (GB 32100-2015 check character)', () => {
  it('accepts the worked example of the standard', () => {
    // 91350100M000100Y43: the example code used to explain GB 32100; check character 3.
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true);
    expect(completeCreditCode('91350100M000100Y4')).toBe('91350100M000100Y43');
  });
  it('computes check characters by the mod-31 weights (worked by hand)', () => {
    // Σ value×weight for 91110000600037341 = 538; 538 mod 31 = 11; 31 − 11 = 20 → 'L'.
    expect(completeCreditCode('91110000600037341')).toBe('91110000600037341L');
    expect(isValidCreditCode('91110000600037341L')).toBe(true);
  });
  it('refuses a wrong check character, forbidden letters and wrong length', () => {
    expect(isValidCreditCode('91110000600037341M')).toBe(false);
    expect(isValidCreditCode('91110000600037341I')).toBe(false);
    expect(isValidCreditCode('9111000060003734')).toBe(false);
    expect(isValidCreditCode('')).toBe(false);
  });
});

describe('region subtree prefix', () => {
  it('cuts the zeros of province and city codes', () => {
    expect(regionPrefix('330000')).toBe('33');
    expect(regionPrefix('330100')).toBe('3301');
    expect(regionPrefix('330122')).toBe('330122');
    expect(regionPrefix('330122001')).toBe('330122001');
  });
});

describe('password policy', () => {
  it('needs 8 characters of three classes', () => {
    expect(isStrongPassword('Tiaodu@2026')).toBe(true);
    expect(isStrongPassword('abcdefgh1')).toBe(false);
    expect(isStrongPassword('Ab1!')).toBe(false);
    expect(isStrongPassword('ABCDEFG12')).toBe(false);
    expect(isStrongPassword('abcdEFGH12')).toBe(true);
  });
});

describe('project input schema', () => {
  const base = { name: '测试项目', level: 'county', nature: 'new', category: 'new_start', planYear: 2026, field: 'industry', investmentType: 'enterprise', regionCode: '330122', totalInvestment: 100 };
  it('rounds amounts to 0.01 万元 and defaults optional parts', () => {
    const v = ProjectCreateSchema.parse({ ...base, totalInvestment: 1234.5678 });
    expect(v.totalInvestment).toBe(1234.57);
    expect(v.chainTags).toEqual([]);
    expect(v.funding).toEqual({});
  });
  it('refuses a completion date before the start with a field path', () => {
    const r = ProjectCreateSchema.safeParse({ ...base, plannedStart: '2026-05-01', plannedCompletion: '2026-04-30' });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.path).toEqual(['plannedCompletion']);
  });
  it('treats an empty project code as none', () => {
    expect(ProjectCreateSchema.parse({ ...base, code: '' }).code).toBeNull();
  });
});
