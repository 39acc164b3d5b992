import type { Page, WebWorker } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { compileMatcher } from '../lib/match/index';
import { demoExpected } from './fixtures/demo-expected';
import { anyDialogOpen, waitForRole } from './support/aria';
import { browsersUnderTest, launchBrowser, type LaunchedBrowser } from './support/browsers';
import { glossaryEntries, glossaryEntry } from './support/glossary';
import {
  delay,
  domSnapshot,
  firstDifference,
  markedTexts,
  openScanned,
  termPoint,
  waitForScan,
  watchProblems,
  type PageProblem,
  type Point,
} from './support/page-helpers';
import { launchFirefoxWithBackground } from './support/firefox-background';
import { startServer, type StaticServer } from './support/server';
import {
  askContentScript,
  badge,
  clearStorage,
  openTab,
  serviceWorker,
  setStorage,
} from './support/service-worker';

/*
 * Settings reach open pages at once, without a reload.
 *
 * Chromium: each setting is stored from the background service worker, as the popup and the
 * options page store it (`chrome.storage.local`), and the demo page, already open, must follow.
 * The popup's global pause is clicked in the popup page itself.
 *
 * Firefox: its WebDriver BiDi reaches no extension context, so settings are stored from the
 * background page through Firefox's own debugging protocol (support/firefox-background.ts), and a
 * smoke subset checks that open pages follow them and that the MV2 build's `browserAction` badge
 * counts. (`entrypoints/content/page-lens.test.ts` covers the content script's side in Node.)
 * Both browsers also run the smoke test of the defaults on a page (the marks, and the highlight
 * that follows the pointer).
 */

let server: StaticServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.close();
});

const ndrc = glossaryEntry('ndrc');
const socialCredit = glossaryEntry('social-credit-system');

/** Highlight names of the three styles (lib/highlight/names.ts). */
const STYLE_HIGHLIGHT = {
  background: 'credit-lens-term',
  underline: 'credit-lens-term-underline',
  hover: 'credit-lens-term-on-hover',
} as const;

/** Names and sizes of our highlights that hold anything. */
async function highlightSizes(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() =>
    Object.fromEntries(
      [...CSS.highlights.entries()]
        .filter(([name, highlight]) => name.startsWith('credit-lens') && highlight.size > 0)
        .map(([name, highlight]) => [name, highlight.size]),
    ),
  );
}

/** The demo's marks when only the first occurrence of each entry is marked (the Node matcher). */
function firstOccurrences(): string[] {
  const matcher = compileMatcher(glossaryEntries);
  const seen = new Set<string>();
  return demoExpected.filter((text) => {
    const entryId = matcher.find(text)[0]?.entryId;
    if (!entryId) throw new Error(`The matcher finds nothing in "${text}"`);
    if (seen.has(entryId)) return false;
    seen.add(entryId);
    return true;
  });
}

