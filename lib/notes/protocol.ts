import { i18n } from '~/lib/i18n';
import * as v from 'valibot';
import { EntryIdSchema } from '../glossary/schema';
import type { Handlers, RequestSchemas } from '../messaging/protocol';
import {
  NewNoteSchema,
  NoteEditSchema,
  NoteIdSchema,
  NoteSchema,
  type NewNote,
  type Note,
  type NoteEdit,
} from './note';
import type { NoteStore } from './note-store';

/**
 * Requests the background answers about notes. Content scripts cannot open the extension's
 * database, so the popover saves and reads notes through these; the background validates every
 * payload against the same schemas the store uses.
 */
export type NotesProtocol = {
  saveNote: { request: NewNote; response: Note };
  editNote: { request: NoteEdit; response: Note };
  deleteNote: { request: { id: string }; response: Note | null };
  restoreNote: { request: Note; response: Note };
  notesForTerm: { request: { termId: string }; response: Note[] };
};

export const notesRequestSchemas: RequestSchemas<NotesProtocol> = {
  saveNote: NewNoteSchema,
  editNote: NoteEditSchema,
  deleteNote: v.strictObject({ id: NoteIdSchema }),
  restoreNote: NoteSchema,
  notesForTerm: v.strictObject({ termId: EntryIdSchema }),
};

export function notesHandlers(store: NoteStore): Handlers<NotesProtocol> {
  return {
    saveNote: (note) => withReadableErrors(() => store.save(note)),
    editNote: (edit) => withReadableErrors(() => store.edit(edit)),
    deleteNote: async ({ id }) => (await withReadableErrors(() => store.delete(id))) ?? null,
    restoreNote: (note) => withReadableErrors(() => store.restore(note)),
    notesForTerm: ({ termId }) => withReadableErrors(() => store.forTerm(termId)),
  };
}

/** Turns storage failures into sentences a reader can act on. */
export async function withReadableErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw new Error(readableStorageError(error), { cause: error });
  }
}

export function readableStorageError(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  const inner = (error as { inner?: { name?: string } } | null)?.inner?.name ?? '';
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') {
    return i18n.t('problems.noStorageNote');
  }
  if (name === 'DatabaseClosedError' || name === 'InvalidStateError') {
    return i18n.t('problems.databaseClosed');
  }
  if (name === 'OpenFailedError' || name === 'VersionError') {
    return i18n.t('problems.databaseUnopenable');
  }
  return error instanceof Error ? error.message : String(error);
}
