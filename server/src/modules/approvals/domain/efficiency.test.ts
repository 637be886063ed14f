import { describe, expect, it } from 'vitest';
import { DEFAULT_GRADE_CUTOFFS } from '@tiaodu/contracts';
import { departmentFigures, efficiencyTable, gradeOf, monthPeriod, quarterPeriod, rankFigures, topAndBottom, type EfficiencyFigures, type EfficiencyItem } from './efficiency.js';

const item = (departmentId: number, p: Partial<EfficiencyItem>): EfficiencyItem => ({
  departmentId,
  acceptedOn: null,
  completedOn: null,
  usedDays: null,
  promisedDays: 10,
  overdueOn: null,
  rating: null,
  ratedOn: null,
  ...p,
});

const depts = [
  { id: 1, name: '县自然资源和规划局' },
  { id: 2, name: '县住房和城乡建设局' },
  { id: 3, name: '市生态环境局分局' },
  { id: 4, name: '县发展和改革局' },
];

/*
 * March 2026, worked by hand:
 * 1 自然资源: a 受理 03-02 办结 03-10 6/10 days 满意; b 受理 02-25 办结 03-05 7/20 基本满意; c 受理 03-20 open
 *   → 受理 2, 办结 2, 平均 6.5 天, 提速率 1 − 13/30 = 56.67%, 超时 0, 满意率 2/2
 * 2 住建: d 受理 03-03 办结 03-20 13/10 (overdue 03-17) 不满意; e 受理 03-05 办结 03-12 5/10 满意
 *   → 受理 2, 办结 2, 平均 9 天, 提速率 1 − 18/20 = 10%, 超时 1, 满意率 1/2
 * 3 生态环境: f 受理 02-02, open, overdue since 03-02 → 超时 1, nothing else
 * 4 发改: nothing
 */
const items: EfficiencyItem[] = [
  item(1, { acceptedOn: '2026-03-02', completedOn: '2026-03-10', usedDays: 6, rating: 'satisfied', ratedOn: '2026-03-11' }),
  item(1, { acceptedOn: '2026-02-25', completedOn: '2026-03-05', usedDays: 7, promisedDays: 20, rating: 'basic', ratedOn: '2026-03-06' }),
  item(1, { acceptedOn: '2026-03-20' }),
  item(2, { acceptedOn: '2026-03-03', completedOn: '2026-03-20', usedDays: 13, overdueOn: '2026-03-17', rating: 'unsatisfied', ratedOn: '2026-03-21' }),
  item(2, { acceptedOn: '2026-03-05', completedOn: '2026-03-12', usedDays: 5, rating: 'satisfied', ratedOn: '2026-03-13' }),
  item(3, { acceptedOn: '2026-02-02', overdueOn: '2026-03-02' }),
];
const march = monthPeriod(2026, 3);

