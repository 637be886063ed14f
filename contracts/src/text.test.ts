import { describe, expect, it } from 'vitest';
import { controlCharIssues, hasControlChars } from './text.js';

describe('text rule: no control characters but tab and line breaks', () => {
  it('refuses U+0000 and the other C0 controls, keeps tab, LF and CR', () => {
    for (let c = 0; c < 0x20; c++) expect(hasControlChars(`a${String.fromCharCode(c)}b`), `U+${c.toString(16)}`).toBe(![9, 10, 13].includes(c));
    expect(hasControlChars('项目名称 <b>x</b> ©')).toBe(false);
  });
  it('names the fields that break it, nested and in keys', () => {
    expect(controlCharIssues({ name: 'ok', items: [{ note: 'a\u0000' }], m: { 'k\u0001': 'v' }, n: 3 })).toEqual([
      { path: 'items.0.note', message: expect.stringContaining('控制字符') },
      { path: 'm.k\u0001', message: expect.stringContaining('控制字符') },
    ]);
    expect(controlCharIssues('x\u0000', 'file')).toEqual([{ path: 'file', message: expect.any(String) }]);
    expect(controlCharIssues(undefined)).toEqual([]);
  });
});
