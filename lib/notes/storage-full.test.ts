import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { fillableStorage } from '~/test/storage-full';
import { CreditLensDb } from '../db';
import { bundledGlossary } from '../glossary';
import { i18n } from '../i18n';
import { answer } from '../messaging/protocol';
import { newNoteId, type NewNote } from './note';
import { storeNotesApi } from './notes-api';
import { NoteStore } from './note-store';
import {
  notesHandlers,
  notesRequestSchemas,
  StorageError,
  storageErrorCode,
  type NotesProtocol,
} from './protocol';

/*
 * Issue 7, item 11, below the UI: a save on a full disk fails with the "storage is full" sentence
 * and the `storage-full` code, in the background's reply (the popover) and in the store API the
 * extension pages use, and the database is exactly as it was.
 */

let db: CreditLensDb;
let storage: ReturnType<typeof fillableStorage>;
let store: NoteStore;

beforeEach(() => {
  db = new CreditLensDb(`full-${Math.random()}`);
  storage = fillableStorage(db);
  store = new NoteStore(db, (id) => bundledGlossary().get(id)?.term);
});
afterEach(async () => {
  await db.delete();
});

const draft = (body: string): NewNote => ({
  id: newNoteId(),
  termId: 'chengxin',
  url: 'https://example.org/a',
  title: 'An article',
  quote: null,
  body,
});

/** Every row, as one comparable string: "intact" means equal to this before and after. */
async function snapshot(): Promise<string> {
  return JSON.stringify(await db.notes.orderBy('id').toArray());
}

const fromContentScript = { id: fakeBrowser.runtime.id, tab: { id: 1 } as never };

describe('Saving a note when storage is full', () => {
  it('answers the popover with the storage-full code and sentence; the database is unchanged', async () => {
    for (const body of ['first', 'second', 'third']) await store.save(draft(body));
    const before = await snapshot();
    storage.full = true;

    const reply = await answer<NotesProtocol>(
      notesRequestSchemas,
      notesHandlers(store),
      () => true,
      { channel: 'credit-lens/v1', method: 'saveNote', data: draft('Does not fit') },
      fromContentScript,
    );

    expect(reply).toEqual({
      ok: false,
      error: i18n.t('problems.noStorageNote'),
      code: 'storage-full',
    });
    expect(storage.writesRefused).toBeGreaterThan(0);
    expect(await db.notes.count()).toBe(3);
    expect(await snapshot()).toBe(before);
  });

  it('fails an edit in an extension page the same way and keeps the old text', async () => {
    const api = storeNotesApi(store);
    const note = await api.save(draft('Old text'));
    const before = await snapshot();
    storage.full = true;

    const failed = api.edit({ id: note.id, body: 'New text' });
    await expect(failed).rejects.toBeInstanceOf(StorageError);
    await expect(failed).rejects.toMatchObject({
      code: 'storage-full',
      message: i18n.t('problems.noStorageNote'),
    });
    expect(await snapshot()).toBe(before);

    // Space is freed: the same edit goes through.
    storage.full = false;
    await api.edit({ id: note.id, body: 'New text' });
    expect((await api.forTerm('chengxin'))[0]?.body).toBe('New text');
  });
});

describe('storageErrorCode', () => {
  it('recognises the browser’s error, Dexie’s, and a transaction aborted by it', () => {
    const quota = new DOMException('full', 'QuotaExceededError');
    expect(storageErrorCode(quota)).toBe('storage-full');
    const aborted = Object.assign(new Error('Transaction aborted'), {
      name: 'AbortError',
      inner: quota,
    });
    expect(storageErrorCode(aborted)).toBe('storage-full');
    expect(storageErrorCode(Object.assign(new Error('x'), { name: 'DatabaseClosedError' }))).toBe(
      'database-closed',
    );
    expect(storageErrorCode(new Error('Something else'))).toBeUndefined();
  });
});
