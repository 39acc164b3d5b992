import { FlowCache } from '../scan/layout';
import type { Quote } from './note';
import { contextQuote, sentenceQuote } from './quote';

/** The block that holds a node's paragraph: the container of its inline run, as the scanner sees it. */
function paragraphOf(node: Node): Element | null {
  const el = node instanceof Element ? node : node.parentElement;
  return el && new FlowCache().blockContainer(el);
}

/** The paragraph's text and where the range lies in it. */
function locate(
  range: AbstractRange,
): { text: string; start: number; end: number; lang: string } | null {
  const paragraph = paragraphOf(range.startContainer);
  if (!paragraph) return null;
  const before = document.createRange();
  before.selectNodeContents(paragraph);
  const text = before.toString();
  before.setEnd(range.startContainer, range.startOffset);
  const start = before.toString().length;
  before.setEnd(range.endContainer, range.endOffset);
  const end = before.toString().length;
  const lang = paragraph.closest('[lang]')?.getAttribute('lang') ?? document.documentElement.lang;
  return { text, start, end, lang };
}

/** The sentence around a marked term, for a note on that term. */
export function quoteAroundTerm(range: AbstractRange): Quote | null {
  const where = locate(range);
  if (!where) return null;
  const quote = sentenceQuote(where.text, where.start, where.end, where.lang || undefined);
  return quote.exact ? quote : null;
}

/** The reader's current text selection, as a quote, or null when nothing is selected. */
export function quoteOfSelection(selection: Selection | null): Quote | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const where = locate(range);
  if (where && paragraphOf(range.endContainer) === paragraphOf(range.startContainer)) {
    const quote = contextQuote(where.text, where.start, where.end);
    return quote.exact ? quote : null;
  }
  // A selection across paragraphs: its text, without context.
  const quote = contextQuote(range.toString(), 0, range.toString().length);
  return quote.exact ? { exact: quote.exact, prefix: '', suffix: '' } : null;
}
