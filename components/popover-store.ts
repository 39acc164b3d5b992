import type { Quote } from '~/lib/notes/note';

/** What the popover shows, or null when it is closed. */
export interface PopoverState {
  /** The entry on display (it changes when the reader follows a related term). */
  entryId: string;
  /** Entries visited before this one in the same popover, for "Back". */
  trail: string[];
  /** The marked text the popover points at. */
  anchor: AbstractRange;
  /** The sentence around the marked term, for a new note. */
  quote: Quote | null;
  /** Hover-opened popovers leave focus alone; click and keyboard ones take it. */
  openedBy: 'hover' | 'click' | 'keyboard';
}

/** A minimal external store for `useSyncExternalStore`: the content script writes, React reads. */
export class PopoverStore {
  #state: PopoverState | null = null;
  readonly #listeners = new Set<() => void>();

  get = (): PopoverState | null => this.#state;

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  set(state: PopoverState | null): void {
    this.#state = state;
    for (const listener of this.#listeners) listener();
  }

  /** Shows a related entry in the same popover, remembering where we came from. */
  showRelated(entryId: string): void {
    const state = this.#state;
    if (!state || state.entryId === entryId) return;
    this.set({ ...state, entryId, trail: [...state.trail, state.entryId] });
  }

  back(): void {
    const state = this.#state;
    const previous = state?.trail.at(-1);
    if (!state || previous === undefined) return;
    this.set({ ...state, entryId: previous, trail: state.trail.slice(0, -1) });
  }
}
