import { ACTIVE_HIGHLIGHT } from './names';

/** Emphasises the one term whose popover is open. */
export class ActiveMark {
  readonly #highlight = new Highlight();

  constructor(private readonly registry: HighlightRegistry = CSS.highlights) {
    // Drawn above the ordinary term marks where the two overlap.
    this.#highlight.priority = 1;
    registry.set(ACTIVE_HIGHLIGHT, this.#highlight);
  }

  show(range: AbstractRange | null): void {
    this.#highlight.clear();
    if (range) this.#highlight.add(range);
  }

  dispose(): void {
    this.#highlight.clear();
    if (this.registry.get(ACTIVE_HIGHLIGHT) === this.#highlight)
      this.registry.delete(ACTIVE_HIGHLIGHT);
  }
}
