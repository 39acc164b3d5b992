import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import Papa from 'papaparse';
import type { Browser, ElementHandle, Page, WebWorker } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XSS_PAYLOADS, type Payload } from './fixtures/xss-payloads';
import { uiShadowRoots, waitForRole } from './support/aria';
import { browsersUnderTest, launchBrowser, type LaunchedBrowser } from './support/browsers';
import { chooseFileByLabel, downloadByButton } from './support/downloads';
import {
  askFrontTab,
  launchFirefoxWithBackground,
  storeCustomTerms,
} from './support/firefox-background';
import { markedTexts, termPoint, waitForScan } from './support/page-helpers';
import { askContentScript, openTab, serviceWorker } from './support/service-worker';
import { startServer, type StaticServer } from './support/server';

/*
 * Issue 7, item 13: script injection. Every payload of `fixtures/xss-payloads.ts` is planted in
 * every field a stranger's text can reach — notes (body, quote, page title, page URL), the
 * reader's own terms (term, written forms, definition, explanation), imported files (a notes
 * backup, a terms JSON file and a terms CSV file), and a web page's title and address — and every
 * surface that shows them is rendered: the popover on a page, the popup's notes list, the options
 * page's list of terms, the glossary page (its search and address) and the exports (JSON, CSV,
 * and Markdown rendered to HTML with raw HTML and every link protocol allowed).
 *
 * A payload that runs calls `__xss(<its number>)` or opens a dialog. Every page the test opens has
 * `__xss` (reporting straight to the test, so a payload that navigates away cannot hide), a dialog
 * handler, and a `securitypolicyviolation` listener: the extension's pages have MV3's default
 * policy, under which an injected inline handler is blocked rather than run, and a blocked attempt
 * must be seen too. Because that policy would hide an injection that did happen, each surface is
 * also checked for what injection leaves behind whether or not it runs: elements and attributes
 * from payloads (`findInjected` below), and the payload's text shown literally.
 *
 * Controls: on each surface the test then injects one payload itself, through the HTML parser,
 * and expects the detectors to see it (a flag or a violation, and an injected element), so a
 * zero is a measured zero.
 *
 * Chromium only: Firefox's WebDriver BiDi cannot open moz-extension:// pages (see popup.e2e.ts),
 * and every surface but the popover is one.
 */

/** Where a payload that ran, or a policy violation, was seen. */
interface Incident {
  surface: string;
  what: string;
}

/** Tags our own pages never render, which payloads bring. */
const FOREIGN_TAGS = [
  'script',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'base',
  'meta',
  'link',
  'style',
  'svg',
  'math',
  'mtext',
  'mi',
  'mglyph',
  'animate',
  'set',
  'image',
  'marquee',
  'isindex',
  'keygen',
  'xmp',
  'plaintext',
  'listing',
  'noscript',
  'template',
  'x',
  'video',
  'audio',
  'source',
];

/**
 * Elements under `root` that came from a payload, described. Runs in the page, so it is
 * self-contained. A surface's own elements never have `on…` attributes (React listens at the
 * root), never point a URL attribute at a script scheme, and never use the tags above (outside
 * a `<head>`, where the page's own styles and scripts live).
 */
function findInjected(root: Node, foreignTags: string[]): string[] {
  const found: string[] = [];
  const urlAttributes = ['href', 'src', 'action', 'formaction', 'data', 'xlink:href', 'background'];
  const elements = (root as ParentNode).querySelectorAll('*');
  for (const element of elements) {
    const tag = element.localName;
    if (foreignTags.includes(tag) && !element.closest('head')) found.push(`<${tag}>`);
    for (const attribute of element.attributes) {
      const name = attribute.name.toLowerCase();
      // Browsers drop tabs and line breaks inside a scheme, and leading controls and spaces.
      const value = attribute.value.replace(/[\s\p{Cc}]/gu, '').toLowerCase();
      if (name.startsWith('on')) found.push(`<${tag} ${name}>`);
      else if (name === 'srcdoc') found.push(`<${tag} srcdoc>`);
      else if (
        urlAttributes.includes(name) &&
        /^(javascript|vbscript|livescript|data):/.test(value)
      )
        found.push(`<${tag} ${name}=${value.slice(0, 20)}>`);
    }
  }
  return found;
}

