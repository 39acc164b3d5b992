import { browser, type Browser } from 'wxt/browser';
import { i18n } from '~/lib/i18n';
import { addTermUrl } from './prefill';

export const ADD_TERM_MENU_ID = 'credit-lens-add-term';

/**
 * "Add to Credit Lens glossary" in the context menu of selected text. A click opens the options
 * page beside the reader's tab, at "Your terms", with the add form filled in from the selection.
 * The options page is opened with `tabs.create` (no `tabs` permission needed): it must carry the
 * selection in its address, which `runtime.openOptionsPage()` cannot.
 *
 * Called at every start of the background: the click listener must be registered synchronously
 * (an MV3 service worker is woken for it), and the item is made again because Firefox forgets
 * menus with its background page while Chromium keeps them (`removeAll` first, so no duplicate).
 */
export function registerAddTermMenu(): void {
  browser.contextMenus.onClicked.addListener(onClicked);
  void (async () => {
    try {
      await browser.contextMenus.removeAll();
      browser.contextMenus.create({
        id: ADD_TERM_MENU_ID,
        title: i18n.t('contextMenu.addTerm'),
        contexts: ['selection'],
      });
    } catch (error) {
      console.warn('[Credit Lens] the context menu item could not be added', error);
    }
  })();
}

function onClicked(info: Browser.contextMenus.OnClickData, tab?: Browser.tabs.Tab): void {
  if (info.menuItemId !== ADD_TERM_MENU_ID) return;
  void browser.tabs.create({
    url: addTermUrl(browser.runtime.getURL('/options.html'), info.selectionText),
    ...(tab && tab.index >= 0 && { index: tab.index + 1, windowId: tab.windowId }),
    ...(tab?.id !== undefined && tab.id >= 0 && { openerTabId: tab.id }),
  });
}
