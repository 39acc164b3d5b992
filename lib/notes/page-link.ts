/**
 * Which note URLs may become links. A note's URL is whatever page it was written on, and notes
 * can be restored or (later) imported, so a `javascript:` or `data:` URL must never reach an
 * `href`: only ordinary pages and local files are linked.
 */
const LINKABLE = new Set(['http:', 'https:', 'file:']);

/** Schemes the popup opens itself with `tabs.create` (a plain link click may do nothing there). */
const OPENED_IN_TAB = new Set(['http:', 'https:']);

/** The URL to put in an `href`, or null when the note's URL must stay text. */
export function linkablePageUrl(url: string): string | null {
  const parsed = parse(url);
  return parsed && LINKABLE.has(parsed.protocol) ? parsed.href : null;
}

/** Whether the popup should open this URL in a new tab itself rather than follow the link. */
export function opensInNewTab(url: string): boolean {
  const parsed = parse(url);
  return parsed !== null && OPENED_IN_TAB.has(parsed.protocol);
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}
