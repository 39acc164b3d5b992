interface UndoBarProps {
  onUndo: () => void;
}

/** Announced politely to screen readers; the button restores the note. */
export function UndoBar({ onUndo }: UndoBarProps) {
  return (
    <div className="undo-bar" role="status">
      <span>Note deleted.</span>
      <button type="button" onClick={onUndo}>
        Undo
      </button>
    </div>
  );
}
