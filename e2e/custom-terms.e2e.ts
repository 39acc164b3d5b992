import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForRole } from './support/aria';
import { browsersUnderTest, launchBrowser, type LaunchedBrowser } from './support/browsers';
import { markedTexts, openScanned, termPoint } from './support/page-helpers';
import { startServer, type StaticServer } from './support/server';

/*
 * "Your terms", end to end in Chromium: a term added on the options page is marked on an open page
 * at once (no reload) and explained by the popover; an import with a bad row is refused with the
 * row named and nothing written; the add form opens filled in from an `?add=` address.
 *
 * The context menu item itself cannot be clicked by automation (browser menus are outside the
 * page), so the test opens the address the item opens, `options.html?add=…#your-terms`.
 * The options page is opened directly in Chromium only: Firefox's WebDriver BiDi refuses to open
 * moz-extension:// pages (see popup.e2e.ts). The Firefox smoke test is in
 * custom-terms-firefox.e2e.ts.
 */

let server: StaticServer;
let tmp: string;
beforeAll(async () => {
  server = await startServer();
  tmp = await mkdtemp(path.join(os.tmpdir(), 'credit-lens-terms-'));
});
afterAll(async () => {
  await server?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

async function typeInto(page: Page, role: string, name: string, text: string): Promise<void> {
  const field = await waitForRole(page, role, name);
  await field.click({ count: 3 });
  await page.keyboard.press('Backspace');
  await field.type(text);
}

async function click(page: Page, role: string, name: string): Promise<void> {
  const control = await waitForRole(page, role, name);
  await control.evaluate((element) => element.scrollIntoView({ block: 'center' }));
  await control.click();
}

/** Picks a file in the import's file input (labelled "Terms file (JSON or CSV)"). */
async function chooseFile(page: Page, file: string): Promise<void> {
  // A file input's accessible name is not exposed as a textbox's is: find it by its label's target.
  const input = await page.waitForSelector('.glossary-transfer input[type="file"]');
  const label = await input!.evaluate((el) => (el as HTMLInputElement).labels?.[0]?.textContent);
  expect(label).toBe('Terms file (JSON or CSV)');
  await (input as ElementHandle<HTMLInputElement>).uploadFile(file);
}

async function textOf(handle: ElementHandle<Element>): Promise<string> {
  return handle.evaluate((element) => element.textContent ?? '');
}

describe.skipIf(!browsersUnderTest().includes('chromium'))('Your terms in chromium', () => {
  let launched: LaunchedBrowser;
  let options: Page;
  let optionsUrl: string;

  beforeAll(async () => {
    launched = await launchBrowser('chromium');
    optionsUrl = `${launched.extensionOrigin}/options.html`;
  });
  afterAll(async () => {
    await launched?.close();
  });

  it('marks a term added on the options page on an open page at once, and its popover shows it', async () => {
    const { page: demo, problems } = await openScanned(launched.browser, server.url('/index.html'));
    expect(await markedTexts(demo)).not.toContain('planning documents');
    const before = await markedTexts(demo);

    options = await launched.browser.newPage();
    await options.goto(`${optionsUrl}#your-terms`);
    await click(options, 'button', 'Add a term');
    await typeInto(options, 'textbox', 'Term', 'Planning documents');
    await typeInto(options, 'textbox', 'Written form 1', 'planning documents');
    // A second form that Credit Lens's "Chengxin (integrity)" has too: the reader's entry wins it.
    await click(options, 'button', 'Add a written form');
    await typeInto(options, 'textbox', 'Written form 2', '诚信');
    await waitForRole(options, 'combobox', 'Language of form 2').then((select) =>
      select.select('zh-Hans'),
    );
    await typeInto(
      options,
      'textbox',
      'Definition',
      'Texts in which the state sets out its goals.',
    );
    await click(options, 'button', 'Add term');
    await waitForRole(options, 'heading', 'Your terms (1)');

    // The demo page, never reloaded, now marks the phrase, and 诚信 opens the reader's entry.
    await demo.bringToFront();
    await expect.poll(() => markedTexts(demo), { timeout: 5_000 }).toContain('planning documents');
    const after = await markedTexts(demo);
    expect(after.filter((text) => text !== 'planning documents')).toEqual(before);

    const { x, y } = await termPoint(demo, 'planning documents');
    await demo.mouse.click(x, y);
    const dialog = await waitForRole(demo, 'dialog', 'Planning documents');
    const text = await textOf(dialog);
    expect(text).toContain('Your terms');
    expect(text).toContain('Texts in which the state sets out its goals.');
    expect(text).not.toContain('In the 2018 seminar');
    await demo.keyboard.press('Escape');

    const shared = await termPoint(demo, '诚信');
    await demo.mouse.click(shared.x, shared.y);
    await waitForRole(demo, 'dialog', 'Planning documents');
    await demo.keyboard.press('Escape');
    // The traditional form stays with Credit Lens's entry.
    const traditional = await termPoint(demo, '誠信');
    await demo.mouse.click(traditional.x, traditional.y);
    await waitForRole(demo, 'dialog', 'Chengxin (integrity)');

    // Deleting the term unmarks it, again without a reload.
    await options.bringToFront();
    await click(options, 'button', 'Delete “Planning documents”');
    await waitForRole(options, 'heading', 'Your terms (0)');
    await expect.poll(() => markedTexts(demo), { timeout: 5_000 }).toEqual(before);
    expect(problems).toEqual([]);
    await demo.close();
  });

  it('refuses a CSV import with a bad row, naming the row, and writes nothing', async () => {
    await options.goto(`${optionsUrl}#glossary-transfer`);
    await options.reload();
    await waitForRole(options, 'heading', 'Your terms (0)');
    const file = path.join(tmp, 'terms.csv');
    await writeFile(
      file,
      '\ufeffterm,aliases,langs,definition\nHukou,hù kǒu|户口,pinyin|zh-Hans,Household registration.\nBad,"bad, term",english,"A definition, with a comma."\n',
    );
    await chooseFile(options, file);
    const alert = await options.waitForSelector('.glossary-transfer [role="alert"]');
    const message = await textOf(alert!);
    expect(message).toContain('Nothing was imported from terms.csv: one problem needs fixing.');
    expect(message).toContain(
      'Row 3, langs (form 1): The language or case must be en, zh-Hans, zh-Hant or pinyin.',
    );
    expect(await options.$('::-p-aria([name="Import"][role="button"])')).toBeNull();
    await waitForRole(options, 'heading', 'Your terms (0)');
  });

  it('imports a valid CSV after a preview, and the page marks its terms', async () => {
    const file = path.join(tmp, 'good.csv');
    await writeFile(file, 'term,aliases,langs,definition\nField guide,field guide,en,A guide.\n');
    await chooseFile(options, file);
    await waitForRole(options, 'heading', 'What the import changes');
    await click(options, 'button', 'Import');
    await waitForRole(options, 'heading', 'Your terms (1)');

    const { page } = await openScanned(launched.browser, server.url('/index.html'));
    await expect.poll(() => markedTexts(page), { timeout: 5_000 }).toContain('Field guide');
    // The bundled terms are marked without waiting for the reader's; these arrive a round trip
    // later and the page is marked again with them.
    const timing = await page.evaluate(() => {
      const scan = performance.getEntriesByName('credit-lens:scan')[0]!;
      const custom = performance.getEntriesByName(
        'credit-lens:custom-terms',
      )[0] as PerformanceMeasure;
      return {
        firstScanStart: scan.startTime,
        customStart: custom.startTime,
        customDone: custom.startTime + custom.duration,
        fetchMs: Number((custom.detail as { fetchMs: number }).fetchMs),
      };
    });
    console.info(
      `[chromium] custom terms: asked at ${timing.customStart.toFixed(0)} ms, round trip ${timing.fetchMs.toFixed(1)} ms, applied at ${timing.customDone.toFixed(0)} ms; first scan of bundled terms began at ${timing.firstScanStart.toFixed(0)} ms`,
    );
    expect(timing.customStart).toBeLessThanOrEqual(timing.firstScanStart);
    await page.close();
  });

  it('opens the add form filled in from the address the context menu item opens', async () => {
    await options.goto(`${optionsUrl}?add=${encodeURIComponent('  hù kǒu\n户口 ')}#your-terms`);
    const term = await waitForRole(options, 'textbox', 'Term');
    expect(await term.evaluate((el) => (el as HTMLInputElement).value)).toBe('hù kǒu 户口');
    expect(await term.evaluate((el) => el === document.activeElement)).toBe(true);
    const form1 = await waitForRole(options, 'textbox', 'Written form 1');
    expect(await form1.evaluate((el) => (el as HTMLInputElement).value)).toBe('hù kǒu 户口');
    // The address no longer carries the text, so a reload does not fill the form again.
    expect(new URL(options.url()).search).toBe('');
    expect(new URL(options.url()).hash).toBe('#your-terms');
    await options.reload();
    await waitForRole(options, 'button', 'Add a term');
  });

  it('declares the context menu item’s permission', async () => {
    const manifest = await options.evaluate(() =>
      (
        globalThis as unknown as {
          chrome: { runtime: { getManifest(): { permissions?: string[] } } };
        }
      ).chrome.runtime.getManifest(),
    );
    expect(manifest.permissions).toContain('contextMenus');
  });
});