/** The text of a value as Markdown renders it: runs of white space as one space, NUL as U+FFFD. */
const flat = (text: string) => text.replace(/\0/g, '\uFFFD').replace(/\s+/g, ' ').trim();

const utf8 = new TextEncoder();
/** The longest start of `text` within `bytes` UTF-8 bytes and `chars` characters. */
function fitBytes(text: string, bytes: number): string {
  let fitted = text;
  while (utf8.encode(fitted).length > bytes) fitted = fitted.slice(0, -1);
  return fitted;
}
/** What a trimmed text field of at most `chars` characters keeps of a payload. */
const fitField = (text: string, chars: number) => text.slice(0, chars).trim();

const payloadTerm = (p: Payload) => ({
  id: `custom-xss-${p.id}`,
  term: fitField(p.text, 120),
  probe: `xssprobe${p.id}`,
  definition: fitField(p.text, 200),
  explanation: fitField(p.text, 2_000),
});

/** A payload may also be a written form if the form rules allow it (no |, no Han). */
const asForm = (p: Payload) => {
  const text = fitField(p.text, 120);
  return text.includes('|') || /\p{Script=Han}/u.test(text) ? null : text;
};

/** The stored terms: each payload in every field a term has, and a probe word to mark. */
function payloadTermRecords(time: number) {
  return XSS_PAYLOADS.map((p) => {
    const t = payloadTerm(p);
    const form = asForm(p);
    return {
      id: t.id,
      term: t.term,
      aliases: [{ text: t.probe, lang: 'en' }, ...(form ? [{ text: form, lang: 'en' }] : [])],
      definition: t.definition,
      explanation: t.explanation,
      createdAt: time,
      updatedAt: time,
    };
  });
}

/** A page with every term's probe word, one paragraph each. */
const ARTICLE = `<!doctype html><meta charset="utf-8"><title>Probes</title><main>${XSS_PAYLOADS.map(
  (p) => `<p>Paragraph on xssprobe${p.id}.</p>`,
).join('')}</main>`;

/**
 * The watchers, for one browser: every page opened through `openWatched` reports payloads that
 * ran, dialogs, policy violations and page errors as incidents of its surface.
 */
