import { describe, expect, it } from 'vitest';
import { formatDate, formatWan } from './format';

describe('formats officials read', () => {
  it('shows 万元 with thousands separators and two decimals', () => {
    expect(formatWan(12345.67)).toBe('12,345.67');
    expect(formatWan(1781500)).toBe('1,781,500.00');
    expect(formatWan(8888.5)).toBe('8,888.50');
    expect(formatWan(0)).toBe('0.00');
    expect(formatWan(null)).toBe('');
  });

  it('writes dates the Chinese way, ISO in English', () => {
    expect(formatDate('2024-09-01', 'zh')).toBe('2024年9月1日');
    expect(formatDate('2024-09-01', 'en')).toBe('2024-09-01');
    expect(formatDate(null, 'zh')).toBe('');
  });
});
