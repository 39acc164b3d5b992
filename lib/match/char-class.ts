/**
 * Which characters glue onto a Latin term and so deny it a word boundary. Letters and digits
 * do, except CJK ones: Chinese and Japanese are written without spaces, so "的GRC报告" still has
 * GRC as a word of its own.
 */

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const CJK = /^[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}\p{scx=Bopomofo}]$/u;

// Boundary checks run only on match candidates, but a page can yield many of those; ASCII gets a
// table and everything else a cache, so the regexes run once per distinct character.
const asciiWord = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  asciiWord[c] =
    (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) ? 1 : 0;
}
const otherWord = new Map<number, boolean>();

/** True for a letter or digit that is not CJK: such a neighbour means "inside a word". */
export function isWordChar(cp: number): boolean {
  if (cp < 0) return false; // before the start or past the end of the text
  if (cp < 128) return asciiWord[cp] === 1;
  let word = otherWord.get(cp);
  if (word === undefined) {
    const ch = String.fromCodePoint(cp);
    word = LETTER_OR_DIGIT.test(ch) && !CJK.test(ch);
    otherWord.set(cp, word);
  }
  return word;
}

function isHigh(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLow(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/** The code point that ends just before `index`, or -1 at the start. */
export function codePointBefore(units: Uint16Array, index: number): number {
  if (index <= 0) return -1;
  const last = units[index - 1] as number;
  if (isLow(last) && index >= 2) {
    const first = units[index - 2] as number;
    if (isHigh(first)) return ((first - 0xd800) << 10) + (last - 0xdc00) + 0x10000;
  }
  return last;
}

/** The code point that starts at `index`, or -1 at `length`. */
export function codePointAt(units: Uint16Array, length: number, index: number): number {
  if (index >= length) return -1;
  const first = units[index] as number;
  if (isHigh(first) && index + 1 < length) {
    const last = units[index + 1] as number;
    if (isLow(last)) return ((first - 0xd800) << 10) + (last - 0xdc00) + 0x10000;
  }
  return first;
}
