// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CreditLensDb } from '~/lib/db';
import { bundledGlossary } from '~/lib/glossary';
import type { PageContext, PageTerms } from '~/lib/messages';
import type { NewNote, Quote } from '~/lib/notes/note';
import { NoteStore } from '~/lib/notes/note-store';
import { disabledSites, firstOccurrenceOnly, markCap, paused } from '~/lib/settings';
import { PopupApp } from './PopupApp';

const summary = vi.hoisted(() => ({ fetchPageSummary: vi.fn() }));
vi.mock('~/lib/popup/page-summary', () => summary);

// Requests to the tab's content script (pageContext, showTerm); the rest of messaging is real.
const messaging = vi.hoisted(() => ({ sendToTab: vi.fn() }));
vi.mock('~/lib/messaging/protocol', async (importOriginal) => ({
  ...(await importOriginal<typeof import('~/lib/messaging/protocol')>()),
  sendToTab: messaging.sendToTab,
}));

let page: PageTerms;
const readyPage = (): PageTerms => ({
  site: 'example.org',
  enabled: true,
  paused: false,
  total: 5,
  found: 5,
  unreadable: null,
  terms: [
    { entryId: 'social-credit-system', term: 'Social credit system', count: 3 },
    { entryId: 'grc', term: 'GRC (governance, risk and compliance)', count: 2 },
  ],
});

const PAGE_URL = 'https://example.org/article?id=4';
const selection: Quote = {
  exact: 'Credit ratings of firms are shared across agencies.',
  prefix: 'In 2014 ',
  suffix: ' The plan',
};
let context: PageContext;
let termShown: boolean;

/** A store on a throwaway database; its clock ticks a minute per write, so order is certain. */
function memoryStore(): NoteStore {
  let time = Date.UTC(2026, 0, 1);
  return new NoteStore(
    new CreditLensDb(`popup-${Math.random()}`),
    (id) => bundledGlossary().get(id)?.term,
    () => (time += 60_000),
  );
}

let seq = 0;
function note(fields: Partial<NewNote> = {}): NewNote {
  seq += 1;
  return {
    id: crypto.randomUUID(),
    url: 'https://elsewhere.example/page',
    title: 'Elsewhere',
    quote: null,
    body: `note ${seq}`,
    ...fields,
  };
}

interface Options {
  kind?: 'ready' | 'restricted';
  store?: NoteStore;
  closePopup?: () => void;
}

function renderPopup({ kind = 'ready', store = memoryStore(), closePopup }: Options = {}) {
  summary.fetchPageSummary.mockResolvedValue(kind === 'ready' ? { kind, page } : { kind });
  const findTab = async () => (kind === 'ready' ? 7 : undefined);
  render(
    <PopupApp
      findTab={findTab}
      store={store}
      closePopup={closePopup}
      glossaryUrl="chrome-extension://test-id/glossary.html"
    />,
  );
  return { store, user: userEvent.setup() };
}

/** Opens All notes and waits for its first list. */
async function openAllNotes(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('tab', { name: 'All notes' }));
  return screen.findByRole('tabpanel', { name: 'All notes' });
}

const noteCard = (body: string) => screen.getByRole('article', { name: `Note: ${body}` });
const shownBodies = () =>
  screen.queryAllByRole('article').map((a) => a.querySelector('.note-body')?.textContent);

beforeEach(() => {
  fakeBrowser.reset();
  page = readyPage();
  context = { url: `${PAGE_URL}#section-2`, title: 'An article', selection: null };
  termShown = true;
  messaging.sendToTab.mockImplementation(async (_tabId: number, method: string) => {
    if (method === 'pageContext') return context;
    if (method === 'showTerm') return termShown;
    throw new Error(`unexpected request ${method}`);
  });
});
afterEach(() => {
  cleanup();
  summary.fetchPageSummary.mockReset();
  messaging.sendToTab.mockReset();
});

