import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { PopoverStore, type PopoverState } from '~/components/popover-store';
import type { Glossary } from '~/lib/glossary';
import { ActiveMark } from '~/lib/highlight/active-mark';
import { MatchRegistry, type PageMatch } from '~/lib/highlight/match-registry';
import { watchTermPointer } from '~/lib/highlight/term-pointer';
import type { TermMatcher } from '~/lib/match';
import type { PageTerms } from '~/lib/messages';
import { quoteAroundTerm } from '~/lib/notes/quote-dom';
import { PageScanner } from '~/lib/scan/page-scanner';
import { PopoverHost } from './popover-host';

/**
 * Credit Lens on one page: scanning and marks, the pointer, the popover, and the answers the popup
 * asks for. Everything it starts is tied to an AbortController that `disable()` (switching the
 * site off) and the content-script context (extension reload or update) both end.
 */
export class PageLens {
  readonly #store = new PopoverStore();
  readonly #registry = new MatchRegistry();
  readonly #active = new ActiveMark();
  readonly #host: PopoverHost;
  #scanner: PageScanner | undefined;
  #running: AbortController | undefined;
  /** Where focus was before a click or keyboard open moved it into the popover. */
  #focusBefore: HTMLElement | null = null;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly glossary: Glossary,
    private readonly matcher: TermMatcher,
    private readonly site: string,
  ) {
    this.#host = new PopoverHost(ctx, glossary, this.#store, () => this.close());
    ctx.onInvalidated(() => {
      this.disable();
      this.#registry.dispose();
      this.#active.dispose();
      this.#host.remove();
    });
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

    this.#scanner = new PageScanner(document, {
      matcher: this.matcher,
      registry: this.#registry,
      isOwnNode: (node) => this.#host.contains(node),
    });
    watchTermPointer({
      doc: document,
      registry: this.#registry,
      signal,
      isOwnUi: (target) => this.#host.contains(target),
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

  /** Stops marking and removes every mark and the popover. */
  disable(): void {
    this.close();
    this.#running?.abort();
    this.#running = undefined;
    this.#scanner?.stop();
    this.#scanner = undefined;
  }

  async open(match: PageMatch, openedBy: PopoverState['openedBy']): Promise<void> {
    const current = this.#store.get();
    if (current?.anchor === match.range && current.openedBy !== 'hover') return;
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

  /** Opens the next (or previous) term after the open one, scrolling it into view. */
  async step(direction: 1 | -1): Promise<boolean> {
    const matches = this.#registry.inDocumentOrder();
    if (matches.length === 0) return false;
    const anchor = this.#store.get()?.anchor;
    const at = matches.findIndex((m) => m.range === anchor);
    const next =
      at < 0
        ? direction === 1
          ? matches[0]!
          : matches[matches.length - 1]!
        : matches[(at + direction + matches.length) % matches.length]!;
    await this.#reveal(next);
    return true;
  }

  /** Opens the first mark of an entry. */
  async showTerm(entryId: string): Promise<boolean> {
    const match = this.#registry.inDocumentOrder().find((m) => m.entryId === entryId);
    if (!match) return false;
    await this.#reveal(match);
    return true;
  }

  pageTerms(): PageTerms {
    const terms = [...this.#registry.countsByEntry()]
      .map(([entryId, count]) => ({
        entryId,
        count,
        term: this.glossary.get(entryId)?.term ?? entryId,
      }))
      .sort((a, b) => b.count - a.count || a.term.localeCompare(b.term));
    return { site: this.site, enabled: this.enabled, total: this.#registry.size, terms };
  }

  async #reveal(match: PageMatch): Promise<void> {
    match.nodes[0]?.parentElement?.scrollIntoView({ block: 'center', inline: 'nearest' });
    await this.open(match, 'keyboard');
  }
}
