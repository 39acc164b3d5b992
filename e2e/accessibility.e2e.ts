import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { waitForRole } from './support/aria';
import { describeViolations, runAxe, seriousOrCritical } from './support/axe';
import { browsersUnderTest, launchBrowser, type LaunchedBrowser } from './support/browsers';
import { glossaryEntry } from './support/glossary';
import { listControls, tabThrough } from './support/keyboard';
import { delay, waitForScan } from './support/page-helpers';
import { servePopoverFixture } from './support/popover-fixture';
import { startServer, type StaticServer } from './support/server';

/*
 * axe-core on every screen of Credit Lens, in light and dark mode (contrast changes with the
 * palette), asserting no serious or critical violation and printing every violation found. Then
 * Tab through the options page, the popup and the popover, asserting focus reaches every control.
 *
 * The popover lives in a closed shadow root that axe, a page script, cannot enter. So the popover
 * is checked on a fixture page that renders the same components with the same CSS, in the same
 * kind of isolated element, with an OPEN shadow root (`e2e/fixtures/a11y/popover.tsx`).
 *
 * Chromium only: Firefox's WebDriver BiDi cannot open moz-extension:// pages.
 */

const schemes = ['light', 'dark'] as const;
const socialCredit = glossaryEntry('social-credit-system');

let server: StaticServer;
let popoverPage: string;
beforeAll(async () => {
  server = await startServer();
  server.route('/favicon.ico', { body: '', contentType: 'image/x-icon' });
  popoverPage = await servePopoverFixture(server);
});
afterAll(async () => {
  await server?.close();
});

async function expectAccessible(page: Page, where: string): Promise<void> {
  const violations = await runAxe(page);
  console.log(describeViolations(where, violations));
  expect(seriousOrCritical(violations), where).toEqual([]);
}

interface TabsApi {
  chrome: { tabs: { query(query: object): Promise<{ id?: number }[]> } };
}

