import { appendFileSync, mkdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { Browser, CDPSession, Target } from 'puppeteer-core';
import { artifactsDir } from './paths';

/*
 * Issue 7, item 15: the extension makes no network request, in any e2e test. Every browser the
 * harness launches watches what the extension asks the network for; closing a browser whose
 * extension made a request fails the test file, listing the requests.
 *
 * Chromium: every target gets a CDP session with the Network domain on. In an extension context
 * (service worker, popup, options, glossary page) every request whose URL is not the extension's
 * own, `data:` or `blob:` counts. In a web page, a request counts when its initiator (the URL or
 * any frame of the script stack) is in the extension: that is our content script.
 *
 * Firefox: WebDriver BiDi reaches no extension context, so the background cannot be watched from
 * inside. Instead every request for a non-loopback host goes through the harness's dead-end proxy,
 * which reads the request's head before dropping it. A plain-HTTP request says who made it:
 * Firefox sends `Origin: moz-extension://…` with the extension's requests (the self-test checks
 * this) and a page's URL as `Referer` or `Origin` with a page's. Those from the extension count.
 * An HTTPS request shows only `CONNECT host:443`; one for a host no page asked for (BiDi reports
 * the pages' requests) and not one of Firefox's own services is *unattributed*: written in the
 * summary but not failing the run, because saved pages also open connections BiDi does not report
 * (preconnects, frames). Requests for loopback addresses are never proxied in Firefox, and a
 * content script's request from a page may well carry the page's Referer, so those (and HTTPS)
 * are covered by the Chromium runs and the bundle scan (e2e/manifest-policy.e2e.ts).
 */

/** Schemes that never leave the browser. */
const localSchemes = ['chrome-extension:', 'moz-extension:', 'data:', 'blob:', 'about:', 'chrome:'];

/** Hosts Firefox itself contacts, whatever the profile says (never an extension). */
const firefoxOwnHosts = [
  /(^|\.)mozilla\.(com|net|org)$/,
  /(^|\.)firefox\.com$/,
  /(^|\.)mozaws\.net$/,
  /(^|\.)services\.mozilla\.com$/,
  /^dummy\.test$/,
];

/** One row of `e2e/artifacts/network-summary.jsonl` per browser session. */
export interface NetworkSessionSummary {
  browser: string;
  /** The test file (or script) that launched the browser. */
  file: string;
  /** Web pages and extension pages the session opened. */
  pages: number;
  /** Extension contexts watched (Chromium: service worker and extension pages). */
  extensionContexts: number;
  /** Requests the proxy saw (Firefox: all non-loopback traffic). */
  proxied: number;
  /** Firefox: proxied HTTPS connections that neither a page nor Firefox itself explains. */
  unattributed: number;
  extensionRequests: number;
}

/** Where each session's row goes: the e2e run's own file (see network-report.ts), or this one. */
export const networkSummaryFile = path.join(artifactsDir, 'network-summary.jsonl');

export interface NetworkWatch {
  /** Requests made by the extension so far, one line each (`<context>: <url>`). */
  extensionRequests(): string[];
  /** Forgets the requests seen so far (the counter's own self-test makes one on purpose). */
  forget(): void;
  /** Stops watching and writes the session's row to the summary file. */
  finish(): NetworkSessionSummary;
}

export interface ProxiedRequest {
  /** `host:port` (the CONNECT target, or the absolute URL's host). */
  host: string;
  /** The request line, e.g. `GET http://host/path`. */
  line: string;
  /** Who asked, from the `Origin` or else `Referer` header (plain HTTP only). */
  from: string | undefined;
}

/** The dead-end proxy (see browsers.ts), which also writes down what it was asked for. */
export interface RecordingProxy {
  port: number;
  /** Every request so far, in order. */
  requests(): ProxiedRequest[];
  close(): Promise<void>;
}

/**
 * A proxy that drops every connection after reading its first line, for all traffic except
 * loopback.
 *
 * Saved corpus pages refer to trackers, ads and fonts on the web. Those requests must fail at
 * once rather than load (and change the page) on a machine that happens to be online, so runs are
 * offline and repeatable. Our own listener rather than a port assumed to be closed: nothing else
 * can answer on it, and browsers refuse some well-known ports (such as 9) in their own way.
 */
export async function startRecordingProxy(): Promise<RecordingProxy> {
  const seen: ProxiedRequest[] = [];
  const server = net.createServer((socket) => {
    socket.setTimeout(5_000, () => socket.destroy());
    socket.once('data', (chunk: Buffer) => {
      // "CONNECT host:443 HTTP/1.1" or "GET http://host/path HTTP/1.1", then headers.
      const [line = '', ...headers] = chunk.toString('latin1').split('\r\n');
      const [method = '', target = ''] = line.split(' ');
      const header = (name: string) =>
        headers
          .find((h) => h.toLowerCase().startsWith(`${name}:`))
          ?.slice(name.length + 1)
          .trim();
      seen.push({
        host: hostOf(target),
        line: `${method} ${target}`,
        from: header('origin') ?? header('referer'),
      });
      socket.destroy();
    });
    socket.on('error', () => socket.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    port: (server.address() as net.AddressInfo).port,
    requests: () => [...seen],
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** `host:port` of an absolute URL or a CONNECT target. */
function hostOf(target: string): string {
  try {
    const url = new URL(target);
    const port = url.port || (url.protocol === 'https:' || url.protocol === 'wss:' ? '443' : '80');
    return `${url.hostname}:${port}`;
  } catch {
    return target;
  }
}

function isLocal(url: string): boolean {
  return localSchemes.some((scheme) => url.startsWith(scheme));
}

/** The test file that launched the browser, for the summary (vitest runs one file per worker). */
function currentTestFile(): string {
  const state = (globalThis as { __vitest_worker__?: { filepath?: string } }).__vitest_worker__;
  return state?.filepath ? path.basename(state.filepath) : path.basename(process.argv[1] ?? '');
}

interface Counts {
  pages: Set<string>;
  extensionContexts: Set<string>;
  requests: string[];
}

function newCounts(): Counts {
  return { pages: new Set(), extensionContexts: new Set(), requests: [] };
}

/**
 * Counts the pages a browser opens (a page is one tab at one URL; tabs are told apart by the order
 * they appeared in) and the extension contexts. Pages navigate after their target is created, so
 * each URL a tab goes to counts.
 */
function countPages(browser: Browser, counts: Counts): () => void {
  const tabNumbers = new WeakMap<Target, number>();
  let targetsSeen = 0;
  const record = (target: Target) => {
    const url = target.url();
    if (!tabNumbers.has(target)) tabNumbers.set(target, ++targetsSeen);
    const key = `${tabNumbers.get(target)} ${url}`;
    if (/^(chrome|moz)-extension:/.test(url)) counts.extensionContexts.add(key);
    else if (target.type() === 'page' && /^https?:/.test(url)) counts.pages.add(key);
  };
  browser.on('targetcreated', record);
  browser.on('targetchanged', record);
  for (const target of browser.targets()) record(target);
  return () => {
    browser.off('targetcreated', record);
    browser.off('targetchanged', record);
  };
}

function summarise(
  browser: string,
  counts: Counts,
  proxied = 0,
  unattributed = 0,
): NetworkSessionSummary {
  const summary: NetworkSessionSummary = {
    browser,
    file: currentTestFile(),
    pages: counts.pages.size,
    extensionContexts: counts.extensionContexts.size,
    proxied,
    unattributed,
    extensionRequests: counts.requests.length,
  };
  mkdirSync(artifactsDir, { recursive: true });
  const file = process.env.CREDIT_LENS_NETWORK_SUMMARY ?? networkSummaryFile;
  appendFileSync(file, `${JSON.stringify(summary)}\n`);
  return summary;
}

/** The CDP initiator of a request, as far as this module reads it. */
interface Initiator {
  url?: string;
  stack?: StackTrace;
}
interface StackTrace {
  callFrames: { url: string }[];
  parent?: StackTrace;
}

function initiatorUrls(initiator: Initiator | undefined): string[] {
  const urls = initiator?.url ? [initiator.url] : [];
  for (let stack = initiator?.stack; stack; stack = stack.parent) {
    urls.push(...stack.callFrames.map((frame) => frame.url));
  }
  return urls;
}

/**
 * Chromium: a CDP session per target, Network on, each request judged as described above.
 * `serviceWorker: false` leaves the extension's service worker unwatched: with DevTools attached
 * to it, Chromium stops it differently (a request in flight when it is stopped is then often
 * never answered), which the stopped-worker test must not be measuring.
 */
export function watchChromiumNetwork(
  browser: Browser,
  { serviceWorker = true }: { serviceWorker?: boolean } = {},
): NetworkWatch {
  let counts = newCounts();
  const sessions: CDPSession[] = [];
  const attach = async (target: Target) => {
    if (target.type() === 'browser') return;
    if (!serviceWorker && target.type() === 'service_worker') return;
    // A worker is watched through puppeteer's own session: a second session on a service worker
    // that is starting closes the one puppeteer (and `serviceWorker()` in the tests) uses.
    const session =
      target.type() === 'service_worker' || target.type() === 'shared_worker'
        ? (await target.worker().catch(() => null))?.client
        : await target.createCDPSession().catch(() => undefined);
    if (!session) return;
    if (target.type() === 'page' || target.type() === 'other') sessions.push(session);
    session.on(
      'Network.requestWillBeSent',
      (event: { documentURL?: string; request: { url: string }; initiator?: Initiator }) => {
        const url = event.request.url;
        if (isLocal(url)) return;
        const context = event.documentURL || target.url();
        const fromExtension =
          context.startsWith('chrome-extension://') ||
          initiatorUrls(event.initiator).some((u) => u.startsWith('chrome-extension://'));
        if (fromExtension) counts.requests.push(`${context}: ${url}`);
      },
    );
    await session.send('Network.enable').catch(() => undefined);
  };
  const stopCounting = countPages(browser, counts);
  const onTarget = (target: Target) => void attach(target);
  browser.on('targetcreated', onTarget);
  for (const target of browser.targets()) onTarget(target);
  return {
    extensionRequests: () => [...counts.requests],
    forget: () => {
      counts.requests = [];
    },
    finish: () => {
      browser.off('targetcreated', onTarget);
      stopCounting();
      for (const session of sessions) void session.detach().catch(() => undefined);
      const summary = summarise('chromium', counts);
      counts = newCounts();
      return summary;
    },
  };
}

/** Firefox: proxied requests sent by the extension, or explained by nothing (see the top). */
export function watchFirefoxNetwork(browser: Browser, proxy: RecordingProxy): NetworkWatch {
  const counts = newCounts();
  const pageHosts = new Set<string>();
  let forgotten = 0;
  const watchPage = async (target: Target) => {
    if (target.type() !== 'page') return;
    const page = await target.page().catch(() => null);
    page?.on('request', (request) => pageHosts.add(hostOf(request.url())));
  };
  const onTarget = (target: Target) => void watchPage(target);
  browser.on('targetcreated', onTarget);
  for (const target of browser.targets()) onTarget(target);
  const stopCounting = countPages(browser, counts);
  const since = () => proxy.requests().slice(forgotten);
  // Each once: Firefox tries a dropped connection again, many times over.
  const unique = (lines: string[]) => [...new Set(lines)];
  const fromExtension = () =>
    unique(
      since()
        .filter((request) => request.from?.startsWith('moz-extension://'))
        .map((request) => `${request.from}: ${request.line}`),
    );
  const unattributed = () =>
    unique(
      since()
        .filter((request) => request.from === undefined && !pageHosts.has(request.host))
        .filter((request) => !firefoxOwnHosts.some((own) => own.test(request.host.split(':')[0]!)))
        .map((request) => request.host),
    );
  return {
    extensionRequests: fromExtension,
    forget: () => {
      forgotten = proxy.requests().length;
    },
    finish: () => {
      browser.off('targetcreated', onTarget);
      stopCounting();
      counts.requests = fromExtension();
      return summarise('firefox', counts, proxy.requests().length, unattributed().length);
    },
  };
}
