import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForRole } from './support/aria';
import { browsersUnderTest, launchBrowser, type LaunchedBrowser } from './support/browsers';
import { watchProblems, type PageProblem } from './support/page-helpers';

/*
 * Issue 7, item 10, in a real browser: a newer release upgrades the extension's database
 * ("credit-lens", the real one, in the extension's origin) while an old popup holds it open. The
 * upgrade must complete without being blocked, keep the notes, and the popup must tell the
 * reader. The newer release is played by another extension page opening the database with plain
 * IndexedDB at the next version number, as the next `version()` block would.
 *
 * Chromium only: Firefox's WebDriver BiDi cannot open moz-extension:// pages (see popup.e2e.ts).
 */

const DB_NAME = 'credit-lens';
const NOTE = {
  id: '00000000-0000-4000-8000-00000000e2e1',
  url: 'https://example.org/诚信?utm_source=feed',
  urlKey: 'https://example.org/%E8%AF%9A%E4%BF%A1',
  title: 'שלום — 诚信 🙂',
  quote: null,
  body: 'Written before the update: chéngxìn, 诚信, \u200B and a lone \uD800.',
  createdAt: 1_700_000_000_000,
  updatedAt: 1_700_000_000_001,
  words: ['written', 'chengxin', '诚', '信', '诚信'],
};

interface UpgradeResult {
  from: number;
  to: number;
  blocked: boolean;
  stores: string[];
  note: unknown;
}

/**
 * In `page` (an extension page that does not use the database itself): stores `note` at the
 * current version, then opens the database one version higher, adding a table, and reads the
 * note back. Dexie numbers IndexedDB versions ten per schema version.
 */
async function upgradeFrom(page: Page, note: typeof NOTE): Promise<UpgradeResult> {
  return page.evaluate(
    async (name, note) => {
      const open = (version?: number, upgrade?: (db: IDBDatabase) => void) =>
        new Promise<{ db: IDBDatabase; blocked: boolean }>((resolve, reject) => {
          const request = indexedDB.open(name, version);
          let blocked = false;
          request.onblocked = () => (blocked = true);
          request.onupgradeneeded = () => upgrade?.(request.result);
          request.onsuccess = () => resolve({ db: request.result, blocked });
          request.onerror = () => reject(request.error);
        });
      const done = (transaction: IDBTransaction) =>
        new Promise<void>((resolve, reject) => {
          transaction.oncomplete = () => resolve();
          transaction.onerror = () => reject(transaction.error);
        });

      const { db: current } = await open();
      const from = current.version;
      const write = current.transaction('notes', 'readwrite');
      write.objectStore('notes').put(note);
      await done(write);
      current.close();

      const to = from + 10;
      const { db: next, blocked } = await open(to, (db) => db.createObjectStore('laterTable'));
      const read = next.transaction('notes').objectStore('notes').get(note.id);
      const stored = await new Promise((resolve, reject) => {
        read.onsuccess = () => resolve(read.result as unknown);
        read.onerror = () => reject(read.error);
      });
      const stores = [...next.objectStoreNames];
      next.close();
      return { from, to, blocked, stores, note: stored };
    },
    DB_NAME,
    note,
  );
}

describe.skipIf(!browsersUnderTest().includes('chromium'))('Database upgrade in chromium', () => {
  let launched: LaunchedBrowser;
  beforeAll(async () => {
    launched = await launchBrowser('chromium');
  });
  afterAll(async () => {
    await launched?.close();
  });

  it('completes while an old popup is open, keeps the note, and the popup says so', async () => {
    const origin = launched.extensionOrigin!;
    const popup = await launched.browser.newPage();
    const problems: PageProblem[] = watchProblems(popup);
    await popup.goto(`${origin}/popup.html`);
    // "All notes" reads the database: from here the popup holds a connection open.
    await (await waitForRole(popup, 'tab', 'All notes', { timeout: 20_000 })).click();
    await popup.waitForFunction(
      () => document.body.textContent?.includes('No notes yet') ?? false,
      { timeout: 20_000, polling: 200 },
    );

    // The glossary page does not open the database: it plays the newer release.
    const other = await launched.browser.newPage();
    await other.goto(`${origin}/glossary.html`);
    const result = await Promise.race([
      upgradeFrom(other, NOTE),
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error('the upgrade did not complete in 30 s')), 30_000),
      ),
    ]);

    expect(result.to).toBe(result.from + 10);
    expect(result.blocked).toBe(false);
    expect(result.stores.sort()).toEqual(['customTerms', 'laterTable', 'notes']);
    expect(result.note).toEqual(NOTE);

    // A tab in the background runs no polling: bring the popup forward to watch it.
    await popup.bringToFront();
    await popup.waitForFunction(
      () =>
        [...document.querySelectorAll('[role="alert"]')].some((alert) =>
          alert.textContent?.includes('Credit Lens was updated while this page was open'),
        ),
      { timeout: 20_000, polling: 200 },
    );
    await waitForRole(popup, 'button', 'Reload page');
    expect(problems.filter((p) => p.kind === 'pageerror')).toEqual([]);
  }, 120_000);
});
