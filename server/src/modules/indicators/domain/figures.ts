/**
 * The figures of the indicator layer (DOMAIN.md §6.1), as pure functions on exact values
 * (core/exact.ts): office-typed numbers, 增速, competition ranks, the group's average and
 * leader, gaps and rank change. Pages, the API, exports and bulletins all call these.
 */
import { add, cmp, dec, div, mul, q, sub, type Q } from '../../../core/exact.js';

export type Parsed = { ok: true; value: Q | null; text: string | null } | { ok: false; message: string };

const NO_FIGURE = /^(?:[-—–―－─]+|\/|／|无|空)?$/;

/**
 * A number as offices type it: full-width digits and signs are the same number (１２．５％ =
 * 12.5%), a trailing % is dropped (the figure is in %), thousands separators are read
 * (12,345.6), "—", "-" or an empty cell is no figure (null). A decimal comma (12,5%) is
 * ambiguous and refused.
 */
export function parseFigure(input: string | number | null | undefined): Parsed {
  if (input === null || input === undefined) return { ok: true, value: null, text: null };
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return { ok: false, message: '不是有效的数字' };
    const v = dec(input);
    return { ok: true, value: v, text: decimalText(v) };
  }
  let t = input.normalize('NFKC').replace(/[\s\u00a0\u3000]/g, '');
  if (NO_FIGURE.test(t)) return { ok: true, value: null, text: null };
  t = t.replace(/[−–—]/g, '-');
  if (t.endsWith('%')) t = t.slice(0, -1);
  if (t.includes(',')) {
    if (!/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) return { ok: false, message: `「${input.trim()}」中的逗号无法识别，小数点请使用“.”` };
    t = t.replace(/,/g, '');
  }
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(t)) return { ok: false, message: `「${input.trim()}」不是数字` };
  const v = dec(t);
  return { ok: true, value: v, text: decimalText(v) };
}

/** The exact decimal text of a value that has a finite decimal expansion, else rounded to 10 decimals. */
export function decimalText(v: Q): string {
  let d = v.d;
  let k = 0;
  while (d % 10n === 0n) {
    d /= 10n;
    k++;
  }
  let twos = 0;
  let fives = 0;
  while (d % 2n === 0n) {
    d /= 2n;
    twos++;
  }
  while (d % 5n === 0n) {
    d /= 5n;
    fives++;
  }
  const digits = d === 1n ? k + Math.max(twos, fives) : 10;
  const scale = 10n ** BigInt(digits);
  const neg = v.n < 0n;
  const abs = neg ? -v.n : v.n;
  const n = (abs * scale * 2n + v.d) / (2n * v.d);
  let s = n.toString().padStart(digits + 1, '0');
  if (digits) s = `${s.slice(0, s.length - digits)}.${s.slice(s.length - digits)}`.replace(/\.?0+$/, '');
  return (neg && s !== '0' ? '-' : '') + s;
}

/** Reads a stored numeric (decimal text) or null. */
export function fromDb(v: string | number | null | undefined): Q | null {
  return v === null || v === undefined ? null : dec(v);
}

/** 增速 in %: (value − same period last year) ÷ |last year| × 100; null without both or when last year is 0. */
export function growthQ(value: Q | null, lastYear: Q | null): Q | null {
  if (!value || !lastYear || lastYear.n === 0n) return null;
  const base = lastYear.n < 0n ? { n: -lastYear.n, d: lastYear.d } : lastYear;
  return mul(q(100), div(sub(value, lastYear), base));
}

/** The mean over the figures present (null when none). */
export function averageQ(keys: Array<Q | null>): Q | null {
  const present = keys.filter((k): k is Q => k !== null);
  if (!present.length) return null;
  return div(present.reduce(add, q(0)), q(present.length));
}

/** The best figure in the direction (null when none). */
export function bestQ(keys: Array<Q | null>, direction: 'higher' | 'lower'): Q | null {
  let best: Q | null = null;
  for (const k of keys) if (k && (!best || (direction === 'higher' ? cmp(k, best) > 0 : cmp(k, best) < 0))) best = k;
  return best;
}

/** Rank change = previous rank − current rank (positive: moved up); null when either is missing. */
export function rankChange(previous: number | null | undefined, current: number | null | undefined): number | null {
  return previous == null || current == null ? null : previous - current;
}
