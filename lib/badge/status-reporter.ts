import type { PageStatus } from './page-status';

/** At most one report a second: scans can follow each other quickly on a busy page. */
export const REPORT_INTERVAL_MS = 1_000;

/**
 * Sends the page's status to the background, rate-limited: the first report goes at once, later
 * ones at most once per interval, and only the newest status of an interval is sent (trailing).
 * A report equal to the last one sent is still sent when its interval allows, so a badge the
 * background cleared (an in-page navigation) comes back on the next scan.
 */
export class StatusReporter {
  #lastSentAt = Number.NEGATIVE_INFINITY;
  #pending: PageStatus | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly send: (status: PageStatus) => Promise<unknown>,
    private readonly intervalMs = REPORT_INTERVAL_MS,
    private readonly now: () => number = () => performance.now(),
  ) {}

  report(status: PageStatus): void {
    this.#pending = status;
    if (this.#timer !== undefined) return;
    const wait = this.#lastSentAt + this.intervalMs - this.now();
    if (wait <= 0) this.#flush();
    else this.#timer = setTimeout(() => this.#flush(), wait);
  }

  /** Stops any report still waiting (the content script is going away). */
  stop(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#pending = undefined;
  }

  #flush(): void {
    this.#timer = undefined;
    const status = this.#pending;
    this.#pending = undefined;
    if (!status) return;
    this.#lastSentAt = this.now();
    // The badge is a convenience: a background that is updating or gone is no error for the page.
    this.send(status).catch(() => {});
  }
}