describe.skipIf(!browsersUnderTest().includes('chromium'))(
  'Settings applied live in chromium',
  () => {
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
    });
    afterEach(async () => {
      if (page && !page.isClosed()) await page.close();
      expect(problems).toEqual([]);
    });

    /** Rests the pointer on a point long enough for any hover delay under `ms` to pass. */
    async function restOn(point: Point, ms: number): Promise<void> {
      await page.mouse.move(20, point.y);
      await page.mouse.move(point.x, point.y, { steps: 4 });
      await delay(ms);
    }

    it('moves the marks to the chosen highlight style, and back, without touching the page', async () => {
      const before = await domSnapshot(page);
      expect(await highlightSizes(page)).toEqual({ [STYLE_HIGHLIGHT.background]: 30 });
      await setStorage(worker, { highlightStyle: 'underline' });
      await expect
        .poll(() => highlightSizes(page), { timeout: 3_000 })
        .toEqual({ [STYLE_HIGHLIGHT.underline]: demoExpected.length });
      expect(await markedTexts(page, STYLE_HIGHLIGHT.underline)).toEqual(demoExpected);
      await setStorage(worker, { highlightStyle: 'background' });
      await expect.poll(() => markedTexts(page), { timeout: 3_000 }).toEqual(demoExpected);
      expect(firstDifference(before, await domSnapshot(page))).toBeUndefined();
    });

    it('with "only on hover", shows a term only while the pointer is on it', async () => {
      const point = await termPoint(page, 'NDRC');
      await setStorage(worker, { highlightStyle: 'hover', trigger: 'click' });
      await expect
        .poll(() => highlightSizes(page), { timeout: 3_000 })
        .toEqual({ [STYLE_HIGHLIGHT.hover]: demoExpected.length });
      await restOn(point, 100);
      await expect
        .poll(() => markedTexts(page, 'credit-lens-hover'), { timeout: 2_000 })
        .toEqual(['NDRC']);
      await page.mouse.move(20, point.y);
      await expect
        .poll(() => markedTexts(page, 'credit-lens-hover'), { timeout: 2_000 })
        .toEqual([]);
    });

    it('marks only the first occurrence of each term; the rest cannot be opened or counted', async () => {
      const expected = firstOccurrences();
      expect(expected.length).toBeLessThan(demoExpected.length);
      // The lede's "social credit system" is the entry's second occurrence.
      const second = await termPoint(page, 'social credit system', 1);
      await setStorage(worker, { firstOccurrenceOnly: true });
      await expect.poll(() => markedTexts(page), { timeout: 3_000 }).toEqual(expected);

      await restOn(second, 900);
      expect(await anyDialogOpen(page)).toBe(false);
      const terms = (await askContentScript(worker, tabId, 'pageTerms', null)) as {
        ok: true;
        value: { total: number; found: number; terms: { count: number }[] };
      };
      expect(terms.value.total).toBe(expected.length);
      expect(terms.value.found).toBe(demoExpected.length);
      expect(terms.value.terms.every((term) => term.count === 1)).toBe(true);
      await expect
        .poll(async () => (await badge(worker, tabId)).text, { timeout: 3_000 })
        .toBe(String(expected.length));
    });

    it('marks no more than the cap, the first ones in reading order', async () => {
      await setStorage(worker, { markCap: 5 });
      await expect
        .poll(() => markedTexts(page), { timeout: 3_000 })
        .toEqual(demoExpected.slice(0, 5));
      await setStorage(worker, { markCap: null });
      await expect.poll(() => markedTexts(page), { timeout: 3_000 }).toEqual(demoExpected);
    });

    it('opens terms on click only, with the click trigger', async () => {
      await setStorage(worker, { trigger: 'click' });
      await delay(200);
      const point = await termPoint(page, 'NDRC');
      await restOn(point, 900);
      expect(await anyDialogOpen(page)).toBe(false);
      await page.mouse.click(point.x, point.y);
      await waitForRole(page, 'dialog', ndrc.term);
    });

    it(`opens terms with ${'Shift'} + pointer, with the modifier trigger`, async () => {
      await setStorage(worker, { trigger: 'modifier' });
      await delay(200);
      await restOn(await termPoint(page, 'NDRC'), 900);
      expect(await anyDialogOpen(page)).toBe(false);
      await page.keyboard.down('Shift');
      try {
        await waitForRole(page, 'dialog', ndrc.term, { timeout: 2_000 });
      } finally {
        await page.keyboard.up('Shift');
      }
    });

    it('waits for the reader’s hover delay', async () => {
      await setStorage(worker, { hoverDelayMs: 1_500 });
      await delay(200);
      const point = await termPoint(page, 'NDRC');
      const started = Date.now();
      await restOn(point, 800);
      expect(await anyDialogOpen(page), 'open before the delay').toBe(false);
      await waitForRole(page, 'dialog', ndrc.term, { timeout: 3_000 });
      expect(Date.now() - started).toBeGreaterThanOrEqual(1_400);
    });

    it('pauses every page and resumes it', async () => {
      await setStorage(worker, { paused: true });
      await expect.poll(() => markedTexts(page), { timeout: 3_000 }).toEqual([]);
      await setStorage(worker, { paused: false });
      await expect.poll(() => markedTexts(page), { timeout: 3_000 }).toEqual(demoExpected);
    });

    it('falls back to the defaults for a bad stored value', async () => {
      await setStorage(worker, { highlightStyle: 'underline' });
      await expect
        .poll(() => highlightSizes(page), { timeout: 3_000 })
        .toEqual({ [STYLE_HIGHLIGHT.underline]: demoExpected.length });
      await setStorage(worker, { highlightStyle: 'glitter', markCap: -4 });
      await expect
        .poll(() => highlightSizes(page), { timeout: 3_000 })
        .toEqual({ [STYLE_HIGHLIGHT.background]: demoExpected.length });
    });
  },
);

