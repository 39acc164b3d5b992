import * as v from 'valibot';
import { browser, type Browser } from 'wxt/browser';
import { i18n } from '~/lib/i18n';

/**
 * A small typed request/response layer over `runtime.sendMessage` / `tabs.sendMessage`.
 *
 * Every request names a method of a protocol map; the receiving side validates the payload
 * against that method's schema and the sender against a rule before running the handler, and
 * always answers with an envelope, so a failure arrives as a clear error instead of `undefined`.
 */

/** A protocol: method name → [request payload, response value]. */
export type ProtocolMap = Record<string, { request: unknown; response: unknown }>;

/** Runtime schemas for every request payload of a protocol. */
export type RequestSchemas<P extends ProtocolMap> = {
  [K in keyof P]: v.GenericSchema<unknown, P[K]['request']>;
};

export type Handlers<P extends ProtocolMap> = {
  [K in keyof P]: (
    request: P[K]['request'],
    sender: Browser.runtime.MessageSender,
  ) => P[K]['response'] | Promise<P[K]['response']>;
};

interface Envelope {
  channel: typeof CHANNEL;
  method: string;
  data: unknown;
}

/** `code`: set when the handler's error carries one (e.g. `storage-full`), for the UI to act on. */
type Reply = { ok: true; value: unknown } | { ok: false; error: string; code?: string };

const CHANNEL = 'credit-lens/v1';

export class MessageError extends Error {
  override name = 'MessageError';
  constructor(
    message: string,
    /** The error reply's code, when the other side gave one. */
    readonly code?: string,
  ) {
    super(message);
  }
}

/** Sends a request to the background / extension pages. */
export async function sendToExtension<P extends ProtocolMap, K extends keyof P & string>(
  method: K,
  data: P[K]['request'],
  { replyWithinMs }: { replyWithinMs?: number } = {},
): Promise<P[K]['response']> {
  // `async` and the thunk: a send that throws synchronously (context invalidated) still rejects.
  const send = () => browser.runtime.sendMessage(envelope(method, data));
  return unwrap(replyWithinMs === undefined ? send : () => withDeadline(send(), replyWithinMs));
}

/**
 * No reply by the deadline counts as no answer. Chromium sometimes never settles a request whose
 * service worker it stopped mid-answer (seen in the stopped-worker e2e test): without a deadline
 * the sender would wait for ever.
 */
function withDeadline(reply: Promise<unknown>, ms: number): Promise<unknown> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  return Promise.race([reply, deadline]).finally(() => clearTimeout(timer));
}

/** Sends a request to the content script of a tab (its top frame). */
export async function sendToTab<P extends ProtocolMap, K extends keyof P & string>(
  tabId: number,
  method: K,
  data: P[K]['request'],
): Promise<P[K]['response']> {
  return unwrap(() => browser.tabs.sendMessage(tabId, envelope(method, data), { frameId: 0 }));
}

/**
 * Answers the protocol's requests. Requests from senders that `acceptSender` rejects, with unknown
 * methods, or with payloads that fail their schema are answered with an error and never reach a
 * handler. Messages that are not ours (other channels) are left for other listeners.
 */
export function handleMessages<P extends ProtocolMap>(
  schemas: RequestSchemas<P>,
  handlers: Handlers<P>,
  acceptSender: (sender: Browser.runtime.MessageSender) => boolean,
): () => void {
  // sendResponse + `return true` rather than returning a promise: the form every supported
  // Chromium and Firefox version understands.
  const listener = (
    message: unknown,
    sender: Browser.runtime.MessageSender,
    sendResponse: (reply: Reply) => void,
  ): boolean => {
    if (!isEnvelope(message)) return false;
    void answer(schemas, handlers, acceptSender, message, sender).then(sendResponse);
    return true;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

/** Exported for tests: the whole receive path without the browser's messaging. */
export async function answer<P extends ProtocolMap>(
  schemas: RequestSchemas<P>,
  handlers: Handlers<P>,
  acceptSender: (sender: Browser.runtime.MessageSender) => boolean,
  message: unknown,
  sender: Browser.runtime.MessageSender,
): Promise<Reply> {
  if (!isEnvelope(message)) return { ok: false, error: 'Not a Credit Lens message.' };
  if (!acceptSender(sender)) return { ok: false, error: 'Sender is not allowed.' };
  if (!Object.hasOwn(schemas, message.method)) {
    return { ok: false, error: `Unknown request "${String(message.method).slice(0, 60)}".` };
  }
  const method = message.method as keyof P;
  const parsed = v.safeParse(schemas[method], message.data);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const where = issue ? v.getDotPath(issue) : null;
    return {
      ok: false,
      error: `Invalid "${String(method)}" request${where ? ` at ${where}` : ''}: ${issue?.message ?? 'rejected'}`,
    };
  }
  try {
    return { ok: true, value: await handlers[method](parsed.output, sender) };
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    return {
      ok: false,
      error: error instanceof Error ? error.message : String(error),
      ...(typeof code === 'string' && { code }),
    };
  }
}

function envelope(method: string, data: unknown): Envelope {
  return { channel: CHANNEL, method, data };
}

function isEnvelope(message: unknown): message is Envelope {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as Partial<Envelope>).channel === CHANNEL &&
    typeof (message as Partial<Envelope>).method === 'string'
  );
}

async function unwrap<T>(send: () => Promise<unknown>): Promise<T> {
  let reply: unknown;
  try {
    reply = await send();
  } catch (error) {
    // "Receiving end does not exist", "Extension context invalidated", …
    throw new MessageError(error instanceof Error ? error.message : String(error));
  }
  if (typeof reply !== 'object' || reply === null || !('ok' in reply)) {
    // Also what Chromium gives when the service worker was stopped before it could answer.
    throw new MessageError(i18n.t('problems.noAnswer'), 'no-answer');
  }
  const r = reply as Reply;
  if (!r.ok) throw new MessageError(r.error, r.code);
  return r.value as T;
}
