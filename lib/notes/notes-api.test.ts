import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { i18n } from '../i18n';
import { MessageError } from '../messaging/protocol';
import { newNoteId, type NewNote } from './note';
import { messagingNotesApi, REPLY_DEADLINE_MS, RESEND_WAITS_MS } from './notes-api';

/*
 * The popover's side of a stopped service worker (issue 7, item 9): Chromium answers a request
 * the worker could not finish with an error, never with the note. Idempotent requests are sent
 * again; what still fails says so in a sentence, and a storage failure keeps its code.
 */

const channelClosed =
  'A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received';
const noReceiver = 'Could not establish connection. Receiving end does not exist.';

const note = (): NewNote => ({
  id: newNoteId(),
  url: 'https://example.org/a',
  title: 'An article',
  quote: null,
  body: 'A note',
});

let send: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  vi.useFakeTimers();
  send = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** Lets the request's waits pass. */
async function settle<T>(promise: Promise<T>): Promise<PromiseSettledResult<T>> {
  const result = Promise.allSettled([promise]);
  await vi.advanceTimersByTimeAsync(RESEND_WAITS_MS.reduce((a, b) => a + b, 0) + 100);
  return (await result)[0]!;
}

describe('messagingNotesApi when the background does not answer', () => {
  it('sends a save again, the same note, and resolves with the saved note', async () => {
    const draft = note();
    send
      .mockRejectedValueOnce(new Error(channelClosed))
      .mockRejectedValueOnce(new Error(noReceiver))
      // No reply at all: the worker was stopped before its listener could answer.
      .mockResolvedValueOnce(undefined)
      .mockResolvedValueOnce({ ok: true, value: { ...draft, urlKey: draft.url } });
    const result = await settle(messagingNotesApi.save(draft));
    expect(result).toMatchObject({ status: 'fulfilled', value: { id: draft.id } });
    expect(send).toHaveBeenCalledTimes(4);
    const sent = send.mock.calls.map((call: unknown[]) => JSON.stringify(call[0]));
    expect(new Set(sent).size).toBe(1);
  });

  it('stops waiting for a reply that never comes, and sends the save again', async () => {
    const draft = note();
    send
      // Chromium can leave a request to a worker it stopped mid-answer unsettled for ever.
      .mockReturnValueOnce(new Promise(() => {}))
      .mockResolvedValueOnce({ ok: true, value: { ...draft, urlKey: draft.url } });
    const result = Promise.allSettled([messagingNotesApi.save(draft)]);
    await vi.advanceTimersByTimeAsync(REPLY_DEADLINE_MS - 1);
    expect(send).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1 + RESEND_WAITS_MS[0]!);
    expect((await result)[0]).toMatchObject({ status: 'fulfilled', value: { id: draft.id } });
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('says so when a request that is not sent again gets no reply in time', async () => {
    send.mockReturnValue(new Promise(() => {}));
    const result = Promise.allSettled([messagingNotesApi.delete(newNoteId())]);
    await vi.advanceTimersByTimeAsync(REPLY_DEADLINE_MS);
    expect((await result)[0]).toMatchObject({
      status: 'rejected',
      reason: { message: i18n.t('problems.backgroundStopped') },
    });
  });

  it('gives up after the last resend with a sentence that says to try again', async () => {
    send.mockRejectedValue(new Error(channelClosed));
    const result = await settle(messagingNotesApi.save(note()));
    expect(result).toMatchObject({
      status: 'rejected',
      reason: { message: i18n.t('problems.backgroundStopped') },
    });
    expect(send).toHaveBeenCalledTimes(RESEND_WAITS_MS.length + 1);
  });

  it('never sends a delete twice (a second one would have nothing to return for Undo)', async () => {
    send.mockRejectedValue(new Error(channelClosed));
    const result = await settle(messagingNotesApi.delete(newNoteId()));
    expect(result.status).toBe('rejected');
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('passes a storage failure on at once, with its code', async () => {
    send.mockResolvedValue({ ok: false, error: 'No space', code: 'storage-full' });
    const result = await settle(messagingNotesApi.save(note()));
    expect(result).toMatchObject({ status: 'rejected', reason: { code: 'storage-full' } });
    expect((result as PromiseRejectedResult).reason).toBeInstanceOf(MessageError);
    expect(send).toHaveBeenCalledTimes(1);
  });
});
