import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreditLensDb, type StoredNote } from '../db';
import { bundledGlossary } from '../glossary';
import { noteFields, notesToJson } from './export/json';
import { parseNotesJson, readNotesFile } from './import';
import type { Note } from './note';
import { NoteStore } from './note-store';
import { urlKey } from './url-key';
import { dbState, type DbState } from '~/test/db-state';
import { FuzzTally, checkCategory, rejectionProblems } from '~/test/fuzz/tally';
import { notesFuzzCases, seedNotes } from '~/test/fuzz/notes-cases';
import { pollutedPrototypes } from '~/test/fuzz/pollution';
import type { FuzzCase } from '~/test/fuzz/mutate';

/*
 * Issue 7, item 12: every generated notes backup goes through the path the options page takes
 * (read the file → check it → preview → import in one transaction). Each must either be refused
 * with messages that say what is wrong and where, leaving the database exactly as it was, or be
 * imported so that every note of the file is stored as the file has it (unless ours is as new)
 * and a backup of the result imports into an empty database as exactly the same rows.
 */

const EXPORTED_AT = new Date('2026-06-01T00:00:00.000Z');
const termName = (id: string) => bundledGlossary().get(id)?.term;
const all = notesFuzzCases();
const tally = new FuzzTally();

let db: CreditLensDb;
let store: NoteStore;
let copyDb: CreditLensDb;
let seeded: StoredNote[];
let seededState: DbState;

beforeAll(async () => {
  db = new CreditLensDb(`notes-fuzz-${Math.random()}`);
  store = new NoteStore(db, termName);
  await store.importNotes(seedNotes());
  seeded = await db.notes.toArray();
  seededState = await dbState(db);
  copyDb = new CreditLensDb(`notes-fuzz-copy-${Math.random()}`);
});

afterAll(async () => {
  await db.delete();
  await copyDb.delete();
  tally.print('Notes import fuzzing');
});

/** Runs one file; returns what is wrong with how it was handled (nothing if it was right). */
async function check(file: FuzzCase): Promise<string[]> {
  const parsed = await readNotesFile(new Blob([file.bytes as Uint8Array<ArrayBuffer>]));
  let problems: string[] | null = parsed.ok ? null : parsed.problems;
  if (parsed.ok) {
    try {
      await store.previewImport(parsed.notes);
      await store.importNotes(parsed.notes);
    } catch (error) {
      problems = [error instanceof Error ? error.message : String(error)];
    }
  }
  const wrong = pollutedPrototypes().map((proto) => `${proto} was polluted`);
  if (problems) {
    tally.count(file, 'rejected');
    wrong.push(...rejectionProblems(problems, /\bfile\b|^Note \d+|^… and [\d,]+ more problems\.$/));
    const after = await dbState(db);
    if (after.hash !== seededState.hash) wrong.push('refused, but the database changed');
  } else {
    tally.count(file, 'accepted');
    wrong.push(...(await importedAsInFile(parsed.ok ? parsed.notes : [])));
    wrong.push(...(await roundTrips()));
    await db.notes.clear();
    await db.notes.bulkAdd(seeded);
  }
  if (file.expected && file.expected !== (problems ? 'rejected' : 'accepted')) {
    wrong.push(`expected to be ${file.expected}${problems ? `, refused: ${problems[0]}` : ''}`);
  }
  return wrong;
}

/** Each note of the file is stored exactly as the file has it, unless the stored one is as new. */
async function importedAsInFile(notes: readonly Note[]): Promise<string[]> {
  const before = new Map(seeded.map((note) => [note.id, note]));
  const wrong: string[] = [];
  for (const note of notes) {
    const stored = await store.get(note.id);
    const kept = before.get(note.id);
    const expected =
      kept && kept.updatedAt >= note.updatedAt
        ? noteFields(kept)
        : noteFields({ ...note, urlKey: urlKey(note.url) });
    if (JSON.stringify(stored && noteFields(stored)) !== JSON.stringify(expected)) {
      wrong.push(`note ${note.id} is not stored as expected`);
    }
  }
  const untouched = seeded.filter((note) => !notes.some((n) => n.id === note.id));
  for (const note of untouched) {
    if (JSON.stringify(await db.notes.get(note.id)) !== JSON.stringify(note)) {
      wrong.push(`note ${note.id}, not in the file, changed`);
    }
  }
  return wrong;
}

/** A backup of the database now, imported into an empty database, gives the same rows and file. */
async function roundTrips(): Promise<string[]> {
  const backup = notesToJson(await store.all(), EXPORTED_AT);
  const parsed = parseNotesJson(backup);
  if (!parsed.ok) return [`its backup is refused: ${parsed.problems.join(' ')}`];
  await copyDb.notes.clear();
  const copy = new NoteStore(copyDb, termName);
  await copy.importNotes(parsed.notes);
  const wrong: string[] = [];
  if ((await dbState(copyDb)).hash !== (await dbState(db)).hash) {
    wrong.push('its backup imports as different rows');
  }
  if (notesToJson(await copy.all(), EXPORTED_AT) !== backup) {
    wrong.push('a backup of the copy differs');
  }
  return wrong;
}

describe('notes import fuzzing', () => {
  it('generates at least 1,000 files, the same ones on every run', () => {
    expect(all.length).toBeGreaterThanOrEqual(1_000);
    expect(notesFuzzCases().map((c) => c.name)).toEqual(all.map((c) => c.name));
  });

  const categories = [...new Set(all.map((c) => c.category))];
  it.each(categories)(
    '%s: each file is refused with the database unchanged, or imports and round-trips',
    async (category) => {
      const failures = await checkCategory(all, category, check);
      expect(failures).toEqual([]);
      expect(await dbState(db)).toEqual(seededState);
    },
    120_000,
  );
});
