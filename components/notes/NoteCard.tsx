import { useState } from 'react';
import type { Note } from '~/lib/notes/note';
import { NoteEditor } from './NoteEditor';

interface NoteCardProps {
  note: Note;
  /** The term the note is about, where the surrounding list is not already about one term. */
  termName?: string;
  onEdit: (body: string) => Promise<void>;
  onDelete: () => void;
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** One note: its quote, its text, where it was written; edit and delete in place. */
export function NoteCard({ note, termName, onEdit, onDelete }: NoteCardProps) {
  const [editing, setEditing] = useState(false);
  const page = note.title.trim() || pageLabel(note.url);
  return (
    <article className="note" aria-label={`Note: ${note.body.slice(0, 60)}`}>
      {termName && <p className="note-term">{termName}</p>}
      {note.quote && <blockquote className="note-quote">{note.quote.exact}</blockquote>}
      {editing ? (
        <NoteEditor
          initial={note.body}
          label="Edit note"
          onSave={async (body) => {
            await onEdit(body);
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <p className="note-body">{note.body}</p>
      )}
      <footer className="note-meta">
        <a href={note.url} target="_blank" rel="noopener noreferrer" title={note.url}>
          {page}
        </a>
        <time dateTime={new Date(note.updatedAt).toISOString()}>
          {dateFormat.format(note.updatedAt)}
        </time>
      </footer>
      {!editing && (
        <div className="note-actions">
          <button type="button" onClick={() => setEditing(true)}>
            Edit
          </button>
          <button type="button" onClick={onDelete}>
            Delete
          </button>
        </div>
      )}
    </article>
  );
}

function pageLabel(url: string): string {
  try {
    const { host, pathname } = new URL(url);
    return host + (pathname === '/' ? '' : pathname);
  } catch {
    return url;
  }
}
