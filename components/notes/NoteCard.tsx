import { useState, type MouseEvent } from 'react';
import type { Note } from '~/lib/notes/note';
import { i18n } from '~/lib/i18n';
import { linkablePageUrl } from '~/lib/notes/page-link';
import { NoteEditor } from './NoteEditor';

interface NoteCardProps {
  note: Note;
  /** The term the note is about, where the surrounding list is not already about one term. */
  termName?: string;
  onEdit: (body: string) => Promise<void>;
  onDelete: () => void;
  /**
   * Called when the page link is clicked; may `preventDefault()` and open the page itself (an
   * extension popup may ignore a plain `target=_blank` click). Without it the link just works.
   */
  onOpenPage?: (url: string, event: MouseEvent<HTMLAnchorElement>) => void;
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** One note: its quote, its text, where it was written; edit and delete in place. */
export function NoteCard({ note, termName, onEdit, onDelete, onOpenPage }: NoteCardProps) {
  const [editing, setEditing] = useState(false);
  const page = note.title.trim() || pageLabel(note.url);
  // Only web pages and files become links: never `javascript:` or `data:`.
  const href = linkablePageUrl(note.url);
  return (
    <article
      className="note"
      aria-label={i18n.t('notes.noteLabel', { excerpt: excerpt(note.body) })}
    >
      {termName && <p className="note-term">{termName}</p>}
      {note.quote && <blockquote className="note-quote">{note.quote.exact}</blockquote>}
      {editing ? (
        <NoteEditor
          initial={note.body}
          label={i18n.t('notes.editNote')}
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
        {href ? (
          <a
            href={href}
            target="_blank"
            rel="noopener noreferrer"
            title={note.url}
            onClick={onOpenPage && ((event) => onOpenPage(href, event))}
          >
            {page}
          </a>
        ) : (
          <span title={note.url}>{page}</span>
        )}
        <time dateTime={new Date(note.updatedAt).toISOString()}>
          {dateFormat.format(note.updatedAt)}
        </time>
      </footer>
      {!editing && (
        <div className="note-actions">
          <button type="button" onClick={() => setEditing(true)}>
            {i18n.t('notes.edit')}
          </button>
          <button type="button" onClick={onDelete}>
            {i18n.t('notes.delete')}
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

/** The start of a note, for its accessible name: one line, cut at 60 characters. */
function excerpt(body: string): string {
  const line = body.replace(/\s+/g, ' ').trim();
  return line.length <= 60 ? line : `${line.slice(0, 60).trimEnd()}…`;
}
