import { foldText } from '../match';

/**
 * Words for the notes' full-text index: folded (case, accents, full-width) like glossary matching,
 * split at anything that is not a letter or digit. Chinese has no spaces between words, so Han
 * text is indexed as single characters and as pairs of neighbours; a longer Chinese query becomes
 * the pairs it is made of, all of which a matching note must have.
 */

/** A note of 100 kB has a few thousand distinct words; beyond this the index grows for little. */
const MAX_WORDS = 5_000;
const HAN = /\p{Script=Han}/u;
const WORD_PARTS = /[\p{L}\p{N}]+/gu;

export function searchWords(...texts: (string | undefined)[]): string[] {
  const words = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    for (const token of tokens(text)) {
      words.add(token);
      if (words.size >= MAX_WORDS) return [...words];
    }
  }
  return [...words];
}

/** The query's tokens, as `searchWords` would index them, longest first. */
export function queryTokens(query: string): string[] {
  return [...new Set(tokens(query))].sort((a, b) => b.length - a.length);
}

/** Whether every query token starts one of the note's words (the words index's own rule). */
export function matchesQuery(words: readonly string[], tokensOfQuery: readonly string[]): boolean {
  return tokensOfQuery.every((token) => words.some((word) => word.startsWith(token)));
}

function* tokens(text: string): Generator<string> {
  for (const [part] of foldText(text).folded.matchAll(WORD_PARTS)) {
    if (!HAN.test(part)) {
      yield part;
      continue;
    }
    // Split mixed runs ("GRC合规") into Han and non-Han pieces; Han pieces into 1- and 2-grams.
    for (const [piece] of part.matchAll(/\p{Script=Han}+|[^\p{Script=Han}]+/gu)) {
      if (!HAN.test(piece)) {
        yield piece;
        continue;
      }
      const chars = [...piece];
      for (let i = 0; i < chars.length; i++) {
        yield chars[i]!;
        if (i + 1 < chars.length) yield chars[i]! + chars[i + 1]!;
      }
    }
  }
}
