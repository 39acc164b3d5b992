import type { InlineRun } from './inline-runs';

/** A position inside one of the run's text nodes. */
export interface RunPoint {
  node: Text;
  offset: number;
  /** Index of `node` in `run.nodes`. */
  index: number;
}

/**
 * Maps an offset in `run.text` to a text node and an offset in it. `bias` decides which node a
 * boundary offset belongs to: a match's start belongs to the node that follows the boundary, its
 * end to the node before it, so a range never starts at the very end of a node.
 */
export function pointAt(run: InlineRun, offset: number, bias: 'start' | 'end'): RunPoint {
  const { starts, nodes } = run;
  // Binary search for the last node whose start is before (end) or at (start) the offset.
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const start = starts[mid]!;
    if (start < offset || (bias === 'start' && start === offset)) lo = mid;
    else hi = mid - 1;
  }
  const node = nodes[lo]!;
  return { node, offset: Math.min(offset - starts[lo]!, node.data.length), index: lo };
}

/** The nodes a run's [start, end) covers, for indexing a match under every node it touches. */
export function nodesBetween(run: InlineRun, start: RunPoint, end: RunPoint): Text[] {
  return run.nodes.slice(start.index, end.index + 1);
}
