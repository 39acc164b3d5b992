/**
 * Part 3 of the benchmark, scale:
 * - a page of 100,000 text nodes: the whole scan, its slices, the longest task, and how soon the
 *   terms on screen are marked (the scanner matches near-viewport text first);
 * - an infinite-scroll page that appends 1,000 paragraphs in 50 bursts, 100 ms apart: how long
 *   each burst waits for its marks, and the longest task meanwhile.
 *
 * "Marked" is what the reader sees: the page's own animation-frame probe (`marks-timeline.ts`)
 * notes the frame in which the highlight reached a size. The scan measures give the same moment
 * from the extension's side, reported alongside.
 */
import type { BrowserName, LaunchedBrowser } from '../../e2e/support/browsers';
import { delay } from '../../e2e/support/page-helpers';
import type { BenchServer } from './bench-server';
import { highlightSize, loadScanned, readScans, scanTotals } from './extension-scan';
import { manyNodesPage, scrollFeed } from './generated-pages';
import type { BenchGlobals, TimelinePoint, VisibleMarks } from './in-page/api';
import type { Page } from 'puppeteer-core';

// Page-side code reaches the helpers through the global (it cannot call functions of this module).
type WithBench = { creditLensBench?: BenchGlobals };

export interface ManyNodesResult {
  textNodes: number;
  chars: number;
  expectedMatches: number;
  ranges: number;
  fullScan: { wallMs: number; busyMs: number; slices: number; longestSliceMs: number };
  /** Every scan of the load (the full one and any rescans). */
  total: { wallMs: number; busyMs: number; slices: number };
  firstVisible: {
    /** Marks in the first screen once the scan is done. */
    inViewport: number;
    /** From the start of the full scan to the frame that showed the last of them. */
    fromScanStartMs: number | null;
    /** From the content script's start (`credit-lens:startup`). */
    fromScriptStartMs: number | null;
    /** From navigation start. */
    fromNavigationMs: number | null;
  };
  longestTaskMs: number;
  /** Without the start-up (injection) task: the scan's own longest task. */
  longestScanTaskMs: number;
  longestTaskMethod: string;
}

export async function measureManyNodes(
  launched: LaunchedBrowser,
  server: BenchServer,
): Promise<ManyNodesResult> {
  const generated = manyNodesPage(100_000);
  const url = server.addPage(generated);
  const options = { timeoutMs: 300_000, quietMs: 1_000 };
  const { page, scan } = await loadScanned(launched, url, { ...options, trace: 'light' });
  const timeline = await page.evaluate(
    () => (globalThis as WithBench).creditLensBench!.marksTimeline ?? [],
  );
  const visible = await page.evaluate(() =>
    (globalThis as WithBench).creditLensBench!.visibleMarks!(),
  );
  await page.close();

  const full = scan.scans.find((s) => s.kind === 'full')!;
  const totals = scanTotals(scan);
  const shownAt = firstFrameWith(timeline, visible);
  let longestTaskMs = Math.max(full.longestSliceMs, scan.startup?.ms ?? 0);
  let longestScanTaskMs = full.longestSliceMs;
  let longestTaskMethod = 'instrumented: longest scan slice or the start-up measure';
  if (launched.name === 'chromium') {
    const traced = await loadScanned(launched, url, { ...options, trace: 'profile' });
    await traced.page.close();
    longestScanTaskMs = traced.scan.trace?.longestOtherMs ?? 0;
    longestTaskMs = Math.max(scan.trace?.injectionTaskMs ?? 0, longestScanTaskMs);
    longestTaskMethod = 'trace (profiler samples in top-level tasks)';
  }
  return {
    textNodes: full.textNodes,
    chars: full.chars,
    expectedMatches: generated.expectedMatches,
    ranges: scan.ranges,
    fullScan: {
      wallMs: full.wallMs,
      busyMs: full.busyMs,
      slices: full.slices,
      longestSliceMs: full.longestSliceMs,
    },
    total: { wallMs: totals.wallMs, busyMs: totals.busyMs, slices: totals.slices },
    firstVisible: {
      inViewport: visible.inViewport,
      fromScanStartMs: shownAt === null ? null : shownAt - full.start,
      fromScriptStartMs: shownAt === null || !scan.startup ? null : shownAt - scan.startup.start,
      fromNavigationMs: shownAt,
    },
    longestTaskMs,
    longestScanTaskMs,
    longestTaskMethod,
  };
}

/** The time of the first frame whose highlight held every on-screen mark. */
function firstFrameWith(timeline: readonly TimelinePoint[], visible: VisibleMarks): number | null {
  if (visible.inViewport === 0) return null;
  return timeline.find((point) => point.size >= visible.sizeWhenAllShown)?.t ?? null;
}

