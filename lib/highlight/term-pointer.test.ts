// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MatchRegistry, PageMatch } from './match-registry';
import { LEAVE_GRACE_MS, watchTermPointer, type PointerSettings } from './term-pointer';

/*
 * The pointer logic on its own: a stand-in window (events and animation frames on fake timers)
 * and a hit-test that says which term is where, as real caret lookup does in the browsers.
 */

const term = { entryId: 'grc' } as PageMatch;
/** The term covers x 100–200; everything else is plain text. */
const hitTest = (x: number) => (x >= 100 && x <= 200 ? term : undefined);

function setup(initial: PointerSettings, { forged = false } = {}) {
  const view = new EventTarget() as EventTarget & Window;
  view.requestAnimationFrame = (callback) => setTimeout(() => callback(0), 16) as unknown as number;
  view.cancelAnimationFrame = (id) => clearTimeout(id);
  const controller = new AbortController();
  const settings = { ...initial };
  const opened: string[] = [];
  const hovered: (string | undefined)[] = [];
  watchTermPointer({
    doc: { defaultView: view } as Document,
    registry: {} as MatchRegistry,
    signal: controller.signal,
    isOwnUi: () => false,
    settings: () => settings,
    hitTest,
    onHover: (match) => hovered.push(match?.entryId),
    onOpen: (match, how) => opened.push(`${match.entryId} by ${how}`),
    onLeave: () => opened.push('left'),
    onOutsidePress: () => {},
    // happy-dom's events are all untrusted, as a page's forged ones are in a browser: most tests
    // stand for the reader's input; `forged` keeps the real check.
    ...(forged ? {} : { isTrusted: () => true }),
  });
  const move = (x: number, shiftKey = false) =>
    view.dispatchEvent(new MouseEvent('pointermove', { clientX: x, clientY: 10, shiftKey }));
  const key = (type: 'keydown' | 'keyup', key: string) =>
    view.dispatchEvent(new KeyboardEvent(type, { key }));
  const click = (x: number) => view.dispatchEvent(new MouseEvent('click', { clientX: x }));
  /** The pointer leaves the window (no element of this document is entered). */
  const leaveWindow = () =>
    view.dispatchEvent(new MouseEvent('pointerout', { clientX: 150, relatedTarget: null }));
  return {
    settings,
    opened,
    hovered,
    move,
    key,
    click,
    leaveWindow,
    stop: () => controller.abort(),
  };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('watchTermPointer', () => {
  it('ignores pointer, key and click events made by script (a hostile page forging input)', () => {
    const hoverSetup = setup({ trigger: 'hover', hoverDelayMs: 300 }, { forged: true });
    hoverSetup.move(150);
    hoverSetup.click(150);
    vi.advanceTimersByTime(2_000);
    expect(hoverSetup.opened).toEqual([]);
    expect(hoverSetup.hovered).toEqual([]);

    const modifier = setup({ trigger: 'modifier', hoverDelayMs: 300 }, { forged: true });
    modifier.move(150, true);
    modifier.key('keydown', 'Shift');
    vi.advanceTimersByTime(2_000);
    expect(modifier.opened).toEqual([]);
  });

  it('opens a term the pointer rests on, after the reader’s hover delay', () => {
    const { opened, hovered, move } = setup({ trigger: 'hover', hoverDelayMs: 600 });
    move(150);
    vi.advanceTimersByTime(16 + 550);
    expect(opened).toEqual([]);
    expect(hovered).toEqual(['grc']);
    vi.advanceTimersByTime(60);
    expect(opened).toEqual(['grc by hover']);
  });

  it('takes a changed delay at the next hover, without being restarted', () => {
    const { settings, opened, move } = setup({ trigger: 'hover', hoverDelayMs: 300 });
    settings.hoverDelayMs = 1_000;
    move(150);
    vi.advanceTimersByTime(16 + 900);
    expect(opened).toEqual([]);
    vi.advanceTimersByTime(120);
    expect(opened).toEqual(['grc by hover']);
  });

  it('does not open a term the pointer only passes over', () => {
    const { opened, hovered, move } = setup({ trigger: 'hover', hoverDelayMs: 300 });
    move(150);
    vi.advanceTimersByTime(100);
    move(20);
    vi.advanceTimersByTime(1_000);
    expect(opened).toEqual(['left']);
    expect(hovered).toEqual(['grc', undefined]);
  });

  it('with the click trigger, opens only on a click, but still reports the hovered term', () => {
    const { opened, hovered, move, click } = setup({ trigger: 'click', hoverDelayMs: 300 });
    move(150);
    vi.advanceTimersByTime(2_000);
    expect(opened).toEqual([]);
    expect(hovered).toEqual(['grc']);
    click(150);
    expect(opened).toEqual(['grc by click']);
  });

  it('with the modifier trigger, opens when Shift is pressed on a term, not before', () => {
    const { opened, move, key } = setup({ trigger: 'modifier', hoverDelayMs: 300 });
    move(150);
    vi.advanceTimersByTime(2_000);
    expect(opened).toEqual([]);
    key('keydown', 'Shift');
    expect(opened).toEqual(['grc by hover']);
    // Held again on the same term: it is already open.
    key('keyup', 'Shift');
    key('keydown', 'Shift');
    expect(opened).toEqual(['grc by hover']);
  });

  it('with the modifier trigger, opens at once when the pointer arrives with Shift held', () => {
    const { opened, move } = setup({ trigger: 'modifier', hoverDelayMs: 300 });
    move(20, true);
    move(150, true);
    vi.advanceTimersByTime(16);
    expect(opened).toEqual(['grc by hover']);
  });

  it('opens on a click with every trigger', () => {
    for (const trigger of ['hover', 'modifier'] as const) {
      const { opened, click } = setup({ trigger, hoverDelayMs: 300 });
      click(150);
      click(50);
      expect(opened).toEqual(['grc by click']);
    }
  });

  it('clears the hovered term when stopped', () => {
    const { hovered, move, stop } = setup({ trigger: 'hover', hoverDelayMs: 300 });
    move(150);
    vi.advanceTimersByTime(16);
    stop();
    expect(hovered).toEqual(['grc', undefined]);
  });

  it('lets a hovered term go when the pointer leaves the window (e.g. out of a frame)', () => {
    const { opened, hovered, move, leaveWindow } = setup({ trigger: 'hover', hoverDelayMs: 300 });
    move(150);
    vi.advanceTimersByTime(16 + 300);
    expect(opened).toEqual(['grc by hover']);
    // The last position was on the term; no further move arrives from outside.
    leaveWindow();
    vi.advanceTimersByTime(16 + LEAVE_GRACE_MS);
    expect(hovered).toEqual(['grc', undefined]);
    expect(opened).toEqual(['grc by hover', 'left']);
  });
});
