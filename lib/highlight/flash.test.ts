// @vitest-environment happy-dom
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { installHighlightPolyfills } from '~/test/dom-polyfills';
import { Flash } from './flash';
import { FLASH_HIGHLIGHT } from './names';

beforeAll(installHighlightPolyfills);
beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function setup(reducedMotion = false) {
  const text = document.createTextNode('GRC');
  const range = new StaticRange({
    startContainer: text,
    startOffset: 0,
    endContainer: text,
    endOffset: 3,
  });
  const highlights = new Map() as unknown as HighlightRegistry;
  const flash = new Flash(highlights, () => reducedMotion);
  const lit = () => (highlights.get(FLASH_HIGHLIGHT) as unknown as Set<unknown>).has(range);
  return { flash, range, lit, highlights };
}

describe('Flash', () => {
  it('blinks the range a few times, then lets it go', () => {
    const { flash, range, lit } = setup();
    flash.flash(range);
    const seen: boolean[] = [];
    for (let t = 0; t < 1_700; t += 70) {
      seen.push(lit());
      vi.advanceTimersByTime(70);
    }
    // on, off, on, off, on, then off for good: five changes.
    const changes = seen.filter((on, i) => i > 0 && on !== seen[i - 1]).length;
    expect(seen[0]).toBe(true);
    expect(changes).toBe(5);
    expect(lit()).toBe(false);
  });

  it('glows steadily for readers who prefer reduced motion', () => {
    const { flash, range, lit } = setup(true);
    flash.flash(range);
    for (let t = 0; t < 1_500; t += 100) {
      expect(lit()).toBe(true);
      vi.advanceTimersByTime(100);
    }
    vi.advanceTimersByTime(100);
    expect(lit()).toBe(false);
  });

  it('leaves nothing behind when disposed mid-flash', () => {
    const { flash, range, highlights } = setup();
    flash.flash(range);
    flash.dispose();
    expect(highlights.has(FLASH_HIGHLIGHT)).toBe(false);
    vi.advanceTimersByTime(2_000);
    expect(highlights.has(FLASH_HIGHLIGHT)).toBe(false);
  });
});
