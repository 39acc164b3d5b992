import { toLiveRange } from './hit-test';

/**
 * Whether a marked term is genuinely visible, checked before its popover opens (clickjacking
 * guard).
 *
 * A hostile page can make our term invisible — near-zero opacity on the body or an ancestor,
 * `filter: opacity()`, transparent text, `visibility: hidden`, text shrunk to a few pixels — or
 * cover it with a transparent element, so that the reader, pointing at what they think is
 * something else, gets our popover (with its Save button) under the pointer. The popover opens
 * only over a term the reader can actually see:
 *
 * - the product of the opacities of the text's element and all its ancestors (across shadow
 *   roots), each with any `filter: opacity()`, times the alpha of the text colour, is at least
 *   `MIN_OPACITY`;
 * - the text's element is `visibility: visible`;
 * - its boxes are not tiny (`MIN_TEXT_PX` high);
 * - at the centre of at least one of its boxes inside the viewport, the topmost element (our own
 *   UI aside) is the text's own element or one inside the term, not something laid over it.
 *
 * Decided: an overlay with `pointer-events: none` does not count as a cover. Hit-testing skips
 * it (so it cannot be detected without walking every element of the page), and it cannot take
 * a click either: the reader's click reaches the term itself. Only a visual disguise remains,
 * and the popover, in the top layer, is not under it.
 *
 * Not detectable here: a page embedded as an iframe that its (cross-origin) parent makes
 * transparent or covers. Nothing inside a frame can read its embedder's styles. Chromium's
 * IntersectionObserver v2 (`trackVisibility`) could tell; Firefox has no equivalent.
 *
 * The style and geometry queries are passed in (`VisibilityProbe`), so the rules can be tested
 * without a layout engine; `domProbe` is the real one.
 */

/** Below this much effective opacity a term counts as invisible. */
export const MIN_OPACITY = 0.5;
/** Text boxes lower than this (CSS px) are too small to be something the reader meant to point at. */
export const MIN_TEXT_PX = 4;

export type Concealment = 'transparent' | 'hidden' | 'tiny' | 'covered';

/** The computed style properties the guard reads. */
export interface StyleFacts {
  opacity: string;
  filter: string;
  visibility: string;
  color: string;
}

export interface VisibilityProbe {
  style(element: Element): StyleFacts;
  /** The boxes of a range, in viewport coordinates. */
  rects(range: AbstractRange): readonly DOMRectReadOnly[];
  /** Elements at a viewport point in a document or shadow root, topmost first. */
  elementsAt(root: DocumentOrShadowRoot, x: number, y: number): readonly Element[];
  viewport(): { width: number; height: number };
  /** Whether a node lies inside the range (or contains it). */
  touches(range: AbstractRange, node: Node): boolean;
}

/** The real thing: computed styles and hit-testing of the document the range is in. */
export function domProbe(win: Window = window): VisibilityProbe {
  return {
    style: (element) => win.getComputedStyle(element),
    rects: (range) => [...toLiveRange(range).getClientRects()],
    elementsAt: (root, x, y) => root.elementsFromPoint(x, y),
    viewport: () => ({ width: win.innerWidth, height: win.innerHeight }),
    touches: (range, node) => toLiveRange(range).intersectsNode(node),
  };
}

/** The element a node belongs to, stepping out of a shadow root to its host. */
function parentOf(node: Node): Element | null {
  if (node.parentElement) return node.parentElement;
  const root = node.parentNode;
  return root && 'host' in root ? (root as ShadowRoot).host : null;
}

/** Product of every `opacity(…)` in a computed `filter` (e.g. `blur(1px) opacity(0.2)`). */
export function filterOpacity(filter: string): number {
  let product = 1;
  for (const [, number, percent] of filter.matchAll(/opacity\(\s*([\d.]+)(%?)\s*\)/g)) {
    const value = Number(number) / (percent ? 100 : 1);
    if (Number.isFinite(value)) product *= Math.min(1, value);
  }
  return product;
}

/** The alpha of a computed colour: `rgba(0, 0, 0, 0.5)`, `rgb(0 0 0 / 50%)`, or 1. */
export function colorAlpha(color: string): number {
  const inside = /\(([^)]*)\)/.exec(color)?.[1];
  if (!inside) return color.trim() === 'transparent' ? 0 : 1;
  const parts = inside.includes('/') ? [inside.split('/')[1]!] : inside.split(',').slice(3);
  const alpha = parts[0]?.trim();
  if (!alpha) return 1;
  const value = alpha.endsWith('%') ? Number(alpha.slice(0, -1)) / 100 : Number(alpha);
  return Number.isFinite(value) ? value : 1;
}

/** How much of the text's ink reaches the screen, from its element up to the root. */
export function effectiveOpacity(element: Element, probe: VisibilityProbe): number {
  let product = colorAlpha(probe.style(element).color);
  for (let at: Element | null = element; at && product > 0; at = parentOf(at)) {
    const style = probe.style(at);
    const opacity = Number.parseFloat(style.opacity);
    product *= (Number.isFinite(opacity) ? opacity : 1) * filterOpacity(style.filter);
  }
  return product;
}

/**
 * Why the term in `range` is not genuinely visible, or null if it is. `isOwnUi` tells our own
 * elements (the popover's host), which may lie over the term without hiding it from the reader.
 */
export function termConcealment(
  range: AbstractRange,
  isOwnUi: (element: Element) => boolean,
  probe: VisibilityProbe = domProbe(),
): Concealment | null {
  const text = range.startContainer;
  const element = text instanceof Element ? text : parentOf(text);
  if (!element) return 'hidden';
  if (probe.style(element).visibility !== 'visible') return 'hidden';
  if (effectiveOpacity(element, probe) < MIN_OPACITY) return 'transparent';

  const rects = probe.rects(range).filter((rect) => rect.width > 0 && rect.height > 0);
  if (rects.length === 0) return 'hidden';
  if (rects.every((rect) => rect.height < MIN_TEXT_PX)) return 'tiny';

  // Hit-test in the text's own tree: a document's hit-test stops at an open shadow root's host.
  const root = text.getRootNode() as Node & DocumentOrShadowRoot;
  const { width, height } = probe.viewport();
  let tested = false;
  for (const rect of rects) {
    const x = rect.left + rect.width / 2;
    const y = rect.top + rect.height / 2;
    if (x < 0 || y < 0 || x >= width || y >= height) continue;
    tested = true;
    const top = probe.elementsAt(root, x, y).find((hit) => !isOwnUi(hit));
    if (top && probe.touches(range, top)) return null;
  }
  // No box in view (clipped or scrolled away) means nothing the reader is looking at.
  return tested ? 'covered' : 'hidden';
}
