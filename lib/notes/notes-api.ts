import { i18n } from '~/lib/i18n';
import { MessageError, sendToExtension } from '../messaging/protocol';
import type { NewNote, Note, NoteEdit } from './note';
import type { NoteStore } from './note-store';
import type { NotesProtocol } from './protocol';

/** What note UI needs, whether it talks to the background (popover) or the database (popup). */
export interface NotesApi {
  save(note: NewNote): Promise<Note>;
  edit(edit: NoteEdit): Promise<Note>;
  delete(id: string): Promise<Note | null>;
  restore(note: Note): Promise<Note>;
  forTerm(termId: string): Promise<Note[]>;
}

/** For content scripts: every call is a validated message to the background. */
export const messagingNotesApi: NotesApi = {
  save: (note) => request('saveNote', note),
  edit: (edit) => request('editNote', edit),
  delete: (id) => request('deleteNote', { id }),
  restore: (note) => request('restoreNote', note),
  forTerm: (termId) => request('notesForTerm', { termId }),
};

/** For extension pages, which share the database's origin. */
export function storeNotesApi(store: NoteStore): NotesApi {
  return {
    save: (note) => store.save(note),
    edit: (edit) => store.edit(edit),
    delete: async (id) => (await store.delete(id)) ?? null,
    restore: (note) => store.restore(note),
    forTerm: (termId) => store.forTerm(termId),
  };
}

async function request<K extends keyof NotesProtocol & string>(
  method: K,
  data: NotesProtocol[K]['request'],
): Promise<NotesProtocol[K]['response']> {
  const start = performance.now();
  try {
    const result = await sendToExtension<NotesProtocol, K>(method, data);
    // The round trip as the reader feels it (benchmarks read these: `credit-lens:notes:saveNote`).
    performance.measure(`credit-lens:notes:${method}`, { start, end: performance.now() });
    return result;
  } catch (error) {
    if (error instanceof MessageError && /context invalidated|Receiving end/i.test(error.message)) {
      throw new Error(i18n.t('problems.extensionReloaded'), { cause: error });
    }
    throw error;
  }
}
