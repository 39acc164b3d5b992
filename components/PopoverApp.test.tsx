// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { bundledGlossary } from '~/lib/glossary';
import { CreditLensDb } from '~/lib/db';
import { NoteStore } from '~/lib/notes/note-store';
import { storeNotesApi, type NotesApi } from '~/lib/notes/notes-api';
import { installHighlightPolyfills } from '~/test/dom-polyfills';
import { PopoverApp } from './PopoverApp';
import { PopoverStore } from './popover-store';

beforeAll(installHighlightPolyfills);
afterEach(cleanup);

const page = () => ({ url: 'https://example.org/a', title: 'An article' });
const quote = { exact: 'The social credit system is wide.', prefix: '', suffix: '' };

function memoryNotes(): NotesApi {
  const store = new NoteStore(
    new CreditLensDb(`popover-${Math.random()}`),
    (id) => bundledGlossary().get(id)?.term,
  );
  return storeNotesApi(store);
}

const noGlossaryPage = (_entryId: string) => Promise.resolve();

function setup(
  openedBy: 'hover' | 'click' = 'click',
  notes = memoryNotes(),
  { glossary = bundledGlossary(), openInGlossary = noGlossaryPage } = {},
) {
  const p = document.createElement('p');
  p.textContent = 'the social credit system';
  document.body.append(p);
  const store = new PopoverStore();
  const onClose = vi.fn(() => store.set(null));
  render(
    <PopoverApp
      store={store}
      glossary={glossary}
      notes={notes}
      page={page}
      openInGlossary={openInGlossary}
      onClose={onClose}
    />,
  );
  const anchor = new StaticRange({
    startContainer: p.firstChild!,
    startOffset: 4,
    endContainer: p.firstChild!,
    endOffset: 24,
  });
  act(() => store.set({ entryId: 'social-credit-system', trail: [], anchor, quote, openedBy }));
  return { store, onClose, notes };
}

describe('PopoverApp', () => {
  it('renders nothing while closed', () => {
    const store = new PopoverStore();
    const { container } = render(
      <PopoverApp
        store={store}
        glossary={bundledGlossary()}
        notes={memoryNotes()}
        page={page}
        openInGlossary={noGlossaryPage}
        onClose={() => {}}
      />,
    );
    expect(container.childElementCount).toBe(0);
  });

  it('shows the entry in a dialog named by its term', () => {
    setup();
    const dialog = screen.getByRole('dialog', { name: 'Social credit system' });
    const entry = bundledGlossary().get('social-credit-system')!;
    expect(within(dialog).getByText(entry.definition)).toBeTruthy();
    expect(within(dialog).getByText(entry.explanation)).toBeTruthy();
    expect(within(dialog).getByText(entry.seminar.said)).toBeTruthy();
    expect(within(dialog).getByText('社会信用体系')).toBeTruthy();
    expect(within(dialog).getByText('社會信用體系')).toBeTruthy();
    expect(within(dialog).getByText(entry.pinyin!)).toBeTruthy();
  });

  it('names the category and lists the sources', async () => {
    const user = userEvent.setup();
    setup();
    const dialog = screen.getByRole('dialog', { name: 'Social credit system' });
    expect(within(dialog).getByText("China's system")).toBeTruthy();
    const entry = bundledGlossary().get('social-credit-system')!;
    await user.click(within(dialog).getByText(`Sources (${entry.sources.length})`));
    const cited = within(dialog)
      .getAllByText((_text, element) => element?.tagName === 'CITE')
      .map((element) => element.textContent);
    expect(cited).toEqual(entry.sources.map((source) => source.title));
  });

  it('explains what the term is not to be confused with, and shows that entry on request', async () => {
    const user = userEvent.setup();
    const base = bundledGlossary();
    const entry = {
      ...base.get('social-credit-system')!,
      notConfusedWith: [{ id: 'chengxin', why: 'Chengxin is one strand of the system.' }],
    };
    setup('click', memoryNotes(), {
      glossary: { entries: base.entries, get: (id) => (id === entry.id ? entry : base.get(id)) },
    });
    const section = screen.getByRole('region', { name: 'Not to be confused with' });
    expect(within(section).getByText('Chengxin is one strand of the system.')).toBeTruthy();
    await user.click(within(section).getByRole('button', { name: 'Chengxin (integrity)' }));
    expect(screen.getByRole('dialog', { name: 'Chengxin (integrity)' })).toBeTruthy();
  });

  it('opens the glossary page at the entry, and says so when that fails', async () => {
    const user = userEvent.setup();
    const openInGlossary = vi
      .fn<(id: string) => Promise<void>>()
      .mockResolvedValueOnce(undefined)
      .mockRejectedValueOnce(new Error('Extension context invalidated.'));
    setup('click', memoryNotes(), { openInGlossary });
    const button = screen.getByRole('button', { name: 'Open in glossary' });
    await user.click(button);
    expect(openInGlossary).toHaveBeenLastCalledWith('social-credit-system');
    expect(screen.queryByRole('alert')).toBeNull();
    await user.click(button);
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The glossary could not be opened: Extension context invalidated.',
    );
  });

  it('takes focus when opened by a click, not when opened by hover', () => {
    setup('click');
    expect(document.activeElement).toBe(screen.getByRole('dialog'));
    cleanup();
    (document.activeElement as HTMLElement | null)?.blur();
    setup('hover');
    expect(document.activeElement).not.toBe(screen.getByRole('dialog'));
  });

  it('shows a related entry in the same dialog, and goes back', async () => {
    const user = userEvent.setup();
    setup();
    const related = screen.getByRole('navigation', { name: 'Related terms' });
    await user.click(within(related).getByRole('button', { name: 'Chengxin (integrity)' }));
    expect(screen.getByRole('dialog', { name: 'Chengxin (integrity)' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: /Back to Social credit system/ }));
    expect(screen.getByRole('dialog', { name: 'Social credit system' })).toBeTruthy();
  });

  it('closes on Escape and with the close button', async () => {
    const user = userEvent.setup();
    const { onClose } = setup();
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('dialog')).toBeNull();
    const again = setup();
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(again.onClose).toHaveBeenCalledTimes(1);
  });

  it('renders entry text as text, never as markup', () => {
    const glossary = bundledGlossary();
    const entry = glossary.get('grc')!;
    const hostile = { ...entry, definition: '<img src=x onerror=alert(1)>' };
    const store = new PopoverStore();
    render(
      <PopoverApp
        store={store}
        glossary={{ entries: [hostile], get: (id) => (id === 'grc' ? hostile : glossary.get(id)) }}
        notes={memoryNotes()}
        page={page}
        openInGlossary={noGlossaryPage}
        onClose={() => {}}
      />,
    );
    const p = document.createElement('p');
    p.textContent = 'GRC';
    document.body.append(p);
    const anchor = new StaticRange({
      startContainer: p.firstChild!,
      startOffset: 0,
      endContainer: p.firstChild!,
      endOffset: 3,
    });
    act(() => store.set({ entryId: 'grc', trail: [], anchor, quote: null, openedBy: 'click' }));
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeTruthy();
    expect(document.querySelector('img')).toBeNull();
  });
});

