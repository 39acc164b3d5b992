import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { CreditLensDb } from './db';
import { NoteStore } from './notes/note-store';
import type { Note } from './notes/note';
import { dbState } from '~/test/db-state';
import {
  RELEASED_SCHEMAS,
  fixtureRows,
  fixtureVersions,
  releasedDb,
} from '~/test/fixtures/db/schemas';

/*
 * Schema versions are forever (issue 7, item 10): a reader who installed any released version
 * opens the database with today's class. For every released version N, a database is built
 * exactly as version N declared it (frozen schemas, not today's class), filled from the fixture
 * `test/fixtures/db/vN.json` plus generated rows, and opened with `CreditLensDb`: every row must
 * be kept byte for byte and every index must answer.
 */

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});
function dbName(label: string): string {
  const name = `${label}-${Math.random()}`;
  names.push(name);
  return name;
}

/** The version `CreditLensDb` declares today. */
async function currentVersion(): Promise<number> {
  const db = new CreditLensDb(dbName('current'));
  await db.open();
  const version = db.verno;
  db.close();
  return version;
}

/** A database as release `version` left it, holding that version's fixture. */
async function releasedDatabase(version: number) {
  const fixture = fixtureRows(version);
  const name = dbName(`v${version}-fixture`);
  const old = releasedDb(name, version);
  for (const [table, rows] of Object.entries(fixture.tables)) await old.table(table).bulkAdd(rows);
  const before = await dbState(old);
  old.close();
  return { name, fixture, before };
}

const count = <T>(rows: readonly T[], keep: (row: T) => boolean) => rows.filter(keep).length;

describe('CreditLensDb upgrades', () => {
  it('has a fixture and a frozen schema for every version it declares', async () => {
    const latest = await currentVersion();
    const declared = Array.from({ length: latest }, (_, i) => i + 1);
    expect(fixtureVersions()).toEqual(declared);
    expect(Object.keys(RELEASED_SCHEMAS).map(Number)).toEqual(declared);
  });

  it('declares today exactly the tables and indexes the frozen schemas add up to', async () => {
    const shape = (db: Dexie) =>
      db.tables
        .map((t) => [t.name, t.schema.primKey.src, t.schema.indexes.map((i) => i.src).sort()])
        .sort();
    const current = new CreditLensDb(dbName('current'));
    await current.open();
    const frozen = releasedDb(dbName('frozen'), current.verno);
    await frozen.open();
    expect(shape(current)).toEqual(shape(frozen));
    current.close();
    frozen.close();
  });

  it.each(fixtureVersions())(
    'opens a version-%i database with every row kept byte for byte and every index answering',
    async (version) => {
      const { name, fixture, before } = await releasedDatabase(version);
      const notes = fixture.tables.notes as unknown as (Note & { words: string[] })[];
      expect(notes.length).toBeGreaterThanOrEqual(400);

      const db = new CreditLensDb(name);
      await db.open();
      expect(db.verno).toBe(await currentVersion());
      // Every table of the old database: same row count, same content hash.
      expect(await dbState(db, Object.keys(fixture.tables))).toEqual(before);
      // Tables added since are there, empty.
      for (const table of db.tables) {
        if (!(table.name in fixture.tables)) expect(await table.count()).toBe(0);
      }

      // The indexes answer: by term, by page, by word (multi-entry), newest first.
      for (const termId of ['chengxin', 'social-credit-system', 'hukou']) {
        expect(await db.notes.where('termId').equals(termId).count()).toBe(
          count(notes, (n) => n.termId === termId),
        );
      }
      for (const key of new Set(notes.map((n) => n.urlKey))) {
        expect(await db.notes.where('urlKey').equals(key).count()).toBe(
          count(notes, (n) => n.urlKey === key),
        );
      }
      for (const word of ['诚信', 'credit', 'notes', 'مرحبا']) {
        expect(await db.notes.where('words').equals(word).count()).toBe(
          count(notes, (n) => n.words.includes(word)),
        );
      }
      const newest = [...notes].sort((a, b) => b.updatedAt - a.updatedAt || (a.id < b.id ? 1 : -1));
      expect((await db.notes.orderBy('updatedAt').reverse().first())?.updatedAt).toBe(
        newest[0]!.updatedAt,
      );

      // And the store the pages use reads them: a page's notes, a search.
      const store = new NoteStore(db, () => undefined);
      const page = notes[0]!;
      expect((await store.forPage(page.url)).map((n) => n.id).sort()).toEqual(
        notes
          .filter((n) => n.urlKey === page.urlKey)
          .map((n) => n.id)
          .sort(),
      );
      expect((await store.search({ query: '诚信', limit: 1_000 })).length).toBe(
        count(notes, (n) => n.words.includes('诚信')),
      );

      const terms = fixture.tables.customTerms;
      if (terms) {
        const byUpdated = [...terms].sort(
          (a, b) => (a.updatedAt as number) - (b.updatedAt as number),
        );
        expect(await db.customTerms.orderBy('updatedAt').first()).toEqual(byUpdated[0]);
      }
      db.close();
    },
  );
});

describe('CreditLensDb', () => {
  it('stores custom terms next to notes in a new database', async () => {
    const db = new CreditLensDb(dbName('fresh'));
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
