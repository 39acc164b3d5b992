/** A candidate match, in any offset space. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * Picks non-overlapping spans the way a reader scans: the earliest start wins, and at one start
 * the longest span, so "social credit system" beats "social credit". Spans overlapping a picked
 * one are dropped. Returns the picked spans sorted by start.
 */
export function selectLeftmostLongest<T extends Span>(candidates: readonly T[]): T[] {
  const sorted = [...candidates].sort((a, b) => a.start - b.start || b.end - a.end);
  const picked: T[] = [];
  let reach = -Infinity;
  for (const span of sorted) {
    if (span.start >= reach) {
      picked.push(span);
      reach = span.end;
    }
  }
  return picked;
}
