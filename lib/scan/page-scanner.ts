import type { TermMatcher } from '../match';
import type { MatchRegistry } from '../highlight/match-registry';
import { DirtyRoots } from './mutation-queue';
import { scanRoots, type ScanStats } from './scan-roots';
import { isInsideSkipped } from './skip';

export interface PageScannerOptions {
  matcher: TermMatcher;
  registry: MatchRegistry;
  /** Our own UI: mutations inside it (or of it) are ignored. */
  isOwnNode?: (node: Node) => boolean;
  /** Called after each scan, full or incremental. */
  onScan?: (stats: ScanStats) => void;
}

/** Quiet time after the last mutation before rescanning. */
const DEBOUNCE_MS = 40;
/** Longest wait from the first queued mutation: added text is marked within this (plus scan time). */
const MAX_WAIT_MS = 200;
/** A page that keeps mutating (tickers, animations) gets fewer rescans: see `#noteBatch`. */
const STORM_BATCHES_PER_SECOND = 8;
const STORM_DELAY_MS = 1_000;

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
  #running: Promise<void> | undefined;
  #debounce: ReturnType<typeof setTimeout> | undefined;
  #firstQueuedAt = 0;
  #batchTimes: number[] = [];

  constructor(doc: Document, options: PageScannerOptions) {
    this.#doc = doc;
    this.#options = options;
  }

  /** Starts the first full scan and the observer. Resolves when the first full scan is done. */
  start(): Promise<void> {
    this.#observer = new MutationObserver((records) => this.#onMutations(records));
    this.#observer.observe(this.#doc, {
      childList: true,
      characterData: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['hidden', 'aria-hidden', 'open', 'contenteditable'],
    });
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
    this.#options.registry.clear();
  }

  /** Resolves once no scan is running or queued (tests and benchmarks wait on this). */
  async idle(): Promise<void> {
    while (this.#running || this.#dirty.size > 0 || this.#debounce !== undefined) {
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
    const storm = this.#isStorming(now);
    const wait = storm
      ? STORM_DELAY_MS
      : Math.min(DEBOUNCE_MS, Math.max(0, this.#firstQueuedAt + MAX_WAIT_MS - now));
    this.#debounce = setTimeout(() => {
      this.#debounce = undefined;
      void this.#run(() => this.#rescanDirty());
    }, wait);
  }

  async #rescanDirty(): Promise<void> {
    const roots = this.#dirty.take().filter((root) => !isInsideSkipped(root));
    if (roots.length === 0) return;
    this.#batchTimes.push(performance.now());
    for (const root of roots) this.#options.registry.removeWithin(root);
    await this.#scan(roots, 'incremental');
  }

  async #scan(roots: Element[], kind: ScanStats['kind']): Promise<void> {
    const stats = await scanRoots(roots, {
      matcher: this.#options.matcher,
      registry: this.#options.registry,
      signal: this.#abort.signal,
      kind,
      viewportHeight: this.#doc.defaultView?.innerHeight,
    });
    if (stats) this.#options.onScan?.(stats);
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

  /** The loop-breaker: more than a few rescans a second for a while means the page is churning. */
  #isStorming(now: number): boolean {
    this.#batchTimes = this.#batchTimes.filter((t) => now - t < 3_000);
    return this.#batchTimes.length > STORM_BATCHES_PER_SECOND * 3;
  }
}
