/**
 * Part 5 of the benchmark, what the extension costs a page just by being installed:
 * - the content script's size, raw and gzipped, as the manifest loads it on every page;
 * - its main-thread time at start-up on a page with no glossary term (most pages);
 * - the JS heap it adds on the largest page (Chromium: no comparable API in Firefox).
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserName, LaunchedBrowser } from '../../e2e/support/browsers';
import { launchBrowser } from '../../e2e/support/browsers';
import { delay, gotoLoaded } from '../../e2e/support/page-helpers';
import { repoRoot } from '../../e2e/support/paths';
import type { BenchServer } from './bench-server';
import { loadScanned, scanTotals } from './extension-scan';
import { termFreePage } from './generated-pages';
import type { BenchGlobals, TaskGap } from './in-page/api';
import { median } from './timing';

// Page-side code reaches the helpers through the global (it cannot call functions of this module).
type WithBench = { creditLensBench?: BenchGlobals };

// ---------------------------------------------------------------------------------------------
// Bundle

export interface BundleFile {
  file: string;
  bytes: number;
  gzipBytes: number;
}

export interface BundleResult {
  /** Files the manifest injects into every page (JS and CSS). */
  startup: BundleFile[];
  startupBytes: number;
  startupGzipBytes: number;
}

/** The content scripts the Chromium build's manifest injects, with their sizes. */
export function measureBundle(target: 'chrome-mv3' | 'firefox-mv2' = 'chrome-mv3'): BundleResult {
  const dir = path.join(repoRoot, '.output', target);
  const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as {
    content_scripts?: { js?: string[]; css?: string[] }[];
  };
  const files = [
    ...new Set(
      (manifest.content_scripts ?? []).flatMap((cs) => [...(cs.js ?? []), ...(cs.css ?? [])]),
    ),
  ];
  const startup = files.map((file) => {
    const bytes = readFileSync(path.join(dir, file));
    // Level 9, as a store or server compresses a file it sends many times.
    return {
      file,
      bytes: statSync(path.join(dir, file)).size,
      gzipBytes: gzipSync(bytes, { level: 9 }).length,
    };
  });
  return {
    startup,
    startupBytes: startup.reduce((n, f) => n + f.bytes, 0),
    startupGzipBytes: startup.reduce((n, f) => n + f.gzipBytes, 0),
  };
}

// ---------------------------------------------------------------------------------------------
// Start-up on a page without terms

export interface StartupSample {
  /**
   * The task that injected the content script (compile, module code, `main()` up to its first
   * await): Chromium from a light trace, Firefox from the page-side probe's stall around `main()`.
   */
  injectionTaskMs: number | null;
  /** Chromium: its CPU time (the wall time also counts waiting for a CPU on a busy machine). */
  injectionTaskCpuMs: number | null;
  /** Chromium: of which compiling the script. */
  compileMs: number | null;
  /** `credit-lens:startup`: `main()` up to its first await. */
  mainMs: number | null;
  /** The first scan's own work (walking a page that has nothing to mark). */
  scanBusyMs: number;
  /**
   * All probe stalls from the injection to the end of the scan: an upper bound on main-thread
   * time taken, as it also catches the browser's own tasks in that window.
   */
  probeTotalMs: number | null;
}

export interface StartupResult {
  browser: BrowserName;
  page: string;
  chars: number;
  runs: number;
  /** Medians over the runs. */
  injectionTaskMs: number | null;
  injectionTaskCpuMs: number | null;
  compileMs: number | null;
  mainMs: number | null;
  scanBusyMs: number;
  /** The start-up cost: the injection task plus the first scan's work. */
  totalMs: number | null;
  probeTotalMs: number | null;
  /** Chromium, every task that ran content-script code, from profiled runs (reads high). */
  profiledTotalMs?: number;
}

const STARTUP_RUNS = 7;

async function startupSample(launched: LaunchedBrowser, url: string): Promise<StartupSample> {
  const { page, scan } = await loadScanned(launched, url, { quietMs: 300, trace: 'light' });
  await page.evaluate(() => (globalThis as WithBench).creditLensBench!.stopTaskGaps?.());
  const gaps: TaskGap[] = await page.evaluate(
    () => (globalThis as WithBench).creditLensBench!.taskGaps ?? [],
  );
  await page.close();
  const totals = scanTotals(scan);
  const startup = scan.startup;
  if (!startup) {
    return {
      injectionTaskMs: scan.trace?.injectionTaskMs ?? null,
      injectionTaskCpuMs: scan.trace?.injectionTaskCpuMs ?? null,
      compileMs: scan.trace?.compileMs ?? null,
      mainMs: null,
      scanBusyMs: totals.busyMs,
      probeTotalMs: null,
    };
  }
  const injection = gaps.find((gap) => gap.start <= startup.start && startup.start <= gap.end);
  const lastScan = scan.scans.at(-1);
  const end = lastScan ? lastScan.start + lastScan.wallMs : startup.start + startup.ms;
  const from = injection?.start ?? startup.start;
  const during = gaps.filter((gap) => gap.end > from && gap.start < end + 1);
  const probed = injection ? injection.end - injection.start : null;
  return {
    injectionTaskMs: scan.trace ? scan.trace.injectionTaskMs : probed,
    injectionTaskCpuMs: scan.trace?.injectionTaskCpuMs ?? null,
    compileMs: scan.trace?.compileMs ?? null,
    mainMs: startup.ms,
    scanBusyMs: totals.busyMs,
    probeTotalMs: during.length ? during.reduce((n, gap) => n + gap.end - gap.start, 0) : null,
  };
}

