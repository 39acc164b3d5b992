/**
 * Turns the browser figures into the summary issue 5 asks for (sums, medians, ratios, recall),
 * checks them against its targets, and prints readable tables. No measuring happens here.
 */
import type { BrowserName } from '../../e2e/support/browsers';
import type { BrowserPagesResult } from './browser-pages';
import type { BundleResult, HeapResult, StartupResult } from './footprint';
import type { HoverResult } from './hover';
import type { ScaleResult } from './scale';
import { median } from './timing';

export interface PagesSummary {
  browser: BrowserName;
  pages: number;
  /** Median over pages of the page's total scan time (all its scans, wall clock). */
  medianScanMs: number;
  medianBusyMs: number;
  sumScanMs: number;
  sumBusyMs: number;
  /** The page with the most text scanned. */
  largest: { page: string; chars: number; scanMs: number; busyMs: number };
  slowest: { page: string; scanMs: number };
  longestTask: { page: string; ms: number; method: string };
  /** The same without the start-up (injection) task. */
  longestScanTask: { page: string; ms: number };
  markjs: {
    /** Sum of mark.js times, runs stopped at the time limit counted by extrapolation. */
    sumMs: number;
    /** Pages where mark.js was stopped (their time is extrapolated, their recall not compared). */
    stopped: number;
    /** mark.js time over ours: busy time (work) and wall time (with yields). */
    ratioBusy: number;
    ratioWall: number;
    matches: number;
    visibleMatches: number;
  } | null;
  recall: {
    ours: number;
    markjsVisible: number;
    common: number;
    /** Share of mark.js's visible matches that we mark too. */
    ofMarkjs: number;
    oursOnly: number;
    markjsOnly: number;
  } | null;
}

export function summarisePages(result: BrowserPagesResult): PagesSummary {
  const pages = result.pages;
  const by = (pick: (p: (typeof pages)[number]) => number) =>
    pages.reduce((best, p) => (pick(p) > pick(best) ? p : best), pages[0]!);
  const largest = by((p) => p.ours.chars);
  const slowest = by((p) => p.ours.wallMs);
  const longest = by((p) => p.ours.longestTaskMs ?? 0);
  const longestScan = by((p) => p.ours.longestScanTaskMs ?? 0);
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const sumScanMs = sum(pages.map((p) => p.ours.wallMs));
  const sumBusyMs = sum(pages.map((p) => p.ours.busyMs));
  const withMarkJs = pages.filter((p) => p.markjs && p.recall);
  const markjsSum = sum(withMarkJs.map((p) => p.markjs!.estimatedMs));
  // Recall only where mark.js got through every keyword.
  const compared = withMarkJs.filter((p) => p.markjs!.complete);
  const common = sum(compared.map((p) => p.recall!.common));
  const markjsVisible = sum(compared.map((p) => p.markjs!.visibleMatches));
  return {
    browser: result.browser,
    pages: pages.length,
    medianScanMs: median(pages.map((p) => p.ours.wallMs)),
    medianBusyMs: median(pages.map((p) => p.ours.busyMs)),
    sumScanMs,
    sumBusyMs,
    largest: {
      page: largest.page,
      chars: largest.ours.chars,
      scanMs: largest.ours.wallMs,
      busyMs: largest.ours.busyMs,
    },
    slowest: { page: slowest.page, scanMs: slowest.ours.wallMs },
    longestTask: {
      page: longest.page,
      ms: longest.ours.longestTaskMs ?? 0,
      method: result.longestTaskMethod,
    },
    longestScanTask: { page: longestScan.page, ms: longestScan.ours.longestScanTaskMs ?? 0 },
    markjs: withMarkJs.length
      ? {
          sumMs: markjsSum,
          stopped: withMarkJs.length - compared.length,
          ratioBusy: markjsSum / sumBusyMs,
          ratioWall: markjsSum / sumScanMs,
          matches: sum(withMarkJs.map((p) => p.markjs!.matches)),
          visibleMatches: markjsVisible,
        }
      : null,
    recall: compared.length
      ? {
          ours: sum(compared.map((p) => p.ours.ranges)),
          markjsVisible,
          common,
          ofMarkjs: markjsVisible ? common / markjsVisible : 1,
          oursOnly: sum(compared.map((p) => p.recall!.oursOnly)),
          markjsOnly: sum(compared.map((p) => p.recall!.markjsOnly)),
        }
      : null,
  };
}

