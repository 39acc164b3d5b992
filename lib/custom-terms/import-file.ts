import Papa from 'papaparse';
import * as v from 'valibot';
import type { ImportRow } from './import-plan';
import { FORMULA_START } from './export-file';
import {
  CSV_COLUMNS,
  CSV_COLUMN_NAMES,
  CSV_LIST_SEPARATOR,
  JSON_FORMAT,
  JSON_VERSION,
} from './file-format';
import { termKey } from './rules';
import { CUSTOM_LIMITS, CustomTermImportSchema } from './schema';

/**
 * Reads an import file into entries, or says precisely what is wrong: a problem with the whole
 * file (not JSON, no header, too big), or problems per row naming the row, the field and what is
 * wrong. The caller writes nothing unless there are no problems at all.
 */

export interface RowError {
  /** CSV: the spreadsheet row (the header is row 1). JSON: the entry's position, from 1. */
  readonly row: number;
  /** The CSV column or JSON field, such as `definition` or `aliases` (form 2). */
  readonly field: string;
  readonly message: string;
}

export interface ParsedImport {
  readonly format: 'json' | 'csv';
  /** "Row" for CSV, "Entry" for JSON: how messages name a row. */
  readonly rowLabel: 'Row' | 'Entry';
  readonly rows: readonly ImportRow[];
  readonly errors: readonly RowError[];
  /** A problem with the file as a whole; then `rows` and `errors` are empty. */
  readonly fileError?: string;
}

/** One error as a sentence: "Row 4, definition: The definition is required." */
export function describeRowError(error: RowError, rowLabel: ParsedImport['rowLabel']): string {
  return `${rowLabel} ${error.row}${error.field ? `, ${error.field}` : ''}: ${error.message}`;
}

function fileProblem(format: ParsedImport['format'], message: string): ParsedImport {
  return {
    format,
    rowLabel: format === 'csv' ? 'Row' : 'Entry',
    rows: [],
    errors: [],
    fileError: message,
  };
}

function tooBig(text: string): boolean {
  // A quick bound first: a UTF-16 unit is at most 3 UTF-8 bytes.
  if (text.length * 3 <= CUSTOM_LIMITS.importBytes) return false;
  return new TextEncoder().encode(text).length > CUSTOM_LIMITS.importBytes;
}

const TOO_BIG = `The file is too big (at most ${(CUSTOM_LIMITS.importBytes / 1_000_000).toLocaleString('en')} MB).`;

/** Picks the format by file name, then by content. */
export function parseImportFile(name: string, text: string): ParsedImport {
  const lower = name.toLowerCase();
  if (lower.endsWith('.json')) return parseJsonImport(text);
  if (lower.endsWith('.csv')) return parseCsvImport(text);
  return /^\s*[[{]/.test(text.replace(/^\ufeff/, ''))
    ? parseJsonImport(text)
    : parseCsvImport(text);
}

// ---------------------------------------------------------------------------------------------
// JSON

export function parseJsonImport(text: string): ParsedImport {
  if (tooBig(text)) return fileProblem('json', TOO_BIG);
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return fileProblem(
      'json',
      `This file is not valid JSON (it may be cut short or not a JSON file at all): ${detail}`,
    );
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return fileProblem(
      'json',
      `This is not a Credit Lens terms file: expected an object with "format": "${JSON_FORMAT}".`,
    );
  }
  const file = data as Record<string, unknown>;
  const own = (key: string) => (Object.hasOwn(file, key) ? file[key] : undefined);
  if (own('format') !== JSON_FORMAT) {
    return fileProblem(
      'json',
      `This is not a Credit Lens terms file: its "format" should be "${JSON_FORMAT}". (A notes export cannot be imported here.)`,
    );
  }
  const version = own('version');
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return fileProblem('json', 'The file has no valid "version" number.');
  }
  if (version > JSON_VERSION) {
    return fileProblem(
      'json',
      `The file was made by a newer version of Credit Lens (format version ${version}; this one reads version ${JSON_VERSION}). Update Credit Lens, then import it.`,
    );
  }
  const terms = own('terms');
  if (!Array.isArray(terms)) return fileProblem('json', 'The file has no "terms" list.');
  if (terms.length > CUSTOM_LIMITS.entries) {
    return fileProblem(
      'json',
      `The file has ${terms.length.toLocaleString('en')} terms; Credit Lens keeps at most ${CUSTOM_LIMITS.entries.toLocaleString('en')}.`,
    );
  }
  const rows: ImportRow[] = [];
  const errors: RowError[] = [];
  terms.forEach((raw: unknown, index) => {
    const row = index + 1;
    const parsed = v.safeParse(CustomTermImportSchema, raw);
    if (parsed.success) rows.push({ row, entry: parsed.output });
    else for (const issue of parsed.issues) errors.push({ row, ...jsonField(issue) });
  });
  errors.push(...duplicateErrors(rows, 'entry'));
  return { format: 'json', rowLabel: 'Entry', rows: errors.length ? [] : rows, errors };
}

