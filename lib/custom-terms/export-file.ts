import Papa from 'papaparse';
import { FORMULA_START as SPREADSHEET_FORMULA } from '../notes/export/csv';
import { CSV_COLUMN_NAMES, CSV_LIST_SEPARATOR, JSON_FORMAT, JSON_VERSION } from './file-format';
import type { CustomTerm } from './schema';

/** The JSON export: lossless (every field, dates included) and versioned. */
export function customTermsToJson(terms: readonly CustomTerm[], now = Date.now()): string {
  const file = {
    format: JSON_FORMAT,
    version: JSON_VERSION,
    exportedAt: new Date(now).toISOString(),
    terms,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * Cells a spreadsheet would run as a formula get a leading apostrophe (the usual defence against
 * CSV formula injection); the importer takes one off again. The cells are those the notes export
 * defuses (full-width = + - @ included, which some spreadsheets also run). Text that already starts
 * with apostrophes before such a character (`'=x`) gets one more too: otherwise the importer took
 * the reader's own apostrophe off, and `'=x` came back as `=x` (found by import fuzzing).
 */
export const FORMULA_START = new RegExp(`^'*${SPREADSHEET_FORMULA.source.slice(1)}`);

/**
 * The CSV export, with a byte-order mark so spreadsheet programs read the Chinese as UTF-8.
 * Papa Parse quotes cells with commas, quotes or line breaks.
 */
export function customTermsToCsv(terms: readonly CustomTerm[]): string {
  const rows = terms.map((term) => ({
    id: term.id,
    term: term.term,
    aliases: term.aliases.map((a) => a.text).join(CSV_LIST_SEPARATOR),
    langs: term.aliases.map((a) => a.lang).join(CSV_LIST_SEPARATOR),
    case: term.aliases.some((a) => a.case === 'sensitive')
      ? term.aliases.map((a) => a.case).join(CSV_LIST_SEPARATOR)
      : '',
    definition: term.definition,
    explanation: term.explanation ?? '',
    overrides: term.overrides ?? '',
  }));
  const csv = Papa.unparse(
    { fields: [...CSV_COLUMN_NAMES], data: rows },
    { newline: '\r\n', escapeFormulae: FORMULA_START, quotes: false },
  );
  return `\ufeff${csv}\r\n`;
}
