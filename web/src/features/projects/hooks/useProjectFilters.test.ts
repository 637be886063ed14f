import { describe, expect, it } from 'vitest';
import { filterQuery, listQuery, parseFilters } from './useProjectFilters';
import { toSearch } from '../../../api/client';

describe('project list state in the URL', () => {
  it('reads filters, paging and sort from the query string', () => {
    const f = parseFilters(new URLSearchParams('q=工程&stage=construction,started&regionCode=330122400&leaderId=8&planYear=2026&band=ge1e5&sort=-totalInvestment&page=3&pageSize=50'));
    expect(f).toMatchObject({
      q: '工程',
      stage: ['construction', 'started'],
      regionCode: '330122400',
      leaderId: 8,
      planYear: 2026,
      band: ['ge1e5'],
      sort: '-totalInvestment',
      page: 3,
      pageSize: 50,
    });
  });

  it('drops values the API would refuse instead of sending them', () => {
    const f = parseFilters(new URLSearchParams('stage=construction,flying&sort=color&page=-2&pageSize=7&leaderId=abc'));
    expect(f.stage).toEqual(['construction']);
    expect(f.sort).toBeUndefined();
    expect(f.page).toBe(1);
    expect(f.pageSize).toBe(20);
    expect(f.leaderId).toBeUndefined();
  });

  it('sends the same filters to the list and to the export, paging only to the list', () => {
    const f = parseFilters(new URLSearchParams('stage=construction&q=工程&page=2'));
    expect(toSearch(filterQuery(f))).toBe(`?q=${encodeURIComponent('工程')}&stage=construction`);
    expect(toSearch(listQuery(f))).toBe(`?q=${encodeURIComponent('工程')}&stage=construction&page=2&pageSize=20`);
  });
});
