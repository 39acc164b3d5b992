/**
 * Which frame the content script runs in, and when a sub-frame is worth scanning.
 *
 * The content script runs in every frame (each document has its own `CSS.highlights`, so each is
 * marked by its own script, and shows its own popover). The top frame speaks for the tab: the
 * popup's and the background's requests go to frame 0 only (`sendToTab`), and only the top frame
 * reports the toolbar badge's count. Terms inside frames are marked and open their popover, but
 * are not in the badge's count or the popup's list of the page's terms.
 */

/**
 * Below this width or height (CSS pixels) a frame cannot show a readable word: tracking pixels,
 * hidden ad slots, frames kept for messaging. Such a frame is not scanned until it grows.
 */
export const MIN_SCANNED_FRAME_PX = 8;

export function isTopFrame(view: Window = window): boolean {
  return view === view.top;
}

/**
 * Whether a frame's viewport is large enough to scan. A frame inside `display: none` (or with
 * no size at all) has a 0×0 viewport.
 */
export function isFrameShown(view: Window): boolean {
  return view.innerWidth >= MIN_SCANNED_FRAME_PX && view.innerHeight >= MIN_SCANNED_FRAME_PX;
}

/**
 * Resolves true once the frame's viewport is large enough to scan (at once if it is already),
 * or false if `signal` aborts first. A frame that is shown or resized later gets a `resize`
 * event, so nothing polls meanwhile.
 */
export function whenFrameShown(view: Window, signal: AbortSignal): Promise<boolean> {
  if (isFrameShown(view)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const stop = new AbortController();
    const done = (shown: boolean) => {
      stop.abort();
      resolve(shown);
    };
    signal.addEventListener('abort', () => done(false), { signal: stop.signal });
    view.addEventListener(
      'resize',
      () => {
        if (isFrameShown(view)) done(true);
      },
      { passive: true, signal: stop.signal },
    );
  });
}

/**
 * Where a document's site rules come from. An `about:srcdoc` or `about:blank` frame has no host
 * of its own but takes its origin from the page that made it, so it follows that site's switch.
 */
export function siteLocation(
  location: Location,
  origin: string,
): Pick<Location, 'host' | 'origin' | 'protocol'> {
  if (location.protocol !== 'about:' || origin === 'null') return location;
  return new URL(origin);
}
