import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { bundledGlossary } from '~/lib/glossary';
import { compileMatcher } from '~/lib/match';
import { contentRequestSchemas, type ContentProtocol } from '~/lib/messages';
import { handleMessages } from '~/lib/messaging/protocol';
import { quoteOfSelection } from '~/lib/notes/quote-dom';
import { disabledSites, isSiteEnabled, siteKey } from '~/lib/settings';
import { PageLens } from './page-lens';
import './highlights.css';

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  // `::highlight()` rules go in the manifest; the popover's CSS is passed to its shadow root.
  cssInjectionMode: 'manifest',
  async main(ctx) {
    const glossary = bundledGlossary();
    const site = siteKey(location);
    const lens = new PageLens(ctx, glossary, compileMatcher(glossary.entries), site);

    const stopHandling = handleMessages<ContentProtocol>(
      contentRequestSchemas,
      {
        pageTerms: () => lens.pageTerms(),
        pageContext: () => ({
          url: location.href,
          title: document.title,
          selection: quoteOfSelection(getSelection()),
        }),
        showTerm: ({ entryId }) => lens.showTerm(entryId),
        stepTerm: ({ direction }) => lens.step(direction),
      },
      // Only this extension's own pages and background may ask.
      (sender) => sender.id === browser.runtime.id,
    );
    const stopWatching = disabledSites.watch((sites) => {
      if (sites.includes(site)) lens.disable();
      else void lens.enable();
    });
    ctx.onInvalidated(() => {
      stopHandling();
      stopWatching();
    });

    if (await isSiteEnabled(site)) await lens.enable();
  },
});
