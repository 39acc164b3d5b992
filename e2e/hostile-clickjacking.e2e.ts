import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryByRole, waitForRole } from './support/aria';
import { browsersUnderTest, launchBrowser } from './support/browsers';
import { askFrontTab, launchFirefoxWithBackground } from './support/firefox-background';
import { glossaryEntry } from './support/glossary';
import {
  delay,
  hover,
  termPoint,
  waitForScan,
  watchProblems,
  type PageProblem,
} from './support/page-helpers';
import { startServer, type StaticServer } from './support/server';
import { askContentScript, serviceWorker } from './support/service-worker';

/*
 * Issue 7, item 16: clickjacking. A page that makes itself near-transparent, hides our term, or
 * lays an invisible element over it must not get our popover (with its Save button) under the
 * reader's pointer: the popover opens only over a term the reader can see
 * (`lib/highlight/visibility-guard.ts`). The keyboard command that steps to a term refuses such a
 * term too, and says so to screen readers.
 *
 * Each case is a page of its own; after a refusal the test lifts the page's trick and hovers again,
 * and the popover must then open: the control that the refusal was the guard's, not a slow page.
 * Decided: an overlay with `pointer-events: none` is no cover (the click reaches the term itself).
 *
 * The page cannot make our own popover invisible either: the reset in our shadow root
 * (`:host { all: initial !important }`, from WXT) outranks every declaration from outside it, page
 * stylesheets and the host's own style attribute alike, `!important` or not (an important rule
 * from the inner tree wins over the outer one). The last two cases check it, so a change that
 * dropped the reset would fail here. A popover in the top layer is not painted through its
 * ancestors' opacity, and the page's own opacity tricks are refused on the term above.
 */

const ndrc = glossaryEntry('ndrc').term;

/** A page's trick: CSS in a `<style id="trick">` (lifted by removing it), and extra markup. */
interface Case {
  name: string;
  css: string;
  markup?: string;
  /** Whether the popover should open despite the trick. */
  opens: boolean;
}

const CASES: Case[] = [
  { name: 'an ordinary page', css: '', opens: true },
  { name: 'a body at opacity 0.05', css: 'body { opacity: 0.05 }', opens: false },
  { name: 'an ancestor at opacity 0', css: 'article { opacity: 0 }', opens: false },
  {
    name: 'an ancestor with filter: opacity(0.1)',
    css: 'main { filter: opacity(0.1) }',
    opens: false,
  },
  { name: 'transparent text', css: 'p { color: transparent }', opens: false },
  {
    name: 'a transparent overlay over the whole page',
    css: '#overlay { position: fixed; inset: 0; z-index: 10; background: transparent }',
    markup: '<div id="overlay"></div>',
    opens: false,
  },
  {
    name: 'an invisible overlay that lets the pointer through (decided: no cover)',
    css: '#overlay { position: fixed; inset: 0; z-index: 10; opacity: 0; pointer-events: none; background: red }',
    markup: '<div id="overlay"></div>',
    opens: true,
  },
  {
    name: 'page CSS aimed at our popover (it stays visible)',
    css: 'credit-lens-ui { opacity: 0 !important; visibility: hidden !important; filter: opacity(0) !important }',
    opens: true,
  },
  {
    name: 'a page script that styles our popover transparent (it stays visible)',
    css: '',
    markup: `<script>setInterval(() => {
  const host = document.querySelector('credit-lens-ui');
  if (host) host.style.cssText = 'opacity: 0 !important; visibility: hidden !important';
}, 5)</script>`,
    opens: true,
  },
];

/** How long a popover that was going to open could take: hover intent is 300 ms; be generous. */
const REFUSAL_WAIT_MS = 2_000;