describe.skipIf(!browsersUnderTest().includes('chromium'))('Accessibility in chromium', () => {
  let launched: LaunchedBrowser;
  const pages: Page[] = [];
  const open = async (url: string, scheme: 'light' | 'dark' = 'light') => {
    const page = await launched.browser.newPage();
    pages.push(page);
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
    await page.goto(url);
    return page;
  };

  /** The popup, speaking about the demo page in another tab (as popup.e2e.ts does). */
  const openPopup = async (scheme: 'light' | 'dark' = 'light') => {
    const popupUrl = `${launched.extensionOrigin}/popup.html`;
    const popup = await open(popupUrl, scheme);
    const ids = () =>
      popup.evaluate(async () =>
        (await (globalThis as unknown as TabsApi).chrome.tabs.query({})).flatMap((t) =>
          t.id === undefined ? [] : [t.id],
        ),
      );
    const known = new Set(await ids());
    const demo = await open(server.url('/index.html'));
    await waitForScan(demo);
    const [demoTab] = (await ids()).filter((id) => !known.has(id));
    await popup.goto(`${popupUrl}?tab=${demoTab}`);
    await popup.bringToFront();
    await waitForRole(popup, 'button', 'New note');
    return popup;
  };

  const openPopover = async (scheme: 'light' | 'dark' = 'light') => {
    const page = await open(server.url(popoverPage), scheme);
    // Tall enough that the popover needs no scrolling: axe skips text scrolled out of sight.
    await page.setViewport({ width: 1280, height: 2400 });
    await page.waitForFunction(() => typeof window.openPopover === 'function');
    await page.evaluate(() => window.openPopover!('social-credit-system', 'social credit system'));
    await waitForRole(page, 'dialog', socialCredit.term);
    // The notes list is read asynchronously; wait for its note card.
    await waitForRole(page, 'button', 'Edit');
    return page;
  };

  beforeAll(async () => {
    launched = await launchBrowser('chromium');
  });
  afterAll(async () => {
    await launched?.close();
  });
  afterEach(async () => {
    for (const page of pages.splice(0)) if (!page.isClosed()) await page.close();
  });

  describe.each(schemes)('in %s mode, axe finds no serious or critical violation', (scheme) => {
    it('on the popup (This page and All notes)', async () => {
      const popup = await openPopup(scheme);
      await expectAccessible(popup, `popup, This page, ${scheme}`);
      await (await waitForRole(popup, 'tab', 'All notes')).click();
      await waitForRole(popup, 'searchbox', 'Search notes');
      await expectAccessible(popup, `popup, All notes, ${scheme}`);
    });

    it('on the options page, with a site rule and the add-term form open', async () => {
      const options = await open(`${launched.extensionOrigin}/options.html`, scheme);
      const add = await waitForRole(options, 'textbox', 'Add a site where marking is off');
      await add.type('example.org');
      await options.keyboard.press('Enter');
      await waitForRole(options, 'button', 'Remove example.org');
      await (await waitForRole(options, 'button', 'Add a term')).click();
      await waitForRole(options, 'textbox', 'Term');
      await expectAccessible(options, `options page, ${scheme}`);
    });

    it('on the glossary page', async () => {
      const glossary = await open(`${launched.extensionOrigin}/glossary.html`, scheme);
      await waitForRole(glossary, 'heading', 'Credit Lens glossary');
      await expectAccessible(glossary, `glossary page, ${scheme}`);
    });

    it('on an open popover (same components and CSS, open shadow root)', async () => {
      const page = await openPopover(scheme);
      await expectAccessible(page, `popover, ${scheme}`);
    });
  });

  it('sees inside the popover’s open shadow root: a planted faint, unnamed button fails', async () => {
    // A positive control: the popover checks above can only pass if axe really reads the
    // shadow root and its colours. Plant two faults there and axe must report both.
    const page = await openPopover();
    await page.evaluate(() => {
      const dialog = document
        .querySelector('credit-lens-ui')!
        .shadowRoot!.querySelector('[role="dialog"]')!;
      const faint = document.createElement('p');
      faint.textContent = 'Faint text';
      faint.style.cssText = 'color: #d8d8d8; background: #ffffff';
      dialog.prepend(faint, document.createElement('button'));
    });
    const found = seriousOrCritical(await runAxe(page)).map((line) => line.split(' ')[0]);
    expect(found).toEqual(expect.arrayContaining(['color-contrast', 'button-name']));
  });

  describe('keyboard: Tab reaches every control', () => {
    it('on the options page', async () => {
      const options = await open(`${launched.extensionOrigin}/options.html`);
      await waitForRole(options, 'checkbox', 'Mark terms on every site');
      const add = await waitForRole(options, 'textbox', 'Add a site where marking is off');
      await add.type('example.org');
      await options.keyboard.press('Enter');
      await waitForRole(options, 'button', 'Remove example.org');
      await options.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      const controls = await listControls(options);
      expect(controls.length).toBeGreaterThan(15);
      const visited = await tabThrough(options, controls.length + 5);
      expect(controls.filter((control) => !visited.has(control))).toEqual([]);
    });

    it('on the popup', async () => {
      const popup = await openPopup();
      await popup.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      const controls = await listControls(popup);
      expect(controls.length).toBeGreaterThan(5);
      const visited = await tabThrough(popup, controls.length + 3);
      expect(controls.filter((control) => !visited.has(control))).toEqual([]);
    });

    it('in the popover, from its dialog through every control', async () => {
      const page = await openPopover();
      // Opened by a click, the popover has focus on its dialog; open "Sources" so its list counts.
      const controls = await listControls(page, '[role="dialog"]');
      expect(controls.length).toBeGreaterThan(4);
      await delay(50);
      const visited = await tabThrough(page, controls.length + 2);
      expect(controls.filter((control) => !visited.has(control))).toEqual([]);
    });
  });
});
