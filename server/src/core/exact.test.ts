import { describe, expect, it } from 'vitest';
import { add, dec, div, mul, q, sub, ZERO, type Q } from './exact.js';

/** The textbook results, reduced by one gcd of the full cross products. */
const naive = {
  add: (a: Q, b: Q) => q(a.n * b.d + b.n * a.d, a.d * b.d),
  sub: (a: Q, b: Q) => q(a.n * b.d - b.n * a.d, a.d * b.d),
  mul: (a: Q, b: Q) => q(a.n * b.n, a.d * b.d),
  div: (a: Q, b: Q) => q(a.n * b.d, a.d * b.n),
};

describe('exact arithmetic', () => {
  // a deterministic spread of fractions: signs, zero, integers, shared and coprime denominators
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  const sample = (): Q => {
    const d = [1, 2, 3, 4, 6, 10, 12, 100, 255, 1000, 9973, 12000][next() % 12]!;
    return q(BigInt((next() % 20001) - 10000), BigInt(d));
  };
  const pairs = Array.from({ length: 2000 }, () => [sample(), sample()] as const);

  it('gives the same fractions, in lowest terms, as the cross products reduced', () => {
    for (const [a, b] of pairs) {
      expect(add(a, b)).toEqual(naive.add(a, b));
      expect(sub(a, b)).toEqual(naive.sub(a, b));
      expect(mul(a, b)).toEqual(naive.mul(a, b));
      if (b.n !== 0n) expect(div(a, b)).toEqual(naive.div(a, b));
    }
  });

  it('keeps zero as 0/1 and refuses a division by zero', () => {
    expect(sub(dec('1.5'), dec('1.50'))).toEqual(ZERO);
    expect(mul(ZERO, dec('-3.7'))).toEqual(ZERO);
    expect(() => div(dec(1), ZERO)).toThrow(RangeError);
  });

  it('sums many rates with different denominators exactly (an average over ninety units)', () => {
    const rates = Array.from({ length: 90 }, (_, i) => div(mul(q(100), q(BigInt(200 + i * 7))), q(BigInt(255 + i * 13))));
    const fast = rates.reduce(add, ZERO);
    const slow = rates.reduce(naive.add, ZERO);
    expect(fast).toEqual(slow);
    expect(div(fast, q(90))).toEqual(naive.div(slow, q(90)));
  });
});
