/** One marked term: UTF-16 offsets into the text given to `find`, `end` exclusive. */
export interface TermMatch {
  start: number;
  end: number;
  entryId: string;
}

/** A glossary compiled for repeated searching; compile once, call `find` per text. */
export interface TermMatcher {
  /** Non-overlapping matches, sorted by `start`. */
  find(text: string): TermMatch[];
  /** Distinct folded search strings in the automaton (pinyin spacings count separately). */
  readonly patternCount: number;
}

/**
 * A text in its matching form plus the way back.
 * `map[i]` is the original offset of the character that produced `folded[i]`;
 * `map[folded.length]` is the original length, so a folded end offset always maps somewhere.
 */
export interface FoldedText {
  folded: string;
  map: Uint32Array;
}
