// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { lensGlossary } from '~/lib/custom-terms/lens-glossary';
import { CreditLensDb } from '~/lib/db';
import { bundledGlossary } from '~/lib/glossary';
import { NoteStore } from '~/lib/notes/note-store';
import { storeNotesApi } from '~/lib/notes/notes-api';
import { installHighlightPolyfills } from '~/test/dom-polyfills';
import { setLocale } from '~/test/i18n';
import { GlossaryPage } from './glossary/GlossaryPage';
import { PopoverApp } from './PopoverApp';
import { PopoverStore } from './popover-store';

/*
 * The UI in a browser whose language is Simplified Chinese: `getMessage` answers from
 * `locales/zh_CN.yml`, as the browser does. The glossary's entries stay as written (English).
 */

beforeAll(installHighlightPolyfills);
beforeEach(() => setLocale('zh_CN'));
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const glossary = bundledGlossary();

describe('The glossary page in Chinese', () => {
  beforeEach(() => {
    vi.spyOn(Element.prototype, 'scrollIntoView').mockImplementation(() => {});
  });

  it('has Chinese headings, search, filters and counts, and leaves the entries in English', async () => {
    const user = userEvent.setup();
    render(<GlossaryPage entries={glossary.entries} />);
    expect(screen.getByRole('heading', { level: 1, name: 'Credit Lens 术语表' })).toBeTruthy();
    const search = screen.getByRole('searchbox', { name: '搜索术语表' });
    expect(screen.getByRole('status').textContent).toBe(`${glossary.entries.length} 个条目`);
    expect(screen.getByRole('radio', { name: `全部 ${glossary.entries.length}` })).toBeTruthy();
    expect(screen.getByRole('radio', { name: /^中国的体系 \d+$/ })).toBeTruthy();

    const entry = glossary.get('social-credit-system')!;
    const article = document.getElementById(entry.id)!;
    // The entry is English and says so; its labels are Chinese and say so.
    expect(article.getAttribute('lang')).toBe('en');
    expect(within(article).getByText(entry.definition)).toBeTruthy();
    const label = within(article).getByText('2018 年研讨会上的说法');
    expect(label.closest('[lang]')?.getAttribute('lang')).toBe('zh-CN');
    expect(within(article).getByText('来源')).toBeTruthy();

    await user.type(search, 'qqqqzz');
    expect(await screen.findByText('没有与“qqqqzz”匹配的条目。')).toBeTruthy();
    expect(screen.getByRole('button', { name: '清除搜索' })).toBeTruthy();
  });
});

describe('The popover in Chinese', () => {
  it('labels its controls and sections in Chinese around the English entry', async () => {
    const lens = lensGlossary(glossary, []);
    const p = document.createElement('p');
    p.textContent = 'the social credit system';
    document.body.append(p);
    const store = new PopoverStore();
    const notes = storeNotesApi(
      new NoteStore(new CreditLensDb(`chinese-ui-${Math.random()}`), (id) => lens.get(id)?.term),
    );
    render(
      <PopoverApp
        store={store}
        glossary={lens}
        notes={notes}
        page={() => ({ url: 'https://example.org/', title: 'A page' })}
        openInGlossary={vi.fn()}
        onClose={() => store.set(null)}
      />,
    );
    const anchor = new StaticRange({
      startContainer: p.firstChild!,
      startOffset: 4,
      endContainer: p.firstChild!,
      endOffset: 24,
    });
    act(() =>
      store.set({
        entryId: 'social-credit-system',
        trail: [],
        anchor,
        quote: null,
        openedBy: 'click',
      }),
    );
    const entry = glossary.get('social-credit-system')!;
    const dialog = screen.getByRole('dialog', { name: entry.term });
    expect(within(dialog).getByRole('button', { name: '关闭' })).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: '在术语表中打开' })).toBeTruthy();
    expect(within(dialog).getByText(`来源（${entry.sources.length}）`)).toBeTruthy();
    expect(
      within(dialog).getByRole('region', { name: `你关于“${entry.term}”的笔记` }),
    ).toBeTruthy();
    const addNote = await within(dialog).findByRole('button', { name: '添加笔记' });

    const user = userEvent.setup();
    await user.click(addNote);
    await user.click(within(dialog).getByRole('button', { name: '保存笔记' }));
    expect(within(dialog).getByRole('alert').textContent).toBe('请先写点内容：这条笔记是空的。');

    // Related terms take the reader to another entry; "Back" names the first one.
    const related = within(dialog).getByRole('navigation', { name: '相关术语' });
    const next = within(related).getAllByRole('button')[0]!;
    await user.click(next);
    expect(screen.getByRole('button', { name: `‹ 返回“${entry.term}”` })).toBeTruthy();
  });
});
