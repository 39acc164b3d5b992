import { useId, useState } from 'react';
import { i18n } from '~/lib/i18n';

interface NoteEditorProps {
  initial?: string;
  /** Accessible name of the text box. */
  label: string;
  saveLabel?: string;
  /** Rejects with a readable error; the typed text is kept so nothing is lost. */
  onSave: (body: string) => Promise<void>;
  onCancel: () => void;
}

/** A text box with Save / Cancel. Ctrl+Enter (⌘+Enter) saves; Escape cancels. */
export function NoteEditor({
  initial = '',
  label,
  saveLabel = i18n.t('notes.save'),
  onSave,
  onCancel,
}: NoteEditorProps) {
  const [body, setBody] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const errorId = useId();

  const save = async () => {
    if (saving) return;
    if (!body.trim()) {
      setError(i18n.t('notes.empty'));
      return;
    }
    setSaving(true);
    setError(null);
    try {
      await onSave(body);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      className="note-editor"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <textarea
        aria-label={label}
        aria-describedby={error ? errorId : undefined}
        aria-invalid={error ? true : undefined}
        value={body}
        // The editor opens because the reader asked for it.
        autoFocus
        rows={4}
        onChange={(event) => setBody(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            void save();
          } else if (event.key === 'Escape') {
            // Cancel the edit only; the popover stays open.
            event.stopPropagation();
            onCancel();
          }
        }}
      />
      {error && (
        <p id={errorId} className="note-error" role="alert">
          {error}
        </p>
      )}
      <div className="note-actions">
        <button type="submit" className="button-primary" disabled={saving}>
          {saving ? i18n.t('notes.saving') : saveLabel}
        </button>
        <button type="button" onClick={onCancel}>
          {i18n.t('notes.cancel')}
        </button>
      </div>
    </form>
  );
}
