// @vitest-environment happy-dom
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  bundledGlossary,
  CATEGORY_LABELS,
  type Category,
  type GlossaryEntry,
} from '~/lib/glossary';
import { buildSearchIndex, rankEntries, searchGlossary } from '~/lib/glossary/search';
import { GlossaryPage } from './GlossaryPage';

/*
 * The glossary page on happy-dom. Expectations come from the bundled glossary itself (never from
 * copied wording or counts), so the tests keep passing as entries are added and rewritten.
 */

const glossary = bundledGlossary();
const entries = glossary.entries;
const byId = (id: string) => {
  const entry = glossary.get(id);
  if (!entry) throw new Error(`no entry ${id}`);
  return entry;
};
const categories = Object.keys(CATEGORY_LABELS) as Category[];

let scrolled: string[];

beforeEach(() => {
  scrolled = [];
  vi.spyOn(Element.prototype, 'scrollIntoView').mockImplementation(function (this: Element) {
    scrolled.push(this.id);
  });
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  // Back to an address without a hash; replaceState fires no hashchange.
  history.replaceState(null, '', '/glossary.html');
});

function renderPage(list: readonly GlossaryEntry[] = entries) {
  render(<GlossaryPage entries={list} />);
  return userEvent.setup();
}

/** The entries on screen, in order, by element id (the entry id). */
const shownIds = () => screen.queryAllByRole('article').map((article) => article.id);
const searchBox = () => screen.getByRole('searchbox', { name: 'Search the glossary' });
const status = () => screen.getByRole('status').textContent;
const entriesPhrase = (n: number) => `${n} ${n === 1 ? 'entry' : 'entries'}`;
const categoryRadio = (label: string) =>
  screen.getByRole('radio', { name: new RegExp(`^${label}`) });
const article = (id: string) => document.getElementById(id)!;
const heading = (id: string) => within(article(id)).getByRole('heading', { level: 2 });

describe('GlossaryPage: layout', () => {
  it('has a banner, a main region, a labelled search box and one level-1 heading', () => {
    renderPage();
    expect(screen.getByRole('banner')).toBeTruthy();
    expect(screen.getByRole('main')).toBeTruthy();
    expect(screen.getByRole('search')).toBeTruthy();
    expect(searchBox().getAttribute('type')).toBe('search');
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
  });

  it('lists every entry by term, each headed by its term, with its id as element id', () => {
    renderPage();
    expect(shownIds()).toEqual(searchGlossary(buildSearchIndex(entries), '').map((e) => e.id));
    expect(new Set(shownIds())).toEqual(new Set(entries.map((e) => e.id)));
    for (const entry of entries) {
      expect(heading(entry.id).textContent).toBe(entry.term);
      expect(screen.getByRole('article', { name: entry.term }).id).toBe(entry.id);
    }
    expect(status()).toBe(entriesPhrase(entries.length));
  });

  it('shows every field of every entry', () => {
    renderPage();
    for (const entry of entries) {
      const box = article(entry.id);
      const text = box.textContent ?? '';
      const inBox = within(box);
      if (entry.chinese) {
        const simplified = inBox.getAllByText(entry.chinese.simplified);
        expect(
          simplified.some((el) => el.getAttribute('lang') === 'zh-Hans'),
          entry.id,
        ).toBe(true);
        if (entry.chinese.traditional !== entry.chinese.simplified) {
          const traditional = inBox.getAllByText(entry.chinese.traditional);
          expect(traditional.some((el) => el.getAttribute('lang') === 'zh-Hant')).toBe(true);
        }
      }
      if (entry.pinyin) expect(text).toContain(entry.pinyin);
      expect(text).toContain(CATEGORY_LABELS[entry.category]);
      expect(text).toContain(entry.definition);
      expect(text).toContain(entry.explanation);
      expect(inBox.getByRole('heading', { name: 'In the 2018 seminar' })).toBeTruthy();
      expect(text).toContain(entry.seminar.said);
      expect(text).toContain(entry.seminar.passage);
      for (const source of entry.sources) {
        expect(text).toContain(source.title);
        expect(text).toContain(source.by);
        expect(text).toContain(String(source.year));
        if (source.note) expect(text).toContain(source.note);
      }
      for (const alias of entry.aliases) {
        if (alias.text.toLowerCase() === entry.term.toLowerCase()) continue;
        const written = inBox.getByRole('heading', { name: 'Also written as' }).nextElementSibling!;
        const items = within(written as HTMLElement).getAllByRole('listitem');
        expect(
          items.map((item) => item.textContent),
          `${entry.id}: ${alias.text}`,
        ).toContain(alias.text);
      }
    }
  });

  it('links related entries and look-alikes with real #id anchors', () => {
    renderPage();
    for (const entry of entries) {
      const inBox = within(article(entry.id));
      const section = (name: string) => within(inBox.getByRole('heading', { name }).parentElement!);
      for (const id of entry.related) {
        const link = section('Related entries').getByRole('link', { name: byId(id).term });
        expect(link.getAttribute('href')).toBe(`#${id}`);
      }
      for (const { id, why } of entry.notConfusedWith) {
        const link = section('Not to be confused with').getByRole('link', {
          name: byId(id).term,
        });
        expect(link.getAttribute('href')).toBe(`#${id}`);
        expect(link.closest('li')?.textContent).toContain(why);
      }
    }
  });

  it('marks Chinese and pinyin aliases with their language', () => {
    renderPage();
    for (const entry of entries) {
      const written = within(article(entry.id)).queryByRole('heading', {
        name: 'Also written as',
      })?.nextElementSibling;
      if (!written) continue;
      for (const item of within(written as HTMLElement).getAllByRole('listitem')) {
        const alias = entry.aliases.find((a) => a.text === item.textContent)!;
        const expected = {
          en: null,
          'zh-Hans': 'zh-Hans',
          'zh-Hant': 'zh-Hant',
          pinyin: 'zh-Latn-pinyin',
        };
        expect(item.getAttribute('lang'), alias.text).toBe(expected[alias.lang]);
      }
    }
  });
});

