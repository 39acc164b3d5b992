/**
 * Loads one page in a browser with the extension and reads what it did from the page's own
 * performance timeline (the extension's observability contract): every `credit-lens:scan`
 * measure with its detail, the `credit-lens:startup` measure, and the ranges in the term
 * highlight. In Chromium the load can also be traced, to find the extension's longest task.
 */
import type { Page } from 'puppeteer-core';
import type { LaunchedBrowser } from '../../e2e/support/browsers';
import { gotoLoaded, waitForScan } from '../../e2e/support/page-helpers';
import { extensionTasks, TRACE_CATEGORIES, type ExtensionTasks } from './trace-attribution';

export interface ScanRecord {
  kind: 'full' | 'incremental';
  start: number;
  wallMs: number;
  busyMs: number;
  slices: number;
  longestSliceMs: number;
  textNodes: number;
  chars: number;
  matches: number;
}

export interface PageScan {
  scans: ScanRecord[];
  /** `credit-lens:startup`: `main()` up to its first await (glossary, matcher, wiring). */
  startup: { start: number; ms: number } | null;
  /** Ranges in the term highlight once the page is quiet. */
  ranges: number;
  /** Chromium, traced loads only. */
  trace?: ExtensionTasks;
}

/** Sums over every scan of a load (the full scan, then any rescans the page's changes caused). */
export function scanTotals(scan: PageScan) {
  const sum = (key: 'wallMs' | 'busyMs' | 'slices' | 'textNodes' | 'chars' | 'matches') =>
    scan.scans.reduce((total, s) => total + s[key], 0);
  return {
    scans: scan.scans.length,
    wallMs: sum('wallMs'),
    busyMs: sum('busyMs'),
    slices: sum('slices'),
    longestSliceMs: Math.max(0, ...scan.scans.map((s) => s.longestSliceMs)),
    textNodes: sum('textNodes'),
    chars: sum('chars'),
    matches: sum('matches'),
  };
}

/** The measures as plain numbers (in Firefox `detail` lives in the content script's compartment). */
export async function readScans(page: Page): Promise<ScanRecord[]> {
  return page.evaluate(() =>
    performance.getEntriesByName('credit-lens:scan').map((entry) => {
      const detail = (entry as PerformanceMeasure).detail ?? {};
      return {
        kind: detail.kind === 'incremental' ? ('incremental' as const) : ('full' as const),
        start: entry.startTime,
        wallMs: entry.duration,
        busyMs: Number(detail.busyMs),
        slices: Number(detail.slices),
        longestSliceMs: Number(detail.longestSliceMs ?? NaN),
        textNodes: Number(detail.textNodes),
        chars: Number(detail.chars),
        matches: Number(detail.matches),
      };
    }),
  );
}

export async function readStartup(page: Page): Promise<PageScan['startup']> {
  return page.evaluate(() => {
    const entry = performance.getEntriesByName('credit-lens:startup')[0];
    return entry ? { start: entry.startTime, ms: entry.duration } : null;
  });
}

export async function highlightSize(page: Page): Promise<number> {
  return page.evaluate(() => CSS.highlights.get('credit-lens-term')?.size ?? 0);
}

export interface LoadOptions {
  /**
   * Chromium only: record a trace of the load and attribute tasks to the extension; `light` times
   * only the injection task, `profile` attributes every task (see `trace-attribution.ts`).
   */
  trace?: false | keyof typeof TRACE_CATEGORIES;
  /**
   * Runs once the page is scanned, before the trace stops (e.g. drives the page); a traced load
   * then counts only tasks after the `performance.mark(sinceMark)` it makes, if it makes one.
   */
  then?: (page: Page) => Promise<void>;
  sinceMark?: string;
  /** How long nothing must change before the page counts as scanned. */
  quietMs?: number;
  timeoutMs?: number;
}

/** Opens `url` in a new tab, waits until the extension has scanned it and gone quiet. */
export async function loadScanned(
  launched: LaunchedBrowser,
  url: string,
  { trace = false, then, sinceMark, quietMs = 500, timeoutMs = 60_000 }: LoadOptions = {},
): Promise<{ page: Page; scan: PageScan }> {
  const page = await launched.newPage();
  page.setDefaultTimeout(timeoutMs);
  const tracing = trace && launched.name === 'chromium';
  if (tracing) await page.tracing.start({ categories: [...TRACE_CATEGORIES[trace]] });
  await gotoLoaded(page, url, { timeout: timeoutMs });
  await waitForScan(page, { timeout: timeoutMs, quietMs });
  await then?.(page);
  let traced: ExtensionTasks | undefined;
  if (tracing) {
    const buffer = await page.tracing.stop();
    traced = extensionTasks(
      new TextDecoder().decode(buffer ?? new Uint8Array()),
      launched.extensionOrigin!,
      sinceMark,
    );
  }
  const scan: PageScan = {
    scans: await readScans(page),
    startup: await readStartup(page),
    ranges: await highlightSize(page),
    ...(traced ? { trace: traced } : {}),
  };
  return { page, scan };
}
