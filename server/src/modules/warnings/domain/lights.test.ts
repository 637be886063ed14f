import { describe, it, expect } from 'vitest';
import { BUILTIN_RULE_SETS, ruleSetConfigSchema, type RuleSetConfig } from '@tiaodu/contracts';
import { computeLights, investmentLight, type ProjectFacts } from './lights.js';

const rs = (code: string): RuleSetConfig => BUILTIN_RULE_SETS.find((r) => r.code === code)!.config;
const yinchuan = rs('yinchuan');
const wuhan = rs('wuhan');
const sanya = rs('sanya');

function facts(over: Partial<ProjectFacts> = {}): ProjectFacts {
  return {
    projectId: 1,
    totalInvestment: 10000,
    plannedStart: '2024-01-15',
    actualStart: '2024-01-20',
    statsCode: 'S1',
    plan: { planned: 1200, monthly: Array(12).fill(100) },
    cumulativeCompleted: 600,
    milestones: [],
    report: { deadline: null, submitted: false },
    asOf: '2024-06-30',
    ...over,
  };
}
const light = (f: ProjectFacts, r: RuleSetConfig, dim: string, y = 2024, m = 6) => computeLights(f, r, y, m).find((l) => l.dimension === dim)!;

describe('built-in rule sets validate', () => {
  it.each(BUILTIN_RULE_SETS.map((r) => [r.code, r.config]))('%s', (_c, config) => {
    expect(ruleSetConfigSchema.safeParse(config).success).toBe(true);
  });
  it('rejects red below yellow', () => {
    const bad = { ...yinchuan, investment: { mode: 'pointsBehind', yellowFrom: 30, redAbove: 10 } };
    const r = ruleSetConfigSchema.safeParse(bad);
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.message).toBe('红灯阈值须不小于黄灯起点');
  });
});

describe('银川 investment: yellow 10–30 points behind, red beyond 30', () => {
  // 序时 at end of June = 50%
  it.each([
    [0, 'green'],
    [9.99, 'green'],
    [10, 'yellow'],
    [10.01, 'yellow'],
    [30, 'yellow'],
    [30.01, 'red'],
    [-20, 'green'],
  ])('%s points behind → %s', (behind, expected) => {
    expect(investmentLight(yinchuan.investment, 50 - behind, 50)).toBe(expected);
  });
  it('through computeLights with amounts: 1200 planned, 480 done at June = 10 points behind', () => {
    const l = light(facts({ cumulativeCompleted: 480 }), yinchuan, 'investment');
    expect(l.light).toBe('yellow');
    expect(l.value).toBe(-10);
    expect(light(facts({ cumulativeCompleted: 239.88 }), yinchuan, 'investment').light).toBe('red'); // 19.99% → 30.01 behind
    expect(light(facts({ cumulativeCompleted: 240 }), yinchuan, 'investment').light).toBe('yellow'); // exactly 30 behind
  });
  it('no plan is green with a note', () => {
    expect(light(facts({ plan: null }), yinchuan, 'investment')).toMatchObject({ light: 'green', detail: '无年度计划' });
  });
});

describe('武汉: yellow below 80% of 序时, red below 60%', () => {
  it.each([
    [40, 'green'], // exactly 80% of 50
    [39.99, 'yellow'],
    [30, 'yellow'], // exactly 60%
    [29.99, 'red'],
  ])('rate %s at 序时 50 → %s', (rate, expected) => {
    expect(investmentLight(wuhan.investment, rate, 50)).toBe(expected);
  });
});

