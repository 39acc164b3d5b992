import { storage } from 'wxt/utils/storage';

/**
 * When the reader last exported their notes (milliseconds since 1970), so the options page can
 * say how old their backup is. In `storage.local`: it describes this browser's notes only.
 */
export const lastNotesExport = storage.defineItem<number | null>('local:notesLastExport', {
  fallback: null,
});

/** The time of the last export, or null if there was none (or what is stored is not a time). */
export async function readLastNotesExport(): Promise<number | null> {
  return validTime(await lastNotesExport.getValue());
}

export async function recordNotesExport(time: number): Promise<void> {
  await lastNotesExport.setValue(time);
}

/** Calls back with each new value (validated) until the returned function is called. */
export function watchLastNotesExport(callback: (time: number | null) => void): () => void {
  return lastNotesExport.watch((value) => callback(validTime(value)));
}

function validTime(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null;
}
