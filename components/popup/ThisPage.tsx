import type { NoteStore } from '~/lib/notes/note-store';
import type { PageSummary } from '~/lib/popup/page-summary';
import { PageNotes } from './PageNotes';
import { PageTermList } from './PageTermList';
import { SiteSwitch } from './SiteSwitch';

interface ThisPageProps {
  summary: PageSummary;
  tabId: number | undefined;
  store: NoteStore;
  onSiteChange: (site: string, enabled: boolean) => Promise<void>;
  onShowTerm: (entryId: string) => Promise<void>;
  /** Set when showing a term failed, to say why. */
  showTermError: string | null;
  onSeeAllNotes: () => void;
}

/** The tab's page: the site switch, the terms found on it, and the notes written on it. */
export function ThisPage({
  summary,
  tabId,
  store,
  onSiteChange,
  onShowTerm,
  showTermError,
  onSeeAllNotes,
}: ThisPageProps) {
  if (summary.kind === 'loading') return <p className="popup-muted">Reading this page…</p>;
  if (summary.kind === 'restricted' || tabId === undefined) {
    return <RestrictedPage onSeeAllNotes={onSeeAllNotes} />;
  }
  return (
    <>
      <SiteSwitch
        site={summary.page.site}
        enabled={summary.page.enabled}
        onChange={(enabled) => onSiteChange(summary.page.site, enabled)}
      />
      <PageTermList page={summary.page} onShow={onShowTerm} />
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
        <strong>Credit Lens can’t read this page.</strong> Browsers keep their own pages — settings,
        new tabs, the extension store, the PDF viewer, <code>about:</code> pages — out of reach of
        extensions.
      </p>
      <p className="popup-muted">
        If this is an ordinary web page that was already open when Credit Lens was installed or
        updated, reload it.
      </p>
      <p>
        <button type="button" className="popup-button" onClick={onSeeAllNotes}>
          See all your notes
        </button>
      </p>
    </section>
  );
}
