import type { ContentProtocol, PageTerms } from '../messages';
import { sendToTab } from '../messaging/protocol';

/** What the popup knows about its tab. */
export type PageSummary =
  | { kind: 'loading' }
  | { kind: 'ready'; page: PageTerms }
  /** No content script answers: a browser page, the extension store, a PDF viewer, `about:`… */
  | { kind: 'restricted' };

export async function fetchPageSummary(tabId: number | undefined): Promise<PageSummary> {
  if (tabId === undefined) return { kind: 'restricted' };
  try {
    const page = await sendToTab<ContentProtocol, 'pageTerms'>(tabId, 'pageTerms', null);
    return { kind: 'ready', page };
  } catch {
    return { kind: 'restricted' };
  }
}
