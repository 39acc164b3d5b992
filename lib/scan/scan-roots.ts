import type { TermMatcher } from '../match';
import type { MatchRegistry, PageMatch } from '../highlight/match-registry';
import { inlineRuns, type InlineRun, type ScanRoot } from './inline-runs';
import { FlowCache } from './layout';
import { nodesBetween, pointAt } from './run-ranges';
import { SliceClock } from './time-slices';

/** What one scan did; recorded as the `detail` of the `credit-lens:scan` measure. */
export interface ScanStats {
  kind: 'full' | 'incremental';
  roots: number;
  /** Open shadow roots of web components found under the roots and scanned with them. */
  shadowRoots: number;
  textNodes: number;
  chars: number;
  matches: number;
  /** Milliseconds of our own work, not counting time handed back to the page between slices. */
  busyMs: number;
  slices: number;
  /** The longest uninterrupted stretch of our work (one slice), in milliseconds. */
  longestSliceMs: number;
}

export interface ScanOptions {
  matcher: TermMatcher;
  registry: MatchRegistry;
  signal?: AbortSignal;
  kind?: ScanStats['kind'];
  /** Runs whose container is near this viewport height are matched before the rest. */
  viewportHeight?: number;
  /** Told of each open shadow root found (and scanned), e.g. to watch it for changes. */
  onShadowRoot?: (shadow: ShadowRoot) => void;
}

/**
 * Finds glossary terms in the inline runs under `roots`, and in the open shadow trees of the web
 * components inside them, and adds them to the registry, in time slices of a few milliseconds,
 * matching on-screen runs first. Resolves with the statistics (also recorded as a
 * `credit-lens:scan` performance measure), or null if cancelled.
 */
export async function scanRoots(
  roots: readonly ScanRoot[],
  { matcher, registry, signal, kind = 'full', viewportHeight, onShadowRoot }: ScanOptions,
): Promise<ScanStats | null> {
  const started = performance.now();
  const clock = new SliceClock();
  const flow = new FlowCache();
  const isOnScreen = onScreenTest(viewportHeight);
  const later: InlineRun[] = [];
  let pending: PageMatch[] = [];
  let textNodes = 0;
  let chars = 0;
  let matches = 0;

  const matchRun = (run: InlineRun) => {
    textNodes += run.nodes.length;
    chars += run.text.length;
    for (const found of matcher.find(run.text)) {
      const start = pointAt(run, found.start, 'start');
      const end = pointAt(run, found.end, 'end');
      pending.push({
        entryId: found.entryId,
        range: new StaticRange({
          startContainer: start.node,
          startOffset: start.offset,
          endContainer: end.node,
          endOffset: end.offset,
        }),
        nodes: nodesBetween(run, start, end),
      });
    }
  };
  // Matches are committed at the end of each slice, so the page shows them progressively.
  const endSlice = async (): Promise<boolean> => {
    matches += pending.length;
    registry.add(pending);
    pending = [];
    return clock.next(signal);
  };

  // Shadow roots found on the way join the queue, so nested components are reached too.
  const queue: ScanRoot[] = [...roots];
  const found = (shadow: ShadowRoot) => {
    queue.push(shadow);
    onShadowRoot?.(shadow);
  };
  for (let i = 0; i < queue.length; i++) {
    for (const run of inlineRuns(queue[i]!, flow, found)) {
      if (isOnScreen(run.container)) matchRun(run);
      else later.push(run);
      if (clock.expired && !(await endSlice())) return null;
    }
  }
  for (const run of later) {
    // A run left for later may have lost nodes to the page in the meantime.
    if (run.nodes.every((node) => node.isConnected)) matchRun(run);
    if (clock.expired && !(await endSlice())) return null;
  }
  matches += pending.length;
  registry.add(pending);

  const stats: ScanStats = {
    kind,
    roots: roots.length,
    shadowRoots: queue.length - roots.length,
    textNodes,
    chars,
    matches,
    ...clock.totals(),
  };
  performance.measure('credit-lens:scan', {
    start: started,
    end: performance.now(),
    detail: stats,
  });
  return stats;
}

/** Whether a container is within one screen of the viewport; answers are cached per container. */
function onScreenTest(viewportHeight: number | undefined): (el: Element) => boolean {
  if (viewportHeight === undefined) return () => true;
  const seen = new Map<Element, boolean>();
  return (el) => {
    let near = seen.get(el);
    if (near === undefined) {
      const rect = el.getBoundingClientRect();
      near = rect.bottom >= -viewportHeight && rect.top <= 2 * viewportHeight;
      seen.set(el, near);
    }
    return near;
  };
}
