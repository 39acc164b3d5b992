// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CreditLensDb } from '~/lib/db';
import { bundledGlossary } from '~/lib/glossary';
import { NOTES_FORMAT, notesToJson } from '~/lib/notes/export/json';
import { lastNotesExport } from '~/lib/notes/export/last-export';
import type { NewNote, Note } from '~/lib/notes/note';
import { NoteStore } from '~/lib/notes/note-store';
import { NotesSection, type StoragePersistence } from './NotesSection';

const termName = (id: string) => bundledGlossary().get(id)?.term;
const EXPORT_TIME = new Date(2026, 0, 5, 14, 3); // local time: the file name uses the local date

interface Download {
  fileName: string;
  text: string;
  type: string;
}

let db: CreditLensDb;
let store: NoteStore;
let downloads: Download[];

function draft(fields: Partial<NewNote> = {}): NewNote {
  return {
    id: crypto.randomUUID(),
    termId: 'chengxin',
    url: 'https://example.org/article',
    title: 'Reading about integrity',
    quote: { exact: 'chengxin is not only honesty', prefix: '', suffix: '' },
    body: 'Backer: integrity is a *small* part <b>of it</b>.',
    ...fields,
  };
}

function persistence(persisted: boolean, grants = false): StoragePersistence {
  return {
    persisted: vi.fn(async () => persisted),
    persist: vi.fn(async () => grants),
  };
}

function renderSection(storage: StoragePersistence | null = persistence(true)) {
  render(
    <NotesSection
      store={store}
      termNames={async () => termName}
      persistence={storage}
      download={(fileName, text, type) => downloads.push({ fileName, text, type })}
      now={() => EXPORT_TIME}
    />,
  );
  return userEvent.setup();
}

/** A JSON file the reader picks. */
function jsonFile(content: unknown, name = 'notes.json'): File {
  const text = typeof content === 'string' ? content : JSON.stringify(content);
  return new File([text], name, { type: 'application/json' });
}

beforeEach(() => {
  fakeBrowser.reset();
  db = new CreditLensDb(`options-notes-${Math.random()}`);
  let time = Date.UTC(2026, 0, 1);
  store = new NoteStore(db, termName, () => (time += 60_000));
  downloads = [];
});
afterEach(async () => {
  cleanup();
  await db.delete();
});

