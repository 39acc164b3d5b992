import { browser } from 'wxt/browser';

/**
 * The tab the popup is about: the active tab of the current window, or — when the popup page is
 * opened in a tab of its own (end-to-end tests, or a reader who pins it) — the tab named by its
 * `?tab=<id>` query parameter.
 */
export async function targetTabId(search: string): Promise<number | undefined> {
  const fromQuery = Number.parseInt(new URLSearchParams(search).get('tab') ?? '', 10);
  if (Number.isSafeInteger(fromQuery) && fromQuery >= 0) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}
