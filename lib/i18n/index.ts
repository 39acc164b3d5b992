import { i18n } from '#i18n';

/**
 * The UI's words: `i18n.t(key, …)` reads `locales/<lang>.yml` (built into `_locales/`) through
 * `browser.i18n`, so the browser's language picks them (Simplified Chinese or English, the
 * default). Glossary entries are not translated: they stay as written.
 */
export { i18n };

/**
 * The language the UI's messages are in (a BCP 47 tag), for `lang` attributes and number and date
 * formats. Read from the messages themselves, so a browser in French, which gets the English
 * messages, says `en`, not `fr`.
 */
export function uiLanguage(): string {
  return i18n.t('meta.lang') || 'en';
}

/** A count as the UI's language writes it (10,000). */
export function formatNumber(n: number): string {
  return n.toLocaleString(uiLanguage());
}

/** Sets the extension page's `lang` and title from the messages. */
export function localizeDocument(title: string): void {
  document.documentElement.lang = uiLanguage();
  document.title = title;
}

/**
 * The language the bundled glossary's entries are written in. They are not translated, so an
 * entry shown in a UI in another language carries this `lang` (screen readers switch voice).
 */
export const ENTRY_LANG = 'en';