describe('PopupApp: this page', () => {
  it('shows how many terms the page has, and which', async () => {
    renderPopup();
    expect(await screen.findByRole('heading', { name: '5 terms found on this page' })).toBeTruthy();
    expect(screen.getByRole('button', { name: /Social credit system\s*3 times/ })).toBeTruthy();
    expect(summary.fetchPageSummary).toHaveBeenCalledWith(7);
  });

  it('links to the glossary page, in a new tab', async () => {
    renderPopup();
    const link = await screen.findByRole('link', { name: 'Glossary' });
    expect(link.getAttribute('href')).toBe('chrome-extension://test-id/glossary.html');
    expect(link.getAttribute('target')).toBe('_blank');
  });

  it('switches marking off for the site, and remembers it', async () => {
    const { user } = renderPopup();
    const toggle = await screen.findByRole('switch', { name: 'Mark terms on example.org' });
    expect((toggle as HTMLInputElement).checked).toBe(true);
    await user.click(toggle);
    expect(await disabledSites.getValue()).toEqual(['example.org']);
  });

  it('opens the options page from Settings', async () => {
    const openOptions = vi.spyOn(fakeBrowser.runtime, 'openOptionsPage').mockResolvedValue();
    const { user } = renderPopup();
    await user.click(await screen.findByRole('button', { name: 'Settings' }));
    expect(openOptions).toHaveBeenCalledTimes(1);
  });

  it('pauses marking on every site, and says what that means', async () => {
    const { user } = renderPopup();
    const pause = await screen.findByRole('switch', { name: 'Mark terms on every site' });
    expect((pause as HTMLInputElement).checked).toBe(true);
    await user.click(pause);
    expect(await paused.getValue()).toBe(true);
    await waitFor(() => expect((pause as HTMLInputElement).checked).toBe(false));
    expect(pause.getAttribute('aria-describedby')).toBeTruthy();
    expect(screen.getByText(/Paused: no page is marked/)).toBeTruthy();
    await user.click(pause);
    expect(await paused.getValue()).toBe(false);
  });

  it('follows a pause switched elsewhere (the options page, another window)', async () => {
    renderPopup();
    const pause = await screen.findByRole('switch', { name: 'Mark terms on every site' });
    await paused.setValue(true);
    await waitFor(() => expect((pause as HTMLInputElement).checked).toBe(false));
  });

  it('says a paused page is paused, not that it has no terms', async () => {
    page = { ...readyPage(), paused: true, total: 0, found: 0, terms: [] };
    renderPopup();
    expect(await screen.findByText(/Marking is paused on every site/)).toBeTruthy();
    expect(screen.queryByText(/No glossary terms/)).toBeNull();
  });

  it.each([
    ['pdf', /It is a PDF document/],
    ['canvas-editor', /draws its text as a picture on a canvas/],
    ['media', /image, a video or a sound/],
  ] as const)('says plainly that a %s page cannot be read', async (reason, why) => {
    page = { ...readyPage(), total: 0, found: 0, terms: [], unreadable: reason };
    renderPopup();
    expect(await screen.findByText(/Credit Lens can’t read this page\./)).toBeTruthy();
    expect(screen.getByText(why)).toBeTruthy();
    expect(screen.queryByText(/No glossary terms/)).toBeNull();
  });

  it('counts marked terms only, and says how many the settings left out', async () => {
    await firstOccurrenceOnly.setValue(true);
    page = {
      ...readyPage(),
      total: 2,
      found: 5,
      terms: [
        { entryId: 'social-credit-system', term: 'Social credit system', count: 1 },
        { entryId: 'grc', term: 'GRC (governance, risk and compliance)', count: 1 },
      ],
    };
    renderPopup();
    expect(
      await screen.findByRole('heading', { name: '2 terms marked on this page' }),
    ).toBeTruthy();
    expect(
      await screen.findByText(
        'Your settings mark only the first occurrence of each term. 5 were found in all.',
      ),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: /Social credit system\s*1 time$/ })).toBeTruthy();
  });

  it('names the cap when the settings cap the marks', async () => {
    await markCap.setValue(3);
    page = { ...readyPage(), total: 3, found: 5 };
    renderPopup();
    expect(
      await screen.findByText('Your settings mark at most 3 terms per page. 5 were found in all.'),
    ).toBeTruthy();
  });

  it('shows a chosen term on the page, then closes the popup', async () => {
    const closePopup = vi.fn();
    const { user } = renderPopup({ closePopup });
    await user.click(await screen.findByRole('button', { name: /Social credit system\s*3 times/ }));
    expect(messaging.sendToTab).toHaveBeenCalledWith(7, 'showTerm', {
      entryId: 'social-credit-system',
    });
    await waitFor(() => expect(closePopup).toHaveBeenCalledTimes(1));
  });

  it('stays open and says so when the term is gone from the page', async () => {
    termShown = false;
    const closePopup = vi.fn();
    const { user } = renderPopup({ closePopup });
    await user.click(await screen.findByRole('button', { name: /GRC/ }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/no longer on the page/);
    expect(closePopup).not.toHaveBeenCalled();
  });

  it('lists the notes on this page, live: a note saved elsewhere appears', async () => {
    const store = memoryStore();
    await store.save(note({ url: 'https://other.example/', body: 'not this page' }));
    renderPopup({ store });
    expect(await screen.findByText(/No notes on this page yet/)).toBeTruthy();
    // Saved by someone else (the popover, through the background) while the popup is open; the
    // URL differs only by its fragment and a tracking parameter, so it is the same page.
    await store.save(note({ url: `${PAGE_URL}&utm_source=feed`, body: 'written in the popover' }));
    const list = await screen.findByRole('list', { name: 'Notes on this page' });
    expect(within(list).getByText('written in the popover')).toBeTruthy();
    expect(within(list).queryByText('not this page')).toBeNull();
  });

  it('writes a new note on this page, quoting the selection', async () => {
    context.selection = selection;
    const { store, user } = renderPopup();
    await user.click(await screen.findByRole('button', { name: 'New note' }));
    expect(screen.getByText(selection.exact).tagName).toBe('BLOCKQUOTE');
    const box = screen.getByRole('textbox', { name: 'New note on this page' });
    expect(document.activeElement).toBe(box);
    await user.type(box, 'Which agencies?');
    await user.click(screen.getByRole('button', { name: 'Save note' }));

    const list = await screen.findByRole('list', { name: 'Notes on this page' });
    expect(within(list).getByText('Which agencies?')).toBeTruthy();
    expect(within(list).getByText(selection.exact)).toBeTruthy();
    expect(screen.queryByRole('textbox')).toBeNull();
    const [saved] = await store.forPage(PAGE_URL);
    expect(saved).toMatchObject({
      url: context.url,
      title: 'An article',
      quote: selection,
      body: 'Which agencies?',
    });
    expect(saved!.termId).toBeUndefined();
  });

  it('writes a note without a quote when nothing is selected', async () => {
    const { store, user } = renderPopup();
    await user.click(await screen.findByRole('button', { name: 'New note' }));
    expect(screen.getByText(/Nothing is selected/)).toBeTruthy();
    await user.type(screen.getByRole('textbox', { name: 'New note on this page' }), 'General');
    await user.click(screen.getByRole('button', { name: 'Save note' }));
    await screen.findByRole('list', { name: 'Notes on this page' });
    expect((await store.forPage(PAGE_URL)).map((n) => [n.body, n.quote])).toEqual([
      ['General', null],
    ]);
  });

  it('edits and deletes a note on this page, and undoes the delete', async () => {
    const store = memoryStore();
    await store.save(note({ url: PAGE_URL, body: 'draft thought' }));
    const { user } = renderPopup({ store });
    await screen.findByRole('list', { name: 'Notes on this page' });
    await user.click(within(noteCard('draft thought')).getByRole('button', { name: 'Edit' }));
    const box = screen.getByRole('textbox', { name: 'Edit note' });
    await user.clear(box);
    await user.type(box, 'final thought');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByRole('article', { name: 'Note: final thought' });

    await user.click(within(noteCard('final thought')).getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText(/No notes on this page yet/)).toBeTruthy();
    expect(await store.forPage(PAGE_URL)).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByRole('article', { name: 'Note: final thought' })).toBeTruthy();
    expect((await store.forPage(PAGE_URL)).map((n) => n.body)).toEqual(['final thought']);
  });
});