function makeWatch(browser: () => Browser) {
  const incidents: Incident[] = [];
  const checked = { surfaces: new Set<string>(), plantings: 0, literalChecks: 0 };
  const injectedElements: string[] = [];

  /** Opens a page with the flag function, dialog and violation watchers installed first. */
  async function openWatched(surface: string, url: string, page?: Page): Promise<Page> {
    const tab = page ?? (await browser().newPage());
    await tab.exposeFunction('__xssReport', (what: string) => {
      incidents.push({ surface, what });
    });
    await tab.evaluateOnNewDocument(() => {
      const report = (window as unknown as { __xssReport(what: string): void }).__xssReport;
      Object.defineProperty(window, '__xss', { value: (id: unknown) => report(`ran ${id}`) });
      document.addEventListener('securitypolicyviolation', (event) =>
        report(`blocked ${event.effectiveDirective} ${event.sample}`),
      );
    });
    tab.on('dialog', (dialog) => {
      incidents.push({ surface, what: `dialog ${dialog.type()} ${dialog.message()}` });
      void dialog.dismiss();
    });
    tab.on('pageerror', (error) => {
      incidents.push({ surface, what: `page error ${String(error)}` });
    });
    await tab.goto(url);
    checked.surfaces.add(surface);
    return tab;
  }

  /** What `findInjected` finds under `root` (the document's body by default). */
  async function injectedIn(page: Page, root?: ElementHandle<Node>): Promise<string[]> {
    const where = root ?? (await page.$('body'))!;
    return where.evaluate(findInjected, FOREIGN_TAGS);
  }

  /**
   * The control: a payload put through the HTML parser by the test itself must be seen, as a
   * flag (web pages) or a violation (extension pages), and as an injected element.
   */
  async function control(page: Page, surface: string, root?: ElementHandle<Node>): Promise<void> {
    const before = incidents.length;
    const where = root ?? (await page.$('body'))!;
    await where.evaluate((node) => {
      const holder = document.createElement('div');
      holder.className = 'xss-control';
      // A `data:` image fails without a network request (which the launcher would count as ours).
      // eslint-disable-next-line no-restricted-syntax -- the control: the test itself injects HTML
      holder.innerHTML = '<img src="data:," onerror="__xss(\'control\')">';
      const parent = node instanceof ShadowRoot ? (node.querySelector('body') ?? node) : node;
      (parent as ParentNode).append(holder);
    });
    await expect
      .poll(() => incidents.slice(before).filter((i) => i.surface === surface).length, {
        timeout: 10_000,
      })
      .toBeGreaterThan(0);
    expect(await injectedIn(page, root)).toContain('<img onerror>');
    await where.evaluate((node) => {
      const holder = (node as ParentNode).querySelector('.xss-control');
      holder?.remove();
    });
    incidents.splice(before);
  }

  /** Checks a surface: nothing ran, nothing was injected; returns its text. */
  async function expectClean(page: Page, surface: string, root?: ElementHandle<Node>) {
    const found = await injectedIn(page, root);
    injectedElements.push(...found.map((f) => `${surface}: ${f}`));
    expect(found, `elements injected into ${surface}`).toEqual([]);
    expect(incidents.filter((i) => i.surface === surface)).toEqual([]);
  }

  return { incidents, checked, injectedElements, openWatched, injectedIn, control, expectClean };
}

let server: StaticServer;
beforeAll(async () => {
  server = await startServer();
  server.route('/favicon.ico', { body: '', contentType: 'image/x-icon' });
  server.route('/xss/article.html', { contentType: 'text/html; charset=utf-8', body: ARTICLE });
});
afterAll(async () => {
  await server?.close();
});

