import * as v from 'valibot';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { answer } from '../messaging/protocol';
import { PageStatusSchema, badgeFor, type PageStatus } from './page-status';
import { StatusReporter } from './status-reporter';
import {
  badgeHandlers,
  badgeRequestSchemas,
  clearBadgesOnNavigation,
  toolbarAction,
  type ToolbarAction,
} from './toolbar-badge';

describe('badgeFor', () => {
  it.each<[PageStatus, string, RegExp]>([
    [{ state: 'marking', count: 30 }, '30', /30 terms marked on this page/],
    [{ state: 'marking', count: 1 }, '1', /1 term marked on this page/],
    [{ state: 'marking', count: 1_234 }, '999+', /1,234 terms/],
    [{ state: 'marking', count: 0 }, '', /no glossary terms on this page/],
    [{ state: 'site-off' }, 'off', /marking is off on this site/],
    [{ state: 'paused' }, '||', /paused on every site/],
    [{ state: 'unreadable' }, '', /cannot read this page/],
  ])('shows %o as %j, explained in the tooltip', (status, text, title) => {
    const badge = badgeFor(status);
    expect(badge.text).toBe(text);
    expect(badge.text.length).toBeLessThanOrEqual(4);
    expect(badge.title).toMatch(title);
  });

  it.each([
    { state: 'marking', count: -1 },
    { state: 'marking', count: 2.5 },
    { state: 'marking' },
    { state: 'paused', count: 3 },
    { state: 'sleeping' },
    null,
  ])('refuses the report %j', (report) => {
    expect(v.safeParse(PageStatusSchema, report).success).toBe(false);
  });
});

describe('StatusReporter', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sends the first report at once, then at most one a second, the newest', async () => {
    const sent: PageStatus[] = [];
    const reporter = new StatusReporter(
      async (status) => sent.push(status),
      1_000,
      () => Date.now(),
    );
    reporter.report({ state: 'marking', count: 3 });
    expect(sent).toEqual([{ state: 'marking', count: 3 }]);
    for (let count = 4; count < 40; count++) {
      reporter.report({ state: 'marking', count });
      vi.advanceTimersByTime(20);
    }
    // 36 reports over 720 ms: none sent yet, the newest one waits for the second to end.
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(300);
    expect(sent).toEqual([
      { state: 'marking', count: 3 },
      { state: 'marking', count: 39 },
    ]);
    vi.advanceTimersByTime(5_000);
    expect(sent).toHaveLength(2);
  });

  it('sends nothing after it is stopped, and survives a failed send', async () => {
    const send = vi.fn(async () => {
      throw new Error('Extension context invalidated.');
    });
    const reporter = new StatusReporter(send, 1_000, () => Date.now());
    reporter.report({ state: 'paused' });
    reporter.report({ state: 'site-off' });
    reporter.stop();
    vi.advanceTimersByTime(2_000);
    expect(send).toHaveBeenCalledTimes(1);
  });
});

describe('the toolbar badge, in the background', () => {
  function fakeAction() {
    const calls: Record<string, unknown[]> = {};
    const record =
      (name: string) =>
      (details: unknown): Promise<void> => {
        (calls[name] ??= []).push(details);
        return Promise.resolve();
      };
    const action: ToolbarAction = {
      setBadgeText: record('text'),
      setBadgeBackgroundColor: record('color'),
      setBadgeTextColor: record('textColor'),
      setTitle: record('title'),
    };
    return { action, calls };
  }
  const fromTab = (id: number, frameId = 0) =>
    ({ id: 'ext', tab: { id } as Browser.tabs.Tab, frameId }) as Browser.runtime.MessageSender;
  const envelope = (data: unknown) => ({ channel: 'credit-lens/v1', method: 'pageStatus', data });

  beforeEach(() => fakeBrowser.reset());

  it("sets the reporting tab's badge, text, colour and tooltip", async () => {
    const { action, calls } = fakeAction();
    const reply = await answer(
      badgeRequestSchemas,
      badgeHandlers(action),
      () => true,
      envelope({ state: 'marking', count: 12 }),
      fromTab(7),
    );
    expect(reply).toEqual({ ok: true, value: null });
    expect(calls.text).toEqual([{ tabId: 7, text: '12' }]);
    expect(calls.title).toEqual([{ tabId: 7, title: 'Credit Lens: 12 terms marked on this page' }]);
    expect(calls.textColor).toEqual([{ tabId: 7, color: '#ffffff' }]);
    expect(calls.color).toHaveLength(1);
  });

  it('refuses reports that are malformed or not from a top frame', async () => {
    const { action, calls } = fakeAction();
    const handlers = badgeHandlers(action);
    const bad = await answer(
      badgeRequestSchemas,
      handlers,
      () => true,
      envelope({ state: 'marking', count: '12' }),
      fromTab(7),
    );
    expect(bad.ok).toBe(false);
    const frame = await answer(
      badgeRequestSchemas,
      handlers,
      () => true,
      envelope({ state: 'paused' }),
      fromTab(7, 3),
    );
    expect(frame).toEqual({ ok: false, error: 'Only a tab’s page can report its status.' });
    expect(calls.text).toBeUndefined();
  });

  it('clears a tab’s badge when it starts loading another page', async () => {
    const { action, calls } = fakeAction();
    clearBadgesOnNavigation(action);
    const tab = await fakeBrowser.tabs.create({ url: 'https://example.org/' });
    calls.text = [];
    await fakeBrowser.tabs.update(tab.id!, { url: 'https://example.org/next' });
    await fakeBrowser.tabs.onUpdated.trigger(tab.id!, { status: 'loading' }, tab);
    await fakeBrowser.tabs.onUpdated.trigger(tab.id!, { status: 'complete' }, tab);
    expect(calls.text).toContainEqual({ tabId: tab.id, text: '' });
    expect(calls.text!.every((details) => (details as { text: string }).text === '')).toBe(true);
    expect(calls.title).toContainEqual({ tabId: tab.id, title: 'Credit Lens' });
  });
});

describe('toolbarAction', () => {
  const api = fakeBrowser as unknown as Record<string, unknown>;
  const saved = { action: api.action, browserAction: api.browserAction };
  afterEach(() => {
    Object.assign(api, saved);
  });

  it('is `action` in an MV3 build and `browserAction` in the Firefox MV2 build', () => {
    const action = { name: 'action' };
    const browserAction = { name: 'browserAction' };
    Object.assign(api, { action, browserAction });
    expect(toolbarAction()).toBe(action);
    Object.assign(api, { action: undefined });
    expect(toolbarAction()).toBe(browserAction);
  });
});
