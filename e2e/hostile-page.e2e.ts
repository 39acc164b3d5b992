import { createHash } from 'node:crypto';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anyDialogOpen, waitForRole } from './support/aria';
import { browsersUnderTest, launchBrowser, type LaunchedBrowser } from './support/browsers';
import { FirefoxBackground, freePort } from './support/firefox-background';
import { glossaryEntry } from './support/glossary';
import { delay, termPoint, uiHosts, waitForScan, type Point } from './support/page-helpers';
import { serviceWorker } from './support/service-worker';
import { startServer, type StaticServer } from './support/server';

/*
 * Issue 7, item 14: a hostile page can neither read nor write notes.
 *
 * The page (fixtures/pages/hostile-page.html) sets its traps before any content script runs: it
 * patches `Element.prototype.attachShadow` to force shadow roots open and keep them, watches for
 * our host element, listens to every message, and (with `?internals`) claims our host's tag as a
 * custom element of its own. The tests then make it attack from its own script: a flood of
 * messages shaped like our protocol, `runtime.sendMessage` to our id, forged pointer, click and
 * key events at a term and at the popover's Save button, every way of reading text out of the
 * DOM, and its own IndexedDB. After each attack the extension's notes database is read in the
 * background (service worker over CDP, Firefox background page over RDP) and must be unchanged.
 *
 * Controls, so the zeros mean something: the reader's own (trusted) click at the same point
 * opens the popover, and a trusted click on Save saves; the page's trap for shadow roots does
 * catch a shadow root the page attaches itself.
 */

const ndrc = glossaryEntry('ndrc').term;
const SECRET = `Private note ${Math.random().toString(36).slice(2)}`;
const DRAFT = `Unsaved draft ${Math.random().toString(36).slice(2)}`;
const FLOOD = 10_000;

let server: StaticServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.close();
});

/**
 * Every stored note, as JSON, read with plain IndexedDB in the extension's own origin: the body
 * of an async function run in the background. (Checks the database exists first: opening a
 * missing one would create it, under Dexie's feet.)
 */
const DUMP_NOTES = `
  const names = (await indexedDB.databases()).map((info) => info.name);
  if (!names.includes('credit-lens')) return '[]';
  const db = await new Promise((resolve, reject) => {
    const request = indexedDB.open('credit-lens');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  try {
    if (!db.objectStoreNames.contains('notes')) return '[]';
    const rows = await new Promise((resolve, reject) => {
      const request = db.transaction('notes').objectStore('notes').getAll();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    return JSON.stringify(rows);
  } finally {
    db.close();
  }
`;

interface NotesState {
  count: number;
  bodies: string[];
  /** SHA-256 of the rows as stored: "unchanged" means byte for byte. */
  hash: string;
}

function notesState(json: string): NotesState {
  const rows = JSON.parse(json) as { body: string }[];
  return {
    count: rows.length,
    bodies: rows.map((row) => row.body).sort(),
    hash: createHash('sha256').update(json).digest('hex'),
  };
}

/** What the page's traps caught, and what it can read of our host and of the DOM. */
interface PageLoot {
  captured: number;
  hostsSeen: number;
  /** Hosts that became the page's own custom element (`?internals`). */
  internalsSeen: number;
  /** Shadow roots the page got through ElementInternals with anything rendered in them. */
  internalsRootsWithContent: number;
  hostShadowRoot: string;
  /** Each way of reading text, and whether the secret was in it. */
  found: Record<string, boolean>;
  /** Messages the page received that were not its own flood. */
  messages: string[];
}

