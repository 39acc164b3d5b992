import Papa from 'papaparse';
import { customTermsToCsv, customTermsToJson } from '~/lib/custom-terms/export-file';
import { CUSTOM_LIMITS, type CustomTerm } from '~/lib/custom-terms/schema';
import { seeded } from '../reference-matcher';
import { envelopeCases } from './json-file-cases';
import {
  HARD_TEXTS,
  HOSTILE_KEYS,
  REMOVE,
  cases,
  int,
  paths,
  pick,
  setAt,
  utf16le,
  utf8,
  type FuzzCase,
  type Rng,
} from './mutate';

/*
 * "Your terms" import files for the fuzz test: the terms already stored, one valid export that
 * overlaps them (JSON and CSV), and ≥ 1,000 damaged or hostile versions of those two files.
 */

const NOW = 1_750_000_000_000;
const HAN = '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥';
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** `n` written with three symbols of `alphabet`: distinct forms for up to 10,000 entries. */
function code(n: number, alphabet: string): string {
  const b = alphabet.length;
  return `${alphabet[n % b]}${alphabet[Math.floor(n / b) % b]}${alphabet[Math.floor(n / b / b) % b]}`;
}

/** A valid entry whose written forms are its own (every `n` gives different forms). */
export function makeTerm(rng: Rng, n: number): CustomTerm {
  const tag = code(n, LETTERS);
  const forms = [
    { text: `fuzz ${tag}`, lang: 'en' as const },
    { text: `${code(n, HAN)}信用`, lang: 'zh-Hans' as const },
    { text: `xìn yòng ${tag}`, lang: 'pinyin' as const },
  ].slice(0, 1 + int(rng, 3));
  const createdAt = NOW + int(rng, 1_000_000);
  return {
    id: `custom-fuzz-${n}`,
    term: `${pick(rng, ['Credit', '信用', 'Ṣocial', 'مصطلح', '👩🏽‍💻'])} ${tag}`,
    aliases: forms.map((form) => ({
      ...form,
      case: form.lang === 'en' && rng() < 0.2 ? 'sensitive' : 'insensitive',
      standalone: false,
      prefer: false,
    })),
    definition: pick(rng, HARD_TEXTS).trim().slice(0, 150) || 'A definition.',
    ...(rng() < 0.5 && {
      explanation: `${pick(rng, HARD_TEXTS)}\n${pick(rng, HARD_TEXTS)}`.trim(),
    }),
    ...(n === 3 && { overrides: 'zhengxin' }),
    createdAt,
    updatedAt: createdAt + int(rng, 1_000_000),
  };
}

/** The terms stored before every case. */
export function seedTerms(): CustomTerm[] {
  const rng = seeded(404);
  return Array.from({ length: 8 }, (_, n) => makeTerm(rng, n));
}

/** A valid export: 3 terms as stored, 2 changed, 3 new. */
export function baseTerms(): CustomTerm[] {
  const rng = seeded(505);
  const stored = seedTerms();
  return [
    stored[0]!,
    stored[1]!,
    stored[2]!,
    { ...stored[3]!, definition: 'Changed in the other browser.', updatedAt: NOW + 2_000_000 },
    { ...stored[4]!, explanation: 'A new explanation, 新的解释.', updatedAt: NOW + 2_000_001 },
    ...[20, 21, 22].map((n) => makeTerm(rng, n)),
  ];
}

const JSON_FILE = 'credit-lens-terms.json';
const CSV_FILE = 'credit-lens-terms.csv';
const json = (value: unknown) => utf8.encode(JSON.stringify(value, null, 2));

/** Text fields both formats carry. */
const WRITTEN = ['term', 'definition', 'explanation', 'text'];

/** Cells a spreadsheet would run, or that trip naive CSV code. */
const CSV_CELLS: readonly string[] = [
  '=1+1',
  "=cmd|' /C calc'!A0",
  '+SUM(A1:A9)',
  '-2+3',
  '@SUM(1)',
  '\t=1',
  "'=already escaped",
  "''=two apostrophes",
  "'plain apostrophe",
  '"',
  '""',
  'a "quoted" word',
  'comma, inside',
  'semi;colon',
  'new\nline',
  'cr\ronly',
  '__proto__',
  'constructor',
  ...HARD_TEXTS,
];

