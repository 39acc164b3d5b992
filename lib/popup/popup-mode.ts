/**
 * Whether the popup page was opened in a tab of its own (`popup.html?tab=<id>`: end-to-end
 * tests, or a reader who keeps it open) rather than as the toolbar popup. Only a real popup
 * closes itself after sending the reader to a term; a page would just vanish from under them.
 */
export function openedAsPage(search: string): boolean {
  return new URLSearchParams(search).has('tab');
}
