import type { Note } from '../note';

/**
 * The notes backup format: every field of every note, nothing derived (the search words are
 * rebuilt on import). `version` changes only when a reader of version 1 could no longer read a
 * file correctly; an importer refuses versions newer than its own.
 */
export const NOTES_FORMAT = 'credit-lens-notes';
export const NOTES_FORMAT_VERSION = 1;

export interface NotesFile {
  format: typeof NOTES_FORMAT;
  version: typeof NOTES_FORMAT_VERSION;
  /** When the file was written, as an ISO 8601 date-time in UTC. */
  exportedAt: string;
  notes: Note[];
}

/** The notes as a `NotesFile`, oldest first, pretty-printed so a reader can look inside. */
export function notesToJson(notes: readonly Note[], exportedAt: Date): string {
  const file: NotesFile = {
    format: NOTES_FORMAT,
    version: NOTES_FORMAT_VERSION,
    exportedAt: exportedAt.toISOString(),
    notes: oldestFirst(notes).map(noteFields),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * Exactly the fields of a `Note`, in a fixed order. Callers may hand in objects with more (a
 * stored note has its search words); those stay out of the file.
 */
export function noteFields(note: Note): Note {
  return {
    id: note.id,
    ...(note.termId !== undefined && { termId: note.termId }),
    url: note.url,
    urlKey: note.urlKey,
    title: note.title,
    quote: note.quote && {
      exact: note.quote.exact,
      prefix: note.quote.prefix,
      suffix: note.quote.suffix,
    },
    body: note.body,
    createdAt: note.createdAt,
    updatedAt: note.updatedAt,
  };
}

/** Oldest first, ties by id, so two exports of the same notes are the same file. */
export function oldestFirst<T extends Note>(notes: readonly T[]): T[] {
  return [...notes].sort((a, b) => a.createdAt - b.createdAt || compareText(a.id, b.id));
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