describe('NotesSection: export', () => {
  it('says when no export was made, exports JSON with a dated name, and remembers when', async () => {
    const saved = [await store.save(draft()), await store.save(draft({ termId: undefined }))];
    const user = renderSection();
    expect(await screen.findByText(/^Last export: never\./)).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Export as JSON (a full backup)' }));
    await screen.findByText('Exported 2 notes to the file credit-lens-notes-2026-01-05.json.');
    expect(downloads).toHaveLength(1);
    const [file] = downloads;
    expect(file!.fileName).toBe('credit-lens-notes-2026-01-05.json');
    expect(file!.type).toBe('application/json');
    expect(JSON.parse(file!.text)).toEqual({
      format: NOTES_FORMAT,
      version: 1,
      exportedAt: EXPORT_TIME.toISOString(),
      notes: saved,
    });
    expect(await lastNotesExport.getValue()).toBe(EXPORT_TIME.getTime());
    expect(screen.getByText(/^Last export: January 5, 2026 at 2:03\sPM\.$/)).toBeTruthy();
  });

  it('exports Markdown by page and by term, and CSV', async () => {
    await store.save(draft());
    const user = renderSection();
    await user.click(screen.getByRole('button', { name: 'Export as Markdown, by page' }));
    await screen.findByText(/to the file credit-lens-notes-by-page-2026-01-05\.md\.$/);
    await user.click(screen.getByRole('button', { name: 'Export as Markdown, by term' }));
    await screen.findByText(/to the file credit-lens-notes-by-term-2026-01-05\.md\.$/);
    await user.click(screen.getByRole('button', { name: 'Export as CSV (for spreadsheets)' }));
    await screen.findByText(/to the file credit-lens-notes-2026-01-05\.csv\.$/);

    const [byPage, byTerm, csv] = downloads;
    expect(byPage!.text).toMatch(/^# Credit Lens notes by page\n/);
    expect(byPage!.text).toContain('## [Reading about integrity](https://example.org/article)');
    expect(byPage!.text).toContain(
      'Backer\\: integrity is a \\*small\\* part \\<b\\>of it\\</b\\>\\.',
    );
    expect(byTerm!.text).toContain(`## ${termName('chengxin')!.replace(/[()]/g, '\\$&')}`);
    expect(byPage!.type).toBe('text/markdown;charset=utf-8');
    expect(csv!.type).toBe('text/csv;charset=utf-8');
    expect(csv!.text.split('\r\n')[0]).toBe(
      '\uFEFFid,termId,term,url,title,quote,quotePrefix,quoteSuffix,body,createdAt,updatedAt',
    );
  });

  it('downloads nothing when there are no notes, and says so', async () => {
    const user = renderSection();
    await user.click(screen.getByRole('button', { name: 'Export as CSV (for spreadsheets)' }));
    await screen.findByText('You have no notes yet, so there is nothing to export.');
    expect(downloads).toEqual([]);
    expect(await lastNotesExport.getValue()).toBeNull();
  });

  it('shows a stored export time, and "never" for a stored value that is not a time', async () => {
    await lastNotesExport.setValue(Date.UTC(2025, 5, 1, 12));
    renderSection();
    expect(await screen.findByText(/^Last export: June 1, 2025 at/)).toBeTruthy();
    cleanup();
    await fakeBrowser.storage.local.set({ notesLastExport: 'yesterday' });
    renderSection();
    expect(await screen.findByText(/^Last export: never\./)).toBeTruthy();
  });
});

describe('NotesSection: import', () => {
  /** A file of three notes: one already here, one newer than ours, one new. */
  async function backupFile() {
    const same = await store.save(draft({ body: 'same everywhere' }));
    const ours = await store.save(draft({ body: 'ours' }));
    const fresh: Note = {
      ...draft({ body: 'new from the other browser', termId: 'grc' }),
      urlKey: 'https://example.org/article',
      createdAt: 5,
      updatedAt: 6,
    };
    const newer = { ...ours, body: 'edited in the other browser', updatedAt: ours.updatedAt + 1 };
    return jsonFile(notesToJson([same, newer, fresh], new Date(Date.UTC(2026, 0, 3, 9))));
  }

  it('previews what a file will change, writes only when confirmed, and reports the result', async () => {
    const file = await backupFile();
    const user = renderSection();
    await user.upload(screen.getByLabelText('Notes file to import (JSON)'), file);

    const preview = await screen.findByText(
      /^notes\.json holds 3 notes, exported on January 3, 2026/,
    );
    expect(preview.textContent).toContain('If you import it:');
    const items = within(preview.parentElement!)
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(items).toEqual([
      'One note is new and will be added.',
      'One note was edited later in the file and will replace the version here.',
      'One note is already here, exactly the same, and stays as it is.',
    ]);
    expect(await store.count()).toBe(2); // nothing written yet

    await user.click(screen.getByRole('button', { name: 'Import 2 notes' }));
    await screen.findByText(
      'Imported notes.json: 1 added, 1 updated, 1 already here and unchanged, 0 skipped because the version here was edited later.',
    );
    expect(await store.count()).toBe(3);
    expect((await store.search({ query: 'other browser' })).map((n) => n.body).sort()).toEqual([
      'edited in the other browser',
      'new from the other browser',
    ]);
    expect(screen.queryByRole('button', { name: /^Import/ })).toBeNull();
  });

  it('cancels a preview without writing', async () => {
    const file = await backupFile();
    const user = renderSection();
    await user.upload(screen.getByLabelText('Notes file to import (JSON)'), file);
    await user.click(await screen.findByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('button', { name: 'Import 2 notes' })).toBeNull();
    expect(await store.count()).toBe(2);
    expect((await store.search({ query: 'ours' })).map((n) => n.body)).toEqual(['ours']);
  });

  it('says when a file would change nothing, and offers no import', async () => {
    const note = await store.save(draft());
    const user = renderSection();
    await user.upload(
      screen.getByLabelText('Notes file to import (JSON)'),
      jsonFile(notesToJson([note], new Date())),
    );
    await screen.findByText(/importing it would change nothing/);
    expect(screen.queryByRole('button', { name: /^Import/ })).toBeNull();
    expect(screen.getByRole('button', { name: 'Close' })).toBeTruthy();
  });

  it('refuses a bad file with its problems, and changes nothing', async () => {
    const kept = await store.save(draft({ body: 'kept' }));
    const user = renderSection();
    const bad = {
      format: NOTES_FORMAT,
      version: 1,
      notes: [
        { ...kept, body: 'would overwrite', updatedAt: kept.updatedAt + 1 },
        { ...kept, id: crypto.randomUUID(), body: '' },
      ],
    };
    await user.upload(
      screen.getByLabelText('Notes file to import (JSON)'),
      jsonFile(bad, 'bad.json'),
    );
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('bad.json cannot be imported, so nothing was changed:');
    expect(
      within(alert)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      expect.stringMatching(
        /^Note 2 \(id [0-9a-f-]+\): the field body \(the note\): Write something first/,
      ),
    ]);
    expect(screen.queryByRole('button', { name: /^Import/ })).toBeNull();
    expect(await store.get(kept.id)).toEqual(kept);
    expect(await store.count()).toBe(1);
  });

  it('refuses a file from a newer Credit Lens', async () => {
    const user = renderSection();
    await user.upload(
      screen.getByLabelText('Notes file to import (JSON)'),
      jsonFile({ format: NOTES_FORMAT, version: 7, notes: [] }),
    );
    expect((await screen.findByRole('alert')).textContent).toContain(
      'made by a newer version of Credit Lens (format version 7',
    );
  });
});

