import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { showDatabaseUpgradedNotice } from '~/components/DatabaseUpgradedNotice';
import { CustomTermsSection } from '~/components/options/CustomTermsSection';
import { GlossaryTransferSection } from '~/components/options/GlossaryTransferSection';
import { NotesSection } from '~/components/options/NotesSection';
import { OptionsApp, type OptionsSection } from '~/components/options/OptionsApp';
import { SettingsSection } from '~/components/options/SettingsSection';
import { SiteRulesSection } from '~/components/options/SiteRulesSection';
import { lensGlossary } from '~/lib/custom-terms/lens-glossary';
import { ADD_PARAM, readAddParam, YOUR_TERMS_SECTION_ID } from '~/lib/custom-terms/prefill';
import { bumpGlossaryRevision } from '~/lib/custom-terms/protocol';
import { CustomTermStore } from '~/lib/custom-terms/store';
import { db } from '~/lib/db';
import { onDatabaseUpgraded } from '~/lib/db-upgraded';
import { bundledGlossary } from '~/lib/glossary';
import { i18n, localizeDocument } from '~/lib/i18n';
import { NoteStore } from '~/lib/notes/note-store';
import '~/components/palette.css';
import './options.css';

localizeDocument(i18n.t('options.title'));

// Notes: the store names terms for the search index as the background does; exports name
// custom terms too, read when each file is written.
const noteStore = new NoteStore(db, (id) => bundledGlossary().get(id)?.term);
const noteTermNames = async () => {
  const glossary = lensGlossary(bundledGlossary(), await db.customTerms.toArray());
  return (id: string) => glossary.get(id)?.term;
};

// Your terms: every write bumps the revision that open pages watch, so they remark at once.
const customTermStore = new CustomTermStore(db, bundledGlossary(), bumpGlossaryRevision);
// "Add to Credit Lens glossary" opens this page with the selection in `?add=`; it fills the add
// form once, and is dropped from the address so a reload does not fill it again.
const addTermPrefill = readAddParam(location.href);
if (new URL(location.href).searchParams.has(ADD_PARAM)) {
  history.replaceState(null, '', `${location.pathname}#${YOUR_TERMS_SECTION_ID}`);
}

// The options page is an extension page: it reads and writes settings, custom terms and notes
// directly (same origin as the database). Each section gets what it needs here.
const sections: OptionsSection[] = [
  // One entry per section, in page order. (Settings, site rules, your terms, glossary import and
  // export, notes export and import.)
  { id: 'settings', title: i18n.t('options.sections.settings'), content: <SettingsSection /> },
  {
    id: 'site-rules',
    title: i18n.t('options.sections.siteRules'),
    content: <SiteRulesSection />,
  },
  {
    id: YOUR_TERMS_SECTION_ID,
    title: i18n.t('options.sections.yourTerms'),
    content: (
      <CustomTermsSection
        store={customTermStore}
        bundled={bundledGlossary()}
        prefill={addTermPrefill}
      />
    ),
  },
  {
    id: 'glossary-transfer',
    title: i18n.t('options.sections.glossaryTransfer'),
    content: <GlossaryTransferSection store={customTermStore} />,
  },
  {
    id: 'notes',
    title: i18n.t('options.sections.notes'),
    content: <NotesSection store={noteStore} termNames={noteTermNames} />,
  },
];

// A newer Credit Lens upgrading the database while this page is open: let it, and say so.
onDatabaseUpgraded(db, showDatabaseUpgradedNotice);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <OptionsApp sections={sections} />
  </StrictMode>,
);
