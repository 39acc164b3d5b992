import type { WebWorker } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForRole } from './support/aria';
import { browsersUnderTest, launchBrowser, type LaunchedBrowser } from './support/browsers';
import { readStoredNotes } from './support/extension-db';
import { glossaryEntry } from './support/glossary';
import { clickRole, noteFormAlert, writeNote } from './support/note-form';
import { openScanned, termPoint, type PageProblem } from './support/page-helpers';
import { startServer, type StaticServer } from './support/server';
import { serviceWorker } from './support/service-worker';

/*
 * Issue 7, item 11, in the browser: the reader saves a note from the popover and the disk is
 * full. The popover must say so, keep the text they typed, and save it when they try again once
 * there is room; the database must be exactly as it was.
 *
 * A real quota cannot be reached: the extension holds `unlimitedStorage`, and Chromium then
 * ignores a quota set over CDP (`Storage.overrideQuotaForOrigin` on the extension's origin is
 * accepted and reported by `navigator.storage.estimate()`, yet a 3 MB write under a 200 kB quota
 * still commits). So the failure is made one layer down, in the background's IndexedDB: while
 * the disk is "full", `IDBObjectStore.prototype.put` in the service worker throws the browser's
 * `QuotaExceededError`. Everything above it is real: Dexie, the note store, the background's
 * reply, the messaging, the popover. (Unit tests do the same at Dexie's lowest layer, for the
 * popup and options page too: lib/notes/storage-full.test.ts, components/notes/storage-full.test.tsx.)
 *
 * Chromium only: Firefox's automation reaches no extension context in which to fill the disk.
 */

const chengxin = glossaryEntry('chengxin');

let server: StaticServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.close();
});

/** Every stored note, as one comparable string, read in the service worker. */
async function notesSnapshot(worker: WebWorker): Promise<string> {
  return JSON.stringify(await readStoredNotes(worker));
}

/** Fills or frees the "disk": see above. */
async function setDiskFull(worker: WebWorker, full: boolean): Promise<void> {
  await worker.evaluate((full) => {
    const proto = IDBObjectStore.prototype as IDBObjectStore & { realPut?: IDBObjectStore['put'] };
    proto.realPut ??= proto.put;
    proto.put = full
      ? () => {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        }
      : proto.realPut;
  }, full);
}

describe.runIf(browsersUnderTest().includes('chromium'))('Storage full, in chromium', () => {
  let launched: LaunchedBrowser;
  beforeAll(async () => {
    launched = await launchBrowser('chromium');
  });
  afterAll(async () => {
    await launched?.close();
  });

  it('shows the reader that storage is full, keeps the draft and the database, and saves on retry', async () => {
    const { page, problems } = await openScanned(launched.browser, server.url('/index.html'));
    const { x, y } = await termPoint(page, 'chéngxìn');
    await page.mouse.click(x, y);
    await waitForRole(page, 'dialog', chengxin.term);
    await writeNote(page, chengxin.term, 'Saved while there is room.');
    await waitForRole(page, 'article', 'Note: Saved while there is room.');

    const worker = await serviceWorker(launched);
    const before = await notesSnapshot(worker);
    expect(JSON.parse(before)).toHaveLength(1);
    await setDiskFull(worker, true);

    const draft = 'Written when the disk is full.';
    await writeNote(page, chengxin.term, draft);
    // An alert has no accessible name of its own: it is found by role and read.
    await page.waitForSelector('::-p-aria([role="alert"])', { timeout: 10_000 });
    const shown = await noteFormAlert(page);
    expect(shown).toBe(
      'Your browser has no storage space left for Credit Lens, so the note was not saved. Free some disk space and try again.',
    );
    const box = await waitForRole(page, 'textbox', `New note on ${chengxin.term}`);
    expect(await box.evaluate((element) => (element as HTMLTextAreaElement).value)).toBe(draft);
    expect(await notesSnapshot(worker)).toBe(before);

    // Room again: the same Save, pressed again, stores the kept draft.
    await setDiskFull(worker, false);
    await clickRole(page, 'button', 'Save note');
    await waitForRole(page, 'article', `Note: ${draft}`);
    expect(JSON.parse(await notesSnapshot(worker))).toHaveLength(2);
    expect(problems).toEqual([] satisfies PageProblem[]);
    await page.close();
  });
});
