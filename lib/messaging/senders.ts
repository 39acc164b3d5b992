import type { Browser } from 'wxt/browser';

/**
 * Whether a message comes from this extension: one of its own pages (popup, options) or one of its
 * content scripts (which run in a tab). Web pages cannot reach `runtime.onMessage` at all (we
 * declare no `externally_connectable`), but another extension can, so the id is checked.
 */
export function isOwnSender(
  sender: Browser.runtime.MessageSender,
  extensionId: string,
  extensionOrigin: string,
): boolean {
  if (sender.id !== extensionId) return false;
  const fromOwnPage = sender.url?.startsWith(extensionOrigin) === true;
  const fromContentScript = sender.tab !== undefined;
  return fromOwnPage || fromContentScript;
}