describe.skipIf(!browsersUnderTest().includes('chromium'))(
  'The popup’s switches in chromium',
  () => {
    let launched: LaunchedBrowser;
    let worker: WebWorker;
    let demo: Page;
    let demoTab: number;
    let popup: Page;

    beforeAll(async () => {
      launched = await launchBrowser('chromium');
      worker = await serviceWorker(launched);
    });
    afterAll(async () => {
      await launched?.close();
    });
    beforeEach(async () => {
      await clearStorage(worker);
      ({ page: demo, tabId: demoTab } = await openTab(launched, worker));
    });
    afterEach(async () => {
      for (const tab of [popup, demo]) if (tab && !tab.isClosed()) await tab.close();
    });

    /** The popup page, speaking about the demo tab (a real toolbar popup cannot be automated). */
    async function openPopup(): Promise<Page> {
      popup = await launched.browser.newPage();
      await popup.goto(`${launched.extensionOrigin}/popup.html?tab=${demoTab}`);
      return popup;
    }

    it('pauses marking on every site, and resumes it', async () => {
      await demo.goto(server.url('/index.html'));
      await waitForScan(demo);
      await openPopup();
      const pause = await waitForRole(popup, 'switch', 'Mark terms on every site');
      expect(await pause.evaluate((el) => (el as HTMLInputElement).checked)).toBe(true);

      await pause.click();
      await expect.poll(() => markedTexts(demo), { timeout: 3_000 }).toEqual([]);
      await expect
        .poll(async () => (await badge(worker, demoTab)).text, { timeout: 3_000 })
        .toBe('||');
      await waitForRole(popup, 'switch', 'Mark terms on every site');
      expect(await pause.evaluate((el) => (el as HTMLInputElement).checked)).toBe(false);
      // The site's own switch is kept as it was.
      const site = await waitForRole(
        popup,
        'switch',
        `Mark terms on ${new URL(server.origin).host}`,
      );
      expect(await site.evaluate((el) => (el as HTMLInputElement).checked)).toBe(true);

      await pause.click();
      await expect.poll(() => markedTexts(demo), { timeout: 3_000 }).toEqual(demoExpected);
      await expect
        .poll(async () => (await badge(worker, demoTab)).text, { timeout: 3_000 })
        .toBe(String(demoExpected.length));
    });

    it('says plainly that a canvas editor cannot be read', async () => {
      server.route('/canvas-editor.html', {
        contentType: 'text/html; charset=utf-8',
        body: [
          '<!doctype html><title>Drawing board</title>',
          '<body style="margin:0"><div>File Edit View</div>',
          '<canvas width="1200" height="700" style="width:100vw;height:90vh"></canvas></body>',
        ].join(''),
      });
      await demo.goto(server.url('/canvas-editor.html'));
      await waitForScan(demo);
      await openPopup();
      const text = async () => popup.evaluate(() => document.body.innerText);
      await expect.poll(text, { timeout: 5_000 }).toContain('Credit Lens can’t read this page.');
      expect(await text()).toContain('draws its text as a picture on a canvas');
    });
  },
);

