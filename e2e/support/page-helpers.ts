import type { Browser, Frame, JSHandle, Page } from 'puppeteer-core';

/** A page, or one of its frames (each frame's document has its own highlights and scans). */
export type PageOrFrame = Page | Frame;

/*
 * Helpers that read what the extension did to a page, from the page's main world only.
 *
 * Everything here relies on the extension's observability contract (see the architecture notes):
 * highlights live in `CSS.highlights` under names starting with `credit-lens` (the registry is
 * shared between a content script's world and the page's), and each scan records a
 * `performance.measure('credit-lens:scan', { detail })`.
 *
 * The functions passed to `page.evaluate` are serialised and run in the page, so they must not
 * call anything from this module. They also avoid named inner functions: tsx (used by
 * scripts/start.ts) wraps those in a `__name()` helper that does not exist in the page.
 */

/** The highlight holding every marked term (the open term may also be in `credit-lens-active`). */
export const termHighlight = 'credit-lens-term';

export interface ScanDetail {
  textNodes: number;
  chars: number;
  matches: number;
}

export interface ScanMeasure {
  startTime: number;
  duration: number;
  detail: ScanDetail;
}

/** All `credit-lens:scan` measures recorded in the page so far, oldest first. */
export async function scanMeasures(page: PageOrFrame): Promise<ScanMeasure[]> {
  return page.evaluate(() =>
    performance.getEntriesByName('credit-lens:scan').map((entry) => ({
      startTime: entry.startTime,
      duration: entry.duration,
      // Copy the fields: in Firefox `detail` was made in the content script's compartment.
      detail: {
        textNodes: Number((entry as PerformanceMeasure).detail?.textNodes),
        chars: Number((entry as PerformanceMeasure).detail?.chars),
        matches: Number((entry as PerformanceMeasure).detail?.matches),
      },
    })),
  );
}

/** Number of ranges in every `credit-lens*` highlight, as one comparable string. */
async function highlightSizes(page: PageOrFrame): Promise<string> {
  return page.evaluate(() =>
    [...CSS.highlights.entries()]
      .filter(([name]) => name.startsWith('credit-lens'))
      .map(([name, highlight]) => `${name}:${highlight.size}`)
      .sort()
      .join(','),
  );
}

export interface WaitForScanOptions {
  /** How long to wait for the first scan. */
  timeout?: number;
  /** The scan is done when no new measure and no highlight change happened for this long. */
  quietMs?: number;
}

/**
 * Waits until the content script has scanned the page and gone quiet, and returns its measures.
 *
 * A scan works in slices (viewport first, then the rest) and may record several measures, so the
 * first measure alone does not mean the page is fully marked: wait for a quiet period as well.
 */
export async function waitForScan(
  page: PageOrFrame,
  { timeout = 15_000, quietMs = 300 }: WaitForScanOptions = {},
): Promise<ScanMeasure[]> {
  const started = Date.now();
  let lastState = '';
  let lastChange = Date.now();
  for (;;) {
    const measures = await scanMeasures(page);
    const state = `${measures.length}|${await highlightSizes(page)}`;
    if (state !== lastState) {
      lastState = state;
      lastChange = Date.now();
    } else if (measures.length > 0 && Date.now() - lastChange >= quietMs) {
      return measures;
    }
    if (measures.length === 0 && Date.now() - started > timeout) {
      throw new Error(
        `No 'credit-lens:scan' measure on ${page.url()} after ${timeout} ms: ` +
          'is the content script injected, and does it record its scans?',
      );
    }
    await delay(50);
  }
}

/**
 * A comparator of Ranges made in the page, for `sort`: document order, or, for ranges in
 * different trees (a shadow root and the document cannot be compared), the order they are drawn.
 */
