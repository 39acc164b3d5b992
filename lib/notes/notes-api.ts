import { browser } from 'wxt/browser';
import { i18n } from '~/lib/i18n';
import { MessageError, sendToExtension } from '../messaging/protocol';
import type { NewNote, Note, NoteEdit } from './note';
import type { NoteStore } from './note-store';
import { withReadableErrors, type NotesProtocol } from './protocol';

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

/**
 * For extension pages, which share the database's origin. Storage failures (a full disk…) become
 * the same sentences, and codes, the background sends the popover.
 */
export function storeNotesApi(store: NoteStore): NotesApi {
  return {
    save: (note) => withReadableErrors(() => store.save(note)),
    edit: (edit) => withReadableErrors(() => store.edit(edit)),
    delete: async (id) => (await withReadableErrors(() => store.delete(id))) ?? null,
    restore: (note) => withReadableErrors(() => store.restore(note)),
    forTerm: (termId) => withReadableErrors(() => store.forTerm(termId)),
  };
}

/**
 * Requests that may be sent again when no answer came: the note's id is made by the client, so a
 * second save, edit or restore writes the same note, never a second one. A delete is not sent
 * again: its second try would find nothing and so return nothing for "Undo".
 */
const RESENDABLE: ReadonlySet<keyof NotesProtocol> = new Set([
  'saveNote',
  'editNote',
  'restoreNote',
  'notesForTerm',
]);

/** Waits before each resend: the stopped service worker is being started again meanwhile. */
export const RESEND_WAITS_MS = [100, 400, 1_500];

/**
 * How long one attempt waits for its reply. A note request takes milliseconds and a cold service
 * worker starts in about a second even on a busy machine; after this, the attempt counts as
 * unanswered (and a repeatable request is sent again).
 */
export const REPLY_DEADLINE_MS = 8_000;

/**
 * What Chromium says when the background (an MV3 service worker, which the browser stops when it
 * likes) went away before answering, or was being stopped when the request came.
 */
const NO_ANSWER = /message channel closed|message port closed|Receiving end does not exist/i;

async function request<K extends keyof NotesProtocol & string>(
  method: K,
  data: NotesProtocol[K]['request'],
): Promise<NotesProtocol[K]['response']> {
  const start = performance.now();
  const waits = RESENDABLE.has(method) ? RESEND_WAITS_MS : [];
  for (let attempt = 0; ; attempt++) {
    try {
      const result = await sendToExtension<NotesProtocol, K>(method, data, {
        replyWithinMs: REPLY_DEADLINE_MS,
      });
      // The round trip as the reader feels it (benchmarks read these: `credit-lens:notes:saveNote`).
      performance.measure(`credit-lens:notes:${method}`, { start, end: performance.now() });
      return result;
    } catch (error) {
      if (!(error instanceof MessageError)) throw error;
      // The extension was reloaded or updated: this page's copy can reach it no more.
      if (!browser.runtime?.id || /context invalidated/i.test(error.message)) {
        throw new Error(i18n.t('problems.extensionReloaded'), { cause: error });
      }
      if (error.code !== 'no-answer' && !NO_ANSWER.test(error.message)) throw error;
      const wait = waits[attempt];
      if (wait === undefined)
        throw new Error(i18n.t('problems.backgroundStopped'), { cause: error });
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}
