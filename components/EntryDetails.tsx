import { useState } from 'react';
import {
  isCustomEntry,
  type CustomLensEntry,
  type LensEntry,
} from '~/lib/custom-terms/lens-glossary';
import { categoryLabel } from '~/lib/glossary/category-label';
import { ENTRY_LANG, i18n, uiLanguage } from '~/lib/i18n';

/** Another entry this one is often mixed up with, and how they differ. */
export interface Confusion {
  entry: LensEntry;
  why: string;
}

interface EntryDetailsProps {
  /** A bundled entry, or one of the reader's own ("Your terms"). */
  entry: LensEntry;
  /** Id for the heading, which names the dialog. */
  headingId: string;
  related: readonly LensEntry[];
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
  if (isCustomEntry(entry)) return <CustomEntryDetails entry={entry} headingId={headingId} />;
  const { chinese } = entry;
  // The entry is in English whatever the UI's language; its labels are in the UI's.
  const ui = uiLanguage();
  return (
    <article className="entry" lang={ENTRY_LANG}>
      <header className="entry-header">
        <p className="entry-category" lang={ui}>
          {categoryLabel(entry.category)}
        </p>
        <h2 id={headingId} className="entry-term">
          {entry.term}
        </h2>
        {(chinese || entry.pinyin) && (
          <p className="entry-forms">
            {chinese && <span lang="zh-Hans">{chinese.simplified}</span>}
            {chinese && chinese.traditional !== chinese.simplified && (
              <span lang="zh-Hant" title={i18n.t('popover.traditionalCharacters')}>
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
        <section
          className="entry-confusions"
          aria-label={i18n.t('popover.notConfusedWith')}
          lang={ui}
        >
          <h3>{i18n.t('popover.notConfusedWith')}</h3>
          <ul>
            {confusions.map(({ entry: other, why }) => (
              <li key={other.id}>
                <button type="button" lang={ENTRY_LANG} onClick={() => onSelectEntry(other.id)}>
                  {other.term}
                </button>{' '}
                <span lang={ENTRY_LANG}>{why}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section className="entry-seminar" aria-label={i18n.t('popover.seminar')} lang={ui}>
        <h3>{i18n.t('popover.seminar')}</h3>
        <p lang={ENTRY_LANG}>{entry.seminar.said}</p>
        <p className="entry-passage" lang={ENTRY_LANG}>
          {entry.seminar.passage}
        </p>
      </section>
      {related.length > 0 && (
        <nav className="entry-related" aria-label={i18n.t('popover.relatedTerms')} lang={ui}>
          <h3>{i18n.t('popover.related')}</h3>
          <ul>
            {related.map((other) => (
              <li key={other.id}>
                <button type="button" lang={ENTRY_LANG} onClick={() => onSelectEntry(other.id)}>
                  {other.term}
                </button>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <details className="entry-sources">
        <summary lang={ui}>{i18n.t('popover.sources', { count: entry.sources.length })}</summary>
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

/** The first written form in a language, for the heading line. */
function firstForm(entry: CustomLensEntry, lang: string): string | undefined {
  return entry.aliases.find((alias) => alias.lang === lang)?.text;
}

/**
 * One of the reader's own entries: what they wrote, and no seminar or sources (they have none).
 * Its Chinese and pinyin forms, if any, stand under the term as a bundled entry's do.
 */
function CustomEntryDetails({ entry, headingId }: { entry: CustomLensEntry; headingId: string }) {
  const simplified = firstForm(entry, 'zh-Hans');
  const traditional = firstForm(entry, 'zh-Hant');
  const pinyin = firstForm(entry, 'pinyin');
  return (
    <article className="entry entry-custom">
      <header className="entry-header">
        <p className="entry-category">{i18n.t('popover.yourTerms')}</p>
        <h2 id={headingId} className="entry-term">
          {entry.term}
        </h2>
        {(simplified || traditional || pinyin) && (
          <p className="entry-forms">
            {simplified && <span lang="zh-Hans">{simplified}</span>}
            {traditional && traditional !== simplified && (
              <span lang="zh-Hant" title={i18n.t('popover.traditionalCharacters')}>
                {traditional}
              </span>
            )}
            {pinyin && (
              <span lang="zh-Latn-pinyin" className="entry-pinyin">
                {pinyin}
              </span>
            )}
          </p>
        )}
      </header>
      <p className="entry-definition">{entry.definition}</p>
      {entry.explanation && <p className="entry-explanation">{entry.explanation}</p>}
      <p className="entry-passage entry-custom-note">
        {entry.overridesTerm
          ? i18n.t('popover.customNoteReplaces', { term: entry.overridesTerm })
          : i18n.t('popover.customNote')}
      </p>
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
    <p className="entry-open" lang={uiLanguage()}>
      <button
        type="button"
        onClick={() => {
          setError(null);
          open(entryId).catch((reason: unknown) => {
            setError(reason instanceof Error ? reason.message : String(reason));
          });
        }}
      >
        {i18n.t('popover.openInGlossary')}
      </button>
      {error !== null && (
        <span role="alert" className="entry-open-error">
          {i18n.t('popover.openFailed', { error })}
        </span>
      )}
    </p>
  );
}
