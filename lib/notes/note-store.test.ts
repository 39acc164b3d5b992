import 'fake-indexeddb/auto';
import { ValiError } from 'valibot';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CreditLensDb, type StoredNote } from '../db';
import { bundledGlossary } from '../glossary';
import { LIMITS, newNoteId, type NewNote, type Note } from './note';
import { NoteStore } from './note-store';

let db: CreditLensDb;
let store: NoteStore;
let clock = 1_000;

beforeEach(() => {
  db = new CreditLensDb(`test-${Math.random()}`);
  clock = 1_000;
  store = new NoteStore(
    db,
    (id) => bundledGlossary().get(id)?.term,
    () => clock++,
  );
});
afterEach(async () => {
  await db.delete();
});

function draft(overrides: Partial<NewNote> = {}): NewNote {
  return {
    id: newNoteId(),
    termId: 'chengxin',
    url: 'https://example.org/article?utm_source=feed#p3',
    title: 'Reading about integrity',
    quote: {
      exact: 'chengxin is not only honesty',
      prefix: 'Here ',
      suffix: ' in a narrow sense.',
    },
    body: 'Backer: integrity is a small part of the credit system.',
    ...overrides,
  };
}

describe('NoteStore', () => {
  it('saves a note with its page key and times, and reads it back', async () => {
    const saved = await store.save(draft());
    expect(saved).toMatchObject({
      urlKey: 'https://example.org/article',
      createdAt: 1_000,
      updatedAt: 1_000,
    });
    expect(await store.get(saved.id)).toEqual(saved);
  });

  it('does not duplicate a note whose save is retried', async () => {
    const note = draft();
    await store.save(note);
    const again = await store.save({ ...note, body: 'retried' });
    expect(await store.count()).toBe(1);
    expect(again).toMatchObject({ createdAt: 1_000, updatedAt: 1_001, body: 'retried' });
  });

  it('edits a note body and bumps its time', async () => {
    const saved = await store.save(draft());
    const edited = await store.edit({ id: saved.id, body: 'Second thoughts' });
    expect(edited).toMatchObject({ body: 'Second thoughts', createdAt: 1_000, updatedAt: 1_001 });
    expect((await store.search({ query: 'second' })).map((n) => n.id)).toEqual([saved.id]);
  });

  it('refuses to edit a note that is gone', async () => {
    await expect(store.edit({ id: newNoteId(), body: 'x' })).rejects.toThrow(/no longer exists/);
  });

  it('deletes a note and restores it exactly with undo', async () => {
    const saved = await store.save(draft());
    const deleted = await store.delete(saved.id);
    expect(deleted).toEqual(saved);
    expect(await store.count()).toBe(0);
    await store.restore(deleted!);
    expect(await store.get(saved.id)).toEqual(saved);
  });

  it('lists notes on a term from every page, and notes on a page by its key', async () => {
    const a = await store.save(draft());
    const b = await store.save(draft({ url: 'https://other.example/x' }));
    await store.save(draft({ termId: 'grc', url: 'https://example.org/article#top' }));
    expect((await store.forTerm('chengxin')).map((n) => n.id)).toEqual([b.id, a.id]);
    expect(await store.forPage('https://example.org/article?fbclid=1')).toHaveLength(2);
  });

  describe('search', () => {
    beforeEach(async () => {
      await store.save(draft({ body: 'Rewards and punishments in Wisconsin', termId: undefined }));
      await store.save(draft({ body: '诚信 matters', quote: null, title: 'Chinese page' }));
      await store.save(draft({ body: 'plain', termId: 'grc', title: 'Compliance handbook' }));
    });
    const bodies = async (query: string, termId?: string) =>
      (await store.search({ query, termId })).map((n) => n.body);

    it('finds words in the body, quote, page title and term, as prefixes, any case or accent', async () => {
      expect(await bodies('wiscon')).toEqual(['Rewards and punishments in Wisconsin']);
      expect(await bodies('HONESTY')).toHaveLength(2); // in the quote of two notes
      expect(await bodies('narrow')).toEqual([]); // the quote's context is not indexed
      expect(await bodies('handbook')).toEqual(['plain']);
      expect(await bodies('governance risk')).toEqual(['plain']); // the term "GRC (governance, risk…)"
      // Two quotes say "chengxin"; the third note is on the term "Chengxin (integrity)".
      expect(await bodies('Chéngxìn')).toHaveLength(3);
    });

    it('finds Chinese text without spaces', async () => {
      expect(await bodies('诚信')).toEqual(['诚信 matters']);
      expect(await bodies('信')).toEqual(['诚信 matters']);
    });

    it('needs every word of the query', async () => {
      expect(await bodies('rewards wisconsin')).toHaveLength(1);
      expect(await bodies('rewards handbook')).toEqual([]);
    });

    it('filters by term and lists newest first without a query', async () => {
      expect(await bodies('', 'grc')).toEqual(['plain']);
      expect(await bodies('')).toEqual([
        'plain',
        '诚信 matters',
        'Rewards and punishments in Wisconsin',
      ]);
    });
  });

  describe('search on many notes', () => {
    // Shrunk so that each of the three ways a search reads is reached with a few dozen notes.
    const tuned = () =>
      new NoteStore(
        db,
        () => undefined,
        () => clock++,
        { newestRead: 5, keysPerToken: 8 },
      );
    beforeEach(async () => {
      const s = tuned();
      // Oldest first: the rare words are in old notes, far behind the newest ones.
      await s.save(draft({ body: 'omega alpha beta', termId: undefined, quote: null }));
      await s.save(draft({ body: 'delta epsilon together', termId: undefined, quote: null }));
      for (let i = 0; i < 10; i++) {
        await s.save(draft({ body: `delta apart ${i}`, termId: undefined, quote: null }));
        await s.save(draft({ body: `epsilon apart ${i}`, termId: undefined, quote: null }));
      }
      for (let i = 0; i < 30; i++) {
        await s.save(draft({ body: `alpha beta filler ${i}`, termId: undefined, quote: null }));
      }
    });
    // A small limit, so the first read (4 × limit, at least 5 newest notes) stays small too.
    const bodies = async (query: string, limit = 1) =>
      (await tuned().search({ query, limit })).map((n) => n.body);

    it('finds common words among the newest notes first', async () => {
      expect(await bodies('filler', 3)).toEqual([
        'alpha beta filler 29',
        'alpha beta filler 28',
        'alpha beta filler 27',
      ]);
    });

    it('finds a rare word in an old note through the index', async () => {
      expect(await bodies('omega')).toEqual(['omega alpha beta']);
      expect(await bodies('alpha omega')).toEqual(['omega alpha beta']);
    });

    it('finds a rare combination of common words by walking every note', async () => {
      // "delta" and "epsilon" are each in more notes than the index is asked for.
      expect(await bodies('delta epsilon')).toEqual(['delta epsilon together']);
      expect(await bodies('delta omega')).toEqual([]);
    });
  });

  describe('rejects bad input and writes nothing', () => {
    it.each<[string, Partial<NewNote> | Record<string, unknown>, RegExp]>([
      ['an empty body', { body: '   ' }, /empty/],
      ['an oversize body', { body: 'x'.repeat(LIMITS.bodyBytes + 1) }, /too long/],
      ['a body over the limit in UTF-8 bytes', { body: '信'.repeat(40_000) }, /too long/],
      [
        'an oversize quote',
        { quote: { exact: 'q'.repeat(2_001), prefix: '', suffix: '' } },
        /quote is too long/,
      ],
      ['a non-UUID id', { id: '1' }, /UUID/],
      ['an unknown term id format', { termId: 'Not An Id' }, /termId|Invalid/],
      ['a wrong type', { body: 42 }, /Invalid/],
      ['an unknown field', { html: '<b>x</b>' }, /Invalid|key/],
    ])('%s', async (_name, overrides, message) => {
      await expect(store.save({ ...draft(), ...overrides } as NewNote)).rejects.toThrow(ValiError);
      await expect(store.save({ ...draft(), ...overrides } as NewNote)).rejects.toThrow(message);
      expect(await store.count()).toBe(0);
    });
  });

  it('keeps HTML in a note as text', async () => {
    const saved = await store.save(draft({ body: '<script>alert(1)</script>' }));
    expect((await store.get(saved.id))?.body).toBe('<script>alert(1)</script>');
  });
});

