import { readFileSync } from 'node:fs';
import { parseMessagesText, type ParsedMessage } from '@wxt-dev/i18n/build';
import { describe, expect, it } from 'vitest';
import { chromeMessages } from '~/test/i18n';

/*
 * The two locales must agree: a key missing from one, or a placeholder the other lacks, shows
 * the reader an empty string or a raw `{name}`. Read with `@wxt-dev/i18n`'s own parser, the one
 * the build uses.
 */

const read = (locale: string): ParsedMessage[] =>
  parseMessagesText(readFileSync(`locales/${locale}.yml`, 'utf8'), 'YAML').filter(
    (message) => !message.key[0]?.startsWith('@@'),
  );

const en = new Map(read('en').map((message) => [message.key.join('.'), message]));
const zh = new Map(read('zh_CN').map((message) => [message.key.join('.'), message]));

/** Every text of a message: one, or one per plural form. */
function texts(message: ParsedMessage): string[] {
  return message.type === 'plural' ? Object.values(message.plurals) : [message.message];
}

const positional = (text: string) => [...new Set(text.match(/(?<!\$)\$[1-9]/g) ?? [])].sort();
const named = (text: string) => [...new Set(text.match(/\{[A-Za-z0-9_]+\}/g) ?? [])].sort();

describe('the locales', () => {
  it('have the same keys in English and Simplified Chinese', () => {
    expect([...zh.keys()].sort()).toEqual([...en.keys()].sort());
  });

  it.each([...en.keys()])('%s: same kind and placeholders in both', (key) => {
    const english = en.get(key)!;
    const chinese = zh.get(key);
    expect(chinese, `zh_CN lacks ${key}`).toBeDefined();
    expect(chinese!.type).toBe(english.type);
    for (const text of texts(chinese!)) {
      expect(text.trim(), `zh_CN ${key} is empty`).not.toBe('');
      // Every form names the same things as the English "any number" form.
      const model = texts(english).at(-1)!;
      expect(named(text)).toEqual(named(model));
      expect(positional(text)).toEqual(positional(model));
    }
  });

  it('give plurals forms the module can pick from: only `n`, or the English ones', () => {
    for (const [key, english] of en) {
      if (english.type !== 'plural') continue;
      const chinese = zh.get(key);
      if (chinese?.type !== 'plural') continue;
      const forms = Object.keys(chinese.plurals).sort();
      // Two forms are read as [1, n] and three as [0, 1, n] whatever their keys are.
      if (forms.length > 1) expect(forms).toEqual(Object.keys(english.plurals).sort());
      else expect(forms).toEqual(['n']);
    }
  });

  it('never put the plural separator " | " inside a plural form (it would split there)', () => {
    for (const map of [en, zh]) {
      for (const message of map.values()) {
        if (message.type !== 'plural') continue;
        for (const text of texts(message)) expect(text).not.toContain(' | ');
      }
    }
  });

  it('name every message the manifest uses (__MSG_…__)', () => {
    const config = readFileSync('wxt.config.ts', 'utf8');
    const used = [...config.matchAll(/__MSG_(\w+)__/g)].map((match) => match[1]!);
    expect(used.length).toBeGreaterThanOrEqual(4);
    for (const locale of ['en', 'zh_CN'] as const) {
      const messages = chromeMessages(locale);
      for (const name of used) expect(messages[name]?.message, `${locale} ${name}`).toBeTruthy();
    }
  });

  it('keep the toolbar badge’s “off” within four characters', () => {
    for (const map of [en, zh])
      expect([...texts(map.get('badge.offText')!)[0]!].length).toBeLessThanOrEqual(4);
  });

  it('turn into browser message names without clashes (dots become underscores)', () => {
    for (const map of [en, zh]) {
      const names = [...map.keys()].map((key) => key.replaceAll('.', '_'));
      expect(new Set(names).size).toBe(names.length);
      for (const name of names) expect(name).toMatch(/^[A-Za-z0-9_]+$/);
    }
  });
});
