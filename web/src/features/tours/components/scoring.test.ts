import { describe, expect, it } from 'vitest';
import { liveTotal, move, placePoints, sheetComplete } from './scoring';

const C = [
  { key: 'industry', name: '与主导产业关联', max: 30 },
  { key: 'progress', name: '形象进度', max: 20 },
];

describe('the phone score sheet', () => {
  it('totals live without binary noise', () => {
    expect(liveTotal(C, { industry: 27.1, progress: 18.2 })).toBe(45.3);
    expect(liveTotal(C, { industry: 27.5 })).toBe(27.5);
  });
  it('is complete when every criterion is within its max', () => {
    expect(sheetComplete(C, { industry: 30, progress: 0 })).toBe(true);
    expect(sheetComplete(C, { industry: 31, progress: 0 })).toBe(false);
    expect(sheetComplete(C, { industry: 20 })).toBe(false);
  });
  it('moves a project up or down the ranking', () => {
    expect(move([1, 2, 3], 2, -1)).toEqual([1, 3, 2]);
    expect(move([1, 2, 3], 0, -1)).toEqual([1, 2, 3]);
    expect([1, 2, 13].map(placePoints)).toEqual([100, 97, 64]);
  });
});
