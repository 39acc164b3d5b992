/**
 * Part 2 of the benchmark: every page of the page set, in one browser, three ways.
 *
 * 1. With the built extension: the `credit-lens:scan` measures (wall and busy time, slices, the
 *    longest slice), the ranges it marked, and the start-up measure.
 * 2. Chromium only, a second load with a trace: the extension's longest main-thread task (see
 *    `trace-attribution.ts`). A separate load, because the sampling profiler slows the page down
 *    and the first load's times must stay clean.
 * 3. Without the extension: mark.js with the same alias list (see `markjs-keywords.ts`), timed
 *    from the call to its `done` callback, and its matches.
 *
 * Recall compares the two term by term: the texts each one marked, folded the same way.
 */
import type { LaunchedBrowser } from '../../e2e/support/browsers';
import { launchBrowser, type BrowserName } from '../../e2e/support/browsers';
import { glossaryEntries } from '../../e2e/support/glossary';
import { gotoLoaded, delay } from '../../e2e/support/page-helpers';
import type { BenchPage } from './page-set';
import { loadScanned, scanTotals } from './extension-scan';
import type { BenchGlobals, MarkJsOutcome } from './in-page/api';

// Page-side code reaches the helpers through the global (it cannot call functions of this module).
type WithBench = { creditLensBench?: BenchGlobals };
import { foldForComparison, MARKJS_REJECT, markJsPasses } from './markjs-keywords';

export interface OursOnPage {
  scans: number;
  /** Sum of the scans' measure durations (start to end, yields to the page included). */
  wallMs: number;
  /** Sum of the scans' own work (`busyMs`). */
  busyMs: number;
  slices: number;
  longestSliceMs: number;
  startupMs: number | null;
  textNodes: number;
  chars: number;
  ranges: number;
  /** Longest task of ours: Chromium from a traced load, Firefox from our own clocks. */
  longestTaskMs?: number;
  /** The same without the task that injected the content script (start-up): the scans' tasks. */
  longestScanTaskMs?: number;
  /** Chromium: the task that injected the content script (light trace), wall and CPU time. */
  injectionTaskMs?: number;
  injectionTaskCpuMs?: number;
}

export interface PageResult {
  page: string;
  source: BenchPage['source'];
  bytes: number;
  ours: OursOnPage;
  markjs: (Omit<MarkJsOutcome, 'visibleTexts'> & { estimatedMs: number }) | null;
  /** Matches mark.js shows that we also mark (same folded text), and the differences. */
  recall: { common: number; markjsOnly: number; oursOnly: number } | null;
}

export interface BrowserPagesResult {
  browser: BrowserName;
  version: string;
  /** How the longest extension task was found. */
  longestTaskMethod: string;
  /** Keywords mark.js searched for (the matcher's patterns, grouped; see `markjs-keywords.ts`). */
  markjsKeywords: number;
  pages: PageResult[];
}

export interface BrowserPagesOptions {
  markjs?: boolean;
  /** Wall-clock limit of one mark.js run; longer runs are stopped and extrapolated. */
  markjsBudgetMs?: number;
  progress?: (line: string) => void;
}

