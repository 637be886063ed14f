/**
 * Exact arithmetic for the published figures: amounts are integers of 分 (万元 × 100), ratios
 * are fractions of big integers, and a figure is rounded once, at the end, half away from
 * zero. Comparisons against thresholds are made on the fractions (cross-multiplication), never
 * on rounded or binary floating-point values.
 */
export interface Q {
  /** numerator */
  n: bigint;
  /** denominator, always > 0 */
  d: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b) [a, b] = [b, a % b];
  return a || 1n;
}

export function q(n: bigint | number, d: bigint | number = 1n): Q {
  let nn = BigInt(n);
  let dd = BigInt(d);
  if (dd === 0n) throw new RangeError('denominator 0');
  if (dd < 0n) [nn, dd] = [-nn, -dd];
  const g = gcd(nn, dd);
  return { n: nn / g, d: dd / g };
}

/**
 * The exact value of a decimal written in base 10 ("971.60", "-3.2", "1e-7", or a JS number,
 * read through its shortest decimal form, so 0.1 is one tenth, not the nearest double).
 */
export function dec(x: number | string | bigint | Q): Q {
  if (typeof x === 'object') return x;
  if (typeof x === 'bigint') return q(x);
  const s = String(x).trim();
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i.exec(s);
  if (!m || (!m[2] && !m[3])) throw new RangeError(`not a decimal: ${s}`);
  const frac = m[3] ?? '';
  let n = BigInt((m[2] || '0') + frac);
  let d = 10n ** BigInt(frac.length);
  const e = Number(m[4] ?? 0);
  if (e > 0) n *= 10n ** BigInt(e);
  else if (e < 0) d *= 10n ** BigInt(-e);
  return q(m[1] === '-' ? -n : n, d);
}

/** An amount in 万元 as integer 分 (hundredths of 万元); amounts carry at most two decimals. */
export function cents(x: number | string | null | undefined): bigint {
  if (x == null || x === '') return 0n;
  const v = dec(x);
  const r = roundQ(q(v.n * 100n, v.d), 0);
  return BigInt(r);
}

/*
 * Sums and products of fractions in lowest terms (every Q is: q() reduces) are reduced with the
 * gcd of the small factors only (Henrici; Knuth, TAOCP 4.5.1), never of the full cross products:
 * a sum over many units with different denominators (an average of completion rates) keeps a
 * large common denominator, and Euclid on two large numbers is what would cost. The results are
 * the same fractions, in lowest terms.
 */
function sum(a: Q, bn: bigint, bd: bigint): Q {
  const g = gcd(a.d, bd);
  if (g === 1n) return { n: a.n * bd + bn * a.d, d: a.d * bd };
  const t = a.n * (bd / g) + bn * (a.d / g);
  if (t === 0n) return { n: 0n, d: 1n };
  const g2 = gcd(t, g);
  return { n: t / g2, d: (a.d / g) * (bd / g2) };
}
export const add = (a: Q, b: Q): Q => sum(a, b.n, b.d);
export const sub = (a: Q, b: Q): Q => sum(a, -b.n, b.d);
export const mul = (a: Q, b: Q): Q => {
  if (a.n === 0n || b.n === 0n) return { n: 0n, d: 1n };
  const g1 = gcd(a.n, b.d);
  const g2 = gcd(b.n, a.d);
  return { n: (a.n / g1) * (b.n / g2), d: (a.d / g2) * (b.d / g1) };
};
export const div = (a: Q, b: Q): Q => {
  if (b.n === 0n) throw new RangeError('denominator 0');
  return mul(a, b.n < 0n ? { n: -b.d, d: -b.n } : { n: b.d, d: b.n });
};
export const neg = (a: Q): Q => ({ n: -a.n, d: a.d });

/** −1, 0 or 1 as a is below, equal to or above b (cross-multiplication: denominators are positive). */
export function cmp(a: Q, b: Q): -1 | 0 | 1 {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
}
export const lt = (a: Q, b: Q) => cmp(a, b) < 0;
export const le = (a: Q, b: Q) => cmp(a, b) <= 0;
export const gt = (a: Q, b: Q) => cmp(a, b) > 0;
export const ge = (a: Q, b: Q) => cmp(a, b) >= 0;
export const eq = (a: Q, b: Q) => cmp(a, b) === 0;
export const ZERO: Q = { n: 0n, d: 1n };

/** The integer nearest to x × 10^digits, half away from zero. */
function scaledRound(x: Q, digits: number): bigint {
  const f = 10n ** BigInt(digits);
  const num = x.n * f;
  const abs = num < 0n ? -num : num;
  const r = (2n * abs + x.d) / (2n * x.d); // floor(|v| + 1/2)
  return num < 0n ? -r : r;
}

/** x rounded once to `digits` decimals, half away from zero, as a number (−0 is 0). */
export function roundQ(x: Q, digits = 2): number {
  const r = scaledRound(x, digits);
  return r === 0n ? 0 : Number(r) / 10 ** digits;
}

/** x rounded once to `digits` decimals, as text with exactly that many decimals ("13.80"). */
export function fixedQ(x: Q, digits = 2): string {
  const r = scaledRound(x, digits);
  const neg_ = r < 0n;
  const s = (neg_ ? -r : r).toString().padStart(digits + 1, '0');
  const body = digits ? `${s.slice(0, s.length - digits)}.${s.slice(s.length - digits)}` : s;
  return neg_ ? `-${body}` : body;
}

/**
 * The shortest rounding of x (at least `minDigits`, at most `maxDigits` decimals) that stands
 * on the same side of every mark as x itself: a value just past a threshold never prints as
 * the threshold (30.004 behind prints 30.004, not 30), and one equal to it prints it.
 * Trailing zeros beyond minDigits are dropped.
 */
export function distinctText(x: Q, marks: Q[], minDigits = 1, maxDigits = 6): string {
  for (let digits = minDigits; ; digits++) {
    const shown = q(scaledRound(x, digits), 10n ** BigInt(digits));
    const ok = marks.every((m) => cmp(shown, m) === cmp(x, m));
    if (ok || digits >= maxDigits) {
      let s = fixedQ(x, digits);
      if (digits > minDigits) s = s.replace(/0+$/, '');
      return s;
    }
  }
}

export function toNumber(x: Q): number {
  return Number(x.n) / Number(x.d);
}

/** (numerator ÷ denominator × 100) exactly, from amounts; null when the denominator is 0. */
export function percentOf(numerator: number | string | bigint, denominator: number | string | bigint | null | undefined): Q | null {
  const d = typeof denominator === 'bigint' ? denominator : cents(denominator);
  if (d === 0n) return null;
  const n = typeof numerator === 'bigint' ? numerator : cents(numerator);
  return q(n * 100n, d);
}
