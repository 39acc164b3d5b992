import { describe, expect, it } from 'vitest';
import { NOTES_FORMAT, notesToJson } from './export/json';
import { LIMITS, type Note } from './note';
import { urlKey } from './url-key';
import {
  MAX_IMPORT_BYTES,
  MAX_LISTED_PROBLEMS,
  parseNotesJson,
  planImport,
  readNotesFile,
} from './import';

const base: Note = {
  id: '00000000-0000-4000-8000-000000000001',
  termId: 'chengxin',
  url: 'https://example.org/a?utm_source=feed#p2',
  urlKey: 'https://example.org/a',
  title: 'A page',
  quote: { exact: 'quoted', prefix: 'before ', suffix: ' after' },
  body: 'A note.',
  createdAt: 1_000,
  updatedAt: 2_000,
};
const other: Note = {
  ...base,
  id: '00000000-0000-4000-8000-000000000002',
  quote: null,
  body: '诚信 <b>note</b>',
};

/** A notes file with these notes (as raw objects, so tests can break them). */
function file(notes: unknown[], envelope: Record<string, unknown> = {}): string {
  return JSON.stringify({
    format: NOTES_FORMAT,
    version: 1,
    exportedAt: '2026-01-05T00:00:00.000Z',
    notes,
    ...envelope,
  });
}

function problems(text: string): string[] {
  const result = parseNotesJson(text);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.problems;
}

describe('parseNotesJson', () => {
  it('reads back exactly what the JSON export wrote', () => {
    const result = parseNotesJson(notesToJson([other, base], new Date(Date.UTC(2026, 0, 5))));
    expect(result).toEqual({
      ok: true,
      notes: [base, other],
      exportedAt: '2026-01-05T00:00:00.000Z',
    });
  });

  it('accepts a file saved with a byte order mark', () => {
    expect(parseNotesJson(`\uFEFF${file([base])}`).ok).toBe(true);
  });

  it.each([
    ['text that is not JSON', '{"format": "credit-lens-notes", ', /not valid JSON/],
    ['a list instead of an object', '[]', /not a Credit Lens notes export/],
    [
      'another format',
      file([], { format: 'credit-lens-glossary' }),
      /its format is "credit-lens-glossary"/,
    ],
    [
      'no format',
      JSON.stringify({ version: 1, notes: [] }),
      /has no "format": "credit-lens-notes"/,
    ],
    ['a version that is not a number', file([], { version: '1' }), /no valid format version/],
    ['version 0', file([], { version: 0 }), /no valid format version/],
    ['no list of notes', file([], { notes: { a: 1 } }), /"notes" is not an array/],
    ['an exportedAt that is not text', file([], { exportedAt: 5 }), /"exportedAt" is not a date/],
  ])('refuses %s', (_name, text, message) => {
    expect(problems(text)).toEqual([expect.stringMatching(message)]);
  });

  it('refuses a file from a newer version of Credit Lens, saying what to do', () => {
    expect(problems(file([base], { version: 2 }))).toEqual([
      'This notes file was made by a newer version of Credit Lens (format version 2; this version reads format version 1). Update Credit Lens, then import it again.',
    ]);
  });

  it('names the note and the field of every problem', () => {
    const noUpdatedAt: Partial<Note> = { ...base };
    delete noUpdatedAt.updatedAt;
    const notes = [
      base,
      { ...other, body: '   ' },
      { ...other, id: 'not-a-uuid' },
      noUpdatedAt,
      { ...base, id: '00000000-0000-4000-8000-000000000004', words: ['a'] },
      { ...base, id: '00000000-0000-4000-8000-000000000005', title: 7, createdAt: 1.5 },
      { ...base, id: '00000000-0000-4000-8000-000000000006', termId: 'Not An Id', url: '' },
      'a string',
    ];
    expect(problems(file(notes))).toEqual([
      'Note 2 (id 00000000-0000-4000-8000-000000000002): the field body (the note): Write something first: the note is empty.',
      'Note 3 (id not-a-uuid): the field id: A note id must be a UUID.',
      'Note 4 (id 00000000-0000-4000-8000-000000000001): the field updatedAt is missing.',
      'Note 5 (id 00000000-0000-4000-8000-000000000004): has a field Credit Lens does not know: "words".',
      'Note 6 (id 00000000-0000-4000-8000-000000000005): the field title (the page title) has the wrong type (expected text, found 7).',
      'Note 6 (id 00000000-0000-4000-8000-000000000005): the field createdAt must be a whole number of milliseconds.',
      'Note 7 (id 00000000-0000-4000-8000-000000000006): the field termId (the glossary term) is not a glossary term id (lower-case letters, digits and hyphens).',
      'Note 7 (id 00000000-0000-4000-8000-000000000006): the field url (the page address) is empty.',
      'Note 8: is not an object with the fields of a note.',
    ]);
  });

  it('holds notes to the same limits as a saved note (bytes, so Chinese counts three a character)', () => {
    const tooLong = '诚'.repeat(Math.floor(LIMITS.bodyBytes / 3) + 1); // under the limit in characters
    const longQuote = { exact: 'x'.repeat(LIMITS.quoteBytes + 1), prefix: '', suffix: '' };
    const longContext = { exact: 'x', prefix: 'y'.repeat(LIMITS.contextChars + 1), suffix: '' };
    expect(
      problems(
        file([
          { ...base, body: tooLong },
          { ...other, quote: longQuote },
          { ...base, id: '00000000-0000-4000-8000-000000000003', quote: longContext },
          {
            ...base,
            id: '00000000-0000-4000-8000-000000000004',
            url: 'h'.repeat(LIMITS.urlChars + 1),
          },
        ]),
      ),
    ).toEqual([
      'Note 1 (id 00000000-0000-4000-8000-000000000001): the field body (the note): The note is too long (at most 100,000 bytes).',
      'Note 2 (id 00000000-0000-4000-8000-000000000002): the field quote.exact (the quoted text): The quote is too long (at most 2,000 bytes).',
      'Note 3 (id 00000000-0000-4000-8000-000000000003): the field quote.prefix (text before the quote) is too long (at most 64 characters).',
      'Note 4 (id 00000000-0000-4000-8000-000000000004): the field url (the page address) is too long (at most 8,192 characters).',
    ]);
  });

  it('refuses two notes with the same id', () => {
    expect(problems(file([base, other, { ...base, body: 'again' }]))).toEqual([
      'Note 3 (id 00000000-0000-4000-8000-000000000001): has the same id as note 1; each note in the file must have its own id.',
    ]);
  });

  it('reads back a note on a long Chinese URL, whose page key is far longer than the URL', () => {
    const url = `https://example.org/${'诚'.repeat(LIMITS.urlChars - 20)}`;
    const note = { ...base, url, urlKey: urlKey(url) };
    expect(note.urlKey.length).toBeGreaterThan(LIMITS.urlChars * 8);
    const parsed = parseNotesJson(notesToJson([note], new Date(0)));
    expect(parsed.ok && parsed.notes).toEqual([note]);
  });

  it(`lists the first ${MAX_LISTED_PROBLEMS} problems and counts the rest`, () => {
    const broken = Array.from({ length: 25 }, () => ({ ...base, id: 'x' }));
    const listed = problems(file(broken));
    expect(listed).toHaveLength(MAX_LISTED_PROBLEMS + 1);
    expect(listed.at(-1)).toBe('… and 15 more problems.');
  });
});

