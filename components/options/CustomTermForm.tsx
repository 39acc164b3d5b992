import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { bundledClaimants } from '~/lib/custom-terms/rules';
import { CUSTOM_LIMITS, type CustomTerm } from '~/lib/custom-terms/schema';
import { guessForm } from '~/lib/custom-terms/prefill';
import { CustomTermError, type FieldProblem } from '~/lib/custom-terms/store';
import type { AliasLang, Glossary } from '~/lib/glossary';
import { formatNumber, i18n } from '~/lib/i18n';

/** One written form as the form edits it; `key` keeps React rows stable when one is removed. */
interface FormRow {
  key: number;
  text: string;
  lang: AliasLang;
  sensitive: boolean;
  /** Whether the reader set the language or case; until then both follow what is typed. */
  chosen: boolean;
}

interface Draft {
  term: string;
  rows: FormRow[];
  definition: string;
  explanation: string;
  overrides: string;
}

const langs = (): { value: AliasLang; label: string }[] => [
  { value: 'en', label: i18n.t('customTerms.form.langEn') },
  { value: 'zh-Hans', label: i18n.t('customTerms.form.langZhHans') },
  { value: 'zh-Hant', label: i18n.t('customTerms.form.langZhHant') },
  { value: 'pinyin', label: i18n.t('customTerms.form.langPinyin') },
];

let nextKey = 1;

function row(text = ''): FormRow {
  const guess = guessForm(text);
  return { key: nextKey++, text, lang: guess.lang, sensitive: guess.sensitive, chosen: false };
}

function draftOf(term: CustomTerm | undefined, prefill: string | null): Draft {
  if (!term) {
    return {
      term: prefill ?? '',
      rows: [row(prefill ?? '')],
      definition: '',
      explanation: '',
      overrides: '',
    };
  }
  return {
    term: term.term,
    rows: term.aliases.map((alias) => ({
      key: nextKey++,
      text: alias.text,
      lang: alias.lang,
      sensitive: alias.case === 'sensitive',
      chosen: true,
    })),
    definition: term.definition,
    explanation: term.explanation ?? '',
    overrides: term.overrides ?? '',
  };
}

export interface CustomTermFormProps {
  /** The entry to edit; without it the form adds a new one. */
  term?: CustomTerm;
  /** Text to start a new entry with (from "Add to Credit Lens glossary"). */
  prefill?: string | null;
  bundled: Glossary;
  /** Rejects with `CustomTermError` (problems per field) or any error with a readable message. */
  onSave: (input: unknown) => Promise<CustomTerm>;
  onDone: (saved: CustomTerm | null) => void;
  /** Moves focus to the term field when the form appears. */
  autoFocus?: boolean;
}

/**
 * Add or edit one of the reader's terms. Every problem is shown beside its field, the first one
 * is focused, and nothing typed is lost on a failed save.
 */
