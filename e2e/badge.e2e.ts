import type { Page, WebWorker } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { demoExpected, secondExpected } from './fixtures/demo-expected';
import { browsersUnderTest, launchBrowser, type LaunchedBrowser } from './support/browsers';
import { waitForScan } from './support/page-helpers';
import { startServer, type StaticServer } from './support/server';
import { badge, clearStorage, openTab, serviceWorker, setStorage } from './support/service-worker';

/*
 * The toolbar badge: how many terms the page has, "off" where the site is switched off, "||"
 * while paused, nothing after the tab leaves for a page Credit Lens cannot run on.
 *
 * Chromium only: the badge is read from the background service worker (`action.getBadgeText`),
 * an extension context that Firefox's WebDriver BiDi cannot reach.
 */

let server: StaticServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.close();
});

describe.skipIf(!browsersUnderTest().includes('chromium'))('The toolbar badge in chromium', () => {
  let launched: LaunchedBrowser;
  let worker: WebWorker;
  let page: Page;
  let tabId: number;

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
    await page.goto(server.url('/index.html'));
    await waitForScan(page);
  });
  afterEach(async () => {
    if (page && !page.isClosed()) await page.close();
  });

  const badgeText = async () => (await badge(worker, tabId)).text;

  it('shows how many terms the page has, and says so in the tooltip', async () => {
    await expect.poll(badgeText, { timeout: 5_000 }).toBe(String(demoExpected.length));
    expect((await badge(worker, tabId)).title).toBe(
      `Credit Lens: ${demoExpected.length} terms marked on this page`,
    );
  });

  it('shows "off" on a site switched off, and the count again when switched back on', async () => {
    await expect.poll(badgeText, { timeout: 5_000 }).toBe(String(demoExpected.length));
    await setStorage(worker, { disabledSites: [new URL(server.origin).host] });
    await expect.poll(badgeText, { timeout: 5_000 }).toBe('off');
    expect((await badge(worker, tabId)).title).toBe('Credit Lens: marking is off on this site');
    await setStorage(worker, { disabledSites: [] });
    await expect.poll(badgeText, { timeout: 5_000 }).toBe(String(demoExpected.length));
  });

  it('shows the pause, and counts only the marks a cap lets through', async () => {
    await setStorage(worker, { paused: true });
    await expect.poll(badgeText, { timeout: 5_000 }).toBe('||');
    await setStorage(worker, { paused: false, markCap: 5 });
    await expect.poll(badgeText, { timeout: 5_000 }).toBe('5');
  });

  it('follows the tab to another page, and is cleared on a page without Credit Lens', async () => {
    await expect.poll(badgeText, { timeout: 5_000 }).toBe(String(demoExpected.length));
    await page.goto(server.url('/second.html'));
    await waitForScan(page);
    await expect.poll(badgeText, { timeout: 5_000 }).toBe(String(secondExpected.length));
    // Content scripts do not run on data: URLs: only the navigation can clear the badge.
    await page.goto('data:text/html,<p>The social credit system, in a data URL.</p>');
    await expect.poll(badgeText, { timeout: 5_000 }).toBe('');
    expect((await badge(worker, tabId)).title).toBe('Credit Lens');
  });
});
