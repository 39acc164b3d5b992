import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { PopoverStore, type PopoverState } from '~/components/popover-store';
import { markPopoverRequested } from '~/components/popover-timing';
import { liveGlossary, type LensGlossary } from '~/lib/custom-terms/lens-glossary';
import type { PageStatus } from '~/lib/badge/page-status';
import { StatusReporter } from '~/lib/badge/status-reporter';
import { reportPageStatus } from '~/lib/badge/toolbar-badge';
import { isTopFrame } from '~/lib/frames/this-frame';
import { ActiveMark } from '~/lib/highlight/active-mark';
import { Flash } from '~/lib/highlight/flash';
import { toLiveRange } from '~/lib/highlight/hit-test';
import { termConcealment } from '~/lib/highlight/visibility-guard';
import { MatchRegistry, type PageMatch } from '~/lib/highlight/match-registry';
import { ACTIVE_HIGHLIGHT, HOVER_HIGHLIGHT } from '~/lib/highlight/names';
import { ShadowHighlightStyles } from '~/lib/highlight/shadow-styles';
import { watchTermPointer } from '~/lib/highlight/term-pointer';
import type { TermMatcher } from '~/lib/match';
import type { PageTerms, UnreadableReason } from '~/lib/messages';
import { quoteAroundTerm } from '~/lib/notes/quote-dom';
import { PageScanner } from '~/lib/scan/page-scanner';
import { DEFAULT_SETTINGS, type SettingChange, type Settings } from '~/lib/settings';
import { hiddenTermSentence, termPositionSentence } from './announcer';
import highlightsCss from './highlights.css?inline';
import { unreadableAfterScan, unreadableBeforeScan } from './page-kind';
import { PopoverHost } from './popover-host';

/**
 * Credit Lens on one page: scanning and marks, the pointer, the popover, and the answers the popup
 * asks for. Everything it starts is tied to an AbortController that `disable()` (switching the
 * site off) and the content-script context (extension reload or update) both end.
 */