describe('readNotesFile', () => {
  it('refuses a file over the size limit without reading it', async () => {
    const huge = {
      size: MAX_IMPORT_BYTES + 1,
      text: () => Promise.reject(new Error('read')),
    } as unknown as Blob;
    expect(await readNotesFile(huge)).toEqual({
      ok: false,
      problems: [
        'This file is 50 MB. Credit Lens imports notes files of up to 50 MB; a file that large is not a notes export.',
      ],
    });
    const bigger = { ...huge, size: 63.24 * 1024 * 1024 } as unknown as Blob;
    expect(await readNotesFile(bigger)).toMatchObject({
      problems: [expect.stringMatching(/^This file is 63.2 MB\./)],
    });
  });

  it('reads a file of the right size', async () => {
    const result = await readNotesFile(new Blob([file([base])]));
    expect(result).toMatchObject({ ok: true, notes: [base] });
  });
});

describe('planImport', () => {
  it('adds new notes, keeps identical ones, and prefers the newer of two versions', () => {
    const newer = { ...base, body: 'edited later', updatedAt: 9_000 };
    const older = { ...other, body: 'an older draft', updatedAt: 500 };
    const sameTime = { ...other, id: '00000000-0000-4000-8000-000000000003', body: 'changed' };
    const fresh = { ...other, id: '00000000-0000-4000-8000-000000000004' };
    const plan = planImport(
      [newer, older, sameTime, base, fresh],
      [base, other, { ...sameTime, body: 'ours' }, base, undefined],
    );
    expect(plan.counts).toEqual({ added: 1, updated: 1, unchanged: 1, skippedOlder: 2 });
    expect(plan.toWrite.map((note) => note.body)).toEqual(['edited later', fresh.body]);
  });

  it('makes the page key again instead of trusting the file', () => {
    const plan = planImport([{ ...base, urlKey: 'forged' }], [undefined]);
    expect(plan.toWrite[0]!.urlKey).toBe('https://example.org/a');
  });
});
