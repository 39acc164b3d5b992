import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryByRole, waitForNoRole, waitForRole } from './support/aria';
import { browsersUnderTest, launchBrowser, type LaunchedBrowser } from './support/browsers';
import { glossaryEntry } from './support/glossary';
import { openScanned, termPoint, watchProblems, type PageProblem } from './support/page-helpers';
import { startServer, type StaticServer } from './support/server';

/*
 * A reader's note, end to end: written in the popover on the demo page, saved by the background
 * into the extension's IndexedDB, listed in the popup and in the popover of the same term on
 * another page, edited, deleted and restored, and still there after the browser restarts with
 * the same profile.
 *
 * The popup page is opened directly in Chromium only: Firefox's WebDriver BiDi refuses to open
 * moz-extension:// pages in a tab (see popup.e2e.ts). In Firefox the popover on the second page
 * shows the same stored notes, which is what these steps check there.
 */

const chengxin = glossaryEntry('chengxin');
const BODY = 'Backer: integrity is a small part <b>not bold</b>';
const EDITED = 'Edited: the West reads too much into chengxin.';

let server: StaticServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.close();
});

/** Clicks a marked term so its popover opens (and takes focus). */
async function openTerm(page: Page, text: string): Promise<void> {
  const { x, y } = await termPoint(page, text);
  await page.mouse.click(x, y);
  await waitForRole(page, 'dialog', chengxin.term);
}

async function click(page: Page, role: string, name: string): Promise<void> {
  const control = await waitForRole(page, role, name);
  // A control below the popover's scroll fold is scrolled to first, as a reader would.
  await control.evaluate((element) => element.scrollIntoView({ block: 'nearest' }));
  await control.click();
}

describe.each(browsersUnderTest())('Notes in %s', (browserName) => {
  let profile: string;
  let launched: LaunchedBrowser;
  let problems: PageProblem[] = [];

  const relaunch = async () => {
    await launched?.close();
    launched = await launchBrowser(browserName, { userDataDir: profile });
  };
  const open = async (file: string) => {
    const opened = await openScanned(launched.browser, server.url(file));
    problems.push(...opened.problems);
    return opened.page;
  };
  /** The notes the popup's "All notes" tab lists, by text (Chromium only; see above). */
  const popupNotes = async () => {
    const popup = await launched.browser.newPage();
    problems = [...problems, ...watchProblems(popup)];
    // Opened as a tab, the popup's own tab is the "current" one: an extension page with no
    // content script, so it opens on All notes.
    await popup.goto(`${launched.extensionOrigin}/popup.html`);
    await waitForRole(popup, 'tabpanel', 'All notes');
    await popup
      .waitForFunction(() => !document.body.textContent?.includes('Reading your notes'), {
        timeout: 5_000,
      })
      .catch(() => undefined);
    const bodies = await popup.$$eval('.note-body', (nodes) => nodes.map((n) => n.textContent));
    await popup.close();
    return bodies;
  };

  beforeAll(async () => {
    profile = await mkdtemp(path.join(os.tmpdir(), `credit-lens-notes-${browserName}-`));
    await relaunch();
  });
  afterAll(async () => {
    await launched?.close();
    await rm(profile, { recursive: true, force: true });
    // The demo pages have no scripts of their own: any error here is the extension's.
    expect(problems).toEqual([]);
  });

  it('saves a note from the popover, quoting the sentence around the term', async () => {
    const page = await open('/index.html');
    await openTerm(page, 'chéngxìn');
    await click(page, 'button', 'Add note');
    const box = await waitForRole(page, 'textbox', `New note on ${chengxin.term}`);
    await box.type(BODY);
    await click(page, 'button', 'Save note');
    const saved = await waitForRole(page, 'article', `Note: ${BODY}`);
    const text = (await saved.evaluate((element) => element.textContent)) ?? '';
    expect(text).toContain(BODY); // HTML typed into a note stays text
    expect(text).toContain('chéngxìn'); // the quoted sentence around the term
    await page.close();
  });

  it.runIf(browserName === 'chromium')('lists the note in the popup', async () => {
    expect(await popupNotes()).toEqual([BODY]);
  });

  it('shows the note in the popover of the same term on another page', async () => {
    const page = await open('/second.html');
    await openTerm(page, 'chengxin');
    const note = await waitForRole(page, 'article', `Note: ${BODY}`);
    // It says where it was written: a link to the demo page, named by its title.
    const links = await note.$$eval('a', (as) => as.map((a) => a.getAttribute('href')));
    expect(links).toEqual([server.url('/index.html')]);
    await page.close();
  });

  it('edits the note in place, and deletes it with undo', async () => {
    const page = await open('/second.html');
    await openTerm(page, 'chengxin');
    await click(page, 'button', 'Edit');
    const box = await waitForRole(page, 'textbox', 'Edit note');
    await box.click({ count: 3 });
    await box.evaluate((element) => (element as HTMLTextAreaElement).select());
    await page.keyboard.press('Backspace');
    await box.type(EDITED);
    await click(page, 'button', 'Save');
    await waitForRole(page, 'article', `Note: ${EDITED}`);

    await click(page, 'button', 'Delete');
    await waitForRole(page, 'button', 'Undo');
    await waitForNoRole(page, 'article', `Note: ${EDITED}`);
    if (browserName === 'chromium') expect(await popupNotes()).toEqual([]);

    await click(page, 'button', 'Undo');
    await waitForRole(page, 'article', `Note: ${EDITED}`);
    if (browserName === 'chromium') expect(await popupNotes()).toEqual([EDITED]);
    await page.close();
  });

  it('keeps the note after the browser restarts with the same profile', async () => {
    await relaunch();
    const page = await open('/index.html');
    await openTerm(page, 'chéngxìn');
    expect(await waitForRole(page, 'article', `Note: ${EDITED}`)).toBeTruthy();
    expect(await queryByRole(page, 'article', `Note: ${BODY}`)).toBeNull();
    if (browserName === 'chromium') expect(await popupNotes()).toEqual([EDITED]);
    await page.close();
  });
});