export interface Target {
  name: string;
  target: string;
  measured: string;
  met: boolean | null;
}

export interface BrowserFigures {
  pages?: BrowserPagesResult;
  summary?: PagesSummary;
  scale?: ScaleResult;
  hover?: HoverResult;
  startup?: StartupResult;
}

const ms = (x: number | null | undefined, digits = 1) =>
  x === null || x === undefined || Number.isNaN(x) ? '–' : `${x.toFixed(digits)} ms`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

export function checkTargets(
  browsers: Partial<Record<BrowserName, BrowserFigures>>,
  heap: HeapResult | undefined,
): Target[] {
  const targets: Target[] = [];
  const add = (name: string, target: string, measured: string, met: boolean | null) =>
    targets.push({ name, target, measured, met });
  const chromium = browsers.chromium?.summary;
  if (chromium?.markjs && chromium.recall) {
    add(
      'Chromium: faster than mark.js over the pages (sum of times)',
      '≥ 20×',
      `${chromium.markjs.ratioBusy.toFixed(1)}× (busy), ${chromium.markjs.ratioWall.toFixed(1)}× (wall)`,
      chromium.markjs.ratioBusy >= 20,
    );
    add(
      'Chromium: recall, mark.js matches we mark too',
      'same or better',
      `${chromium.recall.common}/${chromium.recall.markjsVisible} (ours ${chromium.recall.ours})`,
      chromium.recall.markjsOnly === 0,
    );
  }
  for (const [name, figures] of Object.entries(browsers) as [BrowserName, BrowserFigures][]) {
    const s = figures.summary;
    if (s) {
      add(`${name}: median page scan`, '≤ 20 ms', ms(s.medianScanMs), s.medianScanMs <= 20);
      add(
        `${name}: largest page (${s.largest.page}), total scan`,
        '≤ 150 ms',
        ms(s.largest.scanMs),
        s.largest.scanMs <= 150,
      );
      add(
        `${name}: longest extension task on any page`,
        '≤ 50 ms',
        `${ms(s.longestTask.ms)} (${s.longestTask.page}); without start-up ` +
          `${ms(s.longestScanTask.ms)} (${s.longestScanTask.page})`,
        s.longestTask.ms <= 50,
      );
    }
    const scale = figures.scale;
    if (scale) {
      const first = scale.manyNodes.firstVisible.fromScanStartMs;
      add(
        `${name}: 100,000-node page, first visible terms marked (from scan start)`,
        '≤ 100 ms',
        `${ms(first)} (${ms(scale.manyNodes.firstVisible.fromScriptStartMs)} from script start)`,
        first === null ? null : first <= 100,
      );
      add(
        `${name}: 100,000-node page, longest extension task`,
        '≤ 50 ms',
        `${ms(scale.manyNodes.longestTaskMs)}; without start-up ${ms(scale.manyNodes.longestScanTaskMs)}`,
        scale.manyNodes.longestTaskMs <= 50,
      );
      const feed = scale.scrollFeed;
      add(
        `${name}: infinite scroll, append to marked (max; p95)`,
        '≤ 200 ms',
        `${ms(feed.latencyMs.max)}; ${ms(feed.latencyMs.p95)}`,
        feed.latencyMs.max <= 200 && feed.latencyMs.unmarked === 0,
      );
      add(
        `${name}: infinite scroll, longest extension task`,
        '≤ 50 ms',
        ms(feed.longestTaskMs),
        feed.longestTaskMs <= 50,
      );
    }
    const startup = figures.startup;
    if (startup) {
      add(
        `${name}: start-up main-thread time, page without terms (injection task + first scan)`,
        '≤ 10 ms',
        `${ms(startup.totalMs)} (${ms(startup.injectionTaskMs)} + ${ms(startup.scanBusyMs)})`,
        startup.totalMs === null ? null : startup.totalMs <= 10,
      );
    }
    const hover = figures.hover;
    if (hover) {
      add(
        `${name}: hover intent to popover painted (median: first; later)`,
        '≤ 16 ms',
        `${ms(hover.firstOpenMs.median)}; ${ms(hover.laterOpenMs.median)}`,
        hover.firstOpenMs.median <= 16 && hover.laterOpenMs.median <= 16,
      );
    }
  }
  if (heap) {
    const added = heap.addedBytes + Math.max(0, heap.addedBackingBytes);
    add(
      `chromium: JS heap added on ${heap.page} (heap + array buffers)`,
      '≤ 5 MB',
      `${mb(added)} (${mb(heap.addedBytes)} + ${mb(heap.addedBackingBytes)})`,
      added <= 5 * 1024 * 1024,
    );
  }
  return targets;
}

