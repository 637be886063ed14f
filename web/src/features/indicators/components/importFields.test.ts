import { describe, expect, it } from 'vitest';
import { importFieldName } from './importFields';

describe('the fields an import names', () => {
  it('reads as an office writes them', () => {
    expect(['value', 'growth', 'target', 'baseline', 'note', 'unit'].map((f) => importFieldName(f, 'zh'))).toEqual(['数值', '增速', '年度目标', '基数', '备注', '单位']);
    expect(importFieldName('2026-03', 'zh')).toBe('2026年3月目标');
    expect(importFieldName('2026-Q2', 'zh')).toBe('2026年第二季度目标');
    expect(importFieldName('multiYear:2028', 'zh')).toBe('2028年目标');
    expect(importFieldName('multiYear:2028', 'en')).toBe('2028 target');
    expect(importFieldName('2026-H1', 'en')).toBe('H1 2026 target');
    expect(importFieldName('something', 'zh')).toBe('something');
  });
});
