import type { TermMatcher } from '../match';
import type { MatchRegistry } from '../highlight/match-registry';
import { DirtyRoots, type DirtyRoot } from './mutation-queue';
import { scanRoots, type ScanStats } from './scan-roots';
import { isInsideSkipped } from './skip';

export interface PageScannerOptions {
  matcher: TermMatcher;
  registry: MatchRegistry;
  /** Our own UI: mutations inside it (or of it) are ignored. */
  isOwnNode?: (node: Node) => boolean;
  /** Called after each scan, full or incremental. */
  onScan?: (stats: ScanStats) => void;
  /** Called for each open shadow root a scan finds (again at each rescan that finds it). */
  onShadowRoot?: (shadow: ShadowRoot) => void;
}

/** What the observer watches, in the document and in each open shadow root. */
const OBSERVED: MutationObserverInit = {
  childList: true,
  characterData: true,
  subtree: true,
  attributes: true,
  attributeFilter: ['hidden', 'aria-hidden', 'open', 'contenteditable'],
};

/** Quiet time after the last mutation before rescanning. */
const DEBOUNCE_MS = 40;
/** Longest wait from the first queued mutation: added text is marked within this (plus scan time). */
const MAX_WAIT_MS = 200;
/**
 * The loop-breaker. A subtree that is rescanned more than 8 times a second, sustained over 3 s
 * (a ticker, a clock, a page fighting its own text), is "churning": from then on it is rescanned
 * once a second at most, until it has been left alone for a while. Only that subtree slows down;
 * new content elsewhere (infinite scroll adds new elements) keeps the fast path.
 */
const CHURN_WINDOW_MS = 3_000;
const CHURN_RESCANS_PER_SECOND = 8;
const CHURN_INTERVAL_MS = 1_000;
/** A churning subtree returns to the fast path after this long without changes. */
const CHURN_QUIET_MS = 2_000;

/**
 * Scans a document once, then keeps its marks current as the page changes. All scanning is
 * serialized: mutations that arrive during a scan are queued and handled after it.
 */
