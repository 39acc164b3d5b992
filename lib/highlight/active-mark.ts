import { ACTIVE_HIGHLIGHT } from './names';

/**
 * One highlight that holds at most one range: the term whose popover is open (the default), the
 * term under the pointer, or a term being flashed.
 */
export class ActiveMark {
  readonly #highlight = new Highlight();
  #range: AbstractRange | null = null;

  constructor(
    private readonly registry: HighlightRegistry = CSS.highlights,
    private readonly name: string = ACTIVE_HIGHLIGHT,
    /** Drawn above the ordinary term marks (priority 0) where they overlap. */
    priority = 1,
  ) {
    this.#highlight.priority = priority;
    registry.set(name, this.#highlight);
  }

  get range(): AbstractRange | null {
    return this.#range;
  }

  show(range: AbstractRange | null): void {
    if (range === this.#range) return;
    this.#range = range;
    this.#highlight.clear();
    if (range) this.#highlight.add(range);
  }

  dispose(): void {
    this.show(null);
    if (this.registry.get(this.name) === this.#highlight) this.registry.delete(this.name);
  }
}