describe('PopoverApp notes', () => {
  it('adds a note with the keyboard alone, quoting the sentence around the term', async () => {
    const user = userEvent.setup();
    const { notes } = setup();
    await user.tab(); // from the dialog to its first control
    const add = await screen.findByRole('button', { name: 'Add note' });
    add.focus();
    await user.keyboard('{Enter}');
    const box = screen.getByRole('textbox', { name: 'New note on Social credit system' });
    expect(document.activeElement).toBe(box);
    await user.keyboard('Mostly about markets.{Control>}{Enter}{/Control}');
    const section = screen.getByRole('region', { name: 'Your notes on Social credit system' });
    const list = await within(section).findByRole('list');
    expect(within(list).getByText('Mostly about markets.')).toBeTruthy();
    expect(within(list).getByText(quote.exact)).toBeTruthy();
    expect(within(list).getByRole('link', { name: 'An article' }).getAttribute('href')).toBe(
      page().url,
    );
    const [saved] = await notes.forTerm('social-credit-system');
    expect(saved).toMatchObject({ body: 'Mostly about markets.', quote, url: page().url });
  });

  it('cancels a draft without saving', async () => {
    const user = userEvent.setup();
    const { notes } = setup();
    await user.click(await screen.findByRole('button', { name: 'Add note' }));
    await user.type(screen.getByRole('textbox'), 'never mind');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(await notes.forTerm('social-credit-system')).toEqual([]);
  });

  it('edits and deletes a note in place, and undoes the delete', async () => {
    const user = userEvent.setup();
    const notes = memoryNotes();
    await notes.save({
      id: crypto.randomUUID(),
      termId: 'social-credit-system',
      url: 'https://other.example/',
      title: 'Other page',
      quote: null,
      body: 'first',
    });
    setup('click', notes);
    await user.click(await screen.findByRole('button', { name: 'Edit' }));
    const box = screen.getByRole('textbox', { name: 'Edit note' });
    await user.clear(box);
    await user.type(box, 'second');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('second')).toBeTruthy();
    // The list reloads after the save (on a busy machine, after the edited text shows).
    await user.click(await screen.findByRole('button', { name: 'Delete' }));
    expect(await screen.findByRole('status')).toBeTruthy();
    await waitFor(() => expect(screen.queryByText('second')).toBeNull());
    expect(await notes.forTerm('social-credit-system')).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByText('second')).toBeTruthy();
    expect((await notes.forTerm('social-credit-system')).map((n) => n.body)).toEqual(['second']);
  });

  it('shows a failed save as an error and keeps the typed text', async () => {
    const user = userEvent.setup();
    const failing = {
      ...memoryNotes(),
      save: vi.fn().mockRejectedValue(new Error('Your browser has no storage space left')),
    };
    setup('click', failing);
    await user.click(await screen.findByRole('button', { name: 'Add note' }));
    await user.type(screen.getByRole('textbox'), 'precious words');
    await user.click(screen.getByRole('button', { name: 'Save note' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/no storage space/);
    expect((screen.getByRole('textbox') as HTMLTextAreaElement).value).toBe('precious words');
    // A retry reuses the same id, so it cannot create a duplicate.
    await user.click(screen.getByRole('button', { name: 'Save note' }));
    expect(failing.save.mock.calls[0]![0].id).toBe(failing.save.mock.calls[1]![0].id);
  });
});
