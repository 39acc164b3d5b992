import { useCallback, useEffect, useState } from 'react';
import { sendToTab } from '~/lib/messaging/protocol';
import type { ContentProtocol } from '~/lib/messages';
import { fetchPageSummary, type PageSummary } from '~/lib/popup/page-summary';
import { setSiteEnabled } from '~/lib/settings';
import { PageTermList } from './PageTermList';
import { SiteSwitch } from './SiteSwitch';

/** The page keeps scanning while the popup is open (late content, infinite scroll). */
const REFRESH_MS = 1_000;

interface PopupAppProps {
  findTab: () => Promise<number | undefined>;
}

export function PopupApp({ findTab }: PopupAppProps) {
  const [tabId, setTabId] = useState<number | undefined>();
  const [summary, setSummary] = useState<PageSummary>({ kind: 'loading' });

  const refresh = useCallback(async (id: number | undefined) => {
    setSummary(await fetchPageSummary(id));
  }, []);

  useEffect(() => {
    let timer: ReturnType<typeof setInterval> | undefined;
    void findTab().then((id) => {
      setTabId(id);
      void refresh(id);
      timer = setInterval(() => void refresh(id), REFRESH_MS);
    });
    return () => clearInterval(timer);
  }, [findTab, refresh]);

  return (
    <main className="popup">
      <header className="popup-header">
        <h1>Credit Lens</h1>
      </header>
      {summary.kind === 'loading' && <p className="popup-muted">Reading this page…</p>}
      {summary.kind === 'restricted' && (
        <section className="popup-notice" aria-label="This page">
          <p>
            <strong>Credit Lens can’t read this page.</strong> Browsers keep their own pages —
            settings, new tabs, the extension store, the PDF viewer, <code>about:</code> pages — out
            of reach of extensions.
          </p>
          <p className="popup-muted">
            If this is an ordinary web page that was already open when Credit Lens was installed or
            updated, reload it.
          </p>
        </section>
      )}
      {summary.kind === 'ready' && (
        <>
          <SiteSwitch
            site={summary.page.site}
            enabled={summary.page.enabled}
            onChange={async (enabled) => {
              await setSiteEnabled(summary.page.site, enabled);
              await refresh(tabId);
            }}
          />
          <PageTermList
            page={summary.page}
            onShow={async (entryId) => {
              if (tabId === undefined) return;
              await sendToTab<ContentProtocol, 'showTerm'>(tabId, 'showTerm', { entryId });
            }}
          />
        </>
      )}
    </main>
  );
}
