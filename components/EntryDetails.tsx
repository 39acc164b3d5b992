import type { GlossaryEntry } from '~/lib/glossary';

interface EntryDetailsProps {
  entry: GlossaryEntry;
  /** Id for the heading, which names the dialog. */
  headingId: string;
  related: readonly GlossaryEntry[];
  onSelectRelated: (entryId: string) => void;
}

/** One glossary entry, as text only (React escapes every string). */
export function EntryDetails({ entry, headingId, related, onSelectRelated }: EntryDetailsProps) {
  const { chinese } = entry;
  return (
    <article className="entry">
      <header className="entry-header">
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
                <button type="button" onClick={() => onSelectRelated(other.id)}>
                  {other.term}
                </button>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </article>
  );
}
