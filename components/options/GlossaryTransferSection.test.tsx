// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseJsonImport } from '~/lib/custom-terms/import-file';
import { CustomTermStore } from '~/lib/custom-terms/store';
import { CreditLensDb } from '~/lib/db';
import { bundledGlossary } from '~/lib/glossary';
import { GlossaryTransferSection } from './GlossaryTransferSection';

interface Download {
  fileName: string;
  text: string;
  type: string;
}

let db: CreditLensDb;
let store: CustomTermStore;
let downloads: Download[];
let onChange: ReturnType<typeof vi.fn<() => void>>;
const EXPORT_TIME = new Date(2026, 0, 5, 14, 3);

beforeEach(async () => {
  db = new CreditLensDb(`transfer-${Math.random()}`);
  onChange = vi.fn<() => void>();
  store = new CustomTermStore(db, bundledGlossary(), onChange);
  downloads = [];
  await store.save({
    term: 'Alpha',
    aliases: [{ text: 'alpha term', lang: 'en' }],
    definition: 'A.',
  });
  await store.save({
    term: 'Beta',
    aliases: [{ text: 'beta term', lang: 'en' }],
    definition: 'B.',
  });
  onChange.mockClear();
});
afterEach(async () => {
  cleanup();
  await db.delete();
});

function renderSection() {
  render(
    <GlossaryTransferSection
      store={store}
      download={(fileName, text, type) => downloads.push({ fileName, text, type })}
      now={() => EXPORT_TIME}
    />,
  );
  return userEvent.setup();
}

async function choose(user: ReturnType<typeof userEvent.setup>, name: string, text: string) {
  const input = screen.getByLabelText('Terms file (JSON or CSV)');
  await user.upload(
    input,
    new File([text], name, { type: name.endsWith('.csv') ? 'text/csv' : 'application/json' }),
  );
}

const CSV_HEADER = 'term,aliases,langs,definition';

describe('GlossaryTransferSection', { timeout: 20_000 }, () => {
  it('exports your terms as versioned JSON and as CSV', async () => {
    const user = renderSection();
    await user.click(screen.getByRole('button', { name: 'Export as JSON' }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(downloads[0]).toMatchObject({
      fileName: 'credit-lens-terms-2026-01-05.json',
      type: 'application/json',
    });
    const parsed = parseJsonImport(downloads[0]!.text);
    expect(parsed.rows.map((r) => r.entry)).toEqual(await store.list());
    expect(screen.getAllByRole('status')[0]!.textContent).toBe(
      'Exported 2 terms to the file credit-lens-terms-2026-01-05.json.',
    );

    await user.click(screen.getByRole('button', { name: 'Export as CSV' }));
    await waitFor(() => expect(downloads).toHaveLength(2));
    expect(downloads[1]!.fileName).toBe('credit-lens-terms-2026-01-05.csv');
    expect(downloads[1]!.text.split('\r\n')[0]).toBe(
      '\ufeffid,term,aliases,langs,case,definition,explanation,overrides',
    );
  });

  it('refuses a CSV with a bad row, naming the row, and writes nothing', async () => {
    const user = renderSection();
    await choose(
      user,
      'terms.csv',
      `${CSV_HEADER}\nGamma,gamma term,en,G.\nDelta,delta term,klingon,D.\n`,
    );
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(
      'Nothing was imported from terms.csv: one problem needs fixing.',
    );
    expect(
      within(alert).getByText(
        'Row 3, langs (form 1): The language or case must be en, zh-Hans, zh-Hant or pinyin.',
      ),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Import' })).toBeNull();
    expect((await store.list()).map((t) => t.term)).toEqual(['Alpha', 'Beta']);
    expect(onChange).not.toHaveBeenCalled();
  });

  it('says what is wrong with a file that is not a terms file', async () => {
    const user = renderSection();
    await choose(user, 'notes.json', '{"format":"credit-lens-notes","version":1,"notes":[]}');
    expect((await screen.findByRole('alert')).textContent).toMatch(
      /Nothing was imported from notes\.json\. This is not a Credit Lens terms file/,
    );
  });

  it('previews the changes by term, explains each mode, and applies the chosen one', async () => {
    const user = renderSection();
    await choose(
      user,
      'terms.csv',
      `${CSV_HEADER}\nAlpha,alpha term|alpha form,en|en,A.\nBeta,beta term,en,B.\nGamma,gamma term,en,G.\n`,
    );
    const preview = await screen.findByRole('heading', { name: 'What the import changes' });
    expect(preview).toBeTruthy();
    const section = (name: RegExp) => screen.getByRole('region', { name });
    expect(within(section(/^New: 1/)).getByText('Gamma')).toBeTruthy();
    expect(within(section(/^Changed: 1/)).getByText('Alpha')).toBeTruthy();
    expect(within(section(/^Unchanged: 1/)).getByText('Beta')).toBeTruthy();
    expect(
      within(section(/^Changed: 1/)).getByText('These will be updated from the file.'),
    ).toBeTruthy();

    await user.click(screen.getByRole('radio', { name: /^Add new terms only\./ }));
    await waitFor(() =>
      expect(
        within(section(/^Changed: 1/)).getByText(
          'You already have these; “Add new terms only” leaves them as they are.',
        ),
      ).toBeTruthy(),
    );
    await user.click(screen.getByRole('button', { name: 'Import' }));
    await waitFor(() =>
      expect(screen.getAllByRole('status')[1]!.textContent).toBe(
        'Imported terms.csv: 1 added, 0 updated, 0 deleted.',
      ),
    );
    const terms = await store.list();
    expect(terms.map((t) => t.term)).toEqual(['Alpha', 'Beta', 'Gamma']);
    expect(terms[0]!.aliases).toHaveLength(1);
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('replace deletes the terms the file lacks; a clash blocks the import until the mode allows it', async () => {
    const user = renderSection();
    // Gamma takes Beta's form: fine if Beta goes (replace), a clash otherwise.
    await choose(user, 'terms.csv', `${CSV_HEADER}\nGamma,beta term,en,G.\n`);
    await screen.findByRole('heading', { name: 'What the import changes' });
    const problem = await screen.findByText(
      /^Row 2 \(“Gamma”\): "beta term" is already a written form of your term "Beta"/,
    );
    expect(problem).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Import' }) as HTMLButtonElement).disabled).toBe(
      true,
    );

    await user.click(screen.getByRole('radio', { name: /^Replace\./ }));
    await waitFor(() =>
      expect((screen.getByRole('button', { name: 'Import' }) as HTMLButtonElement).disabled).toBe(
        false,
      ),
    );
    expect(
      within(screen.getByRole('region', { name: /^Not in the file: 2/ })).getByText(
        /“Replace” deletes them/,
      ),
    ).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Import' }));
    await waitFor(async () => expect((await store.list()).map((t) => t.term)).toEqual(['Gamma']));
  });
});
