import { useId } from 'react';
import type { AliasLang, GlossaryEntry } from '~/lib/glossary';
import { categoryLabel } from '~/lib/glossary/category-label';
import { ENTRY_LANG, i18n, uiLanguage } from '~/lib/i18n';
import { EntryLink } from './EntryLink';

interface EntryArticleProps {
  entry: GlossaryEntry;
  /** Looks up the entries this one links to; ids the glossary lacks are left out. */
  lookup: (entryId: string) => GlossaryEntry | undefined;
  /** The entry the address names: highlighted until another one is. */
  isTarget: boolean;
  onRevisit: (entryId: string) => void;
}

/** BCP 47 tags, so screen readers switch voice and browsers pick CJK glyphs for the right region. */
const LANG_TAGS: Record<AliasLang, string | undefined> = {
  en: undefined, // the page's own language
  'zh-Hans': 'zh-Hans',
  'zh-Hant': 'zh-Hant',
  pinyin: 'zh-Latn-pinyin',
};

function endsSentence(text: string): boolean {
  return /[.?!]$/u.test(text);
}

/**
 * One glossary entry with every field, as text only (React escapes every string). The element id
 * is the entry id, so `glossary.html#<id>` addresses it.
 */
export function EntryArticle({ entry, lookup, isTarget, onRevisit }: EntryArticleProps) {
  const headingId = useId();
  // The entry is in English whatever the UI's language; its labels are in the UI's.
  const ui = uiLanguage();
  const { chinese } = entry;
  const distinctTraditional = chinese && chinese.traditional !== chinese.simplified;
  const related = entry.related.flatMap((id) => lookup(id) ?? []);
  const confusions = entry.notConfusedWith.flatMap(({ id, why }) => {
    const other = lookup(id);
    return other ? [{ other, why }] : [];
  });
  // The term itself is the heading; every other written form is listed.
  const term = entry.term.toLowerCase();
  const aliases = entry.aliases.filter((alias) => alias.text.toLowerCase() !== term);

  return (
    <article
      id={entry.id}
      className={isTarget ? 'glossary-entry is-target' : 'glossary-entry'}
      aria-labelledby={headingId}
      lang={ENTRY_LANG}
    >
      {/* tabIndex -1: the page moves focus here when the address names this entry. */}
      <h2 id={headingId} className="entry-term" tabIndex={-1}>
        {entry.term}
      </h2>
      <dl className="entry-facts">
        {chinese && (
          <div>
            <dt lang={ui}>
              {distinctTraditional
                ? i18n.t('glossaryPage.simplified')
                : i18n.t('glossaryPage.chinese')}
            </dt>
            <dd lang="zh-Hans">{chinese.simplified}</dd>
          </div>
        )}
        {chinese && distinctTraditional && (
          <div>
            <dt lang={ui}>{i18n.t('glossaryPage.traditional')}</dt>
            <dd lang="zh-Hant">{chinese.traditional}</dd>
          </div>
        )}
        {entry.pinyin && (
          <div>
            <dt lang={ui}>{i18n.t('glossaryPage.pinyin')}</dt>
            <dd lang="zh-Latn-pinyin">{entry.pinyin}</dd>
          </div>
        )}
        <div>
          <dt lang={ui}>{i18n.t('glossaryPage.category')}</dt>
          <dd lang={ui}>{categoryLabel(entry.category)}</dd>
        </div>
      </dl>
      <p className="entry-definition">{entry.definition}</p>
      <p className="entry-explanation">{entry.explanation}</p>

      <section className="entry-section">
        <h3 lang={ui}>{i18n.t('glossaryPage.seminar')}</h3>
        <p>{entry.seminar.said}</p>
        <p className="entry-passage" lang={ui}>
          {i18n.t('glossaryPage.seminarReport', { passage: entry.seminar.passage })}
        </p>
      </section>

      {confusions.length > 0 && (
        <section className="entry-section">
          <h3 lang={ui}>{i18n.t('glossaryPage.notConfusedWith')}</h3>
          <ul className="entry-confusions">
            {confusions.map(({ other, why }) => (
              <li key={other.id}>
                <EntryLink entry={other} onRevisit={onRevisit} />
                <span className="entry-why">{why}</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      {related.length > 0 && (
        <section className="entry-section">
          <h3 lang={ui}>{i18n.t('glossaryPage.related')}</h3>
          <ul className="entry-related">
            {related.map((other) => (
              <li key={other.id}>
                <EntryLink entry={other} onRevisit={onRevisit} />
              </li>
            ))}
          </ul>
        </section>
      )}

      {aliases.length > 0 && (
        <section className="entry-section">
          <h3 lang={ui}>{i18n.t('glossaryPage.alsoWrittenAs')}</h3>
          <ul className="entry-aliases">
            {aliases.map((alias) => (
              <li key={`${alias.lang}:${alias.text}`} lang={LANG_TAGS[alias.lang]}>
                {alias.text}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="entry-section">
        <h3 lang={ui}>{i18n.t('glossaryPage.sources')}</h3>
        <ul className="entry-sources">
          {entry.sources.map((source) => (
            <li key={`${source.title}|${source.by}|${source.year}`}>
              <cite>{source.title}</cite>
              {`${endsSentence(source.title) ? '' : '.'} ${source.by}, ${source.year}.`}
              {source.note && <span className="entry-source-note"> {source.note}</span>}
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}
