import * as v from 'valibot';
import { formatNumber, i18n } from '~/lib/i18n';

/**
 * What a page's content script tells the background about marking there, for the toolbar badge.
 * `marking` counts the marks (after the reader's first-occurrence and cap settings, like the
 * popup's list); `unreadable` is a page the content script runs on but cannot read (a PDF, a
 * canvas editor).
 */
export type PageStatus =
  | { state: 'marking'; count: number }
  | { state: 'site-off' }
  | { state: 'paused' }
  | { state: 'unreadable' };

export const PageStatusSchema: v.GenericSchema<unknown, PageStatus> = v.variant('state', [
  v.strictObject({
    state: v.literal('marking'),
    count: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10_000_000)),
  }),
  v.strictObject({ state: v.literal('site-off') }),
  v.strictObject({ state: v.literal('paused') }),
  v.strictObject({ state: v.literal('unreadable') }),
]);

export interface Badge {
  /** At most four characters: what fits on a toolbar badge. */
  text: string;
  /** The toolbar button's tooltip, and its accessible name: says what the badge means. */
  title: string;
  /** An opaque pill behind white text, readable on light and dark toolbars alike. */
  color: string;
}

export const BADGE_TEXT_COLOR = '#ffffff';
/** The palette's accent (white on it: 6.9:1). */
const COUNT_COLOR = '#8a4b00';
/** The palette's muted text colour (white on it: 7.2:1). */
const OFF_COLOR = '#5c574c';

/** The badge as the reader first sees it, and after navigation: nothing, the name as tooltip. */
export const NO_BADGE: Badge = { text: '', title: i18n.t('badge.name'), color: COUNT_COLOR };

export function badgeFor(status: PageStatus): Badge {
  switch (status.state) {
    case 'marking': {
      const { count } = status;
      if (count === 0) {
        return { ...NO_BADGE, title: i18n.t('badge.noTerms') };
      }
      return {
        text: count > 999 ? '999+' : String(count),
        title: i18n.t('badge.marked', count, [formatNumber(count)]),
        color: COUNT_COLOR,
      };
    }
    case 'site-off':
      return { text: i18n.t('badge.offText'), title: i18n.t('badge.siteOff'), color: OFF_COLOR };
    case 'paused':
      return { text: '||', title: i18n.t('badge.paused'), color: OFF_COLOR };
    case 'unreadable':
      return { ...NO_BADGE, title: i18n.t('badge.unreadable') };
  }
}
