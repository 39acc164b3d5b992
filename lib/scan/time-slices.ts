/** Longest stretch of work before giving the page the main thread back. */
export const SLICE_MS = 8;

interface SchedulerWithYield {
  yield(): Promise<void>;
}

/**
 * Lets the page run (input, rendering) before we continue. `scheduler.yield()` resumes us ahead of
 * other queued tasks where it exists (Chromium); elsewhere a message-channel task is the fastest
 * yield that is not throttled like `setTimeout` is in background tabs.
 */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Partial<SchedulerWithYield> }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** A clock for one slice of work. */
export class SliceClock {
  #sliceStart = performance.now();
  #busy = 0;
  #slices = 1;
  /** The longest slice so far: a slice can overrun its budget (one long run, a forced layout). */
  #longest = 0;

  constructor(private readonly budgetMs = SLICE_MS) {}

  /** True once this slice has used its budget. */
  get expired(): boolean {
    return performance.now() - this.#sliceStart >= this.budgetMs;
  }

  /** Ends the slice, yields, and starts the next one. Resolves false if the work was cancelled. */
  async next(signal?: AbortSignal): Promise<boolean> {
    const length = performance.now() - this.#sliceStart;
    this.#busy += length;
    this.#longest = Math.max(this.#longest, length);
    await yieldToPage();
    this.#slices++;
    this.#sliceStart = performance.now();
    return !signal?.aborted;
  }

  /**
   * Milliseconds of actual work so far (excluding time handed back to the page), slice count, and
   * the longest slice: the longest task a scan gave the page, which browsers without Long Tasks or
   * Long Animation Frames for extension scripts cannot tell us.
   */
  totals(): { busyMs: number; slices: number; longestSliceMs: number } {
    const current = performance.now() - this.#sliceStart;
    return {
      busyMs: this.#busy + current,
      slices: this.#slices,
      longestSliceMs: Math.max(this.#longest, current),
    };
  }
}