export function CustomTermForm({
  term,
  prefill = null,
  bundled,
  onSave,
  onDone,
  autoFocus = true,
}: CustomTermFormProps) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(term, prefill));
  const [problems, setProblems] = useState<readonly FieldProblem[]>([]);
  const [saving, setSaving] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const termInput = useRef<HTMLInputElement>(null);
  const baseId = useId();
  const id = (field: string) => `${baseId}-${field.replace(/\./g, '-')}`;

  useEffect(() => {
    if (!autoFocus) return;
    termInput.current?.focus({ preventScroll: true });
    termInput.current?.scrollIntoView?.({ block: 'center' });
  }, [autoFocus]);

  // After a failed save, focus the first field with a problem (its error is its description).
  useEffect(() => {
    if (problems.length === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [problems]);

  const errorsFor = (field: string) => problems.filter((p) => p.field === field);
  const general = problems.filter(
    (p) =>
      !/^(term|definition|explanation|overrides|aliases(\.\d+\.(text|lang|case))?)$/.test(p.field),
  );

  const sortedBundled = useMemo(
    () => [...bundled.entries].sort((a, b) => a.term.localeCompare(b.term)),
    [bundled],
  );

  const setRow = (key: number, change: Partial<FormRow>) =>
    setDraft((d) => ({ ...d, rows: d.rows.map((r) => (r.key === key ? { ...r, ...change } : r)) }));

  const setTerm = (value: string) =>
    setDraft((d) => {
      // A new entry's first form follows the term until the reader edits the form itself.
      const first = d.rows[0];
      const follows = !term && first && d.rows.length === 1 && first.text.trim() === d.term.trim();
      if (!follows) return { ...d, term: value };
      const text = value.trim();
      return {
        ...d,
        term: value,
        rows: [first.chosen ? { ...first, text } : { ...first, text, ...guessForm(text) }],
      };
    });

  const save = async () => {
    if (saving) return;
    setSaving(true);
    setProblems([]);
    try {
      const saved = await onSave({
        ...(term && { id: term.id }),
        term: draft.term,
        aliases: draft.rows.map((r) => ({
          text: r.text,
          lang: r.lang,
          case: r.sensitive ? 'sensitive' : 'insensitive',
        })),
        definition: draft.definition,
        explanation: draft.explanation,
        overrides: draft.overrides,
      });
      onDone(saved);
    } catch (error) {
      const found =
        error instanceof CustomTermError
          ? error.problems
          : [{ field: '', message: error instanceof Error ? error.message : String(error) }];
      setProblems(found);
    } finally {
      setSaving(false);
    }
  };

  const headingId = id('heading');
  return (
    <form
      ref={formRef}
      className="custom-term-form"
      aria-labelledby={headingId}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onDone(null);
        }
      }}
    >
      <h3 id={headingId}>
        {term
          ? i18n.t('customTerms.form.editHeading', { term: term.term })
          : i18n.t('customTerms.form.addHeading')}
      </h3>
      <div className="custom-term-problems" role="alert">
        {problems.length > general.length && <p>{i18n.t('customTerms.form.notSaved')}</p>}
        {general.map((p) => (
          <p key={p.message}>{p.message}</p>
        ))}
      </div>

      <Field
        id={id('term')}
        label={i18n.t('customTerms.form.term')}
        hint={i18n.t('customTerms.form.termHint')}
        errors={errorsFor('term')}
      >
        {(props) => (
          <input
            {...props}
            ref={termInput}
            type="text"
            value={draft.term}
            maxLength={CUSTOM_LIMITS.termChars * 2}
            onChange={(e) => setTerm(e.currentTarget.value)}
          />
        )}
      </Field>

      <fieldset className="custom-term-forms" aria-describedby={id('forms-hint')}>
        <legend>{i18n.t('customTerms.form.formsLegend')}</legend>
        <p id={id('forms-hint')} className="custom-term-hint">
          {i18n.t('customTerms.form.formsHint')}
        </p>
        {errorsFor('aliases').map((p) => (
          <p key={p.message} className="custom-term-error" role="alert">
            {p.message}
          </p>
        ))}
        <ol className="custom-term-rows">
          {draft.rows.map((r, index) => {
            const n = index + 1;
            const textErrors = [
              ...errorsFor(`aliases.${index}.text`),
              ...errorsFor(`aliases.${index}.case`),
            ];
            const langErrors = errorsFor(`aliases.${index}.lang`);
            const shared = r.text.trim()
              ? bundledClaimants(
                  {
                    text: r.text.trim(),
                    lang: r.lang,
                    case: r.sensitive ? 'sensitive' : 'insensitive',
                  },
                  bundled,
                  draft.overrides || undefined,
                )
              : [];
            return (
              <li key={r.key} className="custom-term-row">
                <Field
                  id={id(`aliases.${index}.text`)}
                  label={i18n.t('customTerms.form.writtenForm', { n })}
                  errors={textErrors}
                >
                  {(props) => (
                    <input
                      {...props}
                      type="text"
                      value={r.text}
                      maxLength={CUSTOM_LIMITS.aliasChars * 2}
                      onChange={(e) => {
                        const text = e.currentTarget.value;
                        setRow(r.key, r.chosen ? { text } : { text, ...guessForm(text.trim()) });
                      }}
                    />
                  )}
                </Field>
                <Field
                  id={id(`aliases.${index}.lang`)}
                  label={i18n.t('customTerms.form.languageOf', { n })}
                  errors={langErrors}
                >
                  {(props) => (
                    <select
                      {...props}
                      value={r.lang}
                      onChange={(e) =>
                        setRow(r.key, { lang: e.currentTarget.value as AliasLang, chosen: true })
                      }
                    >
                      {langs().map((lang) => (
                        <option key={lang.value} value={lang.value}>
                          {lang.label}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                <label className="custom-term-check">
                  <input
                    type="checkbox"
                    checked={r.sensitive}
                    onChange={(e) =>
                      setRow(r.key, { sensitive: e.currentTarget.checked, chosen: true })
                    }
                  />{' '}
                  {i18n.t('customTerms.form.exactCapitals', { n })}
                </label>
                {draft.rows.length > 1 && (
                  <button
                    type="button"
                    onClick={() =>
                      setDraft((d) => ({ ...d, rows: d.rows.filter((x) => x.key !== r.key) }))
                    }
                  >
                    {i18n.t('customTerms.form.removeForm', { n })}
                  </button>
                )}
                {shared.length > 0 && (
                  <p className="custom-term-hint">
                    {shared.length === 1
                      ? i18n.t('customTerms.form.sharedOne', { term: shared[0]!.term })
                      : i18n.t('customTerms.form.sharedMany', {
                          terms: shared
                            .map((e) => i18n.t('customTerms.form.quoted', { term: e.term }))
                            .join(i18n.t('customTerms.form.listSeparator')),
                        })}
                  </p>
                )}
              </li>
            );
          })}
        </ol>
        {draft.rows.length < CUSTOM_LIMITS.aliases && (
          <button
            type="button"
            onClick={() => setDraft((d) => ({ ...d, rows: [...d.rows, row()] }))}
          >
            {i18n.t('customTerms.form.addForm')}
          </button>
        )}
      </fieldset>

      <Field
        id={id('definition')}
        label={i18n.t('customTerms.form.definition')}
        hint={i18n.t('customTerms.form.definitionHint', {
          max: formatNumber(CUSTOM_LIMITS.definitionChars),
          count: formatNumber(draft.definition.trim().length),
        })}
        errors={errorsFor('definition')}
      >
        {(props) => (
          <textarea
            {...props}
            rows={3}
            value={draft.definition}
            onChange={(e) => {
              const value = e.currentTarget.value;
              setDraft((d) => ({ ...d, definition: value }));
            }}
          />
        )}
      </Field>

      <Field
        id={id('explanation')}
        label={i18n.t('customTerms.form.explanation')}
        hint={i18n.t('customTerms.form.explanationHint')}
        errors={errorsFor('explanation')}
      >
        {(props) => (
          <textarea
            {...props}
            rows={4}
            value={draft.explanation}
            onChange={(e) => {
              const value = e.currentTarget.value;
              setDraft((d) => ({ ...d, explanation: value }));
            }}
          />
        )}
      </Field>

      <Field
        id={id('overrides')}
        label={i18n.t('customTerms.form.overrides')}
        hint={i18n.t('customTerms.form.overridesHint')}
        errors={errorsFor('overrides')}
      >
        {(props) => (
          <select
            {...props}
            value={draft.overrides}
            onChange={(e) => {
              const value = e.currentTarget.value;
              setDraft((d) => ({ ...d, overrides: value }));
            }}
          >
            <option value="">{i18n.t('customTerms.form.overridesNothing')}</option>
            {sortedBundled.map((entry) => (
              <option key={entry.id} value={entry.id}>
                {entry.term}
              </option>
            ))}
            {draft.overrides && !bundled.get(draft.overrides) && (
              <option value={draft.overrides}>
                {i18n.t('customTerms.form.overridesGone', { id: draft.overrides })}
              </option>
            )}
          </select>
        )}
      </Field>

      <div className="custom-term-actions">
        <button type="submit" className="button-primary" disabled={saving}>
          {saving
            ? i18n.t('customTerms.form.saving')
            : term
              ? i18n.t('customTerms.form.saveChanges')
              : i18n.t('customTerms.form.addTerm')}
        </button>
        <button type="button" onClick={() => onDone(null)}>
          {i18n.t('customTerms.form.cancel')}
        </button>
      </div>
    </form>
  );
}

interface ControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/** A labelled control with its hint and errors wired up for assistive technology. */
function Field({
  id,
  label,
  hint,
  errors,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  errors: readonly FieldProblem[];
  children: (props: ControlProps) => ReactNode;
}) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors.length > 0 ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className="custom-term-field">
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        'aria-invalid': errors.length > 0 ? true : undefined,
        'aria-describedby': describedBy,
      })}
      {errors.length > 0 && (
        <p id={errorId} className="custom-term-error">
          {errors.map((p) => p.message).join(' ')}
        </p>
      )}
      {hint && (
        <p id={hintId} className="custom-term-hint">
          {hint}
        </p>
      )}
    </div>
  );
}
