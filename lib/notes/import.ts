import * as v from 'valibot';
import { NOTES_FORMAT, NOTES_FORMAT_VERSION, noteFields } from './export/json';
import { NoteSchema, type Note } from './note';
import { urlKey } from './url-key';

/**
 * Reading a notes backup (the JSON export) back in. Nothing is written here: the file is checked
 * whole, every note against the same schema and limits as a saved note, and the result is either
 * every note or a list of problems that name the note and the field. The store then writes all of
 * it in one transaction (`NoteStore.importNotes`), or nothing.
 */

/** Files above this are refused before they are read: a backup of 10,000 long notes is ~25 MB. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** Problems listed before "and N more": enough to see the pattern, short enough to read. */
export const MAX_LISTED_PROBLEMS = 10;

export type ParsedNotesFile =
  { ok: true; notes: Note[]; exportedAt: string | null } | { ok: false; problems: string[] };

/** What an import would do, or did, to each note of the file. */
export interface ImportCounts {
  /** Notes not here before. */
  added: number;
  /** Notes here before, replaced by the file's newer version. */
  updated: number;
  /** Notes here already, exactly as in the file. */
  unchanged: number;
  /** Notes whose version here is newer than (or as new as) the file's: ours is kept. */
  skippedOlder: number;
}

/** Reads a file the reader picked, refusing one that is too large before reading it. */
export async function readNotesFile(file: Blob): Promise<ParsedNotesFile> {
  if (file.size > MAX_IMPORT_BYTES) {
    return {
      ok: false,
      problems: [
        `This file is ${megabytes(file.size)}. Credit Lens imports notes files of up to ${megabytes(MAX_IMPORT_BYTES)}; a file that large is not a notes export.`,
      ],
    };
  }
  return parseNotesJson(await file.text());
}

/** Checks a notes export's text: the envelope, the format version and every note. */
export function parseNotesJson(text: string): ParsedNotesFile {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return fail(`This file is not valid JSON, so it cannot be a notes export (${reason}).`);
  }
  if (!isRecord(data)) {
    return fail('This file is not a Credit Lens notes export: it holds no object with notes.');
  }
  if (data.format !== NOTES_FORMAT) {
    return fail(
      typeof data.format === 'string'
        ? `This file is not a Credit Lens notes export: its format is "${clip(data.format)}", not "${NOTES_FORMAT}".`
        : `This file is not a Credit Lens notes export: it has no "format": "${NOTES_FORMAT}".`,
    );
  }
  const version = data.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return fail('This notes file has no valid format version (a whole number, 1 or more).');
  }
  if (version > NOTES_FORMAT_VERSION) {
    return fail(
      `This notes file was made by a newer version of Credit Lens (format version ${version}; ` +
        `this version reads format version ${NOTES_FORMAT_VERSION}). Update Credit Lens, then import it again.`,
    );
  }
  if (data.exportedAt !== undefined && typeof data.exportedAt !== 'string') {
    return fail('This notes file\'s "exportedAt" is not a date.');
  }
  if (!Array.isArray(data.notes)) {
    return fail('This notes file has no list of notes ("notes" is not an array).');
  }

  const problems: string[] = [];
  const notes: Note[] = [];
  const firstIndexOfId = new Map<string, number>();
  data.notes.forEach((raw: unknown, index) => {
    const result = v.safeParse(NoteSchema, raw);
    if (!result.success) {
      for (const issue of result.issues)
        problems.push(`${noteLabel(index, raw)}: ${describe(issue)}`);
      return;
    }
    const note = result.output;
    const first = firstIndexOfId.get(note.id);
    if (first !== undefined) {
      problems.push(
        `${noteLabel(index, raw)}: has the same id as note ${first + 1}; each note in the file must have its own id.`,
      );
      return;
    }
    firstIndexOfId.set(note.id, index);
    notes.push(note);
  });
  if (problems.length > 0) {
    const listed = problems.slice(0, MAX_LISTED_PROBLEMS);
    if (problems.length > listed.length) {
      listed.push(`… and ${(problems.length - listed.length).toLocaleString('en')} more problems.`);
    }
    return { ok: false, problems: listed };
  }
  return {
    ok: true,
    notes,
    exportedAt: typeof data.exportedAt === 'string' ? data.exportedAt : null,
  };
}

