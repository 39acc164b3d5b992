import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { showDatabaseUpgradedNotice } from '~/components/DatabaseUpgradedNotice';
import { PopupApp } from '~/components/popup/PopupApp';
import { db } from '~/lib/db';
import { onDatabaseUpgraded } from '~/lib/db-upgraded';
import { bundledGlossary } from '~/lib/glossary';
import { glossaryPageUrl } from '~/lib/glossary/open-glossary';
import { i18n, localizeDocument } from '~/lib/i18n';
import { NoteStore } from '~/lib/notes/note-store';
import { openedAsPage } from '~/lib/popup/popup-mode';
import { targetTabId } from '~/lib/popup/target-tab';
import '~/components/palette.css';
import '~/components/notes/notes.css';
import './popup.css';

localizeDocument(i18n.t('popup.title'));

// The popup is an extension page: it shares the database's origin and reads it directly; every
// write still goes through the store, which validates it.
const store = new NoteStore(db, (id) => bundledGlossary().get(id)?.term);
const findTab = () => targetTabId(location.search);

// A newer Credit Lens upgrading the database while this page is open: let it, and say so.
onDatabaseUpgraded(db, showDatabaseUpgradedNotice);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <PopupApp
      findTab={findTab}
      store={store}
      closePopup={openedAsPage(location.search) ? undefined : () => window.close()}
      glossaryUrl={glossaryPageUrl()}
    />
  </StrictMode>,
);
