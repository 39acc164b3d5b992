import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateChromeMessages, parseMessagesText } from '@wxt-dev/i18n/build';
import { fakeBrowser } from 'wxt/testing/fake-browser';

/*
 * `browser.i18n` for unit tests. The fake browser has no `i18n.getMessage`, so `i18n.t` would
 * throw; this one reads `locales/<locale>.yml` through `@wxt-dev/i18n`'s own build step (the one
 * that writes `_locales/<locale>/messages.json`), and fills in `$1`…`$9` as the browsers do.
 */

export type Locale = 'en' | 'zh_CN';

const localesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../locales');

/** A locale's messages as the browser gets them (`_locales/<locale>/messages.json`). */
export function chromeMessages(locale: Locale): Record<string, { message: string }> {
  const text = readFileSync(path.join(localesDir, `${locale}.yml`), 'utf8');
  return generateChromeMessages(parseMessagesText(text, 'YAML'));
}

/** `getMessage` as Chromium and Firefox implement it: `$1`…`$9` substituted, `$$` is `$`. */
export function getMessageFrom(
  messages: Record<string, { message: string }>,
): (name: string, substitutions?: string | string[]) => string {
  return (name, substitutions) => {
    const message = messages[name]?.message;
    if (message === undefined) return '';
    const subs = substitutions === undefined ? [] : [substitutions].flat();
    return message.replace(/\$(\$|[1-9])/g, (_, which: string) =>
      which === '$' ? '$' : (subs[Number(which) - 1] ?? ''),
    );
  };
}

/** Makes `i18n.t` answer in this locale, as a browser whose language it is would. */
export function setLocale(locale: Locale): void {
  const messages = chromeMessages(locale);
  const i18n = fakeBrowser.i18n as unknown as Record<string, unknown>;
  i18n.getMessage = getMessageFrom(messages);
  i18n.getUILanguage = () => (locale === 'zh_CN' ? 'zh-CN' : 'en');
}
