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

/** Storage failures the UI can tell apart (the `code` of an error reply). */
export type StorageErrorCode = 'storage-full' | 'database-closed' | 'database-unopenable';

/** A storage failure, with a sentence the reader can act on and a code for the UI. */
export class StorageError extends Error {
  override name = 'StorageError';
  constructor(
    readonly code: StorageErrorCode,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** Turns storage failures into sentences a reader can act on, with a code when it is one. */
export async function withReadableErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const code = storageErrorCode(error);
    const message = readableStorageError(error);
    throw code
      ? new StorageError(code, message, { cause: error })
      : new Error(message, { cause: error });
  }
}

/**
 * Which storage failure an error is. Dexie names its errors after the IndexedDB ones, and a
 * transaction aborted by a full disk arrives as an `AbortError` whose `inner` error is the
 * browser's `QuotaExceededError`.
 */
export function storageErrorCode(error: unknown): StorageErrorCode | undefined {
  if (error instanceof StorageError) return error.code;
  const name = error instanceof Error ? error.name : '';
  const inner = (error as { inner?: { name?: string } } | null)?.inner?.name ?? '';
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') return 'storage-full';
  if (name === 'DatabaseClosedError' || name === 'InvalidStateError') return 'database-closed';
  if (name === 'OpenFailedError' || name === 'VersionError') return 'database-unopenable';
  return undefined;
}

export function readableStorageError(error: unknown): string {
  switch (storageErrorCode(error)) {
    case 'storage-full':
      return i18n.t('problems.noStorageNote');
    case 'database-closed':
      return i18n.t('problems.databaseClosed');
    case 'database-unopenable':
      return i18n.t('problems.databaseUnopenable');
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
