import { describe, expect, it } from 'vitest';
import { referenceFind, seeded } from '~/test/reference-matcher';
import { buildAhoCorasick } from './aho-corasick';
import type { MatchableAlias, MatchableEntry } from './patterns';
import { compileMatcher, compileTunedMatcher } from './term-matcher';
import { countMatchWork } from './work';

/*
 * The automaton answers most steps from dense rows, and the rest from sparse rows and failure
 * links; the bundled glossary fits its dense rows whole, so the other paths only run with large
 * glossaries. These tests shrink the tables until every path runs on small inputs, and check
 * that the answers do not change.
 */

const TUNINGS = [
  { denseBudget: 1 }, // only the root is dense
  { denseBudget: 40, maxWidth: 4 }, // a few states, a few classes
  { denseBudget: 400, maxWidth: 8 },
];

function unitsOf(text: string): Uint16Array {
  return Uint16Array.from({ length: text.length }, (_, i) => text.charCodeAt(i));
}

describe('buildAhoCorasick with small dense tables', () => {
  it('finds what the full tables find, on random patterns and texts', () => {
    const next = seeded(11);
    const alphabet = 'abcdefghijkl 信用';
    const word = (max: number): string =>
      Array.from(
        { length: 1 + Math.floor(next() * max) },
        () => alphabet[Math.floor(next() * alphabet.length)],
      ).join('');
    for (let round = 0; round < 200; round++) {
      const patterns = Array.from({ length: 1 + Math.floor(next() * 40) }, () => word(5));
      const units = unitsOf(word(200));
      const scan = (tuning: object): [number, number][] => {
        const found: [number, number][] = [];
        buildAhoCorasick(patterns, tuning).scan(units, units.length, (p, end) =>
          found.push([p, end]),
        );
        return found;
      };
      const expected = scan({});
      for (const tuning of TUNINGS) {
        expect(scan(tuning), `round ${round}, ${JSON.stringify(tuning)}`).toEqual(expected);
      }
    }
  });
});

// Every awkward case: case, accents composed and not, full width, whitespace runs, CJK, emoji,
// an astral letter, lone surrogates, a soft hyphen, ß, İ, U+FFFF (the matcher's marker unit).
const PIECES = [
  'a',
  'b',
  'c',
  'A',
  'á',
  'a\u0301',
  'Ｃ',
  ' ',
  '  ',
  '\u00a0',
  '\n',
  '-',
  ',',
  '诚',
  '信',
  '😀',
  '𝐀',
  '\ud800',
  '\udc00',
  'cr\u00adb',
  'ß',
  'İ',
  '\uffff',
  'ab',
  'ba',
];
const ALIAS_PIECES = ['a', 'b', 'c', 'A', 'á', 'ab', 'ba', '诚', '信', '-', 'ß', '😀', '𝐀', 'İ'];

function randomText(next: () => number, pieces: readonly string[], count: number): string {
  let s = '';
  for (let i = 0; i < count; i++) s += pieces[Math.floor(next() * pieces.length)];
  return s;
}

function randomGlossary(next: () => number): MatchableEntry[] {
  return Array.from({ length: 1 + Math.floor(next() * 8) }, (_, i) => ({
    id: `e${i}`,
    aliases: Array.from({ length: 1 + Math.floor(next() * 3) }, (): MatchableAlias => {
      const words = Array.from({ length: 1 + Math.floor(next() * 3) }, () =>
        randomText(next, ALIAS_PIECES, 1 + Math.floor(next() * 2)),
      );
      const lang = next() < 0.3 ? 'pinyin' : 'en';
      return { text: words.join(' '), lang, case: next() < 0.3 ? 'sensitive' : 'insensitive' };
    }),
  }));
}

describe('compileMatcher with small dense tables', () => {
  it('finds what the full tables find, on random glossaries and texts', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const next = seeded(seed);
      const entries = randomGlossary(next);
      const full = compileMatcher(entries);
      const tuned = TUNINGS.map((tuning) => compileTunedMatcher(entries, tuning));
      for (let t = 0; t < 5; t++) {
        const text = randomText(next, PIECES, 1 + Math.floor(next() * 40));
        const expected = full.find(text);
        for (const matcher of tuned) {
          let found: unknown;
          const work = countMatchWork(() => (found = matcher.find(text)));
          expect(found, `seed ${seed}, ${JSON.stringify(text)}`).toEqual(expected);
          expect(work.units, 'every unit read once').toBe(text.length);
        }
      }
    }
  });
});

describe('compileMatcher on awkward text', () => {
  it('agrees with the brute-force rules around surrogates, U+FFFF, soft hyphens and ß', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const next = seeded(1000 + seed);
      const entries = randomGlossary(next);
      const matcher = compileMatcher(entries);
      for (let t = 0; t < 5; t++) {
        const text = randomText(next, PIECES, 1 + Math.floor(next() * 30));
        expect(matcher.find(text), `seed ${seed}, ${JSON.stringify(text)}`).toEqual(
          referenceFind(entries, text),
        );
      }
    }
  });
});
