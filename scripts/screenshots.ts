/**
 * `npm run screenshots` (after `npm run build:chrome`): the README's pictures, taken from the
 * built extension in headless Chromium on the demo article, and written to docs/screenshots/:
 *
 *   popover.png, popover-dark.png, popover-zh-CN.png, popup.png, popup-zh-CN.png, options.png,
 *   glossary.png
 *
 * Each is clipped to what it shows, at 1× scale, so it stays small (under 200 KB).
 */
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { waitForRole } from '../e2e/support/aria';
import { launchBrowser, type LaunchedBrowser } from '../e2e/support/browsers';
import { glossaryEntry } from '../e2e/support/glossary';
import { hover, waitForScan } from '../e2e/support/page-helpers';
import { repoRoot } from '../e2e/support/paths';
import { startServer, type StaticServer } from '../e2e/support/server';

const outDir = path.join(repoRoot, 'docs/screenshots');
const MAX_BYTES = 200_000;

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The smallest box around all of these, with a margin, kept inside the viewport. */
function around(boxes: Box[], margin: number, page: Page): Box {
  const viewport = page.viewport()!;
  const left = Math.max(0, Math.min(...boxes.map((b) => b.x)) - margin);
  const top = Math.max(0, Math.min(...boxes.map((b) => b.y)) - margin);
  const right = Math.min(viewport.width, Math.max(...boxes.map((b) => b.x + b.width)) + margin);
  const bottom = Math.min(viewport.height, Math.max(...boxes.map((b) => b.y + b.height)) + margin);
  return { x: left, y: top, width: right - left, height: bottom - top };
}

async function save(page: Page, name: string, clip?: Box): Promise<void> {
  const file = path.join(outDir, name) as `${string}.png`;
  // Not beyond the viewport: that resizes it for the shot, and the popover would move.
  await page.screenshot({ path: file, captureBeyondViewport: false, ...(clip && { clip }) });
  const { size } = await stat(file);
  console.log(`${path.relative(repoRoot, file)}  ${(size / 1000).toFixed(0)} KB`);
  if (size > MAX_BYTES) throw new Error(`${name} is ${size} bytes, over ${MAX_BYTES}`);
}

async function boxOf(handle: ElementHandle<Element>): Promise<Box> {
  const box = await handle.boundingBox();
  if (!box) throw new Error('element not visible');
  return box;
}

/** The demo page with the popover open on "social credit system", clipped to term and popover. */
async function popover(
  launched: LaunchedBrowser,
  server: StaticServer,
  name: string,
  dark = false,
) {
  const page = await launched.browser.newPage();
  await page.emulateMediaFeatures([
    { name: 'prefers-color-scheme', value: dark ? 'dark' : 'light' },
  ]);
  // Tall, and scrolled so the term is near the top: the popover opens below it, unscrolled.
  await page.setViewport({ width: 1100, height: 1100 });
  await page.goto(server.url('/index.html'));
  await waitForScan(page);
  await page.evaluate(() => window.scrollTo(0, 300));
  const point = await hover(page, 'social credit system', 1);
  const dialog = await waitForRole(page, 'dialog', glossaryEntry('social-credit-system').term);
  // Let the pointer's hover styles and the popover's placement settle.
  await new Promise((resolve) => setTimeout(resolve, 300));
  const term = { x: point.x - 120, y: point.y - 14, width: 240, height: 28 };
  await save(page, name, around([term, await boxOf(dialog)], 16, page));
  await page.close();
}

async function demoTabPopup(launched: LaunchedBrowser, server: StaticServer): Promise<Page> {
  const popupUrl = `${launched.extensionOrigin}/popup.html`;
  const popup = await launched.browser.newPage();
  await popup.setViewport({ width: 380, height: 640 });
  await popup.goto(popupUrl);
  const ids = () =>
    popup.evaluate(async () => {
      const { chrome } = globalThis as unknown as {
        chrome: { tabs: { query(q: object): Promise<{ id?: number }[]> } };
      };
      return (await chrome.tabs.query({})).flatMap((t) => (t.id === undefined ? [] : [t.id]));
    });
  const known = new Set(await ids());
  const demo = await launched.browser.newPage();
  await demo.goto(server.url('/index.html'));
  await waitForScan(demo);
  const [demoTab] = (await ids()).filter((id) => !known.has(id));
  await popup.goto(`${popupUrl}?tab=${demoTab}`);
  await popup.bringToFront();
  return popup;
}

async function main(): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const server = await startServer();
  server.route('/favicon.ico', { body: '', contentType: 'image/x-icon' });
  let launched: LaunchedBrowser | undefined;
  try {
    launched = await launchBrowser('chromium');
    await popover(launched, server, 'popover.png');
    await popover(launched, server, 'popover-dark.png', true);

    const popup = await demoTabPopup(launched, server);
    await waitForRole(popup, 'button', 'New note');
    await save(popup, 'popup.png');

    const options = await launched.browser.newPage();
    await options.setViewport({ width: 1000, height: 900 });
    await options.goto(`${launched.extensionOrigin}/options.html`);
    await waitForRole(options, 'checkbox', 'Mark terms on every site');
    await save(options, 'options.png');

    const glossary = await launched.browser.newPage();
    await glossary.setViewport({ width: 1100, height: 800 });
    await glossary.goto(`${launched.extensionOrigin}/glossary.html`);
    await waitForRole(glossary, 'heading', 'Credit Lens glossary');
    await save(glossary, 'glossary.png');
    await launched.close();

    launched = await launchBrowser('chromium', { locale: 'zh-CN' });
    await popover(launched, server, 'popover-zh-CN.png');
    const popupZh = await demoTabPopup(launched, server);
    await waitForRole(popupZh, 'button', '新建笔记');
    await save(popupZh, 'popup-zh-CN.png');
  } finally {
    await launched?.close();
    await server.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`screenshots: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
