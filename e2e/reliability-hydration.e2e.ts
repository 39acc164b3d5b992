import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Article, ArticleDocument } from './fixtures/hydration/App';
import { queryByRole, waitForNoRole, waitForRole } from './support/aria';
import { browsersUnderTest, launchBrowser, type LaunchedBrowser } from './support/browsers';
import { bundleForPage } from './support/bundle';
import { glossaryEntry } from './support/glossary';
import {
  delay,
  hover,
  markedTexts,
  uiHosts,
  waitForScan,
  watchConsole,
  type ConsoleEntry,
} from './support/page-helpers';
import { startServer, type StaticServer } from './support/server';

/*
 * Issue 7, item 2: a server-rendered React app that hydrates must not notice the extension.
 *
 * React compares the server's HTML with its first client render node by node; anything an
 * extension inserted, wrapped or split in the page would show up as a hydration warning, or as a
 * recoverable error after which React throws the server HTML away and renders again. Credit Lens
 * only reads text and registers highlights, so hydration must go exactly as it does without it.
 *
 * The pages are rendered with `react-dom/server` at test time and hydrated by a client bundle
 * built with esbuild (React's development build: it is the one that reports mismatches). The
 * client waits to be told to hydrate, so the extension has scanned and marked the server HTML
 * before React looks at it (the hostile order: the content script runs at document_idle, and a
 * slow app can hydrate later than that). Two pages:
 *
 * - root:     the article in `<div id="root">`, the usual set-up;
 * - document: React hydrates `document` itself, and the reader has opened a popover first, so
 *             our `<credit-lens-ui>` host is already the last child of `<body>` (React 19 skips
 *             such third-party nodes instead of reporting a mismatch; this checks it does).
 *
 * Without the extension the same pages must hydrate with no message at all, and a page whose
 * text is tampered with before hydrating must be reported: proof that the detection works.
 */

let server: StaticServer;
beforeAll(async () => {
  server = await startServer();
  // Chromium asks every new origin for a favicon; a 404 would be logged as a console error.
  server.route('/favicon.ico', { body: '', contentType: 'image/x-icon' });
  server.route('/hydration/client.js', {
    body: await bundleForPage('e2e/fixtures/hydration/client.tsx'),
    contentType: 'text/javascript; charset=utf-8',
  });
  server.route('/hydration/root.html', {
    body: [
      '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">',
      '<title>Hydrated article</title><script src="/hydration/client.js" defer></script>',
      `</head><body><div id="root">${renderToString(createElement(Article))}</div></body></html>`,
    ].join(''),
    contentType: 'text/html; charset=utf-8',
  });
  server.route('/hydration/document.html', {
    body: `<!DOCTYPE html>${renderToString(createElement(ArticleDocument))}`,
    contentType: 'text/html; charset=utf-8',
  });
});
afterAll(async () => {
  await server?.close();
});

/** The article's terms in document order, written from its text (see fixtures/hydration/App). */
const articleTerms = [
  'social credit system',
  '诚信',
  'chéngxìn',
  'credit score',
  // "A {split} system": the server writes "social credit<!-- --> system", two text nodes.
  'social credit system',
  'GRC',
  'NDRC',
  'top-level design',
];
/** The paragraph the "Show who leads" button adds once the app is interactive. */
const moreTerms = ['National Development and Reform Commission'];

/** React's wording for mismatches ("hydrated", "hydration") and our fixture's prefix. */
const hydrationMessage = /hydrat|didn't match|recoverable|\[fixture\]/i;

interface Hydrated {
  page: Page;
  messages: ConsoleEntry[];
}

/** Loads a page, lets `beforeHydrating` act on it (scan, hover), hydrates and returns the log. */
async function loadAndHydrate(
  launched: LaunchedBrowser,
  path: string,
  {
    tamper = false,
    beforeHydrating = async () => {},
  }: { tamper?: boolean; beforeHydrating?: (page: Page) => Promise<void> } = {},
): Promise<Hydrated> {
  const page = await launched.browser.newPage();
  const messages = watchConsole(page);
  await page.goto(server.url(path));
  await beforeHydrating(page);
  await page.evaluate((tamper) => window.hydrateNow!({ tamper }), tamper);
  return { page, messages };
}

