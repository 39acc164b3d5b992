import { describe, expect, it } from 'vitest';
import type { StoredNote } from '../../db';
import type { Note } from '../note';
import { NOTES_FORMAT, NOTES_FORMAT_VERSION, notesToJson } from './json';

const note: Note = {
  id: '00000000-0000-4000-8000-000000000002',
  termId: 'chengxin',
  url: 'https://example.org/a?utm_source=x#p',
  urlKey: 'https://example.org/a',
  title: '诚信 <b>page</b>',
  quote: { exact: 'quoted', prefix: 'before ', suffix: ' after' },
  body: 'Body\nwith lines',
  createdAt: 2_000,
  updatedAt: 3_000,
};

describe('notesToJson', () => {
  it('writes a versioned file with every field of every note, oldest first', () => {
    const older: Note = {
      ...note,
      id: '00000000-0000-4000-8000-000000000001',
      quote: null,
      createdAt: 1_000,
    };
    delete older.termId;
    const file = JSON.parse(notesToJson([note, older], new Date(Date.UTC(2026, 0, 5))));
    expect(file).toEqual({
      format: NOTES_FORMAT,
      version: NOTES_FORMAT_VERSION,
      exportedAt: '2026-01-05T00:00:00.000Z',
      notes: [older, note],
    });
    expect(Object.keys(file.notes[0])).not.toContain('termId');
  });

  it('leaves out what is derived, such as the search words', () => {
    const stored: StoredNote = { ...note, words: ['body', 'with', 'lines'] };
    const file = JSON.parse(notesToJson([stored], new Date(0)));
    expect(file.notes).toEqual([note]);
  });
});
