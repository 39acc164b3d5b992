import type { Alias } from '../glossary/schema';
import { foldKeepCase, foldText } from './fold';
import { pinyinSpacings } from './pinyin-spacings';

/** The part of an alias that matching reads; `prefer` settles a form two entries share. */
export type MatchableAlias = Pick<Alias, 'text' | 'lang' | 'case'> & { readonly prefer?: boolean };

/** The part of a glossary entry that matching reads. */
export interface MatchableEntry {
  readonly id: string;
  readonly aliases: readonly MatchableAlias[];
}

/** Who a found pattern belongs to, and what casing it demands. */
export interface PatternReading {
  readonly entryId: string;
  /** For case-sensitive aliases: the text, marks dropped but case kept, that must be on the page. */
  readonly exact: string | null;
}

/** One distinct folded search string and its readings, tried in order; the first that fits wins. */
export interface PatternSpec {
  readonly pattern: string;
  readonly readings: readonly PatternReading[];
}

/**
 * Every folded search string the glossary asks for. Patterns are folded exactly like page text, so
 * matching is plain string equality. Chinese aliases go through the same fold: it leaves Han
 * characters as they are but still narrows full-width letters and collapses spaces.
 *
 * The same pattern can come from several aliases. It is searched once; an alias marked `prefer`
 * reads first, the others keep glossary order, so when two entries both claim "credit" without a
 * preference the first entry gets it (the glossary schema forbids that case for bundled data). A later reading is kept
 * only if an earlier one could reject the text: after a case-sensitive "GRC" of one entry, a
 * case-insensitive "grc" of another still takes the lower-case spellings.
 */
export function derivePatterns(entries: readonly MatchableEntry[]): PatternSpec[] {
  const readingsByPattern = new Map<string, PatternReading[]>();
  // Preferred aliases are visited first, so their readings come first for every shared pattern.
  const ordered = [true, false].flatMap((preferred) =>
    entries.flatMap((entry) =>
      entry.aliases
        .filter((alias) => (alias.prefer === true) === preferred)
        .map((alias) => ({ entry, alias })),
    ),
  );
  for (const { entry, alias } of ordered) {
    const kept = foldKeepCase(alias.text).trim();
    const spellings = alias.lang === 'pinyin' ? pinyinSpacings(kept) : [kept];
    for (const spelling of spellings) {
      const pattern = foldText(spelling).folded.trim();
      if (pattern.length === 0) continue; // e.g. an alias made only of combining marks
      const reading: PatternReading = {
        entryId: entry.id,
        exact: alias.case === 'sensitive' ? spelling : null,
      };
      const readings = readingsByPattern.get(pattern);
      if (!readings) {
        readingsByPattern.set(pattern, [reading]);
      } else if (!readings.some((r) => r.exact === null || r.exact === reading.exact)) {
        // An earlier case-insensitive reading accepts every casing, and an identical one
        // accepts the same: in both cases this reading could never be chosen.
        readings.push(reading);
      }
    }
  }
  return [...readingsByPattern].map(([pattern, readings]) => ({ pattern, readings }));
}
