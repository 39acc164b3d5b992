import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { GlossaryPage } from '~/components/glossary/GlossaryPage';
import { bundledGlossary } from '~/lib/glossary';
import '~/components/palette.css';
import './glossary.css';

// The glossary page (`/glossary.html#<entry id>`): the bundled entries, nothing fetched.
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <GlossaryPage entries={bundledGlossary().entries} />
  </StrictMode>,
);
