import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CreditLensDb } from './db';
import { onDatabaseUpgraded } from './db-upgraded';
import { NoteStore } from './notes/note-store';
import { RELEASED_SCHEMAS, fixtureRows, releasedDb } from '~/test/fixtures/db/schemas';

/*
 * Issue 7, item 10: "an upgrade while an old popup is open completes". An open page holds a
 * connection at its version; the upgrade of a newer release must not wait for it (IndexedDB
 * blocks an upgrade until every older connection closes), and the old page must stop using the
 * database rather than carry on with code written for the old schema.
 */

const names: string[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const name of names.splice(0)) await Dexie.delete(name);
});
function dbName(): string {
  const name = `upgrade-${Math.random()}`;
  names.push(name);
  return name;
}

/** Resolves with the promise, or fails after `ms` (a blocked upgrade never settles). */
function within<T>(promise: Promise<T>, ms = 10_000): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) =>
      setTimeout(() => reject(new Error(`still waiting after ${ms} ms: blocked?`)), ms),
    ),
  ]);
}

/** The next release: today's versions plus one more, declared as it would be in `lib/db.ts`. */
function nextRelease(name: string): Dexie {
  const latest = Math.max(...Object.keys(RELEASED_SCHEMAS).map(Number));
  const db = releasedDb(name, latest);
  db.version(latest + 1).stores({ laterTable: 'id' });
  return db;
}

describe('an upgrade while an old page is open', () => {
  it('completes while a version-1 popup holds the database, and keeps every note', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const name = dbName();
    const { notes } = fixtureRows(1).tables;
    const oldPopup = releasedDb(name, 1);
    await oldPopup.table('notes').bulkAdd([...notes!]);
    const blocked = vi.fn();

    const db = new CreditLensDb(name);
    db.on('blocked', blocked);
    await within(db.open());

    expect(db.verno).toBeGreaterThan(1);
    expect(blocked).not.toHaveBeenCalled();
    expect(oldPopup.isOpen()).toBe(false);
    expect(await db.notes.count()).toBe(notes!.length);
    db.close();
  });

  it('lets the next release upgrade under an open page, which stops and tells the reader', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const name = dbName();
    const page = new CreditLensDb(name);
    const store = new NoteStore(page, () => undefined);
    const note = {
      id: '00000000-0000-4000-8000-000000000001',
      url: 'https://example.org/',
      title: 'Example',
      quote: null,
      body: '诚信 — a note written before the update.',
    };
    const saved = await store.save(note);
    const notify = vi.fn();
    onDatabaseUpgraded(page, notify);

    const next = nextRelease(name);
    await within(next.open());

    expect(notify).toHaveBeenCalledTimes(1);
    expect(page.isOpen()).toBe(false);
    // The old page cannot quietly reopen the database with its old schema: its save fails (the
    // form shows the error and keeps the draft) and nothing is written.
    await expect(
      store.save({ ...note, id: '00000000-0000-4000-8000-000000000002', body: 'after' }),
    ).rejects.toThrow(Dexie.DatabaseClosedError);
    expect(await next.table('notes').toArray()).toEqual([
      expect.objectContaining({ id: saved.id, body: saved.body }),
    ]);
    next.close();
  });

  it('without the handler, the old page would reopen the upgraded database behind the reader', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const name = dbName();
    const page = new CreditLensDb(name);
    await page.notes.count();
    const next = nextRelease(name);
    await within(next.open());
    // This is Dexie's default, which `onDatabaseUpgraded` turns off for pages.
    expect(await page.notes.count()).toBe(0);
    expect(page.isOpen()).toBe(true);
    page.close();
    next.close();
  });

  it('does not call a deleted database an update', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const name = dbName();
    const page = new CreditLensDb(name);
    await page.open();
    const notify = vi.fn();
    onDatabaseUpgraded(page, notify);
    await within(Dexie.delete(name));
    expect(notify).not.toHaveBeenCalled();
  });
});
