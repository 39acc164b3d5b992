import { describe, expect, it } from 'vitest';
import { listSummary } from './list-summary';

describe('listSummary', () => {
  it('says how many of all notes are shown', () => {
    expect(listSummary({ shown: 50, total: 10_000, filtered: false, hasMore: true })).toBe(
      'Showing 50 of 10,000 notes',
    );
  });

  it('says only the count when everything is shown', () => {
    expect(listSummary({ shown: 3, total: 3, filtered: false, hasMore: false })).toBe('3 notes');
    expect(listSummary({ shown: 1, total: 1, filtered: false, hasMore: false })).toBe('1 note');
  });

  it('does not claim a total for a filtered list', () => {
    expect(listSummary({ shown: 50, total: 900, filtered: true, hasMore: true })).toBe(
      'Showing the newest 50 matches',
    );
    expect(listSummary({ shown: 7, total: 900, filtered: true, hasMore: false })).toBe(
      '7 matching notes',
    );
    expect(listSummary({ shown: 1, total: 900, filtered: true, hasMore: false })).toBe(
      '1 matching note',
    );
  });
});
