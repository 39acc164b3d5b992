/**
 * happy-dom has no CSS Custom Highlight API and no StaticRange. These stand-ins implement just
 * the surface our code uses, so the scanner's logic can be tested in Node; the real APIs are
 * exercised by the end-to-end tests in Chromium and Firefox.
 */

class StaticRangeStandIn {
  readonly startContainer: Node;
  readonly startOffset: number;
  readonly endContainer: Node;
  readonly endOffset: number;
  readonly collapsed: boolean;

  constructor(init: StaticRangeInit) {
    this.startContainer = init.startContainer;
    this.startOffset = init.startOffset;
    this.endContainer = init.endContainer;
    this.endOffset = init.endOffset;
    this.collapsed =
      this.startContainer === this.endContainer && this.startOffset === this.endOffset;
  }
}

class HighlightStandIn extends Set<AbstractRange> {
  priority = 0;
  type = 'highlight';
}

export function installHighlightPolyfills(): void {
  const g = globalThis as Record<string, unknown>;
  g.StaticRange ??= StaticRangeStandIn;
  g.Highlight ??= HighlightStandIn;
  const css = (g.CSS ??= {}) as { highlights?: Map<string, unknown> };
  css.highlights ??= new Map();
}

/** The text a range covers, read through a live Range. */
export function rangeText(range: AbstractRange): string {
  const live = document.createRange();
  live.setStart(range.startContainer, range.startOffset);
  live.setEnd(range.endContainer, range.endOffset);
  return live.toString();
}
