import { browser, type Browser } from 'wxt/browser';
import { sendToExtension, type Handlers, type RequestSchemas } from '../messaging/protocol';
import {
  BADGE_TEXT_COLOR,
  NO_BADGE,
  PageStatusSchema,
  badgeFor,
  type Badge,
  type PageStatus,
} from './page-status';

/** The content script reports its page's status; the background shows it on the toolbar badge. */
export type BadgeProtocol = {
  pageStatus: { request: PageStatus; response: null };
};

export const badgeRequestSchemas: RequestSchemas<BadgeProtocol> = {
  pageStatus: PageStatusSchema,
};

/** The part of the toolbar button API the badge uses (`action` in MV3, `browserAction` in MV2). */
export interface ToolbarAction {
  setBadgeText(details: { text: string; tabId: number }): Promise<void> | void;
  setBadgeBackgroundColor(details: { color: string; tabId: number }): Promise<void> | void;
  setBadgeTextColor?(details: { color: string; tabId: number }): Promise<void> | void;
  setTitle(details: { title: string; tabId: number }): Promise<void> | void;
}

/**
 * The toolbar button: `browser.action` in the Chromium MV3 build, `browser.browserAction` in the
 * Firefox MV2 build (where `action` does not exist).
 */
export function toolbarAction(): ToolbarAction | undefined {
  const api = browser as unknown as { action?: ToolbarAction; browserAction?: ToolbarAction };
  return api.action ?? api.browserAction;
}

/** Shows a badge on one tab (tab-specific, so other tabs keep theirs). */
export async function showBadge(action: ToolbarAction, tabId: number, badge: Badge): Promise<void> {
  await Promise.all([
    action.setBadgeText({ tabId, text: badge.text }),
    action.setBadgeBackgroundColor({ tabId, color: badge.color }),
    // Chromium 110+ and Firefox 63+; older Chromium picks a readable text colour itself.
    action.setBadgeTextColor?.({ tabId, color: BADGE_TEXT_COLOR }),
    action.setTitle({ tabId, title: badge.title }),
  ]);
}

export function badgeHandlers(action: ToolbarAction): Handlers<BadgeProtocol> {
  return {
    pageStatus: async (status, sender) => {
      const tabId = sender.tab?.id;
      // Only the top frame speaks for the page.
      if (tabId === undefined || (sender.frameId ?? 0) !== 0) {
        throw new Error('Only a tab’s page can report its status.');
      }
      await showBadge(action, tabId, badgeFor(status));
      return null;
    },
  };
}

/**
 * Clears a tab's badge when it starts loading another page (no `tabs` permission needed for the
 * status). The new page's content script reports afresh; a page it cannot run on (browser pages,
 * the extension store) keeps no stale count.
 */
export function clearBadgesOnNavigation(action: ToolbarAction): void {
  browser.tabs.onUpdated.addListener((tabId: number, change: Browser.tabs.OnUpdatedInfo) => {
    if (change.status !== 'loading') return;
    showBadge(action, tabId, NO_BADGE).catch(() => {});
  });
}

/** For the content script. */
export function reportPageStatus(status: PageStatus): Promise<null> {
  return sendToExtension<BadgeProtocol, 'pageStatus'>('pageStatus', status);
}
