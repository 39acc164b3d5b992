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

/** What the content script tells the popup about its page. */
export interface PageTerms {
  /** The site the on/off switch applies to (host name, or the origin for hostless pages). */
  site: string;
  enabled: boolean;
  /** Total marks on the page. */
  total: number;
  /** Sorted by count, most frequent first. */
  terms: PageTerm[];
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
  /** Scrolls to the first mark of an entry and opens its popover; false if it is not on the page. */
  showTerm: { request: { entryId: string }; response: boolean };
  /** Moves to the next / previous mark and opens its popover (the keyboard command). */
  stepTerm: { request: { direction: 1 | -1 }; response: boolean };
};

export const contentRequestSchemas: RequestSchemas<ContentProtocol> = {
  pageTerms: v.null(),
  pageContext: v.null(),
  showTerm: v.strictObject({ entryId: EntryIdSchema }),
  stepTerm: v.strictObject({ direction: v.picklist([1, -1]) }),
};