describe('PopupApp: tabs', () => {
  it('has This page and All notes tabs; arrow keys move between them', async () => {
    const { user } = renderPopup();
    const thisPage = screen.getByRole('tab', { name: 'This page' });
    const allNotes = screen.getByRole('tab', { name: 'All notes' });
    expect(screen.getByRole('tablist').contains(allNotes)).toBe(true);
    expect(thisPage.getAttribute('aria-selected')).toBe('true');
    expect(allNotes.getAttribute('aria-selected')).toBe('false');
    // Only the selected tab is in the Tab order.
    expect([thisPage.tabIndex, allNotes.tabIndex]).toEqual([0, -1]);
    expect(screen.getByRole('tabpanel', { name: 'This page' })).toBeTruthy();
    expect(screen.queryByRole('tabpanel', { name: 'All notes' })).toBeNull();

    thisPage.focus();
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(allNotes);
    expect(allNotes.getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('tabpanel', { name: 'All notes' })).toBeTruthy();
    expect(screen.queryByRole('tabpanel', { name: 'This page' })).toBeNull();

    // Wraps around, and Home / End go to the ends.
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(thisPage);
    await user.keyboard('{End}');
    expect(document.activeElement).toBe(allNotes);
    await user.keyboard('{ArrowLeft}');
    expect(document.activeElement).toBe(thisPage);
    expect(thisPage.getAttribute('aria-selected')).toBe('true');
  });

  it('reads All notes only when it is opened, and then only the newest 50', async () => {
    const store = memoryStore();
    const search = vi.spyOn(store, 'search');
    const { user } = renderPopup({ store });
    await screen.findByText(/No notes on this page yet/);
    expect(search).not.toHaveBeenCalled();
    await openAllNotes(user);
    await screen.findByText(/No notes yet/);
    expect(search).toHaveBeenCalledWith({ query: '', termId: undefined, limit: 51 });
  });

  it('keeps the search when switching tabs and back', async () => {
    const store = memoryStore();
    await store.save(note({ body: 'apples' }));
    await store.save(note({ body: 'pears' }));
    const { user } = renderPopup({ store });
    await openAllNotes(user);
    await user.type(screen.getByRole('searchbox', { name: 'Search notes' }), 'pear');
    await waitFor(() => expect(shownBodies()).toEqual(['pears']));
    await user.click(screen.getByRole('tab', { name: 'This page' }));
    await user.click(screen.getByRole('tab', { name: 'All notes' }));
    expect(
      (screen.getByRole('searchbox', { name: 'Search notes' }) as HTMLInputElement).value,
    ).toBe('pear');
    expect(shownBodies()).toEqual(['pears']);
  });
});

