import { describe, expect, it } from 'vitest';
import { openedAsPage } from './popup-mode';

describe('openedAsPage', () => {
  it('is true when a tab is named in the query', () => {
    expect(openedAsPage('?tab=12')).toBe(true);
    expect(openedAsPage('?x=1&tab=0')).toBe(true);
  });

  it('is false for the toolbar popup', () => {
    expect(openedAsPage('')).toBe(false);
    expect(openedAsPage('?table=1')).toBe(false);
  });
});
