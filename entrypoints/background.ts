import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { forwardTermCommands } from '~/lib/commands';
import { db } from '~/lib/db';
import { bundledGlossary } from '~/lib/glossary';
import { handleMessages } from '~/lib/messaging/protocol';
import { requestDurableStorage } from '~/lib/notes/durable-storage';
import { NoteStore } from '~/lib/notes/note-store';
import { notesHandlers, notesRequestSchemas, type NotesProtocol } from '~/lib/notes/protocol';
import { isOwnSender } from '~/lib/messaging/senders';

export default defineBackground(() => {
  const glossary = bundledGlossary();
  const store = new NoteStore(db, (id) => glossary.get(id)?.term);
  handleMessages<NotesProtocol>(notesRequestSchemas, notesHandlers(store), (sender) =>
    // The background runs in the extension's origin, so its own origin is the extension's.
    isOwnSender(sender, browser.runtime.id, `${location.origin}/`),
  );
  forwardTermCommands();
  void requestDurableStorage();
});
