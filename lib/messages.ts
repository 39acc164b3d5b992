import * as v from 'valibot';
import { EntryIdSchema } from './glossary/schema';
import type { RequestSchemas } from './messaging/protocol';
import type { Quote } from './notes/note';

/** One glossary entry found on a page, for the popup's list. */
export interface PageTerm {
  entryId: string;
  term: string;
  count: number;
}

/**
 * Why the content script cannot read a page it runs on: a PDF (the browser's viewer draws it),
 * an image or video shown on its own, or a canvas editor (Google Docs and the like draw their
 * text as pictures).
 */
export type UnreadableReason = 'pdf' | 'media' | 'canvas-editor';

/** What the content script tells the popup about its page. */
export interface PageTerms {
  /** The site the on/off switch applies to (host name, or the origin for hostless pages). */
  site: string;
  /** The site's switch: marking is on for this site (it may still be paused everywhere). */
  enabled: boolean;
  /** Marking is paused on every site. */
  paused: boolean;
  /**
   * Marks on the page. The reader's "first occurrence only" and "cap per page" settings decide
   * which matches are marked; only marked ones are counted here and in `terms`, pointed at,
   * stepped through by the keyboard and counted on the toolbar badge.
   */
  total: number;
  /** Matches found, marked or not (more than `total` when those settings leave some out). */
  found: number;
  /** Sorted by count, most frequent first. */
  terms: PageTerm[];
  /** Set when the page cannot be read, and why. */
  unreadable: UnreadableReason | null;
}

/** The page a new note from the popup is about. */
export interface PageContext {
  url: string;
  title: string;
  /** The reader's text selection on the page, quoted, or null. */
  selection: Quote | null;
}

/** Requests the content script answers (sent by the popup and the background). */
export type ContentProtocol = {
  pageTerms: { request: null; response: PageTerms };
  pageContext: { request: null; response: PageContext };
  /**
   * Scrolls to a mark of an entry (the first, or the next one after the open popover's), flashes
   * it and opens its popover; false if the entry is not marked on the page.
   */
  showTerm: { request: { entryId: string }; response: boolean };
  /**
   * Moves to the next / previous mark, opens its popover with focus in it and announces the term
   * to screen readers (the keyboard command).
   */
  stepTerm: { request: { direction: 1 | -1 }; response: boolean };
};

export const contentRequestSchemas: RequestSchemas<ContentProtocol> = {
  pageTerms: v.null(),
  pageContext: v.null(),
  showTerm: v.strictObject({ entryId: EntryIdSchema }),
  stepTerm: v.strictObject({ direction: v.picklist([1, -1]) }),
};
