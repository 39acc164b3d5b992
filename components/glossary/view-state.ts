import type { Category, EntryId, GlossaryEntry } from '~/lib/glossary';
import { searchGlossary, type SearchIndex } from '~/lib/glossary/search';

/** What the glossary page shows: a search, a category, and the entry the address names. */

export type CategoryChoice = Category | 'all';

export interface GlossaryView {
  readonly query: string;
  readonly category: CategoryChoice;
  /**
   * The entry to bring into view and focus. `seq` changes on every request, so following a link
   * to the entry that is already the target still scrolls back to it.
   */
  readonly target: { readonly id: EntryId; readonly seq: number } | null;
  /** An id the address named that the glossary does not have. */
  readonly missing: string | null;
}

export type GlossaryViewAction =
  | { type: 'search'; query: string }
  | { type: 'filter'; category: CategoryChoice }
  | { type: 'clear' }
  | { type: 'reveal'; id: string };

export const initialView: GlossaryView = {
  query: '',
  category: 'all',
  target: null,
  missing: null,
};

/** The entries the view lists, in order: the search's ranking, narrowed to the category. */
export function visibleEntries(
  matches: readonly GlossaryEntry[],
  category: CategoryChoice,
): readonly GlossaryEntry[] {
  return category === 'all' ? matches : matches.filter((entry) => entry.category === category);
}

/**
 * The page's state transitions. `reveal` clears whichever of the search and the category filter
 * hides the entry (and only that one), so the reader lands on it without losing more than needed.
 */
export function glossaryViewReducer(index: SearchIndex) {
  return (view: GlossaryView, action: GlossaryViewAction): GlossaryView => {
    switch (action.type) {
      case 'search':
        return { ...view, query: action.query };
      case 'filter':
        return { ...view, category: action.category };
      case 'clear':
        return { ...view, query: '', category: 'all' };
      case 'reveal': {
        const entry = index.entries.find((candidate) => candidate.id === action.id);
        if (!entry) return { ...view, target: null, missing: action.id };
        const hiddenByCategory = view.category !== 'all' && view.category !== entry.category;
        const hiddenBySearch = !searchGlossary(index, view.query).includes(entry);
        return {
          query: hiddenBySearch ? '' : view.query,
          category: hiddenByCategory ? 'all' : view.category,
          target: { id: entry.id, seq: (view.target?.seq ?? 0) + 1 },
          missing: null,
        };
      }
    }
  };
}
