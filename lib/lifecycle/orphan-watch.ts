import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/** How often a visible page checks whether its extension is still there. */
export const ORPHAN_CHECK_MS = 2_000;

/**
 * Notices that the extension was reloaded, updated or removed while this content script runs,
 * so that everything it started is stopped (`ctx.onInvalidated`) and no stale marks or popover
 * stay on the page.
 *
 * Why this is needed: Chromium tells an orphaned content script nothing. Its `runtime.id` just
 * becomes undefined, and WXT's context only notices when something reads `ctx.isInvalid` or when
 * a newer copy of the script starts in the same document, which Chromium (MV3) never does for
 * tabs that are already open. So the script asks: when the tab comes back into view or gets
 * focus, and every `ORPHAN_CHECK_MS` (a property read; browsers throttle timers of hidden tabs
 * further, which is fine: nothing stale can be seen there).
 */
export function watchForOrphaning(ctx: ContentScriptContext, intervalMs = ORPHAN_CHECK_MS): void {
  // Reading `isInvalid` runs the `onInvalidated` callbacks once `runtime.id` is gone.
  const check = () => void ctx.isInvalid;
  // WXT's interval reads `isValid` before each call and is cleared when the context ends.
  ctx.setInterval(check, intervalMs);
  ctx.addEventListener(document, 'visibilitychange', check);
  ctx.addEventListener(window, 'focus', check);
}

/**
 * Runs each clean-up that removes an extension-API listener. In an orphaned Chromium content
 * script, removing a listener throws "Extension context invalidated": the listener is dead with
 * its context already, so that error is expected and dropped. Any other error is rethrown after
 * every clean-up has run.
 */
export function stopListening(stops: readonly (() => void)[]): void {
  let unexpected: unknown;
  for (const stop of stops) {
    try {
      stop();
    } catch (error) {
      if (!isContextInvalidated(error)) unexpected ??= error;
    }
  }
  if (unexpected !== undefined) throw unexpected;
}

function isContextInvalidated(error: unknown): boolean {
  return error instanceof Error && /context invalidated/i.test(error.message);
}
