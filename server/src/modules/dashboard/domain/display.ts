import { fixedQ, type Q } from '../../../core/exact.js';

/**
 * A figure as the pages print it: one decimal, rounded once from the exact value (never from
 * the two-decimal API number, which would round twice: 13.8266 → 13.83 → 13.8 happens to
 * agree, 13.849 → 13.85 → 13.9 would not). `signed` prefixes + for a positive distance.
 */
export function figureText(x: Q, signed = false): string {
  const s = fixedQ(x, 1);
  return signed && !s.startsWith('-') && s !== '0.0' ? `+${s}` : s;
}
