import { describe, expect, it } from 'vitest';
import { draftOf, pasteBlock, rowOf, sameDraft } from './targetGrid';
import { parsePastedBlock } from './figures';

const row = { unitType: 'region' as const, unitId: '330122103', unitName: '分水镇', baseline: 100, target: 120, breakdown: [30, null, 30, 30], multiYear: null, note: null, updatedAt: null };

describe('the target grid', () => {
  it('turns a row into text cells and back into exact decimals', () => {
    const d = draftOf(row, 4);
    expect(d).toEqual({ baseline: '100', target: '120', breakdown: ['30', '', '30', '30'], multiYearYear: '', multiYearValue: '', note: '' });
    expect(rowOf(row, { ...d, target: '１２５．５', breakdown: ['30', '35.5', '30', '30'] })).toEqual({
      row: { unitType: 'region', unitId: '330122103', baseline: '100', target: '125.5', breakdown: ['30', '35.5', '30', '30'], multiYear: null, note: null },
    });
  });

  it('names the cells that do not read as figures and sends nothing of the row', () => {
    const d = { ...draftOf(row, 4), target: '12,5', multiYearYear: '28' };
    expect(rowOf(row, d)).toEqual({ errors: [{ kind: 'target' }, { kind: 'multiYearYear' }] });
  });

  it('keeps a multi-year target (三年翻一番) and leaves out an empty breakdown', () => {
    const d = { ...draftOf({ ...row, breakdown: null }, 4), multiYearYear: '2028', multiYearValue: '200', note: ' 三年翻一番 ' };
    expect(rowOf(row, d)).toEqual({ row: expect.objectContaining({ breakdown: null, multiYear: { year: 2028, value: '200' }, note: '三年翻一番' }) });
  });

  it('pastes a block copied from Excel from the cell it lands on', () => {
    const drafts = [draftOf(row, 4), draftOf({ ...row, unitId: '2' }, 4), draftOf({ ...row, unitId: '3' }, 4)];
    // pasted on the second row's target: target and the four quarters of two rows; the third row's cells beyond the grid are dropped
    const block = parsePastedBlock('200\t50\t50\t50\t50\r\n300\t75\t75\t75\t75\t2028\t600\tnote\textra\r\n');
    const next = pasteBlock(drafts, 1, 1, block, 4);
    expect(sameDraft(next[0]!, drafts[0]!)).toBe(true);
    expect(next[1]).toMatchObject({ baseline: '100', target: '200', breakdown: ['50', '50', '50', '50'] });
    expect(next[2]).toMatchObject({ target: '300', breakdown: ['75', '75', '75', '75'], multiYearYear: '2028', multiYearValue: '600', note: 'note' });
  });
});
