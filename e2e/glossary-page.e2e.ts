import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CATEGORY_LABELS } from '../lib/glossary/schema';
import { waitForRole } from './support/aria';
import { browsersUnderTest, launchBrowser, type LaunchedBrowser } from './support/browsers';
import { glossaryEntries, glossaryEntry } from './support/glossary';
import { watchProblems, type PageProblem } from './support/page-helpers';

/*
 * The glossary page (`glossary.html#<entry id>`), where the popover's "Open in glossary" lands.
 *
 * Chromium only: Firefox 153's WebDriver BiDi refuses to navigate a tab to a moz-extension:// page
 * ("not allowed in this context"), and a web page may not open one either (see popup.e2e.ts).
 *
 * The functions passed to `page.evaluate` run in the page, so they call nothing from this module.
 */

/** Where the page's focus is, and whether that element is fully on screen below the sticky bar. */
interface FocusReport {
  entryId: string | undefined;
  tag: string | undefined;
  onScreen: boolean;
  highlighted: boolean;
}

async function focusReport(page: Page): Promise<FocusReport> {
  return page.evaluate(() => {
    const focused = document.activeElement;
    const entry = focused?.closest('article');
    const bar = document.querySelector('[role="search"]')?.getBoundingClientRect();
    const box = focused?.getBoundingClientRect();
    return {
      entryId: entry?.id,
      tag: focused?.tagName.toLowerCase(),
      onScreen:
        box !== undefined && box.top >= (bar?.bottom ?? 0) - 1 && box.bottom <= window.innerHeight,
      highlighted: entry?.classList.contains('is-target') ?? false,
    };
  });
}

/** The entries listed, in order, by element id (the entry id). */
async function shownIds(page: Page): Promise<string[]> {
  return page.evaluate(() => [...document.querySelectorAll('article')].map((a) => a.id));
}

const landedOn = (entryId: string): FocusReport => ({
  entryId,
  tag: 'h2',
  onScreen: true,
  highlighted: true,
});

describe.skipIf(!browsersUnderTest().includes('chromium'))('The glossary page in chromium', () => {
  let launched: LaunchedBrowser;
  let page: Page;
  let problems: PageProblem[];
  let requests: string[];
  let pageUrl: string;

  beforeAll(async () => {
    launched = await launchBrowser('chromium');
    pageUrl = `${launched.extensionOrigin}/glossary.html`;
  });
  afterAll(async () => {
    await launched?.close();
  });

  beforeEach(async () => {
    page = await launched.browser.newPage();
    problems = watchProblems(page);
    requests = [];
    page.on('request', (request) => requests.push(request.url()));
  });
  afterEach(async () => {
    if (page && !page.isClosed()) await page.close();
    expect(problems).toEqual([]);
    // Everything the page loads comes from the extension itself: no network.
    expect(requests.filter((url) => !url.startsWith(launched.extensionOrigin!))).toEqual([]);
  });

  async function searchBox(): Promise<ElementHandle<Element>> {
    return waitForRole(page, 'searchbox', 'Search the glossary');
  }

  async function search(query: string): Promise<void> {
    const box = await searchBox();
    await box.click({ count: 3 });
    await page.keyboard.press('Backspace');
    await box.type(query);
  }

  it('opens at the entry the address names: on screen, focused and highlighted', async () => {
    await page.goto(`${pageUrl}#chengxin`);
    await waitForRole(page, 'heading', glossaryEntry('chengxin').term);
    await expect.poll(() => focusReport(page)).toEqual(landedOn('chengxin'));
  });

  it('puts xinyong first for "xinyong" and for "信用"', async () => {
    await page.goto(pageUrl);
    for (const query of ['xinyong', '信用']) {
      await search(query);
      await expect.poll(async () => (await shownIds(page))[0], { message: query }).toBe('xinyong');
    }
  });

  it('narrows the list with a category filter, and announces the count', async () => {
    await page.goto(pageUrl);
    await searchBox();
    expect(new Set(await shownIds(page))).toEqual(new Set(glossaryEntries.map((e) => e.id)));
    const inCategory = glossaryEntries.filter((entry) => entry.category === 'china');
    const label = `${CATEGORY_LABELS.china} ${inCategory.length}`;
    await (await waitForRole(page, 'radio', label)).click();
    await expect
      .poll(async () => new Set(await shownIds(page)))
      .toEqual(new Set(inCategory.map((e) => e.id)));
    const status = await page.$('::-p-aria([role="status"])');
    expect(await status?.evaluate((el) => el.textContent)).toBe(`${inCategory.length} entries`);
  });

  it('follows a related link to that entry, and Back returns', async () => {
    await page.goto(`${pageUrl}#chengxin`);
    await expect.poll(() => focusReport(page)).toEqual(landedOn('chengxin'));
    const other = glossaryEntry(glossaryEntry('chengxin').related[0]!);
    const article = (await page.$('#chengxin'))!;
    const link = await article.$(`::-p-aria([name=${JSON.stringify(other.term)}][role="link"])`);
    expect(link, `a link to ${other.term}`).not.toBeNull();
    await link!.click();
    await expect.poll(() => focusReport(page)).toEqual(landedOn(other.id));
    expect(new URL(page.url()).hash).toBe(`#${other.id}`);

    await page.goBack();
    await expect.poll(() => focusReport(page)).toEqual(landedOn('chengxin'));
  });

  it('follows the system colour scheme', async () => {
    await page.goto(pageUrl);
    await searchBox();
    const colours = () =>
      page.evaluate(() => {
        const style = getComputedStyle(document.body);
        return `${style.backgroundColor} / ${style.color}`;
      });
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
    const light = await colours();
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
    const dark = await colours();
    expect(dark).not.toBe(light);
  });
});
