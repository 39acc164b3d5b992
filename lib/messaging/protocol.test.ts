import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import type { Browser } from 'wxt/browser';
import { answer, type Handlers, type RequestSchemas } from './protocol';

type TestProtocol = {
  echo: { request: { text: string }; response: string };
  fail: { request: null; response: never };
};

const schemas: RequestSchemas<TestProtocol> = {
  echo: v.strictObject({ text: v.pipe(v.string(), v.maxLength(10)) }),
  fail: v.null(),
};
const handlers: Handlers<TestProtocol> = {
  echo: ({ text }) => text.toUpperCase(),
  fail: () => {
    throw new Error('database closed');
  },
};
const ours = { id: 'credit-lens' } as Browser.runtime.MessageSender;
const acceptOurs = (sender: Browser.runtime.MessageSender) => sender.id === 'credit-lens';
const envelope = (method: string, data: unknown) => ({ channel: 'credit-lens/v1', method, data });

describe('answer', () => {
  it('runs the handler for a valid request from an accepted sender', async () => {
    expect(
      await answer(schemas, handlers, acceptOurs, envelope('echo', { text: 'hi' }), ours),
    ).toEqual({
      ok: true,
      value: 'HI',
    });
  });

  it.each([
    [
      'a sender that is not this extension',
      envelope('echo', { text: 'hi' }),
      { id: 'other' },
      /Sender is not allowed/,
    ],
    ['an unknown method', envelope('dropTables', null), ours, /Unknown request "dropTables"/],
    ['an inherited property name as method', envelope('toString', null), ours, /Unknown request/],
    [
      'a payload of the wrong type',
      envelope('echo', { text: 42 }),
      ours,
      /Invalid "echo" request at text/,
    ],
    [
      'an oversize payload',
      envelope('echo', { text: 'x'.repeat(11) }),
      ours,
      /Invalid "echo" request at text/,
    ],
    ['extra fields', envelope('echo', { text: 'a', html: '<b>' }), ours, /Invalid "echo" request/],
    ['a missing payload', envelope('echo', undefined), ours, /Invalid "echo" request/],
    ['something that is not an envelope', { method: 'echo' }, ours, /Not a Credit Lens message/],
  ])('rejects %s with a clear error', async (_name, message, sender, error) => {
    const reply = await answer(
      schemas,
      handlers,
      acceptOurs,
      message,
      sender as Browser.runtime.MessageSender,
    );
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(error) });
  });

  it('turns a handler failure into an error reply', async () => {
    expect(await answer(schemas, handlers, acceptOurs, envelope('fail', null), ours)).toEqual({
      ok: false,
      error: 'database closed',
    });
  });
});