export class PageScanner {
  readonly #doc: Document;
  readonly #options: PageScannerOptions;
  readonly #dirty = new DirtyRoots();
  readonly #abort = new AbortController();
  #observer: MutationObserver | undefined;
  /**
   * Open shadow roots being watched. A document's observer does not see changes inside shadow
   * trees, so each one found is added to the same observer (one `disconnect()` ends them all).
   * Weak: a component the page drops is not kept alive by us.
   */
  readonly #watchedShadows = new WeakSet<ShadowRoot>();
  #running: Promise<void> | undefined;
  #debounce: ReturnType<typeof setTimeout> | undefined;
  #firstQueuedAt = 0;
  /** Recent rescan times of each subtree root, for the loop-breaker. */
  readonly #rescans = new WeakMap<DirtyRoot, number[]>();
  /** Churning roots, and until when they count as churning (extended by each change). */
  readonly #churningUntil = new WeakMap<DirtyRoot, number>();
  /** Churning roots waiting for their once-a-second rescan. */
  readonly #slowLane = new Set<DirtyRoot>();
  #slowTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(doc: Document, options: PageScannerOptions) {
    this.#doc = doc;
    this.#options = options;
  }

  /** Starts the first full scan and the observer. Resolves when the first full scan is done. */
  start(): Promise<void> {
    this.#observer = new MutationObserver((records) => this.#onMutations(records));
    this.#observer.observe(this.#doc, OBSERVED);
    return this.#run(async () => {
      const root = this.#doc.body ?? this.#doc.documentElement;
      if (root) await this.#scan([root], 'full');
    });
  }

  /** Stops observing, cancels any scan under way and removes every mark. */
  stop(): void {
    this.#abort.abort();
    this.#observer?.disconnect();
    clearTimeout(this.#debounce);
    clearTimeout(this.#slowTimer);
    this.#slowLane.clear();
    this.#options.registry.clear();
  }

  /** Resolves once no scan is running or queued (tests and benchmarks wait on this). */
  async idle(): Promise<void> {
    while (
      this.#running ||
      this.#dirty.size > 0 ||
      this.#debounce !== undefined ||
      this.#slowTimer !== undefined
    ) {
      if (this.#running) await this.#running;
      else await new Promise((resolve) => setTimeout(resolve, DEBOUNCE_MS));
    }
  }

  #onMutations(records: MutationRecord[]): void {
    const { registry, isOwnNode } = this.#options;
    let queued = false;
    for (const record of records) {
      if (isOwnNode?.(record.target)) continue;
      // Removed text loses its marks synchronously, before the page paints again.
      for (const removed of record.removedNodes) {
        if (!isOwnNode?.(removed)) registry.removeWithin(removed);
      }
      if (record.type === 'characterData') registry.removeNodes([record.target as Text]);
      const added = [...record.addedNodes].filter((n) => !isOwnNode?.(n));
      if (record.type === 'childList' && added.length === 0) continue;
      this.#dirty.addRecord(record);
      queued = true;
    }
    if (queued) this.#schedule();
  }

  #schedule(): void {
    const now = performance.now();
    if (this.#debounce === undefined) this.#firstQueuedAt = now;
    clearTimeout(this.#debounce);
    const wait = Math.min(DEBOUNCE_MS, Math.max(0, this.#firstQueuedAt + MAX_WAIT_MS - now));
    this.#debounce = setTimeout(() => {
      this.#debounce = undefined;
      void this.#run(() => this.#rescanDirty());
    }, wait);
  }

  async #rescanDirty(): Promise<void> {
    const now = performance.now();
    const roots: DirtyRoot[] = [];
    for (const root of this.#dirty.take()) {
      if (isInsideSkipped(root)) continue;
      if (this.#isChurning(root, now)) this.#slowLane.add(root);
      else roots.push(root);
    }
    if (this.#slowLane.size > 0) this.#scheduleSlowLane();
    await this.#rescan(roots, now);
  }

  /** The slow lane's timer is never pushed back by new mutations: one rescan a second, whatever. */
  #scheduleSlowLane(): void {
    if (this.#slowTimer !== undefined) return;
    this.#slowTimer = setTimeout(() => {
      this.#slowTimer = undefined;
      const roots = [...this.#slowLane].filter((root) => root.isConnected);
      this.#slowLane.clear();
      void this.#run(() => this.#rescan(roots, performance.now()));
    }, CHURN_INTERVAL_MS);
  }

  async #rescan(roots: DirtyRoot[], now: number): Promise<void> {
    if (roots.length === 0) return;
    for (const root of roots) {
      const times = (this.#rescans.get(root) ?? []).filter((t) => now - t < CHURN_WINDOW_MS);
      times.push(now);
      this.#rescans.set(root, times);
      this.#options.registry.removeWithin(root);
    }
    await this.#scan(roots, 'incremental');
  }

  async #scan(roots: DirtyRoot[], kind: ScanStats['kind']): Promise<void> {
    const stats = await scanRoots(roots, {
      matcher: this.#options.matcher,
      registry: this.#options.registry,
      signal: this.#abort.signal,
      kind,
      viewportHeight: this.#doc.defaultView?.innerHeight,
      onShadowRoot: (shadow) => this.#watchShadow(shadow),
    });
    if (stats) this.#options.onScan?.(stats);
  }

  /**
   * Starts watching a shadow root found by a scan (once), and tells the owner of it. Shadow
   * roots attached later are found when the element that carries one is added (a rescan of the
   * added subtree finds it); one attached to an element already on the page, with no change to
   * the page's DOM, is found at the next rescan of the part of the page it is in.
   */
  #watchShadow(shadow: ShadowRoot): void {
    if (this.#abort.signal.aborted) return;
    if (!this.#watchedShadows.has(shadow)) {
      this.#watchedShadows.add(shadow);
      this.#observer?.observe(shadow, OBSERVED);
    }
    this.#options.onShadowRoot?.(shadow);
  }

  /** Serializes scans: each job starts after the previous one has finished. */
  #run(job: () => Promise<void>): Promise<void> {
    const previous = this.#running ?? Promise.resolve();
    const current = previous
      .then(async () => {
        if (!this.#abort.signal.aborted) await job();
      })
      // One failed scan must not stop later ones; the page itself is unaffected either way.
      .catch((error: unknown) => console.error('[Credit Lens] scan failed', error));
    this.#running = current;
    void current.finally(() => {
      if (this.#running === current) this.#running = undefined;
    });
    return current;
  }

  /**
   * Whether a root that changed again is churning. Once it is, each change extends that by
   * CHURN_QUIET_MS, so a ticker stays in the slow lane instead of bursting every few seconds.
   */
  #isChurning(root: DirtyRoot, now: number): boolean {
    const until = this.#churningUntil.get(root);
    if (until !== undefined && now < until) {
      this.#churningUntil.set(root, now + CHURN_QUIET_MS);
      return true;
    }
    const recent = (this.#rescans.get(root) ?? []).filter((t) => now - t < CHURN_WINDOW_MS);
    const churning = recent.length > (CHURN_RESCANS_PER_SECOND * CHURN_WINDOW_MS) / 1_000;
    if (churning) this.#churningUntil.set(root, now + CHURN_QUIET_MS);
    return churning;
  }
}
