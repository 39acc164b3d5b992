import {
  ACTIVE_HIGHLIGHT,
  FLASH_HIGHLIGHT,
  HOVER_HIGHLIGHT,
  TERM_HIGHLIGHT_BY_STYLE,
} from '../highlight/names';
import { UI_HOST_TAG } from '../scan/skip';

const OUR_HIGHLIGHTS = [
  ...Object.values(TERM_HIGHLIGHT_BY_STYLE),
  HOVER_HIGHLIGHT,
  ACTIVE_HIGHLIGHT,
  FLASH_HIGHLIGHT,
];

/**
 * Removes what an earlier copy of this content script left in the document: our popover host and
 * our highlights. Called when a copy starts, before it adds its own.
 *
 * Why: when Firefox reloads or updates the add-on it injects the new copy into open tabs and
 * destroys the old copy's sandbox without running its clean-up, so the old popover host (with the
 * popover, open or not, in its closed shadow root) would stay in the page. Only our own element
 * and our own highlight names are touched; nothing of the page's.
 */
export function removeLeftovers(doc: Document, highlights: HighlightRegistry): number {
  let removed = 0;
  for (const host of doc.querySelectorAll(UI_HOST_TAG)) {
    // Ours has a closed shadow root; an element of the same name with an open one (a test page
    // rendering our components, say) belongs to the page.
    if (host.shadowRoot) continue;
    host.remove();
    removed++;
  }
  // By name, without reading the entries: in Firefox those of the old copy belong to its
  // destroyed sandbox, and touching them throws "Permission denied to access object".
  for (const name of OUR_HIGHLIGHTS) {
    if (highlights.delete(name)) removed++;
  }
  return removed;
}
