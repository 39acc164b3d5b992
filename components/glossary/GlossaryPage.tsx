import { useCallback, useEffect, useId, useMemo, useReducer, useRef } from 'react';
import type { GlossaryEntry } from '~/lib/glossary';
import { categoryLabel } from '~/lib/glossary/category-label';
import { buildSearchIndex, isBlankQuery, searchGlossary } from '~/lib/glossary/search';
import { formatNumber, i18n } from '~/lib/i18n';
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
  return i18n.t('glossaryPage.count', count, [formatNumber(count)]);
}

/** Why the list is empty, as one whole sentence. */
function noEntriesSentence(query: string | null, category: string | null): string {
  if (query !== null && category !== null) {
    return i18n.t('glossaryPage.noEntriesMatchIn', { query, category });
  }
  if (query !== null) return i18n.t('glossaryPage.noEntriesMatch', { query });
  if (category !== null) return i18n.t('glossaryPage.noEntriesIn', { category });
  return i18n.t('glossaryPage.noEntries');
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
        <h1>{i18n.t('glossaryPage.heading')}</h1>
        <p>{i18n.t('glossaryPage.intro')}</p>
        <p id={hintId} className="glossary-hint">
          {i18n.t('glossaryPage.hint')}
        </p>
      </header>
      <main className="glossary-main">
        <form
          ref={toolbar}
          className="glossary-toolbar"
          role="search"
          aria-label={i18n.t('glossaryPage.searchRegion')}
          onSubmit={(event) => event.preventDefault()}
        >
          <div className="glossary-search">
            <label htmlFor={searchId}>{i18n.t('glossaryPage.searchLabel')}</label>
            <input
              ref={search}
              id={searchId}
              type="search"
              value={query}
              onChange={(event) => dispatch({ type: 'search', query: event.target.value })}
              placeholder={i18n.t('glossaryPage.searchPlaceholder')}
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
          <p className="glossary-notice">{i18n.t('glossaryPage.noSuchEntry', { id: missing })}</p>
        )}

        {shown.length > 0 ? (
          <ul className="glossary-list" aria-label={i18n.t('glossaryPage.entries')}>
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
              {noEntriesSentence(
                searching ? query.trim() : null,
                category !== 'all' ? categoryLabel(category) : null,
              )}
            </p>
            <button type="button" onClick={clear}>
              {searching && filtered
                ? i18n.t('glossaryPage.clearSearchAndFilter')
                : searching
                  ? i18n.t('glossaryPage.clearSearch')
                  : i18n.t('glossaryPage.showAll')}
            </button>
          </div>
        )}
      </main>
    </div>
  );
}
