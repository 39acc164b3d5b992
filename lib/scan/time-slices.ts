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

  constructor(private readonly budgetMs = SLICE_MS) {}

  /** True once this slice has used its budget. */
  get expired(): boolean {
    return performance.now() - this.#sliceStart >= this.budgetMs;
  }

  /** Ends the slice, yields, and starts the next one. Resolves false if the work was cancelled. */
  async next(signal?: AbortSignal): Promise<boolean> {
    this.#busy += performance.now() - this.#sliceStart;
    await yieldToPage();
    this.#slices++;
    this.#sliceStart = performance.now();
    return !signal?.aborted;
  }

  /** Milliseconds of actual work so far (excluding time handed back to the page) and slice count. */
  totals(): { busyMs: number; slices: number } {
    return { busyMs: this.#busy + (performance.now() - this.#sliceStart), slices: this.#slices };
  }
}
