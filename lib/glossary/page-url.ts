/**
 * Where the glossary page lives and how an entry is addressed on it. The popover's "Open in
 * glossary" and the popup's link build the address here; the page reads it back with
 * `entryIdFromHash`, so the two sides cannot drift apart.
 */

/** The extension page's path, as `browser.runtime.getURL` takes it. */
export const GLOSSARY_PAGE_PATH = '/glossary.html';

/** `#chengxin`: the entry's id is its element id on the page, so the hash also scrolls to it. */
export function glossaryEntryHash(entryId: string): string {
  return `#${encodeURIComponent(entryId)}`;
}

/** The entry id a hash names, or undefined when the hash is empty or not an id. */
export function entryIdFromHash(hash: string): string | undefined {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  if (raw.length === 0) return undefined;
  let id: string;
  try {
    id = decodeURIComponent(raw);
  } catch {
    return undefined; // a malformed escape is not an id
  }
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id) ? id : undefined;
}
