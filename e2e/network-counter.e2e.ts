import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browsersUnderTest, launchBrowser, type LaunchedBrowser } from './support/browsers';
import { FirefoxBackground, freePort } from './support/firefox-background';
import { gotoLoaded } from './support/page-helpers';
import { serviceWorker } from './support/service-worker';
import { startServer, type StaticServer } from './support/server';

/*
 * Issue 7, item 15: the launcher counts the extension's network requests in every e2e test and
 * fails a test file whose extension made one (e2e/support/network-watch.ts). A counter that never
 * counts would pass the whole suite too, so this file makes the extension send requests on
 * purpose, checks each is counted, and then makes the counter forget them, so its own browsers
 * close cleanly.
 */

let server: StaticServer;
const probes: string[] = [];
beforeAll(async () => {
  server = await startServer();
  server.route('/probe', (req, res) => {
    probes.push(req.url ?? '');
    res.writeHead(204, { 'Access-Control-Allow-Origin': '*' });
    res.end();
  });
});
afterAll(async () => {
  await server?.close();
});

describe.runIf(browsersUnderTest().includes('chromium'))('The network counter in chromium', () => {
  let launched: LaunchedBrowser;
  beforeAll(async () => {
    launched = await launchBrowser('chromium');
  });
  afterAll(async () => {
    await launched?.close();
  });

  it('counts nothing while the extension marks a page', async () => {
    const page = await launched.newPage();
    await gotoLoaded(page, server.url('/'));
    expect(launched.network.extensionRequests()).toEqual([]);
    await page.close();
  });

  it('counts a request from the service worker', async () => {
    const worker = await serviceWorker(launched);
    const url = server.url('/probe?from=worker');
    await worker.evaluate((url) => fetch(url).then(() => undefined), url);
    await expect
      .poll(() => launched.network.extensionRequests())
      .toEqual([expect.stringContaining(url)]);
    expect(probes).toContain('/probe?from=worker');
    launched.network.forget();
    expect(launched.network.extensionRequests()).toEqual([]);
  });

  it('counts a request from an extension page', async () => {
    const page = await launched.newPage();
    await page.goto(`${launched.extensionOrigin}/popup.html`);
    const url = server.url('/probe?from=popup');
    await page.evaluate((url) => fetch(url).then(() => undefined), url);
    await expect
      .poll(() => launched.network.extensionRequests())
      .toEqual([expect.stringContaining(url)]);
    launched.network.forget();
    await page.close();
  });

  it("counts a page's request made from the extension's script, not the page's own", async () => {
    const page = await launched.newPage();
    await gotoLoaded(page, server.url('/'));
    const own = server.url('/probe?from=page');
    await page.evaluate((url) => fetch(url).then(() => undefined), own);
    // A content script's request is known by the script it comes from: a call stack in the
    // extension. Code evaluated over CDP has no URL of its own, so it is named one here.
    const fromLens = server.url('/probe?from=content-script');
    await page.evaluate(
      `fetch(${JSON.stringify(fromLens)}).then(() => undefined)\n//# sourceURL=${launched.extensionOrigin}/content-scripts/content.js`,
    );
    await expect
      .poll(() => launched.network.extensionRequests())
      .toEqual([expect.stringContaining(fromLens)]);
    expect(probes).toContain('/probe?from=page');
    launched.network.forget();
    await page.close();
  });
});

describe.runIf(browsersUnderTest().includes('firefox'))('The network counter in firefox', () => {
  let launched: LaunchedBrowser;
  let background: FirefoxBackground;
  beforeAll(async () => {
    const port = await freePort();
    launched = await launchBrowser('firefox', { firefoxDebuggerPort: port });
    background = await FirefoxBackground.attach(port, launched.extensionId!);
  });
  afterAll(async () => {
    background?.close();
    await launched?.close();
  });

  it("does not count a page's own requests to the web", async () => {
    const page = await launched.newPage();
    await gotoLoaded(page, server.url('/'));
    // Goes to the dead-end proxy, like a saved page's trackers; the page asked for it.
    await page.evaluate(() =>
      fetch('http://tracker.example/pixel', { mode: 'no-cors' }).catch(() => undefined),
    );
    expect(launched.network.extensionRequests()).toEqual([]);
    await page.close();
  });

  it('counts a request from the background page', async () => {
    // Loopback is never proxied in Firefox, so the probe names a host on the web (plain HTTP:
    // the proxy reads who asked from the request's Origin header).
    await background.run(
      "await fetch('http://extension-probe.example/probe').catch(() => undefined); return 'sent'",
    );
    await expect
      .poll(() => launched.network.extensionRequests())
      .toEqual([
        expect.stringMatching(
          /^moz-extension:\/\/[0-9a-f-]+: GET http:\/\/extension-probe\.example\/probe$/,
        ),
      ]);
    launched.network.forget();
  });
});
