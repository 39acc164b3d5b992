import type { PageTerms } from '~/lib/messages';

interface PageTermListProps {
  page: PageTerms;
  onShow: (entryId: string) => void | Promise<void>;
}

/** How many terms the page has, and which; choosing one opens it on the page. */
export function PageTermList({ page, onShow }: PageTermListProps) {
  if (!page.enabled) {
    return <p className="popup-muted">Marking is off for this site.</p>;
  }
  if (page.total === 0) {
    return <p className="popup-muted">No glossary terms found on this page.</p>;
  }
  return (
    <section aria-labelledby="page-terms-heading">
      <h2 id="page-terms-heading" className="popup-count">
        {page.total === 1 ? '1 term found' : `${page.total} terms found`} on this page
      </h2>
      <ul className="term-list">
        {page.terms.map((term) => (
          <li key={term.entryId}>
            <button type="button" onClick={() => void onShow(term.entryId)}>
              <span>{term.term}</span>
              <span className="term-count" aria-label={`${term.count} times`}>
                {term.count}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
