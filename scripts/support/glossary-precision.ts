import { REVIEWED_CORPUS_MARKS, type ReviewedMark } from '../../e2e/fixtures/corpus-reviewed-marks';
import type { GlossaryEntry } from '../../lib/glossary/schema';
import { compileMatcher } from '../../lib/match/index';
import { corpusPages } from './corpus-text';

/**
 * Every glossary match on the shared corpus of unrelated pages, set against the hand-reviewed
 * list (e2e/fixtures/corpus-reviewed-marks.ts). Used by `npm run glossary:precision` (the report)
 * and by a unit test (the guard).
 */

/** The everyday words the glossary must not mark on their own (issue 4 names these). */
export const GENERIC_WORDS = [
  'credit',
  'integrity',
  'compliance',
  'ideology',
  'risk',
  'governance',
  'transparency',
  'algorithm',
];

export interface CorpusMatch {
  page: string;
  text: string;
  entryId: string;
  /** The match in brackets, with up to 40 characters either side. */
  context: string;
}

export interface PrecisionReport {
  pages: string[];
  chars: number;
  found: CorpusMatch[];
  /** Matches nobody has reviewed: false positives until someone reads them. */
  unreviewed: CorpusMatch[];
  /** Reviewed matches the glossary no longer finds (the list is stale). */
  missing: ReviewedMark[];
  /** How often each everyday word occurs in the corpus (word start, any case). */
  genericCounts: Record<string, number>;
}

const markKey = (m: { page: string; text: string; entryId: string }) =>
  `${m.page}|${m.text}|${m.entryId}`;

export function measurePrecision(entries: readonly GlossaryEntry[]): PrecisionReport {
  const matcher = compileMatcher(entries);
  const pages = corpusPages();
  const found: CorpusMatch[] = [];
  const genericCounts = Object.fromEntries(GENERIC_WORDS.map((w) => [w, 0]));
  const genericPatterns = GENERIC_WORDS.map((w) => [w, new RegExp(`\\b${w}`, 'giu')] as const);
  let chars = 0;
  for (const { file, runs } of pages) {
    for (const run of runs) {
      chars += run.length;
      for (const [word, pattern] of genericPatterns) {
        genericCounts[word] = (genericCounts[word] ?? 0) + (run.match(pattern)?.length ?? 0);
      }
      for (const { start, end, entryId } of matcher.find(run)) {
        const before = run.slice(Math.max(0, start - 40), start);
        const context = `${before}[${run.slice(start, end)}]${run.slice(end, end + 40)}`;
        found.push({
          page: file,
          text: run.slice(start, end),
          entryId,
          context: context.replace(/\s+/g, ' '),
        });
      }
    }
  }
  const reviewed = new Set(REVIEWED_CORPUS_MARKS.map(markKey));
  const foundKeys = new Set(found.map(markKey));
  return {
    pages: pages.map((p) => p.file),
    chars,
    found,
    unreviewed: found.filter((m) => !reviewed.has(markKey(m))),
    missing: REVIEWED_CORPUS_MARKS.filter((m) => !foundKeys.has(markKey(m))),
    genericCounts,
  };
}
