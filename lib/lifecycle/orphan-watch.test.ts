// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { ORPHAN_CHECK_MS, stopListening, watchForOrphaning } from './orphan-watch';

describe('watchForOrphaning', () => {
  const realId = fakeBrowser.runtime.id;
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    (fakeBrowser.runtime as { id: string | undefined }).id = realId;
  });

  /** What Chromium does to an orphaned content script: its `runtime.id` disappears. */
  const orphan = () => ((fakeBrowser.runtime as { id: string | undefined }).id = undefined);

  it('ends the context within one check interval once the extension is gone', () => {
    const ctx = new ContentScriptContext('test');
    const ended = vi.fn();
    ctx.onInvalidated(ended);
    watchForOrphaning(ctx);
    vi.advanceTimersByTime(ORPHAN_CHECK_MS * 3);
    expect(ended).not.toHaveBeenCalled();
    orphan();
    vi.advanceTimersByTime(ORPHAN_CHECK_MS);
    expect(ended).toHaveBeenCalledTimes(1);
  });

  it('checks at once when the tab comes back into view', () => {
    const ctx = new ContentScriptContext('test');
    const ended = vi.fn();
    ctx.onInvalidated(ended);
    watchForOrphaning(ctx);
    orphan();
    document.dispatchEvent(new Event('visibilitychange'));
    expect(ended).toHaveBeenCalledTimes(1);
  });
});

describe('stopListening', () => {
  it('runs every clean-up and drops "Extension context invalidated"', () => {
    const after = vi.fn();
    expect(() =>
      stopListening([
        () => {
          throw new Error('Extension context invalidated.');
        },
        after,
      ]),
    ).not.toThrow();
    expect(after).toHaveBeenCalledTimes(1);
  });

  it('rethrows any other error, after running the rest', () => {
    const after = vi.fn();
    expect(() =>
      stopListening([
        () => {
          throw new Error('something else');
        },
        after,
      ]),
    ).toThrow('something else');
    expect(after).toHaveBeenCalledTimes(1);
  });
});
