import type { MatchRegistry, PageMatch } from './match-registry';

/** Slack around a term's boxes, so the pointer on the edge of a glyph still counts. */
const EDGE_PX = 1;

/** A live Range for a StaticRange, for geometry (StaticRange has no getClientRects). */
export function toLiveRange(range: AbstractRange): Range {
  const live = new Range();
  live.setStart(range.startContainer, range.startOffset);
  live.setEnd(range.endContainer, range.endOffset);
  return live;
}

/**
 * The text position under a viewport point, in either browser's API. Inside a shadow tree, the
 * position is only given if its shadow root is passed (else it is retargeted to the host).
 */
function caretAt(
  doc: Document,
  x: number,
  y: number,
  shadowRoots: ShadowRoot[] = [],
): { node: Node; offset: number } | null {
  if (typeof doc.caretPositionFromPoint === 'function') {
    // The `shadowRoots` option: Chromium 128+, Firefox; older versions ignore it.
    const position = doc.caretPositionFromPoint(x, y, { shadowRoots });
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  // Chromium before 128 only has the older, non-standard API.
  const range = (
    doc as { caretRangeFromPoint?: (x: number, y: number) => Range | null }
  ).caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

/**
 * The open shadow roots around the element under a viewport point, outermost first: the element
 * under the point is looked up again inside each, since the document only sees the outer host.
 */
function openShadowRootsAt(doc: Document, x: number, y: number): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  let shadow = doc.elementFromPoint(x, y)?.shadowRoot;
  while (shadow && !roots.includes(shadow)) {
    roots.push(shadow);
    shadow = shadow.elementFromPoint(x, y)?.shadowRoot;
  }
  return roots;
}

/** Whether a viewport point lies inside one of the boxes of a (possibly line-wrapped) range. */
export function rangeContainsPoint(range: AbstractRange, x: number, y: number): boolean {
  for (const rect of toLiveRange(range).getClientRects()) {
    if (
      x >= rect.left - EDGE_PX &&
      x <= rect.right + EDGE_PX &&
      y >= rect.top - EDGE_PX &&
      y <= rect.bottom + EDGE_PX
    ) {
      return true;
    }
  }
  return false;
}

/**
 * The marked term under a viewport point. The caret lookup narrows it to one text node cheaply;
 * the box check then rules out the caret snapping to the nearest text when the pointer is in a
 * margin or past the end of a line. Over a web component, the lookup is made again with its open
 * shadow roots, so terms inside it are found too (only then: it costs another hit test).
 */
export function matchAtPoint(
  doc: Document,
  registry: MatchRegistry,
  x: number,
  y: number,
): PageMatch | undefined {
  const light = matchOfCaret(registry, caretAt(doc, x, y), x, y);
  if (light) return light;
  const shadowRoots = openShadowRootsAt(doc, x, y);
  if (shadowRoots.length === 0) return undefined;
  return matchOfCaret(registry, caretAt(doc, x, y, shadowRoots), x, y);
}

function matchOfCaret(
  registry: MatchRegistry,
  caret: { node: Node; offset: number } | null,
  x: number,
  y: number,
): PageMatch | undefined {
  if (!caret || caret.node.nodeType !== Node.TEXT_NODE) return undefined;
  const match = registry.matchAt(caret.node as Text, caret.offset);
  return match && rangeContainsPoint(match.range, x, y) ? match : undefined;
}