function jsonField(issue: v.BaseIssue<unknown>): { field: string; message: string } {
  const field = v.getDotPath(issue) ?? '';
  if (issue.type === 'strict_object' && issue.expected === 'never') {
    // An unknown key (`__proto__`, a misspelt "defintion"...): named by its path.
    return { field, message: 'This field is not part of a term; check its spelling.' };
  }
  if (issue.type === 'strict_object' && issue.received !== 'undefined' && field === '') {
    return { field, message: 'Each term must be an object.' };
  }
  return { field, message: readableMessage(issue) };
}

/** Valibot's own messages ("Invalid type: Expected string but received 3") made plainer. */
function readableMessage(issue: v.BaseIssue<unknown>): string {
  if (issue.message.startsWith('Invalid key') || issue.message.startsWith('Invalid type')) {
    if (issue.received === 'undefined') return 'This field is required.';
    return `Expected ${issue.expected ?? 'another value'}, but found ${issue.received}.`;
  }
  return issue.message;
}

// ---------------------------------------------------------------------------------------------
// CSV

export function parseCsvImport(text: string): ParsedImport {
  if (tooBig(text)) return fileProblem('csv', TOO_BIG);
  // Papa Parse arrays, not its header mode: header mode builds each row as a plain object keyed by
  // the file's own column names, and a column called "__proto__" would then reach the prototype.
  const parsed = Papa.parse<string[]>(text.replace(/^\ufeff/, ''), {
    header: false,
    skipEmptyLines: false,
    delimiter: '',
  });
  const records = parsed.data;
  const header = records[0]?.map((name) => name.trim());
  if (!header || header.every((name) => name === '')) {
    return fileProblem('csv', 'The file is empty: it needs a header row naming its columns.');
  }

  const unknown = header.filter((name) => !CSV_COLUMN_NAMES.includes(name));
  if (unknown.length > 0) {
    return fileProblem(
      'csv',
      `Unknown column${unknown.length > 1 ? 's' : ''} ${unknown.map((n) => `"${n}"`).join(', ')} in the header row. The columns are: ${CSV_COLUMN_NAMES.join(', ')}.`,
    );
  }
  const repeated = header.filter((name, i) => header.indexOf(name) !== i);
  if (repeated.length > 0) {
    return fileProblem('csv', `The column "${repeated[0]}" appears twice in the header row.`);
  }
  const missing = CSV_COLUMNS.filter((c) => c.required && !header.includes(c.name)).map(
    (c) => c.name,
  );
  if (missing.length > 0) {
    return fileProblem(
      'csv',
      `The header row lacks the column${missing.length > 1 ? 's' : ''} ${missing.map((n) => `"${n}"`).join(', ')}. Required columns: ${CSV_COLUMNS.filter(
        (c) => c.required,
      )
        .map((c) => c.name)
        .join(', ')}.`,
    );
  }

  const errors: RowError[] = [];
  const parseErrorRows = new Set<number>();
  for (const error of parsed.errors) {
    // UndetectableDelimiter only means the file has one column; the header check covers that.
    if (error.code === 'UndetectableDelimiter') continue;
    const row = (error.row ?? records.length - 1) + 1;
    parseErrorRows.add(row);
    errors.push({
      row,
      field: '',
      message:
        error.code === 'MissingQuotes'
          ? 'A quoted cell is never closed (the file may be cut short, or a quote inside a cell is not doubled).'
          : error.message,
    });
  }

  const dataRows = records.length - 1;
  if (dataRows > CUSTOM_LIMITS.entries) {
    return fileProblem(
      'csv',
      `The file has ${dataRows.toLocaleString('en')} rows; Credit Lens keeps at most ${CUSTOM_LIMITS.entries.toLocaleString('en')} terms.`,
    );
  }

  const rows: ImportRow[] = [];
  for (let i = 1; i < records.length; i++) {
    const record = records[i]!;
    const row = i + 1;
    if (record.length === 1 && record[0]!.trim() === '') continue; // a blank line
    if (parseErrorRows.has(row)) continue;
    if (record.length !== header.length) {
      errors.push({
        row,
        field: '',
        message: `This row has ${record.length} cell${record.length === 1 ? '' : 's'}, but the header has ${header.length} columns.`,
      });
      continue;
    }
    const cells = new Map(header.map((name, c) => [name, unescapeFormula(record[c]!)]));
    const built = csvEntry(cells);
    if ('errors' in built) {
      errors.push(...built.errors.map((e) => ({ row, ...e })));
      continue;
    }
    const result = v.safeParse(CustomTermImportSchema, built.entry);
    if (result.success) rows.push({ row, entry: result.output });
    else for (const issue of result.issues) errors.push({ row, ...csvField(issue) });
  }
  if (rows.length === 0 && errors.length === 0) {
    return fileProblem('csv', 'The file has a header row but no terms.');
  }
  errors.push(...duplicateErrors(rows, 'row'));
  errors.sort((a, b) => a.row - b.row);
  return { format: 'csv', rowLabel: 'Row', rows: errors.length ? [] : rows, errors };
}

