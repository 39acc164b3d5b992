import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { forwardTermCommands } from '~/lib/commands';
import { db } from '~/lib/db';
import { bundledGlossary } from '~/lib/glossary';
import {
  glossaryPageHandlers,
  glossaryPageRequestSchemas,
  type GlossaryPageProtocol,
} from '~/lib/glossary/open-glossary';
import { handleMessages } from '~/lib/messaging/protocol';
import { requestDurableStorage } from '~/lib/notes/durable-storage';
import { NoteStore } from '~/lib/notes/note-store';
import { notesHandlers, notesRequestSchemas, type NotesProtocol } from '~/lib/notes/protocol';
import { isOwnSender } from '~/lib/messaging/senders';

export default defineBackground(() => {
  const glossary = bundledGlossary();
  const store = new NoteStore(db, (id) => glossary.get(id)?.term);
  // One listener for every request the background answers: a second listener would also reply
  // ("unknown request") to the first one's messages, and the first reply wins.
  handleMessages<NotesProtocol & GlossaryPageProtocol>(
    { ...notesRequestSchemas, ...glossaryPageRequestSchemas },
    { ...notesHandlers(store), ...glossaryPageHandlers() },
    (sender) =>
      // The background runs in the extension's origin, so its own origin is the extension's.
      isOwnSender(sender, browser.runtime.id, `${location.origin}/`),
  );
  forwardTermCommands();
  void requestDurableStorage();
});
