import { useCallback, useEffect, useRef, useState } from 'react';
import type { Note } from '~/lib/notes/note';
import type { NotesApi } from '~/lib/notes/notes-api';

/** How long "Undo" stays offered after a delete. */
export const UNDO_MS = 10_000;

/**
 * Deletes at once (nothing is left half-done if the reader closes the popup), and keeps the
 * deleted note in memory for a while so "Undo" can put it back exactly.
 */
export function useUndoableDelete(api: NotesApi, onChange?: () => void) {
  const [deleted, setDeleted] = useState<Note | null>(null);
  const [error, setError] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  useEffect(() => () => clearTimeout(timer.current), []);

  const remove = useCallback(
    async (id: string) => {
      setError(null);
      try {
        const note = await api.delete(id);
        setDeleted(note);
        clearTimeout(timer.current);
        timer.current = setTimeout(() => setDeleted(null), UNDO_MS);
        onChange?.();
      } catch (caught) {
        setError(caught instanceof Error ? caught.message : String(caught));
      }
    },
    [api, onChange],
  );

  const undo = useCallback(async () => {
    if (!deleted) return;
    try {
      await api.restore(deleted);
      setDeleted(null);
      clearTimeout(timer.current);
      onChange?.();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  }, [api, deleted, onChange]);

  return { deleted, error, remove, undo };
}
