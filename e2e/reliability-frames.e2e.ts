import type { Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForNoRole, waitForRole } from './support/aria';
import { browsersUnderTest, launchBrowser, type LaunchedBrowser } from './support/browsers';
import { glossaryEntry } from './support/glossary';
import {
  delay,
  domSnapshot,
  firstDifference,
  hover,
  markedTexts,
  scanRecords,
  termPoint,
  uiHosts,
  waitForScan,
  watchProblems,
  type PageOrFrame,
} from './support/page-helpers';
import { startServer, type StaticServer } from './support/server';
import { badge, openTab, serviceWorker } from './support/service-worker';

/*
 * Issue 7, item 5: frames and shadow DOM.
 *
 * One page holds every case, served from one 127.0.0.1 port:
 * - a same-origin iframe, a `srcdoc` iframe, and a cross-origin iframe (a second server, another
 *   port): the content script runs in each (`all_frames`, `match_about_blank`), marks its own
 *   document's `CSS.highlights` and opens its popover inside that frame;
 * - a 1×1 "tracking pixel" frame and a `display: none` frame: the script starts there but scans
 *   nothing until the frame is shown (the hidden one is shown later and must then be marked);
 * - web components: one with an open shadow root (its own adopted sheet, slotted light text, and
 *   an open component nested inside), one with a closed root (out of reach: never marked, no
 *   error), and, added by the test after the first scan, another open one.
 *
 * Checked: the expected terms in each frame's highlights (through that frame's own execution
 * context), the popover on hover inside a shadow root and inside each frame, no page errors, the
 * DOM (shadow trees included) unchanged outside our host, the component's rendering unchanged by
 * the sheet we add to its shadow root while its term is drawn. Chromium also checks that the
 * badge counts the top document's terms only.
 */

const CARD_SCRIPT = `
customElements.define('lens-card', class extends HTMLElement {
  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync('p { margin: 4px 0; color: rgb(20, 60, 120); } .plain { font-weight: 700; }');
    root.adoptedStyleSheets = [sheet];
    const intro = document.createElement('p');
    intro.append('Inside a component: the social credit system. ');
    const plain = document.createElement('span');
    plain.className = 'plain';
    plain.textContent = 'Nothing to mark here.';
    intro.append(plain);
    const slotted = document.createElement('p');
    slotted.append(document.createElement('slot'));
    root.append(intro, slotted, document.createElement('lens-inner'));
  }
});
customElements.define('lens-inner', class extends HTMLElement {
  constructor() {
    super();
    const p = document.createElement('p');
    p.textContent = 'Nested deeper: 诚信.';
    this.attachShadow({ mode: 'open' }).append(p);
  }
});
customElements.define('lens-closed', class extends HTMLElement {
  constructor() {
    super();
    const p = document.createElement('p');
    p.textContent = 'Closed away: the top-level design.';
    this.attachShadow({ mode: 'closed' }).append(p);
  }
});
`;

