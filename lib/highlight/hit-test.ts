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

/** The text position under a viewport point, in either browser's API. */
function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  if (typeof doc.caretPositionFromPoint === 'function') {
    const position = doc.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  // Chromium before 128 only has the older, non-standard API.
  const range = (
    doc as { caretRangeFromPoint?: (x: number, y: number) => Range | null }
  ).caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
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
 * margin or past the end of a line.
 */
export function matchAtPoint(
  doc: Document,
  registry: MatchRegistry,
  x: number,
  y: number,
): PageMatch | undefined {
  const caret = caretAt(doc, x, y);
  if (!caret || caret.node.nodeType !== Node.TEXT_NODE) return undefined;
  const match = registry.matchAt(caret.node as Text, caret.offset);
  return match && rangeContainsPoint(match.range, x, y) ? match : undefined;
}
