import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { followCustomTerms } from '~/lib/custom-terms/follow';
import { glossaryRevision, requestCustomTerms } from '~/lib/custom-terms/protocol';
import { bundledGlossary } from '~/lib/glossary';
import { isTopFrame, siteLocation, whenFrameShown } from '~/lib/frames/this-frame';
import { compileMatcher } from '~/lib/match';
import { contentRequestSchemas, type ContentProtocol } from '~/lib/messages';
import { handleMessages } from '~/lib/messaging/protocol';
import { quoteOfSelection } from '~/lib/notes/quote-dom';
import { disabledSites, readSettings, siteKey, watchSettings } from '~/lib/settings';
import { yieldToPage } from '~/lib/scan/time-slices';
import { removeLeftovers } from '~/lib/lifecycle/leftovers';
import { stopListening, watchForOrphaning } from '~/lib/lifecycle/orphan-watch';
import { PageLens } from './page-lens';
import './highlights.css';

export default defineContentScript({
  matches: ['<all_urls>'],
  // Every frame: each document has its own highlights and gets its own script, popover included.
  // `about:srcdoc` and `about:blank` frames have no URL of their own to match; both browsers run
  // the script in them when their parent matches.
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  // `::highlight()` rules go in the manifest; the popover's CSS is passed to its shadow root.
  cssInjectionMode: 'manifest',
  // WXT tells an older copy of this script to stop with a document event, and by default also
  // posts the same notice to the page's window, whose type names our extension id: any page
  // could read it to learn that Credit Lens is installed. The event alone does the job.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    // Start-up runs on every page the reader opens, so it is split into short tasks: this one
    // only wires things up; the glossary is parsed and the matcher compiled after yielding, each
    // in a task of its own, and nothing is scanned before the settings say marking is on.
    const started = performance.now();
    // An extension reload or update: clear what an earlier copy left here, and notice when this
    // copy is the one left behind (see both modules for what each browser does).
    removeLeftovers(document, CSS.highlights);
    watchForOrphaning(ctx);
    const site = siteKey(siteLocation(location, self.origin));
    const top = isTopFrame();
    // Created once the glossary is parsed; until then, requests wait for it and settings wait.
    let lens: PageLens | undefined = undefined;
    let resolveLens: (lens: PageLens) => void = () => {};
    const lensReady = new Promise<PageLens>((resolve) => (resolveLens = resolve));
    let stopFollowing = () => {};

    // Requests from the popup and the background go to the top frame only (see lib/frames).
    const stopHandling = !top
      ? () => {}
      : handleMessages<ContentProtocol>(
          contentRequestSchemas,
          {
            pageTerms: async () => (await lensReady).pageTerms(),
            pageContext: () => ({
              url: location.href,
              title: document.title,
              selection: quoteOfSelection(getSelection()),
            }),
            showTerm: async ({ entryId }) => (await lensReady).showTerm(entryId),
            stepTerm: async ({ direction }) => (await lensReady).step(direction),
          },
          // Only this extension's own pages and background may ask.
          (sender) => sender.id === browser.runtime.id,
        );
    // Settings and the site list apply live: every change in the popup, the options page or
    // another window reaches this page at once. Watched before the first read, so no change is
    // missed; one that arrives before the first read is done is read again afterwards.
    let configured = false;
    let changedMeanwhile = false;
    const stopWatchingSites = disabledSites.watch((sites) => {
      if (configured) void lens?.setSiteEnabled(!sites.includes(site));
      else changedMeanwhile = true;
    });
    const stopWatchingSettings = watchSettings((change) => {
      if (configured) void lens?.applySetting(change);
      else changedMeanwhile = true;
    });
    ctx.onInvalidated(() =>
      stopListening([stopHandling, () => stopFollowing(), stopWatchingSites, stopWatchingSettings]),
    );
    const readAll = () => Promise.all([readSettings(), disabledSites.getValue()]);

    performance.measure('credit-lens:startup', { start: started, end: performance.now() });
    // A frame too small to show a word (a tracking pixel, a hidden ad slot) parses no glossary
    // and scans nothing until it is shown; most never are.
    if (!top && !(await whenFrameShown(window, ctx.signal))) return;
    const settingsRead = readAll();
    await yieldToPage();
    const glossary = bundledGlossary();
    await yieldToPage();
    // The extension may have been reloaded or removed while we yielded.
    if (ctx.isInvalid) return;
    lens = new PageLens(ctx, glossary, compileMatcher(glossary.entries), site);
    resolveLens(lens);
    // The reader's own terms come from the background (a content script never opens IndexedDB),
    // now and after every change. The bundled terms are marked meanwhile: start-up does not wait
    // for the round trip, and a reader without terms of their own costs no rescan.
    const current = lens;
    stopFollowing = followCustomTerms({
      bundled: glossary,
      fetchTerms: requestCustomTerms,
      watchRevision: (onChange) => glossaryRevision.watch(onChange),
      apply: (merged, matcher) => current.replaceGlossary(merged, matcher),
    });
    let [settings, sites] = await settingsRead;
    if (changedMeanwhile) [settings, sites] = await readAll();
    configured = true;
    await lens.configure(settings, !sites.includes(site));
  },
});
