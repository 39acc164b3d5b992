import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { tourMatches, TOUR_PAGE } from '../scripts/support/glossary-tour';
import { demoExpected, secondExpected } from './fixtures/demo-expected';
import { browsersUnderTest, launchBrowser, type LaunchedBrowser } from './support/browsers';
import {
  markedTexts,
  marksInside,
  openScanned,
  type PageProblem,
  type ScanMeasure,
} from './support/page-helpers';
import { startServer, type StaticServer } from './support/server';

let server: StaticServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.close();
});

/** The promise for marking new text: the content script's mutation handling must be this quick. */
const ADDED_TEXT_DEADLINE_MS = 500;

describe.each(browsersUnderTest())('Marking terms in %s', (browserName) => {
  let launched: LaunchedBrowser;
  let page: Page | undefined;
  let problems: PageProblem[];

  beforeAll(async () => {
    launched = await launchBrowser(browserName);
  });
  afterAll(async () => {
    await launched?.close();
  });
  beforeEach(() => {
    problems = [];
  });
  afterEach(async () => {
    if (page && !page.isClosed()) await page.close();
    // The demo pages have no scripts: any error or console error comes from the extension.
    expect(problems).toEqual([]);
  });

  /** Opens a demo page, scanned (the page is also kept for afterEach to check and close). */
  async function open(path: string): Promise<{ page: Page; measures: ScanMeasure[] }> {
    const opened = await openScanned(launched.browser, server.url(path));
    ({ page, problems } = opened);
    return opened;
  }

  it('marks exactly the expected terms on the demo page, in document order', async () => {
    const { page } = await open('/index.html');
    expect(await markedTexts(page)).toEqual(demoExpected);
  });

  it('marks nothing in a textarea, code block, contenteditable, hidden element or across a <br>', async () => {
    const { page } = await open('/index.html');
    // Each example on the page carries data-trap="…" and contains at least one term.
    const traps = await page.$$eval('[data-trap]', (elements) =>
      elements.map((element) => element.getAttribute('data-trap')),
    );
    expect(traps).toEqual(['line-break', 'hidden', 'textarea', 'code', 'contenteditable']);
    expect(await marksInside(page, '[data-trap]')).toEqual([]);
  });

  it('marks the terms of the second demo page', async () => {
    const { page } = await open('/second.html');
    expect(await markedTexts(page)).toEqual(secondExpected);
  });

  it('marks every glossary entry on the tour page, as the matcher finds them in Node', async () => {
    // The unit tests check that the tour names every entry; this checks the browser marks each.
    const { page } = await open(`/${TOUR_PAGE}`);
    // markedTexts reports what a reader sees: a line break in the source reads as a space.
    expect(await markedTexts(page)).toEqual(tourMatches().map((m) => m.text.replace(/\s+/g, ' ')));
  });

  it('records the scan as a credit-lens:scan measure with its figures', async () => {
    const { measures } = await open('/index.html');
    expect(measures.length).toBeGreaterThan(0);
    for (const { duration, detail } of measures) {
      expect(duration).toBeGreaterThanOrEqual(0);
      expect(detail.textNodes).toBeGreaterThan(0);
      expect(detail.chars).toBeGreaterThan(0);
      expect(Number.isInteger(detail.matches)).toBe(true);
    }
    const matches = measures.reduce((sum, measure) => sum + measure.detail.matches, 0);
    expect(matches).toBe(demoExpected.length);
  });

  it(`marks text added after load within ${ADDED_TEXT_DEADLINE_MS} ms`, async () => {
    const { page } = await open('/index.html');
    const result = await page.evaluate(async (highlightName) => {
      const paragraph = document.createElement('p');
      paragraph.textContent = 'Added later: the NDRC revised its top-level design.';
      const started = performance.now();
      document.querySelector('article')!.append(paragraph);
      // Poll the highlight until it holds a range inside the new paragraph (or give up at 3 s).
      while (performance.now() - started < 3_000) {
        const marked = [...(CSS.highlights.get(highlightName) ?? [])].filter((range) =>
          paragraph.contains(range.startContainer),
        );
        if (marked.length > 0) {
          const elapsed = performance.now() - started;
          // Let the rest of the paragraph be marked too before the test reads it.
          await new Promise((resolve) => setTimeout(resolve, 100));
          return { elapsed };
        }
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      return { elapsed: Infinity };
    }, 'credit-lens-term');
    console.info(`[${browserName}] added text marked after ${result.elapsed.toFixed(0)} ms`);
    expect(result.elapsed).toBeLessThanOrEqual(ADDED_TEXT_DEADLINE_MS);
    expect(await markedTexts(page)).toEqual([...demoExpected, 'NDRC', 'top-level design']);
  });

  it('marks a term typed into existing text (a text node whose data changes)', async () => {
    const { page } = await open('/index.html');
    await page.evaluate(() => {
      const paragraph = document.querySelector('.dek')!;
      paragraph.firstChild!.nodeValue = 'A note on 诚信 and the words around it.';
    });
    // The dek had no term; the 诚信 under "Two words for trust" is marked already: now two.
    const count = async () => (await markedTexts(page)).filter((text) => text === '诚信').length;
    await expect.poll(count, { timeout: 2_000 }).toBe(2);
  });

  it('drops the marks of text that is removed from the page', async () => {
    const { page } = await open('/index.html');
    const removed = await page.evaluate(() => {
      // The "Who holds the pen" paragraph: NDRC and its full and Chinese names.
      const heading = [...document.querySelectorAll('h2')].find(
        (h2) => h2.textContent === 'Who holds the pen',
      )!;
      const paragraph = heading.nextElementSibling!;
      paragraph.remove();
      return performance.now();
    });
    const gone = [
      'NDRC',
      'National Development and Reform Commission',
      '国家发展和改革委员会',
      '发改委',
      '發改委',
    ];
    const expected = demoExpected.filter((text) => !gone.includes(text));
    await expect.poll(() => markedTexts(page), { timeout: 2_000 }).toEqual(expected);
    const elapsed = (await page.evaluate(() => performance.now())) - removed;
    console.info(`[${browserName}] marks of removed text gone within ${elapsed.toFixed(0)} ms`);
    // No range may still point into detached nodes (they would keep them alive, and paint nowhere).
    const detached = await page.evaluate(
      (name) =>
        [...(CSS.highlights.get(name) ?? [])].filter((range) => !range.startContainer.isConnected)
          .length,
      'credit-lens-term',
    );
    expect(detached).toBe(0);
  });
});
