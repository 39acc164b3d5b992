import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { CreditLensDb, type StoredNote } from './db';

/*
 * Schema versions are forever: a reader who installed version 1 opens the database with today's
 * class. These tests build a version-1 database exactly as version 1 declared it (a fixture) and
 * open it with the current class.
 */

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

function fixtureNote(i: number): StoredNote {
  return {
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    ...(i % 2 === 0 && { termId: 'chengxin' }),
    url: `https://example.org/article-${i}`,
    urlKey: `example.org/article-${i}`,
    title: `Article ${i} · 诚信`,
    quote: i % 3 === 0 ? null : { exact: `quote ${i}`, prefix: 'before ', suffix: ' after' },
    body: `Note ${i}: chéngxìn is not only honesty.`,
    createdAt: 1_000 + i,
    updatedAt: 2_000 + i,
    words: ['note', String(i), 'chengxin', '诚', '诚信'],
  };
}

/** A database as version 1 of Credit Lens left it. */
async function versionOneDatabase(notes: StoredNote[]): Promise<string> {
  const name = `v1-fixture-${Math.random()}`;
  names.push(name);
  const v1 = new Dexie(name);
  // Exactly the version-1 block of `CreditLensDb`.
  v1.version(1).stores({ notes: 'id, termId, urlKey, updatedAt, *words' });
  await v1.table('notes').bulkAdd(notes);
  v1.close();
  return name;
}

describe('CreditLensDb', () => {
  it('opens a version-1 database, keeps every note and adds an empty customTerms table', async () => {
    const notes = Array.from({ length: 25 }, (_, i) => fixtureNote(i));
    const name = await versionOneDatabase(notes);

    const db = new CreditLensDb(name);
    await db.open();
    expect(db.verno).toBe(2);
    expect(db.tables.map((table) => table.name).sort()).toEqual(['customTerms', 'notes']);
    const kept = await db.notes.orderBy('id').toArray();
    expect(kept).toEqual([...notes].sort((a, b) => a.id.localeCompare(b.id)));
    expect(await db.customTerms.count()).toBe(0);
    // The version-1 indexes still answer.
    expect(await db.notes.where('termId').equals('chengxin').count()).toBe(13);
    expect(await db.notes.where('words').equals('诚信').count()).toBe(25);
    db.close();
  });

  it('stores custom terms next to notes in a new database', async () => {
    const name = `fresh-${Math.random()}`;
    names.push(name);
    const db = new CreditLensDb(name);
    await db.customTerms.add({
      id: 'custom-a',
      term: 'Credit repair',
      aliases: [
        {
          text: 'credit repair',
          lang: 'en',
          case: 'insensitive',
          standalone: false,
          prefer: false,
        },
      ],
      definition: 'Services that promise to clean up a credit report.',
      createdAt: 1,
      updatedAt: 2,
    });
    expect((await db.customTerms.get('custom-a'))?.term).toBe('Credit repair');
    expect(await db.customTerms.orderBy('updatedAt').primaryKeys()).toEqual(['custom-a']);
    db.close();
  });
});
