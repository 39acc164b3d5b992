import { useCallback, useEffect, useState } from 'react';
import type { ContentProtocol } from '~/lib/messages';
import { sendToTab } from '~/lib/messaging/protocol';
import type { NoteStore } from '~/lib/notes/note-store';
import { fetchPageSummary, type PageSummary } from '~/lib/popup/page-summary';
import { setSiteEnabled } from '~/lib/settings';
import { AllNotes } from './AllNotes';
import { TabList, TabPanel, type TabSpec } from './PopupTabs';
import { ThisPage } from './ThisPage';

/** The page keeps scanning while the popup is open (late content, infinite scroll). */
const REFRESH_MS = 1_000;

type PopupTab = 'page' | 'all';
const TABS: readonly TabSpec<PopupTab>[] = [
  { id: 'page', label: 'This page' },
  { id: 'all', label: 'All notes' },
];
const ID_BASE = 'popup';

interface PopupAppProps {
  findTab: () => Promise<number | undefined>;
  /** The popup's one note store (tests pass one on a throwaway database). */
  store: NoteStore;
  /**
   * Closes the toolbar popup once a term is shown on the page, so the reader sees it. Absent when
   * the popup page is open in a tab of its own, which must stay.
   */
  closePopup?: () => void;
  /** The glossary page's address (an extension URL), linked from the header. */
  glossaryUrl: string;
}

export function PopupApp({ findTab, store, closePopup, glossaryUrl }: PopupAppProps) {
  const [tabId, setTabId] = useState<number | undefined>();
  const [summary, setSummary] = useState<PageSummary>({ kind: 'loading' });
  // Until the reader picks a tab, a page Credit Lens can't read opens on All notes, which works
  // everywhere.
  const [chosenTab, setChosenTab] = useState<PopupTab | null>(null);
  const tab = chosenTab ?? (summary.kind === 'restricted' ? 'all' : 'page');
  // All notes is read only once it is first shown (the popup must open fast), then kept mounted
  // so its search survives switching tabs.
  const [allNotesShown, setAllNotesShown] = useState(false);
  if (tab === 'all' && !allNotesShown) setAllNotesShown(true);
  const [showTermError, setShowTermError] = useState<string | null>(null);

  const refresh = useCallback(async (id: number | undefined) => {
    setSummary(await fetchPageSummary(id));
  }, []);

  useEffect(() => {
    let timer: ReturnType<typeof setInterval> | undefined;
    let current = true;
    void findTab().then((id) => {
      if (!current) return;
      setTabId(id);
      void refresh(id);
      timer = setInterval(() => void refresh(id), REFRESH_MS);
    });
    return () => {
      current = false;
      clearInterval(timer);
    };
  }, [findTab, refresh]);

  const showTerm = async (entryId: string) => {
    if (tabId === undefined) return;
    setShowTermError(null);
    try {
      const shown = await sendToTab<ContentProtocol, 'showTerm'>(tabId, 'showTerm', { entryId });
      if (shown) closePopup?.();
      else setShowTermError('That term is no longer on the page.');
    } catch (caught) {
      setShowTermError(
        `Credit Lens could not reach the page (${caught instanceof Error ? caught.message : String(caught)}). Reload it and try again.`,
      );
    }
  };

  return (
    <main className="popup">
      <header className="popup-header">
        <div className="popup-title">
          <h1>Credit Lens</h1>
          <a href={glossaryUrl} target="_blank" rel="noreferrer" className="popup-glossary-link">
            Glossary
          </a>
        </div>
        <TabList
          label="Credit Lens"
          idBase={ID_BASE}
          tabs={TABS}
          selected={tab}
          onSelect={setChosenTab}
        />
      </header>
      <TabPanel idBase={ID_BASE} id="page" selected={tab === 'page'}>
        <ThisPage
          summary={summary}
          tabId={tabId}
          store={store}
          onSiteChange={async (site, enabled) => {
            await setSiteEnabled(site, enabled);
            await refresh(tabId);
          }}
          onShowTerm={showTerm}
          showTermError={showTermError}
          onSeeAllNotes={() => setChosenTab('all')}
        />
      </TabPanel>
      <TabPanel idBase={ID_BASE} id="all" selected={tab === 'all'}>
        {allNotesShown && <AllNotes store={store} />}
      </TabPanel>
    </main>
  );
}