describe('PopupApp: restricted tabs', () => {
  it('opens on All notes, which works, and explains This page', async () => {
    const store = memoryStore();
    await store.save(note({ body: 'still here' }));
    const { user } = renderPopup({ kind: 'restricted', store });
    await waitFor(() =>
      expect(screen.getByRole('tab', { name: 'All notes' }).getAttribute('aria-selected')).toBe(
        'true',
      ),
    );
    const panel = screen.getByRole('tabpanel', { name: 'All notes' });
    expect(await within(panel).findByText('still here')).toBeTruthy();

    await user.click(screen.getByRole('tab', { name: 'This page' }));
    expect(screen.getByText(/can’t read this page/)).toBeTruthy();
    // Nothing to switch for this page, but the pause works everywhere.
    expect(screen.queryByRole('switch', { name: /Mark terms on example/ })).toBeNull();
    expect(screen.getByRole('switch', { name: 'Mark terms on every site' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByRole('button', { name: 'New note' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'See all your notes' }));
    expect(screen.getByRole('tab', { name: 'All notes' }).getAttribute('aria-selected')).toBe(
      'true',
    );
  });
});

describe('PopupApp: all notes', () => {
  async function seeded() {
    const store = memoryStore();
    await store.save(note({ body: 'Enforcement is uneven', title: 'Provincial report' }));
    await store.save(
      note({
        body: 'See the annex',
        quote: { exact: 'blacklists of debtors', prefix: '', suffix: '' },
      }),
    );
    await store.save(note({ body: 'About integrity', termId: 'chengxin' }));
    await store.save(note({ body: 'Platform question', termId: 'unified-credit-platform' }));
    return store;
  }

  it('lists notes newest first, each with its term', async () => {
    const { user } = renderPopup({ store: await seeded() });
    await openAllNotes(user);
    await waitFor(() => expect(shownBodies()).toHaveLength(4));
    expect(shownBodies()).toEqual([
      'Platform question',
      'About integrity',
      'See the annex',
      'Enforcement is uneven',
    ]);
    expect(within(noteCard('About integrity')).getByText('Chengxin (integrity)')).toBeTruthy();
    expect(screen.getByText('4 notes')).toBeTruthy();
  });

  it.each([
    ['body', 'uneven', 'Enforcement is uneven'],
    ['quote', 'debt', 'See the annex'],
    ['page title', 'provincial', 'Enforcement is uneven'],
    ['term name', 'integrity', 'About integrity'],
  ])('search finds a note by its %s', async (_what, query, body) => {
    const { user } = renderPopup({ store: await seeded() });
    await openAllNotes(user);
    await waitFor(() => expect(shownBodies()).toHaveLength(4));
    await user.type(screen.getByRole('searchbox', { name: 'Search notes' }), query);
    await waitFor(() => expect(shownBodies()).toEqual([body]));
    expect(screen.getByText('1 matching note')).toBeTruthy();
  });

  it('searches once typing pauses, not on every keystroke', async () => {
    const store = await seeded();
    const search = vi.spyOn(store, 'search');
    const { user } = renderPopup({ store });
    await openAllNotes(user);
    await waitFor(() => expect(shownBodies()).toHaveLength(4));
    await user.type(screen.getByRole('searchbox', { name: 'Search notes' }), 'uneven');
    await waitFor(() => expect(shownBodies()).toEqual(['Enforcement is uneven']));
    expect(search.mock.calls.map(([options]) => options?.query)).toEqual(['', 'uneven']);
  });

  it('says when a search finds nothing', async () => {
    const { user } = renderPopup({ store: await seeded() });
    await openAllNotes(user);
    await user.type(screen.getByRole('searchbox', { name: 'Search notes' }), 'zebra');
    expect(await screen.findByText(/No notes match “zebra”/)).toBeTruthy();
    expect(shownBodies()).toEqual([]);
  });

  it('filters by term', async () => {
    const { user } = renderPopup({ store: await seeded() });
    await openAllNotes(user);
    const filter = screen.getByRole('combobox', { name: 'Filter by term' });
    expect(within(filter).getByRole('option', { name: 'All terms' })).toBeTruthy();
    expect(within(filter).getAllByRole('option')).toHaveLength(
      bundledGlossary().entries.length + 1,
    );
    await user.selectOptions(filter, 'Unified credit information platform');
    await waitFor(() => expect(shownBodies()).toEqual(['Platform question']));
    await user.selectOptions(filter, 'Credit culture');
    expect(await screen.findByText('No notes on this term yet.')).toBeTruthy();
    await user.selectOptions(filter, 'All terms');
    await waitFor(() => expect(shownBodies()).toHaveLength(4));
  });

  it('edits a note in place', async () => {
    const store = await seeded();
    const { user } = renderPopup({ store });
    await openAllNotes(user);
    await waitFor(() => expect(shownBodies()).toHaveLength(4));
    await user.click(within(noteCard('See the annex')).getByRole('button', { name: 'Edit' }));
    const box = screen.getByRole('textbox', { name: 'Edit note' });
    await user.clear(box);
    await user.type(box, 'See annex B');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    // An edit makes it the newest.
    await waitFor(() => expect(shownBodies()[0]).toBe('See annex B'));
    expect((await store.search({ query: 'annex' })).map((n) => n.body)).toEqual(['See annex B']);
  });

  it('deletes a note and undoes the delete', async () => {
    const store = await seeded();
    const { user } = renderPopup({ store });
    await openAllNotes(user);
    await waitFor(() => expect(shownBodies()).toHaveLength(4));
    await user.click(within(noteCard('About integrity')).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(shownBodies()).not.toContain('About integrity'));
    expect(await store.count()).toBe(3);
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(shownBodies()).toContain('About integrity'));
    expect(await store.count()).toBe(4);
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
  });

  it('shows 50 at a time, with Show more', async () => {
    const store = memoryStore();
    for (let i = 1; i <= 120; i++) await store.save(note({ body: `number ${i}` }));
    const { user } = renderPopup({ store });
    await openAllNotes(user);
    expect(await screen.findByText('Showing 50 of 120 notes')).toBeTruthy();
    expect(shownBodies()).toHaveLength(50);
    expect(shownBodies()[0]).toBe('number 120');
    await user.click(screen.getByRole('button', { name: 'Show more' }));
    expect(await screen.findByText('Showing 100 of 120 notes')).toBeTruthy();
    expect(shownBodies()).toHaveLength(100);
    await user.click(screen.getByRole('button', { name: 'Show more' }));
    expect(await screen.findByText('120 notes')).toBeTruthy();
    expect(shownBodies()).toHaveLength(120);
    expect(shownBodies()[119]).toBe('number 1');
    expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull();
  });

  it('opens a note’s page in a new tab', async () => {
    const store = memoryStore();
    await store.save(note({ url: 'https://news.example/story', title: 'The story', body: 'a' }));
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    const { user } = renderPopup({ store });
    await openAllNotes(user);
    const link = await screen.findByRole('link', { name: 'The story' });
    expect(link.getAttribute('href')).toBe('https://news.example/story');
    await user.click(link);
    expect(create).toHaveBeenCalledWith({ url: 'https://news.example/story' });
  });

  it('never makes a link of a javascript: URL', async () => {
    const store = memoryStore();
    await store.save(note({ url: 'javascript:alert(1)', title: 'Trap', body: 'b' }));
    const { user } = renderPopup({ store });
    await openAllNotes(user);
    expect(await screen.findByText('Trap')).toBeTruthy();
    const panel = screen.getByRole('tabpanel', { name: 'All notes' });
    expect(within(panel).queryByRole('link')).toBeNull();
  });

  it('explains how to write a first note when there are none', async () => {
    const { user } = renderPopup();
    await openAllNotes(user);
    expect(await screen.findByText(/No notes yet\. Open a marked term/)).toBeTruthy();
  });
});
