import { describe, expect, it } from 'vitest';
import { isFrameShown, siteLocation, whenFrameShown } from './this-frame';

/** A stand-in for a frame's window: a size and `resize` events. */
function frameWindow(width: number, height: number) {
  const events = new EventTarget();
  return Object.assign(events, { innerWidth: width, innerHeight: height }) as unknown as Window & {
    innerWidth: number;
    innerHeight: number;
  };
}

describe('frames worth scanning', () => {
  it('skips frames too small to show a word: 0×0 (hidden), 1×1 pixels, thin strips', () => {
    expect(isFrameShown(frameWindow(0, 0))).toBe(false);
    expect(isFrameShown(frameWindow(1, 1))).toBe(false);
    expect(isFrameShown(frameWindow(728, 4))).toBe(false);
    expect(isFrameShown(frameWindow(300, 250))).toBe(true);
  });

  it('waits for a hidden frame to be shown, and gives up when the script is stopped', async () => {
    const view = frameWindow(0, 0);
    const life = new AbortController();
    let shown: boolean | undefined;
    void whenFrameShown(view, life.signal).then((value) => (shown = value));
    view.dispatchEvent(new Event('resize'));
    await Promise.resolve();
    expect(shown).toBeUndefined();
    view.innerWidth = 400;
    view.innerHeight = 300;
    view.dispatchEvent(new Event('resize'));
    await Promise.resolve();
    expect(shown).toBe(true);

    const never = frameWindow(0, 0);
    const stopped = whenFrameShown(never, life.signal);
    life.abort();
    expect(await stopped).toBe(false);
  });
});

describe('siteLocation', () => {
  it('gives srcdoc and about:blank frames the site of the page they come from', () => {
    const srcdoc = { protocol: 'about:', host: '', origin: 'null' } as Location;
    expect(siteLocation(srcdoc, 'http://127.0.0.1:8080').host).toBe('127.0.0.1:8080');
    // A sandboxed frame has an opaque origin: no site to borrow.
    expect(siteLocation(srcdoc, 'null')).toBe(srcdoc);
    const page = { protocol: 'https:', host: 'example.org', origin: 'https://example.org' };
    expect(siteLocation(page as Location, 'https://example.org')).toBe(page);
  });
});