async function loot(page: Page, secrets: string[]): Promise<PageLoot> {
  return page.evaluate((secrets) => {
    const hostile = (window as unknown as { __hostile: HostileTraps }).__hostile;
    const host = document.querySelector('credit-lens-ui');
    const readings: Record<string, string> = {
      'body.innerText': document.body.innerText,
      // (Serialised rather than read through outerHTML, which the lint rule keeps out of the code.)
      'serialised document': new XMLSerializer().serializeToString(document),
      'documentElement.textContent': document.documentElement.textContent ?? '',
      'host.textContent': host?.textContent ?? '',
      'serialised host': host ? new XMLSerializer().serializeToString(host) : '',
      'getHTML(serializableShadowRoots)':
        (document.body as HTMLElement & { getHTML?: (options: object) => string }).getHTML?.({
          serializableShadowRoots: true,
        }) ?? '',
      'captured shadow roots': hostile.captured.map((root) => root.textContent).join('\n'),
      'element internals': hostile.internals
        .map((internals) => internals.shadowRoot?.textContent ?? '')
        .join('\n'),
      messages: hostile.messages.join('\n'),
      'selection after selectAll': (() => {
        document.execCommand('selectAll');
        const text = getSelection()?.toString() ?? '';
        getSelection()?.removeAllRanges();
        return text;
      })(),
    };
    const found: Record<string, boolean> = {};
    for (const [way, text] of Object.entries(readings)) {
      found[way] = secrets.some((secret) => text.includes(secret));
    }
    return {
      captured: hostile.captured.length,
      hostsSeen: hostile.hosts.length,
      internalsSeen: hostile.internals.length,
      internalsRootsWithContent: hostile.internals.filter(
        (internals) => (internals.shadowRoot?.querySelector('body')?.childNodes.length ?? 0) > 0,
      ).length,
      hostShadowRoot: String(host?.shadowRoot),
      found,
      messages: hostile.messages,
    };
  }, secrets);
}

/** The traps fixtures/pages/hostile-page.html sets (see there). */
interface HostileTraps {
  captured: ShadowRoot[];
  hosts: Element[];
  internals: ElementInternals[];
  messages: string[];
  messageCount: number;
}

/**
 * Forged input at a point: pointer, mouse, click and key events dispatched by the page's script
 * on the window, the document, the element there (our host, when the popover is there) and the
 * body, plus `click()` and `focus()` on that element.
 */
async function forgeInput(page: Page, { x, y }: Point): Promise<void> {
  await page.evaluate(
    (x, y) => {
      const at = document.elementFromPoint(x, y);
      const pointer = { clientX: x, clientY: y, bubbles: true, composed: true, cancelable: true };
      for (const target of [window, document, at, document.body]) {
        if (!target) continue;
        target.dispatchEvent(new PointerEvent('pointermove', { ...pointer, pointerType: 'mouse' }));
        target.dispatchEvent(new PointerEvent('pointerdown', { ...pointer, pointerType: 'mouse' }));
        target.dispatchEvent(new MouseEvent('mousedown', pointer));
        target.dispatchEvent(new PointerEvent('pointerup', { ...pointer, pointerType: 'mouse' }));
        target.dispatchEvent(new MouseEvent('mouseup', pointer));
        target.dispatchEvent(new MouseEvent('click', pointer));
        for (const key of ['Shift', 'Enter', ' ', 'Tab']) {
          target.dispatchEvent(
            new KeyboardEvent('keydown', { key, shiftKey: key === 'Shift', bubbles: true }),
          );
          target.dispatchEvent(new KeyboardEvent('keyup', { key, bubbles: true }));
        }
      }
      if (at instanceof HTMLElement) {
        at.focus();
        at.click();
      }
    },
    x,
    y,
  );
}

/** Long enough for a hover to open a popover several times over (its delay is 300 ms). */
const settle = () => delay(2_000);