/** Every damaged or hostile file, in a fixed order. */
export function customTermsFuzzCases(): FuzzCase[] {
  const terms = baseTerms();
  const base = JSON.parse(customTermsToJson(terms, NOW)) as Record<string, unknown>;
  const csvText = customTermsToCsv(terms);
  const rng = seeded(9);
  const termPaths = paths(base).filter((p) => p[0] === 'terms' && p.length >= 3);

  return [
    ...envelopeCases(rng, {
      base,
      writers: [
        (data) => ({ label: 'JSON', fileName: JSON_FILE, bytes: json(data) }),
        (data) => ({
          label: 'CSV',
          fileName: CSV_FILE,
          bytes: utf8.encode(customTermsToCsv((data as { terms: CustomTerm[] }).terms)),
        }),
      ],
      listKey: 'terms',
      // An entry is strict; the envelope and a written form ignore keys they do not know.
      strictAt: (path) => path.length === 2,
      // The date of the export is not read.
      ignoredKeys: ['exportedAt'],
      textFields: WRITTEN,
      wrongFormats: ['credit-lens-notes', 'Credit-Lens-Custom-Terms', '', null, 7],
      counts: {
        truncated: 200,
        damaged: 100,
        wrongType: 200,
        unknownField: 50,
        tenMegabytes: 4,
        deepNesting: 15,
      },
    }),
    ...cases('missing field', 60, () => {
      const path = pick(
        rng,
        termPaths.filter((p) => p.length === 3 || p.length === 5),
      );
      const field = String(path.at(-1));
      return {
        what: `${path.join('.')} removed`,
        fileName: JSON_FILE,
        bytes: json(setAt(base, path, REMOVE)),
        ...(['term', 'aliases', 'definition', 'text', 'lang'].includes(field) && {
          expected: 'rejected' as const,
        }),
      };
    }),
    ...HOSTILE_KEYS.flatMap((key) => [
      csvCase('prototype keys', `"${key}" column`, addColumn(csvText, key, 'x'), 'rejected'),
      csvCase('prototype keys', `"${key}" cells`, setCsvCell(csvText, 2, 'definition', key)),
      csvCase('prototype keys', `"${key}" as a term`, setCsvCell(csvText, 3, 'term', key)),
    ]),
    ...cases('duplicate ids', 60, (i) => {
      const list = base.terms as Record<string, unknown>[];
      const from = int(rng, list.length);
      const copy =
        i % 3 === 0
          ? list[from]!
          : i % 3 === 1
            ? { ...list[from]!, definition: 'Another definition.' }
            : { ...makeTerm(rng, 40 + i), id: list[from]!.id };
      const at = int(rng, list.length + 1);
      const file = { ...base, terms: [...list.slice(0, at), copy, ...list.slice(at)] };
      return {
        what: `entry ${from + 1} again at ${at + 1} (${['identical', 'changed', 'same id only'][i % 3]})`,
        fileName: i % 2 ? CSV_FILE : JSON_FILE,
        bytes: i % 2 ? utf8.encode(customTermsToCsv(file.terms as CustomTerm[])) : json(file),
        expected: 'rejected',
      };
    }),
    ...cases('hard text', 200, (i) => {
      // Text fields get hard text; some break a rule (a | in a form, Han text marked English).
      const textPaths = termPaths.filter((p) =>
        ['term', 'definition', 'explanation', 'text'].includes(String(p.at(-1))),
      );
      let file: unknown = base;
      const changed: string[] = [];
      for (let k = 0; k < 1 + int(rng, 3); k++) {
        const path = pick(rng, textPaths);
        file = setAt(file, path, pick(rng, HARD_TEXTS).slice(0, 100) + String(k));
        changed.push(path.join('.'));
      }
      const list = (file as { terms: CustomTerm[] }).terms;
      return {
        what: `${i % 2 ? 'CSV' : 'JSON'}: ${changed.join(', ')}`,
        fileName: i % 2 ? CSV_FILE : JSON_FILE,
        bytes: i % 2 ? utf8.encode(customTermsToCsv(list)) : json(file),
      };
    }),
    // Every spreadsheet cell in every text field, stored from JSON, then exported to CSV: the
    // export must escape exactly what the import unescapes.
    ...CSV_CELLS.flatMap((cell) =>
      ['term', 'definition', 'explanation'].map((field): FuzzCase => ({
        category: 'spreadsheet text in JSON',
        name: `spreadsheet text in JSON: ${field} = ${JSON.stringify(cell)}`,
        fileName: JSON_FILE,
        bytes: json(setAt(base, ['terms', 5, field], `${cell} ${field}`)),
      })),
    ),
    ...cases('CSV injection', 80, () => {
      const row = 2 + int(rng, terms.length);
      const column = pick(rng, ['term', 'definition', 'explanation', 'aliases']);
      const cell = pick(rng, CSV_CELLS);
      return {
        what: `row ${row} ${column} = ${JSON.stringify(cell)}`,
        fileName: CSV_FILE,
        bytes: utf8.encode(setCsvCell(csvText, row, column, `${cell} ${row}`)),
      };
    }),
    ...cases('CSV structure', 80, (i) => {
      const lines = csvText.replace(/^\ufeff/, '').split('\r\n');
      const line = 1 + int(rng, lines.length - 2);
      const damage = [
        () => lines.map((l, n) => (n === line ? `${l},extra` : l)),
        () => lines.map((l, n) => (n === line ? l.slice(0, l.lastIndexOf(',')) : l)),
        () => lines.map((l, n) => (n === line ? `"${l}` : l)),
        () => lines.map((l, n) => (n === line ? l.replace(',', ',"unclosed') : l)),
        () => lines.map((l, n) => (n === line ? '' : l)),
        () => [lines[0]!.toUpperCase(), ...lines.slice(1)],
        () => [lines[0]!.replace('term', 'term,term'), ...lines.slice(1)],
        () => [lines[0]!.replace(',definition', ''), ...lines.slice(1)],
        () => lines.map((l) => l.replaceAll(',', ';')),
        () => lines.map((l) => l.replaceAll(',', '\t')),
      ][i % 10]!;
      const separator = ['\r\n', '\n', '\r'][int(rng, 3)]!;
      return {
        what: `damage ${i % 10} at line ${line + 1}, lines end ${JSON.stringify(separator)}`,
        fileName: CSV_FILE,
        bytes: utf8.encode(damage().join(separator)),
      };
    }),
    ...sizeLimitCases(base),
    ...wholeFileCases(base, csvText),
  ];
}

