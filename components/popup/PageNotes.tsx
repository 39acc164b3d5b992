import { useEffect, useState } from 'react';
import { NoteEditor } from '~/components/notes/NoteEditor';
import { i18n } from '~/lib/i18n';
import type { ContentProtocol, PageContext } from '~/lib/messages';
import { sendToTab } from '~/lib/messaging/protocol';
import { LIMITS, newNoteId } from '~/lib/notes/note';
import type { NoteStore } from '~/lib/notes/note-store';
import { PopupNoteList } from './PopupNoteList';
import { useLiveResult } from './use-live-result';

interface PageNotesProps {
  store: NoteStore;
  tabId: number;
}

/** A note being written: its id is fixed when the editor opens, so a retried save is one note. */
interface Draft {
  id: string;
  page: PageContext;
}

type PageState = { kind: 'loading' } | { kind: 'ready'; page: PageContext } | { kind: 'failed' };

/** Notes written on the tab's page (from the popup or a term's popover), and "New note". */
export function PageNotes({ store, tabId }: PageNotesProps) {
  const [page, setPage] = useState<PageState>({ kind: 'loading' });

  // The page's URL comes from its content script: the popup has no `tabs` permission to read it.
  useEffect(() => {
    let current = true;
    askPageContext(tabId).then(
      (context) => current && setPage({ kind: 'ready', page: context }),
      () => current && setPage({ kind: 'failed' }),
    );
    return () => {
      current = false;
    };
  }, [tabId]);

  return (
    <section className="page-notes" aria-labelledby="page-notes-heading">
      <h2 id="page-notes-heading" className="popup-count">
        {i18n.t('popup.notesOnPage')}
      </h2>
      <NewPageNote store={store} tabId={tabId} />
      {page.kind === 'loading' && <p className="popup-muted">{i18n.t('popup.readingNotes')}</p>}
      {page.kind === 'failed' && <p className="popup-muted">{i18n.t('popup.noAddress')}</p>}
      {page.kind === 'ready' && <NotesOnPage store={store} url={page.page.url} />}
    </section>
  );
}

/** Live: a note saved elsewhere (the popover, another window) appears without a reload. */
function NotesOnPage({ store, url }: { store: NoteStore; url: string }) {
  const notes = useLiveResult(() => store.forPage(url), [store, url]);
  if (notes.kind === 'loading')
    return <p className="popup-muted">{i18n.t('popup.readingNotes')}</p>;
  if (notes.kind === 'failed') {
    return (
      <p className="note-error" role="alert">
        {i18n.t('popup.notesUnreadable', { error: notes.error })}
      </p>
    );
  }
  return (
    <PopupNoteList
      store={store}
      notes={notes.value}
      label={i18n.t('popup.notesOnPage')}
      empty={<p className="popup-muted">{i18n.t('popup.noPageNotes')}</p>}
    />
  );
}

/** "New note": quotes whatever the reader has selected on the page when they choose it. */
function NewPageNote({ store, tabId }: PageNotesProps) {
  const [draft, setDraft] = useState<Draft | null>(null);
  const [opening, setOpening] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const open = async () => {
    setOpening(true);
    setError(null);
    try {
      // Asked now, not when the popup opened: the selection is the one the reader means.
      const page = await askPageContext(tabId);
      // A page may have any title; the note keeps at most its limit rather than fail to save.
      const title = page.title.slice(0, LIMITS.titleChars);
      setDraft({ id: newNoteId(), page: { ...page, title } });
    } catch (caught) {
      setError(
        i18n.t('popup.pageUnreachable', {
          error: caught instanceof Error ? caught.message : String(caught),
        }),
      );
    } finally {
      setOpening(false);
    }
  };

  if (!draft) {
    return (
      <>
        <button
          type="button"
          className="popup-button button-primary"
          disabled={opening}
          onClick={() => void open()}
        >
          {i18n.t('popup.newNote')}
        </button>
        {error && (
          <p className="note-error" role="alert">
            {error}
          </p>
        )}
      </>
    );
  }

  const { url, title, selection } = draft.page;
  return (
    <div className="note-draft">
      {selection ? (
        <blockquote className="note-quote" aria-label={i18n.t('popup.quoted')}>
          {selection.exact}
        </blockquote>
      ) : (
        <p className="popup-muted popup-hint">{i18n.t('popup.nothingSelected')}</p>
      )}
      <NoteEditor
        label={i18n.t('popup.newNoteOnPage')}
        saveLabel={i18n.t('notes.saveNote')}
        onSave={async (body) => {
          await store.save({ id: draft.id, url, title, quote: selection, body });
          setDraft(null);
        }}
        onCancel={() => setDraft(null)}
      />
    </div>
  );
}

/** Async, so that a messaging API that throws instead of rejecting still ends up as a rejection. */
async function askPageContext(tabId: number): Promise<PageContext> {
  return sendToTab<ContentProtocol, 'pageContext'>(tabId, 'pageContext', null);
}
