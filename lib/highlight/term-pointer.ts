import type { Trigger } from '../settings';
import { matchAtPoint } from './hit-test';
import type { MatchRegistry, PageMatch } from './match-registry';

/** How long the pointer must rest on a term before its popover opens, unless the reader sets it. */
export const HOVER_INTENT_MS = 300;
/** How long a hover-opened popover stays after the pointer leaves the term and the popover. */
export const LEAVE_GRACE_MS = 350;

/** The reader's settings the pointer follows; read at every event, so changes apply at once. */
export interface PointerSettings {
  trigger: Trigger;
  hoverDelayMs: number;
}

export interface TermPointerOptions {
  doc: Document;
  registry: MatchRegistry;
  signal: AbortSignal;
  /** Whether an event target is our own UI (the popover's shadow host). */
  isOwnUi: (target: EventTarget | null) => boolean;
  /** The current trigger and hover delay (default: open on hover after `HOVER_INTENT_MS`). */
  settings?: () => PointerSettings;
  /** The term under the pointer changed (undefined: none). Drives the hover highlight. */
  onHover?: (match: PageMatch | undefined) => void;
  /** The reader rested on a term (hover) or clicked / tapped one. */
  onOpen: (match: PageMatch, how: 'hover' | 'click') => void;
  /** The pointer has been off the hovered term and off our UI for the grace period. */
  onLeave: () => void;
  /** A pointer press outside our UI and outside any term. */
  onOutsidePress: () => void;
  /** The marked term at a viewport point (tests pass their own; happy-dom has no caret lookup). */
  hitTest?: (x: number, y: number) => PageMatch | undefined;
  /**
   * Whether an event comes from the reader (default: `event.isTrusted`). Unit tests, whose events
   * are all made by script, pass their own.
   */
  isTrusted?: (event: Event) => boolean;
}

const DEFAULT_SETTINGS: PointerSettings = { trigger: 'hover', hoverDelayMs: HOVER_INTENT_MS };

/**
 * Watches the pointer for marked terms. One passive `pointermove` listener, hit-tested at most
 * once per animation frame: the page's own handlers are never delayed, and nothing is prevented,
 * so a link that contains a term still follows its href on click.
 *
 * Triggers: `hover` opens a term the pointer rests on for the hover delay; `modifier` opens the
 * term under the pointer as soon as Shift is held (pressed while resting on it, or held while
 * moving onto it); `click` opens only on a click or tap. A click opens a term with every trigger.
 */
export function watchTermPointer(options: TermPointerOptions): void {
  const { doc, registry, signal, isOwnUi } = options;
  const view = doc.defaultView!;
  const settings = options.settings ?? (() => DEFAULT_SETTINGS);
  const hitTest = options.hitTest ?? ((x, y) => matchAtPoint(doc, registry, x, y));
  // A page's script can dispatch pointer, click and key events of its own on its window. Only
  // the reader's own input may open a popover (and move focus into it), so a hostile page cannot
  // drive our UI: events made by script (`isTrusted` false) are ignored.
  const isTrusted = options.isTrusted ?? ((event: Event) => event.isTrusted);
  let lastX = 0;
  let lastY = 0;
  let frame = 0;
  let modifierHeld = false;
  let hovered: PageMatch | undefined;
  /** The hovered term's popover has been opened by the pointer (not again until it is left). */
  let openedHovered = false;
  let intentTimer: ReturnType<typeof setTimeout> | undefined;
  let leaveTimer: ReturnType<typeof setTimeout> | undefined;
  let overUi = false;
  /** The pointer has left this window (into the browser's UI, or out of this frame). */
  let outside = false;

  const clearTimers = () => {
    clearTimeout(intentTimer);
    intentTimer = undefined;
  };

  const openHovered = () => {
    clearTimers();
    if (!hovered || openedHovered) return;
    openedHovered = true;
    options.onOpen(hovered, 'hover');
  };

  /** Starts opening the hovered term, as the trigger says. */
  const considerOpening = () => {
    if (!hovered || openedHovered || intentTimer !== undefined) return;
    const { trigger, hoverDelayMs } = settings();
    if (trigger === 'hover') intentTimer = setTimeout(openHovered, hoverDelayMs);
    else if (trigger === 'modifier' && modifierHeld) openHovered();
  };

  const onFrame = () => {
    frame = 0;
    const match = overUi ? hovered : outside ? undefined : hitTest(lastX, lastY);
    if (overUi || match) {
      clearTimeout(leaveTimer);
      leaveTimer = undefined;
    }
    if (match !== hovered) {
      hovered = match;
      openedHovered = false;
      clearTimers();
      options.onHover?.(match);
      if (!match && leaveTimer === undefined) {
        leaveTimer = setTimeout(() => {
          leaveTimer = undefined;
          options.onLeave();
        }, LEAVE_GRACE_MS);
      }
    }
    if (!overUi) considerOpening();
  };

  view.addEventListener(
    'pointermove',
    (event) => {
      // Touch has no hover; a tap arrives as a click.
      if (event.pointerType === 'touch' || !isTrusted(event)) return;
      lastX = event.clientX;
      lastY = event.clientY;
      modifierHeld = event.shiftKey;
      overUi = isOwnUi(event.target);
      outside = false;
      if (!frame) frame = view.requestAnimationFrame(onFrame);
    },
    { passive: true, signal },
  );

  // No move comes after the pointer leaves the window, so without this a hover-opened popover in
  // a frame would stay open once the pointer moved on to the page around the frame.
  view.addEventListener(
    'pointerout',
    (event) => {
      if (event.relatedTarget !== null || event.pointerType === 'touch') return;
      outside = true;
      overUi = false;
      if (!frame) frame = view.requestAnimationFrame(onFrame);
    },
    { passive: true, signal },
  );

  // The modifier pressed while the pointer already rests on a term opens it without a move.
  view.addEventListener(
    'keydown',
    (event) => {
      if (event.key !== 'Shift' || !isTrusted(event)) return;
      modifierHeld = true;
      if (!overUi) considerOpening();
    },
    { capture: true, passive: true, signal },
  );
  view.addEventListener(
    'keyup',
    (event) => {
      if (event.key === 'Shift' && isTrusted(event)) modifierHeld = false;
    },
    { capture: true, passive: true, signal },
  );

  view.addEventListener(
    'click',
    (event) => {
      if (isOwnUi(event.target) || !isTrusted(event)) return;
      const match = hitTest(event.clientX, event.clientY);
      if (!match) return;
      clearTimers();
      if (match !== hovered) options.onHover?.(match);
      hovered = match;
      openedHovered = true;
      options.onOpen(match, 'click');
    },
    { capture: true, passive: true, signal },
  );

  view.addEventListener(
    'pointerdown',
    (event) => {
      if (isOwnUi(event.target) || !isTrusted(event)) return;
      if (!hitTest(event.clientX, event.clientY)) options.onOutsidePress();
    },
    { capture: true, passive: true, signal },
  );

  signal.addEventListener('abort', () => {
    clearTimers();
    clearTimeout(leaveTimer);
    if (frame) view.cancelAnimationFrame(frame);
    if (hovered) options.onHover?.(undefined);
  });
}
