import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { OptionsApp, type OptionsSection } from '~/components/options/OptionsApp';
import '~/components/palette.css';
import './options.css';

// The options page is an extension page: it reads and writes settings, custom terms and notes
// directly (same origin as the database). Each section gets what it needs here.
const sections: OptionsSection[] = [
  // One entry per section, in page order. (Settings, site rules, your terms, glossary import and
  // export, notes export and import.)
];

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <OptionsApp sections={sections} />
  </StrictMode>,
);
