import { readdirSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browsersUnderTest,
  launchBrowser,
  type BrowserName,
  type LaunchBrowserOptions,
  type LaunchedBrowser,
} from './support/browsers';
import {
  comesFrom,
  domSnapshot,
  firstDifference,
  gotoLoaded,
  markedTexts,
  uiHosts,
  waitForScan,
  watchProblems,
  type PageProblem,
} from './support/page-helpers';
import { REVIEWED_CORPUS_MARKS } from './fixtures/corpus-reviewed-marks';
import { corpusDir, hasCorpus } from './support/paths';
import { startServer, type StaticServer } from './support/server';

/*
 * Real-world pages (saved news sites, blogs, Wikipedia, Chinese and right-to-left pages, odd
 * markup): the extension must work on each without errors and without changing the page's DOM.
 *
 * Each page is loaded in three browsers of the same kind, side by side:
 *
 * - plain: no extension, page scripts off: the DOM exactly as the parser built it;
 * - lens:  the extension, page scripts off: the DOM must equal plain's exactly (no popover is
 *          opened, so not even our host may appear). With the page's own scripts off, any change
 *          is the extension's, and so is any uncaught error plain did not have;
 * - live:  the extension, page scripts on, as readers get the page: the page's scripts change the
 *          DOM while the content script watches it; no error may come from the extension's files.
 *
 * Why not compare with page scripts on: these pages' inline scripts make loads differ (counters,
 * cookies, ad code racing its iframes), so a live comparison fails at random. Why three browsers
 * instead of toggling the add-on: Firefox has no extension-free context that automation can open,
 * and switches page scripts off only for the whole browser.
 */

const pages = hasCorpus
  ? readdirSync(corpusDir)
      .filter((file) => file.endsWith('.html'))
      .sort()
  : [];

// On a clean clone the corpus is absent: say so in the report rather than pass silently.
if (!hasCorpus) {
  describe('Real-world pages', () => {
    it.skip(`need the saved pages at ${corpusDir} (../shared is absent)`, () => {});
  });
}

let server: StaticServer;
beforeAll(async () => {
  if (hasCorpus) server = await startServer();
});
afterAll(async () => {
  await server?.close();
});

/** The biggest pages take a few seconds to load and scan on a busy two-core machine. */
const PAGE_TIMEOUT_MS = 45_000;

interface Tab {
  launched: LaunchedBrowser;
  page: Page;
  problems: PageProblem[];
}

async function openTab(name: BrowserName, options: LaunchBrowserOptions): Promise<Tab> {
  const launched = await launchBrowser(name, options);
  const page = await launched.newPage();
  return { launched, page, problems: watchProblems(page) };
}

/** Loads a corpus page in the tab; returns the problems reported during this load. */
async function load(tab: Tab, file: string): Promise<PageProblem[]> {
  tab.problems.length = 0;
  // DOMContentLoaded, not `load`: the DOM is parsed by then, and the content script runs at
  // document_idle, which waitForScan waits for. Waiting for images, fonts and ad frames too (all
  // blocked offline, see launchBrowser) only costs time; with page scripts on they keep running.
  await gotoLoaded(tab.page, server.url(`/corpus/${file}`), { waitUntil: 'domcontentloaded' });
  return tab.problems;
}

describe.skipIf(!hasCorpus).each(browsersUnderTest())(
  'Real-world pages in %s (../shared/corpus)',
  (name) => {
    let plain: Tab;
    let lens: Tab;
    let live: Tab;

    beforeAll(async () => {
      plain = await openTab(name, { extension: false, pageScripts: false });
      lens = await openTab(name, { pageScripts: false });
      live = await openTab(name, {});
    });
    afterAll(async () => {
      await Promise.all([plain, lens, live].map((tab) => tab?.launched.close()));
    });

    it.for(pages)(
      '%s: no errors from the extension, and the DOM left as parsed',
      { timeout: PAGE_TIMEOUT_MS },
      async (file) => {
        // Side by side: the run is mostly waiting for loads, and this cuts it by half or more.
        const [[plainProblems, before], [lensProblems, after], liveProblems] = await Promise.all([
          load(plain, file).then(
            async (problems) => [problems, await domSnapshot(plain.page)] as const,
          ),
          load(lens, file).then(async (problems) => {
            await waitForScan(lens.page, { quietMs: 150 });
            return [problems, await domSnapshot(lens.page)] as const;
          }),
          load(live, file).then(async (problems) => {
            await waitForScan(live.page, { quietMs: 150 });
            return problems;
          }),
        ]);

        // Page scripts off, plain and lens report the same page errors (Firefox also reports
        // blocked CORS and CSP requests as errors); an error only lens reports is the extension's.
        // Console lines about failed subresources, and Firefox's reports of blocked requests
        // (which fonts and images hit offline, in an order that varies from load to load), count
        // only when they point into the extension.
        const plainMessages = new Set(plainProblems.map((problem) => problem.message));
        const blockedRequest = (problem: PageProblem) =>
          /^(Cross-Origin Request Blocked|Content-Security-Policy)/.test(problem.message);
        const lensOrigin = lens.launched.extensionOrigin!;
        expect(
          lensProblems.filter(
            (problem) =>
              (problem.kind === 'pageerror' &&
                !plainMessages.has(problem.message) &&
                !blockedRequest(problem)) ||
              comesFrom(problem, lensOrigin),
          ),
        ).toEqual([]);
        expect(
          liveProblems.filter((problem) => comesFrom(problem, live.launched.extensionOrigin!)),
        ).toEqual([]);

        expect(firstDifference(before, after)).toBeUndefined();
        // Precision: these pages are about other things, so every mark must be one reviewed as a
        // true positive (the browser may mark fewer than Node finds: it skips hidden text).
        const reviewed = new Set(
          REVIEWED_CORPUS_MARKS.filter((mark) => mark.page === file).map((mark) => mark.text),
        );
        expect((await markedTexts(lens.page)).filter((text) => !reviewed.has(text))).toEqual([]);
        // Scanning alone never adds our host: it appears when a popover first opens.
        expect(await uiHosts(lens.page)).toEqual({ count: 0, lastInBody: false });
        expect(await uiHosts(live.page)).toEqual({ count: 0, lastInBody: false });
      },
    );
  },
);
