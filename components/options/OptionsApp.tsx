import type { ReactNode } from 'react';
import { i18n } from '~/lib/i18n';

export interface OptionsSection {
  /** Element id of the section, and its fragment in the page's table of contents. */
  id: string;
  title: string;
  content: ReactNode;
}

/**
 * The options page: a table of contents and one section per concern. The sections are built in
 * the entrypoint, which gives each the stores it needs; this component only lays them out.
 */
export function OptionsApp({ sections }: { sections: readonly OptionsSection[] }) {
  return (
    <div className="options">
      <header className="options-header">
        <h1>{i18n.t('options.heading')}</h1>
        <nav aria-label={i18n.t('options.sectionsNav')}>
          <ul>
            {sections.map((section) => (
              <li key={section.id}>
                <a href={`#${section.id}`}>{section.title}</a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main>
        {sections.map((section) => (
          <section
            key={section.id}
            id={section.id}
            className="options-section"
            aria-labelledby={`${section.id}-heading`}
          >
            <h2 id={`${section.id}-heading`}>{section.title}</h2>
            {section.content}
          </section>
        ))}
      </main>
    </div>
  );
}
