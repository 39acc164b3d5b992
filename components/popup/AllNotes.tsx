import { useId, useState } from 'react';
import { bundledGlossary } from '~/lib/glossary';
import { i18n } from '~/lib/i18n';
import type { NoteStore } from '~/lib/notes/note-store';
import { listSummary } from '~/lib/popup/list-summary';
import { PopupNoteList } from './PopupNoteList';
import { useDebouncedValue } from './use-debounced-value';
import { useLiveResult } from './use-live-result';

/** Notes read per step: the first screen of a popup, and what "Show more" adds. */
export const PAGE_SIZE = 50;
const SEARCH_DEBOUNCE_MS = 150;

/** Every note, newest first, with search, a term filter and "Show more". */
export function AllNotes({ store }: { store: NoteStore }) {
  const [typed, setTyped] = useState('');
  const [termId, setTermId] = useState('');
  const [limit, setLimit] = useState(PAGE_SIZE);
  const query = useDebouncedValue(typed.trim(), SEARCH_DEBOUNCE_MS);
  const filtered = query !== '' || termId !== '';

  // One more than shown, to learn whether "Show more" has anything to show without counting
  // every match (which would read every matching note).
  const found = useLiveResult(
    () => store.search({ query, termId: termId || undefined, limit: limit + 1 }),
    [store, query, termId, limit],
  );
  // Counting the table is cheap even with many notes: no note is read.
  const total = useLiveResult(() => store.count(), [store]);

  return (
    <section className="all-notes" aria-label={i18n.t('popup.allNotes')}>
      <NoteFilters
        query={typed}
        termId={termId}
        onQuery={(next) => {
          setTyped(next);
          setLimit(PAGE_SIZE);
        }}
        onTerm={(next) => {
          setTermId(next);
          setLimit(PAGE_SIZE);
        }}
      />
      {found.kind === 'loading' && <p className="popup-muted">{i18n.t('popup.readingNotes')}</p>}
      {found.kind === 'failed' && (
        <p className="note-error" role="alert">
          {i18n.t('popup.notesUnreadable', { error: found.error })}
        </p>
      )}
      {found.kind === 'ready' && (
        <>
          {found.value.length > 0 && (
            <p className="popup-muted popup-summary" role="status">
              {listSummary({
                shown: Math.min(found.value.length, limit),
                total: total.kind === 'ready' ? total.value : found.value.length,
                filtered,
                hasMore: found.value.length > limit,
              })}
            </p>
          )}
          <PopupNoteList
            store={store}
            notes={found.value.slice(0, limit)}
            label={i18n.t('notes.yourNotes')}
            empty={<NoNotes query={query} termId={termId} />}
          />
          {found.value.length > limit && (
            <button
              type="button"
              className="popup-button popup-more"
              onClick={() => setLimit((n) => n + PAGE_SIZE)}
            >
              {i18n.t('popup.showMore')}
            </button>
          )}
        </>
      )}
    </section>
  );
}

interface NoteFiltersProps {
  query: string;
  termId: string;
  onQuery: (query: string) => void;
  onTerm: (termId: string) => void;
}

/** The search box and the term filter. */
function NoteFilters({ query, termId, onQuery, onTerm }: NoteFiltersProps) {
  const termLabel = useId();
  const terms = [...bundledGlossary().entries].sort((a, b) => a.term.localeCompare(b.term));
  return (
    <div className="note-filters" role="search">
      <input
        type="search"
        aria-label={i18n.t('popup.searchNotes')}
        placeholder={i18n.t('popup.searchNotes')}
        value={query}
        onChange={(event) => onQuery(event.currentTarget.value)}
      />
      <label className="visually-hidden" htmlFor={termLabel}>
        {i18n.t('popup.filterByTerm')}
      </label>
      <select id={termLabel} value={termId} onChange={(event) => onTerm(event.currentTarget.value)}>
        <option value="">{i18n.t('popup.allTerms')}</option>
        {terms.map((entry) => (
          <option key={entry.id} value={entry.id}>
            {entry.term}
          </option>
        ))}
      </select>
    </div>
  );
}

/** What to do when the list is empty: write a first note, or loosen the search. */
function NoNotes({ query, termId }: { query: string; termId: string }) {
  if (query) {
    return (
      <p className="popup-muted">
        {termId ? i18n.t('popup.noMatchOnTerm', { query }) : i18n.t('popup.noMatch', { query })}
      </p>
    );
  }
  if (termId) return <p className="popup-muted">{i18n.t('popup.noNotesOnTerm')}</p>;
  return <p className="popup-muted">{i18n.t('popup.noNotes')}</p>;
}