describe('三亚: yellow when behind by at most 50% of 序时, red beyond; two yellows escalate', () => {
  it.each([
    [50, 'green'],
    [49.99, 'yellow'],
    [25, 'yellow'], // behind 25 = exactly 50% of 50
    [24.99, 'red'],
  ])('rate %s at 序时 50 → %s', (rate, expected) => {
    expect(investmentLight(sanya.investment, rate, 50)).toBe(expected);
  });
  it('second yellow in a row becomes red', () => {
    const f = facts({ cumulativeCompleted: 500 }); // 41.67% vs 50
    expect(light(f, sanya, 'investment')).toMatchObject({ light: 'yellow', streak: 1 });
    const l2 = light({ ...f, prevStreak: { investment: 1 } }, sanya, 'investment');
    expect(l2.light).toBe('red');
    expect(l2.streak).toBe(2);
    // 银川 has no escalation
    expect(light({ ...f, cumulativeCompleted: 480, prevStreak: { investment: 5 } }, yinchuan, 'investment').light).toBe('yellow');
  });
});

describe('start on time (银川)', () => {
  const notStarted = { plannedStart: '2024-03-10', actualStart: null };
  it('before the planned month: green; in it without reason: yellow; 3 months after: red', () => {
    expect(light(facts(notStarted), yinchuan, 'start', 2024, 2).light).toBe('green');
    expect(light(facts({ ...notStarted, asOf: '2024-03-31' }), yinchuan, 'start', 2024, 3).light).toBe('yellow');
    expect(light(facts({ ...notStarted, asOf: '2024-05-31' }), yinchuan, 'start', 2024, 5).light).toBe('yellow'); // 2 months
    expect(light(facts({ ...notStarted, asOf: '2024-06-30' }), yinchuan, 'start', 2024, 6)).toMatchObject({ light: 'red', value: 3 });
  });
  it('a reason suppresses the yellow, not the red', () => {
    expect(light(facts({ ...notStarted, startDelayReason: '用地未交付', asOf: '2024-03-31' }), yinchuan, 'start', 2024, 3).light).toBe('green');
    expect(light(facts({ ...notStarted, startDelayReason: '用地未交付' }), yinchuan, 'start', 2024, 6).light).toBe('red');
  });
  it('started is green', () => {
    expect(light(facts(), yinchuan, 'start').light).toBe('green');
  });
});

describe('milestones: yellow ≤7 days late, 8–14 (orange) yellow, red ≥15', () => {
  const due = (d: string) => ({ milestones: [{ dueDate: d, doneDate: null }] });
  it.each([
    ['2024-06-30', 'green', null],
    ['2024-06-29', 'yellow', 1],
    ['2024-06-23', 'yellow', 7],
    ['2024-06-22', 'yellow', 8],
    ['2024-06-16', 'yellow', 14],
    ['2024-06-15', 'red', 15],
  ])('due %s → %s', (d, expected, value) => {
    expect(light(facts(due(d)), yinchuan, 'milestone')).toMatchObject({ light: expected, value });
  });
  it('done milestones do not count; a rule set can fold orange into red', () => {
    expect(light(facts({ milestones: [{ dueDate: '2024-01-01', doneDate: '2024-03-01' }] }), yinchuan, 'milestone').light).toBe('green');
    const strict = { ...yinchuan, milestone: { ...yinchuan.milestone, between: 'red' as const } };
    expect(light(facts(due('2024-06-22')), strict, 'milestone').light).toBe('red');
  });
});

describe('report submitted after the deadline', () => {
  it('before the deadline green; after it yellow; second month in a row red', () => {
    expect(light(facts({ report: { deadline: '2024-07-05', submitted: false } }), yinchuan, 'report').light).toBe('green');
    expect(light(facts({ asOf: '2024-06-30', report: { deadline: '2024-06-29', submitted: false } }), yinchuan, 'report')).toMatchObject({ light: 'yellow', streak: 1 });
    expect(light(facts({ report: { deadline: '2024-06-29', submitted: true } }), yinchuan, 'report').light).toBe('green');
    expect(light(facts({ report: { deadline: '2024-06-29', submitted: false }, prevStreak: { report: 1 } }), yinchuan, 'report')).toMatchObject({ light: 'red', streak: 2 });
    // a project that owes no report (reports module's rule) is never flagged …
    expect(light(facts({ report: { deadline: '2024-06-29', submitted: false, required: false } }), yinchuan, 'report').light).toBe('green');
    // … and one that owes it is, even without a plan for the year
    expect(light(facts({ plan: null, report: { deadline: '2024-06-29', submitted: false, required: true } }), yinchuan, 'report').light).toBe('yellow');
  });
});