let server: StaticServer;
beforeAll(async () => {
  server = await startServer();
  server.route('/favicon.ico', { body: '', contentType: 'image/x-icon' });
  CASES.forEach((c, i) => {
    server.route(`/clickjacking/${i}.html`, {
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><meta charset="utf-8"><title>${c.name}</title><style id="trick">${c.css}</style>
<main><article><p>Planning of the NDRC sets the targets.</p></article></main>${c.markup ?? ''}`,
    });
  });
});
afterAll(async () => {
  await server?.close();
});

/** Lifts the page's trick: its style and overlay go. */
async function liftTrick(page: Page): Promise<void> {
  await page.evaluate(() => {
    document.getElementById('trick')?.remove();
    document.getElementById('overlay')?.remove();
  });
}

/** Our host's computed opacity and visibility. */
async function uiHostLook(page: Page): Promise<{ opacity: string; visibility: string }> {
  return page.$eval('credit-lens-ui', (host) => {
    const { opacity, visibility } = getComputedStyle(host);
    return { opacity, visibility };
  });
}

async function dialogShown(page: Page): Promise<boolean> {
  return (await queryByRole(page, 'dialog', ndrc)) !== null;
}

/** The cases, run in a browser; `step` sends the content script the keyboard command. */
function runCases(
  browser: () => Browser,
  step: (page: Page) => Promise<unknown>,
  liveRegion: ((page: Page) => Promise<string | null>) | null,
) {
  const results: string[] = [];
  afterAll(() => console.info(`clickjacking: ${results.join('; ')}`));

  it.for(CASES)('$name', async (c) => {
    const i = CASES.indexOf(c);
    const page = await browser().newPage();
    const problems: PageProblem[] = watchProblems(page);
    await page.goto(server.url(`/clickjacking/${i}.html`));
    await page.bringToFront();
    await waitForScan(page);

    // By pointer: a hover, then a click.
    await hover(page, 'NDRC');
    if (c.opens) {
      await waitForRole(page, 'dialog', ndrc, { timeout: 10_000 });
      // Open, and seen: the page's CSS did not make our host invisible.
      expect(await uiHostLook(page)).toEqual({ opacity: '1', visibility: 'visible' });
      results.push(`${c.name}: opens`);
    } else {
      await delay(REFUSAL_WAIT_MS);
      expect(await dialogShown(page), 'popover on hover').toBe(false);
      const { x, y } = await termPoint(page, 'NDRC');
      await page.mouse.click(x, y);
      await delay(REFUSAL_WAIT_MS);
      expect(await dialogShown(page), 'popover on click').toBe(false);

      // By keyboard: refused, and said so.
      expect(await step(page)).toEqual({ ok: true, value: false });
      expect(await dialogShown(page), 'popover by keyboard').toBe(false);
      if (liveRegion) {
        await expect
          .poll(() => liveRegion(page), { timeout: 10_000 })
          .toContain('the page hides this term');
      }

      // Control: without the trick, a click on the same term opens the popover.
      await liftTrick(page);
      const control = await termPoint(page, 'NDRC');
      await page.mouse.click(control.x, control.y);
      await waitForRole(page, 'dialog', ndrc, { timeout: 10_000 });
      results.push(`${c.name}: refused (pointer and keyboard)`);
    }
    expect(problems).toEqual([]);
    await page.close();
  });
}

describe.skipIf(!browsersUnderTest().includes('chromium'))('Clickjacking in chromium', () => {
  let launched: Awaited<ReturnType<typeof launchBrowser>>;
  let worker: Awaited<ReturnType<typeof serviceWorker>>;
  beforeAll(async () => {
    launched = await launchBrowser('chromium');
    worker = await serviceWorker(launched);
  });
  afterAll(async () => {
    await launched?.close();
  });

  /** The tab in front (each case brings its page to the front; the extension sees no URLs). */
  async function frontTabId(): Promise<number> {
    return worker.evaluate(async () => {
      const { tabs } = (
        globalThis as unknown as {
          chrome: { tabs: { query(q: object): Promise<{ id?: number }[]> } };
        }
      ).chrome;
      const [tab] = await tabs.query({ active: true, lastFocusedWindow: true });
      return tab!.id!;
    });
  }

  runCases(
    () => launched.browser,
    async () => askContentScript(worker, await frontTabId(), 'stepTerm', { direction: 1 }),
    async (page) => {
      const region = await page.$('::-p-aria([role="status"])');
      return region ? region.evaluate((element) => element.textContent) : null;
    },
  );
});

describe.skipIf(!browsersUnderTest().includes('firefox'))('Clickjacking in firefox', () => {
  let firefox: Awaited<ReturnType<typeof launchFirefoxWithBackground>>;
  beforeAll(async () => {
    firefox = await launchFirefoxWithBackground();
  });
  afterAll(async () => {
    await firefox?.close();
  });

  runCases(
    () => firefox.browser,
    () => askFrontTab(firefox.background, 'stepTerm', { direction: 1 }),
    // The live region is in a closed shadow root that Firefox's BiDi does not show ARIA queries.
    null,
  );
});
