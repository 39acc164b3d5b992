import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import {
  badgeHandlers,
  badgeRequestSchemas,
  clearBadgesOnNavigation,
  toolbarAction,
  type BadgeProtocol,
} from '~/lib/badge/toolbar-badge';
import { forwardTermCommands } from '~/lib/commands';
import { registerAddTermMenu } from '~/lib/custom-terms/context-menu';
import {
  customTermsHandlers,
  customTermsRequestSchemas,
  glossaryRevision,
  type CustomTermsProtocol,
} from '~/lib/custom-terms/protocol';
import { CustomTermStore } from '~/lib/custom-terms/store';
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
  // Notes on the reader's own terms are indexed under those terms' names too: kept in memory,
  // refreshed whenever the terms change.
  const customTerms = new CustomTermStore(db, glossary);
  let customNames = new Map<string, string>();
  const refreshCustomNames = async () => {
    customNames = new Map((await customTerms.listValid()).map((t) => [t.id, t.term]));
  };
  void refreshCustomNames().catch(() => {});
  glossaryRevision.watch(() => void refreshCustomNames().catch(() => {}));
  const store = new NoteStore(db, (id) => glossary.get(id)?.term ?? customNames.get(id));
  // The toolbar button: `action` in the Chromium MV3 build, `browserAction` in the Firefox MV2 one.
  const action = toolbarAction()!;
  // One listener for every request the background answers: a second listener would also reply
  // ("unknown request") to the first one's messages, and the first reply wins.
  handleMessages<NotesProtocol & GlossaryPageProtocol & BadgeProtocol & CustomTermsProtocol>(
    {
      ...notesRequestSchemas,
      ...glossaryPageRequestSchemas,
      ...badgeRequestSchemas,
      ...customTermsRequestSchemas,
    },
    {
      ...notesHandlers(store),
      ...glossaryPageHandlers(),
      ...badgeHandlers(action),
      ...customTermsHandlers(customTerms),
    },
    (sender) =>
      // The background runs in the extension's origin, so its own origin is the extension's.
      isOwnSender(sender, browser.runtime.id, `${location.origin}/`),
  );
  forwardTermCommands();
  registerAddTermMenu();
  clearBadgesOnNavigation(action);
  void requestDurableStorage();
});
