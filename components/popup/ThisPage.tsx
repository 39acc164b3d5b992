import { RichText } from '~/components/RichText';
import { i18n } from '~/lib/i18n';
import type { NoteStore } from '~/lib/notes/note-store';
import type { PageSummary } from '~/lib/popup/page-summary';
import { PageNotes } from './PageNotes';
import { PageTermList, type MarkLimitSettings } from './PageTermList';
import { PauseSwitch, SiteSwitch } from './SiteSwitch';

interface ThisPageProps {
  summary: PageSummary;
  tabId: number | undefined;
  store: NoteStore;
  /** The global pause (undefined until read). */
  paused: boolean | undefined;
  onPauseChange: (paused: boolean) => Promise<void>;
  limits: MarkLimitSettings;
  onSiteChange: (site: string, enabled: boolean) => Promise<void>;
  onShowTerm: (entryId: string) => Promise<void>;
  /** Set when showing a term failed, to say why. */
  showTermError: string | null;
  onSeeAllNotes: () => void;
}

/**
 * The tab's page: the global pause and the site switch, the terms found on it, and the notes
 * written on it. A page Credit Lens cannot read says so, and why.
 */
export function ThisPage({
  summary,
  tabId,
  store,
  paused,
  onPauseChange,
  limits,
  onSiteChange,
  onShowTerm,
  showTermError,
  onSeeAllNotes,
}: ThisPageProps) {
  // The pause works on every page, even one Credit Lens cannot read.
  const pauseSwitch = paused !== undefined && (
    <PauseSwitch paused={paused} onChange={onPauseChange} />
  );
  if (summary.kind === 'loading')
    return <p className="popup-muted">{i18n.t('popup.readingPage')}</p>;
  if (summary.kind === 'restricted' || tabId === undefined) {
    return (
      <>
        {pauseSwitch}
        <RestrictedPage onSeeAllNotes={onSeeAllNotes} />
      </>
    );
  }
  return (
    <>
      {pauseSwitch}
      <SiteSwitch
        site={summary.page.site}
        enabled={summary.page.enabled}
        onChange={(enabled) => onSiteChange(summary.page.site, enabled)}
      />
      <PageTermList page={summary.page} limits={limits} onShow={onShowTerm} />
      {showTermError && (
        <p className="note-error" role="alert">
          {showTermError}
        </p>
      )}
      <PageNotes store={store} tabId={tabId} />
    </>
  );
}

/** No content script answers on this tab: say why, and point to the notes that still work. */
function RestrictedPage({ onSeeAllNotes }: { onSeeAllNotes: () => void }) {
  return (
    <section className="popup-notice">
      <p>
        <strong>{i18n.t('popup.cannotRead')}</strong>{' '}
        <RichText
          text={i18n.t('popup.restricted', { about: '{about}' })}
          parts={{ about: <code>about:</code> }}
        />
      </p>
      <p className="popup-muted">{i18n.t('popup.restrictedHelp')}</p>
      <p>
        <button type="button" className="popup-button" onClick={onSeeAllNotes}>
          {i18n.t('popup.seeAllNotes')}
        </button>
      </p>
    </section>
  );
}
