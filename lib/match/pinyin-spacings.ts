/**
 * Pinyin is written with its syllables grouped in different ways: the glossary stores one
 * syllable per chunk ("shè huì xìn yòng"), while pages write "shehui xinyong" or "Shehuixinyong".
 * So every gap between syllables may be either nothing or one space.
 */

/**
 * Past this many gaps only the two extremes (all joined, all spaced) are generated, because the
 * count doubles with each gap; 10 gaps are already 1,024 patterns for one alias.
 */
const MAX_GAPS = 10;

/** Every spacing of a space-separated syllable string; the input itself is always included. */
export function pinyinSpacings(syllableText: string): string[] {
  const syllables = syllableText.split(' ').filter((s) => s.length > 0);
  const gaps = syllables.length - 1;
  if (gaps <= 0) return [syllables.join('')];
  if (gaps > MAX_GAPS) return [syllables.join(' '), syllables.join('')];
  const spellings: string[] = [];
  // Bit g of `mask` says whether gap g gets a space; mask = all ones is the stored spelling.
  for (let mask = (1 << gaps) - 1; mask >= 0; mask--) {
    let s = syllables[0] as string;
    for (let g = 0; g < gaps; g++) {
      s += ((mask >> g) & 1 ? ' ' : '') + (syllables[g + 1] as string);
    }
    spellings.push(s);
  }
  return spellings;
}