/** Clicks the app's button (a hydrated app answers it) and waits for the paragraph it adds. */
async function showMore(page: Page): Promise<void> {
  const button = await queryByRole(page, 'button', 'Show who leads');
  expect(button, 'the app button').not.toBeNull();
  await button!.click();
  await page.waitForSelector('#more');
}

describe.each(browsersUnderTest())('A hydrated React app in %s', (browserName) => {
  let launched: LaunchedBrowser;
  const withoutExtension = new Map<string, string[]>();
  let controlMessages: ConsoleEntry[] = [];

  beforeAll(async () => {
    launched = await launchBrowser(browserName, { extension: false });
    for (const path of ['/hydration/root.html', '/hydration/document.html']) {
      const { page, messages } = await loadAndHydrate(launched, path);
      await showMore(page);
      withoutExtension.set(
        path,
        messages.map((entry) => entry.message),
      );
      await page.close();
    }
    const control = await loadAndHydrate(launched, '/hydration/root.html', { tamper: true });
    // React reports a text mismatch as a recoverable error once it has re-rendered the root,
    // before the effects that resolve hydrateNow(); give the console event time to arrive.
    await delay(300);
    controlMessages = [...control.messages];
    await control.page.close();
    await launched.installExtension();
  });
  afterAll(async () => {
    await launched?.close();
  });

  it('hydrates without any message when the extension is off, and reports a tampered page', () => {
    expect(withoutExtension.get('/hydration/root.html')).toEqual([]);
    expect(withoutExtension.get('/hydration/document.html')).toEqual([]);
    expect(controlMessages.filter((entry) => hydrationMessage.test(entry.message))).not.toEqual([]);
    console.info(
      `[${browserName}] control (text changed before hydrating): ${controlMessages.length} ` +
        `message(s), e.g. ${JSON.stringify(controlMessages[0]?.message.slice(0, 120))}`,
    );
  });

  it('hydrates a root element over marked text with no warning, and the marks follow the app', async () => {
    const { page, messages } = await loadAndHydrate(launched, '/hydration/root.html', {
      beforeHydrating: async (page) => {
        await waitForScan(page);
        expect(await markedTexts(page)).toEqual(articleTerms);
      },
    });
    await showMore(page);
    await expect.poll(() => markedTexts(page)).toEqual([...articleTerms, ...moreTerms]);
    const hydrationMessages = messages.filter((entry) => hydrationMessage.test(entry.message));
    console.info(
      `[${browserName}] root hydration with marks: ${hydrationMessages.length} hydration ` +
        `message(s), ${messages.length} console warning(s)/error(s) in all`,
    );
    expect(hydrationMessages).toEqual([]);
    expect(messages.map((entry) => entry.message)).toEqual(
      withoutExtension.get('/hydration/root.html'),
    );
    await page.close();
  });

  it('hydrates the whole document with a popover open (our host in <body>) with no warning', async () => {
    const term = glossaryEntry('ndrc').term;
    const { page, messages } = await loadAndHydrate(launched, '/hydration/document.html', {
      beforeHydrating: async (page) => {
        await waitForScan(page);
        expect(await markedTexts(page)).toEqual(articleTerms);
        await hover(page, 'NDRC');
        await waitForRole(page, 'dialog', term);
        expect(await uiHosts(page)).toEqual({ count: 1, lastInBody: true });
      },
    });
    // React left our host alone: it is still there, once, and the popover is still open.
    expect(await uiHosts(page)).toEqual({ count: 1, lastInBody: true });
    await waitForRole(page, 'dialog', term);
    await page.keyboard.press('Escape');
    await waitForNoRole(page, 'dialog', term);
    await showMore(page);
    await expect.poll(() => markedTexts(page)).toEqual([...articleTerms, ...moreTerms]);
    const hydrationMessages = messages.filter((entry) => hydrationMessage.test(entry.message));
    console.info(
      `[${browserName}] document hydration with the popover open: ${hydrationMessages.length} ` +
        `hydration message(s), ${messages.length} console warning(s)/error(s) in all`,
    );
    expect(hydrationMessages).toEqual([]);
    expect(messages.map((entry) => entry.message)).toEqual(
      withoutExtension.get('/hydration/document.html'),
    );
    await page.close();
  });
});
