import { describe, expect, it } from 'vitest';
import { buildAhoCorasick } from './aho-corasick';

function unitsOf(text: string): Uint16Array {
  // By index, not `Uint16Array.from(text)`, which would iterate by code point.
  return Uint16Array.from({ length: text.length }, (_, i) => text.charCodeAt(i));
}

/** Every [pattern index, end] the automaton reports, in report order. */
function scanAll(patterns: string[], text: string): [number, number][] {
  const found: [number, number][] = [];
  const units = unitsOf(text);
  buildAhoCorasick(patterns).scan(units, units.length, (p, end) => found.push([p, end]));
  return found;
}

/** The same by brute force, ordered as the automaton promises: by end, then longest first. */
function naive(patterns: string[], text: string): [number, number][] {
  const found: [number, number][] = [];
  patterns.forEach((pattern, p) => {
    if (!pattern || patterns.indexOf(pattern) !== p) return;
    for (let at = text.indexOf(pattern); at !== -1; at = text.indexOf(pattern, at + 1)) {
      found.push([p, at + pattern.length]);
    }
  });
  return found.sort(
    (a, b) => a[1] - b[1] || (patterns[b[0]] as string).length - (patterns[a[0]] as string).length,
  );
}

describe('buildAhoCorasick', () => {
  it('finds overlapping and nested occurrences (the classic example)', () => {
    const patterns = ['he', 'she', 'his', 'hers'];
    expect(scanAll(patterns, 'ushers')).toEqual([
      [1, 4],
      [0, 4],
      [3, 6],
    ]);
  });

  it('reports nothing for no patterns or an empty text', () => {
    expect(scanAll([], 'abc')).toEqual([]);
    expect(scanAll(['a'], '')).toEqual([]);
    expect(scanAll([''], 'abc')).toEqual([]);
  });

  it('works on CJK and astral code units', () => {
    expect(scanAll(['诚信', '信用', '😀'], '诚信用😀')).toEqual([
      [0, 2],
      [1, 3],
      [2, 5],
    ]);
  });

  it('keeps the first index of a duplicated pattern', () => {
    expect(scanAll(['ab', 'ab'], 'ab')).toEqual([[0, 2]]);
  });

  it('agrees with brute force on random patterns and texts', () => {
    let seed = 7;
    const next = (): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    // Few letters, so patterns share prefixes and suffixes and failure links get exercised;
    // enough patterns that some nodes have more edges than the linear-scan limit.
    const alphabet = 'abcdefghijkl信用';
    const word = (max: number): string =>
      Array.from(
        { length: 1 + Math.floor(next() * max) },
        () => alphabet[Math.floor(next() * alphabet.length)],
      ).join('');
    for (let round = 0; round < 200; round++) {
      const patterns = Array.from({ length: 1 + Math.floor(next() * 40) }, () => word(4));
      const text = word(200);
      expect(scanAll(patterns, text), `round ${round}`).toEqual(naive(patterns, text));
    }
  });

  it('accepts a text longer than the part it is told to scan', () => {
    const found: number[] = [];
    buildAhoCorasick(['ab']).scan(unitsOf('abab'), 3, (_, end) => found.push(end));
    expect(found).toEqual([2]);
  });
});
