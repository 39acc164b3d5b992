import { describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { badgeRequestSchemas } from '../badge/toolbar-badge';
import { customTermsRequestSchemas } from '../custom-terms/protocol';
import { glossaryPageRequestSchemas } from '../glossary/open-glossary';
import { contentRequestSchemas } from '../messages';
import { notesRequestSchemas } from '../notes/protocol';
import { answer, type Handlers, type ProtocolMap, type RequestSchemas } from './protocol';
import { isOwnSender } from './senders';

/*
 * Every request type the extension answers, checked one by one: a sender of the wrong kind and a
 * malformed payload are both refused, and the handler never runs. The sender rules are the ones
 * the entrypoints use: the background accepts this extension's pages and content scripts; a
 * content script accepts only this extension.
 */

const ID = 'credit-lens-id';
const ORIGIN = 'chrome-extension://credit-lens-id/';

const backgroundRule = (sender: Browser.runtime.MessageSender) => isOwnSender(sender, ID, ORIGIN);
const contentRule = (sender: Browser.runtime.MessageSender) => sender.id === ID;

const receivers: [string, RequestSchemas<ProtocolMap>, typeof backgroundRule][] = [
  [
    'background',
    {
      ...notesRequestSchemas,
      ...glossaryPageRequestSchemas,
      ...badgeRequestSchemas,
      ...customTermsRequestSchemas,
    } as RequestSchemas<ProtocolMap>,
    backgroundRule,
  ],
  ['content script', contentRequestSchemas as RequestSchemas<ProtocolMap>, contentRule],
];

/** Senders no receiver may accept. */
const wrongSenders: [string, Browser.runtime.MessageSender][] = [
  ['another extension', { id: 'someone-else', url: 'chrome-extension://someone-else/x.html' }],
  ['another extension in a tab', { id: 'someone-else', tab: { id: 3 } as Browser.tabs.Tab }],
  ['no id at all', { url: 'https://example.org/' }],
];

/** Payloads no request type accepts: wrong types, prototype tricks, oversized and stray keys. */
const badPayloads: [string, unknown][] = [
  ['a number', 42],
  ['a string', '<img src=x onerror=alert(1)>'],
  ['an array', [1, 2, 3]],
  ['a prototype-polluting object', JSON.parse('{"__proto__": {"polluted": true}, "x": 1}')],
  ['an object with only an unknown key', { unexpected: true }],
];

const envelope = (method: string, data: unknown) => ({ channel: 'credit-lens/v1', method, data });

describe.each(receivers)('requests the %s answers', (_name, schemas, rule) => {
  const methods = Object.keys(schemas);

  it('has request types to check', () => {
    expect(methods.length).toBeGreaterThan(0);
  });

  describe.each(methods)('%s', (method) => {
    const handler = vi.fn(() => 'ran');
    const handlers = { [method]: handler } as unknown as Handlers<ProtocolMap>;

    it.each(wrongSenders)('refuses %s, without running the handler', async (_kind, sender) => {
      const reply = await answer(schemas, handlers, rule, envelope(method, null), sender);
      expect(reply).toEqual({ ok: false, error: 'Sender is not allowed.' });
      expect(handler).not.toHaveBeenCalled();
    });

    it.each(badPayloads)('refuses %s as its payload', async (_kind, payload) => {
      const ownPage = { id: ID, url: `${ORIGIN}popup.html` };
      const reply = await answer(schemas, handlers, rule, envelope(method, payload), ownPage);
      expect(reply.ok).toBe(false);
      expect(reply).toMatchObject({ error: expect.stringMatching(/^Invalid "/) });
      expect(handler).not.toHaveBeenCalled();
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  });
});
