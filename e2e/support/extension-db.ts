import type { Page, WebWorker } from 'puppeteer-core';

/** A stored note as the extension's IndexedDB holds it (only the fields tests compare). */
export interface StoredNoteRow {
  id: string;
  body: string;
  createdAt: number;
  updatedAt: number;
}

/**
 * Every row of the extension's `notes` table, read with plain IndexedDB (not through the
 * extension's code, which is what is under test) in an extension context: one of its pages or
 * its service worker (Chromium).
 */
export async function readStoredNotes(context: Page | WebWorker): Promise<StoredNoteRow[]> {
  // One callable type: `Page.evaluate` and `WebWorker.evaluate` have the same shape.
  const evaluate = (context as WebWorker).evaluate.bind(context) as WebWorker['evaluate'];
  return evaluate(
    () =>
      new Promise<StoredNoteRow[]>((resolve, reject) => {
        const open = indexedDB.open('credit-lens');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('notes').objectStore('notes').getAll();
          all.onerror = () => reject(all.error);
          all.onsuccess = () => {
            open.result.close();
            resolve(all.result as StoredNoteRow[]);
          };
        };
      }),
  );
}
