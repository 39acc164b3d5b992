/**
 * The alias list handed to mark.js: the same search strings our matcher compiles (every alias of
 * the bundled glossary, pinyin in every joined and spaced spelling, folded), grouped so that
 * mark.js applies the nearest equivalent of our rules:
 * - Latin aliases need word edges (`accuracy: 'exactly'`); Chinese ones need none (`partially`).
 * - Acronyms are case-sensitive, everything else is not.
 * - Tone marks: mark.js's `diacritics` option lets "chengxin" match "chéngxìn", but its table has
 *   no third-tone (caron) vowels such as ǐ or ǎ, so spellings that carry one are also given with
 *   their tone marks. Without that mark.js would lose recall for a reason that is not its design.
 */
import { SKIPPED_ANCESTOR_SELECTOR } from '../../lib/scan/skip';
import type { MatchableEntry } from '../../lib/match/index';
import { derivePatterns } from '../../lib/match/patterns';
import { pinyinSpacings } from '../../lib/match/pinyin-spacings';
import type { MarkJsPass } from './in-page/api';

const HAN = /\p{Script=Han}/u;
/** Vowels with a caron, which mark.js's diacritics table lacks. */
const CARON = /[ǎǐǒǔǚǍǏǑǓǙ]/;

export function markJsPasses(entries: readonly MatchableEntry[]): MarkJsPass[] {
  const latin = new Set<string>();
  const acronyms = new Set<string>();
  const chinese = new Set<string>();
  for (const { pattern, readings } of derivePatterns(entries)) {
    if (HAN.test(pattern)) {
      chinese.add(pattern);
      continue;
    }
    for (const reading of readings) {
      if (reading.exact === null) latin.add(pattern);
      else acronyms.add(reading.exact);
    }
  }
  for (const entry of entries) {
    for (const alias of entry.aliases) {
      if (alias.lang !== 'pinyin') continue;
      for (const spelling of pinyinSpacings(alias.text.normalize('NFC'))) {
        if (CARON.test(spelling)) latin.add(spelling);
      }
    }
  }
  return [
    { label: 'Latin', keywords: [...latin], accuracy: 'exactly', caseSensitive: false },
    { label: 'acronyms', keywords: [...acronyms], accuracy: 'exactly', caseSensitive: true },
    { label: 'Chinese', keywords: [...chinese], accuracy: 'partially', caseSensitive: false },
  ];
}

/**
 * Text mark.js must not mark, as one selector for `closest()`: inside the elements our scanner
 * skips, or inside a mark of its own (a longer keyword got there first).
 */
export const MARKJS_REJECT = `${SKIPPED_ANCESTOR_SELECTOR}, mark[data-markjs]`;

/** The same fold on both sides before texts are compared: no marks, lower case, one space. */
export function foldForComparison(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}
