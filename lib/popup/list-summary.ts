import { formatNumber, i18n } from '~/lib/i18n';

/** What the "All notes" list tells the reader about how much of it is shown. */
export interface ListSummaryInput {
  /** Notes shown now. */
  shown: number;
  /** Every note there is (the database count); only meaningful when nothing filters the list. */
  total: number;
  /** Whether a search or term filter narrows the list (then `total` is not the match count). */
  filtered: boolean;
  /** Whether more matching notes exist beyond those shown. */
  hasMore: boolean;
}

const count = formatNumber;

/**
 * Counting every match of a search would mean reading every matching note, which is what the
 * popup avoids with thousands of notes; so a filtered list only says whether there are more.
 */
export function listSummary({ shown, total, filtered, hasMore }: ListSummaryInput): string {
  if (filtered) {
    if (hasMore) return i18n.t('popup.newestMatches', shown, [count(shown)]);
    return i18n.t('popup.matchingNotes', shown, [count(shown)]);
  }
  if (shown < total) {
    return i18n.t('popup.showingOf', total, [count(total)], { shown: count(shown) });
  }
  return i18n.t('popup.notes', shown, [count(shown)]);
}
