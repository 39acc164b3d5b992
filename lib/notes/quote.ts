import { LIMITS, type Quote } from './note';

/**
 * Quotes for notes, from plain text and offsets (the DOM part is in `quote-dom.ts`), so the rules
 * are testable without a browser.
 */

const segmenters = new Map<string | undefined, Intl.Segmenter>();
function sentences(locale: string | undefined): Intl.Segmenter {
  let segmenter = segmenters.get(locale);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(locale, { granularity: 'sentence' });
    segmenters.set(locale, segmenter);
  }
  return segmenter;
}

/** The sentence (or sentences) of `text` that contain [start, end), with context either side. */
export function sentenceQuote(text: string, start: number, end: number, locale?: string): Quote {
  let from = start;
  let to = end;
  for (const { segment, index } of sentences(locale).segment(text)) {
    const segmentEnd = index + segment.length;
    if (segmentEnd <= start || index >= end) continue;
    from = Math.min(from, index);
    to = Math.max(to, segmentEnd);
  }
  return contextQuote(text, from, to, { keep: [start, end] });
}

/**
 * The text at [start, end) (trimmed, whitespace collapsed) as a quote, with up to 64 characters of
 * context before and after. A quote over the size limit is shortened around `keep` (the term).
 */
export function contextQuote(
  text: string,
  start: number,
  end: number,
  { keep = [start, end] as [number, number] } = {},
): Quote {
  let from = start;
  let to = end;
  while (from < to && /\s/.test(text[from]!)) from++;
  while (to > from && /\s/.test(text[to - 1]!)) to--;
  // Keep well under the byte limit even for 3-byte (CJK) characters.
  const maxChars = Math.floor(LIMITS.quoteBytes / 3);
  if (to - from > maxChars) {
    const middle = Math.floor((keep[0] + keep[1]) / 2);
    from = Math.max(from, middle - Math.floor(maxChars / 2));
    to = Math.min(to, from + maxChars);
  }
  const collapse = (s: string) => s.replace(/\s+/g, ' ');
  return {
    exact: collapse(text.slice(from, to)),
    prefix: collapse(text.slice(Math.max(0, from - LIMITS.contextChars), from)).slice(
      -LIMITS.contextChars,
    ),
    suffix: collapse(text.slice(to, to + LIMITS.contextChars)).slice(0, LIMITS.contextChars),
  };
}
