import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForRole } from './support/aria';
import { browsersUnderTest, launchBrowser, type LaunchedBrowser } from './support/browsers';
import { glossaryEntry } from './support/glossary';
import { chooseFileByLabel, downloadByButton } from './support/downloads';
import { watchProblems, type PageProblem } from './support/page-helpers';

/*
 * Notes out and in, end to end: notes saved in one browser (through the background, with the
 * `saveNote` message the popover sends; notes.e2e.ts saves one through the popover itself), hostile
 * text included, are exported from the options page in every format, the JSON is imported into a second browser with a fresh profile,
 * and exporting there gives back the same notes. A bad file shows its problems and changes nothing.
 *
 * Downloads are real: Chromium is told over CDP (`Browser.setDownloadBehavior`) to save them in a
 * folder of ours, and the test reads the files. Chromium only: Firefox's WebDriver BiDi cannot
 * open moz-extension:// pages (see popup.e2e.ts).
 */

const chengxin = glossaryEntry('chengxin');
const POPOVER_BODY = 'As from the popover: integrity is a small part.';

/** Notes the reader might well write: Markdown, HTML, formulas, links that are traps, CJK, RTL. */
const NOTES = [
  {
    // What the popover sends for a note on a term, quoting the sentence around it.
    termId: 'chengxin',
    url: 'http://127.0.0.1/index.html',
    title: 'Credit Lens demo',
    quote: {
      exact: 'Chéngxìn is often translated as honesty.',
      prefix: 'Second paragraph. ',
      suffix: ' Yet the seminar',
    },
    body: POPOVER_BODY,
  },
  {
    termId: 'grc',
    url: 'https://example.org/article?utm_source=feed#part-2',
    title: '# [Click](javascript:alert(1)) <img src=x onerror=alert(1)>',
    quote: { exact: '<script>alert("quote")</script> **bold**', prefix: '', suffix: '' },
    body: '=HYPERLINK("https://evil.example","open")\n- not a list\n`code` & &amp; | table |',
  },
  {
    url: 'javascript:alert(document.domain)',
    title: '诚信建设 — مرحبا بالعالم',
    quote: null,
    body: '诚信不只是诚实。\nשלום [link](javascript:alert(2)) \\ back\\slash',
  },
];

interface SavedNote {
  id: string;
  body: string;
}

interface NotesFile {
  format: string;
  version: number;
  exportedAt: string;
  notes: SavedNote[];
}

