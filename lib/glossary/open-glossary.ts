import * as v from 'valibot';
import { browser, type Browser } from 'wxt/browser';
import { sendToExtension, type Handlers, type RequestSchemas } from '../messaging/protocol';
import { bundledGlossary } from './index';
import { GLOSSARY_PAGE_PATH, glossaryEntryHash } from './page-url';
import { EntryIdSchema } from './schema';
import { i18n } from '~/lib/i18n';

/**
 * "Open in glossary" from the popover. A content script cannot open an extension page itself
 * (the page is not web-accessible, on purpose), so it asks the background, which opens the
 * glossary page in a new tab beside the reader's, at the entry.
 */
export type GlossaryPageProtocol = {
  openGlossary: { request: { entryId: string }; response: null };
};

export const glossaryPageRequestSchemas: RequestSchemas<GlossaryPageProtocol> = {
  openGlossary: v.strictObject({ entryId: EntryIdSchema }),
};

/** The glossary page's address, at an entry when one is given. */
export function glossaryPageUrl(entryId?: string): string {
  const page = browser.runtime.getURL(GLOSSARY_PAGE_PATH);
  return entryId === undefined ? page : `${page}${glossaryEntryHash(entryId)}`;
}

/** Opens the glossary page next to `nearTab` (the reader's tab) or, without one, as a new tab. */
export async function openGlossaryTab(entryId?: string, nearTab?: Browser.tabs.Tab): Promise<void> {
  await browser.tabs.create({
    url: glossaryPageUrl(entryId),
    ...(nearTab && { index: nearTab.index + 1, windowId: nearTab.windowId }),
    ...(nearTab?.id !== undefined && { openerTabId: nearTab.id }),
  });
}

export function glossaryPageHandlers(): Handlers<GlossaryPageProtocol> {
  return {
    openGlossary: async ({ entryId }, sender) => {
      if (!bundledGlossary().get(entryId))
        throw new Error(i18n.t('problems.noSuchEntry', { id: entryId }));
      await openGlossaryTab(entryId, sender.tab);
      return null;
    },
  };
}

/** For the content script. */
export function requestGlossaryPage(entryId: string): Promise<null> {
  return sendToExtension<GlossaryPageProtocol, 'openGlossary'>('openGlossary', { entryId });
}
