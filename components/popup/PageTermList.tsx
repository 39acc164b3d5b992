import { formatNumber, i18n } from '~/lib/i18n';
import type { PageTerms, UnreadableReason } from '~/lib/messages';

/** The reader's settings that decide which matches are marked (and so listed). */
export interface MarkLimitSettings {
  firstOccurrenceOnly: boolean;
  markCap: number | null;
}

interface PageTermListProps {
  page: PageTerms;
  limits: MarkLimitSettings;
  onShow: (entryId: string) => void | Promise<void>;
}

/**
 * How many terms the page has, and which; choosing one opens it on the page. The list counts
 * marked terms only: with "first occurrence only" or a cap per page, the matches those settings
 * leave out are neither marked nor listed, and a sentence says how many were found.
 */
export function PageTermList({ page, limits, onShow }: PageTermListProps) {
  if (page.paused) {
    return <p className="popup-muted">{i18n.t('popup.pausedEverywhere')}</p>;
  }
  if (!page.enabled) {
    return <p className="popup-muted">{i18n.t('popup.siteOff')}</p>;
  }
  if (page.total === 0) {
    if (page.unreadable) return <UnreadablePage reason={page.unreadable} />;
    return <p className="popup-muted">{i18n.t('popup.noTerms')}</p>;
  }
  const limited = page.found > page.total;
  return (
    <section aria-labelledby="page-terms-heading">
      <h2 id="page-terms-heading" className="popup-count">
        {termsHeading(page.total, limited)}
      </h2>
      {limited && <LimitNote found={page.found} limits={limits} />}
      <ul className="term-list">
        {page.terms.map((term) => (
          <li key={term.entryId}>
            <button type="button" onClick={() => void onShow(term.entryId)}>
              <span>{term.term}</span>
              <span
                className="term-count"
                aria-label={i18n.t('popup.times', term.count, [formatNumber(term.count)])}
              >
                {term.count}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function termsHeading(total: number, limited: boolean): string {
  const n = formatNumber(total);
  if (limited) return i18n.t('popup.termsMarked', total, [n]);
  return i18n.t('popup.termsFound', total, [n]);
}

function LimitNote({ found, limits }: { found: number; limits: MarkLimitSettings }) {
  const { firstOccurrenceOnly, markCap } = limits;
  let text: string;
  const all = formatNumber(found);
  if (firstOccurrenceOnly && markCap !== null) {
    text = i18n.t('popup.limitFirstAndCap', { cap: formatNumber(markCap), found: all });
  } else if (firstOccurrenceOnly) {
    text = i18n.t('popup.limitFirst', { found: all });
  } else {
    text = i18n.t('popup.limitCap', { cap: formatNumber(markCap ?? found), found: all });
  }
  return <p className="popup-muted popup-hint">{text}</p>;
}

/** A page the content script runs on but cannot read. */
export function UnreadablePage({ reason }: { reason: UnreadableReason }) {
  const why = {
    pdf: () => i18n.t('popup.unreadablePdf'),
    media: () => i18n.t('popup.unreadableMedia'),
    'canvas-editor': () => i18n.t('popup.unreadableCanvas'),
  }[reason]();
  return (
    <p className="popup-notice">
      <strong>{i18n.t('popup.cannotRead')}</strong> {why}
    </p>
  );
}