describe.skipIf(!browsersUnderTest().includes('chromium'))('Notes export and import', () => {
  let first: LaunchedBrowser;
  let second: LaunchedBrowser | undefined;
  let work: string;
  const problems: PageProblem[] = [];
  const exported = new Map<string, string>(); // format → the file it was exported to

  /** The options page, scrolled to the notes section. */
  async function openOptions(launched: LaunchedBrowser): Promise<Page> {
    const page = await launched.browser.newPage();
    problems.push(...watchProblems(page));
    await page.goto(`${launched.extensionOrigin}/options.html#notes`);
    await waitForRole(page, 'heading', 'Notes export and import');
    return page;
  }

  /** Clicks an export button and returns the file the browser saved. */
  function exportFile(launched: LaunchedBrowser, page: Page, button: string) {
    return downloadByButton(launched, page, button, work);
  }

  function chooseFile(page: Page, file: string): Promise<void> {
    return chooseFileByLabel(page, 'Notes file to import (JSON)', file);
  }

  async function sectionText(page: Page): Promise<string> {
    return page.$eval('#notes', (section) => section.textContent ?? '');
  }

  /** Waits until the notes section says this (other sections have imports and exports too). */
  async function waitForNotesText(page: Page, text: string | RegExp): Promise<void> {
    await expect.poll(() => sectionText(page), { timeout: 5_000 }).toMatch(text);
  }

  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'credit-lens-transfer-'));
    first = await launchBrowser('chromium');
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
    await rm(work, { recursive: true, force: true });
    // Our pages have no scripts of their own: any error here is the extension's.
    expect(problems).toEqual([]);
  });

  it('saves notes through the background, as the popover does', async () => {
    const options = await openOptions(first);
    const replies = await options.evaluate(async (notes) => {
      const chrome = (
        globalThis as unknown as {
          chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
        }
      ).chrome;
      const results = [];
      for (const note of notes) {
        results.push(
          await chrome.runtime.sendMessage({
            channel: 'credit-lens/v1',
            method: 'saveNote',
            data: { id: crypto.randomUUID(), ...note },
          }),
        );
      }
      return results;
    }, NOTES);
    expect(replies).toEqual(NOTES.map(() => expect.objectContaining({ ok: true })));
    await options.close();
  });

  it('shows that no export was made yet, and whether storage is persistent', async () => {
    const options = await openOptions(first);
    await waitForNotesText(options, 'Last export: never.');
    await waitForNotesText(options, /Storage is (not )?persistent/);
    const persisted = await options.evaluate(() => navigator.storage.persisted());
    const text = await sectionText(options);
    if (persisted) {
      expect(text).toContain('Storage is persistent: the browser will not delete your notes');
    } else {
      expect(text).toContain('Storage is not persistent');
      await (
        await waitForRole(options, 'button', 'Ask the browser to keep notes permanently')
      ).click();
      await waitForNotesText(options, /The browser (agreed|did not agree)/);
    }
    await options.close();
  });

  it('exports JSON with every note, and records the time', async () => {
    const options = await openOptions(first);
    const json = await exportFile(first, options, 'Export as JSON (a full backup)');
    expect(json.name).toMatch(/^credit-lens-notes-\d{4}-\d{2}-\d{2}\.json$/);
    const file = JSON.parse(json.text) as NotesFile;
    expect(file).toMatchObject({ format: 'credit-lens-notes', version: 1 });
    expect(Date.now() - Date.parse(file.exportedAt)).toBeLessThan(60_000);
    expect(file.notes.map((note) => note.body).sort()).toEqual(
      NOTES.map((note) => note.body).sort(),
    );
    for (const note of file.notes) expect(note).not.toHaveProperty('words');
    const hostile = file.notes.find((note) => note.body === NOTES[1]!.body);
    expect(hostile).toMatchObject({
      ...NOTES[1],
      urlKey: 'https://example.org/article',
    });
    exported.set('json', json.file);

    await waitForNotesText(options, /Last export: \w+ \d+, \d{4} at /);
    // The time survives a reload (it is stored, not just shown).
    await options.reload();
    await waitForNotesText(options, /Last export: \w+ \d+, \d{4} at /);
    await options.close();
  });

  it('exports Markdown by page and by term, escaped, linking only web pages', async () => {
    const options = await openOptions(first);
    const byPage = await exportFile(first, options, 'Export as Markdown, by page');
    expect(byPage.name).toMatch(/^credit-lens-notes-by-page-\d{4}-\d{2}-\d{2}\.md$/);
    expect(byPage.text).toMatch(/^# Credit Lens notes by page\n/);
    expect(byPage.text).toContain(
      '## [\\# \\[Click\\]\\(javascript\\:alert\\(1\\)\\) \\<img src\\=x onerror\\=alert\\(1\\)\\>](https://example.org/article)',
    );
    expect(byPage.text).toContain('> \\<script\\>alert\\("quote"\\)\\</script\\> \\*\\*bold\\*\\*');
    expect(byPage.text).toContain('\\- not a list');
    expect(byPage.text).not.toMatch(/\]\(javascript/i);
    expect(byPage.text).toContain('## 诚信建设 — مرحبا بالعالم\n'); // not a link: javascript: URL

    const byTerm = await exportFile(first, options, 'Export as Markdown, by term');
    expect(byTerm.name).toMatch(/^credit-lens-notes-by-term-\d{4}-\d{2}-\d{2}\.md$/);
    expect(byTerm.text).toContain(`## ${chengxin.term.replace(/[()]/g, '\\$&')}\n`);
    expect(byTerm.text).toContain('## Notes on no term');
    expect(byTerm.text).toContain(POPOVER_BODY.replace(/[:.]/g, '\\$&'));
    await options.close();
  });

  it('exports CSV that spreadsheets will not run as formulas', async () => {
    const options = await openOptions(first);
    const csv = await exportFile(first, options, 'Export as CSV (for spreadsheets)');
    expect(csv.name).toMatch(/^credit-lens-notes-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(csv.text.startsWith('\uFEFFid,termId,term,url,title,')).toBe(true);
    expect(csv.text).toContain(`"'=HYPERLINK(""https://evil.example"",""open"")`);
    expect(csv.text).not.toMatch(/(^|,)"?=HYPERLINK/m);
    await options.close();
  });

  it('imports the JSON into a fresh profile, which then exports the same notes', async () => {
    second = await launchBrowser('chromium');
    const options = await openOptions(second);
    await waitForNotesText(options, 'Last export: never.');
    await chooseFile(options, exported.get('json')!);
    await waitForNotesText(options, '3 notes are new and will be added.');
    await (await waitForRole(options, 'button', 'Import 3 notes')).click();
    await waitForNotesText(
      options,
      ': 3 added, 0 updated, 0 already here and unchanged, 0 skipped',
    );

    const again = await exportFile(second, options, 'Export as JSON (a full backup)');
    const original = JSON.parse(await readFile(exported.get('json')!, 'utf8')) as NotesFile;
    expect((JSON.parse(again.text) as NotesFile).notes).toEqual(original.notes);

    // Importing the same file a second time changes nothing, and says so.
    await chooseFile(options, exported.get('json')!);
    await waitForNotesText(options, 'importing it would change nothing');
    expect(await options.$('::-p-aria([name="Import 3 notes"][role="button"])')).toBeNull();
    await options.close();
  });

  it('imported notes can be found in the popup, by their words', async () => {
    const popup = await second!.browser.newPage();
    problems.push(...watchProblems(popup));
    await popup.goto(`${second!.extensionOrigin}/popup.html`);
    await waitForRole(popup, 'tabpanel', 'All notes');
    const search = await waitForRole(popup, 'searchbox', 'Search notes');
    await search.type('诚实');
    // Found by the words index the import built (Chinese is indexed as characters and pairs).
    const bodies = () =>
      popup.$$eval('.note-body', (nodes) => nodes.map((node) => node.textContent));
    await expect.poll(bodies, { timeout: 5_000 }).toEqual([NOTES[2]!.body]);
    await popup.close();
  });

  it('refuses a bad file, names the note and field, and changes nothing', async () => {
    const options = await openOptions(second!);
    const original = JSON.parse(await readFile(exported.get('json')!, 'utf8')) as NotesFile;
    const [firstNote] = original.notes;
    const bad = {
      ...original,
      notes: [
        { ...firstNote, body: 'would overwrite', updatedAt: Date.now() + 60_000 },
        { ...firstNote, id: '00000000-0000-4000-8000-00000000000b', body: '  ' },
      ],
    };
    const badFile = path.join(work, 'bad-notes.json');
    await writeFile(badFile, JSON.stringify(bad));
    await chooseFile(options, badFile);
    const alert = await options.waitForSelector('::-p-aria([role="alert"])');
    await waitForNotesText(options, 'bad-notes.json cannot be imported');
    expect(await alert!.evaluate((element) => element.textContent)).toContain(
      'Note 2 (id 00000000-0000-4000-8000-00000000000b): the field body (the note): Write something first: the note is empty.',
    );
    expect(await options.$('::-p-aria([name="Import 1 note"][role="button"])')).toBeNull();

    const newer = path.join(work, 'newer-notes.json');
    await writeFile(newer, JSON.stringify({ ...original, version: 2 }));
    await chooseFile(options, newer);
    await waitForNotesText(options, 'made by a newer version of Credit Lens');

    const after = await exportFile(second!, options, 'Export as JSON (a full backup)');
    expect((JSON.parse(after.text) as NotesFile).notes).toEqual(original.notes);
    await options.close();
  });
});
