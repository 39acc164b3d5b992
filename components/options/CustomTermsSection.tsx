import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import type { CustomTerm } from '~/lib/custom-terms/schema';
import type { CustomTermStore } from '~/lib/custom-terms/store';
import type { Glossary } from '~/lib/glossary';
import { formatNumber, i18n } from '~/lib/i18n';
import { CustomTermForm } from './CustomTermForm';
import './custom-terms.css';

/** How long "Undo" stays offered after a delete. */
export const UNDO_MS = 15_000;

/** What each written form is, as whole phrases (a translation needs whole phrases). */
function formKind(lang: string, exact: boolean): string | undefined {
  switch (lang) {
    case 'en':
      return exact ? i18n.t('customTerms.formKinds.enExact') : i18n.t('customTerms.formKinds.en');
    case 'zh-Hans':
      return exact
        ? i18n.t('customTerms.formKinds.zhHansExact')
        : i18n.t('customTerms.formKinds.zhHans');
    case 'zh-Hant':
      return exact
        ? i18n.t('customTerms.formKinds.zhHantExact')
        : i18n.t('customTerms.formKinds.zhHant');
    case 'pinyin':
      return exact
        ? i18n.t('customTerms.formKinds.pinyinExact')
        : i18n.t('customTerms.formKinds.pinyin');
    default:
      return undefined;
  }
}

export interface CustomTermsSectionProps {
  store: CustomTermStore;
  bundled: Glossary;
  /** Text from "Add to Credit Lens glossary": opens the add form filled in with it. */
  prefill?: string | null;
}

type Editing =
  { mode: 'closed' } | { mode: 'add'; prefill: string | null } | { mode: 'edit'; id: string };

/**
 * "Your terms": the reader's own glossary entries. Listed by term; added, edited and deleted
 * here (a delete can be undone for a while). Pages pick up every change at once.
 */
export function CustomTermsSection({ store, bundled, prefill = null }: CustomTermsSectionProps) {
  const terms = useLiveQuery(() => store.list(), [store]);
  const [editing, setEditing] = useState<Editing>(
    prefill !== null ? { mode: 'add', prefill } : { mode: 'closed' },
  );
  const [status, setStatus] = useState('');
  const [deleted, setDeleted] = useState<CustomTerm | null>(null);
  const [error, setError] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const addButton = useRef<HTMLButtonElement>(null);

  useEffect(() => () => clearTimeout(timer.current), []);

  const remove = async (term: CustomTerm) => {
    setError(null);
    try {
      const gone = await store.delete(term.id);
      if (!gone) return;
      setDeleted(gone);
      setStatus(i18n.t('customTerms.deleted', { term: gone.term }));
      clearTimeout(timer.current);
      timer.current = setTimeout(() => setDeleted(null), UNDO_MS);
      addButton.current?.focus();
    } catch (caught) {
      setError(i18n.t('customTerms.deleteFailed', { term: term.term, error: message(caught) }));
    }
  };

  const undo = async () => {
    if (!deleted) return;
    try {
      await store.restore(deleted);
      setStatus(i18n.t('customTerms.restored', { term: deleted.term }));
      setDeleted(null);
      clearTimeout(timer.current);
    } catch (caught) {
      setError(i18n.t('customTerms.restoreFailed', { term: deleted.term, error: message(caught) }));
    }
  };

  const done = (saved: CustomTerm | null, verb: 'added' | 'saved') => {
    setEditing({ mode: 'closed' });
    if (saved) {
      setStatus(
        verb === 'added'
          ? i18n.t('customTerms.added', { term: saved.term })
          : i18n.t('customTerms.saved', { term: saved.term }),
      );
    }
    requestAnimationFrame(() => addButton.current?.focus());
  };

  return (
    <div className="custom-terms">
      <p>{i18n.t('customTerms.intro')}</p>

      <div className="custom-terms-status">
        <p role="status">{status}</p>
        {deleted && (
          <button type="button" onClick={() => void undo()}>
            {i18n.t('customTerms.undo', { term: deleted.term })}
          </button>
        )}
        {error && (
          <p className="custom-term-error" role="alert">
            {error}
          </p>
        )}
      </div>

      {editing.mode === 'add' ? (
        <CustomTermForm
          prefill={editing.prefill}
          bundled={bundled}
          onSave={(input) => store.save(input)}
          onDone={(saved) => done(saved, 'added')}
        />
      ) : (
        <button
          ref={addButton}
          type="button"
          className="button-primary"
          onClick={() => {
            setStatus('');
            setEditing({ mode: 'add', prefill: null });
          }}
        >
          {i18n.t('customTerms.addATerm')}
        </button>
      )}

      <h3>
        {terms === undefined
          ? i18n.t('customTerms.listHeading')
          : i18n.t('customTerms.listHeadingCount', { count: formatNumber(terms.length) })}
      </h3>
      {terms === undefined ? (
        <p>{i18n.t('customTerms.loading')}</p>
      ) : terms.length === 0 ? (
        <p className="custom-term-hint">{i18n.t('customTerms.none')}</p>
      ) : (
        <ul className="custom-terms-list">
          {terms.map((term) =>
            editing.mode === 'edit' && editing.id === term.id ? (
              <li key={term.id}>
                <CustomTermForm
                  term={term}
                  bundled={bundled}
                  onSave={(input) => store.save(input)}
                  onDone={(saved) => done(saved, 'saved')}
                />
              </li>
            ) : (
              <li key={term.id} className="custom-terms-item">
                <TermSummary term={term} bundled={bundled} />
                <div className="custom-terms-item-actions">
                  <button
                    type="button"
                    aria-label={i18n.t('customTerms.editTerm', { term: term.term })}
                    onClick={() => {
                      setStatus('');
                      setEditing({ mode: 'edit', id: term.id });
                    }}
                  >
                    {i18n.t('customTerms.edit')}
                  </button>
                  <button
                    type="button"
                    aria-label={i18n.t('customTerms.deleteTerm', { term: term.term })}
                    onClick={() => void remove(term)}
                  >
                    {i18n.t('customTerms.delete')}
                  </button>
                </div>
              </li>
            ),
          )}
        </ul>
      )}
    </div>
  );
}

function TermSummary({ term, bundled }: { term: CustomTerm; bundled: Glossary }) {
  const replaced = term.overrides === undefined ? undefined : bundled.get(term.overrides);
  return (
    <div className="custom-terms-summary">
      <p className="custom-terms-term">{term.term}</p>
      <p className="custom-terms-forms">
        {term.aliases.map((alias, i) => (
          <span key={`${alias.text}|${i}`}>
            <span lang={alias.lang === 'pinyin' ? 'zh-Latn-pinyin' : alias.lang}>{alias.text}</span>{' '}
            <span className="custom-term-hint">
              {formKind(alias.lang, alias.case === 'sensitive')}
            </span>
            {i < term.aliases.length - 1 ? ' · ' : ''}
          </span>
        ))}
      </p>
      <p>{term.definition}</p>
      {term.overrides !== undefined && (
        <p className="custom-term-hint">
          {replaced
            ? i18n.t('customTerms.replaces', { term: replaced.term })
            : i18n.t('customTerms.replacesGone', { id: term.overrides })}
        </p>
      )}
    </div>
  );
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
