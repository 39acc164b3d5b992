import * as v from 'valibot';
import type { CreditLensDb, StoredNote } from '../db';
import { planImport, type ImportCounts } from './import';
import {
  NewNoteSchema,
  NoteEditSchema,
  NoteSchema,
  type NewNote,
  type Note,
  type NoteEdit,
} from './note';
import { matchesQuery, queryTokens, searchWords } from './search-words';
import { urlKey } from './url-key';
import { i18n } from '~/lib/i18n';

/** How a search reads (see `#search`); tests shrink these to reach every path with few notes. */
export interface SearchTuning {
  /** How many of the newest notes a search reads first. */
  newestRead: number;
  /** Index keys read per query token before the token counts as too common to narrow on. */
  keysPerToken: number;
}

const DEFAULT_TUNING: SearchTuning = { newestRead: 200, keysPerToken: 1_000 };

/** Looks up a glossary term's display name, for the search index. */
export type TermName = (termId: string) => string | undefined;

export interface SearchOptions {
  query?: string;
  termId?: string;
  limit?: number;
}

/** Every read and write of notes. Payloads are validated here too, whoever the caller is. */
export class NoteStore {
  constructor(
    private readonly db: CreditLensDb,
    private readonly termName: TermName,
    private readonly now: () => number = Date.now,
    private readonly tuning: SearchTuning = DEFAULT_TUNING,
  ) {}

