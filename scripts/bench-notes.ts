/**
 * Notes benchmark, in real Chromium with the built extension and 10,000 notes:
 *
 * - popup: time from navigation start to its first list of notes on screen;
 * - search: time `NoteStore.search` takes through the words index, against a baseline that reads
 *   every note and filters in memory (what a store without an index would do), in the same page;
 * - save: the popover's "Save note" round trip to the background, as the content script sees it.
 *
 *   npm run build:chrome && npx tsx scripts/bench-notes.ts [--notes 10000] [--repeats 7]
 *
 * Figures are medians over repeats; the machine is shared, so compare the ratios of one run.
 */
import { parseArgs } from 'node:util';
import type { Page } from 'puppeteer-core';
import { queryByRole, waitForRole } from '../e2e/support/aria';
import { launchBrowser } from '../e2e/support/browsers';
import { delay, termPoint, waitForScan } from '../e2e/support/page-helpers';
import { startServer } from '../e2e/support/server';
import { bundledGlossary } from '../lib/glossary';
import type { StoredNote } from '../lib/db';
import { searchWords } from '../lib/notes/search-words';
import { urlKey } from '../lib/notes/url-key';

const { values } = parseArgs({
  options: {
    notes: { type: 'string', default: '10000' },
    repeats: { type: 'string', default: '7' },
  },
});
const NOTES = Number(values.notes);
const REPEATS = Number(values.repeats);
/**
 * Common words (in most notes), a rare word (`topic123`: 25 notes, mostly old), a common word
 * with a rare one, Chinese, and a word in no note at all.
 */
const QUERIES = [
  'integrity',
  'wiscon',
  'governance risk',
  '诚信',
  'topic123',
  'integrity topic77',
  'zzzz',
];

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const ms = (x: number) => `${x.toFixed(1)} ms`;

/** Deterministic pseudo-random notes that look like a reader's: varied words, some Chinese. */
function makeNotes(count: number): StoredNote[] {
  const glossary = bundledGlossary();
  const words =
    'credit integrity markets lenders governance risk compliance data platform court rating score reward punishment design ministry report algorithm transparency supervision culture trust sincerity contract law enterprise blacklist Wisconsin Pennsylvania hiking employees chips'.split(
      ' ',
    );
  const chinese = ['诚信', '信用', '社会信用体系', '顶层设计', '发改委', '意识形态'];
  let seed = 42;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const start = Date.UTC(2026, 0, 1);
  return Array.from({ length: count }, (_, i) => {
    const body = [
      ...Array.from({ length: 20 + Math.floor(random() * 120) }, () =>
        random() < 0.05 ? pick(chinese) : pick(words),
      ),
      // A word shared by only 1 note in 400, for searches that the newest notes cannot answer.
      `topic${i % 400}`,
    ].join(' ');
    const entry = random() < 0.7 ? pick(glossary.entries) : undefined;
    const url = `https://news${i % 97}.example/article/${i}?utm_source=feed`;
    const title = `Article ${i} about ${pick(words)} and ${pick(words)}`;
    const quote = {
      exact: `A sentence about ${pick(words)} ${pick(words)}.`,
      prefix: '',
      suffix: '',
    };
    const time = start + i * 60_000;
    return {
      id: crypto.randomUUID(),
      termId: entry?.id,
      url,
      urlKey: urlKey(url),
      title,
      quote,
      body,
      createdAt: time,
      updatedAt: time,
      words: searchWords(body, quote.exact, title, entry?.term),
    };
  });
}

/** Writes notes straight into the extension's database, from one of its pages. */
async function seed(page: Page, notes: StoredNote[]): Promise<void> {
  for (let i = 0; i < notes.length; i += 2_000) {
    await page.evaluate(
      async (batch) => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open('credit-lens');
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction('notes', 'readwrite');
          for (const note of batch) tx.objectStore('notes').put(note);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
        db.close();
      },
      notes.slice(i, i + 2_000),
    );
  }
}

/** The baseline: read every note and filter in memory, as a store without a words index would. */
async function baselineSearch(page: Page, query: string): Promise<number> {
  return page.evaluate(async (query) => {
    const start = performance.now();
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('credit-lens');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const all = await new Promise<{ body: string; title: string; updatedAt: number }[]>(
      (resolve, reject) => {
        const request = db.transaction('notes').objectStore('notes').getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      },
    );
    const needles = query.toLowerCase().split(/\s+/);
    all
      .filter((n) => needles.every((w) => `${n.body} ${n.title}`.toLowerCase().includes(w)))
      .sort((a, b) => b.updatedAt - a.updatedAt)
      .slice(0, 50);
    db.close();
    return performance.now() - start;
  }, query);
}