describe.each(browsersUnderTest())('The pointer highlight in %s (defaults)', (browserName) => {
  let launched: LaunchedBrowser;
  let page: Page;
  let problems: PageProblem[];

  beforeAll(async () => {
    launched = await launchBrowser(browserName);
  });
  afterAll(async () => {
    await launched?.close();
  });
  beforeEach(async () => {
    ({ page, problems } = await openScanned(launched.browser, server.url('/index.html')));
  });
  afterEach(async () => {
    if (page && !page.isClosed()) await page.close();
    expect(problems).toEqual([]);
  });

  it('marks every term in the default style and emphasises the one under the pointer', async () => {
    expect(await markedTexts(page)).toEqual(demoExpected);
    const point = await termPoint(page, 'social credit system', 1);
    await page.mouse.move(20, point.y);
    await page.mouse.move(point.x, point.y, { steps: 4 });
    await expect
      .poll(() => markedTexts(page, 'credit-lens-hover'), { timeout: 2_000 })
      .toEqual(['social credit system']);
    await waitForRole(page, 'dialog', socialCredit.term);
    await page.mouse.move(20, 780);
    await expect.poll(() => markedTexts(page, 'credit-lens-hover'), { timeout: 2_000 }).toEqual([]);
  });
});

describe.skipIf(!browsersUnderTest().includes('firefox'))(
  'Settings applied live in firefox',
  () => {
    let firefox: Awaited<ReturnType<typeof launchFirefoxWithBackground>>;
    let page: Page;
    let problems: PageProblem[];

    beforeAll(async () => {
      firefox = await launchFirefoxWithBackground();
    });
    afterAll(async () => {
      await firefox?.close();
    });
    beforeEach(async () => {
      await firefox.background.run('await browser.storage.local.clear(); return "cleared";');
      ({ page, problems } = await openScanned(firefox.browser, server.url('/index.html')));
    });
    afterEach(async () => {
      if (page && !page.isClosed()) await page.close();
      expect(problems).toEqual([]);
    });

    /** Stores settings in the background page, as the popup and options page store them. */
    const store = (items: Record<string, unknown>) =>
      firefox.background.run(
        `await browser.storage.local.set(${JSON.stringify(items)}); return 'set';`,
      );

    /** The badge of the active tab (the test's page), read in the background page. */
    const badgeText = () =>
      firefox.background.run(`
      const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
      return browser.browserAction.getBadgeText({ tabId: tab.id });
    `);

    it('follows the style, first-occurrence and pause settings without a reload', async () => {
      await store({ highlightStyle: 'underline' });
      await expect
        .poll(() => highlightSizes(page), { timeout: 3_000 })
        .toEqual({ [STYLE_HIGHLIGHT.underline]: demoExpected.length });
      await store({ highlightStyle: 'background', firstOccurrenceOnly: true });
      await expect.poll(() => markedTexts(page), { timeout: 3_000 }).toEqual(firstOccurrences());
      await store({ paused: true });
      await expect.poll(() => markedTexts(page), { timeout: 3_000 }).toEqual([]);
      await store({ paused: false, firstOccurrenceOnly: false });
      await expect.poll(() => markedTexts(page), { timeout: 3_000 }).toEqual(demoExpected);
    });

    it('opens terms on click only, with the click trigger', async () => {
      await store({ trigger: 'click' });
      await delay(200);
      const point = await termPoint(page, 'NDRC');
      await page.mouse.move(20, point.y);
      await page.mouse.move(point.x, point.y, { steps: 4 });
      await delay(900);
      expect(await anyDialogOpen(page)).toBe(false);
      await page.mouse.click(point.x, point.y);
      await waitForRole(page, 'dialog', ndrc.term);
    });

    it('counts the terms on the toolbar badge (browserAction), and shows the pause', async () => {
      await expect.poll(badgeText, { timeout: 5_000 }).toBe(String(demoExpected.length));
      await store({ paused: true });
      await expect.poll(badgeText, { timeout: 5_000 }).toBe('||');
    });
  },
);
