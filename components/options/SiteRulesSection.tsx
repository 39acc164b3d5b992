import { useEffect, useId, useRef, useState, type FormEvent, type Ref } from 'react';
import { useSetting } from '~/components/use-setting';
import { i18n } from '~/lib/i18n';
import { disabledSites, parseSiteInput, renameSite, setSiteEnabled } from '~/lib/settings';
import './settings-section.css';

/**
 * The sites where marking is off: the list, with Edit and Remove for each, and a form to add
 * one. The list is live: a site switched off in the popup appears here at once.
 */
export function SiteRulesSection() {
  const [sites] = useSetting(disabledSites);
  const [status, setStatus] = useState('');
  const [editing, setEditing] = useState<string | null>(null);
  const addInput = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  // After an edit ends, focus returns to the Edit button of the rule (under its new name).
  const [focusEditOf, setFocusEditOf] = useState<string | null>(null);
  useEffect(() => {
    if (focusEditOf === null) return;
    const button = [...(list.current?.querySelectorAll('button') ?? [])].find(
      (candidate) =>
        candidate.getAttribute('aria-label') ===
        i18n.t('siteRules.editSite', { site: focusEditOf }),
    );
    // The list may not show the new name yet (storage reports the change a moment later).
    if (!button) return;
    button.focus();
    setFocusEditOf(null);
  }, [focusEditOf, sites]);

  return (
    <div className="site-rules">
      <p className="settings-help">{i18n.t('siteRules.intro')}</p>
      {sites === undefined ? (
        <p className="settings-help">{i18n.t('siteRules.reading')}</p>
      ) : sites.length === 0 ? (
        <p>{i18n.t('siteRules.none')}</p>
      ) : (
        <ul ref={list} className="site-rules-list" aria-label={i18n.t('siteRules.listLabel')}>
          {sites.map((site) =>
            editing === site ? (
              <li key={site}>
                <SiteForm
                  label={i18n.t('siteRules.newHostFor', { site })}
                  submitLabel={i18n.t('siteRules.save')}
                  initial={site}
                  others={sites.filter((other) => other !== site)}
                  onSubmit={async (next) => {
                    await renameSite(site, next);
                    setEditing(null);
                    setFocusEditOf(next);
                    setStatus(
                      next === site
                        ? i18n.t('siteRules.unchanged', { site })
                        : i18n.t('siteRules.renamed', { next, site }),
                    );
                  }}
                  onCancel={() => {
                    setEditing(null);
                    setFocusEditOf(site);
                  }}
                />
              </li>
            ) : (
              <li key={site}>
                <span className="site-rules-host">{site}</span>
                <button
                  type="button"
                  aria-label={i18n.t('siteRules.editSite', { site })}
                  onClick={() => {
                    setEditing(site);
                    setStatus('');
                  }}
                >
                  {i18n.t('siteRules.edit')}
                </button>
                <button
                  type="button"
                  aria-label={i18n.t('siteRules.removeSite', { site })}
                  onClick={async () => {
                    await setSiteEnabled(site, true);
                    setStatus(i18n.t('siteRules.removed', { site }));
                    // The button is gone with its row; keep focus in the section.
                    addInput.current?.focus();
                  }}
                >
                  {i18n.t('siteRules.remove')}
                </button>
              </li>
            ),
          )}
        </ul>
      )}
      <SiteForm
        label={i18n.t('siteRules.addLabel')}
        submitLabel={i18n.t('siteRules.addButton')}
        help={i18n.t('siteRules.addHelp')}
        others={sites ?? []}
        inputRef={addInput}
        clearOnSubmit
        onSubmit={async (site) => {
          await setSiteEnabled(site, false);
          setStatus(i18n.t('siteRules.added', { site }));
        }}
      />
      <p className="settings-status" role="status">
        {status}
      </p>
    </div>
  );
}

interface SiteFormProps {
  label: string;
  submitLabel: string;
  help?: string;
  initial?: string;
  /** The other rules, to refuse a duplicate. */
  others: readonly string[];
  inputRef?: Ref<HTMLInputElement>;
  clearOnSubmit?: boolean;
  onSubmit: (site: string) => Promise<void>;
  onCancel?: () => void;
}

/** A host name field that is validated on submit; what was typed stays when it is refused. */
function SiteForm({
  label,
  submitLabel,
  help,
  initial = '',
  others,
  inputRef,
  clearOnSubmit,
  onSubmit,
  onCancel,
}: SiteFormProps) {
  const id = useId();
  const helpId = useId();
  const errorId = useId();
  const [text, setText] = useState(initial);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseSiteInput(text);
    if (!parsed.ok) {
      setError(parsed.error);
      return;
    }
    if (others.includes(parsed.site)) {
      setError(i18n.t('siteRules.duplicate', { site: parsed.site }));
      return;
    }
    try {
      await onSubmit(parsed.site);
      setError(null);
      if (clearOnSubmit) setText('');
    } catch (caught) {
      setError(
        i18n.t('siteRules.saveFailed', {
          error: caught instanceof Error ? caught.message : String(caught),
        }),
      );
    }
  };

  const describedBy = [error ? errorId : null, help ? helpId : null].filter(Boolean).join(' ');
  return (
    <form className="site-rules-form" onSubmit={(event) => void submit(event)} noValidate>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        ref={inputRef}
        type="text"
        value={text}
        autoFocus={onCancel !== undefined}
        spellCheck={false}
        autoCapitalize="none"
        autoComplete="off"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        onChange={(event) => {
          setText(event.currentTarget.value);
          if (error) setError(null);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && onCancel) onCancel();
        }}
      />
      <button type="submit">{submitLabel}</button>
      {onCancel && (
        <button type="button" onClick={onCancel}>
          {i18n.t('siteRules.cancel')}
        </button>
      )}
      {help && (
        <p id={helpId} className="settings-help">
          {help}
        </p>
      )}
      {error && (
        <p id={errorId} className="settings-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