// ---------------------------------------------------------------------------------------------
// Tables

export function table(head: string[], rows: string[][], leftColumns = 1): string[] {
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => (c < leftColumns ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
      .join(' | ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)];
}

export function formatPages(result: BrowserPagesResult): string[] {
  const rows = result.pages.map((p) => [
    p.page,
    p.ours.chars.toLocaleString('en'),
    ms(p.ours.wallMs),
    ms(p.ours.busyMs),
    String(p.ours.slices),
    ms(p.ours.longestSliceMs),
    ms(p.ours.longestTaskMs),
    ms(p.ours.longestScanTaskMs),
    String(p.ours.ranges),
    p.markjs
      ? p.markjs.complete
        ? ms(p.markjs.ms)
        : `≈ ${ms(p.markjs.estimatedMs, 0)} (stopped)`
      : '–',
    p.markjs ? `${p.markjs.visibleMatches}/${p.markjs.matches}` : '–',
    p.recall ? String(p.recall.common) : '–',
  ]);
  return [
    `${result.browser} ${result.version}: every page (longest task: ${result.longestTaskMethod})`,
    ...table(
      [
        'page',
        'chars',
        'scan',
        'busy',
        'slices',
        'longest slice',
        'longest task',
        'without start-up',
        'ranges',
        'mark.js',
        'mark.js visible/all',
        'both',
      ],
      rows,
    ),
  ];
}

export function formatSummaries(summaries: PagesSummary[]): string[] {
  const rows = summaries.map((s) => [
    s.browser,
    String(s.pages),
    ms(s.medianScanMs),
    ms(s.sumScanMs, 0),
    ms(s.sumBusyMs, 0),
    `${s.largest.page} ${ms(s.largest.scanMs)}`,
    `${ms(s.longestTask.ms)} (${s.longestTask.page})`,
    `${ms(s.longestScanTask.ms)} (${s.longestScanTask.page})`,
    s.markjs
      ? `${ms(s.markjs.sumMs, 0)}${s.markjs.stopped ? ` (${s.markjs.stopped} est.)` : ''}`
      : '–',
    s.markjs ? `${s.markjs.ratioBusy.toFixed(1)}× / ${s.markjs.ratioWall.toFixed(1)}×` : '–',
    s.recall ? `${s.recall.common}/${s.recall.markjsVisible}; ours ${s.recall.ours}` : '–',
  ]);
  return table(
    [
      'browser',
      'pages',
      'median scan',
      'sum scan',
      'sum busy',
      'most text',
      'longest task',
      'without start-up',
      'mark.js sum',
      'mark.js ÷ ours (busy/wall)',
      'recall: both/mark.js; ours',
    ],
    rows,
  );
}

export function formatScale(results: ScaleResult[]): string[] {
  const many = results.map(({ browser, manyNodes: m }) => [
    browser,
    m.textNodes.toLocaleString('en'),
    `${m.ranges}/${m.expectedMatches}`,
    ms(m.fullScan.wallMs, 0),
    ms(m.fullScan.busyMs, 0),
    String(m.fullScan.slices),
    ms(m.fullScan.longestSliceMs),
    ms(m.longestTaskMs),
    ms(m.longestScanTaskMs),
    `${ms(m.firstVisible.fromScanStartMs)} / ${ms(m.firstVisible.fromScriptStartMs)} (${m.firstVisible.inViewport} marks)`,
  ]);
  const feed = results.map(({ browser, scrollFeed: f }) => [
    browser,
    `${f.bursts}×${f.paragraphsPerBurst} / ${f.intervalMs} ms`,
    `${f.markedMatches}/${f.expectedMatches}`,
    String(f.rescans),
    `${ms(f.latencyMs.median)} / ${ms(f.latencyMs.p95)} / ${ms(f.latencyMs.max)}`,
    `${ms(f.scanLatencyMs.median)} / ${ms(f.scanLatencyMs.p95)} / ${ms(f.scanLatencyMs.max)}`,
    ms(f.longestTaskMs),
  ]);
  return [
    '100,000 text nodes',
    ...table(
      [
        'browser',
        'text nodes',
        'ranges/expected',
        'full scan',
        'busy',
        'slices',
        'longest slice',
        'longest task',
        'without start-up',
        'first screen marked: from scan / script start',
      ],
      many,
    ),
    '',
    'Infinite scroll',
    ...table(
      [
        'browser',
        'bursts',
        'marked/expected',
        'rescans',
        'append → marked on screen: median / p95 / max',
        'append → rescan end',
        'longest task',
      ],
      feed,
    ),
  ];
}

export function formatFootprint(
  startups: StartupResult[],
  hovers: HoverResult[],
  bundle: BundleResult | undefined,
  heap: HeapResult | undefined,
): string[] {
  const lines: string[] = [];
  if (startups.length) {
    lines.push(
      `Start-up on a page without terms (${startups[0]!.page}, ${startups[0]!.chars.toLocaleString('en')} chars; medians of ${startups[0]!.runs})`,
      ...table(
        [
          'browser',
          'injection task',
          'its CPU time',
          'of which compile',
          'main() to first await',
          'first scan (busy)',
          'start-up total',
          'probe: all stalls',
          'profiled: all our tasks',
        ],
        startups.map((s) => [
          s.browser,
          ms(s.injectionTaskMs),
          ms(s.injectionTaskCpuMs),
          ms(s.compileMs),
          ms(s.mainMs),
          ms(s.scanBusyMs),
          ms(s.totalMs),
          ms(s.probeTotalMs),
          ms(s.profiledTotalMs),
        ]),
      ),
      '',
    );
  }
  if (hovers.length) {
    lines.push(
      'Hover intent → popover painted (medians)',
      ...table(
        [
          'browser',
          'first open (mounts UI)',
          'later opens',
          'rendered+placed: first / later',
          'frame began: first / later',
          'samples',
        ],
        hovers.map((h) => [
          h.browser,
          ms(h.firstOpenMs.median),
          ms(h.laterOpenMs.median),
          `${ms(h.firstOpenMs.positionedMedian)} / ${ms(h.laterOpenMs.positionedMedian)}`,
          `${ms(h.firstOpenMs.frameMedian)} / ${ms(h.laterOpenMs.frameMedian)}`,
          `${h.firstOpenMs.samples.length} + ${h.laterOpenMs.samples.length}`,
        ]),
      ),
      '',
    );
  }
  if (bundle) {
    lines.push(
      `Content script loaded on every page: ${kb(bundle.startupBytes)} raw, ${kb(bundle.startupGzipBytes)} gzip -9 (${bundle.startup
        .map((f) => `${f.file} ${kb(f.bytes)}/${kb(f.gzipBytes)}`)
        .join(', ')})`,
    );
  }
  if (heap) {
    lines.push(
      `JS heap on ${heap.page} (Chromium, after GC, median of ${heap.runs}): ${mb(heap.withoutExtension)} without, ${mb(heap.withExtension)} with the extension: +${mb(heap.addedBytes)}, and +${mb(heap.addedBackingBytes)} of array-buffer backing stores`,
    );
  }
  return lines;
}

export function formatTargets(targets: Target[]): string[] {
  return table(
    ['target', 'goal', 'measured', 'met'],
    targets.map((t) => [t.name, t.target, t.measured, t.met === null ? '?' : t.met ? 'yes' : 'NO']),
    3,
  );
}