describe('NotesSection: storage', () => {
  it('says when storage is persistent, with no button', async () => {
    renderSection(persistence(true));
    await screen.findByText(/^Storage is persistent:/);
    expect(screen.queryByRole('button', { name: /Ask the browser/ })).toBeNull();
    expect(screen.getByText(/“unlimited storage” permission/)).toBeTruthy();
  });

  it('asks for persistent storage and shows when the browser agrees', async () => {
    const storage = persistence(false, true);
    const user = renderSection(storage);
    await screen.findByText(/^Storage is not persistent:/);
    await user.click(
      screen.getByRole('button', { name: 'Ask the browser to keep notes permanently' }),
    );
    await screen.findByText(/^The browser agreed: storage is now persistent\./);
    expect(storage.persist).toHaveBeenCalledOnce();
    expect(screen.queryByRole('button', { name: /Ask the browser/ })).toBeNull();
  });

  it('shows when the browser refuses, and lets the reader ask again', async () => {
    const user = renderSection(persistence(false, false));
    await user.click(
      await screen.findByRole('button', { name: 'Ask the browser to keep notes permanently' }),
    );
    await screen.findByText(/^The browser did not agree, so storage is still not persistent\./);
    await waitFor(() =>
      expect(
        (
          screen.getByRole('button', {
            name: 'Ask the browser to keep notes permanently',
          }) as HTMLButtonElement
        ).disabled,
      ).toBe(false),
    );
  });

  it('says so when the browser cannot tell', async () => {
    renderSection(null);
    expect(
      screen.getByText(
        'This browser does not say whether it keeps your notes when disk space runs low.',
      ),
    ).toBeTruthy();
  });
});
