import { useState } from 'react';
import { CATEGORY_LABELS, type GlossaryEntry } from '~/lib/glossary';

/** Another entry this one is often mixed up with, and how they differ. */
export interface Confusion {
  entry: GlossaryEntry;
  why: string;
}

interface EntryDetailsProps {
  entry: GlossaryEntry;
  /** Id for the heading, which names the dialog. */
  headingId: string;
  related: readonly GlossaryEntry[];
  confusions: readonly Confusion[];
  /** Shows another entry in the same popover (a related or a "not to be confused with" one). */
  onSelectEntry: (entryId: string) => void;
  /** Opens the glossary page at this entry; rejects with a message the reader can read. */
  onOpenInGlossary: (entryId: string) => Promise<void>;
}

/** One glossary entry, as text only (React escapes every string). */
export function EntryDetails({
  entry,
  headingId,
  related,
  confusions,
  onSelectEntry,
  onOpenInGlossary,
}: EntryDetailsProps) {
  const { chinese } = entry;
  return (
    <article className="entry">
      <header className="entry-header">
        <p className="entry-category">{CATEGORY_LABELS[entry.category]}</p>
        <h2 id={headingId} className="entry-term">
          {entry.term}
        </h2>
        {(chinese || entry.pinyin) && (
          <p className="entry-forms">
            {chinese && <span lang="zh-Hans">{chinese.simplified}</span>}
            {chinese && chinese.traditional !== chinese.simplified && (
              <span lang="zh-Hant" title="Traditional characters">
                {chinese.traditional}
              </span>
            )}
            {entry.pinyin && (
              <span lang="zh-Latn-pinyin" className="entry-pinyin">
                {entry.pinyin}
              </span>
            )}
          </p>
        )}
      </header>
      <p className="entry-definition">{entry.definition}</p>
      <p className="entry-explanation">{entry.explanation}</p>
      {confusions.length > 0 && (
        <section className="entry-confusions" aria-label="Not to be confused with">
          <h3>Not to be confused with</h3>
          <ul>
            {confusions.map(({ entry: other, why }) => (
              <li key={other.id}>
                <button type="button" onClick={() => onSelectEntry(other.id)}>
                  {other.term}
                </button>{' '}
                <span>{why}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section className="entry-seminar" aria-label="In the 2018 seminar">
        <h3>In the 2018 seminar</h3>
        <p>{entry.seminar.said}</p>
        <p className="entry-passage">{entry.seminar.passage}</p>
      </section>
      {related.length > 0 && (
        <nav className="entry-related" aria-label="Related terms">
          <h3>Related</h3>
          <ul>
            {related.map((other) => (
              <li key={other.id}>
                <button type="button" onClick={() => onSelectEntry(other.id)}>
                  {other.term}
                </button>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <details className="entry-sources">
        <summary>Sources ({entry.sources.length})</summary>
        <ul>
          {entry.sources.map((source) => (
            <li key={`${source.by}|${source.title}|${source.year}`}>
              <cite>{source.title}</cite> — {source.by}, {source.year}
              {source.note && <span className="entry-source-note">. {source.note}</span>}
            </li>
          ))}
        </ul>
      </details>
      <OpenInGlossary key={entry.id} entryId={entry.id} open={onOpenInGlossary} />
    </article>
  );
}

/** The button and, if opening fails, why (the extension may have been updated under the page). */
function OpenInGlossary({
  entryId,
  open,
}: {
  entryId: string;
  open: (id: string) => Promise<void>;
}) {
  const [error, setError] = useState<string | null>(null);
  return (
    <p className="entry-open">
      <button
        type="button"
        onClick={() => {
          setError(null);
          open(entryId).catch((reason: unknown) => {
            setError(reason instanceof Error ? reason.message : String(reason));
          });
        }}
      >
        Open in glossary
      </button>
      {error !== null && (
        <span role="alert" className="entry-open-error">
          The glossary could not be opened: {error}
        </span>
      )}
    </p>
  );
}