describe.each(browsersUnderTest())('A hostile page in %s', (browserName) => {
  let launched: LaunchedBrowser;
  let background: FirefoxBackground | undefined;
  let notes: () => Promise<NotesState>;
  /** Flood timings without the extension (measured first), then with it. */
  const floodMs: { without?: number; with?: number } = {};

  /** Sends the flood from the page and waits until the page's own listener has had it all. */
  const flood = async (page: Page, extensionId: string) =>
    page.evaluate(
      async (count, extensionId) => {
        const hostile = (window as unknown as { __hostile: HostileTraps }).__hostile;
        const before = hostile.messageCount;
        const note = (i: number) => ({
          id: crypto.randomUUID(),
          termId: 'ndrc',
          url: location.href,
          title: document.title,
          quote: null,
          body: `Forged note ${i}`,
        });
        // Every request shape of our protocols, as a page would guess them from the source.
        const shapes = (i: number) => [
          { flood: true, channel: 'credit-lens/v1', method: 'saveNote', data: note(i) },
          {
            flood: true,
            channel: 'credit-lens/v1',
            method: 'notesForTerm',
            data: { termId: 'ndrc' },
          },
          { flood: true, channel: 'credit-lens/v1', method: 'deleteNote', data: { id: 'x' } },
          { flood: true, channel: 'credit-lens/v1', method: 'pageTerms', data: {} },
          { flood: true, type: `${extensionId}:content:wxt:content-script-started`, data: i },
        ];
        const started = performance.now();
        // A heartbeat: the longest gap between timer ticks while the flood is handled.
        let last = performance.now();
        let longestGap = 0;
        const beat = setInterval(() => {
          const now = performance.now();
          longestGap = Math.max(longestGap, now - last);
          last = now;
        }, 10);
        for (let i = 0; i < count; i += 1) {
          const all = shapes(i);
          window.postMessage(all[i % all.length], '*');
        }
        while (hostile.messageCount - before < count) {
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
        clearInterval(beat);
        return { ms: performance.now() - started, longestGapMs: longestGap };
      },
      FLOOD,
      extensionId,
    );

  beforeAll(async () => {
    const port = browserName === 'firefox' ? await freePort() : undefined;
    launched = await launchBrowser(browserName, { extension: false, firefoxDebuggerPort: port });
    // The flood without the extension first, as the baseline for "the page stays responsive".
    const page = await launched.newPage();
    await page.goto(server.url('/fixtures/hostile-page.html'));
    floodMs.without = (await flood(page, 'none')).ms;
    await page.close();

    const extensionId = await launched.installExtension();
    if (browserName === 'chromium') {
      const worker = await serviceWorker(launched);
      notes = async () =>
        notesState((await worker.evaluate(`(async () => { ${DUMP_NOTES} })()`)) as string);
    } else {
      const firefox = await FirefoxBackground.attach(port!, extensionId);
      background = firefox;
      notes = async () => notesState(await firefox.run(DUMP_NOTES));
    }
  });
  afterAll(async () => {
    background?.close();
    await launched?.close();
  });

  const openHostile = async (query = '') => {
    const page = await launched.newPage();
    await page.goto(server.url(`/fixtures/hostile-page.html${query}`));
    await waitForScan(page);
    return page;
  };

  it('cannot write notes with a flood of protocol-shaped messages or runtime.sendMessage', async () => {
    const before = await notes();
    const page = await openHostile();
    const result = await flood(page, launched.extensionId!);
    floodMs.with = result.ms;
    console.info(
      `[${browserName}] ${FLOOD} forged messages: ${Math.round(floodMs.without!)} ms without ` +
        `the extension, ${Math.round(result.ms)} ms with it; longest timer gap ` +
        `${Math.round(result.longestGapMs)} ms`,
    );

    // No `externally_connectable`: pages get no way to message the extension at all.
    const sent = await page.evaluate(async (extensionId) => {
      const runtime = (
        window as unknown as {
          chrome?: { runtime?: { sendMessage?: (...args: unknown[]) => unknown } };
        }
      ).chrome?.runtime;
      if (typeof runtime?.sendMessage !== 'function') return 'no runtime.sendMessage in the page';
      try {
        const reply = await runtime.sendMessage(extensionId, {
          channel: 'credit-lens/v1',
          method: 'saveNote',
          data: {},
        });
        return `answered: ${JSON.stringify(reply)}`;
      } catch (error) {
        return `refused: ${String(error)}`;
      }
    }, launched.extensionId!);
    console.info(`[${browserName}] runtime.sendMessage from the page: ${sent}`);
    expect(sent).not.toMatch(/^answered/);

    // The page is still responsive and the lens still works: a reader's click opens a popover.
    const { x, y } = await termPoint(page, 'NDRC');
    await page.mouse.click(x, y);
    await waitForRole(page, 'dialog', ndrc, { timeout: 10_000 });
    // The flood arrived in full and the page saw nothing of ours among it.
    expect((await loot(page, [])).messages).toEqual([]);
    expect(await notes()).toEqual(before);
    await page.close();
  });

  it('cannot open the popover or save a note with forged pointer, click and key events', async () => {
    const before = await notes();
    const page = await openHostile();
    const term = await termPoint(page, 'NDRC');
    await forgeInput(page, term);
    await settle();
    expect(await anyDialogOpen(page)).toBe(false);
    // Not even mounted: the host is only added when a popover first opens.
    expect((await uiHosts(page)).count).toBe(0);

    // The reader's own click at the same point does open it (so the point was right).
    await page.mouse.click(term.x, term.y);
    await waitForRole(page, 'dialog', ndrc);
    await (await waitForRole(page, 'button', 'Add note')).click();
    const box = await waitForRole(page, 'textbox', `New note on ${ndrc}`);
    await box.type(DRAFT);
    const save = await waitForRole(page, 'button', 'Save note');
    const saveBox = (await save.boundingBox())!;
    const savePoint = { x: saveBox.x + saveBox.width / 2, y: saveBox.y + saveBox.height / 2 };

    // The page aims at the Save button: all it can reach is our host.
    await forgeInput(page, savePoint);
    await settle();
    expect(await notes()).toEqual(before);

    // Control: the reader's click on Save does save.
    await page.mouse.click(savePoint.x, savePoint.y);
    await expect.poll(async () => (await notes()).bodies, { timeout: 10_000 }).toContain(DRAFT);
    expect((await notes()).count).toBe(before.count + 1);
    await page.close();
  });

  it('cannot read the closed shadow root or the notes shown in it', async () => {
    const page = await openHostile();
    const { x, y } = await termPoint(page, 'NDRC');
    await page.mouse.click(x, y);
    await waitForRole(page, 'dialog', ndrc);
    // Written through the popover like any note, then shown in it: the secret is in our shadow
    // root while the page looks.
    await (await waitForRole(page, 'button', 'Add note')).click();
    await (await waitForRole(page, 'textbox', `New note on ${ndrc}`)).type(SECRET);
    await (await waitForRole(page, 'button', 'Save note')).click();
    await waitForRole(page, 'article', `Note: ${SECRET}`, { timeout: 10_000 });
    expect((await notes()).bodies).toContain(SECRET);

    const seen = await loot(page, [SECRET, DRAFT]);
    console.info(`[${browserName}] what the page read: ${JSON.stringify(seen)}`);
    expect(seen.hostsSeen).toBe(1); // it found our host…
    expect(seen.hostShadowRoot).toBe('null'); // …closed,
    expect(seen.captured).toBe(0); // its patched attachShadow was never ours to call,
    expect(Object.entries(seen.found).filter(([, found]) => found)).toEqual([]); // no note text.

    // Control: the trap works on the page's own shadow roots.
    const trapped = await page.evaluate(() => {
      document.createElement('div').attachShadow({ mode: 'closed' });
      return (window as unknown as { __hostile: HostileTraps }).__hostile.captured.length;
    });
    expect(trapped).toBe(1);
    await page.close();
  });

  it('gets no popover, and no shadow root, when it claims our host tag as its custom element', async () => {
    const page = await openHostile('?internals');
    const { x, y } = await termPoint(page, 'NDRC');
    await page.mouse.click(x, y);
    // The host is made on the first open, as the page's element: then refused, never shown.
    await expect.poll(async () => (await loot(page, [])).internalsSeen).toBe(1);
    await settle();
    const seen = await loot(page, [SECRET]);
    console.info(`[${browserName}] ?internals: ${JSON.stringify(seen)}`);
    expect(await anyDialogOpen(page)).toBe(false);
    // The root it holds was refused before anything was rendered into it: only WXT's stylesheet.
    expect(seen.internalsRootsWithContent).toBe(0);
    expect((await uiHosts(page)).count).toBe(0);
    expect(Object.entries(seen.found).filter(([, found]) => found)).toEqual([]);
    await page.close();
  });

  it('finds no notes in its own IndexedDB', async () => {
    const page = await openHostile();
    const databases = await page.evaluate(async () =>
      (await indexedDB.databases()).map((info) => info.name),
    );
    expect(databases).not.toContain('credit-lens');
    expect(databases).toEqual([]);
    await page.close();
  });
});
