import { NOTES_FORMAT, notesToJson } from '~/lib/notes/export/json';
import { MAX_IMPORT_BYTES } from '~/lib/notes/import';
import { LIMITS, type Note } from '~/lib/notes/note';
import { urlKey } from '~/lib/notes/url-key';
import { seeded } from '../reference-matcher';
import { envelopeCases } from './json-file-cases';
import {
  HARD_TEXTS,
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
 * Notes backups for the fuzz test: the notes already in the database, one valid backup that
 * overlaps them (some notes the same, some newer, one older, some new), and ≥ 1,000 damaged or
 * hostile versions of that backup.
 */

const EXPORTED_AT = new Date('2026-05-01T12:00:00.000Z');

function uuid(rng: Rng): string {
  const hex = (n: number) =>
    Array.from({ length: n }, () => '0123456789abcdef'[int(rng, 16)]).join('');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${pick(rng, ['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`;
}

const URLS = [
  'https://example.org/article?utm_source=feed&b=2&a=1#section-2',
  'https://例子.测试/路径/文章?查询=诚信',
  'https://example.com/%E4%BF%A1%E7%94%A8',
  'http://127.0.0.1:8080/page',
  'file:///home/reader/notes.html',
  'not a url at all',
  'https://ar.example/مقالة',
];

/** A realistic note: CJK, emoji, RTL and plain text, on a term or only on a page. */
export function makeNote(rng: Rng, time: number): Note {
  const url = pick(rng, URLS);
  const createdAt = time + int(rng, 1_000_000);
  return {
    id: uuid(rng),
    ...(rng() < 0.6 && { termId: pick(rng, ['chengxin', 'social-credit-system', 'hukou']) }),
    url,
    urlKey: urlKey(url),
    title: pick(rng, HARD_TEXTS),
    quote:
      rng() < 0.3
        ? null
        : {
            exact: pick(rng, HARD_TEXTS),
            prefix: pick(rng, HARD_TEXTS).slice(0, 40),
            suffix: pick(rng, HARD_TEXTS).slice(0, 40),
          },
    body: Array.from({ length: 1 + int(rng, 4) }, () => pick(rng, HARD_TEXTS)).join('\n'),
    createdAt,
    updatedAt: createdAt + int(rng, 1_000_000),
  };
}

/** The notes in the database before every case. */
export function seedNotes(): Note[] {
  const rng = seeded(101);
  return Array.from({ length: 12 }, (_, i) => makeNote(rng, 1_700_000_000_000 + i));
}

/** A valid backup: 2 notes as stored, 2 edited later, 1 older, 5 new. */
export function baseNotesFile(): { format: string; version: number; notes: Note[] } {
  const rng = seeded(202);
  const stored = seedNotes();
  const notes: Note[] = [
    stored[0]!,
    stored[1]!,
    { ...stored[2]!, body: `${stored[2]!.body} (edited)`, updatedAt: stored[2]!.updatedAt + 1 },
    { ...stored[3]!, body: 'Rewritten on another computer.', updatedAt: stored[3]!.updatedAt + 9 },
    { ...stored[4]!, body: 'An older copy.', updatedAt: stored[4]!.updatedAt - 1 },
    ...Array.from({ length: 5 }, (_, i) => makeNote(rng, 1_710_000_000_000 + i)),
  ];
  return JSON.parse(notesToJson(notes, EXPORTED_AT)) as ReturnType<typeof baseNotesFile>;
}

const json = (value: unknown) => utf8.encode(JSON.stringify(value, null, 2));
const FILE = 'credit-lens-notes.json';

/** Every damaged or hostile backup, in a fixed order. */
export function notesFuzzCases(): FuzzCase[] {
  const base = baseNotesFile();
  const rng = seeded(7);
  const notePaths = paths(base).filter((p) => p[0] === 'notes' && p.length >= 3);
  const noteAt = (i: number) => ['notes', i] as const;

  return [
    ...envelopeCases(rng, {
      base,
      writers: [(data) => ({ label: 'JSON', fileName: FILE, bytes: json(data) })],
      listKey: 'notes',
      // A note and its quote are strict; the envelope ignores keys it does not know.
      strictAt: (path) => path.length >= 2,
      ignoredKeys: [],
      textFields: ['title', 'body', 'exact', 'url'],
      wrongFormats: ['credit-lens-custom-terms', 'Credit-Lens-Notes', '', null, 1, [NOTES_FORMAT]],
      counts: {
        truncated: 150,
        damaged: 100,
        wrongType: 250,
        unknownField: 60,
        tenMegabytes: 6,
        deepNesting: 20,
      },
    }),
    ...cases('missing field', 80, () => {
      const path = pick(
        rng,
        notePaths.filter((p) => p.length === 3 || p.length === 4),
      );
      return {
        what: `${path.join('.')} removed`,
        fileName: FILE,
        bytes: json(setAt(base, path, REMOVE)),
        // Only termId may be absent; every other field of a note is required.
        ...(path.at(-1) !== 'termId' && { expected: 'rejected' as const }),
      };
    }),
    ...cases('duplicate ids', 60, (i) => {
      const notes = base.notes;
      const from = int(rng, notes.length);
      const copy =
        i % 3 === 0
          ? notes[from]!
          : { ...notes[from]!, body: `${pick(rng, HARD_TEXTS)} (other copy)`, updatedAt: i };
      const at = int(rng, notes.length + 1);
      return {
        what: `note ${from + 1} again at ${at + 1}${i % 3 === 0 ? ' (identical)' : ''}`,
        fileName: FILE,
        bytes: json({ ...base, notes: [...notes.slice(0, at), copy, ...notes.slice(at)] }),
        expected: 'rejected',
      };
    }),
    ...cases('hard text', 150, () => {
      // Up to three text fields get text from the hard list: these files are valid.
      let file: unknown = base;
      const textPaths = notePaths.filter((p) =>
        ['title', 'body', 'exact', 'prefix', 'suffix', 'url'].includes(String(p.at(-1))),
      );
      const changed: string[] = [];
      for (let k = 0; k < 1 + int(rng, 3); k++) {
        const path = pick(rng, textPaths);
        const field = String(path.at(-1));
        let text = pick(rng, HARD_TEXTS);
        if (field === 'prefix' || field === 'suffix') text = text.slice(0, LIMITS.contextChars);
        if (field === 'body' && text.trim() === '') text = `${text}x`;
        file = setAt(file, path, text);
        changed.push(path.join('.'));
      }
      return { what: changed.join(', '), fileName: FILE, bytes: json(file) };
    }),
    ...sizeLimitCases(base),
    ...cases('timestamps', 40, () => {
      const note = int(rng, base.notes.length);
      const field = pick(rng, ['createdAt', 'updatedAt']);
      const value = pick(rng, [-1, 0.5, 1e21, -0, 2 ** 53 + 2, 1e308, 0, 1]);
      return {
        what: `note ${note + 1} ${field} = ${value}`,
        fileName: FILE,
        bytes: json(setAt(base, [...noteAt(note), field], value)),
        ...((value < 0 || !Number.isInteger(value)) && { expected: 'rejected' as const }),
      };
    }),
    ...wholeFileCases(base),
  ];
}

/** Fields exactly at their limit (accepted) and one past it (refused), in bytes and characters. */
function sizeLimitCases(base: ReturnType<typeof baseNotesFile>): FuzzCase[] {
  const at = (field: string, value: unknown, expected: 'accepted' | 'rejected', what: string) => ({
    category: 'size limits',
    name: `size limits: ${field} ${what}`,
    fileName: FILE,
    bytes: json(setAt(base, ['notes', 5, ...field.split('.')], value)),
    expected,
  });
  const cjk = (bytes: number) => '诚'.repeat(Math.floor(bytes / 3));
  return [
    at('body', 'b'.repeat(LIMITS.bodyBytes), 'accepted', 'at the byte limit'),
    at('body', 'b'.repeat(LIMITS.bodyBytes + 1), 'rejected', 'one byte over'),
    at('body', cjk(LIMITS.bodyBytes), 'accepted', 'CJK at the byte limit'),
    at('body', `${cjk(LIMITS.bodyBytes)}诚`, 'rejected', 'CJK one character over'),
    at('body', '🙂'.repeat(LIMITS.bodyBytes / 4 + 1), 'rejected', 'emoji over in bytes only'),
    at('body', ' \n\t ', 'rejected', 'only white space'),
    at('quote.exact', 'q'.repeat(LIMITS.quoteBytes), 'accepted', 'at the byte limit'),
    at('quote.exact', 'q'.repeat(LIMITS.quoteBytes + 1), 'rejected', 'one byte over'),
    at('quote.exact', '', 'rejected', 'empty'),
    at('quote.prefix', 'p'.repeat(LIMITS.contextChars), 'accepted', 'at the limit'),
    at('quote.prefix', 'p'.repeat(LIMITS.contextChars + 1), 'rejected', 'one over'),
    at('quote.suffix', 's'.repeat(LIMITS.contextChars + 1), 'rejected', 'one over'),
    at('title', 't'.repeat(LIMITS.titleChars), 'accepted', 'at the limit'),
    at('title', 't'.repeat(LIMITS.titleChars + 1), 'rejected', 'one over'),
    at('url', `https://e.org/${'u'.repeat(LIMITS.urlChars - 14)}`, 'accepted', 'at the limit'),
    at('url', `https://e.org/${'u'.repeat(LIMITS.urlChars - 13)}`, 'rejected', 'one over'),
    // A URL within its limit whose key (percent-encoded) is much longer than the URL.
    at('url', `https://e.org/${'诚'.repeat(LIMITS.urlChars - 14)}`, 'accepted', 'CJK at the limit'),
    at(
      'url',
      `https://e.org/?q=${'\uD800'.repeat(LIMITS.urlChars - 17)}`,
      'accepted',
      'lone surrogates at the limit',
    ),
    at(
      'url',
      `https://${'诚.'.repeat((LIMITS.urlChars - 8) / 2)}`,
      'accepted',
      'CJK host at the limit',
    ),
    at('url', '', 'rejected', 'empty'),
    at('id', '00000000-0000-4000-8000-00000000000G', 'rejected', 'not hex'),
    at('id', 'AAAAAAAA-0000-4000-8000-000000000000', 'accepted', 'upper-case UUID'),
    at('termId', 'Not-An-Id', 'rejected', 'upper case'),
  ];
}

/** Files that are not a notes backup at all, or one wrapped in the wrong bytes. */
function wholeFileCases(base: ReturnType<typeof baseNotesFile>): FuzzCase[] {
  const text = JSON.stringify(base, null, 2);
  const file = (what: string, bytes: Uint8Array, expected?: 'accepted' | 'rejected'): FuzzCase => ({
    category: 'not a notes file',
    name: `not a notes file: ${what}`,
    fileName: FILE,
    bytes,
    ...(expected && { expected }),
  });
  const many = (count: number) => {
    const rng = seeded(303);
    return json({
      format: NOTES_FORMAT,
      version: 1,
      notes: Array.from({ length: count }, (_, i) => makeNote(rng, i * 1_000_000)),
    });
  };
  return [
    file('empty', new Uint8Array(0), 'rejected'),
    file('white space', utf8.encode(' \n\t'), 'rejected'),
    ...[
      'null',
      '[]',
      '42',
      '"credit-lens-notes"',
      'true',
      '{}',
      '[{"format":"credit-lens-notes"}]',
    ].map((t) => file(t, utf8.encode(t), 'rejected')),
    file('a CSV', utf8.encode('id,body\n1,hello\n'), 'rejected'),
    file(
      'a custom-terms export',
      json({ format: 'credit-lens-custom-terms', version: 1, terms: [] }),
      'rejected',
    ),
    file('UTF-16 with a byte-order mark', utf16le(text), 'rejected'),
    file('UTF-8 byte-order mark', utf8.encode(`\uFEFF${text}`), 'accepted'),
    // Reading the file drops one byte-order mark and the parser another: harmless.
    file('two byte-order marks', utf8.encode(`\uFEFF\uFEFF${text}`), 'accepted'),
    file('three byte-order marks', utf8.encode(`\uFEFF\uFEFF\uFEFF${text}`), 'rejected'),
    file('NUL after the JSON', utf8.encode(`${text}\u0000`), 'rejected'),
    file('two documents', utf8.encode(`${text}${text}`), 'rejected'),
    file('no notes', json({ ...base, notes: [] }), 'accepted'),
    file('2,000 notes', many(2_000), 'accepted'),
    // Refused by its size before it is read (zeros: never parsed).
    file('over 50 MB', new Uint8Array(MAX_IMPORT_BYTES + 1), 'rejected'),
  ];
}
