/**
 * Part 4 of the benchmark: hover to popover painted. The mouse rests on a marked term of the demo
 * page; the content script marks the moment the 300 ms hover intent fires and opens the popover,
 * and the popover records `credit-lens:popover-open` once its first positioned frame is painted
 * (`components/popover-timing.ts`). The intent delay itself is a design choice, not a cost, so it
 * is not counted.
 *
 * The first popover on a page also creates the shadow root and the React root; later ones only
 * render. Each round loads the page afresh, so there are several first opens to take a median of.
 */
import type { Page } from 'puppeteer-core';
import type { BrowserName, LaunchedBrowser } from '../../e2e/support/browsers';
import { delay, hover, markedTexts } from '../../e2e/support/page-helpers';
import type { BenchServer } from './bench-server';
import { loadScanned } from './extension-scan';
import { median } from './timing';

export interface OpenTimes {
  /** Request (hover intent) to the first frame painted with the popover in place. */
  median: number;
  samples: number[];
  /** Medians of the parts: request → rendered and placed, → the next frame begins. */
  positionedMedian: number;
  frameMedian: number;
}

export interface HoverResult {
  browser: BrowserName;
  page: string;
  firstOpenMs: OpenTimes;
  laterOpenMs: OpenTimes;
}

const ROUNDS = 5;
const OPENS_PER_ROUND = 5;

interface OpenMeasure {
  ms: number;
  first: boolean;
  positionedMs: number;
  frameMs: number;
}

async function openMeasures(page: Page): Promise<OpenMeasure[]> {
  return page.evaluate(() =>
    performance.getEntriesByName('credit-lens:popover-open').map((entry) => {
      // Copied field by field: in Firefox `detail` belongs to the content script's compartment.
      const detail = (entry as PerformanceMeasure).detail ?? {};
      return {
        ms: entry.duration,
        first: Boolean(detail.first),
        positionedMs: Number(detail.positionedMs),
        frameMs: Number(detail.frameMs),
      };
    }),
  );
}

/** Hovers `text` and waits for its popover's paint measure. */
async function hoverOpen(page: Page, text: string): Promise<OpenMeasure> {
  const before = (await openMeasures(page)).length;
  await hover(page, text);
  const deadline = Date.now() + 5_000;
  for (;;) {
    const measures = await openMeasures(page);
    if (measures.length > before) return measures.at(-1)!;
    if (Date.now() > deadline) throw new Error(`No popover-open measure after hovering "${text}"`);
    await delay(25);
  }
}

export async function measureHover(
  launched: LaunchedBrowser,
  server: BenchServer,
): Promise<HoverResult> {
  const url = server.url('/index.html');
  const first: OpenMeasure[] = [];
  const later: OpenMeasure[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const { page } = await loadScanned(launched, url, { quietMs: 300 });
    // Different terms, so each popover renders new content.
    const texts = [...new Set(await markedTexts(page))].slice(0, OPENS_PER_ROUND);
    for (const text of texts) {
      // Off any term, then Escape: the previous popover is closed before the next hover.
      await page.mouse.move(2, 2);
      await page.keyboard.press('Escape');
      await delay(150);
      const measure = await hoverOpen(page, text);
      (measure.first ? first : later).push(measure);
    }
    await page.close();
  }
  return {
    browser: launched.name,
    page: 'demo/index',
    firstOpenMs: openTimes(first),
    laterOpenMs: openTimes(later),
  };
}

function openTimes(measures: readonly OpenMeasure[]): OpenTimes {
  return {
    median: median(measures.map((m) => m.ms)),
    samples: measures.map((m) => m.ms),
    positionedMedian: median(measures.map((m) => m.positionedMs)),
    frameMedian: median(measures.map((m) => m.frameMs)),
  };
}
