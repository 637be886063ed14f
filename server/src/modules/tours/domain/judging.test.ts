import { describe, expect, it } from 'vitest';
import { dec, q, roundQ, type Q } from '../../../core/exact.js';
import { aggregate, bordaFromVotes, bordaScore, checkRanking, checkSheet, mean, placePoints, ranks, trimmedMean, type Criterion } from './judging.js';

const r2 = (x: Q | null) => (x === null ? null : roundQ(x, 2));
const qs = (...xs: number[]) => xs.map((x) => dec(x));
const CRITERIA: Criterion[] = [
  { key: 'industry', name: '与主导产业关联', max: 30 },
  { key: 'intensity', name: '投资强度和产出效益', max: 30 },
  { key: 'leading', name: '带动作用', max: 20 },
  { key: 'progress', name: '形象进度', max: 20 },
];

describe('mean and trimmed mean', () => {
  it('the mean is exact and rounded once at the end', () => {
    expect(mean([])).toBeNull();
    expect(r2(mean(qs(85, 90, 88)))).toBe(87.67);
    // 1/3 + 1/3 + 1/3 stays 1, not 0.99
    expect(mean([q(1, 3), q(1, 3), q(1, 3)])).toEqual(q(1, 3));
  });
  it('drops one highest and one lowest score', () => {
    const t = trimmedMean(qs(92, 70, 88, 85, 99));
    expect(t.trimmed).toBe(true);
    expect(r2(t.value)).toBe(88.33); // (92 + 88 + 85) / 3
    // ties at the ends: only one of each is dropped
    expect(r2(trimmedMean(qs(80, 80, 90, 90)).value)).toBe(85);
    expect(r2(trimmedMean(qs(70, 80, 90)).value)).toBe(80);
  });
  it('with fewer than 3 judges it is the plain mean, and says so', () => {
    expect(trimmedMean(qs(80, 91))).toEqual({ value: q(171, 2), trimmed: false });
    expect(trimmedMean(qs(77.5))).toEqual({ value: dec('77.5'), trimmed: false });
    expect(trimmedMean([])).toEqual({ value: null, trimmed: false });
  });
});

describe('济宁 rank votes (Borda, step 3)', () => {
  it('place k is worth 100 − 3(k − 1): of 13 units the last gets 64', () => {
    expect([1, 2, 3, 13].map(placePoints)).toEqual([100, 97, 94, 64]);
    expect(placePoints(40)).toBe(0);
  });
  it('Σ votes at place k × points ÷ the unit’s votes: a made-up table giving 95.71', () => {
    // 7 votes: 2 × 1st, 3 × 2nd, 1 × 3rd, 1 × 6th → (200 + 291 + 94 + 85) ÷ 7 = 670 ÷ 7
    const s = bordaFromVotes([2, 3, 1, 0, 0, 1]);
    expect(s).toEqual(q(670, 7));
    expect(r2(s)).toBe(95.71);
    expect(bordaScore([])).toBeNull();
    expect(bordaScore([13, 13])).toEqual(q(64));
  });
  it('aggregates judges’ full rankings; equal scores share a rank and the next is skipped', () => {
    const nominations = [1, 2, 3, 4].map((id) => ({ id, regionCode: id <= 2 ? '330122001' : `33012210${id}` }));
    const rankings = [
      { judgeUserId: 11, ranking: [1, 2, 3, 4] },
      { judgeUserId: 12, ranking: [2, 1, 3, 4] },
      { judgeUserId: 13, ranking: [1, 2, 4, 3] },
      { judgeUserId: 14, ranking: [2, 1, 4, 3] },
    ];
    const out = aggregate({ method: 'borda', criteria: CRITERIA, nominations, sheets: [], rankings });
    expect(out.nominations.map((n) => [n.id, r2(n.score), n.rank, n.judges])).toEqual([
      [1, 98.5, 1, 4],
      [2, 98.5, 1, 4],
      [3, 92.5, 3, 4],
      [4, 92.5, 3, 4],
    ]);
    expect(out.regions.map((g) => [g.regionCode, r2(g.score100), g.rank])).toEqual([
      ['330122001', 98.5, 1],
      ['330122103', 92.5, 2],
      ['330122104', 92.5, 2],
    ]);
  });
});