describe('department efficiency (效能监察)', () => {
  it('periods', () => {
    expect(monthPeriod(2026, 2)).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(monthPeriod(2024, 2)).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(quarterPeriod(2026, 1)).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(quarterPeriod(2026, 4)).toEqual({ from: '2026-10-01', to: '2026-12-31' });
  });

  it('the figures of a month, worked by hand', () => {
    const t = efficiencyTable(depts, items, march);
    expect(t.map((r) => [r.departmentName, r.accepted, r.completed, r.avgDays, r.speedUp, r.overdue, r.satisfaction, r.rated, r.rank])).toEqual([
      ['县自然资源和规划局', 2, 2, 6.5, 0.5667, 0, 1, 2, 1],
      ['县住房和城乡建设局', 2, 2, 9, 0.1, 1, 0.5, 2, 2],
      // nothing completed: no speed, no rank; most overdue first
      ['市生态环境局分局', 0, 0, null, null, 1, null, 0, null],
      ['县发展和改革局', 0, 0, null, null, 0, null, 0, null],
    ]);
  });

  it('February sees other things: b and f accepted, nothing completed, nobody ranked', () => {
    const t = efficiencyTable(depts, items, monthPeriod(2026, 2));
    expect(t.map((r) => [r.departmentId, r.accepted, r.completed, r.overdue, r.rank])).toEqual([
      // one 受理 each first, then by name (pinyin: 市 shi < 县 xian; 县发 fa < 县住 zhu)
      [3, 1, 0, 0, null],
      [1, 1, 0, 0, null],
      [4, 0, 0, 0, null],
      [2, 0, 0, 0, null],
    ]);
    expect(topAndBottom(t)).toEqual({ top: [], bottom: [] });
  });

  it('提速率 is negative for a department slower than it promised', () => {
    const f = departmentFigures({ id: 9, name: 'x' }, [item(9, { completedOn: '2026-03-10', usedDays: 15, promisedDays: 10 })], march);
    expect(f.speedUp).toBe(-0.5);
    expect(f.avgDays).toBe(15);
  });

  it('ranks by 提速率, then 超时件数, then 办结件数; ties share a rank', () => {
    const f = (name: string, speedUp: number | null, overdue: number, completed: number): EfficiencyFigures => ({
      departmentId: name.charCodeAt(0),
      departmentName: name,
      accepted: 1,
      completed,
      avgDays: null,
      speedUp,
      overdue,
      satisfaction: null,
      rated: 0,
      rank: null,
    });
    const ranked = rankFigures([f('E', null, 0, 0), f('D', 0.2, 1, 3), f('C', 0.2, 0, 1), f('G', null, 2, 0), f('B', 0.2, 0, 3), f('A', 0.5, 2, 1), f('F', 0.2, 0, 3)]);
    expect(ranked.map((r) => `${r.departmentName}${r.rank ?? '-'}`)).toEqual(['A1', 'B2', 'F2', 'C4', 'D5', 'G-', 'E-']);
  });

  it('红榜: ranked and not lagging; 后进: every department with an overdue item or a negative 提速率, worst first', () => {
    const t = efficiencyTable(depts, items, march);
    const { top, bottom } = topAndBottom(t);
    expect(top.map((r) => r.departmentId)).toEqual([1]);
    // 住建 (1 overdue, +10%) and 生态环境 (1 overdue, no completion): the slower one first
    expect(bottom.map((r) => r.departmentId)).toEqual([2, 3]);
    const many = Array.from({ length: 25 }, (_, i) => ({ ...t[0]!, departmentId: i, departmentName: `d${String(i).padStart(2, '0')}`, speedUp: 0.5 - i * 0.03, overdue: i % 5 === 0 ? 1 : 0 }));
    const tb = topAndBottom(rankFigures(many));
    expect(tb.top.map((r) => r.departmentId)).toEqual([1, 2, 3, 4, 6, 7, 8, 9, 11, 12]);
    // lagging: every 5th (overdue) and those from d17 on (negative speed-up); overdue first, then slowest
    expect(tb.bottom.map((r) => r.departmentId)).toEqual([20, 15, 10, 5, 0, 24, 23, 22, 21, 19]);
    expect(topAndBottom(rankFigures(many), 3).bottom.map((r) => r.departmentId)).toEqual([20, 15, 10]);
  });

  it('quarterly grades by the default cut-offs', () => {
    const q1 = efficiencyTable(depts, items, quarterPeriod(2026, 1));
    const grades = Object.fromEntries(q1.map((r) => [r.departmentId, gradeOf(r, DEFAULT_GRADE_CUTOFFS)]));
    // 1: 56.67%, 0 overdue, 100% → 优秀
    // 2: 10% < 15% and 满意率 50% < 80% → 不合格
    // 3: nothing completed, 1 overdue → at most 合格, and 1 ≤ 3 → 合格
    // 4: nothing → not graded
    expect(grades).toEqual({ 1: 'excellent', 2: 'fail', 3: 'pass', 4: null });
  });

  it('each grade at its edges', () => {
    const base: EfficiencyFigures = { departmentId: 1, departmentName: 'x', accepted: 3, completed: 3, avgDays: 5, speedUp: 0.3, overdue: 0, satisfaction: 0.95, rated: 20, rank: 1 };
    const g = (p: Partial<EfficiencyFigures>) => gradeOf({ ...base, ...p }, DEFAULT_GRADE_CUTOFFS);
    expect(g({})).toBe('excellent');
    expect(g({ speedUp: 0.2999 })).toBe('good');
    expect(g({ overdue: 1 })).toBe('good');
    expect(g({ satisfaction: 0.9499 })).toBe('good');
    expect(g({ satisfaction: null })).toBe('excellent');
    expect(g({ speedUp: 0.15, overdue: 1, satisfaction: 0.9 })).toBe('good');
    expect(g({ speedUp: 0.1499 })).toBe('pass');
    expect(g({ overdue: 3, speedUp: 0 })).toBe('pass');
    expect(g({ overdue: 4 })).toBe('fail');
    expect(g({ speedUp: -0.01 })).toBe('fail');
    expect(g({ satisfaction: 0.7999 })).toBe('fail');
    expect(g({ completed: 0, speedUp: null, overdue: 0 })).toBe(null);
    expect(g({ completed: 0, speedUp: null, overdue: 4 })).toBe('fail');
    const strict = { ...DEFAULT_GRADE_CUTOFFS, excellent: { ...DEFAULT_GRADE_CUTOFFS.excellent, minSpeedUp: 0.5 } };
    expect(gradeOf(base, strict)).toBe('good');
  });
});
