// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CreditLensDb } from '~/lib/db';
import { bundledGlossary } from '~/lib/glossary';
import { i18n } from '~/lib/i18n';
import { newNoteId } from '~/lib/notes/note';
import { NoteStore } from '~/lib/notes/note-store';
import { storeNotesApi, type NotesApi } from '~/lib/notes/notes-api';
import { fillableStorage } from '~/test/storage-full';
import { TermNotes } from './TermNotes';

/*
 * Issue 7, item 11, as the reader sees it: saving on a full disk shows the "storage is full"
 * sentence, keeps what they typed in the text box, and Save works again once there is room. The
 * same editor serves the popover (new notes) and the popup and options page (editing a note);
 * both are driven here through the store API the extension pages use, over a database that
 * refuses writes as a full disk does.
 */

let db: CreditLensDb;
let storage: ReturnType<typeof fillableStorage>;
let api: NotesApi;
beforeEach(() => {
  db = new CreditLensDb(`full-ui-${Math.random()}`);
  storage = fillableStorage(db);
  api = storeNotesApi(new NoteStore(db, (id) => bundledGlossary().get(id)?.term));
});
afterEach(async () => {
  cleanup();
  await db.delete();
});

const term = bundledGlossary().get('chengxin')!;

function renderNotes() {
  render(
    <TermNotes
      api={api}
      termId={term.id}
      termName={term.term}
      page={{ url: 'https://example.org/a', title: 'An article' }}
      quote={null}
    />,
  );
}

describe('A note saved when storage is full', () => {
  it('says storage is full, keeps the draft, and saves it on retry once there is room', async () => {
    const user = userEvent.setup();
    renderNotes();
    await user.click(await screen.findByRole('button', { name: i18n.t('notes.addNote') }));
    const box = screen.getByRole('textbox', {
      name: i18n.t('notes.newNoteOn', { term: term.term }),
    });
    await user.type(box, 'A thought worth keeping');
    storage.full = true;
    await user.click(screen.getByRole('button', { name: i18n.t('notes.saveNote') }));

    expect((await screen.findByRole('alert')).textContent).toBe(i18n.t('problems.noStorageNote'));
    expect((box as HTMLTextAreaElement).value).toBe('A thought worth keeping');
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(await db.notes.count()).toBe(0);

    storage.full = false;
    await user.click(screen.getByRole('button', { name: i18n.t('notes.saveNote') }));
    await waitFor(() => expect(screen.queryByRole('textbox')).toBeNull());
    expect(await screen.findByText('A thought worth keeping')).toBeTruthy();
    expect(await db.notes.count()).toBe(1);
  });

  it('when editing, keeps the new text in the box and the stored note as it was', async () => {
    const user = userEvent.setup();
    const note = await api.save({
      id: newNoteId(),
      termId: term.id,
      url: 'https://example.org/a',
      title: 'An article',
      quote: null,
      body: 'The old text',
    });
    renderNotes();
    await user.click(await screen.findByRole('button', { name: i18n.t('notes.edit') }));
    const box = screen.getByRole('textbox', { name: i18n.t('notes.editNote') });
    await user.clear(box);
    await user.type(box, 'The new text');
    storage.full = true;
    await user.click(screen.getByRole('button', { name: i18n.t('notes.save') }));

    expect((await screen.findByRole('alert')).textContent).toBe(i18n.t('problems.noStorageNote'));
    expect((box as HTMLTextAreaElement).value).toBe('The new text');
    expect((await db.notes.get(note.id))?.body).toBe('The old text');
  });
});