const medianOrNull = (values: (number | null)[]) => {
  const known = values.filter((v): v is number => v !== null);
  return known.length ? median(known) : null;
};

export async function measureStartup(
  launched: LaunchedBrowser,
  server: BenchServer,
): Promise<StartupResult> {
  const generated = termFreePage();
  const url = server.addPage(generated);
  await startupSample(launched, url); // warm-up: the first load pays for cold caches
  const samples: StartupSample[] = [];
  for (let i = 0; i < STARTUP_RUNS; i++) samples.push(await startupSample(launched, url));
  const result: StartupResult = {
    browser: launched.name,
    page: `generated/${generated.name}`,
    chars: generated.chars,
    runs: samples.length,
    injectionTaskMs: medianOrNull(samples.map((s) => s.injectionTaskMs)),
    injectionTaskCpuMs: medianOrNull(samples.map((s) => s.injectionTaskCpuMs)),
    compileMs: medianOrNull(samples.map((s) => s.compileMs)),
    mainMs: medianOrNull(samples.map((s) => s.mainMs)),
    scanBusyMs: median(samples.map((s) => s.scanBusyMs)),
    totalMs: medianOrNull(
      samples.map((s) => (s.injectionTaskMs === null ? null : s.injectionTaskMs + s.scanBusyMs)),
    ),
    probeTotalMs: medianOrNull(samples.map((s) => s.probeTotalMs)),
  };
  if (launched.name === 'chromium') {
    const totals: number[] = [];
    for (let i = 0; i < STARTUP_RUNS; i++) {
      const { page, scan } = await loadScanned(launched, url, { trace: 'profile', quietMs: 300 });
      await page.close();
      if (scan.trace) totals.push(scan.trace.totalMs);
    }
    result.profiledTotalMs = median(totals);
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Heap

export interface HeapResult {
  page: string;
  runs: number;
  /** JSHeapUsedSize after two forced GCs, median over runs, bytes. */
  withoutExtension: number;
  withExtension: number;
  addedBytes: number;
  /**
   * Array-buffer backing stores and external strings (`Runtime.getHeapUsage`), which the JS heap
   * figure leaves out: typed-array tables live there.
   */
  addedBackingBytes: number;
}

const HEAP_RUNS = 3;

/** JS heap in use by the page's renderer after garbage collection (Chromium, over CDP). */
async function heapAfterGc(
  launched: LaunchedBrowser,
  url: string,
  scanned: boolean,
): Promise<{ js: number; backing: number }> {
  let page;
  if (scanned) ({ page } = await loadScanned(launched, url, { quietMs: 500, timeoutMs: 120_000 }));
  else {
    page = await launched.newPage();
    await gotoLoaded(page, url, { timeout: 120_000 });
    await delay(1_500);
  }
  const session = await page.createCDPSession();
  await session.send('HeapProfiler.enable');
  await session.send('HeapProfiler.collectGarbage');
  await session.send('HeapProfiler.collectGarbage');
  await session.send('Performance.enable');
  const { metrics } = await session.send('Performance.getMetrics');
  const usage = await session.send('Runtime.getHeapUsage');
  await session.detach();
  await page.close();
  return {
    js: metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN,
    backing: usage.backingStorageSize,
  };
}

export async function measureHeap(pageId: string, url: string): Promise<HeapResult> {
  const sizes: Record<'with' | 'without', { js: number; backing: number }[]> = {
    with: [],
    without: [],
  };
  for (const extension of [false, true]) {
    const launched = await launchBrowser('chromium', { extension });
    try {
      for (let i = 0; i < HEAP_RUNS; i++) {
        sizes[extension ? 'with' : 'without'].push(await heapAfterGc(launched, url, extension));
      }
    } finally {
      await launched.close();
    }
  }
  const withoutExtension = median(sizes.without.map((s) => s.js));
  const withExtension = median(sizes.with.map((s) => s.js));
  return {
    page: pageId,
    runs: HEAP_RUNS,
    withoutExtension,
    withExtension,
    addedBytes: withExtension - withoutExtension,
    addedBackingBytes:
      median(sizes.with.map((s) => s.backing)) - median(sizes.without.map((s) => s.backing)),
  };
}
