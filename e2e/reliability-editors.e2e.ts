import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browsersUnderTest, launchBrowser, type LaunchedBrowser } from './support/browsers';
import { bundleForPage } from './support/bundle';
import {
  delay,
  markedTexts,
  marksInside,
  waitForScan,
  watchProblems,
  type PageProblem,
} from './support/page-helpers';
import { startServer, type StaticServer } from './support/server';

/*
 * Issue 7, item 4: editors are the reader's own text. The extension must not mark inside them,
 * and must not change what typing does: the same keys give exactly the same text, caret and
 * selection with the extension on as with it off.
 *
 * Why this can break: an editor keeps its own model of its DOM (CodeMirror compares the DOM with
 * its document on every mutation and repairs differences), contenteditable typing runs through
 * the browser's editing code, which reacts to any node or selection change made under it, and a
 * content script that handles pointer or key events, or that scans on every mutation, could
 * steal focus or move the caret. Credit Lens skips these elements (see lib/scan/skip.ts); this
 * checks that from the outside, with real key presses in real browsers.
 *
 * The page (fixtures/pages/editors.html) has a textarea, a text input, a contenteditable region
 * and a real CodeMirror 6 editor (bundled at test time), each holding glossary terms, and a
 * paragraph of ordinary prose that must be marked. Each editor is typed into twice, in the same
 * browser: first without the extension, then with it, and the results compared.
 */

const editors = ['textarea', 'input', 'contenteditable', 'codemirror'] as const;
type Editor = (typeof editors)[number];

/** Selectors of everything that is an editor, or inside one. */
const editorSelector = 'textarea, input, [contenteditable], .cm-editor';

/** What typing does, per editor: text with terms, a new line where the editor has lines. */
const typed = ' Typed: the social credit system, 诚信 and GRC.';
const secondLine = 'A second line about the NDRC.';

/** An editor's text and selection, read from the editor's own model where it has one. */
interface EditorState {
  /** value, textContent, or the CodeMirror document. */
  text: string;
  /** The contenteditable subtree's markup: typing there creates nodes, which must be the same. */
  markup: string;
  /** Caret and selection, as the editor reports them. */
  selection: string;
  /** Whether the editor still has focus. */
  focused: boolean;
}

let server: StaticServer;
beforeAll(async () => {
  server = await startServer();
  server.route('/editors/codemirror.js', {
    body: await bundleForPage('e2e/fixtures/editors/codemirror.ts'),
    contentType: 'text/javascript; charset=utf-8',
  });
  server.route('/favicon.ico', { body: '', contentType: 'image/x-icon' });
});
afterAll(async () => {
  await server?.close();
});

async function openEditors(launched: LaunchedBrowser): Promise<{
  page: Page;
  problems: PageProblem[];
}> {
  const page = await launched.browser.newPage();
  const problems = watchProblems(page);
  await page.goto(server.url('/fixtures/editors.html'));
  await page.waitForFunction(() => window.codeMirror !== undefined);
  return { page, problems };
}

/** Focuses the editor with its caret at the end, as a reader clicking after the last word would. */
async function focusAtEnd(page: Page, editor: Editor): Promise<void> {
  await page.evaluate((editor) => {
    if (editor === 'codemirror') {
      const view = window.codeMirror!;
      view.focus();
      view.dispatch({ selection: { anchor: view.state.doc.length } });
    } else if (editor === 'contenteditable') {
      const region = document.getElementById('editable')!;
      region.focus();
      const paragraph = region.querySelector('p')!;
      getSelection()!.collapse(paragraph, paragraph.childNodes.length);
    } else {
      const field = document.getElementById(editor) as HTMLInputElement | HTMLTextAreaElement;
      field.focus();
      field.setSelectionRange(field.value.length, field.value.length);
    }
  }, editor);
}