/** Folded text → count, for comparing two lists of marked texts. */
function tally(texts: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts) {
    const key = foldForComparison(text);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

function compare(ours: readonly string[], theirs: readonly string[]) {
  const a = tally(ours);
  const b = tally(theirs);
  let common = 0;
  for (const [text, count] of b) common += Math.min(count, a.get(text) ?? 0);
  return { common, markjsOnly: theirs.length - common, oursOnly: ours.length - common };
}

export async function measureBrowserPages(
  name: BrowserName,
  pages: readonly BenchPage[],
  markJsCode: string,
  { markjs = true, markjsBudgetMs = 30_000, progress = () => {} }: BrowserPagesOptions = {},
): Promise<BrowserPagesResult> {
  const ours = new Map<string, { figures: OursOnPage; texts: string[] }>();
  const withExtension = await launchBrowser(name);
  let version = '';
  try {
    version = await withExtension.browser.version();
    await warmUp(withExtension, pages[pages.length - 1]!.url);
    for (const [i, benchPage] of pages.entries()) {
      // Chromium: a light trace times the injection task without slowing the page much.
      const { page, scan } = await loadScanned(withExtension, benchPage.url, { trace: 'light' });
      const texts = await page.evaluate(() =>
        [...(CSS.highlights.get('credit-lens-term') ?? [])].map((r) => {
          const range = new Range();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          return range.toString();
        }),
      );
      await page.close();
      const totals = scanTotals(scan);
      const startupMs = scan.startup?.ms ?? null;
      const figures: OursOnPage = { ...totals, startupMs, ranges: scan.ranges };
      if (scan.trace) {
        figures.injectionTaskMs = scan.trace.injectionTaskMs;
        figures.injectionTaskCpuMs = scan.trace.injectionTaskCpuMs;
      }
      // Firefox has neither Long Tasks nor LoAF: our own clocks say how long we held the thread.
      if (name === 'firefox') {
        figures.longestTaskMs = Math.max(totals.longestSliceMs, startupMs ?? 0);
        figures.longestScanTaskMs = totals.longestSliceMs;
      }
      ours.set(benchPage.id, { figures, texts });
      progress(
        `${name} ${i + 1}/${pages.length} ${benchPage.id}: ${totals.wallMs.toFixed(1)} ms, ` +
          `${scan.ranges} ranges`,
      );
    }
    if (name === 'chromium') {
      for (const [i, benchPage] of pages.entries()) {
        const { page, scan } = await loadScanned(withExtension, benchPage.url, {
          trace: 'profile',
        });
        await page.close();
        const figures = ours.get(benchPage.id)!.figures;
        // The injection task from the light trace (the profiler inflates it), the rest from this.
        figures.longestScanTaskMs = scan.trace?.longestOtherMs ?? 0;
        figures.longestTaskMs = Math.max(figures.injectionTaskMs ?? 0, figures.longestScanTaskMs);
        progress(
          `${name} traced ${i + 1}/${pages.length} ${benchPage.id}: longest task ` +
            `${figures.longestTaskMs.toFixed(1)} ms`,
        );
      }
    }
  } finally {
    await withExtension.close();
  }

  const baseline = new Map<string, MarkJsOutcome & { estimatedMs: number }>();
  if (markjs) {
    const plain = await launchBrowser(name, { extension: false });
    try {
      const passes = markJsPasses(glossaryEntries);
      for (const [i, benchPage] of pages.entries()) {
        const outcome = await runMarkJs(plain, benchPage.url, markJsCode, passes, markjsBudgetMs);
        baseline.set(benchPage.id, outcome);
        progress(
          `${name} mark.js ${i + 1}/${pages.length} ${benchPage.id}: ` +
            (outcome.complete
              ? `${outcome.ms.toFixed(1)} ms`
              : `stopped after ${outcome.ms.toFixed(0)} ms, est. ${outcome.estimatedMs.toFixed(0)} ms`) +
            `, ${outcome.matches} matches`,
        );
      }
    } finally {
      await plain.close();
    }
  }

  return {
    browser: name,
    version,
    longestTaskMethod:
      name === 'chromium'
        ? 'trace: the injection task (light trace), other top-level tasks with a content-script ' +
          'frame in a profiler sample (profiled trace)'
        : 'instrumented: longest scan slice or the start-up measure, main() only: module ' +
          'evaluation is not visible from inside (no Long Tasks or LoAF in Firefox)',
    markjsKeywords: markJsPasses(glossaryEntries).reduce((n, pass) => n + pass.keywords.length, 0),
    pages: pages.map((benchPage) => {
      const mine = ours.get(benchPage.id)!;
      const theirs = baseline.get(benchPage.id);
      return {
        page: benchPage.id,
        source: benchPage.source,
        bytes: benchPage.bytes,
        ours: mine.figures,
        markjs: theirs
          ? {
              ms: theirs.ms,
              estimatedMs: theirs.estimatedMs,
              complete: theirs.complete,
              keywordsDone: theirs.keywordsDone,
              elements: theirs.elements,
              matches: theirs.matches,
              visibleMatches: theirs.visibleMatches,
            }
          : null,
        recall: theirs ? compare(mine.texts, theirs.visibleTexts) : null,
      };
    }),
  };
}

/** The first page a fresh browser loads pays for cold caches; that is not what is measured. */
async function warmUp(launched: LaunchedBrowser, url: string): Promise<void> {
  const { page } = await loadScanned(launched, url, { quietMs: 200 });
  await page.close();
}

/**
 * mark.js on one page: started in the page, then polled, because a run can take minutes. A run
 * past `budgetMs` is stopped; its time is then extrapolated from the keywords it got through
 * (every keyword costs mark.js one walk and one search of the whole page).
 */
async function runMarkJs(
  launched: LaunchedBrowser,
  url: string,
  code: string,
  passes: ReturnType<typeof markJsPasses>,
  budgetMs: number,
): Promise<MarkJsOutcome & { estimatedMs: number }> {
  const page = await launched.newPage();
  try {
    await gotoLoaded(page, url, { timeout: 60_000 });
    // Let the page settle as it would before a highlighter that waits for the load runs.
    await delay(300);
    await page.evaluate(code);
    await page.evaluate(
      (passes, reject) => {
        (globalThis as WithBench).creditLensBench!.startMarkJs!(passes, reject);
      },
      passes,
      MARKJS_REJECT,
    );
    const started = Date.now();
    for (;;) {
      await delay(200);
      const progress = await page.evaluate(() =>
        (globalThis as WithBench).creditLensBench!.markJsProgress!(),
      );
      if (progress.done) break;
      if (Date.now() - started > budgetMs) {
        await page.evaluate(() => (globalThis as WithBench).creditLensBench!.stopMarkJs!());
      }
    }
    const outcome = await page.evaluate(() =>
      (globalThis as WithBench).creditLensBench!.markJsOutcome!(),
    );
    const keywords = passes.reduce((n, pass) => n + pass.keywords.length, 0);
    const estimatedMs = outcome.complete
      ? outcome.ms
      : (outcome.ms * keywords) / Math.max(1, outcome.keywordsDone);
    return { ...outcome, estimatedMs };
  } finally {
    await page.close();
  }
}