async function main(): Promise<void> {
  const server = await startServer();
  const launched = await launchBrowser('chromium');
  try {
    const popupUrl = `${launched.extensionOrigin}/popup.html`;
    const popup = await launched.browser.newPage();
    await popup.goto(popupUrl); // opens (and creates) the database
    await waitForRole(popup, 'tab', 'All notes');
    const t0 = performance.now();
    await seed(popup, makeNotes(NOTES));
    console.log(`Seeded ${NOTES.toLocaleString('en')} notes in ${ms(performance.now() - t0)}`);

    // Popup: navigation start → first list on screen.
    const opens: number[] = [];
    for (let i = 0; i < REPEATS; i++) {
      await popup.goto(popupUrl);
      await popup.waitForFunction(
        () => performance.getEntriesByName('credit-lens:popup-first-list').length > 0,
        { timeout: 10_000 },
      );
      opens.push(
        await popup.evaluate(
          () => performance.getEntriesByName('credit-lens:popup-first-list')[0]!.startTime,
        ),
      );
    }

    // Search: type each query into the popup's search box and read the store's own measure.
    const ours = new Map<string, number[]>();
    const baseline = new Map<string, number[]>();
    const add = (map: Map<string, number[]>, key: string, value: number) =>
      map.set(key, [...(map.get(key) ?? []), value]);
    const box = await queryByRole(popup, 'searchbox', 'Search notes');
    if (!box) throw new Error('No "Search notes" box in the popup');
    for (let round = 0; round < REPEATS; round++) {
      for (const query of QUERIES) {
        await popup.evaluate(() => performance.clearMeasures('credit-lens:notes:search'));
        await box.click({ count: 3 });
        await box.type(query);
        await popup.waitForFunction(
          (q) =>
            performance
              .getEntriesByName('credit-lens:notes:search')
              .some((m) => (m as PerformanceMeasure).detail?.query === q),
          { timeout: 10_000 },
          query,
        );
        add(
          ours,
          query,
          await popup.evaluate(
            (q) =>
              (performance.getEntriesByName('credit-lens:notes:search') as PerformanceMeasure[])
                .filter((m) => m.detail?.query === q)
                .at(-1)!.duration,
            query,
          ),
        );
        add(baseline, query, await baselineSearch(popup, query));
      }
    }

    // Save: "Add note" → "Save note" in the popover on the demo page; the content script's measure.
    const demo = await launched.browser.newPage();
    await demo.goto(server.url('/index.html'));
    await waitForScan(demo);
    const saves: number[] = [];
    for (let i = 0; i < REPEATS; i++) {
      const point = await termPoint(demo, 'chéngxìn');
      await demo.mouse.click(point.x, point.y);
      await waitForRole(demo, 'dialog', 'Chengxin (integrity)');
      await (await waitForRole(demo, 'button', 'Add note')).click();
      const text = await waitForRole(demo, 'textbox', 'New note on Chengxin (integrity)');
      await text.type(`Benchmark note ${i}`);
      await (await waitForRole(demo, 'button', 'Save note')).click();
      await demo.waitForFunction(
        (n) => performance.getEntriesByName('credit-lens:notes:saveNote').length > n,
        { timeout: 10_000 },
        i,
      );
      await demo.keyboard.press('Escape');
      await delay(100);
    }
    saves.push(
      ...(await demo.evaluate(() =>
        performance.getEntriesByName('credit-lens:notes:saveNote').map((m) => m.duration),
      )),
    );

    console.log(`\nChromium, ${NOTES.toLocaleString('en')} notes, medians of ${REPEATS}:`);
    console.log(
      `  popup: first list on screen        ${ms(median(opens)).padStart(9)}   (target ≤ 300 ms)`,
    );
    console.log(
      `  save from the popover (round trip) ${ms(median(saves)).padStart(9)}   (target ≤ 50 ms)`,
    );
    console.log(
      '  search (target ≤ 50 ms)            ours      baseline: read all + filter   ratio',
    );
    let worst = 0;
    for (const query of QUERIES) {
      const a = median(ours.get(query)!);
      const b = median(baseline.get(query)!);
      worst = Math.max(worst, a);
      console.log(
        `    ${JSON.stringify(query).padEnd(30)} ${ms(a).padStart(9)}   ${ms(b).padStart(9)}   ${(b / a).toFixed(0)}×`,
      );
    }
    console.log(`    slowest query (median)          ${ms(worst).padStart(9)}`);
  } finally {
    await launched.close();
    await server.close();
  }
}

await main();
