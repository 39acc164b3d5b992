import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Note } from '../note';
import { CSV_COLUMNS, notesToCsv } from './csv';

const time = Date.UTC(2026, 0, 5, 14, 3);
function note(fields: Partial<Note> & Pick<Note, 'id' | 'body'>): Note {
  return {
    url: 'https://example.org/a',
    urlKey: 'https://example.org/a',
    title: 'A page',
    quote: null,
    createdAt: time,
    updatedAt: time,
    ...fields,
  };
}

const termName = (id: string) => (id === 'chengxin' ? 'Chengxin (integrity)' : undefined);

/** The CSV as a spreadsheet (or Papa Parse) reads it: rows of cells, header first. */
function cells(csv: string): string[][] {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

describe('notesToCsv', () => {
  it('writes a header and one row per note, oldest first, every field readable back', () => {
    const rows = cells(
      notesToCsv(
        [
          note({
            id: '00000000-0000-4000-8000-000000000002',
            body: 'Second, with "quotes", commas\nand a line break',
            createdAt: time + 1,
            updatedAt: time + 60_000,
          }),
          note({
            id: '00000000-0000-4000-8000-000000000001',
            termId: 'chengxin',
            title: '诚信建设 — مرحبا',
            quote: { exact: '诚信 matters', prefix: 'Here ', suffix: ' now' },
            body: '中文笔记',
          }),
        ],
        termName,
      ),
    );
    expect(rows).toEqual([
      [...CSV_COLUMNS],
      [
        '00000000-0000-4000-8000-000000000001',
        'chengxin',
        'Chengxin (integrity)',
        'https://example.org/a',
        '诚信建设 — مرحبا',
        '诚信 matters',
        'Here ',
        ' now',
        '中文笔记',
        '2026-01-05T14:03:00.000Z',
        '2026-01-05T14:03:00.000Z',
      ],
      [
        '00000000-0000-4000-8000-000000000002',
        '',
        '',
        'https://example.org/a',
        'A page',
        '',
        '',
        '',
        'Second, with "quotes", commas\nand a line break',
        '2026-01-05T14:03:00.001Z',
        '2026-01-05T14:04:00.000Z',
      ],
    ]);
  });

  it.each([
    ['=HYPERLINK("https://evil.example","click")'],
    ['+1+1'],
    ['-2+3'],
    ['@SUM(1,2)'],
    ['\t=1+1'],
    ['\r=1+1'],
    ['=1+1\nspanning lines'],
    ['＝1+1'],
    ['＠SUM(1)'],
  ])('defuses a cell starting %j so spreadsheets show it as text', (hostile) => {
    const rows = cells(
      notesToCsv(
        [
          note({
            id: '00000000-0000-4000-8000-000000000001',
            title: hostile,
            url: hostile,
            body: hostile,
            quote: { exact: hostile, prefix: hostile, suffix: '' },
          }),
        ],
        termName,
      ),
    );
    const row = rows[1]!;
    for (const column of ['url', 'title', 'quote', 'quotePrefix', 'body'] as const) {
      expect(row[CSV_COLUMNS.indexOf(column)]).toBe(`'${hostile}`);
    }
  });

  it('leaves ordinary cells as they are', () => {
    const rows = cells(
      notesToCsv(
        [note({ id: '00000000-0000-4000-8000-000000000001', body: 'a = b, and 1 + 1 - 2 @ noon' })],
        termName,
      ),
    );
    expect(rows[1]![CSV_COLUMNS.indexOf('body')]).toBe('a = b, and 1 + 1 - 2 @ noon');
  });
});
