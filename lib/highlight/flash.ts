import { ActiveMark } from './active-mark';
import { FLASH_HIGHLIGHT } from './names';

/** On and off times of a flash, in milliseconds: two quick blinks, then a longer glow. */
const BLINKS = [280, 140, 280, 140, 700] as const;
/** For readers who ask for less motion: one steady glow of the same length, no blinking. */
const STEADY_MS = BLINKS.reduce((sum, ms) => sum + ms, 0);

/**
 * Draws the eye to a term the reader was sent to (from the popup's list): an extra highlight,
 * added and removed a few times. Nothing on the page changes; only `CSS.highlights` does.
 */
export class Flash {
  readonly #mark: ActiveMark;
  #timers: ReturnType<typeof setTimeout>[] = [];

  constructor(
    registry: HighlightRegistry = CSS.highlights,
    /** Whether the reader prefers reduced motion (read at each flash). */
    private readonly reducedMotion: () => boolean = () => false,
  ) {
    // Above the term, hover and active highlights.
    this.#mark = new ActiveMark(registry, FLASH_HIGHLIGHT, 3);
  }

  flash(range: AbstractRange): void {
    this.stop();
    this.#mark.show(range);
    if (this.reducedMotion()) {
      this.#timers.push(setTimeout(() => this.#mark.show(null), STEADY_MS));
      return;
    }
    let at = 0;
    BLINKS.forEach((ms, i) => {
      at += ms;
      // Even steps end an "on" phase, odd ones an "off" phase.
      this.#timers.push(setTimeout(() => this.#mark.show(i % 2 === 0 ? null : range), at));
    });
  }

  stop(): void {
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers = [];
    this.#mark.show(null);
  }

  dispose(): void {
    this.stop();
    this.#mark.dispose();
  }
}
