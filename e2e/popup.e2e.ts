import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { demoExpected } from './fixtures/demo-expected';
import { waitForRole } from './support/aria';
import { browsersUnderTest, launchBrowser, type LaunchedBrowser } from './support/browsers';
import { glossaryEntry } from './support/glossary';
import { markedTexts, waitForScan } from './support/page-helpers';
import { startServer, type StaticServer } from './support/server';

/*
 * The toolbar popup, opened as a page in a tab of its own: `popup.html?tab=<id>` makes it speak
 * about tab <id> instead of the active one (a real toolbar popup cannot be opened by automation).
 *
 * Chromium only: Firefox 153's WebDriver BiDi refuses to navigate a tab to a moz-extension:// page
 * ("not allowed in this context"), and a web page may not open one either.
 */

let server: StaticServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.close();
});

/** The slice of the WebExtension API the tests call from the extension's own page. */
interface TabsApi {
  chrome: { tabs: { query(query: object): Promise<{ id?: number }[]> } };
}

async function tabIds(extensionPage: Page): Promise<number[]> {
  return extensionPage.evaluate(async () => {
    const tabs = await (globalThis as unknown as TabsApi).chrome.tabs.query({});
    return tabs.flatMap((tab) => (tab.id === undefined ? [] : [tab.id]));
  });
}

describe.skipIf(!browsersUnderTest().includes('chromium'))('The popup in chromium', () => {
  let launched: LaunchedBrowser;
  let demo: Page;
  let popup: Page;

  beforeAll(async () => {
    launched = await launchBrowser('chromium');
  });
  afterAll(async () => {
    await launched?.close();
  });

  beforeEach(async () => {
    // The extension has no `tabs` permission, so tabs show no URL: find the demo tab's id as the
    // one tab that appears when it is opened, seen from the extension's own popup page.
    popup = await launched.browser.newPage();
    const popupUrl = `${launched.extensionOrigin}/popup.html`;
    await popup.goto(popupUrl);
    const known = new Set(await tabIds(popup));
    demo = await launched.browser.newPage();
    await demo.goto(server.url('/index.html'));
    await waitForScan(demo);
    const [demoTab, ...others] = (await tabIds(popup)).filter((id) => !known.has(id));
    expect(others).toEqual([]);
    await popup.goto(`${popupUrl}?tab=${demoTab}`);
    await popup.bringToFront();
  });
  afterEach(async () => {
    for (const tab of [popup, demo]) if (tab && !tab.isClosed()) await tab.close();
  });

  it('shows how many terms the page has', async () => {
    await waitForRole(popup, 'heading', `${demoExpected.length} terms found on this page`);
  });

  it('turns marking off for the site, and on again, with its switch', async () => {
    const site = new URL(server.origin).host;
    const toggle = await waitForRole(popup, 'switch', `Mark terms on ${site}`);
    expect(await toggle.evaluate((element) => (element as HTMLInputElement).checked)).toBe(true);

    await toggle.click();
    await expect.poll(() => markedTexts(demo), { timeout: 3_000 }).toEqual([]);
    await waitForRole(popup, 'switch', `Mark terms on ${site}`);
    expect(await toggle.evaluate((element) => (element as HTMLInputElement).checked)).toBe(false);

    await toggle.click();
    await expect.poll(() => markedTexts(demo), { timeout: 3_000 }).toEqual(demoExpected);
    await waitForRole(popup, 'heading', `${demoExpected.length} terms found on this page`);
  });

  it('opens a term on the page when it is chosen from the list', async () => {
    const ndrc = glossaryEntry('ndrc');
    const heading = `${demoExpected.length} terms found on this page`;
    await waitForRole(popup, 'heading', heading);
    // Each button in the list is named by its term and how often it occurs ("NDRC 5 times").
    const buttons = await popup.$$('::-p-aria([role="button"])');
    const names = await Promise.all(buttons.map((button) => button.evaluate((b) => b.textContent)));
    const button = buttons[names.findIndex((name) => name?.startsWith(ndrc.term))];
    expect(button, `a button for ${ndrc.term} among ${names.join(' | ')}`).toBeDefined();
    await button!.click();
    await demo.bringToFront();
    await waitForRole(demo, 'dialog', ndrc.term);
  });
});
