import { i18n } from '~/lib/i18n';

interface UndoBarProps {
  onUndo: () => void;
}

/** Announced politely to screen readers; the button restores the note. */
export function UndoBar({ onUndo }: UndoBarProps) {
  return (
    <div className="undo-bar" role="status">
      <span>{i18n.t('notes.deleted')}</span>
      <button type="button" onClick={onUndo}>
        {i18n.t('notes.undo')}
      </button>
    </div>
  );
}