export class PageLens {
  readonly #store = new PopoverStore();
  readonly #registry = new MatchRegistry();
  // Priorities, lowest first: the marks (0), the term under the pointer, the open term, a flash.
  readonly #hover = new ActiveMark(CSS.highlights, HOVER_HIGHLIGHT, 1);
  readonly #active = new ActiveMark(CSS.highlights, ACTIVE_HIGHLIGHT, 2);
  readonly #flash = new Flash(
    CSS.highlights,
    () => matchMedia('(prefers-reduced-motion: reduce)').matches,
  );
  readonly #host: PopoverHost;
  /** The reader's settings, kept current by `applySetting` (the content script watches them). */
  #settings: Settings = { ...DEFAULT_SETTINGS };
  /** This site's switch (the popup's "Mark terms on <site>"). */
  #siteEnabled = true;
  // The top frame speaks for the tab; a sub-frame's count is not the page's (see lib/frames).
  readonly #reporter = new StatusReporter(
    isTopFrame() ? reportPageStatus : () => Promise.resolve(null),
  );
  #unreadable: UnreadableReason | null = unreadableBeforeScan(document, location);
  #scanner: PageScanner | undefined;
  /** Our highlight rules inside web components' shadow trees, while marking. */
  #shadowStyles: ShadowHighlightStyles | undefined;
  #running: AbortController | undefined;
  /** Where focus was before a click or keyboard open moved it into the popover. */
  #focusBefore: HTMLElement | null = null;
  /** Whether a popover was opened before (the first one also mounts the UI). */
  #openedBefore = false;

  constructor(
    private readonly ctx: ContentScriptContext,
    private glossary: LensGlossary,
    private matcher: TermMatcher,
    private readonly site: string,
  ) {
    // The popover reads the current glossary, so it follows `replaceGlossary`.
    this.#host = new PopoverHost(
      ctx,
      liveGlossary(() => this.glossary),
      this.#store,
      () => this.close(),
    );
    ctx.onInvalidated(() => {
      this.disable();
      this.#reporter.stop();
      this.#registry.dispose();
      this.#hover.dispose();
      this.#active.dispose();
      this.#flash.dispose();
      this.#host.remove();
    });
    // A page restored from the back/forward cache keeps its marks, but the background cleared
    // the tab's badge when the tab navigated: tell it again.
    ctx.addEventListener(window, 'pageshow', (event) => {
      if (event.persisted) this.#reportStatus();
    });
  }

  /**
   * Applies the reader's settings and this site's switch: starts or stops marking, and sets how
   * marks look and which are marked. Resolves when marking (if on) has finished its first scan.
   */
  configure(settings: Settings, siteEnabled: boolean): Promise<void> {
    this.#settings = { ...settings };
    this.#siteEnabled = siteEnabled;
    this.#registry.setStyle(settings.highlightStyle);
    this.#registry.setLimits({
      firstOccurrenceOnly: settings.firstOccurrenceOnly,
      cap: settings.markCap,
    });
    if (!siteEnabled || settings.paused) {
      this.disable();
      return Promise.resolve();
    }
    // Already marking: the limits may have changed the count. (A first scan reports its own.)
    if (this.enabled) this.#reportStatus();
    return this.enable();
  }

  /** One setting changed (in the popup, the options page or another window): apply it live. */
  applySetting(change: SettingChange): Promise<void> {
    return this.configure({ ...this.#settings, [change.name]: change.value }, this.#siteEnabled);
  }

  /** This site's switch changed. */
  setSiteEnabled(enabled: boolean): Promise<void> {
    return this.configure(this.#settings, enabled);
  }

  get enabled(): boolean {
    return this.#running !== undefined;
  }

  /** Starts marking; resolves when the first full scan is done. */
  enable(): Promise<void> {
    if (this.#running) return this.#scanner!.idle();
    const running = new AbortController();
    this.#running = running;
    const signal = running.signal;

    const shadowStyles = new ShadowHighlightStyles(highlightsCss);
    this.#shadowStyles = shadowStyles;
    this.#scanner = new PageScanner(document, {
      matcher: this.matcher,
      registry: this.#registry,
      isOwnNode: (node) => this.#host.contains(node),
      onShadowRoot: (shadow) => shadowStyles.adopt(shadow),
      onScan: (stats) => {
        if (stats.kind === 'full' && this.#unreadable === null) {
          this.#unreadable = unreadableAfterScan(document, stats.chars);
        }
        this.#reportStatus();
      },
    });
    watchTermPointer({
      doc: document,
      registry: this.#registry,
      signal,
      isOwnUi: (target) => this.#host.contains(target),
      settings: () => this.#settings,
      onHover: (match) => this.#hover.show(match?.range ?? null),
      onOpen: (match, how) => void this.open(match, how),
      onLeave: () => {
        if (this.#store.get()?.openedBy === 'hover' && !this.#host.hasFocus()) this.close();
      },
      onOutsidePress: () => this.close(),
    });
    this.ctx.addEventListener(
      window,
      'keydown',
      (event) => {
        if (event.key === 'Escape' && this.#store.get()) this.close();
      },
      { capture: true, signal },
    );
    return this.#scanner.start();
  }

  /**
   * Swaps in a new glossary and its matcher (the reader's own terms changed) and, if marking is
   * on, marks the page again with them.
   */
  replaceGlossary(glossary: LensGlossary, matcher: TermMatcher): Promise<void> {
    this.glossary = glossary;
    this.matcher = matcher;
    if (!this.enabled) return Promise.resolve();
    this.disable();
    return this.enable();
  }

  /** Stops marking and removes every mark and the popover. */
  disable(): void {
    this.close();
    this.#flash.stop();
    this.#running?.abort();
    this.#running = undefined;
    this.#scanner?.stop();
    this.#scanner = undefined;
    this.#shadowStyles?.dispose();
    this.#shadowStyles = undefined;
    // Switched off or paused: say so. (Stopped only to start again, as `replaceGlossary` does,
    // the next scan reports the new count; a "0" meanwhile would only make the badge flicker.)
    const status = this.#status();
    if (status.state !== 'marking') this.#reporter.report(status);
  }

  /** Opens the popover on a term; false if it did not (see the visibility guard). */
  async open(match: PageMatch, openedBy: PopoverState['openedBy']): Promise<boolean> {
    const current = this.#store.get();
    if (current?.anchor === match.range && current.openedBy !== 'hover') return true;
    // A hover never takes over a popover the reader is in (opened by click or keyboard, focus
    // inside): a page scrolled under a resting pointer would otherwise swap the term they read.
    if (openedBy === 'hover' && current && current.openedBy !== 'hover' && this.#host.hasFocus()) {
      return false;
    }
    // Clickjacking: no popover over a term the page made invisible or laid something over.
    if (termConcealment(match.range, (element) => this.#host.contains(element))) return false;
    markPopoverRequested({ openedBy, first: !this.#openedBefore });
    this.#openedBefore = true;
    if (openedBy !== 'hover' && !this.#host.hasFocus()) {
      const focused = document.activeElement;
      this.#focusBefore = focused instanceof HTMLElement ? focused : null;
    }
    await this.#host.ensureMounted();
    this.#active.show(match.range);
    this.#store.set({
      entryId: match.entryId,
      trail: [],
      anchor: match.range,
      quote: quoteAroundTerm(match.range),
      openedBy,
    });
    return true;
  }

  close(): void {
    if (!this.#store.get()) return;
    const restoreFocus = this.#host.hasFocus();
    this.#store.set(null);
    this.#active.show(null);
    if (restoreFocus && this.#focusBefore?.isConnected)
      this.#focusBefore.focus({ preventScroll: true });
    this.#focusBefore = null;
  }

  /**
   * Opens the next (or previous) marked term after the open one, scrolling it into view, with
   * focus in its popover; screen readers hear which term of how many it is.
   */
  async step(direction: 1 | -1): Promise<boolean> {
    const matches = this.#registry.inDocumentOrder();
    if (matches.length === 0) return false;
    const anchor = this.#store.get()?.anchor;
    const at = matches.findIndex((m) => m.range === anchor);
    const index =
      at < 0
        ? direction === 1
          ? 0
          : matches.length - 1
        : (at + direction + matches.length) % matches.length;
    return this.#reveal(matches[index]!, index, matches.length);
  }

  /**
   * Opens a marked term of an entry (the popup's list) and flashes it: the first mark, or, when
   * one of its marks is open already, the next one, so choosing it again walks through them.
   */
  async showTerm(entryId: string): Promise<boolean> {
    const matches = this.#registry.inDocumentOrder();
    const ofEntry = matches.filter((m) => m.entryId === entryId);
    if (ofEntry.length === 0) return false;
    const anchor = this.#store.get()?.anchor;
    const at = ofEntry.findIndex((m) => m.range === anchor);
    const match = ofEntry[(at + 1) % ofEntry.length]!;
    this.#flash.flash(match.range);
    return this.#reveal(match, matches.indexOf(match), matches.length);
  }

  pageTerms(): PageTerms {
    const terms = [...this.#registry.countsByEntry()]
      .map(([entryId, count]) => ({
        entryId,
        count,
        term: this.glossary.get(entryId)?.term ?? entryId,
      }))
      .sort((a, b) => b.count - a.count || a.term.localeCompare(b.term));
    return {
      site: this.site,
      enabled: this.#siteEnabled,
      paused: this.#settings.paused,
      total: this.#registry.size,
      found: this.#registry.foundCount,
      terms,
      unreadable: this.#unreadable,
    };
  }

  /** What the toolbar badge shows for this page. */
  #status(): PageStatus {
    if (this.#settings.paused) return { state: 'paused' };
    if (!this.#siteEnabled) return { state: 'site-off' };
    if (this.#unreadable && this.#registry.size === 0) return { state: 'unreadable' };
    return { state: 'marking', count: this.#registry.size };
  }

  #reportStatus(): void {
    this.#reporter.report(this.#status());
  }

  async #reveal(match: PageMatch, index: number, count: number): Promise<boolean> {
    scrollToRange(match.range);
    const term = this.glossary.get(match.entryId)?.term ?? match.entryId;
    if (!(await this.open(match, 'keyboard'))) {
      void this.#host.announce(hiddenTermSentence(term));
      return false;
    }
    // The popover takes focus when it opens; if it was open on the same entry already (and the
    // reader had moved focus back to the page), move focus into it here.
    await new Promise((resolve) => requestAnimationFrame(resolve));
    if (this.#store.get()?.anchor === match.range && !this.#host.hasFocus()) {
      this.#host.focusPopover();
    }
    void this.#host.announce(termPositionSentence(term, index + 1, count));
    return true;
  }
}

/**
 * Scrolls a term into the middle of the screen, unless it is well in view already. The element
 * around it is scrolled into view first, which also scrolls any scrolling box it sits in; then the
 * window, by the term's own box (the middle of a long paragraph may be far from the term).
 */
function scrollToRange(range: AbstractRange): void {
  range.startContainer.parentElement?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  const box = toLiveRange(range).getBoundingClientRect();
  const margin = innerHeight * 0.1;
  if (box.top < margin || box.bottom > innerHeight - margin) {
    scrollBy({ top: box.top + box.height / 2 - innerHeight / 2, behavior: 'instant' });
  }
}
