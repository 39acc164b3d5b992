import { useEffect, useMemo, type ReactNode } from 'react';
import { browser } from 'wxt/browser';
import { NoteCard } from '~/components/notes/NoteCard';
import { UndoBar } from '~/components/notes/UndoBar';
import { useUndoableDelete } from '~/components/notes/use-undoable-delete';
import { bundledGlossary } from '~/lib/glossary';
import type { Note } from '~/lib/notes/note';
import type { NoteStore } from '~/lib/notes/note-store';
import { storeNotesApi } from '~/lib/notes/notes-api';
import { opensInNewTab } from '~/lib/notes/page-link';

export const FIRST_LIST_MARK = 'credit-lens:popup-first-list';

interface PopupNoteListProps {
  store: NoteStore;
  notes: readonly Note[];
  /** Accessible name of the list. */
  label: string;
  /** Shown instead of the list when there are no notes (the Undo bar still shows above it). */
  empty: ReactNode;
}

/**
 * Notes with edit and delete-with-undo in place. The lists read the database live, so they need
 * no reload after a change. This stays mounted when its last note is deleted, so "Undo" stays.
 */
export function PopupNoteList({ store, notes, label, empty }: PopupNoteListProps) {
  const api = useMemo(() => storeNotesApi(store), [store]);
  const { deleted, error, remove, undo } = useUndoableDelete(api);
  const glossary = bundledGlossary();

  // The first list on screen after the popup opened; the notes benchmark reads this mark.
  useEffect(() => {
    if (performance.getEntriesByName(FIRST_LIST_MARK).length === 0)
      performance.mark(FIRST_LIST_MARK);
  }, []);

  return (
    <>
      {deleted && <UndoBar onUndo={() => void undo()} />}
      {error && (
        <p className="note-error" role="alert">
          {error}
        </p>
      )}
      {notes.length === 0 ? (
        empty
      ) : (
        <ul className="note-list" aria-label={label}>
          {notes.map((note) => (
            <li key={note.id}>
              <NoteCard
                note={note}
                termName={note.termId ? glossary.get(note.termId)?.term : undefined}
                onEdit={async (body) => {
                  await store.edit({ id: note.id, body });
                }}
                onDelete={() => void remove(note.id)}
                onOpenPage={openInNewTab}
              />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** A link click in an extension popup may do nothing in some browsers; open web pages directly. */
function openInNewTab(url: string, event: { preventDefault(): void }) {
  if (!opensInNewTab(url)) return;
  event.preventDefault();
  void browser.tabs.create({ url });
}