const page = (body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Frames</title>` +
  `<style>body { font: 18px/1.5 sans-serif; margin: 12px; }` +
  ` iframe { width: 380px; height: 110px; border: 1px solid #888; vertical-align: top; }` +
  ` iframe.tiny { width: 1px; height: 1px; border: 0; }</style></head><body>${body}</body></html>`;

function mainPage(crossOrigin: string): string {
  const srcdoc = '<p style="font: 18px sans-serif">A srcdoc frame names the GRC.</p>';
  return page(
    '<p>The top page names the NDRC.</p>' +
      '<iframe id="same" src="/frames/same.html"></iframe>' +
      `<iframe id="srcdoc" srcdoc='${srcdoc}'></iframe>` +
      `<iframe id="cross" src="${crossOrigin}/frames/cross.html"></iframe>` +
      '<iframe id="pixel" class="tiny" src="/frames/tracker.html?pixel"></iframe>' +
      '<iframe id="hidden" style="display: none" src="/frames/tracker.html?hidden"></iframe>' +
      '<lens-card id="card"><span>Slotted light text: xinyong.</span></lens-card>' +
      '<lens-closed></lens-closed>' +
      `<script>${CARD_SCRIPT}</script>`,
  );
}

/** The terms expected in each document, sorted (shadow trees have no order relative to it). */
const expected = {
  top: ['NDRC', 'social credit system', 'xinyong', '诚信'],
  same: ['top-level design'],
  srcdoc: ['GRC'],
  cross: ['NDRC', 'social credit system'],
  hidden: ['GRC'],
};
type FrameName = 'same' | 'srcdoc' | 'cross';
const frameNames: FrameName[] = ['same', 'srcdoc', 'cross'];

let server: StaticServer;
let crossServer: StaticServer;
beforeAll(async () => {
  server = await startServer();
  crossServer = await startServer();
  const html = (body: string) => ({ body: page(body), contentType: 'text/html; charset=utf-8' });
  server.route('/frames/main.html', {
    body: mainPage(crossServer.origin),
    contentType: 'text/html; charset=utf-8',
  });
  server.route(
    '/frames/same.html',
    html('<p>The same-origin frame names the top-level design.</p>'),
  );
  server.route('/frames/tracker.html', html('<p>A tracker frame names the GRC.</p>'));
  crossServer.route(
    '/frames/cross.html',
    html('<p>The cross-origin frame names the social credit system and the NDRC.</p>'),
  );
  // A favicon request that fails would be logged as a console error in Chromium.
  for (const s of [server, crossServer]) {
    s.route('/favicon.ico', { body: '', contentType: 'image/x-icon' });
  }
});
afterAll(async () => {
  await server?.close();
  await crossServer?.close();
});

/** The page's frames by the name of their iframe element. */
async function framesOf(tab: Page): Promise<Record<FrameName | 'pixel' | 'hidden', Frame>> {
  const found: Partial<Record<FrameName | 'pixel' | 'hidden', Frame>> = {};
  const started = Date.now();
  for (;;) {
    for (const frame of tab.frames()) {
      const url = frame.url();
      if (url.endsWith('/frames/same.html')) found.same = frame;
      else if (url === 'about:srcdoc') found.srcdoc = frame;
      else if (url.startsWith(crossServer.origin)) found.cross = frame;
      else if (url.endsWith('?pixel')) found.pixel = frame;
      else if (url.endsWith('?hidden')) found.hidden = frame;
    }
    if (Object.keys(found).length === 5)
      return found as Record<FrameName | 'pixel' | 'hidden', Frame>;
    if (Date.now() - started > 10_000) {
      throw new Error(`Frames found: ${Object.keys(found).join(', ')}`);
    }
    await delay(50);
  }
}

/** Where an iframe's viewport starts, in the top page's viewport. */
async function frameOrigin(tab: Page, id: string): Promise<{ x: number; y: number }> {
  return tab.evaluate((id) => {
    const frame = document.getElementById(id)!;
    const box = frame.getBoundingClientRect();
    return { x: box.left + frame.clientLeft, y: box.top + frame.clientTop };
  }, id);
}

async function sortedMarks(target: PageOrFrame): Promise<string[]> {
  return (await markedTexts(target)).sort();
}

/** The measures that tell whether a frame's content script started, and whether it scanned. */
async function lensActivity(frame: Frame): Promise<{ startups: number[]; scans: number }> {
  return frame.evaluate(() => ({
    startups: performance.getEntriesByName('credit-lens:startup').map((m) => m.duration),
    scans: performance.getEntriesByName('credit-lens:scan').length,
  }));
}

/** Computed styles of every element in the component's shadow trees (rendering, not marks). */
async function componentStyles(tab: Page): Promise<string[]> {
  return tab.evaluate(() => {
    const out: string[] = [];
    const roots: ShadowRoot[] = [document.getElementById('card')!.shadowRoot!];
    for (let i = 0; i < roots.length; i++) {
      for (const el of roots[i]!.querySelectorAll('*')) {
        const s = getComputedStyle(el);
        out.push(
          [el.localName, s.display, s.color, s.fontWeight, s.fontSize, s.margin, s.width].join(' '),
        );
        if (el.shadowRoot) roots.push(el.shadowRoot);
      }
    }
    return out;
  });
}

/** The box of a phrase in the component's first paragraph (found by text, marked or not). */
async function componentTextBox(
  tab: Page,
  phrase: string,
): Promise<{ x: number; y: number; width: number; height: number }> {
  return tab.evaluate((phrase) => {
    const p = document.getElementById('card')!.shadowRoot!.querySelector('p')!;
    const text = p.firstChild as Text;
    const start = text.data.indexOf(phrase);
    const range = new Range();
    range.setStart(text, start);
    range.setEnd(text, start + phrase.length);
    const box = range.getBoundingClientRect();
    return { x: box.left, y: box.top, width: box.width, height: box.height };
  }, phrase);
}

async function plainSpanShot(tab: Page): Promise<string> {
  const span = await tab.evaluateHandle(() =>
    document.getElementById('card')!.shadowRoot!.querySelector('.plain')!,
  );
  const shot = await span.asElement()!.screenshot({ encoding: 'base64' });
  await span.dispose();
  return shot;
}

async function boxShot(
  tab: Page,
  clip: { x: number; y: number; width: number; height: number },
): Promise<string> {
  return tab.screenshot({ encoding: 'base64', clip });
}

describe.each(browsersUnderTest())('Frames and shadow DOM in %s', (browserName) => {
  let launched: LaunchedBrowser;
  const before = new Map<string, string>();
  let stylesBefore: string[];
  let plainBefore: string;
  let termBefore: string;
  let termClip: { x: number; y: number; width: number; height: number };

  /** Opens the page and waits until the top document and the three visible frames are scanned. */
  async function openPage() {
    const tab = await launched.browser.newPage();
    const problems = watchProblems(tab);
    await tab.goto(server.url('/frames/main.html'));
    const frames = await framesOf(tab);
    await waitForScan(tab);
    for (const name of frameNames) await waitForScan(frames[name]);
    return { tab, frames, problems };
  }

  beforeAll(async () => {
    // First without the extension: the DOM of every document, and how the component renders.
    launched = await launchBrowser(browserName, { extension: false });
    const tab = await launched.browser.newPage();
    await tab.goto(server.url('/frames/main.html'));
    const frames = await framesOf(tab);
    before.set('top', await domSnapshot(tab));
    for (const name of frameNames) before.set(name, await domSnapshot(frames[name]));
    stylesBefore = await componentStyles(tab);
    plainBefore = await plainSpanShot(tab);
    termClip = await componentTextBox(tab, 'social credit system');
    termBefore = await boxShot(tab, termClip);
    await tab.close();
    await launched.installExtension();
  });
  afterAll(async () => {
    await launched?.close();
  });

  it('marks the top page, its open shadow roots and each frame, each in its own document', async () => {
    const { tab, frames, problems } = await openPage();
    const marks: Record<string, string[]> = {
      top: await sortedMarks(tab),
      ...Object.fromEntries(
        await Promise.all(frameNames.map(async (name) => [name, await sortedMarks(frames[name])])),
      ),
    };
    console.info(`[${browserName}] marks per document: ${JSON.stringify(marks)}`);
    expect(marks).toEqual({
      top: expected.top,
      same: expected.same,
      srcdoc: expected.srcdoc,
      cross: expected.cross,
    });
    // The slotted text is read once, where it sits in the light DOM; the closed root not at all.
    expect(marks.top!.filter((t) => t === 'xinyong')).toHaveLength(1);

    const full = (await scanRecords(tab)).find((r) => r.kind === 'full')!;
    const shadowRoots = await tab.evaluate(
      () =>
        performance
          .getEntriesByName('credit-lens:scan')
          .map((m) => Number((m as PerformanceMeasure).detail?.shadowRoots))
          .find((n) => n > 0) ?? 0,
    );
    console.info(
      `[${browserName}] top scan: ${full.textNodes} text nodes, ${full.matches} matches, ` +
        `${shadowRoots} open shadow roots`,
    );
    expect(shadowRoots).toBe(2);

    // For the record: what a visible frame costs, from its script's start to its first scan done.
    for (const name of frameNames) {
      const ready = await frames[name].evaluate(() => {
        const start = performance.getEntriesByName('credit-lens:startup')[0];
        const scan = performance.getEntriesByName('credit-lens:scan')[0];
        return start && scan ? scan.startTime + scan.duration - start.startTime : NaN;
      });
      console.info(`[${browserName}] ${name} frame: marked ${ready.toFixed(0)} ms after start-up`);
    }

    // The tiny and the hidden frame: the script started, but nothing was scanned.
    for (const name of ['pixel', 'hidden'] as const) {
      const activity = await lensActivity(frames[name]);
      console.info(
        `[${browserName}] ${name} frame: start-up ${activity.startups.map((d) => d.toFixed(2))} ms, ` +
          `${activity.scans} scans`,
      );
      expect(activity.startups).toHaveLength(1);
      expect(activity.scans).toBe(0);
      expect(await markedTexts(frames[name])).toEqual([]);
    }

    // Nothing changed in any document, shadow trees included.
    expect(firstDifference(before.get('top')!, await domSnapshot(tab))).toBeUndefined();
    for (const name of frameNames) {
      expect(firstDifference(before.get(name)!, await domSnapshot(frames[name]))).toBeUndefined();
    }
    expect(problems).toEqual([]);
    await tab.close();
  });

  it('draws the marks inside a component without changing how the component renders', async () => {
    const { tab, problems } = await openPage();
    expect(await componentStyles(tab)).toEqual(stylesBefore);
    expect(await plainSpanShot(tab)).toBe(plainBefore);
    // The term itself does look different: the mark is drawn in the shadow tree.
    expect(await componentTextBox(tab, 'social credit system')).toEqual(termClip);
    expect(await boxShot(tab, termClip)).not.toBe(termBefore);
    // Our sheet is added after the component's own, which stays first.
    expect(
      await tab.evaluate(
        () => document.getElementById('card')!.shadowRoot!.adoptedStyleSheets.length,
      ),
    ).toBe(2);
    expect(problems).toEqual([]);
    await tab.close();
  });

  it('opens the popover on a term inside a shadow root, and on a term inside each frame', async () => {
    const { tab, frames, problems } = await openPage();
    const inComponent = glossaryEntry('social-credit-system').term;
    await hover(tab, 'social credit system');
    await waitForRole(tab, 'dialog', inComponent);
    await tab.mouse.move(1, 1, { steps: 4 });
    await waitForNoRole(tab, 'dialog', inComponent);

    const firstTerm = { same: 'top-level design', srcdoc: 'GRC', cross: 'NDRC' } as const;
    const entryOf = { same: 'top-level-design', srcdoc: 'grc', cross: 'ndrc' } as const;
    for (const name of frameNames) {
      const frame = frames[name];
      const inFrame = await termPoint(frame, firstTerm[name]);
      const origin = await frameOrigin(tab, name);
      await tab.mouse.move(origin.x + inFrame.x, origin.y + inFrame.y, { steps: 4 });
      const title = glossaryEntry(entryOf[name]).term;
      await waitForRole(frame, 'dialog', title, { timeout: 10_000 });
      // The popover is the frame's own: its host is in the frame's document, not the page's.
      expect(await uiHosts(frame)).toEqual({ count: 1, lastInBody: true });
      // Leaving the frame closes it (no pointer move reaches the frame once the pointer is out).
      await tab.mouse.move(1, 1, { steps: 4 });
      await waitForNoRole(frame, 'dialog', title, { timeout: 10_000 });
      expect(firstDifference(before.get(name)!, await domSnapshot(frame))).toBeUndefined();
    }
    expect(firstDifference(before.get('top')!, await domSnapshot(tab))).toBeUndefined();
    expect(problems).toEqual([]);
    await tab.close();
  });

  it('marks a component added after load, follows changes inside it, and a frame once shown', async () => {
    const { tab, frames, problems } = await openPage();
    await tab.evaluate(() => {
      const card = document.createElement('lens-card');
      card.id = 'late';
      card.append('Late light text: the GRC.');
      document.body.append(card);
    });
    await expect
      .poll(() => sortedMarks(tab), { timeout: 10_000 })
      .toEqual([...expected.top, 'GRC', 'social credit system', '诚信'].sort());
    // A change inside the new component's shadow tree (which the document's observer cannot see).
    await tab.evaluate(() => {
      const p = document.getElementById('late')!.shadowRoot!.querySelector('p')!;
      p.append(' Also chéngxìn.');
    });
    await expect
      .poll(async () => (await markedTexts(tab)).filter((t) => t === 'chéngxìn'), {
        timeout: 10_000,
      })
      .toEqual(['chéngxìn']);

    // The hidden frame is shown: now it is scanned and marked.
    await tab.evaluate(() => {
      document.getElementById('hidden')!.style.display = 'inline-block';
    });
    await waitForScan(frames.hidden);
    expect(await sortedMarks(frames.hidden)).toEqual(expected.hidden);
    // The closed root was there all along and is still left alone.
    expect(await markedTexts(tab)).not.toContain('top-level design');
    expect(problems).toEqual([]);
    await tab.close();
  });

  it.runIf(browserName === 'chromium')(
    'counts only the top document’s terms on the badge',
    async () => {
      const worker = await serviceWorker(launched);
      const { page: tab, tabId } = await openTab(launched, worker);
      await tab.goto(server.url('/frames/main.html'));
      const frames = await framesOf(tab);
      await waitForScan(tab);
      for (const name of frameNames) await waitForScan(frames[name]);
      // Frames report after the top document (their scans finish later): wait past the
      // reporter's one-second interval so that a frame's report, were it sent, would have landed.
      await delay(1_500);
      expect((await badge(worker, tabId)).text).toBe(String(expected.top.length));
      await tab.close();
    },
  );
});
