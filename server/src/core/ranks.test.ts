import { describe, expect, it } from 'vitest';
import { dec } from './exact.js';
import { competitionRanks } from './ranks.js';

describe('competitionRanks', () => {
  it('ties share a rank and the next is skipped; no figure, no rank', () => {
    expect(competitionRanks([dec(9), dec(9), dec(7), null], 'higher')).toEqual([1, 1, 3, null]);
    expect(competitionRanks([dec(9), dec(9), dec(7)], 'lower')).toEqual([2, 2, 1]);
    expect(competitionRanks([dec('0.1'), dec('0.10')], 'higher'), 'exact values: 0.1 = 0.10').toEqual([1, 1]);
  });
  it('a tie figure breaks equal figures only; a unit without one stays tied', () => {
    const keys = [dec(90), dec(90), dec(90), dec(80)];
    expect(competitionRanks(keys, 'higher', [dec(5), dec(7), null, dec(9)])).toEqual([2, 1, 1, 4]);
    expect(competitionRanks(keys, 'higher', [dec(5), dec(5), dec(5), null])).toEqual([1, 1, 1, 4]);
  });
});