async function rangeOrder(page: PageOrFrame): Promise<JSHandle<(a: Range, b: Range) => number>> {
  return page.evaluateHandle(() => (a: Range, b: Range) => {
    if (a.startContainer.getRootNode() === b.startContainer.getRootNode()) {
      return a.compareBoundaryPoints(Range.START_TO_START, b);
    }
    const boxA = a.getBoundingClientRect();
    const boxB = b.getBoundingClientRect();
    return boxA.top - boxB.top || boxA.left - boxB.left;
  });
}

/**
 * The marked ranges of a highlight in document order (a Highlight is a set in insertion order,
 * and the scanner marks the viewport first): each one's text, with whitespace runs collapsed as
 * the page renders them, and whether it touches an element matching `selector`.
 */
async function readMarks(
  page: PageOrFrame,
  highlightName: string,
  selector: string,
): Promise<{ text: string; inside: boolean }[]> {
  const inOrder = await rangeOrder(page);
  try {
    return await page.evaluate(
      (name, selector, inOrder) => {
        const elements = selector ? [...document.querySelectorAll(selector)] : [];
        return [...(CSS.highlights.get(name) ?? [])]
          .map((staticRange) => {
            const range = new Range();
            range.setStart(staticRange.startContainer, staticRange.startOffset);
            range.setEnd(staticRange.endContainer, staticRange.endOffset);
            return range;
          })
          .sort(inOrder)
          .map((range) => ({
            // A line break in the HTML source renders as a space; compare what a reader sees.
            text: range.toString().replace(/\s+/g, ' '),
            inside: elements.some((element) => range.intersectsNode(element)),
          }));
      },
      highlightName,
      selector,
      inOrder,
    );
  } finally {
    await inOrder.dispose();
  }
}

/** The texts of all marked terms, in document order. */
export async function markedTexts(
  page: PageOrFrame,
  highlightName = termHighlight,
): Promise<string[]> {
  return (await readMarks(page, highlightName, '')).map((mark) => mark.text);
}

/** Texts of marked terms that touch any element matching `selector` (should usually be none). */
export async function marksInside(page: Page, selector: string): Promise<string[]> {
  return (await readMarks(page, termHighlight, selector))
    .filter((mark) => mark.inside)
    .map((mark) => mark.text);
}

/**
 * A text serialisation of the page's DOM: element names, attributes (sorted), text and comments,
 * one node per line and indented by depth, so two snapshots compare as strings and a difference
 * points at a line. Open shadow roots are serialised too, each after the document, under a line
 * naming its host. Our own `<credit-lens-ui>` host is left out; tests check it separately.
 */
export async function domSnapshot(page: PageOrFrame): Promise<string> {
  return page.evaluate(() => {
    const lines: string[] = [];
    // The document, then each open shadow root met on the way (an explicit work list instead of
    // recursion: no named helper function, see the note above).
    const trees: { root: Node; label: string }[] = [{ root: document.documentElement, label: '' }];
    for (let t = 0; t < trees.length; t++) {
      const { root, label } = trees[t]!;
      const top = root === document.documentElement ? document : root;
      if (label) lines.push(label);
      const walker = document.createTreeWalker(
        root,
        NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT | NodeFilter.SHOW_COMMENT,
      );
      for (let node: Node | null = walker.currentNode; node; node = walker.nextNode()) {
        if (node === root && root !== document.documentElement) continue;
        // nodeType, not instanceof: a page may adopt nodes made in another frame (another realm).
        const element = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : null;
        if ((element ?? node.parentElement)?.closest('credit-lens-ui')) continue;
        let depth = 0;
        for (let up = node.parentNode; up && up !== top; up = up.parentNode) depth += 1;
        const indent = '  '.repeat(depth);
        if (element) {
          const attributes = [...element.attributes]
            .map((attribute) => `${attribute.name}=${JSON.stringify(attribute.value)}`)
            .sort();
          lines.push(`${indent}<${[element.localName, ...attributes].join(' ')}>`);
          if (element.shadowRoot) {
            trees.push({
              root: element.shadowRoot,
              label: `#shadow-root ${trees.length} of <${element.localName}> (line ${lines.length})`,
            });
          }
        } else {
          const kind = node.nodeType === Node.TEXT_NODE ? '#text' : '#comment';
          lines.push(`${indent}${kind} ${JSON.stringify(node.nodeValue)}`);
        }
      }
    }
    return lines.join('\n');
  });
}