describe('ranks', () => {
  it('1 + the number strictly better, on the values as shown; no value, no rank', () => {
    const r = ranks([
      { key: 'a', value: q(9571, 100) },
      { key: 'b', value: dec('77.934') }, // shows 77.93
      { key: 'c', value: dec('77.926') }, // shows 77.93 as well: tied
      { key: 'd', value: dec('75.5') },
      { key: 'e', value: null },
    ]);
    expect([...r.entries()]).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 2],
      ['d', 4],
      ['e', null],
    ]);
  });
});

describe('score sheets', () => {
  it('totals the criteria exactly', () => {
    const s = checkSheet(CRITERIA, { industry: 27.5, intensity: 26, leading: 18.25, progress: 19.1 });
    expect(s.issues).toEqual([]);
    expect(r2(s.total)).toBe(90.85);
  });
  it('names the field of a score above its maximum, negative, missing, unknown or too precise', () => {
    const s = checkSheet(CRITERIA, { industry: 31, intensity: -1, leading: 10.125, extra: 3 });
    expect(s.issues).toEqual([
      { path: 'scores.extra', message: '没有评分项「extra」' },
      { path: 'scores.industry', message: '「与主导产业关联」的分数不能超过满分 30 分' },
      { path: 'scores.intensity', message: '「投资强度和产出效益」的分数不能为负数' },
      { path: 'scores.leading', message: '「带动作用」的分数最多保留两位小数' },
      { path: 'scores.progress', message: '请为「形象进度」打分' },
    ]);
  });
  it('a ranking names every nomination once', () => {
    expect(checkRanking([1, 2, 3], [3, 1, 2])).toBeNull();
    expect(checkRanking([1, 2, 3], [3, 1])?.message).toBe('请为全部 3 个项目排出名次');
    expect(checkRanking([1, 2, 3], [3, 1, 1])?.message).toBe('排序中有重复的项目');
    expect(checkRanking([1, 2, 3], [3, 1, 9])?.message).toContain('不属于本次观摩');
  });
});

describe('aggregation of rubric sheets', () => {
  const nominations = [
    { id: 1, regionCode: '330122001' },
    { id: 2, regionCode: '330122001' },
    { id: 3, regionCode: '330122103' },
    { id: 4, regionCode: '330122104' },
  ];
  const sheet = (judgeUserId: number, nominationId: number, total: number) => ({ judgeUserId, nominationId, total: dec(total) });
  const sheets = [
    sheet(1, 1, 90), sheet(2, 1, 80), sheet(3, 1, 70), sheet(4, 1, 100),
    sheet(1, 2, 60), sheet(2, 2, 70),
    sheet(1, 3, 85), sheet(2, 3, 85), sheet(3, 3, 85), sheet(4, 3, 85),
  ];
  it('mean: project ranks, regions by the mean of their nominations', () => {
    const out = aggregate({ method: 'mean', criteria: CRITERIA, nominations, sheets, rankings: [] });
    expect(out.nominations.map((n) => [n.id, r2(n.score), r2(n.score100), n.judges, n.rank])).toEqual([
      [1, 85, 85, 4, 1],
      [2, 65, 65, 2, 3],
      [3, 85, 85, 4, 1],
      [4, null, null, 0, null],
    ]);
    expect(out.regions.map((g) => [g.regionCode, g.nominations, g.scored, r2(g.score), g.rank, g.judges])).toEqual([
      ['330122001', 2, 2, 75, 2, 4],
      ['330122103', 1, 1, 85, 1, 4],
      ['330122104', 1, 0, null, null, 0],
    ]);
  });
  it('trimmed: drops the extremes where there are 3 judges or more', () => {
    const out = aggregate({ method: 'trimmed', criteria: CRITERIA, nominations, sheets, rankings: [] });
    const n1 = out.nominations[0]!;
    expect([r2(n1.mean), r2(n1.trimmedMean), n1.trimmed]).toEqual([85, 85, true]);
    const n2 = out.nominations[1]!;
    expect([r2(n2.score), n2.trimmed]).toEqual([65, false]);
  });
  it('normalises to 100 by the criteria maxima', () => {
    const small: Criterion[] = [{ key: 'a', name: 'A', max: 40 }, { key: 'b', name: 'B', max: 20 }];
    const out = aggregate({ method: 'mean', criteria: small, nominations: [nominations[0]!], sheets: [sheet(1, 1, 45), sheet(2, 1, 50)], rankings: [] });
    expect(r2(out.nominations[0]!.score)).toBe(47.5);
    expect(out.nominations[0]!.score100).toEqual(q(475, 6));
    expect(r2(out.nominations[0]!.score100)).toBe(79.17);
  });
});