  /** Saves a new note; saving the same id again (a retry) updates it instead of duplicating it. */
  async save(input: NewNote): Promise<Note> {
    const note = v.parse(NewNoteSchema, input);
    return this.db.transaction('rw', this.db.notes, async () => {
      const existing = await this.db.notes.get(note.id);
      const time = this.now();
      const stored = this.#withWords({
        ...note,
        urlKey: urlKey(note.url),
        createdAt: existing?.createdAt ?? time,
        updatedAt: time,
      });
      await this.db.notes.put(stored);
      return withoutWords(stored);
    });
  }

  async edit(input: NoteEdit): Promise<Note> {
    const { id, body } = v.parse(NoteEditSchema, input);
    return this.db.transaction('rw', this.db.notes, async () => {
      const existing = await this.db.notes.get(id);
      if (!existing) throw new Error(i18n.t('problems.noteGone'));
      const stored = this.#withWords({ ...withoutWords(existing), body, updatedAt: this.now() });
      await this.db.notes.put(stored);
      return withoutWords(stored);
    });
  }

  /** Deletes a note and returns it, so the caller can offer "Undo". */
  async delete(id: string): Promise<Note | undefined> {
    return this.db.transaction('rw', this.db.notes, async () => {
      const existing = await this.db.notes.get(id);
      if (existing) await this.db.notes.delete(id);
      return existing && withoutWords(existing);
    });
  }

  /** Puts a deleted note back exactly as it was ("Undo"). */
  async restore(input: Note): Promise<Note> {
    const note = v.parse(NoteSchema, input);
    await this.db.notes.put(this.#withWords(note));
    return note;
  }

  async get(id: string): Promise<Note | undefined> {
    const stored = await this.db.notes.get(id);
    return stored && withoutWords(stored);
  }

  /** Notes on a glossary term, from every page, newest first. */
  async forTerm(termId: string, limit = 50): Promise<Note[]> {
    const notes = await this.db.notes.where('termId').equals(termId).toArray();
    return newestFirst(notes).slice(0, limit).map(withoutWords);
  }

  /** Notes on a page (any URL with the same key), newest first. */
  async forPage(url: string): Promise<Note[]> {
    const notes = await this.db.notes.where('urlKey').equals(urlKey(url)).toArray();
    return newestFirst(notes).map(withoutWords);
  }

  /**
   * Newest notes first, optionally only those matching a query (every word of it, as a word
   * prefix, in body, quote, page title or term) and/or about one term.
   */
  async search(options: SearchOptions = {}): Promise<Note[]> {
    const start = performance.now();
    const notes = await this.#search(options);
    performance.measure('credit-lens:notes:search', {
      start,
      end: performance.now(),
      detail: { query: options.query ?? '', termId: options.termId ?? null, results: notes.length },
    });
    return notes;
  }

  async #search({ query = '', termId, limit = 50 }: SearchOptions): Promise<Note[]> {
    const tokens = queryTokens(query);
    const ofTerm = (note: StoredNote) => !termId || note.termId === termId;
    if (tokens.length === 0) {
      if (termId) {
        return newestFirst(await this.db.notes.where('termId').equals(termId).toArray())
          .slice(0, limit)
          .map(withoutWords);
      }
      return (await this.db.notes.orderBy('updatedAt').reverse().limit(limit).toArray()).map(
        withoutWords,
      );
    }
    const matches = (note: StoredNote | undefined): note is StoredNote =>
      note !== undefined && ofTerm(note) && matchesQuery(note.words, tokens);

    // Common words: the newest notes hold enough matches; one bounded read finds them.
    const newest = await this.db.notes
      .orderBy('updatedAt')
      .reverse()
      .limit(Math.max(this.tuning.newestRead, 4 * limit))
      .toArray();
    const early = newest.filter(matches);
    if (early.length >= limit) return early.slice(0, limit).map(withoutWords);

    // Rarer words: the words index names the candidates. Keys are capped per token, because
    // reading thousands of keys is what is slow (IndexedDB answers key by key); the smallest
    // complete set is enough to narrow on, and every candidate is checked against all tokens.
    const keySets = await Promise.all(
      tokens.map((token) =>
        this.db.notes
          .where('words')
          .startsWith(token)
          .limit(this.tuning.keysPerToken)
          .primaryKeys(),
      ),
    );
    const complete = keySets.filter((keys) => keys.length < this.tuning.keysPerToken);
    if (complete.length === 0) {
      // Every word is common but together they are rare: walk all notes, newest first.
      const found = await this.db.notes
        .orderBy('updatedAt')
        .reverse()
        .filter(matches)
        .limit(limit)
        .toArray();
      return found.map(withoutWords);
    }
    const smallest = complete.reduce((a, b) => (a.length <= b.length ? a : b));
    const candidates = await this.db.notes.bulkGet([...new Set(smallest)]);
    return newestFirst(candidates.filter(matches)).slice(0, limit).map(withoutWords);
  }

  async count(): Promise<number> {
    return this.db.notes.count();
  }

  /**
   * Every note (for export), in id order, read in pages inside one read transaction: one
   * consistent snapshot, and each page's search words are dropped before the next is read.
   */
  async all(pageSize = 500): Promise<Note[]> {
    return this.db.transaction('r', this.db.notes, async () => {
      const notes: Note[] = [];
      let after: string | undefined;
      for (;;) {
        const from =
          after === undefined
            ? this.db.notes.orderBy('id')
            : this.db.notes.where('id').above(after);
        const page = await from.limit(pageSize).toArray();
        for (const note of page) notes.push(withoutWords(note));
        if (page.length < pageSize) return notes;
        after = page.at(-1)!.id;
      }
    });
  }

  /** What `importNotes` would do with these notes now, without writing anything. */
  async previewImport(input: readonly Note[]): Promise<ImportCounts> {
    const notes = input.map((note) => v.parse(NoteSchema, note));
    const existing = await this.db.notes.bulkGet(notes.map((note) => note.id));
    return planImport(
      notes,
      existing.map((note) => note && withoutWords(note)),
    ).counts;
  }

  /**
   * Imports notes (a parsed backup) in one transaction: all of them are written, or none. A note
   * already here is recognised by its id; it is replaced only by a newer version (`updatedAt`).
   * Search words are built as for a saved note.
   */
  async importNotes(input: readonly Note[]): Promise<ImportCounts> {
    const notes = input.map((note) => v.parse(NoteSchema, note));
    if (new Set(notes.map((note) => note.id)).size !== notes.length) {
      throw new Error('Two of the notes to import have the same id; nothing was imported.');
    }
    return this.db.transaction('rw', this.db.notes, async () => {
      const existing = await this.db.notes.bulkGet(notes.map((note) => note.id));
      const { counts, toWrite } = planImport(
        notes,
        existing.map((note) => note && withoutWords(note)),
      );
      if (toWrite.length > 0) {
        await this.db.notes.bulkPut(toWrite.map((note) => this.#withWords(note)));
      }
      return counts;
    });
  }

  #withWords(note: Note): StoredNote {
    const term = note.termId ? this.termName(note.termId) : undefined;
    return { ...note, words: searchWords(note.body, note.quote?.exact, note.title, term) };
  }
}

function withoutWords({ words: _words, ...note }: StoredNote): Note {
  return note;
}

function newestFirst<T extends { updatedAt: number }>(notes: T[]): T[] {
  return notes.sort((a, b) => b.updatedAt - a.updatedAt);
}
