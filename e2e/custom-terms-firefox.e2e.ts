import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForRole } from './support/aria';
import { browsersUnderTest } from './support/browsers';
import { launchFirefoxWithBackground, storeCustomTerms } from './support/firefox-background';
import { markedTexts, openScanned, termPoint } from './support/page-helpers';
import { startServer, type StaticServer } from './support/server';

/*
 * Firefox smoke test of "Your terms": a custom term stored by the background is marked on an open
 * page, without a reload, and its popover explains it.
 *
 * Firefox's WebDriver BiDi cannot open the options page (moz-extension:// is out of its reach),
 * so the term is written in the background page, through Firefox's own debugging protocol (see
 * support/firefox-background.ts), exactly as the options page writes it: one record in the
 * `customTerms` table of the extension's database, then the `glossaryRevision` bump every write
 * makes. From there on it is the path a reader's term takes in Firefox: the content script is told
 * by `storage.onChanged`, asks the background for the terms, and marks the page again.
 */

const term = {
  id: 'custom-planning-documents',
  term: 'Planning documents',
  aliases: [
    {
      text: 'planning documents',
      lang: 'en',
      case: 'insensitive',
      standalone: false,
      prefer: false,
    },
  ],
  definition: 'Texts in which the state sets out its goals.',
  createdAt: 1_767_225_600_000,
  updatedAt: 1_767_225_600_000,
};

let server: StaticServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.close();
});

describe.skipIf(!browsersUnderTest().includes('firefox'))('Your terms in firefox', () => {
  let firefox: Awaited<ReturnType<typeof launchFirefoxWithBackground>>;

  beforeAll(async () => {
    firefox = await launchFirefoxWithBackground();
  });
  afterAll(async () => {
    await firefox?.close();
  });

  it('marks a custom term stored by the background on an open page, and its popover shows it', async () => {
    const { page, problems } = await openScanned(firefox.browser, server.url('/index.html'));
    const before = await markedTexts(page);
    expect(before).not.toContain('planning documents');

    await storeCustomTerms(firefox.background, [term]);

    await expect.poll(() => markedTexts(page), { timeout: 10_000 }).toContain('planning documents');
    expect((await markedTexts(page)).filter((text) => text !== 'planning documents')).toEqual(
      before,
    );
    const { x, y } = await termPoint(page, 'planning documents');
    await page.mouse.click(x, y);
    const dialog = await waitForRole(page, 'dialog', 'Planning documents');
    const text = await dialog.evaluate((element) => element.textContent ?? '');
    expect(text).toContain('Your terms');
    expect(text).toContain(term.definition);
    expect(problems).toEqual([]);
  });
});