function csvCase(
  category: string,
  what: string,
  text: string,
  expected?: 'accepted' | 'rejected',
): FuzzCase {
  return {
    category,
    name: `${category}: ${what}`,
    fileName: CSV_FILE,
    bytes: utf8.encode(text),
    ...(expected && { expected }),
  };
}

/** The CSV with one cell replaced; every cell is quoted and none escaped, so any text fits. */
function setCsvCell(csv: string, row: number, column: string, value: string): string {
  const records = csvRecords(csv);
  records[row - 1]![records[0]!.indexOf(column)] = value;
  return `\ufeff${Papa.unparse(records, { newline: '\r\n', quotes: true })}\r\n`;
}

function addColumn(csv: string, name: string, value: string): string {
  const records = csvRecords(csv).map((cells, i) => [...cells, i === 0 ? name : value]);
  return Papa.unparse(records, { newline: '\r\n' });
}

function csvRecords(csv: string): string[][] {
  return Papa.parse<string[]>(csv.replace(/^\ufeff/, ''), { skipEmptyLines: true }).data;
}

/** Entries exactly at each limit (accepted) and one past it (refused). */
function sizeLimitCases(base: Record<string, unknown>): FuzzCase[] {
  const terms = base.terms as CustomTerm[];
  const rng = seeded(606);
  const many = (count: number) => Array.from({ length: count }, (_, n) => makeTerm(rng, 100 + n));
  const forms = (count: number, length = 12) =>
    Array.from({ length: count }, (_, n) => ({
      text: `${code(n, LETTERS)}${'f'.repeat(length - 3)}`,
      lang: 'en',
    }));
  const { termChars, definitionChars, explanationChars, aliases, aliasChars } = CUSTOM_LIMITS;
  // [what, field of entry 6, value, outcome]
  const limits: [string, string, unknown, 'accepted' | 'rejected'][] = [
    ['term at the limit', 'term', 't'.repeat(termChars), 'accepted'],
    ['term one over', 'term', 't'.repeat(termChars + 1), 'rejected'],
    ['term of white space', 'term', ' \u3000\t', 'rejected'],
    ['definition at the limit', 'definition', 'd'.repeat(definitionChars), 'accepted'],
    ['definition one over', 'definition', 'd'.repeat(definitionChars + 1), 'rejected'],
    ['explanation at the limit', 'explanation', 'e'.repeat(explanationChars), 'accepted'],
    ['explanation one over', 'explanation', 'e'.repeat(explanationChars + 1), 'rejected'],
    ['most written forms', 'aliases', forms(aliases), 'accepted'],
    ['one written form too many', 'aliases', forms(aliases + 1), 'rejected'],
    ['no written forms', 'aliases', [], 'rejected'],
    ['written form at the limit', 'aliases', forms(1, aliasChars), 'accepted'],
    ['written form one over', 'aliases', forms(1, aliasChars + 1), 'rejected'],
    ['overrides an unknown entry', 'overrides', 'no-such-entry', 'rejected'],
  ];
  const file = (what: string, list: unknown[], expected?: 'accepted' | 'rejected'): FuzzCase => ({
    category: 'size limits',
    name: `size limits: ${what}`,
    fileName: JSON_FILE,
    bytes: json({ ...base, terms: list }),
    ...(expected && { expected }),
  });
  return [
    ...limits.map(([what, field, value, expected]) =>
      file(what, terms.with(5, { ...terms[5]!, [field]: value }), expected),
    ),
    // Accepted alone; next to the stored terms in "merge" mode the result is over the cap.
    file('the most terms', many(CUSTOM_LIMITS.entries)),
    file('one term too many', many(CUSTOM_LIMITS.entries + 1), 'rejected'),
  ];
}