describe('GlossaryPage: search', () => {
  it.each(['xinyong', 'xin yong', 'xìnyòng', '信用'])(
    'puts xinyong first for "%s"',
    async (query) => {
      const user = renderPage();
      await user.type(searchBox(), query);
      expect(shownIds()[0]).toBe('xinyong');
      const expected = rankEntries(buildSearchIndex(entries), query).map((hit) => hit.entry.id);
      expect(shownIds()).toEqual(expected);
      expect(status()).toBe(entriesPhrase(expected.length));
    },
  );

  it('finds chengxin by its traditional characters', async () => {
    const user = renderPage();
    await user.type(searchBox(), '誠信');
    expect(shownIds()[0]).toBe('chengxin');
  });

  it('says when nothing matches, and clears the search on request', async () => {
    const user = renderPage();
    await user.type(searchBox(), 'qqqzzz');
    expect(shownIds()).toEqual([]);
    expect(status()).toBe(entriesPhrase(0));
    expect(screen.getByText(/No entries match “qqqzzz”/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Clear search' }));
    expect(shownIds()).toHaveLength(entries.length);
    expect((searchBox() as HTMLInputElement).value).toBe('');
    expect(document.activeElement).toBe(searchBox());
  });
});

describe('GlossaryPage: category filter', () => {
  it('offers All and the four categories, each with its count', () => {
    renderPage();
    expect(categoryRadio('All').closest('label')?.textContent).toBe(`All ${entries.length}`);
    expect((categoryRadio('All') as HTMLInputElement).checked).toBe(true);
    for (const category of categories) {
      const count = entries.filter((e) => e.category === category).length;
      expect(categoryRadio(CATEGORY_LABELS[category]).closest('label')?.textContent).toBe(
        `${CATEGORY_LABELS[category]} ${count}`,
      );
    }
    expect(screen.getByRole('group', { name: 'Category' })).toBeTruthy();
  });

  it('narrows the list to one category', async () => {
    const user = renderPage();
    for (const category of categories) {
      await user.click(categoryRadio(CATEGORY_LABELS[category]));
      const expected = entries.filter((e) => e.category === category).map((e) => e.id);
      expect(new Set(shownIds())).toEqual(new Set(expected));
      expect(status()).toBe(entriesPhrase(expected.length));
    }
    await user.click(categoryRadio('All'));
    expect(shownIds()).toHaveLength(entries.length);
  });

  it('combines with the search, and counts what the search found', async () => {
    const user = renderPage();
    await user.type(searchBox(), '信用');
    const found = searchGlossary(buildSearchIndex(entries), '信用');
    const china = found.filter((e) => e.category === 'china');
    expect(categoryRadio(CATEGORY_LABELS.china).closest('label')?.textContent).toBe(
      `${CATEGORY_LABELS.china} ${china.length}`,
    );
    await user.click(categoryRadio(CATEGORY_LABELS.china));
    expect(shownIds()).toEqual(china.map((e) => e.id));
  });

  it('offers to clear both when the two together leave nothing', async () => {
    const user = renderPage();
    const found = searchGlossary(buildSearchIndex(entries), 'xinyong');
    const empty = categories.find((c) => !found.some((e) => e.category === c));
    if (!empty) return; // every category has a match: nothing to test with this glossary
    await user.type(searchBox(), 'xinyong');
    await user.click(categoryRadio(CATEGORY_LABELS[empty]));
    expect(
      screen.getByText(`No entries match “xinyong” in ${CATEGORY_LABELS[empty]}.`),
    ).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Clear search and filter' }));
    expect(shownIds()).toHaveLength(entries.length);
    expect((categoryRadio('All') as HTMLInputElement).checked).toBe(true);
  });
});

describe('GlossaryPage: addresses (#id)', () => {
  it('brings the entry named on load into view, focuses its heading and highlights it', async () => {
    history.replaceState(null, '', '/glossary.html#chengxin');
    renderPage();
    await waitFor(() => expect(document.activeElement).toBe(heading('chengxin')));
    expect(scrolled).toContain('chengxin');
    expect(article('chengxin').classList.contains('is-target')).toBe(true);
    expect(document.querySelectorAll('.is-target')).toHaveLength(1);
  });

  it('follows a related link to that entry, and Back returns to the first', async () => {
    history.replaceState(null, '', '/glossary.html#chengxin');
    const user = renderPage();
    await waitFor(() => expect(document.activeElement).toBe(heading('chengxin')));
    const otherId = byId('chengxin').related[0]!;
    await user.click(within(article('chengxin')).getByRole('link', { name: byId(otherId).term }));
    await waitFor(() => expect(document.activeElement).toBe(heading(otherId)));
    expect(location.hash).toBe(`#${otherId}`);
    expect(article(otherId).classList.contains('is-target')).toBe(true);
    expect(article('chengxin').classList.contains('is-target')).toBe(false);

    act(() => history.back());
    await waitFor(() => expect(document.activeElement).toBe(heading('chengxin')));
  });

  it('clears a category filter that hides the entry', async () => {
    const user = renderPage();
    const other = categories.find((c) => c !== byId('chengxin').category)!;
    await user.click(categoryRadio(CATEGORY_LABELS[other]));
    expect(shownIds()).not.toContain('chengxin');
    act(() => {
      location.hash = '#chengxin';
    });
    await waitFor(() => expect(document.activeElement).toBe(heading('chengxin')));
    expect((categoryRadio('All') as HTMLInputElement).checked).toBe(true);
  });

  it('clears a search that hides the entry, and keeps one that does not', async () => {
    const user = renderPage();
    await user.type(searchBox(), 'xinyong');
    const found = searchGlossary(buildSearchIndex(entries), 'xinyong').map((e) => e.id);
    const hidden = entries.find((e) => !found.includes(e.id))!;
    const shown = found.at(-1)!;

    act(() => {
      location.hash = `#${shown}`;
    });
    await waitFor(() => expect(document.activeElement).toBe(heading(shown)));
    expect((searchBox() as HTMLInputElement).value).toBe('xinyong');

    act(() => {
      location.hash = `#${hidden.id}`;
    });
    await waitFor(() => expect(document.activeElement).toBe(heading(hidden.id)));
    expect((searchBox() as HTMLInputElement).value).toBe('');
  });

  it('goes back to the addressed entry when a link to it is followed again', async () => {
    // Made-up entries: "a" links to "b"; a search for "a" hides "b".
    const base = entries[0]!;
    const a = { ...base, id: 'aaa', term: 'Aaaa', aliases: [base.aliases[0]!], related: ['bbb'] };
    const b = { ...base, id: 'bbb', term: 'Bbbb', aliases: [base.aliases[0]!], related: ['aaa'] };
    for (const e of [a, b]) {
      e.aliases = [{ ...base.aliases[0]!, text: e.term }];
      e.definition = `${e.term}.`;
      e.explanation = `${e.term}.`;
      e.notConfusedWith = [];
    }
    history.replaceState(null, '', '/glossary.html#bbb');
    const user = renderPage([a, b]);
    await waitFor(() => expect(document.activeElement).toBe(heading('bbb')));
    await user.type(searchBox(), 'aaaa');
    expect(shownIds()).toEqual(['aaa']);
    const lengthBefore = history.length;
    await user.click(within(article('aaa')).getByRole('link', { name: 'Bbbb' }));
    await waitFor(() => expect(document.activeElement).toBe(heading('bbb')));
    expect(shownIds()).toEqual(['aaa', 'bbb']);
    expect(history.length).toBe(lengthBefore);
  });

  it('says so when the address names an entry the glossary does not have', async () => {
    history.replaceState(null, '', '/glossary.html#no-such-entry');
    renderPage();
    expect(await screen.findByText(/The glossary has no entry “no-such-entry”/)).toBeTruthy();
    expect(shownIds()).toHaveLength(entries.length);
  });
});