/** Where `<credit-lens-ui>` hosts are: fine is none, or one as the last element of `<body>`. */
export async function uiHosts(page: PageOrFrame): Promise<{ count: number; lastInBody: boolean }> {
  return page.evaluate(() => {
    const hosts = document.querySelectorAll('credit-lens-ui');
    return {
      count: hosts.length,
      lastInBody: hosts.length === 1 && document.body.lastElementChild === hosts[0],
    };
  });
}

/** The first line where two snapshots differ, with a little context; undefined when equal. */
export function firstDifference(expected: string, actual: string): string | undefined {
  if (expected === actual) return undefined;
  const a = expected.split('\n');
  const b = actual.split('\n');
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  return [
    `first difference at line ${i + 1}:`,
    `  before: ${a[i] ?? '(end of document)'}`,
    `  after:  ${b[i] ?? '(end of document)'}`,
  ].join('\n');
}

export interface Point {
  x: number;
  y: number;
}

/**
 * The centre of the first client rect of the `nth` marked range whose text is `text`, scrolled
 * into view first. Throws if there is no such mark, so a test says what it could not find.
 */
export async function termPoint(page: PageOrFrame, text: string, nth = 0): Promise<Point> {
  const inOrder = await rangeOrder(page);
  const point = await page.evaluate(
    (name, text, nth, inOrder) => {
      const range = [...(CSS.highlights.get(name) ?? [])]
        .map((staticRange) => {
          const live = new Range();
          live.setStart(staticRange.startContainer, staticRange.startOffset);
          live.setEnd(staticRange.endContainer, staticRange.endOffset);
          return live;
        })
        .filter((live) => live.toString().replace(/\s+/g, ' ') === text)
        .sort(inOrder)[nth];
      if (!range) return undefined;
      const rect = range.getClientRects()[0];
      if (!rect || rect.top < 0 || rect.bottom > window.innerHeight) {
        range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      }
      const box = range.getClientRects()[0];
      return box && { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    },
    termHighlight,
    text,
    nth,
    inOrder,
  );
  await inOrder.dispose();
  if (!point) throw new Error(`No marked term "${text}" (#${nth + 1}) on ${page.url()}`);
  return point;
}

/** Moves the mouse onto a marked term (in small steps, as a hand would) and leaves it there. */
export async function hover(page: Page, text: string, nth = 0): Promise<Point> {
  const point = await termPoint(page, text, nth);
  await page.mouse.move(point.x, point.y, { steps: 4 });
  return point;
}

/** An uncaught error or `console.error` in a page, with where it came from when known. */
export interface PageProblem {
  kind: 'pageerror' | 'console';
  message: string;
  /** Stack or source location; errors thrown by our content script point into the extension. */
  source: string;
}

/**
 * Collects a page's uncaught errors and console errors from now on. Both browsers report errors
 * of content scripts here too, mostly with `chrome-extension://…` or `moz-extension://…`
 * locations (Firefox gives none for an unhandled promise rejection).
 */
export function watchProblems(page: Page): PageProblem[] {
  const problems: PageProblem[] = [];
  page.on('pageerror', (error) => {
    const message = error instanceof Error ? error.message : String(error);
    const source = error instanceof Error ? (error.stack ?? '') : '';
    problems.push({ kind: 'pageerror', message, source });
  });
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    problems.push({
      kind: 'console',
      message: message.text(),
      source: message.location().url ?? '',
    });
  });
  return problems;
}

/** Whether a problem points into the files at `origin` (e.g. the extension's origin). */
export function comesFrom(problem: PageProblem, origin: string): boolean {
  return problem.source.includes(origin) || problem.message.includes(origin);
}