describe('NoteStore export and import', () => {
  /** A stored note as a backup file holds it: every field, times given. */
  function backup(overrides: Partial<Note> = {}): Note {
    return {
      ...draft(),
      urlKey: 'https://example.org/article',
      createdAt: 500,
      updatedAt: 600,
      ...overrides,
    };
  }

  it('reads every note, page by page, without its search words', async () => {
    const paged = new NoteStore(
      db,
      () => undefined,
      () => clock++,
    );
    const saved = [];
    for (let i = 0; i < 5; i++) saved.push(await paged.save(draft({ body: `note ${i}` })));
    const all = await paged.all(2);
    expect(all).toHaveLength(5);
    expect(new Set(all.map((note) => note.id))).toEqual(new Set(saved.map((note) => note.id)));
    for (const note of all) expect(note).not.toHaveProperty('words');
    expect(await paged.all(5)).toEqual(all);
    expect(await paged.all(100)).toEqual(all);
  });

  it('imports new notes with their own times, searchable like saved ones', async () => {
    const note = backup({ body: 'Imported about Wisconsin', termId: 'grc' });
    expect(await store.previewImport([note])).toEqual({
      added: 1,
      updated: 0,
      unchanged: 0,
      skippedOlder: 0,
    });
    expect(await store.count()).toBe(0); // a preview writes nothing
    expect(await store.importNotes([note])).toEqual({
      added: 1,
      updated: 0,
      unchanged: 0,
      skippedOlder: 0,
    });
    expect(await store.get(note.id)).toEqual(note);
    expect((await store.search({ query: 'wisconsin' })).map((n) => n.id)).toEqual([note.id]);
    expect((await store.search({ query: 'compliance' })).map((n) => n.id)).toEqual([note.id]);
  });

  it('recognises notes by id: identical ones stay, newer ones replace, older ones are skipped', async () => {
    const same = await store.save(draft({ body: 'same' }));
    const mine = await store.save(draft({ body: 'mine, edited last' }));
    const stale = await store.save(draft({ body: 'stale here' }));
    const fresh = backup();
    const incoming = [
      same,
      { ...mine, body: 'an older copy', updatedAt: mine.updatedAt - 1 },
      { ...stale, body: 'newer in the file', updatedAt: stale.updatedAt + 10 },
      fresh,
    ];
    const expected = { added: 1, updated: 1, unchanged: 1, skippedOlder: 1 };
    expect(await store.previewImport(incoming)).toEqual(expected);
    expect(await store.importNotes(incoming)).toEqual(expected);
    expect((await store.get(same.id))?.body).toBe('same');
    expect((await store.get(mine.id))?.body).toBe('mine, edited last');
    expect((await store.get(stale.id))?.body).toBe('newer in the file');
    expect((await store.search({ query: 'stale' })).map((n) => n.id)).toEqual([]);
    expect((await store.search({ query: 'newer' })).map((n) => n.id)).toEqual([stale.id]);
    // Importing the same file again changes nothing.
    expect(await store.importNotes(incoming)).toEqual({
      added: 0,
      updated: 0,
      unchanged: 3,
      skippedOlder: 1,
    });
  });

  it('writes nothing when a note is invalid', async () => {
    const kept = await store.save(draft());
    await expect(
      store.importNotes([
        backup(),
        { ...backup(), body: '' },
        { ...kept, body: 'x', updatedAt: 9e9 },
      ]),
    ).rejects.toThrow(ValiError);
    expect(await store.count()).toBe(1);
    expect(await store.get(kept.id)).toEqual(kept);
  });

  it('writes nothing when two notes share an id', async () => {
    const note = backup();
    await expect(store.importNotes([note, { ...note, body: 'twin' }])).rejects.toThrow(/same id/);
    expect(await store.count()).toBe(0);
  });

  it('writes nothing when the database fails part-way (one transaction)', async () => {
    const kept = await store.save(draft({ body: 'kept as it was' }));
    const failing = (_key: unknown, note: StoredNote) => {
      if (note.body === 'boom') throw new Error('disk trouble');
    };
    db.notes.hook('creating', failing);
    const notes = [
      { ...kept, body: 'replaced?', updatedAt: kept.updatedAt + 1 },
      backup({ body: 'first new' }),
      backup({ id: newNoteId(), body: 'boom' }),
      backup({ id: newNoteId(), body: 'after' }),
    ];
    await expect(store.importNotes(notes)).rejects.toThrow();
    db.notes.hook('creating').unsubscribe(failing);
    expect(await store.count()).toBe(1);
    expect(await store.get(kept.id)).toEqual(kept);
  });
});
