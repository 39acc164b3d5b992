/**
 * Hover-to-paint timing (issue 5's benchmark): the content script marks the moment it decides to
 * open a popover (hover intent fired, click, keyboard), and the popover measures from there to the
 * first frame painted with it in place. Both ends are on the page's performance timeline, like
 * `credit-lens:scan`, so a harness reads them from outside without reaching into the shadow root.
 */

/** Marked when PageLens decides to open a popover; `detail` is {@link PopoverOpenDetail}. */
export const POPOVER_REQUESTED_MARK = 'credit-lens:popover-requested';
/** From the request to the first paint of the positioned popover. */
export const POPOVER_OPEN_MEASURE = 'credit-lens:popover-open';

export interface PopoverOpenDetail {
  openedBy: 'hover' | 'click' | 'keyboard';
  /** The first popover on this page: it includes creating the shadow root and React root. */
  first: boolean;
}

export function markPopoverRequested(detail: PopoverOpenDetail): void {
  performance.mark(POPOVER_REQUESTED_MARK, { detail });
}

/** What the open measure's `detail` adds: where the time went, in ms from the request. */
export interface PopoverPaintDetail extends PopoverOpenDetail {
  /** Rendered and placed (our work: mounting, React, Floating UI). */
  positionedMs: number;
  /** The frame that shows it began (the rest of the wait is the browser's frame rhythm). */
  frameMs: number;
}

/**
 * Records {@link POPOVER_OPEN_MEASURE} once the frame now being prepared has been painted: the
 * animation-frame callback runs just before that frame's paint, and a message posted from it is
 * delivered as the next task, after the paint. Does nothing without a pending request mark.
 */
export function measurePopoverPainted(): void {
  const positionedAt = performance.now();
  requestAnimationFrame(() => {
    const frameAt = performance.now();
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      const requested = performance.getEntriesByName(POPOVER_REQUESTED_MARK, 'mark').at(-1);
      if (!requested) return;
      performance.clearMarks(POPOVER_REQUESTED_MARK);
      const start = requested.startTime;
      const detail: PopoverPaintDetail = {
        ...((requested as PerformanceMark).detail as PopoverOpenDetail),
        positionedMs: positionedAt - start,
        frameMs: frameAt - start,
      };
      performance.measure(POPOVER_OPEN_MEASURE, { start, end: performance.now(), detail });
    };
    channel.port2.postMessage(null);
  });
}