/**
 * `page.goto(url)` until the `load` (or DOMContentLoaded) event, tolerating one Firefox quirk:
 * over WebDriver BiDi, Firefox 153 fails the navigation ("Address rejected") when an iframe of the
 * page ends on a network error page, which saved pages with ad frames do offline. The error comes
 * early and the page goes on loading, so then wait (up to `timeout`) until the tab shows `url`,
 * loaded.
 */
export async function gotoLoaded(
  page: Page,
  url: string,
  {
    waitUntil = 'load',
    timeout = 30_000,
  }: { waitUntil?: 'load' | 'domcontentloaded'; timeout?: number } = {},
): Promise<void> {
  try {
    await page.goto(url, { waitUntil, timeout });
    return;
  } catch (error) {
    if (!(error instanceof Error) || !error.message.includes('Address rejected')) throw error;
  }
  const started = Date.now();
  for (;;) {
    const loaded =
      page.url() === url &&
      (await page
        .evaluate((waitUntil) => {
          const state = document.readyState;
          return (
            state === 'complete' || (waitUntil === 'domcontentloaded' && state === 'interactive')
          );
        }, waitUntil)
        .catch(() => false));
    if (loaded) return;
    if (Date.now() - started > timeout) throw new Error(`${url} did not finish loading`);
    await delay(50);
  }
}

/** Opens `url` in a new tab and waits until the content script has scanned it. */
export async function openScanned(
  browser: Browser,
  url: string,
): Promise<{ page: Page; measures: ScanMeasure[]; problems: PageProblem[] }> {
  const page = await browser.newPage();
  const problems = watchProblems(page);
  await page.goto(url);
  const measures = await waitForScan(page);
  return { page, measures, problems };
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A page's console warning or error, or an uncaught error, as `watchConsole` records it. */
export interface ConsoleEntry {
  kind: 'pageerror' | 'console';
  /** The console method (`error`, `warn`…), or `pageerror`. */
  type: string;
  message: string;
  /** Stack or source location, when the browser gives one. */
  source: string;
}

/**
 * Collects a page's console errors and warnings and its uncaught errors from now on: wider than
 * `watchProblems`, for tests that must also see warnings (React's hydration warnings, the
 * browsers' reports of content-security-policy violations).
 */
export function watchConsole(page: Page): ConsoleEntry[] {
  const entries: ConsoleEntry[] = [];
  page.on('pageerror', (error) => {
    const message = error instanceof Error ? error.message : String(error);
    const source = error instanceof Error ? (error.stack ?? '') : '';
    entries.push({ kind: 'pageerror', type: 'pageerror', message, source });
  });
  page.on('console', (message) => {
    const type: string = message.type();
    if (!['error', 'warn', 'warning', 'assert'].includes(type)) return;
    entries.push({
      kind: 'console',
      type,
      message: message.text(),
      source: message.location().url ?? '',
    });
  });
  return entries;
}

/** Everything a `credit-lens:scan` measure records (see the architecture's observability contract). */
export interface ScanRecord {
  startTime: number;
  duration: number;
  kind: string;
  roots: number;
  textNodes: number;
  chars: number;
  matches: number;
  /** Milliseconds of the extension's own work in this scan (not counting yields to the page). */
  busyMs: number;
  slices: number;
}

/** All `credit-lens:scan` measures with their full detail, oldest first. */
export async function scanRecords(page: Page): Promise<ScanRecord[]> {
  return page.evaluate(() =>
    performance.getEntriesByName('credit-lens:scan').map((entry) => {
      // Copy the fields: in Firefox `detail` was made in the content script's compartment.
      const detail = (entry as PerformanceMeasure).detail as Record<string, unknown> | null;
      return {
        startTime: entry.startTime,
        duration: entry.duration,
        kind: String(detail?.kind),
        roots: Number(detail?.roots),
        textNodes: Number(detail?.textNodes),
        chars: Number(detail?.chars),
        matches: Number(detail?.matches),
        busyMs: Number(detail?.busyMs),
        slices: Number(detail?.slices),
      };
    }),
  );
}
