import { browser } from 'wxt/browser';
import type { ContentProtocol } from './messages';
import { sendToTab } from './messaging/protocol';

/** Keyboard commands (declared in the manifest) and the step each one takes through the terms. */
export const TERM_COMMANDS = {
  'next-term': 1,
  'previous-term': -1,
} as const;

/**
 * Highlights cannot take focus, so keyboard readers step through the page's terms with a
 * command; the background forwards it to the active tab's content script.
 */
export function forwardTermCommands(): void {
  browser.commands.onCommand.addListener((command, tab) => {
    const direction = TERM_COMMANDS[command as keyof typeof TERM_COMMANDS];
    if (direction === undefined) return;
    void activeTabId(tab?.id).then((tabId) => {
      if (tabId === undefined) return;
      // A tab without our content script (browser pages) simply has no terms to step through.
      sendToTab<ContentProtocol, 'stepTerm'>(tabId, 'stepTerm', { direction }).catch(() => {});
    });
  });
}

async function activeTabId(fromCommand: number | undefined): Promise<number | undefined> {
  if (fromCommand !== undefined) return fromCommand;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}
