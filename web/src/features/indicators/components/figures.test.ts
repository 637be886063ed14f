import { describe, expect, it } from 'vitest';
import {
  breakdownLabels,
  formatFigure,
  formatPct,
  formatSigned,
  halfWidth,
  lastEndedPeriod,
  periodName,
  shortPeriodLabel,
  parseDecimalInput,
  parsePastedBlock,
  periodsOfYear,
  rankChange,
  roundDecimalText,
  sumDecimals,
} from './figures';

describe('figures of the indicator pages', () => {
  it('rounds the exact text once, half away from zero', () => {
    expect(roundDecimalText('2.345', 2)).toBe('2.35');
    expect(roundDecimalText('-2.345', 2)).toBe('-2.35');
    expect(roundDecimalText('2.3449', 2)).toBe('2.34');
    expect(roundDecimalText('80.75', 1)).toBe('80.8');
    expect(roundDecimalText('9.995', 2)).toBe('10.00');
    expect(roundDecimalText('12', 2)).toBe('12.00');
    expect(roundDecimalText('0.5', 0)).toBe('1');
    expect(roundDecimalText('-0.004', 2)).toBe('0.00');
  });

  it('prints a figure with the indicator’s decimals, from the exact text when there is one', () => {
    // 1.005 is 1.00499… as a double: the exact text rounds as the office would
    expect(formatFigure(1.005, 2, '1.005')).toBe('1.01');
    expect(formatFigure(1234567.891, 1)).toBe('1,234,567.9');
    expect(formatFigure(206, 0)).toBe('206');
    expect(formatFigure(-3.2, 2)).toBe('-3.20');
    expect(formatFigure(null, 2)).toBe('—');
    expect(formatFigure(1e21, 0)).toBe('1,000,000,000,000,000,000,000');
  });

  it('prints percentages and signed gaps', () => {
    expect(formatPct(80.8)).toBe('80.80%');
    expect(formatPct(null)).toBe('—');
    expect(formatSigned(3.2)).toBe('+3.20');
    expect(formatSigned(-1.5)).toBe('−1.50');
    expect(formatSigned(0)).toBe('0.00');
    expect(formatSigned(-0.001)).toBe('0.00');
    expect(formatSigned(null)).toBe('—');
  });

  it('shows a rank change as an arrow: up is positive, no rank in either period is —', () => {
    expect(rankChange(2)).toEqual({ text: '↑2', dir: 'up' });
    expect(rankChange(-1)).toEqual({ text: '↓1', dir: 'down' });
    expect(rankChange(0)).toEqual({ text: '—', dir: 'same' });
    expect(rankChange(null)).toEqual({ text: '—', dir: 'none' });
  });

  it('reads numbers as offices type them and refuses the ambiguous decimal comma', () => {
    expect(halfWidth('１２．５％')).toBe('12.5%');
    expect(parseDecimalInput('１２．５％')).toEqual({ ok: true, value: '12.5' });
    expect(parseDecimalInput('－３．２')).toEqual({ ok: true, value: '-3.2' });
    expect(parseDecimalInput(' 1,234.50 ')).toEqual({ ok: true, value: '1234.5' });
    expect(parseDecimalInput('007')).toEqual({ ok: true, value: '7' });
    expect(parseDecimalInput('.5')).toEqual({ ok: true, value: '0.5' });
    expect(parseDecimalInput('-0')).toEqual({ ok: true, value: '0' });
    expect(parseDecimalInput('12,5%')).toEqual({ ok: false, error: 'decimalComma' });
    expect(parseDecimalInput('12,5')).toEqual({ ok: false, error: 'decimalComma' });
    expect(parseDecimalInput('1,23,4')).toEqual({ ok: false, error: 'notNumber' });
    expect(parseDecimalInput('十二')).toEqual({ ok: false, error: 'notNumber' });
    expect(parseDecimalInput('1e5')).toEqual({ ok: false, error: 'notNumber' });
    for (const none of ['', ' ', '—', '-', null, undefined]) expect(parseDecimalInput(none)).toEqual({ ok: true, value: null });
    expect(parseDecimalInput(42.5)).toEqual({ ok: true, value: '42.5' });
  });

  it('names the breakdown cells and the periods of a year by cadence', () => {
    expect(breakdownLabels('quarter', 4, 'zh')).toEqual(['一季度', '二季度', '三季度', '四季度']);
    expect(breakdownLabels('halfYear', 2, 'zh')).toEqual(['上半年', '下半年']);
    expect(breakdownLabels('month', 12, 'en')[11]).toBe('M12');
    expect(periodsOfYear('halfYear', 2026)).toEqual(['2026-H1', '2026-H2']);
    expect(periodsOfYear('month', 2026)[0]).toBe('2026-01');
    expect(periodsOfYear('year', 2026)).toEqual(['2026']);
  });

  it('names periods briefly on chart axes', () => {
    expect(['2026-10', '2025-Q4', '2026-H1', '2026'].map((p) => shortPeriodLabel(p))).toEqual(['26年10月', '25年四季度', '26年上半年', '2026年']);
    expect(['2026-10', '2025-Q4'].map((p) => shortPeriodLabel(p, 'en'))).toEqual(["Oct '26", "Q4 '25"]);
    expect(['2026-11', '2026-Q3', '2026-H1', '2026'].map((p) => periodName(p))).toEqual(['2026年11月', '2026年第三季度', '2026年上半年', '2026年']);
    expect(['2026-11', '2026-Q3', '2026-H2', '2026'].map((p) => periodName(p, 'en'))).toEqual(['Nov 2026', 'Q3 2026', 'H2 2026', '2026']);
  });

  it('defaults to the latest period that has ended', () => {
    expect(lastEndedPeriod('month', '2026-11-15')).toBe('2026-10');
    expect(lastEndedPeriod('month', '2026-01-31')).toBe('2025-12');
    expect(lastEndedPeriod('quarter', '2026-11-15')).toBe('2026-Q3');
    expect(lastEndedPeriod('quarter', '2026-10-01')).toBe('2026-Q3');
    expect(lastEndedPeriod('quarter', '2026-03-31')).toBe('2025-Q4');
    expect(lastEndedPeriod('halfYear', '2026-11-15')).toBe('2026-H1');
    expect(lastEndedPeriod('halfYear', '2026-06-30')).toBe('2025-H2');
    expect(lastEndedPeriod('year', '2026-11-15')).toBe('2025');
  });

  it('reads a block pasted from a spreadsheet', () => {
    expect(parsePastedBlock('1\t2\t3\r\n4\t"5"\t\r\n')).toEqual([
      ['1', '2', '3'],
      ['4', '5', ''],
    ]);
    expect(parsePastedBlock('12.5')).toEqual([['12.5']]);
  });

  it('adds decimal texts exactly', () => {
    expect(sumDecimals(['0.1', '0.2'])).toBe('0.3');
    expect(sumDecimals(['100', '-0.25', null, ''])).toBe('99.75');
    expect(sumDecimals(['1', '-1.5'])).toBe('-0.5');
    expect(sumDecimals([null, ''])).toBeNull();
    expect(sumDecimals(['250', '250', '250', '250'])).toBe('1000');
  });
});
