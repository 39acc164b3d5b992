import { mkdir, copyFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { secondExpected } from './fixtures/demo-expected';
import { anyDialogOpen, queryByRole, waitForNoRole, waitForRole } from './support/aria';
import { browsersUnderTest, launchBrowser, type LaunchedBrowser } from './support/browsers';
import { glossaryEntry } from './support/glossary';
import {
  delay,
  hover,
  markedTexts,
  openScanned,
  termPoint,
  waitForScan,
  type PageProblem,
} from './support/page-helpers';
import { artifactsDir, repoRoot } from './support/paths';
import { startServer, type StaticServer } from './support/server';

let server: StaticServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.close();
});

/** The contract's hover intent: the pointer must rest this long before a popover opens. */
const HOVER_INTENT_MS = 300;

const socialCredit = glossaryEntry('social-credit-system');
const ndrc = glossaryEntry('ndrc');

describe.each(browsersUnderTest())('The popover in %s', (browserName) => {
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
    // The demo pages have no scripts: any error or console error comes from the extension.
    expect(problems).toEqual([]);
  });

  it('opens with the entry when the pointer rests on a term', async () => {
    // The second "social credit system" is the one split by <em> in the lede.
    await hover(page, 'social credit system', 1);
    const dialog = await waitForRole(page, 'dialog', socialCredit.term);
    const text = (await dialog.evaluate((element) => element.textContent)) ?? '';
    expect(text).toContain(socialCredit.term);
    expect(text).toContain(socialCredit.chinese!.simplified);
    expect(text).toContain(socialCredit.chinese!.traditional);
    expect(text).toContain(socialCredit.pinyin!);
    expect(text).toContain(socialCredit.definition);
    expect(text).toContain(socialCredit.explanation);
    expect(text).toContain(socialCredit.seminar.said);
    for (const id of socialCredit.related) {
      expect(await queryByRole(page, 'button', glossaryEntry(id).term), id).not.toBeNull();
    }
  });

  it('does not open for a pointer that only passes over a term', async () => {
    const { x, y } = await termPoint(page, 'NDRC');
    // From the page's left margin onto the term and straight back (over the plain words before
    // it on the same line), far quicker than the hover intent delay.
    await page.mouse.move(20, y);
    const started = Date.now();
    await page.mouse.move(x, y, { steps: 2 });
    await page.mouse.move(20, y, { steps: 2 });
    const onTerm = Date.now() - started;
    // If the automation itself was slower than the intent delay, the pointer did rest: no test.
    expect(onTerm, 'the pointer pass took too long to test hover intent').toBeLessThan(
      HOVER_INTENT_MS,
    );
    console.info(`[${browserName}] pointer passed over the term in ${onTerm} ms`);
    await delay(HOVER_INTENT_MS * 2);
    expect(await anyDialogOpen(page)).toBe(false);
  });

  it('closes on Escape', async () => {
    await hover(page, 'NDRC');
    await waitForRole(page, 'dialog', ndrc.term);
    await page.keyboard.press('Escape');
    await waitForNoRole(page, 'dialog', ndrc.term);
  });

  it('closes on a click outside it', async () => {
    await hover(page, 'NDRC');
    await waitForRole(page, 'dialog', ndrc.term);
    // The left margin of the page, away from text and from the popover.
    await page.mouse.click(20, 780);
    await waitForNoRole(page, 'dialog', ndrc.term);
  });

  it('opens at once when a term is clicked, and stays open when the pointer moves away', async () => {
    const { x, y } = await termPoint(page, 'NDRC');
    const started = Date.now();
    await page.mouse.click(x, y);
    // Leave the term straight away: that cancels any hover intent, so only the click can open it.
    await page.mouse.move(20, y);
    await waitForRole(page, 'dialog', ndrc.term);
    console.info(`[${browserName}] popover found ${Date.now() - started} ms after the click`);
    await delay(HOVER_INTENT_MS * 3);
    expect(await queryByRole(page, 'dialog', ndrc.term)).not.toBeNull();
  });

  it('shows the related entry when a related term is chosen', async () => {
    await hover(page, 'social credit system', 1);
    await waitForRole(page, 'dialog', socialCredit.term);
    const related = glossaryEntry(socialCredit.related[0]!);
    const button = await queryByRole(page, 'button', related.term);
    expect(button).not.toBeNull();
    // The related terms may sit below the fold of the popover's own scroll area; scroll there as
    // a reader would. (Firefox's click would otherwise land on the page under the clipped button.)
    await button!.evaluate((element) => element.scrollIntoView({ block: 'nearest' }));
    await button!.click();
    const dialog = await waitForRole(page, 'dialog', related.term);
    expect(await dialog.evaluate((element) => element.textContent)).toContain(related.definition);
  });

  it('opens the glossary page at the entry from "Open in glossary"', async () => {
    const { x, y } = await termPoint(page, 'NDRC');
    await page.mouse.click(x, y);
    const dialog = await waitForRole(page, 'dialog', ndrc.term);
    const button = await queryByRole(page, 'button', 'Open in glossary');
    expect(button).not.toBeNull();
    await button!.evaluate((element) => element.scrollIntoView({ block: 'nearest' }));
    if (browserName === 'firefox') {
      // Firefox 153's WebDriver BiDi does not report moz-extension:// tabs to automation, so the
      // new tab cannot be seen here; what can be seen is that the request did not fail.
      await button!.click();
      await delay(1_000);
      expect(await dialog.evaluate((element) => element.textContent)).not.toContain(
        'could not be opened',
      );
      return;
    }
    const opened = launched.browser.waitForTarget(
      (target) => target.url().endsWith(`/glossary.html#${ndrc.id}`),
      { timeout: 10_000 },
    );
    await button!.click();
    const target = await opened;
    expect(target.url().startsWith(`${launched.extensionOrigin}/`)).toBe(true);
    await (await target.page())?.close();
  });

  it('lets a link that contains a term navigate on click', async () => {
    // The second "top-level design" is the link to second.html.
    const { x, y } = await termPoint(page, 'top-level design', 1);
    await Promise.all([page.waitForNavigation(), page.mouse.click(x, y)]);
    expect(new URL(page.url()).pathname).toBe('/second.html');
    await waitForScan(page);
    expect(await markedTexts(page)).toEqual(secondExpected);
  });

  it('looks right (screenshot in e2e/artifacts)', async () => {
    // A term low in the first screen, so the picture shows the marked title, the article and
    // the popover together.
    await hover(page, 'chéngxìn');
    await waitForRole(page, 'dialog', glossaryEntry('chengxin').term);
    // Let the popover's entrance transition (if any) finish before the picture.
    await delay(400);
    await mkdir(artifactsDir, { recursive: true });
    const file = path.join(artifactsDir, `demo-popover-${browserName}.png`);
    await page.screenshot({ path: file as `${string}.png` });
    console.info(`[${browserName}] screenshot: ${file}`);
    // The README shows Chromium's picture; refresh it on request only.
    if (process.env.UPDATE_SCREENSHOT === '1' && browserName === 'chromium') {
      await mkdir(path.join(repoRoot, 'docs'), { recursive: true });
      await copyFile(file, path.join(repoRoot, 'docs/screenshot.png'));
    }
  });
});
