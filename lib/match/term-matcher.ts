import { buildAhoCorasick } from './aho-corasick';
import { codePointAt, codePointBefore, isWordChar } from './char-class';
import { hasExactCase } from './exact-case';
import { foldUnits, originalEnd, type FoldedUnits } from './fold';
import { selectLeftmostLongest } from './leftmost-longest';
import { derivePatterns, type MatchableEntry, type PatternReading } from './patterns';
import type { TermMatch, TermMatcher } from './types';

/** Folding buffers up to this many units are kept between calls; bigger ones are let go. */
const SCRATCH_LIMIT = 1 << 20;

/** A match whose offsets are still in the folded text. */
interface Candidate {
  readonly start: number;
  readonly end: number;
  readonly entryId: string;
}

/** The entry of the first reading that accepts this occurrence, if any. */
function firstFittingReading(
  readings: readonly PatternReading[],
  text: string,
  map: Uint32Array,
  start: number,
  end: number,
): string | undefined {
  for (const reading of readings) {
    if (reading.exact === null) return reading.entryId;
    // Case-sensitive: the original characters decide, not the lower-cased folded ones.
    if (hasExactCase(text, map[start] as number, originalEnd(map, end), reading.exact)) {
      return reading.entryId;
    }
  }
  return undefined;
}

/**
 * Compiles glossary entries into a matcher. Matching happens on folded text (see `fold.ts`) with
 * one Aho–Corasick pass; then each candidate must pass the rules:
 * - word boundaries: an edge of the pattern that is a (non-CJK) letter or digit must not touch
 *   another such character in the text, so "credit" is not found in "credits", while Chinese,
 *   which has no spaces, matches anywhere, and "的GRC报告" still yields GRC;
 * - case-sensitive aliases must appear with their exact case;
 * and the survivors are reduced to leftmost-longest, non-overlapping matches.
 */
export function compileMatcher(entries: readonly MatchableEntry[]): TermMatcher {
  const specs = derivePatterns(entries);
  const automaton = buildAhoCorasick(specs.map((spec) => spec.pattern));
  const count = specs.length;
  const lengths = new Int32Array(count);
  // A boundary is checked only on a side where the pattern itself ends in a word character:
  // for "GRC" on both sides, for "诚信" on neither, for "A股" only before the A.
  const needsBoundaryBefore = new Uint8Array(count);
  const needsBoundaryAfter = new Uint8Array(count);
  const readings = specs.map((spec) => spec.readings);
  specs.forEach(({ pattern }, p) => {
    lengths[p] = pattern.length;
    const codePoints = [...pattern]; // by code point: an astral Han edge is one character
    needsBoundaryBefore[p] = isWordChar(codePoints[0]?.codePointAt(0) ?? -1) ? 1 : 0;
    needsBoundaryAfter[p] = isWordChar(codePoints.at(-1)?.codePointAt(0) ?? -1) ? 1 : 0;
  });

  let scratch: FoldedUnits | undefined;

  function find(text: string): TermMatch[] {
    if (count === 0 || text.length === 0) return [];
    const folded = foldUnits(text, scratch);
    scratch = folded.units.length <= SCRATCH_LIMIT ? folded : undefined;
    const { units, map, length } = folded;

    const candidates: Candidate[] = [];
    automaton.scan(units, length, (p, end) => {
      const start = end - (lengths[p] as number);
      if (needsBoundaryBefore[p] === 1 && isWordChar(codePointBefore(units, start))) return;
      if (needsBoundaryAfter[p] === 1 && isWordChar(codePointAt(units, length, end))) return;
      const entryId = firstFittingReading(readings[p] as PatternReading[], text, map, start, end);
      if (entryId !== undefined) candidates.push({ start, end, entryId });
    });

    return selectLeftmostLongest(candidates).map(({ start, end, entryId }) => ({
      start: map[start] as number,
      end: originalEnd(map, end),
      entryId,
    }));
  }

  return { find, patternCount: count };
}
