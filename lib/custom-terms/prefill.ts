import type { AliasLang } from '../glossary/schema';
import { CUSTOM_LIMITS } from './schema';

/**
 * "Add to Credit Lens glossary" on selected text opens the options page at "Your terms" with the
 * add form filled in: `options.html?add=<selection>#your-terms`. The text comes from a web page,
 * so it is cleaned and cut to a term's length on both ends (when the URL is made and when it is
 * read); React renders it as text.
 */

export const YOUR_TERMS_SECTION_ID = 'your-terms';
export const ADD_PARAM = 'add';

/** Collapses whitespace, drops control and format characters, and cuts to a term's length. */
export function cleanSelection(raw: string | null | undefined): string | null {
  if (typeof raw !== 'string') return null;
  const text = raw
    .slice(0, 10_000)
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]+/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
  if (text === '') return null;
  // Cut on a code point boundary, so no half of an emoji or rare character is left.
  const points = [...text];
  return points.length <= CUSTOM_LIMITS.termChars
    ? text
    : points.slice(0, CUSTOM_LIMITS.termChars).join('').trimEnd();
}

/** The options page address that opens the add form with `selection` in it. */
export function addTermUrl(optionsPage: string, selection: string | null | undefined): string {
  const url = new URL(optionsPage);
  const text = cleanSelection(selection);
  if (text !== null) url.searchParams.set(ADD_PARAM, text);
  url.hash = YOUR_TERMS_SECTION_ID;
  return url.href;
}

/** The text to prefill from the options page's own address, or null. */
export function readAddParam(href: string): string | null {
  try {
    return cleanSelection(new URL(href).searchParams.get(ADD_PARAM));
  } catch {
    return null;
  }
}

const HAN = /\p{Script=Han}/u;
const TONE_MARK = /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]/iu;
const ACRONYM = /^[A-Z][A-Z0-9&]{1,9}$/;

/** A first guess at a written form's language and case, which the reader can change. */
export function guessForm(text: string): { lang: AliasLang; sensitive: boolean } {
  if (HAN.test(text)) return { lang: 'zh-Hans', sensitive: false };
  if (TONE_MARK.test(text.normalize('NFC'))) return { lang: 'pinyin', sensitive: false };
  return { lang: 'en', sensitive: ACRONYM.test(text) };
}
