import { matchAtPoint } from './hit-test';
import type { MatchRegistry, PageMatch } from './match-registry';

/** How long the pointer must rest on a term before its popover opens. */
export const HOVER_INTENT_MS = 300;
/** How long a hover-opened popover stays after the pointer leaves the term and the popover. */
export const LEAVE_GRACE_MS = 350;

export interface TermPointerOptions {
  doc: Document;
  registry: MatchRegistry;
  signal: AbortSignal;
  /** Whether an event target is our own UI (the popover's shadow host). */
  isOwnUi: (target: EventTarget | null) => boolean;
  /** The reader rested on a term (hover) or clicked / tapped one. */
  onOpen: (match: PageMatch, how: 'hover' | 'click') => void;
  /** The pointer has been off the hovered term and off our UI for the grace period. */
  onLeave: () => void;
  /** A pointer press outside our UI and outside any term. */
  onOutsidePress: () => void;
}

/**
 * Watches the pointer for marked terms. One passive `pointermove` listener, hit-tested at most
 * once per animation frame: the page's own handlers are never delayed, and nothing is prevented,
 * so a link that contains a term still follows its href on click.
 */
export function watchTermPointer(options: TermPointerOptions): void {
  const { doc, registry, signal, isOwnUi } = options;
  const view = doc.defaultView!;
  let lastX = 0;
  let lastY = 0;
  let frame = 0;
  let hovered: PageMatch | undefined;
  let intentTimer: ReturnType<typeof setTimeout> | undefined;
  let leaveTimer: ReturnType<typeof setTimeout> | undefined;
  let overUi = false;

  const clearTimers = () => {
    clearTimeout(intentTimer);
    intentTimer = undefined;
  };

  const onFrame = () => {
    frame = 0;
    const match = overUi ? hovered : matchAtPoint(doc, registry, lastX, lastY);
    if (overUi || match) {
      clearTimeout(leaveTimer);
      leaveTimer = undefined;
    }
    if (match === hovered) return;
    hovered = match;
    clearTimers();
    if (match) {
      intentTimer = setTimeout(() => options.onOpen(match, 'hover'), HOVER_INTENT_MS);
    } else if (leaveTimer === undefined) {
      leaveTimer = setTimeout(() => {
        leaveTimer = undefined;
        options.onLeave();
      }, LEAVE_GRACE_MS);
    }
  };

  view.addEventListener(
    'pointermove',
    (event) => {
      // Touch has no hover; a tap arrives as a click.
      if (event.pointerType === 'touch') return;
      lastX = event.clientX;
      lastY = event.clientY;
      overUi = isOwnUi(event.target);
      if (!frame) frame = view.requestAnimationFrame(onFrame);
    },
    { passive: true, signal },
  );

  view.addEventListener(
    'click',
    (event) => {
      if (isOwnUi(event.target)) return;
      const match = matchAtPoint(doc, registry, event.clientX, event.clientY);
      if (!match) return;
      clearTimers();
      hovered = match;
      options.onOpen(match, 'click');
    },
    { capture: true, passive: true, signal },
  );

  view.addEventListener(
    'pointerdown',
    (event) => {
      if (isOwnUi(event.target)) return;
      if (!matchAtPoint(doc, registry, event.clientX, event.clientY)) options.onOutsidePress();
    },
    { capture: true, passive: true, signal },
  );

  signal.addEventListener('abort', () => {
    clearTimers();
    clearTimeout(leaveTimer);
    if (frame) view.cancelAnimationFrame(frame);
  });
}
