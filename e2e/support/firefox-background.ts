import net from 'node:net';
import type { Browser } from 'puppeteer-core';
import { launchBrowser } from './browsers';
import { delay } from './page-helpers';

/*
 * Running code in the extension's background page in Firefox, for tests that need to put data
 * where only the extension can (its IndexedDB, its storage).
 *
 * Firefox's WebDriver BiDi cannot reach moz-extension:// pages at all (see popup.e2e.ts), so the
 * options page cannot be driven there. Firefox's own remote debugging protocol (RDP, what
 * about:debugging and web-ext use) can: started with `--start-debugger-server`, it lists add-ons,
 * and each add-on's watcher reports its background page as a target with a console that
 * evaluates JavaScript in that page.
 *
 * Packets are `<byte length>:<JSON>`; see https://firefox-source-docs.mozilla.org/devtools/backend/protocol.html
 */

type Packet = Record<string, unknown> & { from?: string; type?: string };

class RdpConnection {
  readonly #socket: net.Socket;
  #buffer = Buffer.alloc(0);
  readonly #queue: Packet[] = [];
  readonly #waiters: { match: (p: Packet) => boolean; resolve: (p: Packet) => void }[] = [];

  private constructor(socket: net.Socket) {
    this.#socket = socket;
    socket.on('data', (data: Buffer) => this.#onData(data));
  }

  static async open(port: number): Promise<RdpConnection> {
    const started = Date.now();
    for (;;) {
      try {
        const socket = await new Promise<net.Socket>((resolve, reject) => {
          const s = net.connect(port, '127.0.0.1');
          s.once('connect', () => resolve(s));
          s.once('error', reject);
        });
        const connection = new RdpConnection(socket);
        await connection.next((p) => p.from === 'root' && 'applicationType' in p);
        return connection;
      } catch (error) {
        if (Date.now() - started > 10_000) throw error;
        await delay(100);
      }
    }
  }

  send(packet: Packet): void {
    const body = Buffer.from(JSON.stringify(packet));
    this.#socket.write(`${body.length}:`);
    this.#socket.write(body);
  }

  next(match: (p: Packet) => boolean, timeout = 10_000): Promise<Packet> {
    const queued = this.#queue.findIndex(match);
    if (queued >= 0) return Promise.resolve(this.#queue.splice(queued, 1)[0]!);
    return new Promise((resolve, reject) => {
      const waiter = { match, resolve };
      this.#waiters.push(waiter);
      setTimeout(() => {
        const at = this.#waiters.indexOf(waiter);
        if (at < 0) return;
        this.#waiters.splice(at, 1);
        reject(new Error('No answer from Firefox’s debugging server'));
      }, timeout);
    });
  }

  async request(packet: Packet & { to: string }): Promise<Packet> {
    this.send(packet);
    const reply = await this.next((p) => p.from === packet.to && p.type === undefined);
    if (typeof reply.error === 'string')
      throw new Error(`${reply.error}: ${String(reply.message)}`);
    return reply;
  }

  close(): void {
    this.#socket.destroy();
  }

  #onData(data: Buffer): void {
    this.#buffer = Buffer.concat([this.#buffer, data]);
    for (;;) {
      const colon = this.#buffer.indexOf(0x3a);
      if (colon < 0) return;
      const length = Number(this.#buffer.subarray(0, colon).toString());
      if (this.#buffer.length < colon + 1 + length) return;
      const packet = JSON.parse(
        this.#buffer.subarray(colon + 1, colon + 1 + length).toString(),
      ) as Packet;
      this.#buffer = this.#buffer.subarray(colon + 1 + length);
      const waiter = this.#waiters.find((w) => w.match(packet));
      if (waiter) {
        this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
        waiter.resolve(packet);
      } else this.#queue.push(packet);
    }
  }
}

/** The background page of an installed add-on, with its console. */
export class FirefoxBackground {
  private constructor(
    private readonly connection: RdpConnection,
    private readonly consoleActor: string,
  ) {}

  static async attach(port: number, addonId: string): Promise<FirefoxBackground> {
    const connection = await RdpConnection.open(port);
    const { addons } = (await connection.request({ to: 'root', type: 'listAddons' })) as {
      addons?: { id: string; actor: string }[];
    };
    const addon = addons?.find((a) => a.id === addonId);
    if (!addon) throw new Error(`Firefox lists no add-on ${addonId}`);
    const watcher = (await connection.request({
      to: addon.actor,
      type: 'getWatcher',
      isServerTargetSwitchingEnabled: true,
    })) as { actor: string };
    connection.send({ to: watcher.actor, type: 'watchTargets', targetType: 'frame' });
    // The fallback document comes first; the background page is the moz-extension:// one.
    const available = (await connection.next(
      (p) =>
        p.type === 'target-available-form' &&
        String((p.target as { url?: string } | undefined)?.url).startsWith('moz-extension://'),
    )) as { target: { consoleActor: string } };
    return new FirefoxBackground(connection, available.target.consoleActor);
  }

  /** Evaluates an expression in the background page; its result must be a short primitive. */
  async evaluate(expression: string): Promise<unknown> {
    const ack = await this.connection.request({
      to: this.consoleActor,
      type: 'evaluateJSAsync',
      text: expression,
    });
    const result = await this.connection.next(
      (p) => p.type === 'evaluationResult' && p.resultID === ack.resultID,
    );
    if (result.hasException) {
      throw new Error(`In the background page: ${JSON.stringify(result.exceptionMessage)}`);
    }
    return result.result;
  }

  /**
   * Runs the body of an async function in the background page and waits until it is done. Its
   * return value (a string) is kept in a global and read back.
   */
  async run(body: string, timeout = 10_000): Promise<string> {
    const slot = `__creditLensTest${Math.random().toString(36).slice(2)}`;
    await this.evaluate(
      `globalThis.${slot} = 'pending'; (async () => { ${body} })().then((value) => { globalThis.${slot} = 'done:' + String(value); }, (error) => { globalThis.${slot} = 'error:' + String(error); }); 'started'`,
    );
    const started = Date.now();
    for (;;) {
      const state = String(await this.evaluate(`globalThis.${slot}`));
      if (state.startsWith('done:')) return state.slice(5);
      if (state.startsWith('error:')) throw new Error(`In the background page: ${state.slice(6)}`);
      if (Date.now() - started > timeout) throw new Error('The background page did not finish');
      await delay(50);
    }
  }

  close(): void {
    this.connection.close();
  }
}

/**
 * Stores the reader's own terms as the options page does: records in the `customTerms` table of
 * the extension's database, then the `glossaryRevision` bump every write makes, which tells open
 * tabs to ask for the terms again.
 */
export async function storeCustomTerms(
  background: FirefoxBackground,
  terms: readonly object[],
): Promise<void> {
  const stored = await background.run(`
    const db = await new Promise((resolve, reject) => {
      const request = indexedDB.open('credit-lens');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      if (!db.objectStoreNames.contains('customTerms')) throw new Error('no customTerms table (version ' + db.version + ')');
      await new Promise((resolve, reject) => {
        const tx = db.transaction('customTerms', 'readwrite');
        for (const term of ${JSON.stringify(terms)}) tx.objectStore('customTerms').put(term);
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
    } finally {
      db.close();
    }
    const { glossaryRevision = 0 } = await browser.storage.local.get('glossaryRevision');
    await browser.storage.local.set({ glossaryRevision: glossaryRevision + 1 });
    return 'stored';
  `);
  if (stored !== 'stored') throw new Error(`Terms not stored: ${stored}`);
}

/**
 * Sends the content script of the tab in front a Credit Lens request, as the background does
 * (the keyboard commands' `stepTerm`: a browser shortcut cannot be pressed through automation).
 */
export async function askFrontTab(
  background: FirefoxBackground,
  method: string,
  data: unknown,
): Promise<unknown> {
  const reply = await background.run(`
    const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
    const message = { channel: 'credit-lens/v1', method: ${JSON.stringify(method)}, data: ${JSON.stringify(data)} };
    return JSON.stringify(await browser.tabs.sendMessage(tab.id, message, { frameId: 0 }));
  `);
  return JSON.parse(reply) as unknown;
}

/** A free TCP port on the loopback interface. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Firefox with the built extension installed and its debugging server on, and the extension's
 * background page attached. A fresh temporary profile, deleted on close. Launched like every
 * other test browser (`launchBrowser`), so its network requests are counted too and `close()`
 * fails if the extension made any.
 */
export async function launchFirefoxWithBackground(): Promise<{
  browser: Browser;
  background: FirefoxBackground;
  close(): Promise<void>;
}> {
  const port = await freePort();
  const launched = await launchBrowser('firefox', { extension: false, firefoxDebuggerPort: port });
  try {
    const id = await launched.installExtension();
    const background = await FirefoxBackground.attach(port, id);
    return {
      browser: launched.browser,
      background,
      async close() {
        background.close();
        await launched.close();
      },
    };
  } catch (error) {
    await launched.close();
    throw error;
  }
}