/**
 * What importing `incoming` does next to the notes already stored (`existing`, looked up by the
 * same ids, in the same order): notes are recognised by id; one that differs is replaced only if
 * the file's is newer (`updatedAt`). The page key is derived, so it is made again with today's
 * rule rather than trusted from the file.
 */
export function planImport(
  incoming: readonly Note[],
  existing: readonly (Note | undefined)[],
): { counts: ImportCounts; toWrite: Note[] } {
  const counts: ImportCounts = { added: 0, updated: 0, unchanged: 0, skippedOlder: 0 };
  const toWrite: Note[] = [];
  incoming.forEach((raw, index) => {
    const note = noteFields({ ...raw, urlKey: urlKey(raw.url) });
    const current = existing[index];
    if (!current) {
      counts.added += 1;
      toWrite.push(note);
    } else if (sameNote(note, current)) {
      counts.unchanged += 1;
    } else if (note.updatedAt > current.updatedAt) {
      counts.updated += 1;
      toWrite.push(note);
    } else {
      counts.skippedOlder += 1;
    }
  });
  return { counts, toWrite };
}

function sameNote(a: Note, b: Note): boolean {
  return JSON.stringify(noteFields(a)) === JSON.stringify(noteFields(b));
}

/** "Note 3 (id 9b2f…)": 1-based, as a reader counts, with the id when there is one. */
function noteLabel(index: number, raw: unknown): string {
  const id = isRecord(raw) && typeof raw.id === 'string' ? raw.id : undefined;
  return id ? `Note ${index + 1} (id ${clip(id, 40)})` : `Note ${index + 1}`;
}

const FIELD_NAMES: Record<string, string> = {
  id: 'id',
  termId: 'termId (the glossary term)',
  url: 'url (the page address)',
  urlKey: 'urlKey',
  title: 'title (the page title)',
  quote: 'quote',
  'quote.exact': 'quote.exact (the quoted text)',
  'quote.prefix': 'quote.prefix (text before the quote)',
  'quote.suffix': 'quote.suffix (text after the quote)',
  body: 'body (the note)',
  createdAt: 'createdAt',
  updatedAt: 'updatedAt',
};

/** One valibot issue as a sentence that names the field and says what is wrong with it. */
function describe(issue: v.BaseIssue<unknown>): string {
  const path = v.getDotPath(issue);
  if (path === null) return 'is not an object with the fields of a note.';
  const field = FIELD_NAMES[path] ?? path;
  // A strict object reports a missing key with `expected` the key and an unknown key with `never`.
  if (issue.type === 'strict_object' || issue.type === 'object') {
    if (issue.expected === 'never')
      return `has a field Credit Lens does not know: "${clip(path)}".`;
    if (issue.input === undefined) return `the field ${field} is missing.`;
  }
  if (issue.kind === 'schema') {
    return `the field ${field} has the wrong type (expected ${typeName(issue.expected)}, found ${issue.received}).`;
  }
  switch (issue.type) {
    case 'non_empty':
      return `the field ${field} is empty.`;
    case 'max_length':
      return `the field ${field} is too long (at most ${Number(issue.requirement).toLocaleString('en')} characters).`;
    case 'regex':
      return `the field ${field} is not a glossary term id (lower-case letters, digits and hyphens).`;
    case 'integer':
      return `the field ${field} must be a whole number of milliseconds.`;
    case 'min_value':
      return `the field ${field} cannot be negative.`;
    default:
      // Our own messages ("The quote is too long (at most 2,000 bytes)") are already sentences.
      return `the field ${field}: ${issue.message}${/[.!?]$/.test(issue.message) ? '' : '.'}`;
  }
}

function typeName(expected: string | null): string {
  switch (expected) {
    case 'string':
      return 'text';
    case 'number':
      return 'a number';
    case '(Object | null)':
    case 'Object':
      return 'an object';
    default:
      return expected ?? 'another type';
  }
}

function fail(problem: string): ParsedNotesFile {
  return { ok: false, problems: [problem] };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function clip(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toLocaleString('en', { maximumFractionDigits: 1 })} MB`;
}
