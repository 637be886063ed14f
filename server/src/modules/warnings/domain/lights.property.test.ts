import { describe, expect, it } from 'vitest';
import type { RuleSetConfig } from '@tiaodu/contracts';
import { BUILTIN_RULE_SETS } from '@tiaodu/contracts';
import { computeLights, type ProjectFacts } from './lights.js';

/**
 * The investment light against the rule written in integer arithmetic (amounts in 分, 序时 as
 * months ÷ 12, thresholds in hundredths or thousandths), over thousands of random plans and
 * reports placed on and around every threshold.
 */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rule = RuleSetConfig['investment'];

/** The colour by the rule text, in integers. P, C: plan and completed in 分; m: month. */
function reference(rule: Rule, P: bigint, C: bigint, m: bigint): 'green' | 'yellow' | 'red' {
  // behind (points) = 100·(m·P − 12·C) / (12·P); rate (%) = 100·C / P; 序时 (%) = 100·m / 12
  const B = m * P - 12n * C; // behind × 12P / 100
  switch (rule.mode) {
    case 'pointsBehind': {
      const red = BigInt(Math.round(rule.redAbove * 100));
      const yellow = BigInt(Math.round(rule.yellowFrom * 100));
      // behind > R  ⇔  100·B·100 > R·100 · 12P
      if (B * 10000n > red * 12n * P) return 'red';
      if (B * 10000n >= yellow * 12n * P) return 'yellow';
      return 'green';
    }
    case 'ratioOfTime': {
      const red = BigInt(Math.round(rule.redBelow * 1000));
      const yellow = BigInt(Math.round(rule.yellowBelow * 1000));
      // C/P < a·m/12  ⇔  12·C·1000 < a·1000·m·P
      if (12n * C * 1000n < red * m * P) return 'red';
      if (12n * C * 1000n < yellow * m * P) return 'yellow';
      return 'green';
    }
    case 'shareOfTime': {
      const s = BigInt(Math.round(rule.share * 1000));
      if (B <= 0n) return 'green';
      // (m·P − 12·C)/(12P) ≤ s·m/12  ⇔  1000·B ≤ s·1000·m·P
      return B * 1000n <= s * m * P ? 'yellow' : 'red';
    }
  }
}

/** Completed amounts (分) on and around the rule's boundaries for plan P at month m. */
function boundaries(rule: Rule, P: bigint, m: bigint): bigint[] {
  // the completed amount C at which the rate equals x% of the plan: C = x·P/100, x given as (num/den)%
  const at = (num: bigint, den: bigint) => (num * P) / (den * 100n);
  const ts: bigint[] = [];
  const time = [100n * m, 12n]; // 序时 = 100m/12 %
  if (rule.mode === 'pointsBehind') {
    for (const t of [rule.yellowFrom, rule.redAbove, 0]) {
      const th = BigInt(Math.round(t * 100)); // hundredths of a point
      ts.push(at(time[0]! * 100n - th * 12n, 1200n)); // rate = 序时 − t
    }
  } else if (rule.mode === 'ratioOfTime') {
    for (const a of [rule.yellowBelow, rule.redBelow]) ts.push(at(time[0]! * BigInt(Math.round(a * 1000)), 12000n));
  } else {
    ts.push(at(time[0]! * BigInt(1000 - Math.round(rule.share * 1000)), 12000n), at(time[0]!, 12n));
  }
  const out: bigint[] = [];
  for (const t of ts) for (const d of [-2n, -1n, 0n, 1n, 2n]) if (t + d >= 0n) out.push(t + d);
  return out;
}

const fmt = (c: bigint) => `${c / 100n}.${String(c % 100n).padStart(2, '0')}`;

function facts(P: bigint, C: bigint, m: number): ProjectFacts {
  const y = 2025;
  return {
    projectId: 1,
    totalInvestment: 1e9,
    plannedStart: null,
    actualStart: '2020-01-01',
    statsCode: 'S',
    plan: { planned: fmt(P), monthly: Array(12).fill('1') },
    cumulativeCompleted: fmt(C),
    milestones: [],
    report: { deadline: null, submitted: true },
    asOf: `${y}-${String(m).padStart(2, '0')}-28`,
  };
}

describe('investment light = the rule in exact integer arithmetic', () => {
  const rnd = prng(20261207);
  const rules: Rule[] = [
    ...BUILTIN_RULE_SETS.map((r) => r.config.investment),
    { mode: 'pointsBehind', yellowFrom: 5.5, redAbove: 12.25 },
    { mode: 'ratioOfTime', yellowBelow: 0.9, redBelow: 0.7 },
    { mode: 'shareOfTime', share: 0.3 },
  ];
  it('agrees on 6,000 random and boundary cases for every rule', () => {
    let checked = 0;
    const seen = { green: 0, yellow: 0, red: 0 };
    for (let i = 0; i < 1000; i++) {
      const m = 1 + Math.floor(rnd() * 12);
      // plans from 0.01 to 10,000,000 万元, some multiples of 12 (exact 序时 boundaries)
      let P = BigInt(1 + Math.floor(rnd() ** 3 * 1e9));
      if (rnd() < 0.3) P = P * 12n * 25n;
      for (const rule of rules) {
        const cands = [...boundaries(rule, P, BigInt(m)), BigInt(Math.floor(rnd() * Number(P) * 1.2))];
        const C = cands[Math.floor(rnd() * cands.length)]!;
        const base = { ...BUILTIN_RULE_SETS[0]!.config, investment: rule };
        const got = computeLights(facts(P, C, m), base, 2025, m).find((l) => l.dimension === 'investment')!.light;
        const want = reference(rule, P, C, BigInt(m));
        if (got !== want) throw new Error(`${JSON.stringify(rule)} P=${fmt(P)} C=${fmt(C)} m=${m}: ${got} ≠ ${want}`);
        seen[want]++;
        checked++;
      }
    }
    expect(checked).toBe(6000);
    expect(Math.min(seen.green, seen.yellow, seen.red)).toBeGreaterThan(300);
  });
});
