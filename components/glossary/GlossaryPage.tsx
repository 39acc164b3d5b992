import { useCallback, useEffect, useId, useMemo, useReducer, useRef } from 'react';
import { CATEGORY_LABELS, type GlossaryEntry } from '~/lib/glossary';
import { buildSearchIndex, isBlankQuery, searchGlossary } from '~/lib/glossary/search';
import { CategoryFilter } from './CategoryFilter';
import { EntryArticle } from './EntryArticle';
import { useHashEntry } from './use-hash-entry';
import { useStickyHeight } from './use-sticky-height';
import {
  glossaryViewReducer,
  initialView,
  visibleEntries,
  type CategoryChoice,
} from './view-state';

interface GlossaryPageProps {
  entries: readonly GlossaryEntry[];
}

function entriesPhrase(count: number): string {
  return `${count} ${count === 1 ? 'entry' : 'entries'}`;
}

/**
 * The glossary as an extension page: every entry in full, a search that folds queries the way the
 * matcher folds pages, a category filter, and `#<entry id>` addresses that the popover's "Open in
 * glossary" uses.
 */
export function GlossaryPage({ entries }: GlossaryPageProps) {
  const index = useMemo(() => buildSearchIndex(entries), [entries]);
  const byId = useMemo(() => new Map(entries.map((entry) => [entry.id, entry])), [entries]);
  const reducer = useMemo(() => glossaryViewReducer(index), [index]);
  const [view, dispatch] = useReducer(reducer, initialView);
  const { query, category, target, missing } = view;

  const matches = useMemo(() => searchGlossary(index, query), [index, query]);
  const shown = visibleEntries(matches, category);
  const counts = useMemo(() => {
    const result: Record<CategoryChoice, number> = {
      all: matches.length,
      china: 0,
      western: 0,
      shared: 0,
      institutions: 0,
    };
    for (const entry of matches) result[entry.category] += 1;
    return result;
  }, [matches]);

  const reveal = useCallback((id: string) => dispatch({ type: 'reveal', id }), []);
  useHashEntry(reveal);

  // Once the target is rendered (filters cleared if they hid it), bring it into view and move
  // focus to its heading, so keyboard and screen-reader users land where sighted users look.
  useEffect(() => {
    if (!target) return;
    const article = document.getElementById(target.id);
    if (!article) return;
    article.querySelector<HTMLElement>('h2')?.focus({ preventScroll: true });
    article.scrollIntoView({ block: 'start' });
  }, [target]);

  const toolbar = useRef<HTMLFormElement>(null);
  useStickyHeight(toolbar, '--glossary-toolbar-height');

  const search = useRef<HTMLInputElement>(null);
  const searchId = useId();
  const hintId = useId();
  const clear = () => {
    dispatch({ type: 'clear' });
    search.current?.focus();
  };

  const filtered = category !== 'all';
  const searching = !isBlankQuery(query);

  return (
    <div className="glossary">
      <header className="glossary-header">
        <h1>Credit Lens glossary</h1>
        <p>
          Terms that Western readers often misread in writing about governance and credit systems:
          what each means in this field, and what the 2018 seminar on Chinese and US credit
          construction said about it.
        </p>
        <p id={hintId} className="glossary-hint">
          Search in English, in pinyin with or without tone marks (xinyong, xìn yòng), or in Chinese
          characters, simplified or traditional (信用, 誠信).
        </p>
      </header>
      <main className="glossary-main">
        <form
          ref={toolbar}
          className="glossary-toolbar"
          role="search"
          aria-label="Glossary"
          onSubmit={(event) => event.preventDefault()}
        >
          <div className="glossary-search">
            <label htmlFor={searchId}>Search the glossary</label>
            <input
              ref={search}
              id={searchId}
              type="search"
              value={query}
              onChange={(event) => dispatch({ type: 'search', query: event.target.value })}
              placeholder="social credit, xinyong, 诚信…"
              aria-describedby={hintId}
              autoComplete="off"
              spellCheck={false}
            />
          </div>
          <div className="glossary-filter-row">
            <CategoryFilter
              value={category}
              counts={counts}
              onChange={(choice) => dispatch({ type: 'filter', category: choice })}
            />
            <p className="glossary-count" role="status">
              {entriesPhrase(shown.length)}
            </p>
          </div>
        </form>

        {missing !== null && (
          <p className="glossary-notice">The glossary has no entry “{missing}”.</p>
        )}

        {shown.length > 0 ? (
          <ul className="glossary-list" aria-label="Entries">
            {shown.map((entry) => (
              <li key={entry.id}>
                <EntryArticle
                  entry={entry}
                  lookup={(id) => byId.get(id)}
                  isTarget={target?.id === entry.id}
                  onRevisit={reveal}
                />
              </li>
            ))}
          </ul>
        ) : (
          <div className="glossary-empty">
            <p>
              No entries
              {searching && ` match “${query.trim()}”`}
              {filtered && ` in ${CATEGORY_LABELS[category]}`}.
            </p>
            <button type="button" onClick={clear}>
              {searching && filtered
                ? 'Clear search and filter'
                : searching
                  ? 'Clear search'
                  : 'Show all entries'}
            </button>
          </div>
        )}
      </main>
    </div>
  );
}
