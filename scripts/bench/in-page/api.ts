/**
 * What the in-page helpers (this folder, bundled by `in-page-bundles.ts` and run in the page's own
 * world, never the extension's) expose on `globalThis.creditLensBench`, typed for both sides.
 */
import type { Paragraph } from '../generated-pages';

export interface TimelinePoint {
  /** `performance.now()` in the animation-frame callback: the frame that shows this state. */
  t: number;
  /** Ranges in the `credit-lens-term` highlight. */
  size: number;
}

export interface VisibleMarks {
  /** Ranges inside the viewport as it is now. */
  inViewport: number;
  /** 1 + the insertion index of the last of them: the highlight held them all at this size. */
  sizeWhenAllShown: number;
}

export interface TaskGap {
  start: number;
  end: number;
}

export interface MarkJsPass {
  label: string;
  keywords: string[];
  accuracy: 'exactly' | 'partially';
  caseSensitive: boolean;
}

export interface MarkJsProgress {
  /** mark.js's own time so far: each call, from the call to its `done` callback, summed. */
  ms: number;
  keywordsDone: number;
  keywords: number;
  done: boolean;
}

export interface MarkJsOutcome {
  /** From each call to its `done` callback, summed over the calls (see `markjs-run.ts`). */
  ms: number;
  /** False when the run was stopped at the time limit: `ms` is then a lower bound. */
  complete: boolean;
  keywordsDone: number;
  /** `<mark>` elements: a match across elements is wrapped in several. */
  elements: number;
  matches: number;
  /** Matches whose first `<mark>` is rendered (not inside hidden content). */
  visibleMatches: number;
  /** The text of each visible match, to compare with ours term by term. */
  visibleTexts: string[];
}

export interface BenchGlobals {
  /** marks-timeline.ts */
  marksTimeline?: TimelinePoint[];
  visibleMarks?: () => VisibleMarks;
  /** task-gaps.ts */
  taskGaps?: TaskGap[];
  stopTaskGaps?: () => void;
  /** scroll-feed.ts: resolves with the time each burst was appended. */
  feed?: (bursts: Paragraph[][], intervalMs: number) => Promise<number[]>;
  /** markjs-run.ts: starts a run (`reject`: text under these elements is never marked). */
  startMarkJs?: (passes: MarkJsPass[], reject: string) => void;
  markJsProgress?: () => MarkJsProgress;
  stopMarkJs?: () => void;
  /** After the run is done or stopped. */
  markJsOutcome?: () => MarkJsOutcome;
}

export const benchGlobals = (): BenchGlobals => {
  const holder = globalThis as { creditLensBench?: BenchGlobals };
  holder.creditLensBench ??= {};
  return holder.creditLensBench;
};
