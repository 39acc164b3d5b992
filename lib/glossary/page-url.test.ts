import { describe, expect, it } from 'vitest';
import { entryIdFromHash, glossaryEntryHash } from './page-url';

describe('glossary page addresses', () => {
  it('round-trips an entry id through the hash', () => {
    expect(glossaryEntryHash('social-credit-system')).toBe('#social-credit-system');
    expect(entryIdFromHash(glossaryEntryHash('social-credit-system'))).toBe('social-credit-system');
  });

  it.each(['', '#', '#Not-An-Id', '#%E0%A4%A', '#a b', '#../x'])('ignores the hash %j', (hash) => {
    expect(entryIdFromHash(hash)).toBeUndefined();
  });
});