export interface ScrollFeedResult {
  bursts: number;
  paragraphsPerBurst: number;
  intervalMs: number;
  expectedMatches: number;
  /** Marks added by the feed (should equal `expectedMatches`). */
  markedMatches: number;
  /** Append → the frame showing the burst's marks. */
  latencyMs: { max: number; p95: number; median: number; unmarked: number };
  /** The same, burst by burst (null: never marked). */
  perBurstMs: (number | null)[];
  /** Append → end of the scan that marked it (the extension's own measures). */
  scanLatencyMs: { max: number; p95: number; median: number };
  rescans: number;
  longestTaskMs: number;
  /** Chromium: our largest part of a task that was mostly the page's (its appends, with our
   * MutationObserver callback in them). */
  longestSharedPartMs?: number;
  longestTaskMethod: string;
}

const BURSTS = 50;
const PER_BURST = 20;
const INTERVAL_MS = 100;
const FEED_MARK = 'bench:feed-start';

export async function measureScrollFeed(
  launched: LaunchedBrowser,
  server: BenchServer,
): Promise<ScrollFeedResult> {
  const feed = scrollFeed(BURSTS, PER_BURST);
  const url = server.addPage(feed.page);
  const expected = feed.burstMatches.reduce((a, b) => a + b, 0);

  let appendedAt: number[] = [];
  let before = 0;
  let timeline: TimelinePoint[] = [];
  let scans: Awaited<ReturnType<typeof readScans>> = [];
  let markedMatches = 0;
  const drive = async (page: Page) => {
    before = await highlightSize(page);
    await page.evaluate((name) => performance.mark(name), FEED_MARK);
    appendedAt = await page.evaluate(
      (bursts, interval) => (globalThis as WithBench).creditLensBench!.feed!(bursts, interval),
      feed.bursts,
      INTERVAL_MS,
    );
    // Wait for the last burst's marks (the loop-breaker may hold rescans back for a second).
    const deadline = Date.now() + 10_000;
    while ((await highlightSize(page)) < before + expected && Date.now() < deadline) {
      await delay(50);
    }
    await delay(300);
  };
  const { page } = await loadScanned(launched, url, { then: drive });
  markedMatches = (await highlightSize(page)) - before;
  timeline = await page.evaluate(
    () => (globalThis as WithBench).creditLensBench!.marksTimeline ?? [],
  );
  scans = await readScans(page);
  await page.close();

  // When each burst's marks were all on screen: the highlight reached the running total.
  const latencies: number[] = [];
  const perBurstMs: (number | null)[] = [];
  let unmarked = 0;
  let total = before;
  for (const [i, at] of appendedAt.entries()) {
    total += feed.burstMatches[i] ?? 0;
    const shown = timeline.find((point) => point.t >= at && point.size >= total);
    perBurstMs.push(shown ? shown.t - at : null);
    if (shown) latencies.push(shown.t - at);
    else unmarked++;
  }
  // The extension's view: the first rescan that started after the burst went in.
  const rescans = scans.filter((s) => s.kind === 'incremental');
  const scanLatencies = appendedAt.flatMap((at) => {
    const scan = rescans.find((s) => s.start >= at);
    return scan ? [scan.start + scan.wallMs - at] : [];
  });

  let longestTaskMs = Math.max(0, ...rescans.map((s) => s.longestSliceMs));
  let longestTaskMethod = 'instrumented: longest slice of the rescans';
  let longestSharedPartMs: number | undefined;
  if (launched.name === 'chromium') {
    const traced = await loadScanned(launched, url, {
      trace: 'profile',
      then: drive,
      sinceMark: FEED_MARK,
    });
    await traced.page.close();
    longestTaskMs = traced.scan.trace?.longestMs ?? 0;
    longestSharedPartMs = traced.scan.trace?.longestSharedPartMs;
    longestTaskMethod = 'trace (profiler samples in top-level tasks, after the feed starts)';
  }

  return {
    bursts: BURSTS,
    paragraphsPerBurst: PER_BURST,
    intervalMs: INTERVAL_MS,
    expectedMatches: expected,
    markedMatches,
    latencyMs: { ...spread(latencies), unmarked },
    perBurstMs,
    scanLatencyMs: spread(scanLatencies),
    rescans: rescans.length,
    longestTaskMs,
    ...(longestSharedPartMs === undefined ? {} : { longestSharedPartMs }),
    longestTaskMethod,
  };
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))]!;
}

function spread(values: readonly number[]) {
  return {
    max: values.length ? Math.max(...values) : NaN,
    p95: percentile(values, 95),
    median: percentile(values, 50),
  };
}

export interface ScaleResult {
  browser: BrowserName;
  manyNodes: ManyNodesResult;
  scrollFeed: ScrollFeedResult;
}