/** Undoes the apostrophe the export puts before a cell a spreadsheet would run as a formula. */
function unescapeFormula(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}

function split(cell: string): string[] {
  return cell.split(CSV_LIST_SEPARATOR).map((part) => part.trim());
}

type CsvEntry =
  { entry: Record<string, unknown> } | { errors: { field: string; message: string }[] };

/** The cells of one row as an entry object for the schema, or what keeps it from being one. */
function csvEntry(cells: Map<string, string>): CsvEntry {
  const errors: { field: string; message: string }[] = [];
  const cell = (name: string) => cells.get(name) ?? '';
  const aliasCell = cell('aliases').trim();
  const texts = aliasCell === '' ? [] : split(aliasCell);
  const langs = cell('langs').trim() === '' ? [] : split(cell('langs'));
  const caseCell = cell('case').trim();
  const cases = caseCell === '' ? texts.map(() => '') : split(caseCell);

  if (texts.length === 0) {
    errors.push({
      field: 'aliases',
      message: 'Give at least one written form to look for on pages.',
    });
  }
  texts.forEach((text, i) => {
    if (text === '') {
      errors.push({
        field: 'aliases',
        message: `Written form ${i + 1} is empty (two | in a row?).`,
      });
    }
  });
  if (texts.length > 0 && langs.length !== texts.length) {
    errors.push({
      field: 'langs',
      message: `Give one language per written form: ${texts.length} form${texts.length === 1 ? '' : 's'}, but ${langs.length} language${langs.length === 1 ? '' : 's'}.`,
    });
  }
  if (texts.length > 0 && cases.length !== texts.length) {
    errors.push({
      field: 'case',
      message: `Give one case per written form, or leave the cell empty: ${texts.length} form${texts.length === 1 ? '' : 's'}, but ${cases.length} case${cases.length === 1 ? '' : 's'}.`,
    });
  }
  if (errors.length > 0) return { errors };

  const optional = (name: string) => {
    const value = cell(name);
    return value.trim() === '' ? {} : { [name]: value };
  };
  return {
    entry: {
      ...optional('id'),
      term: cell('term'),
      aliases: texts.map((text, i) => ({
        text,
        lang: langs[i],
        ...(cases[i] !== '' && { case: cases[i] }),
      })),
      definition: cell('definition'),
      ...optional('explanation'),
      ...optional('overrides'),
    },
  };
}

/** Maps a schema issue's path to the CSV column the reader has to fix. */
function csvField(issue: v.BaseIssue<unknown>): { field: string; message: string } {
  const keys = (issue.path ?? []).map((item) => item.key);
  const [top, index, sub] = keys;
  if (top === 'aliases' && typeof index === 'number') {
    const column = sub === 'lang' ? 'langs' : sub === 'case' ? 'case' : 'aliases';
    const what =
      sub === 'lang'
        ? 'must be en, zh-Hans, zh-Hant or pinyin'
        : sub === 'case'
          ? 'must be sensitive or insensitive'
          : '';
    return {
      field: `${column} (form ${index + 1})`,
      message: what ? `The language or case ${what}.` : readableMessage(issue),
    };
  }
  return { field: typeof top === 'string' ? top : '', message: readableMessage(issue) };
}

// ---------------------------------------------------------------------------------------------

/** The same id or term twice in one file is ambiguous: say which rows. */
function duplicateErrors(rows: readonly ImportRow[], label: 'row' | 'entry'): RowError[] {
  const errors: RowError[] = [];
  const ids = new Map<string, number>();
  const terms = new Map<string, number>();
  for (const { row, entry } of rows) {
    if (entry.id !== undefined) {
      const first = ids.get(entry.id);
      if (first !== undefined) {
        errors.push({
          row,
          field: 'id',
          message: `The id "${entry.id}" is also used in ${label} ${first}.`,
        });
      } else ids.set(entry.id, row);
    }
    const key = termKey(entry.term);
    const first = terms.get(key);
    if (first !== undefined) {
      errors.push({
        row,
        field: 'term',
        message: `The term "${entry.term}" also appears in ${label} ${first}.`,
      });
    } else terms.set(key, row);
  }
  return errors;
}
