/**
 * The two file formats "Your terms" are exported to and imported from.
 *
 * JSON (lossless, versioned):
 * `{ "format": "credit-lens-custom-terms", "version": 1, "exportedAt": "<ISO date>", "terms": [...] }`
 * where each term is a stored custom entry (id, term, aliases, definition, explanation?,
 * overrides?, createdAt, updatedAt in milliseconds since 1970).
 *
 * CSV (for spreadsheets): one entry per row under a header row naming the columns below, in any
 * order. Dates are not kept; JSON is the format for backups.
 */

export const JSON_FORMAT = 'credit-lens-custom-terms';
export const JSON_VERSION = 1;

/** Separates the written forms (and their languages and cases) inside one CSV cell. */
export const CSV_LIST_SEPARATOR = '|';

export interface CsvColumn {
  readonly name: string;
  readonly required: boolean;
  /** What goes in it, in a sentence, for the options page. */
  readonly description: string;
}

export const CSV_COLUMNS: readonly CsvColumn[] = [
  {
    name: 'id',
    required: false,
    description:
      'The entry’s id from an earlier export (it starts with “custom-”). Leave it empty for a new entry; entries are also recognised by their term.',
  },
  { name: 'term', required: true, description: 'The term as the popover shows it.' },
  {
    name: 'aliases',
    required: true,
    description:
      'Every written form to mark on pages, separated by |, for example: chéng xìn|诚信|誠信.',
  },
  {
    name: 'langs',
    required: true,
    description:
      'The language of each written form, in the same order, separated by |: en (English), zh-Hans (simplified Chinese), zh-Hant (traditional Chinese) or pinyin (with tone marks, spaces between syllables).',
  },
  {
    name: 'case',
    required: false,
    description:
      'For each written form, in the same order and separated by |: sensitive for acronyms that must match their capitals exactly, or insensitive (the default, also when the cell is empty).',
  },
  {
    name: 'definition',
    required: true,
    description: 'One or two sentences, at most 200 characters.',
  },
  { name: 'explanation', required: false, description: 'A longer explanation (optional).' },
  {
    name: 'overrides',
    required: false,
    description:
      'The id of a bundled entry this one replaces (optional). The glossary page shows each entry’s id in its address.',
  },
];

export const CSV_COLUMN_NAMES: readonly string[] = CSV_COLUMNS.map((column) => column.name);
