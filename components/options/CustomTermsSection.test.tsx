// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CustomTermStore } from '~/lib/custom-terms/store';
import { CreditLensDb } from '~/lib/db';
import { bundledGlossary } from '~/lib/glossary';
import { CustomTermsSection } from './CustomTermsSection';

let db: CreditLensDb;
let store: CustomTermStore;
let onChange: ReturnType<typeof vi.fn<() => void>>;

beforeEach(() => {
  db = new CreditLensDb(`terms-section-${Math.random()}`);
  onChange = vi.fn<() => void>();
  store = new CustomTermStore(db, bundledGlossary(), onChange);
});
afterEach(async () => {
  cleanup();
  await db.delete();
});

function renderSection(prefill: string | null = null) {
  render(<CustomTermsSection store={store} bundled={bundledGlossary()} prefill={prefill} />);
  return userEvent.setup();
}

async function fillNewTerm(
  user: ReturnType<typeof userEvent.setup>,
  term: string,
  definition: string,
) {
  await user.type(screen.getByRole('textbox', { name: 'Term' }), term);
  await user.type(screen.getByRole('textbox', { name: /^Definition/ }), definition);
}

describe('CustomTermsSection', { timeout: 20_000 }, () => {
  it('adds a term: its first written form follows the term, and the list shows it', async () => {
    const user = renderSection();
    expect(await screen.findByText(/You have no terms of your own yet/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Add a term' }));
    await fillNewTerm(user, 'FCRA', 'The US law on credit reports.');
    const form1 = screen.getByRole('textbox', { name: 'Written form 1' }) as HTMLInputElement;
    expect(form1.value).toBe('FCRA');
    // An acronym is guessed to need its exact capitals.
    expect(
      (screen.getByRole('checkbox', { name: 'Exact capitals for form 1' }) as HTMLInputElement)
        .checked,
    ).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Add a written form' }));
    await user.type(
      screen.getByRole('textbox', { name: 'Written form 2' }),
      'Fair Credit Reporting Act',
    );
    // A form's language follows what is typed until the reader picks one.
    const lang3 = () =>
      screen.getByRole('combobox', { name: 'Language of form 3' }) as HTMLSelectElement;
    await user.click(screen.getByRole('button', { name: 'Add a written form' }));
    await user.type(screen.getByRole('textbox', { name: 'Written form 3' }), '公平信用报告法');
    expect(lang3().value).toBe('zh-Hans');
    await user.selectOptions(lang3(), 'zh-Hant');
    await user.type(screen.getByRole('textbox', { name: 'Written form 3' }), '!{Backspace}');
    expect(lang3().value).toBe('zh-Hant');
    await user.selectOptions(lang3(), 'zh-Hans');
    await user.click(screen.getByRole('button', { name: 'Add term' }));

    expect(await screen.findByRole('heading', { name: 'Your terms (1)' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('Added “FCRA”. Open pages mark it now.');
    const [saved] = await store.list();
    expect(saved).toMatchObject({
      term: 'FCRA',
      definition: 'The US law on credit reports.',
      aliases: [
        { text: 'FCRA', lang: 'en', case: 'sensitive' },
        { text: 'Fair Credit Reporting Act', lang: 'en', case: 'insensitive' },
        { text: '公平信用报告法', lang: 'zh-Hans', case: 'insensitive' },
      ],
    });
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('shows each problem beside its field, focuses the first, and keeps what was typed', async () => {
    const user = renderSection();
    await user.click(screen.getByRole('button', { name: 'Add a term' }));
    await user.type(screen.getByRole('textbox', { name: 'Term' }), 'Hukou');
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Language of form 1' }),
      'zh-Hans',
    );
    await user.click(screen.getByRole('button', { name: 'Add term' }));

    const form1 = screen.getByRole('textbox', { name: 'Written form 1' });
    const definition = screen.getByRole('textbox', { name: /^Definition/ });
    await waitFor(() => expect(form1.getAttribute('aria-invalid')).toBe('true'));
    expect(definition.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('textbox', { name: 'Term' }).getAttribute('aria-invalid')).toBeNull();
    // The errors are the fields' descriptions, so a screen reader reads them with the field.
    expect(form1.getAttribute('aria-describedby')).toMatch(/error/);
    expect(
      document.getElementById(form1.getAttribute('aria-describedby')!.split(' ')[0]!)?.textContent,
    ).toBe('A Chinese form must contain Chinese characters.');
    expect(screen.getByText('The definition is required.')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toMatch(/The term was not saved/);
    await waitFor(() => expect(document.activeElement).toBe(form1));
    expect((screen.getByRole('textbox', { name: 'Term' }) as HTMLInputElement).value).toBe('Hukou');
    expect(await db.customTerms.count()).toBe(0);
  });

  it('refuses a form another of your terms has, naming that term, and notes a form Credit Lens has', async () => {
    await store.save({
      term: 'Hukou',
      aliases: [{ text: '户口', lang: 'zh-Hans' }],
      definition: 'Household registration.',
    });
    const user = renderSection();
    await user.click(await screen.findByRole('button', { name: 'Add a term' }));
    await fillNewTerm(user, 'Residence', 'Where one is registered.');
    const form1 = screen.getByRole('textbox', { name: 'Written form 1' });
    await user.clear(form1);
    await user.type(form1, '户口');
    await user.click(screen.getByRole('button', { name: 'Add a written form' }));
    await user.type(screen.getByRole('textbox', { name: 'Written form 2' }), '诚信');
    expect(
      screen.getByText(
        'Credit Lens’s entry “Chengxin (integrity)” has this form too. On pages, it will open yours.',
      ),
    ).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Add term' }));
    expect(
      await screen.findByText(
        '"户口" is already a written form of your term "Hukou"; a form can mark only one of your terms.',
      ),
    ).toBeTruthy();
    expect(await db.customTerms.count()).toBe(1);
  });

  it('edits a term in place and can replace a Credit Lens entry', async () => {
    await store.save({
      term: 'Zhengxin',
      aliases: [{ text: '征信', lang: 'zh-Hans' }],
      definition: 'Mine.',
    });
    const user = renderSection();
    await user.click(await screen.findByRole('button', { name: 'Edit “Zhengxin”' }));
    expect(screen.getByRole('heading', { name: 'Edit “Zhengxin”' })).toBeTruthy();
    await user.selectOptions(
      screen.getByRole('combobox', { name: /^Replaces a Credit Lens entry/ }),
      'Zhengxin (credit reporting)',
    );
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(
      await screen.findByText('Replaces the Credit Lens entry “Zhengxin (credit reporting)”.'),
    ).toBeTruthy();
    expect((await store.list())[0]!.overrides).toBe('zhengxin');
  });

  it('deletes a term at once and offers to undo it', async () => {
    await store.save({
      term: 'Hukou',
      aliases: [{ text: '户口', lang: 'zh-Hans' }],
      definition: 'Mine.',
    });
    const user = renderSection();
    await user.click(await screen.findByRole('button', { name: 'Delete “Hukou”' }));
    expect(await screen.findByRole('heading', { name: 'Your terms (0)' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('Deleted “Hukou”.');
    expect(await db.customTerms.count()).toBe(0);
    await user.click(screen.getByRole('button', { name: 'Undo: restore “Hukou”' }));
    expect(await screen.findByRole('heading', { name: 'Your terms (1)' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('Restored “Hukou”.');
  });

  it('opens the add form filled in with text from "Add to Credit Lens glossary"', async () => {
    renderSection('hù kǒu');
    const term = screen.getByRole('textbox', { name: 'Term' }) as HTMLInputElement;
    expect(term.value).toBe('hù kǒu');
    expect(
      (screen.getByRole('textbox', { name: 'Written form 1' }) as HTMLInputElement).value,
    ).toBe('hù kǒu');
    expect(
      (screen.getByRole('combobox', { name: 'Language of form 1' }) as HTMLSelectElement).value,
    ).toBe('pinyin');
    await waitFor(() => expect(document.activeElement).toBe(term));
    const form = screen.getByRole('form', { name: 'Add a term' });
    expect(within(form).getByRole('button', { name: 'Add term' })).toBeTruthy();
  });
});
