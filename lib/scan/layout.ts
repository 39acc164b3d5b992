/**
 * How an element takes part in inline text flow, read from computed style once per element and
 * scan (styles can change between scans, so the cache is not kept longer).
 *
 * - `inline`: its text continues the surrounding line (`<em>`, `<a>`, `display: contents`).
 * - `block`: a boundary; text before and after it belongs to different runs.
 * - `hidden`: not rendered; skipped, and also a boundary.
 */
export type FlowKind = 'inline' | 'block' | 'hidden';

// '' is what DOM implementations without a layout engine (happy-dom) report for phrasing
// elements; browsers always report a keyword.
const INLINE_DISPLAYS = new Set(['inline', 'contents', 'ruby', 'ruby-base', 'ruby-text', '']);

export class FlowCache {
  readonly #kinds = new WeakMap<Element, FlowKind>();
  readonly #invisible = new WeakMap<Element, boolean>();

  kind(el: Element): FlowKind {
    let kind = this.#kinds.get(el);
    if (kind === undefined) {
      kind = this.#compute(el);
      this.#kinds.set(el, kind);
    }
    return kind;
  }

  /** `visibility: hidden` text is not shown but its children may be, so it is judged per text node. */
  isInvisible(el: Element): boolean {
    let hidden = this.#invisible.get(el);
    if (hidden === undefined) {
      const style = getComputedStyle(el);
      hidden = style.visibility === 'hidden' || style.visibility === 'collapse';
      this.#invisible.set(el, hidden);
    }
    return hidden;
  }

  /** The nearest ancestor (or self) that is not inline: the container an inline run lives in. */
  blockContainer(el: Element): Element {
    let current: Element = el;
    while (this.kind(current) === 'inline' && current.parentElement) {
      current = current.parentElement;
    }
    return current;
  }

  #compute(el: Element): FlowKind {
    if (el.localName === 'br') return 'block';
    if (el.hasAttribute('hidden')) return 'hidden';
    const style = getComputedStyle(el);
    if (style.display === 'none') return 'hidden';
    return INLINE_DISPLAYS.has(style.display) ? 'inline' : 'block';
  }
}
