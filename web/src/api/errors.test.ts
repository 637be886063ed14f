import { describe, expect, it } from 'vitest';
import { ApiError, toSearch } from './client';
import { errorText, pathToName } from './errors';

describe('error parsing', () => {
  it('maps API field paths onto form field names', () => {
    expect(pathToName('funding.central')).toEqual(['funding', 'central']);
    expect(pathToName('leaderIds.0')).toEqual(['leaderIds']);
    expect(pathToName('name')).toEqual(['name']);
    expect(pathToName('')).toEqual([]);
  });

  it('shows the server message in Chinese and the English label with it in English', () => {
    const e = new ApiError(409, 'STAGE_TRANSITION', '不能从「开工」退回「谋划」');
    expect(errorText(e, 'zh')).toBe('不能从「开工」退回「谋划」');
    expect(errorText(e, 'en')).toBe('Stage change not allowed (不能从「开工」退回「谋划」)');
    expect(errorText(new ApiError(409, 'CONFLICT', '数据已被他人修改，请刷新后重试'), 'en')).toBe('Changed by someone else; reload and retry');
    expect(errorText(new ApiError(0, 'NETWORK', ''), 'zh')).toBe('无法连接服务器，请检查网络后重试');
  });

  it('builds query strings without empty values and with comma-separated lists', () => {
    expect(toSearch({ a: 1, b: '', c: undefined, d: null, e: [], f: ['x', 'y'] })).toBe('?a=1&f=x%2Cy');
    expect(toSearch({})).toBe('');
  });
});
