import type { Page, WebWorker } from 'puppeteer-core';
import type { LaunchedBrowser } from './browsers';

/*
 * Chromium only: the extension's background service worker, reached over CDP, as the one
 * extension context a test can run code in without a page of its own. Tests use it to change
 * settings the way the extension's own pages do (`chrome.storage.local`, which WXT's storage
 * items wrap: `local:paused` is the key `paused`), to read the toolbar badge, and to send the
 * content script the requests the background sends it (the keyboard commands' `stepTerm`: a
 * browser shortcut cannot be pressed through automation, which types into the page).
 *
 * Firefox's WebDriver BiDi reaches no extension context (no background page, no moz-extension://
 * tab), so none of this exists there.
 */

/** The slice of the WebExtension API these helpers call inside the worker. */
interface WorkerChrome {
  chrome: {
    storage: {
      local: {
        set(items: Record<string, unknown>): Promise<void>;
        remove(keys: string[]): Promise<void>;
        clear(): Promise<void>;
      };
    };
    tabs: {
      query(query: object): Promise<{ id?: number }[]>;
      sendMessage(tabId: number, message: unknown, options: object): Promise<unknown>;
    };
    action: {
      getBadgeText(details: { tabId: number }): Promise<string>;
      getTitle(details: { tabId: number }): Promise<string>;
    };
  };
}

/**
 * The background service worker, once its extension APIs are there: right after the extension is
 * installed, the worker can be reached a moment before `chrome.storage` exists in it.
 */
export async function serviceWorker(launched: LaunchedBrowser): Promise<WebWorker> {
  const origin = launched.extensionOrigin;
  if (!origin) throw new Error('The extension is not installed.');
  const started = Date.now();
  for (;;) {
    const target = await launched.browser.waitForTarget(
      (candidate) => candidate.type() === 'service_worker' && candidate.url().startsWith(origin),
      { timeout: 10_000 },
    );
    const worker = await target.worker();
    const ready = await worker
      ?.evaluate(() => typeof (globalThis as Partial<WorkerChrome>).chrome?.storage === 'object')
      .catch(() => false);
    if (worker && ready) return worker;
    if (Date.now() - started > 10_000) {
      throw new Error('The service worker has no extension APIs after 10 s.');
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function tabIds(worker: WebWorker): Promise<number[]> {
  return worker.evaluate(async () => {
    const tabs = await (globalThis as unknown as WorkerChrome).chrome.tabs.query({});
    return tabs.flatMap((tab) => (tab.id === undefined ? [] : [tab.id]));
  });
}

/**
 * Opens a new tab and tells its id. The extension has no `tabs` permission, so tabs show no URL:
 * the new tab is the one id that was not there before.
 */
export async function openTab(
  launched: LaunchedBrowser,
  worker: WebWorker,
): Promise<{ page: Page; tabId: number }> {
  const known = new Set(await tabIds(worker));
  const page = await launched.browser.newPage();
  const fresh = (await tabIds(worker)).filter((id) => !known.has(id));
  if (fresh.length !== 1) throw new Error(`Expected one new tab, found ${fresh.length}`);
  return { page, tabId: fresh[0]! };
}

/** Stores settings as the popup and options page do. */
export async function setStorage(worker: WebWorker, items: Record<string, unknown>): Promise<void> {
  await worker.evaluate(
    (items) => (globalThis as unknown as WorkerChrome).chrome.storage.local.set(items),
    items,
  );
}

/** Back to the defaults: every setting and site rule removed. */
export async function clearStorage(worker: WebWorker): Promise<void> {
  await worker.evaluate(() => (globalThis as unknown as WorkerChrome).chrome.storage.local.clear());
}

export async function badge(
  worker: WebWorker,
  tabId: number,
): Promise<{ text: string; title: string }> {
  return worker.evaluate(async (tabId) => {
    const { action } = (globalThis as unknown as WorkerChrome).chrome;
    return {
      text: await action.getBadgeText({ tabId }),
      title: await action.getTitle({ tabId }),
    };
  }, tabId);
}

/** Sends the tab's content script a Credit Lens request, as the background does. */
export async function askContentScript(
  worker: WebWorker,
  tabId: number,
  method: string,
  data: unknown,
): Promise<unknown> {
  return worker.evaluate(
    (tabId, method, data) =>
      (globalThis as unknown as WorkerChrome).chrome.tabs.sendMessage(
        tabId,
        { channel: 'credit-lens/v1', method, data },
        { frameId: 0 },
      ),
    tabId,
    method,
    data,
  );
}
