import type { Page, WebWorker } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { compileMatcher } from '../lib/match/index';
import { demoExpected } from './fixtures/demo-expected';
import { waitForRole } from './support/aria';
import { browsersUnderTest, launchBrowser, type LaunchedBrowser } from './support/browsers';
import { askFrontTab, launchFirefoxWithBackground } from './support/firefox-background';
import { glossaryEntries, glossaryEntry } from './support/glossary';
import {
  delay,
  markedTexts,
  openScanned,
  waitForScan,
  watchProblems,
  type PageProblem,
} from './support/page-helpers';
import { startServer, type StaticServer } from './support/server';
import { askContentScript, clearStorage, openTab, serviceWorker } from './support/service-worker';

/*
 * Finding terms and moving between them: the keyboard commands (next / previous term) and the
 * popup's list (scroll, flash, popover).
 *
 * A browser shortcut (Alt+Shift+L) cannot be pressed through automation: it types into the page,
 * below the browser's own shortcut handling. So the tests send the content script the `stepTerm`
 * request that the background sends on the command (lib/commands.ts), from the background itself:
 * Chromium's service worker over CDP; in Firefox (a smoke test) the background page, through
 * Firefox's debugging protocol (support/firefox-background.ts).
 */

let server: StaticServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.close();
});

const matcher = compileMatcher(glossaryEntries);
/** The glossary term (popover heading) of the demo's nth mark. */
function termOfMark(index: number): string {
  const entryId = matcher.find(demoExpected[index]!)[0]!.entryId;
  return glossaryEntry(entryId).term;
}

/** The text of our live region (in the closed shadow root: Chromium's accessibility tree sees it). */
async function liveRegionText(page: Page): Promise<string | null> {
  const region = await page.$('::-p-aria([role="status"])');
  return region ? region.evaluate((element) => element.textContent) : null;
}

/** Whether focus is inside our UI (a closed shadow root shows the page only its host). */
async function focusInPopover(page: Page): Promise<boolean> {
  return page.evaluate(() => document.activeElement?.localName === 'credit-lens-ui');
}

describe.skipIf(!browsersUnderTest().includes('chromium'))('Finding terms in chromium', () => {
  let launched: LaunchedBrowser;
  let worker: WebWorker;
  let page: Page;
  let tabId: number;
  let problems: PageProblem[];

  beforeAll(async () => {
    launched = await launchBrowser('chromium');
    worker = await serviceWorker(launched);
  });
  afterAll(async () => {
    await launched?.close();
  });
  beforeEach(async () => {
    await clearStorage(worker);
    ({ page, tabId } = await openTab(launched, worker));
    problems = watchProblems(page);
    await page.goto(server.url('/index.html'));
    await waitForScan(page);
    await page.bringToFront();
  });
  afterEach(async () => {
    if (page && !page.isClosed()) await page.close();
    expect(problems).toEqual([]);
  });

  const step = (direction: 1 | -1) =>
    askContentScript(worker, tabId, 'stepTerm', { direction }) as Promise<{ ok: boolean }>;

  it('steps to the next term: opens its popover, moves focus into it, announces it', async () => {
    expect(await step(1)).toEqual({ ok: true, value: true });
    await waitForRole(page, 'dialog', termOfMark(0));
    expect(await focusInPopover(page)).toBe(true);
    await expect
      .poll(() => liveRegionText(page), { timeout: 3_000 })
      .toBe(`${termOfMark(0)}: term 1 of ${demoExpected.length} on this page.`);

    // The next mark is the same entry again (the lede): the popover moves, focus stays in it.
    await step(1);
    await expect
      .poll(() => liveRegionText(page), { timeout: 3_000 })
      .toMatch(new RegExp(`term 2 of ${demoExpected.length} on this page`));
    expect(await focusInPopover(page)).toBe(true);
    await step(1);
    await waitForRole(page, 'dialog', termOfMark(2));
    expect(await liveRegionText(page)).toBe(
      `${termOfMark(2)}: term 3 of ${demoExpected.length} on this page.`,
    );
  });

  it('steps back from the first term to the last, scrolling it into view', async () => {
    await step(-1);
    const last = demoExpected.length - 1;
    await waitForRole(page, 'dialog', termOfMark(last));
    await expect
      .poll(() => liveRegionText(page), { timeout: 3_000 })
      .toBe(
        `${termOfMark(last)}: term ${demoExpected.length} of ${demoExpected.length} on this page.`,
      );
    const inView = await page.evaluate(() => {
      const [range] = [...(CSS.highlights.get('credit-lens-active') ?? [])];
      if (!range) return false;
      const live = new Range();
      live.setStart(range.startContainer, range.startOffset);
      live.setEnd(range.endContainer, range.endOffset);
      const box = live.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= innerHeight;
    });
    expect(inView).toBe(true);
  });

  it('shows a term chosen in the popup: scrolls to it, flashes it, opens its popover', async () => {
    const ndrc = glossaryEntry('ndrc');
    const reply = (await askContentScript(worker, tabId, 'showTerm', { entryId: 'ndrc' })) as {
      ok: boolean;
      value: boolean;
    };
    expect(reply).toEqual({ ok: true, value: true });
    // The flash is a highlight of its own, on and off a few times (for 1.5 s), then gone; the
    // page is not touched. Polled: the reply may come during an "off" phase.
    await expect
      .poll(() => markedTexts(page, 'credit-lens-flash'), { timeout: 1_500, interval: 30 })
      .toEqual(['NDRC']);
    await waitForRole(page, 'dialog', ndrc.term);
    expect(await markedTexts(page, 'credit-lens-active')).toEqual(['NDRC']);
    await delay(1_700);
    expect(await markedTexts(page, 'credit-lens-flash')).toEqual([]);

    // Chosen again: the entry's next mark.
    const second = (await askContentScript(worker, tabId, 'showTerm', { entryId: 'ndrc' })) as {
      value: boolean;
    };
    expect(second.value).toBe(true);
    // In the demo, "NDRC" is followed by its full name: the entry's second mark.
    const firstIndex = demoExpected.indexOf('NDRC');
    expect(demoExpected[firstIndex + 1]).toBe('National Development and Reform Commission');
    await expect
      .poll(() => liveRegionText(page), { timeout: 3_000 })
      .toBe(`${ndrc.term}: term ${firstIndex + 2} of ${demoExpected.length} on this page.`);
    expect(await markedTexts(page, 'credit-lens-active')).toEqual([
      'National Development and Reform Commission',
    ]);
  });
});

describe.skipIf(!browsersUnderTest().includes('firefox'))('Finding terms in firefox', () => {
  let firefox: Awaited<ReturnType<typeof launchFirefoxWithBackground>>;

  beforeAll(async () => {
    firefox = await launchFirefoxWithBackground();
  });
  afterAll(async () => {
    await firefox?.close();
  });

  it('steps to the next term from the keyboard command: popover open, focus in it', async () => {
    const { page, problems } = await openScanned(firefox.browser, server.url('/index.html'));
    const reply = await askFrontTab(firefox.background, 'stepTerm', { direction: 1 });
    expect(reply).toEqual({ ok: true, value: true });
    await waitForRole(page, 'dialog', termOfMark(0));
    expect(await focusInPopover(page)).toBe(true);
    await page.close();
    expect(problems).toEqual([]);
  });
});