describe('statistics (入库) after start', () => {
  const f = (start: string, total = 500) => facts({ actualStart: start, statsCode: null, totalInvestment: total });
  it('≥500万元 started without statsCode: yellow after 1 month, red after 2', () => {
    expect(light(f('2024-06-01'), yinchuan, 'statistics').light).toBe('green');
    expect(light(f('2024-05-31'), yinchuan, 'statistics').light).toBe('yellow');
    expect(light(f('2024-04-01'), yinchuan, 'statistics')).toMatchObject({ light: 'red', value: 2 });
    expect(light(f('2024-01-01', 499.99), yinchuan, 'statistics').light).toBe('green');
    expect(light({ ...f('2024-01-01'), statsCode: 'X' }, yinchuan, 'statistics').light).toBe('green');
  });
});

describe('colours decided on exact values (issue 11)', () => {
  it('银川: 30.004 points behind is red, 9.996 behind is green, exactly 30 and 10 yellow; the text separates them', () => {
    // end of June: 序时 50%; plan 100,000 万元
    const at = (done: string) => light(facts({ plan: { planned: 100000, monthly: Array(12).fill(100000 / 12) }, cumulativeCompleted: done }), yinchuan, 'investment');
    expect(at('19996')).toMatchObject({ light: 'red', value: -30 });
    expect(at('19996').detail).toBe('完成年度计划19.996%，序时进度50.0%，滞后30.004个百分点');
    expect(at('20000')).toMatchObject({ light: 'yellow', detail: '完成年度计划20.0%，序时进度50.0%，滞后30.0个百分点' });
    expect(at('40004')).toMatchObject({ light: 'green', detail: '完成年度计划40.004%，序时进度50.0%，滞后9.996个百分点' });
    expect(at('40000').light).toBe('yellow');
    expect(at('50004').detail).toBe('完成年度计划50.004%，序时进度50.0%，超0.004个百分点');
    expect(at('50000').detail).toBe('完成年度计划50.0%，序时进度50.0%，与序时持平');
  });
  it('武汉: exactly 80% of 序时 is green (yellow only below 80%)', () => {
    // end of May: 序时 5/12 = 41.666…%; 80% of it = 33.333…% = 1,000 of 3,000
    const at = (done: number) => light(facts({ plan: { planned: 3000, monthly: Array(12).fill(250) }, cumulativeCompleted: done, asOf: '2024-05-31' }), wuhan, 'investment', 2024, 5);
    expect(at(1000).light).toBe('green');
    expect(at(1000).detail).toContain('为序时的80.0%');
    expect(at(999.99).light).toBe('yellow');
    expect(investmentLight(wuhan.investment, { n: 100n, d: 3n }, { n: 1250n, d: 30n })).toBe('green');
  });
  it('三亚: January, 476 of 11,440 is 4.1725 behind, more than half of 8.3333: red', () => {
    const l = light(facts({ plan: { planned: 11440, monthly: Array(12).fill(11440 / 12) }, cumulativeCompleted: 476, asOf: '2024-01-31' }), sanya, 'investment', 2024, 1);
    expect(l.light).toBe('red');
    expect(l.value).toBe(-4.17);
  });
  it('the investment light starts in the month the year\'s plan begins', () => {
    const plan = { planned: 500, monthly: [0, 0, 0, 0, 0, 0, 0, 100, 100, 100, 100, 100] };
    expect(light(facts({ plan, cumulativeCompleted: 0, asOf: '2024-03-31' }), yinchuan, 'investment', 2024, 3)).toMatchObject({ light: 'green', detail: '年度计划自8月起' });
    expect(light(facts({ plan, cumulativeCompleted: 0, asOf: '2024-08-31' }), yinchuan, 'investment', 2024, 8).light).toBe('red');
  });
});
