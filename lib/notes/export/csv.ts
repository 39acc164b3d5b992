import Papa from 'papaparse';
import type { Note } from '../note';
import { oldestFirst } from './json';

/**
 * Notes as CSV, one row per note, for spreadsheets. Columns: every field of the note (the quote
 * split into three), plus the term's name for reading. Times are ISO 8601 in UTC.
 */
export const CSV_COLUMNS = [
  'id',
  'termId',
  'term',
  'url',
  'title',
  'quote',
  'quotePrefix',
  'quoteSuffix',
  'body',
  'createdAt',
  'updatedAt',
] as const;

/**
 * Cells a spreadsheet would run as a formula (or, through DDE, as a command) when the file is
 * opened: those starting with = + - @, a tab or a line break, and their full-width forms, which
 * some spreadsheets also accept. Papa Parse puts a ' before them, which spreadsheets hide.
 * Papa's own default pattern misses cells that go on over several lines (`.` stops at a line
 * break), which note bodies often do, so the pattern is ours.
 */
export const FORMULA_START = /^[=+\-@\t\r\n＝＋－＠]/;

/** With a byte order mark, so spreadsheets read Chinese and accents as UTF-8. */
export function notesToCsv(
  notes: readonly Note[],
  termName: (termId: string) => string | undefined,
): string {
  const rows = oldestFirst(notes).map((note) => [
    note.id,
    note.termId ?? '',
    note.termId === undefined ? '' : (termName(note.termId) ?? ''),
    note.url,
    note.title,
    note.quote?.exact ?? '',
    note.quote?.prefix ?? '',
    note.quote?.suffix ?? '',
    note.body,
    new Date(note.createdAt).toISOString(),
    new Date(note.updatedAt).toISOString(),
  ]);
  const csv = Papa.unparse(
    { fields: [...CSV_COLUMNS], data: rows },
    { escapeFormulae: FORMULA_START, newline: '\r\n' },
  );
  return `\uFEFF${csv}\r\n`;
}
