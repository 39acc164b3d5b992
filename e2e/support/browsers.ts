import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser, type LaunchOptions, type Page } from 'puppeteer-core';
import {
  startRecordingProxy,
  watchChromiumNetwork,
  watchFirefoxNetwork,
  type NetworkWatch,
} from './network-watch';
import { repoRoot } from './paths';

export type BrowserName = 'chromium' | 'firefox';

const allBrowsers: readonly BrowserName[] = ['chromium', 'firefox'];

/**
 * The browsers the tests run in: both by default; `E2E_BROWSERS=firefox` (comma-separated) picks
 * some, which is handy while working on one browser's behaviour.
 */
export function browsersUnderTest(): BrowserName[] {
  const wanted = process.env.E2E_BROWSERS?.split(',').map((name) => name.trim());
  if (!wanted) return [...allBrowsers];
  const unknown = wanted.filter((name) => !allBrowsers.includes(name as BrowserName));
  if (unknown.length > 0) {
    throw new Error(
      `E2E_BROWSERS: unknown browser(s) ${unknown.join(', ')}; use chromium, firefox`,
    );
  }
  return wanted as BrowserName[];
}

/** The system browsers (Debian packages); override with CHROMIUM_PATH / FIREFOX_PATH. */
export function executablePath(name: BrowserName): string {
  const file =
    name === 'chromium'
      ? (process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')
      : (process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr');
  if (!existsSync(file)) {
    const pkg = name === 'chromium' ? 'chromium' : 'firefox-esr';
    const env = name === 'chromium' ? 'CHROMIUM_PATH' : 'FIREFOX_PATH';
    throw new Error(
      `${name} not found at ${file}. Install it (apt-get install ${pkg}) or set ${env} to its binary.`,
    );
  }
  return file;
}

/** The unpacked build for the browser: Chrome takes MV3, Firefox the MV2 build WXT makes for it. */
export function extensionDir(name: BrowserName): string {
  const target = name === 'chromium' ? 'chrome-mv3' : 'firefox-mv2';
  const dir = path.join(repoRoot, '.output', target);
  if (!existsSync(path.join(dir, 'manifest.json'))) {
    const build = name === 'chromium' ? 'npm run build:chrome' : 'npm run build:firefox';
    throw new Error(`No extension build at ${dir}. Build it first: ${build} (or npm run build).`);
  }
  return dir;
}

export interface LaunchBrowserOptions {
  /** Install the built extension (default). Without it the browser shows the page untouched. */
  extension?: boolean;
  /** Default true; `scripts/start.ts` opens a visible window when there is a display. */
  headless?: boolean;
  /**
   * Let pages run their own JavaScript (default). Off, a page's DOM is exactly what the parser
   * built, so two loads compare equal; content scripts still run in both browsers.
   */
  pageScripts?: boolean;
  /**
   * A profile folder to keep (and reuse on the next launch), for tests of what survives a browser
   * restart. Without it puppeteer makes a fresh temporary profile and deletes it on close.
   */
  userDataDir?: string;
  /**
   * The browser's UI language (e.g. `zh-CN`), which picks the extension's messages. Chromium:
   * `--lang` (honoured headless too). Firefox: `intl.locale.requested`, which takes effect only
   * with that language's langpack installed (Debian: `firefox-esr-l10n-zh-cn`).
   */
  locale?: string;
  /**
   * Firefox only: start its remote debugging server on this port, so a test can reach the
   * extension's background page (`FirefoxBackground.attach`, e2e/support/firefox-background.ts).
   */
  firefoxDebuggerPort?: number;
  /**
   * Chromium: count the service worker's requests too (default). Off only where a test stops the
   * worker, which a DevTools session on it changes (see `watchChromiumNetwork`).
   */
  watchServiceWorker?: boolean;
}

export interface LaunchedBrowser {
  readonly name: BrowserName;
  readonly browser: Browser;
  /** The extension's id (Chrome: derived from its path; Firefox: the gecko id), once installed. */
  readonly extensionId: string | undefined;
  /** Where the extension's pages live: `chrome-extension://<id>` or `moz-extension://<uuid>`. */
  readonly extensionOrigin: string | undefined;
  /**
   * Installs the built extension (launchBrowser does this unless told not to). Chrome injects the
   * content script only into pages loaded after this; Firefox also into pages already open.
   */
  installExtension(): Promise<string>;
  /** A new tab, with page scripts off if the browser was launched so. */
  newPage(): Promise<Page>;
  /** What the extension has asked the network for (see network-watch.ts): nothing, we expect. */
  readonly network: Pick<NetworkWatch, 'extensionRequests' | 'forget'>;
  /** Closes the browser; throws, listing them, if the extension made any network request. */
  close(): Promise<void>;
}

/** Tests and screenshots share one window size so layouts (and the README picture) are stable. */
export const viewport = { width: 1280, height: 800 } as const;

/**
 * Starts a browser with a fresh temporary profile (puppeteer creates one per launch and deletes
 * it on close), so no state leaks between runs: no stored settings, no cached pages.
 */
export async function launchBrowser(
  name: BrowserName,
  {
    extension = true,
    headless = true,
    pageScripts = true,
    userDataDir,
    locale,
    firefoxDebuggerPort,
    watchServiceWorker = true,
  }: LaunchBrowserOptions = {},
): Promise<LaunchedBrowser> {
  // Resolve the build before launching, so a missing build fails fast with its own message.
  const extensionPath = extension ? extensionDir(name) : undefined;
  const executable = executablePath(name);
  // Firefox gives each add-on a random internal UUID for its moz-extension:// origin; fixing it
  // up front (the pref Firefox keeps them in) lets tests open its pages and recognise its errors.
  // A kept profile keeps its UUID across launches, or its moz-extension:// origin (and with it
  // the extension's IndexedDB) would change at every restart.
  const firefoxUuid = userDataDir ? uuidFrom(userDataDir) : randomUUID();

  const proxy = await startRecordingProxy();
  let browser: Browser;
  try {
    const common = {
      executablePath: executable,
      headless,
      defaultViewport: headless ? viewport : null,
      userDataDir,
    } satisfies LaunchOptions;
    browser =
      name === 'chromium'
        ? await puppeteer.launch({
            ...common,
            browser: 'chrome',
            // Loading unpacked extensions over CDP needs the pipe transport, not a WebSocket.
            pipe: true,
            enableExtensions: true,
            args: [
              '--no-sandbox',
              '--disable-gpu',
              '--disable-background-networking',
              '--disable-component-update',
              '--disable-sync',
              '--no-first-run',
              '--hide-scrollbars',
              // Offline and repeatable; see `startRecordingProxy`. Loopback is never proxied.
              `--proxy-server=127.0.0.1:${proxy.port}`,
              ...(locale ? [`--lang=${locale}`, `--accept-lang=${locale}`] : []),
            ],
          })
        : await puppeteer.launch({
            ...common,
            browser: 'firefox',
            protocol: 'webDriverBiDi',
            ...(firefoxDebuggerPort !== undefined && {
              args: ['--start-debugger-server', String(firefoxDebuggerPort)],
            }),
            extraPrefsFirefox: {
              ...(firefoxDebuggerPort !== undefined && {
                'devtools.debugger.remote-enabled': true,
                'devtools.chrome.enabled': true,
                'devtools.debugger.prompt-connection': false,
              }),
              // Offline and repeatable; see `startRecordingProxy`. Firefox never proxies localhost.
              'network.proxy.type': 1,
              'network.proxy.http': '127.0.0.1',
              'network.proxy.http_port': proxy.port,
              'network.proxy.ssl': '127.0.0.1',
              'network.proxy.ssl_port': proxy.port,
              'extensions.webextensions.uuids': JSON.stringify({ [geckoId()]: firefoxUuid }),
              // Firefox's BiDi cannot switch scripts off per page; this pref spares content scripts.
              ...(pageScripts ? {} : { 'javascript.enabled': false }),
              ...(locale && {
                'intl.locale.requested': locale,
                'intl.accept_languages': locale,
              }),
            },
          });
  } catch (error) {
    await proxy.close();
    throw error;
  }

  // Watching starts before the extension is installed, so its first context is seen too.
  const network =
    name === 'chromium'
      ? watchChromiumNetwork(browser, { serviceWorker: watchServiceWorker })
      : watchFirefoxNetwork(browser, proxy);
  let extensionId: string | undefined;
  const launched: LaunchedBrowser = {
    name,
    browser,
    get extensionId() {
      return extensionId;
    },
    get extensionOrigin() {
      if (extensionId === undefined) return undefined;
      return name === 'chromium'
        ? `chrome-extension://${extensionId}`
        : `moz-extension://${firefoxUuid}`;
    },
    // Installed after launch in both browsers: one code path (in Firefox, a temporary add-on),
    // and tests can look at a page without the extension first.
    async installExtension() {
      extensionId ??= await browser.installExtension(extensionPath ?? extensionDir(name));
      return extensionId;
    },
    async newPage() {
      const page = await browser.newPage();
      // Chromium: per tab, over CDP; it too leaves content scripts running.
      if (!pageScripts && name === 'chromium') await page.setJavaScriptEnabled(false);
      return page;
    },
    network,
    async close() {
      const requests = network.extensionRequests();
      network.finish();
      await closeBrowser(browser);
      await proxy.close();
      if (requests.length > 0) {
        throw new Error(
          `The extension made ${requests.length} network request(s) in ${name}:\n` +
            requests.join('\n'),
        );
      }
    },
  };
  if (extension) {
    try {
      await launched.installExtension();
    } catch (error) {
      await launched.close();
      throw error;
    }
  }
  return launched;
}

/** A UUID that is always the same for the same seed. */
function uuidFrom(seed: string): string {
  const hex = createHash('sha256').update(seed).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The add-on id Firefox knows the extension by (from the Firefox build's manifest). */
function geckoId(): string {
  const manifestFile = path.join(repoRoot, '.output/firefox-mv2/manifest.json');
  const fallback = 'credit-lens@example.org';
  if (!existsSync(manifestFile)) return fallback;
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  return manifest.browser_specific_settings?.gecko?.id ?? fallback;
}

/** Closes the browser; if it hangs, kills the process this harness started (and only that). */
async function closeBrowser(browser: Browser): Promise<void> {
  const child = browser.process();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), 10_000);
  });
  const result = await Promise.race([browser.close().catch(() => undefined), timedOut]);
  clearTimeout(timer);
  if (result === 'timeout' && child && child.exitCode === null) child.kill('SIGKILL');
}
