// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { lensGlossary } from '~/lib/custom-terms/lens-glossary';
import type { CustomTerm } from '~/lib/custom-terms/schema';
import { CreditLensDb } from '~/lib/db';
import { bundledGlossary } from '~/lib/glossary';
import { NoteStore } from '~/lib/notes/note-store';
import { storeNotesApi } from '~/lib/notes/notes-api';
import { installHighlightPolyfills } from '~/test/dom-polyfills';
import { EntryDetails } from './EntryDetails';
import { PopoverApp } from './PopoverApp';
import { PopoverStore } from './popover-store';

beforeAll(installHighlightPolyfills);
afterEach(cleanup);

const alias = (text: string, lang: 'en' | 'zh-Hans' | 'zh-Hant' | 'pinyin') => ({
  text,
  lang,
  case: 'insensitive' as const,
  standalone: false,
  prefer: false,
});

const hukou: CustomTerm = {
  id: 'custom-hukou',
  term: 'Hukou',
  aliases: [
    alias('hukou', 'en'),
    alias('户口', 'zh-Hans'),
    alias('戶口', 'zh-Hant'),
    alias('hù kǒu', 'pinyin'),
  ],
  definition: 'China’s household registration system.',
  explanation: 'It ties schooling and social services to a registered place.',
  createdAt: 1,
  updatedAt: 1,
};

const myZhengxin: CustomTerm = {
  id: 'custom-zhengxin',
  term: 'Zhengxin, as I read it',
  aliases: [alias('征信', 'zh-Hans')],
  definition: 'Credit reporting, in my reading.',
  overrides: 'zhengxin',
  createdAt: 1,
  updatedAt: 1,
};

describe('EntryDetails for one of the reader’s terms', () => {
  it('shows "Your terms", the forms, definition and explanation, and no seminar, sources or glossary link', () => {
    const glossary = lensGlossary(bundledGlossary(), [hukou]);
    render(
      <EntryDetails
        entry={glossary.get('custom-hukou')!}
        headingId="h"
        related={[]}
        confusions={[]}
        onSelectEntry={() => {}}
        onOpenInGlossary={() => Promise.resolve()}
      />,
    );
    expect(screen.getByText('Your terms')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Hukou' })).toBeTruthy();
    expect(screen.getByText('户口').getAttribute('lang')).toBe('zh-Hans');
    expect(screen.getByText('戶口').getAttribute('lang')).toBe('zh-Hant');
    expect(screen.getByText('hù kǒu')).toBeTruthy();
    expect(screen.getByText(hukou.definition)).toBeTruthy();
    expect(screen.getByText(hukou.explanation!)).toBeTruthy();
    expect(screen.queryByText('In the 2018 seminar')).toBeNull();
    expect(screen.queryByText(/^Sources/)).toBeNull();
    expect(screen.queryByRole('button', { name: 'Open in glossary' })).toBeNull();
    expect(
      screen.getByText(/You wrote this entry\. Edit it on the Credit Lens options page/),
    ).toBeTruthy();
  });

  it('says which Credit Lens entry it replaces', () => {
    const glossary = lensGlossary(bundledGlossary(), [myZhengxin]);
    render(
      <EntryDetails
        entry={glossary.get('custom-zhengxin')!}
        headingId="h"
        related={[]}
        confusions={[]}
        onSelectEntry={() => {}}
        onOpenInGlossary={() => Promise.resolve()}
      />,
    );
    expect(
      screen.getByText(/It replaces Credit Lens’s entry “Zhengxin \(credit reporting\)”\./),
    ).toBeTruthy();
    // No explanation was written, so none is shown.
    expect(document.querySelector('.entry-explanation')).toBeNull();
  });
});

describe('PopoverApp with the reader’s terms', () => {
  function open(entryId: string, glossary = lensGlossary(bundledGlossary(), [hukou, myZhengxin])) {
    const p = document.createElement('p');
    p.textContent = 'the 户口 system';
    document.body.append(p);
    const store = new PopoverStore();
    const notes = storeNotesApi(
      new NoteStore(
        new CreditLensDb(`entry-details-${Math.random()}`),
        (id) => glossary.get(id)?.term,
      ),
    );
    render(
      <PopoverApp
        store={store}
        glossary={glossary}
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
      endOffset: 6,
    });
    act(() => store.set({ entryId, trail: [], anchor, quote: null, openedBy: 'click' }));
  }

  it('opens a custom entry in a dialog named by its term, with its notes section', async () => {
    open('custom-hukou');
    const dialog = screen.getByRole('dialog', { name: 'Hukou' });
    expect(within(dialog).getByText('Your terms')).toBeTruthy();
    expect(within(dialog).getByText(hukou.definition)).toBeTruthy();
    expect(await within(dialog).findByRole('button', { name: /note/i })).toBeTruthy();
  });

  it('shows nothing for a bundled entry a custom one replaces', () => {
    open('zhengxin');
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
