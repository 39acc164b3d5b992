import { useCallback, useEffect, useState } from 'react';
import { i18n } from '~/lib/i18n';
import { newNoteId, type Note, type Quote } from '~/lib/notes/note';
import type { NotesApi } from '~/lib/notes/notes-api';
import { NoteCard } from './NoteCard';
import { NoteEditor } from './NoteEditor';
import { UndoBar } from './UndoBar';
import { useUndoableDelete } from './use-undoable-delete';

export interface PageInfo {
  url: string;
  title: string;
}

interface TermNotesProps {
  api: NotesApi;
  termId: string;
  termName: string;
  page: PageInfo;
  /** The sentence around the marked term, quoted by a new note. */
  quote: Quote | null;
}

/**
 * The popover's notes: those already written on this term (on any page), and "Add note".
 * Render with `key={termId}`.
 */
export function TermNotes({ api, termId, termName, page, quote }: TermNotesProps) {
  const [notes, setNotes] = useState<Note[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  // The id is made when the editor opens, so every retry of this draft's save is the same note.
  const [draftId, setDraftId] = useState<string | null>(null);

  // Bumped after every change, to read the list again.
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);

  // The parent keys this component by term, so state starts fresh for each term.
  useEffect(() => {
    let current = true;
    api.forTerm(termId).then(
      (found) => {
        if (!current) return;
        setNotes(found);
        setLoadError(null);
      },
      (caught: unknown) => {
        if (current) setLoadError(caught instanceof Error ? caught.message : String(caught));
      },
    );
    return () => {
      current = false;
    };
  }, [api, termId, version]);

  const { deleted, error: deleteError, remove, undo } = useUndoableDelete(api, reload);

  return (
    <section className="term-notes" aria-label={i18n.t('notes.yourNotesOn', { term: termName })}>
      <h3>{i18n.t('notes.yourNotes')}</h3>
      {draftId ? (
        <div className="note-draft">
          {quote && <blockquote className="note-quote">{quote.exact}</blockquote>}
          <NoteEditor
            label={i18n.t('notes.newNoteOn', { term: termName })}
            saveLabel={i18n.t('notes.saveNote')}
            onSave={async (body) => {
              await api.save({
                id: draftId,
                termId,
                url: page.url,
                title: page.title,
                quote,
                body,
              });
              setDraftId(null);
              reload();
            }}
            onCancel={() => setDraftId(null)}
          />
        </div>
      ) : (
        <button type="button" className="button-primary" onClick={() => setDraftId(newNoteId())}>
          {i18n.t('notes.addNote')}
        </button>
      )}
      {deleted && <UndoBar onUndo={() => void undo()} />}
      {(loadError ?? deleteError) && (
        <p className="note-error" role="alert">
          {loadError ?? deleteError}
        </p>
      )}
      {notes && notes.length > 0 && (
        <ul className="note-list">
          {notes.map((note) => (
            <li key={note.id}>
              <NoteCard
                note={note}
                onEdit={async (body) => {
                  await api.edit({ id: note.id, body });
                  reload();
                }}
                onDelete={() => void remove(note.id)}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