async function readEditor(page: Page, editor: Editor): Promise<EditorState> {
  return page.evaluate((editor): EditorState => {
    if (editor === 'codemirror') {
      const view = window.codeMirror!;
      const { anchor, head } = view.state.selection.main;
      return {
        text: view.state.doc.toString(),
        markup: '',
        selection: `${anchor}-${head}`,
        focused: view.hasFocus,
      };
    }
    if (editor === 'contenteditable') {
      const region = document.getElementById('editable')!;
      const selection = getSelection()!;
      // A node's place as child indexes from the region, e.g. "0/2" (no named helper: see
      // page-helpers.ts on functions serialised into the page).
      const where = [selection.anchorNode, selection.focusNode].map((node) => {
        const path: number[] = [];
        for (let at = node; at && at !== region; at = at.parentNode) {
          path.unshift([...(at.parentNode?.childNodes ?? [])].indexOf(at as ChildNode));
        }
        return path.join('/');
      });
      return {
        text: region.textContent ?? '',
        markup: new XMLSerializer().serializeToString(region),
        selection:
          `${where[0]}:${selection.anchorOffset} ${where[1]}:${selection.focusOffset} ` +
          JSON.stringify(selection.toString()),
        focused: document.activeElement === region,
      };
    }
    const field = document.getElementById(editor) as HTMLInputElement | HTMLTextAreaElement;
    return {
      text: field.value,
      markup: '',
      selection: `${field.selectionStart}-${field.selectionEnd} ${field.selectionDirection}`,
      focused: document.activeElement === field,
    };
  }, editor);
}

/** Types a sentence with terms (and a second line where there are lines), then selects back. */
async function typeInto(page: Page, editor: Editor): Promise<EditorState> {
  await focusAtEnd(page, editor);
  await page.keyboard.type(typed);
  if (editor !== 'input') {
    await page.keyboard.press('Enter');
    await page.keyboard.type(secondLine);
  }
  // Select the last five characters with the keyboard: the selection must come out the same.
  await page.keyboard.down('Shift');
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowLeft');
  await page.keyboard.up('Shift');
  // Let the extension react to the mutations (it must not): a debounce and a scan or two.
  await delay(400);
  return readEditor(page, editor);
}

describe.each(browsersUnderTest())('Editors in %s', (browserName) => {
  let launched: LaunchedBrowser;
  const withoutExtension = new Map<Editor, EditorState>();

  beforeAll(async () => {
    launched = await launchBrowser(browserName, { extension: false });
    for (const editor of editors) {
      const { page } = await openEditors(launched);
      withoutExtension.set(editor, await typeInto(page, editor));
      await page.close();
    }
    await launched.installExtension();
  });
  afterAll(async () => {
    await launched?.close();
  });

  it('types as expected without the extension (the baseline is what a reader typed)', () => {
    const expected: Partial<Record<Editor, string>> = {
      textarea: `The social credit system and GRC, in a textarea.${typed}\n${secondLine}`,
      input: `The NDRC and 诚信, in an input.${typed}`,
      codemirror: `The social credit system and the NDRC.\n诚信 and GRC, in an editor.${typed}\n${secondLine}`,
    };
    for (const editor of editors) {
      const state = withoutExtension.get(editor)!;
      // The contenteditable's text keeps the HTML source's white space; the others are exact.
      if (expected[editor]) expect(state.text, editor).toBe(expected[editor]);
      else expect(state.text, editor).toContain(`${typed.trim()}${secondLine}`);
      expect(state.focused, editor).toBe(true);
      console.info(`[${browserName}] ${editor}: selection ${state.selection}`);
    }
  });

  it('marks the prose but nothing inside a textarea, input, contenteditable or CodeMirror', async () => {
    const { page, problems } = await openEditors(launched);
    await waitForScan(page);
    expect(await markedTexts(page)).toEqual(['social credit system', '诚信']);
    expect(await marksInside(page, editorSelector)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it.for(editors)(
    'gives exactly the same text, caret and selection when typing in the %s',
    async (editor) => {
      const { page, problems } = await openEditors(launched);
      await waitForScan(page);
      const state = await typeInto(page, editor);
      expect(state).toEqual(withoutExtension.get(editor));
      // Typing terms into an editor must not get them marked either.
      await waitForScan(page);
      expect(await marksInside(page, editorSelector)).toEqual([]);
      expect(await markedTexts(page)).toEqual(['social credit system', '诚信']);
      expect(problems).toEqual([]);
      await page.close();
    },
  );
});
