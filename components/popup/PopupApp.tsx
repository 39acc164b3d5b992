import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { useSetting } from '~/components/use-setting';
import { i18n } from '~/lib/i18n';
import type { ContentProtocol } from '~/lib/messages';
import { sendToTab } from '~/lib/messaging/protocol';
import type { NoteStore } from '~/lib/notes/note-store';
import { fetchPageSummary, type PageSummary } from '~/lib/popup/page-summary';
import { firstOccurrenceOnly, markCap, paused, setSiteEnabled } from '~/lib/settings';
import { AllNotes } from './AllNotes';
import { TabList, TabPanel, type TabSpec } from './PopupTabs';
import { ThisPage } from './ThisPage';

/** The page keeps scanning while the popup is open (late content, infinite scroll). */
const REFRESH_MS = 1_000;

type PopupTab = 'page' | 'all';
const tabs = (): readonly TabSpec<PopupTab>[] => [
  { id: 'page', label: i18n.t('popup.thisPage') },
  { id: 'all', label: i18n.t('popup.allNotes') },
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
  const [isPaused, setPaused] = useSetting(paused);
  const [firstOnly] = useSetting(firstOccurrenceOnly);
  const [cap] = useSetting(markCap);

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
      else setShowTermError(i18n.t('popup.termGone'));
    } catch (caught) {
      setShowTermError(
        i18n.t('popup.unreachable', {
          error: caught instanceof Error ? caught.message : String(caught),
        }),
      );
    }
  };

  return (
    <main className="popup">
      <header className="popup-header">
        <div className="popup-title">
          <h1>{i18n.t('popup.title')}</h1>
          <span className="popup-header-links">
            <a href={glossaryUrl} target="_blank" rel="noreferrer" className="popup-glossary-link">
              {i18n.t('popup.glossary')}
            </a>{' '}
            <button
              type="button"
              className="popup-button popup-options-button"
              onClick={() => void browser.runtime.openOptionsPage()}
            >
              {i18n.t('popup.settings')}
            </button>
          </span>
        </div>
        <TabList
          label={i18n.t('popup.tabs')}
          idBase={ID_BASE}
          tabs={tabs()}
          selected={tab}
          onSelect={setChosenTab}
        />
      </header>
      <TabPanel idBase={ID_BASE} id="page" selected={tab === 'page'}>
        <ThisPage
          summary={summary}
          tabId={tabId}
          store={store}
          paused={isPaused}
          onPauseChange={async (next) => {
            await setPaused(next);
            await refresh(tabId);
          }}
          limits={{ firstOccurrenceOnly: firstOnly ?? false, markCap: cap ?? null }}
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
