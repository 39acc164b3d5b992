import { Dexie, type EntityTable } from 'dexie';
import type { CustomTerm } from './custom-terms/schema';
import type { Note } from './notes/note';

/** A note as stored: the note plus the words of its full-text index. */
export interface StoredNote extends Note {
  words: string[];
}

/**
 * The extension's one database. It lives in the extension's origin: only the background and the
 * extension's own pages open it. A content script must never import this module — IndexedDB there
 * would be the web page's own database, readable by the page.
 *
 * Schema versions are forever: never edit a released `version()` block; add a new one with an
 * upgrade, and a test that opens a fixture of the previous version.
 */
export class CreditLensDb extends Dexie {
  notes!: EntityTable<StoredNote, 'id'>;
  /** The reader's own glossary entries ("Your terms"), since version 2. */
  customTerms!: EntityTable<CustomTerm, 'id'>;

  constructor(name = 'credit-lens') {
    super(name);
    this.version(1).stores({
      // id: client-made UUID; termId: notes on a term; urlKey: notes on a page; updatedAt: newest
      // first; *words: full-text search (multi-entry).
      notes: 'id, termId, urlKey, updatedAt, *words',
    });
    // Version 2 adds the reader's own glossary entries; notes are untouched, so no upgrade runs.
    // id: "custom-<uuid>"; updatedAt: newest first in lists and exports.
    this.version(2).stores({
      customTerms: 'id, updatedAt',
    });
  }
}

export const db = new CreditLensDb();