/** Files that are not a terms file, or one wrapped in the wrong bytes or name. */
function wholeFileCases(base: Record<string, unknown>, csv: string): FuzzCase[] {
  const text = JSON.stringify(base, null, 2);
  const file = (
    what: string,
    fileName: string,
    bytes: Uint8Array,
    expected?: 'accepted' | 'rejected',
  ): FuzzCase => ({
    category: 'not a terms file',
    name: `not a terms file: ${what}`,
    fileName,
    bytes,
    ...(expected && { expected }),
  });
  return [
    file('empty JSON', JSON_FILE, new Uint8Array(0), 'rejected'),
    file('empty CSV', CSV_FILE, new Uint8Array(0), 'rejected'),
    file('white space', CSV_FILE, utf8.encode(' \r\n\t'), 'rejected'),
    ...['null', '[]', '42', '"x"', '{}'].map((t) => file(t, JSON_FILE, utf8.encode(t), 'rejected')),
    file(
      'a notes export',
      JSON_FILE,
      json({ format: 'credit-lens-notes', version: 1, notes: [] }),
      'rejected',
    ),
    file('header only', CSV_FILE, utf8.encode(csv.split('\r\n')[0]!), 'rejected'),
    file('UTF-16 JSON', JSON_FILE, utf16le(text), 'rejected'),
    file('UTF-16 CSV', CSV_FILE, utf16le(csv), 'rejected'),
    file('JSON named .txt', 'terms.txt', utf8.encode(text), 'accepted'),
    file('CSV named .txt', 'terms.txt', utf8.encode(csv), 'accepted'),
    file('JSON named .csv', CSV_FILE, utf8.encode(text), 'rejected'),
    file('NUL after the JSON', JSON_FILE, utf8.encode(`${text}\u0000`), 'rejected'),
    file('no terms', JSON_FILE, json({ ...base, terms: [] }), 'accepted'),
    file(
      'over 2 MB',
      JSON_FILE,
      utf8.encode(`${text}${' '.repeat(CUSTOM_LIMITS.importBytes)}`),
      'rejected',
    ),
  ];
}
