import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browsersUnderTest, launchBrowser, type LaunchedBrowser } from './support/browsers';
import { waitForNoRole, waitForRole } from './support/aria';
import { glossaryEntry } from './support/glossary';
import { domSnapshot, firstDifference, hover, openScanned, uiHosts } from './support/page-helpers';
import { startServer, type StaticServer } from './support/server';

/*
 * "The page's DOM is never changed" — tested by comparing the same page with and without the
 * extension, in the same browser:
 *
 * 1. launch the browser WITHOUT the extension, load each demo page, snapshot its DOM;
 * 2. install the extension, load the page again, wait for the scan (and open the popover);
 * 3. the snapshots must be equal, apart from our one `<credit-lens-ui>` host.
 *
 * Why not a snapshot taken by a page script "before the content script runs"? There is no
 * reliable "before": the content script's timing is the browser's choice, and a page script that
 * records the DOM would itself be racing it. Loading the page untouched is the honest baseline;
 * the demo pages have no scripts, so two loads of the same file give the same DOM.
 */

let server: StaticServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.close();
});

const demoPages = ['/index.html', '/second.html'];

describe.each(browsersUnderTest())('The page DOM in %s', (browserName) => {
  let launched: LaunchedBrowser;
  const before = new Map<string, string>();

  beforeAll(async () => {
    launched = await launchBrowser(browserName, { extension: false });
    for (const path of demoPages) {
      const page = await launched.browser.newPage();
      await page.goto(server.url(path));
      before.set(path, await domSnapshot(page));
      await page.close();
    }
    await launched.installExtension();
  });
  afterAll(async () => {
    await launched?.close();
  });

  it.each(demoPages)('is unchanged by scanning and marking %s', async (path) => {
    const { page } = await openScanned(launched.browser, server.url(path));
    expect(firstDifference(before.get(path)!, await domSnapshot(page))).toBeUndefined();
    // Marking alone adds nothing, not even our host: it is created when a popover first opens.
    expect(await uiHosts(page)).toEqual({ count: 0, lastInBody: false });
    await page.close();
  });

  it('gains only the <credit-lens-ui> host, at the end of <body>, when the popover opens and closes', async () => {
    const { page } = await openScanned(launched.browser, server.url('/index.html'));
    const term = glossaryEntry('social-credit-system').term;

    await hover(page, 'social credit system', 1);
    await waitForRole(page, 'dialog', term);
    expect(await uiHosts(page)).toEqual({ count: 1, lastInBody: true });
    expect(firstDifference(before.get('/index.html')!, await domSnapshot(page))).toBeUndefined();

    await page.keyboard.press('Escape');
    await waitForNoRole(page, 'dialog', term);
    expect(await uiHosts(page)).toEqual({ count: 1, lastInBody: true });
    expect(firstDifference(before.get('/index.html')!, await domSnapshot(page))).toBeUndefined();
    await page.close();
  });
});
