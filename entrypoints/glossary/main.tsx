import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { GlossaryPage } from '~/components/glossary/GlossaryPage';
import { bundledGlossary } from '~/lib/glossary';
import { i18n, localizeDocument } from '~/lib/i18n';
import '~/components/palette.css';
import './glossary.css';

localizeDocument(i18n.t('glossaryPage.title'));

// The glossary page (`/glossary.html#<entry id>`): the bundled entries, nothing fetched.
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <GlossaryPage entries={bundledGlossary().entries} />
  </StrictMode>,
);