describe.skipIf(!browsersUnderTest().includes('chromium'))('Injection in chromium', () => {
  let launched: LaunchedBrowser;
  let worker: WebWorker;
  let work: string;
  const { incidents, checked, injectedElements, openWatched, control, expectClean } = makeWatch(
    () => launched.browser,
  );

  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'credit-lens-xss-'));
    launched = await launchBrowser('chromium');
    worker = await serviceWorker(launched);
    // A tab opened by a payload (a link, `window.open`) is an incident wherever it comes from.
    launched.browser.on('targetcreated', (target) => {
      if (target.opener()) incidents.push({ surface: 'browser', what: `opened ${target.url()}` });
    });
  });
  afterAll(async () => {
    await launched?.close();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('has at least 200 distinct payloads', () => {
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(200);
    expect(new Set(XSS_PAYLOADS.map((p) => p.text)).size).toBe(XSS_PAYLOADS.length);
  });

  it('imports payload terms from a JSON file and a CSV file; the options page lists them as text', async () => {
    const time = Date.now();
    const terms = payloadTermRecords(time);
    const jsonFile = path.join(work, 'terms.json');
    await writeFile(
      jsonFile,
      JSON.stringify({
        format: 'credit-lens-custom-terms',
        version: 1,
        exportedAt: new Date(time).toISOString(),
        terms,
      }),
    );
    // The CSV carries the payloads in other terms (prefixed, so they are new entries).
    const csvFile = path.join(work, 'terms.csv');
    const csvRows = XSS_PAYLOADS.map((p) => ({
      term: fitField(`CSV ${p.text}`, 120),
      aliases: `xsscsv${p.id}`,
      langs: 'en',
      definition: fitField(p.text, 200),
      explanation: fitField(p.text, 2_000),
    }));
    await writeFile(csvFile, Papa.unparse(csvRows, { newline: '\r\n' }));

    const options = await openWatched('options', `${launched.extensionOrigin}/options.html`);
    for (const [file, count] of [
      [jsonFile, XSS_PAYLOADS.length],
      [csvFile, XSS_PAYLOADS.length * 2],
    ] as const) {
      await chooseFileByLabel(options, 'Terms file (JSON or CSV)', file);
      await waitForRole(options, 'heading', 'What the import changes', { timeout: 20_000 });
      await (await waitForRole(options, 'button', 'Import')).click();
      await waitForRole(options, 'heading', `Your terms (${count})`, { timeout: 30_000 });
    }
    // Payload fields: term, definition, explanation and (where allowed) a written form; CSV: three.
    checked.plantings +=
      terms.reduce((sum, term) => sum + 3 + term.aliases.length - 1, 0) + csvRows.length * 3;

    const text = await options.$eval('body', (body) => body.textContent ?? '');
    for (const p of XSS_PAYLOADS) {
      const t = payloadTerm(p);
      for (const expected of [t.term, t.definition, fitField(`CSV ${p.text}`, 120)]) {
        checked.literalChecks += 1;
        expect(text.includes(expected), `options page shows ${JSON.stringify(expected)}`).toBe(
          true,
        );
      }
    }
    await expectClean(options, 'options');
    await control(options, 'options');
    await options.close();
  });

  it('saves payload notes through the background, and imports more from a notes file', async () => {
    const options = await openWatched('options', `${launched.extensionOrigin}/options.html#notes`);
    const notes = XSS_PAYLOADS.map((p) => ({
      id: crypto.randomUUID(),
      termId: `custom-xss-${p.id}`,
      url: p.text.slice(0, 8_192),
      title: p.text.slice(0, 1_000),
      quote: { exact: fitBytes(p.text, 2_000), prefix: '', suffix: '' },
      body: p.text,
    }));
    const replies = await options.evaluate(async (notes) => {
      const { runtime } = (
        globalThis as unknown as {
          chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean }> } };
        }
      ).chrome;
      const results = [];
      for (const data of notes) {
        results.push(
          (await runtime.sendMessage({ channel: 'credit-lens/v1', method: 'saveNote', data })).ok,
        );
      }
      return results;
    }, notes);
    expect(replies.every(Boolean)).toBe(true);

    // A backup file with the payloads in every field, the quote's context included.
    const saved = JSON.parse(
      (await downloadByButton(launched, options, 'Export as JSON (a full backup)', work)).text,
    ) as { notes: Record<string, unknown>[] };
    const imported = saved.notes.map((note, i) => {
      const p = XSS_PAYLOADS.find((q) => q.text === note.body) ?? XSS_PAYLOADS[i]!;
      return {
        ...note,
        id: crypto.randomUUID(),
        quote: {
          exact: fitBytes(p.text, 2_000),
          prefix: p.text.slice(0, 64),
          suffix: p.text.slice(-64),
        },
      };
    });
    const backup = path.join(work, 'notes.json');
    await writeFile(backup, JSON.stringify({ ...saved, notes: imported }));
    await chooseFileByLabel(options, 'Notes file to import (JSON)', backup);
    await (
      await waitForRole(options, 'button', `Import ${imported.length} notes`, { timeout: 20_000 })
    ).click();
    await expect
      .poll(() => options.$eval('#notes', (s) => s.textContent ?? ''), { timeout: 30_000 })
      .toContain(`${imported.length} added`);
    checked.plantings += notes.length * 4 + imported.length * 6;
    await expectClean(options, 'options');
    await options.close();
  });

  it('shows the payload terms and their notes in the popover on a page as text', async () => {
    const { page, tabId } = await openTab(launched, worker);
    await openWatched('popover', server.url('/xss/article.html'), page);
    await waitForScan(page);
    let notesSeen = 0;
    for (const p of XSS_PAYLOADS) {
      const t = payloadTerm(p);
      await askContentScript(worker, tabId, 'stepTerm', { direction: 1 });
      const dialog = await page.waitForSelector('::-p-aria([role="dialog"])');
      // The popover shows the term, its definition, and (once they arrive) its notes.
      await expect
        .poll(() => dialog!.evaluate((d) => d.textContent ?? ''), { timeout: 10_000 })
        .toContain(t.definition);
      const text = await dialog!.evaluate((d) => d.textContent ?? '');
      expect(text).toContain(t.term);
      if (text.includes(p.text)) notesSeen += 1;
      checked.literalChecks += 2;
    }
    console.info(`[chromium] popover: ${notesSeen} of ${XSS_PAYLOADS.length} showed a note body`);
    const dialog = await page.waitForSelector('::-p-aria([role="dialog"])');
    const shadow = (await dialog!.evaluateHandle((d) => d.getRootNode())) as ElementHandle<Node>;
    await expectClean(page, 'popover', shadow);
    // The main document too: nothing may leak out of the shadow root.
    await expectClean(page, 'popover');
    await control(page, 'popover', shadow);
    await page.close();
  });

  it('saves notes from pages whose title and address carry payloads, through the popover', async () => {
    // A spread of families; each page is a real save (≈ 1 s), so not every payload.
    const chosen = XSS_PAYLOADS.filter((_, i) => i % 25 === 3);
    for (const p of chosen) {
      const pathname = new URL(
        `/xss/page-${p.id}/${encodeURIComponent(p.text.slice(0, 200))}`,
        server.origin,
      ).pathname;
      const title = p.text
        .slice(0, 500)
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;');
      server.route(pathname, {
        contentType: 'text/html; charset=utf-8',
        body: `<!doctype html><meta charset="utf-8"><title>${title}</title><p>On xssprobe${p.id} here.</p>`,
      });
      const query = encodeURIComponent(p.text.slice(0, 300));
      const page = await openWatched(
        'page title and URL',
        `${server.origin}${pathname}?q=${query}#${p.text.slice(0, 300)}`,
      );
      await waitForScan(page);
      const { x, y } = await termPoint(page, `xssprobe${p.id}`);
      await page.mouse.click(x, y);
      await (await waitForRole(page, 'button', 'Add note')).click();
      // (By role alone: the box is named after the term, which is the payload.)
      const box = await page.waitForSelector('::-p-aria([role="textbox"])');
      if (!box) throw new Error('No note box');
      await box.type(`From page ${p.id}`);
      await (await waitForRole(page, 'button', 'Save note')).click();
      await waitForRole(page, 'article', `Note: From page ${p.id}`);
      checked.plantings += 2;
      await page.close();
    }
    expect(incidents.filter((i) => i.surface === 'page title and URL')).toEqual([]);
  });

  it('lists every note in the popup as text', async () => {
    const popup = await openWatched('popup', `${launched.extensionOrigin}/popup.html`);
    await waitForRole(popup, 'tabpanel', 'All notes');
    for (;;) {
      const more = await popup.$('::-p-aria([name="Show more"][role="button"])');
      if (!more) break;
      const shown = await popup.$$eval('article', (a) => a.length);
      await more.click();
      await expect
        .poll(() => popup.$$eval('article', (a) => a.length), { timeout: 10_000 })
        .toBeGreaterThan(shown);
    }
    const count = await popup.$$eval('article', (a) => a.length);
    expect(count).toBe(
      XSS_PAYLOADS.length * 2 + XSS_PAYLOADS.filter((_, i) => i % 25 === 3).length,
    );
    const text = await popup.$eval('body', (body) => body.textContent ?? '');
    for (const p of XSS_PAYLOADS) {
      for (const expected of [p.text, fitBytes(p.text, 2_000), p.text.slice(0, 1_000).trim()]) {
        checked.literalChecks += 1;
        expect(
          text.includes(expected),
          `popup shows ${JSON.stringify(expected.slice(0, 80))}`,
        ).toBe(true);
      }
    }
    await expectClean(popup, 'popup');
    await control(popup, 'popup');
    await popup.close();
  });

  it('shows payloads typed into the glossary page’s search, and in its address, as text', async () => {
    const glossary = await openWatched(
      'glossary page',
      `${launched.extensionOrigin}/glossary.html`,
    );
    const search = await waitForRole(glossary, 'searchbox', 'Search the glossary');
    let shown = 0;
    for (const p of XSS_PAYLOADS) {
      const query = p.text.slice(0, 500);
      await search.evaluate((input, value) => {
        // React tracks the value it set; the native setter makes the input event count.
        const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
        setter.call(input, value);
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }, query);
      await glossary.evaluate(
        (hash) => {
          location.hash = hash;
        },
        p.text.slice(0, 500),
      );
      const text = await glossary.$eval('body', (body) => body.textContent ?? '');
      // An input drops line breaks; a query that matches entries shows them, not itself.
      if (text.includes(query.replace(/[\r\n]/g, '').trim())) shown += 1;
    }
    checked.literalChecks += XSS_PAYLOADS.length;
    console.info(`[chromium] glossary page: ${shown} of ${XSS_PAYLOADS.length} queries shown`);
    expect(shown).toBeGreaterThan(XSS_PAYLOADS.length * 0.9);
    checked.plantings += XSS_PAYLOADS.length * 2;
    await expectClean(glossary, 'glossary page');
    await control(glossary, 'glossary page');
    await glossary.close();
  });

  it('exports escape every payload: Markdown renders to text, CSV cells are no formulas', async () => {
    const options = await openWatched('options', `${launched.extensionOrigin}/options.html#notes`);
    const files = {
      'Markdown by page': await downloadByButton(
        launched,
        options,
        'Export as Markdown, by page',
        work,
      ),
      'Markdown by term': await downloadByButton(
        launched,
        options,
        'Export as Markdown, by term',
        work,
      ),
      'notes CSV': await downloadByButton(
        launched,
        options,
        'Export as CSV (for spreadsheets)',
        work,
      ),
      'notes JSON': await downloadByButton(
        launched,
        options,
        'Export as JSON (a full backup)',
        work,
      ),
      'terms CSV': await downloadByButton(launched, options, 'Export as CSV', work),
      'terms JSON': await downloadByButton(launched, options, 'Export as JSON', work),
    };
    await options.close();

    // Markdown, rendered as permissively as any reader would, then opened as a web page.
    for (const name of ['Markdown by page', 'Markdown by term'] as const) {
      const html = micromark(files[name].text, {
        allowDangerousHtml: true,
        allowDangerousProtocol: true,
        extensions: [gfm()],
        htmlExtensions: [gfmHtml()],
      });
      const route = `/xss/${name.replace(/ /g, '-')}.html`;
      server.route(route, {
        contentType: 'text/html; charset=utf-8',
        body: `<!doctype html><meta charset="utf-8"><title>${name}</title><body>${html}</body>`,
      });
      const page = await openWatched(name, server.url(route));
      const text = flat(await page.$eval('body', (body) => body.textContent ?? ''));
      for (const p of XSS_PAYLOADS) {
        checked.literalChecks += 1;
        expect(text.includes(flat(p.text)), `${name} shows payload ${p.id}`).toBe(true);
      }
      const links = await page.$$eval('a', (as) => as.map((a) => a.getAttribute('href') ?? ''));
      expect(links.filter((href) => !/^https?:/.test(href))).toEqual([]);
      await expectClean(page, name);
      await control(page, name);
      await page.close();
    }

    // CSV: no cell a spreadsheet would run; each is the payload behind a hiding apostrophe.
    const formula = /^[=+\-@\t\r\n＝＋－＠]/;
    for (const name of ['notes CSV', 'terms CSV'] as const) {
      const rows = Papa.parse<string[]>(files[name].text.replace(/^\uFEFF/, ''), {
        skipEmptyLines: true,
      }).data;
      const cells = rows.flat();
      expect(cells.filter((cell) => formula.test(cell))).toEqual([]);
      const values = new Set(cells);
      for (const p of XSS_PAYLOADS) {
        checked.literalChecks += 1;
        const expected = name === 'notes CSV' ? p.text : fitField(p.text, 200);
        const cell = formula.test(expected) ? `'${expected}` : expected;
        expect(values.has(cell), `${name} keeps payload ${p.id}`).toBe(true);
      }
    }

    // JSON: lossless.
    const notes = (JSON.parse(files['notes JSON'].text) as { notes: { body: string }[] }).notes;
    const bodies = new Set(notes.map((note) => note.body));
    for (const p of XSS_PAYLOADS) expect(bodies.has(p.text)).toBe(true);
    const terms = (JSON.parse(files['terms JSON'].text) as { terms: { definition: string }[] })
      .terms;
    const definitions = new Set(terms.map((term) => term.definition));
    for (const p of XSS_PAYLOADS) expect(definitions.has(payloadTerm(p).definition)).toBe(true);
    checked.literalChecks += XSS_PAYLOADS.length * 2;
    for (const name of Object.keys(files)) checked.surfaces.add(name);
  });

  afterAll(() => {
    console.info(
      `[chromium] injection: ${XSS_PAYLOADS.length} payloads, ${checked.plantings} plantings, ` +
        `${checked.surfaces.size} surfaces (${[...checked.surfaces].join(', ')}), ` +
        `${checked.literalChecks} literal-text checks; executions ${incidents.length}, ` +
        `injected elements ${injectedElements.length}`,
    );
    expect(incidents).toEqual([]);
  });
});

/*
 * Firefox: the popover is the one surface automation can reach there (its WebDriver BiDi opens no
 * moz-extension:// page). The terms are stored through the background page, as the options page
 * stores them, and the keyboard command steps through them.
 */
describe.skipIf(!browsersUnderTest().includes('firefox'))('Injection in firefox', () => {
  let firefox: Awaited<ReturnType<typeof launchFirefoxWithBackground>>;
  const { incidents, checked, openWatched, control, expectClean } = makeWatch(
    () => firefox.browser,
  );

  beforeAll(async () => {
    firefox = await launchFirefoxWithBackground();
  });
  afterAll(async () => {
    await firefox?.close();
  });

  it('shows the payload terms in the popover as text', async () => {
    const page = await openWatched('popover', server.url('/xss/article.html'));
    await page.bringToFront();
    await waitForScan(page);
    await storeCustomTerms(firefox.background, payloadTermRecords(Date.now()));
    await expect
      .poll(async () => (await markedTexts(page)).length, { timeout: 30_000 })
      .toBe(XSS_PAYLOADS.length);
    checked.plantings += XSS_PAYLOADS.length * 3;

    let root: ElementHandle<Node> | undefined;
    for (const p of XSS_PAYLOADS) {
      const t = payloadTerm(p);
      const reply = await askFrontTab(firefox.background, 'stepTerm', { direction: 1 });
      expect(reply).toEqual({ ok: true, value: true });
      root ??= (await uiShadowRoots(page))[0];
      const dialogText = () =>
        root!.evaluate(
          (node) => (node as ParentNode).querySelector('[role="dialog"]')?.textContent,
        );
      await expect.poll(dialogText, { timeout: 10_000 }).toContain(t.definition);
      expect(await dialogText()).toContain(t.term);
      checked.literalChecks += 2;
    }
    await expectClean(page, 'popover', root);
    await expectClean(page, 'popover');
    await control(page, 'popover', root);
    console.info(
      `[firefox] injection: ${XSS_PAYLOADS.length} payloads in ${checked.plantings} term fields, ` +
        `${checked.literalChecks} literal-text checks in the popover; executions ${incidents.length}`,
    );
    expect(incidents).toEqual([]);
    await page.close();
  });
});
