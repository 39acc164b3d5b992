/**
 * Seeded synthetic glossaries and page text for the matcher benchmarks. Everything comes from a
 * fixed seed, so runs are comparable; and nothing here touches Node APIs, because
 * `bench-match-browser.ts` bundles the benchmark that uses it into a browser page.
 */
import type { MatchableAlias, MatchableEntry } from '../../lib/match/index';

/** The seed the benchmarks have always used, so figures stay comparable across versions. */
export const DEFAULT_SEED = 20240611;

/** mulberry32: a tiny seeded generator, so the text and terms are the same on every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ONSETS = ['b', 'c', 'd', 'f', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'z'];
const NUCLEI = ['a', 'e', 'i', 'o', 'u', 'ai', 'ou', 'ea'];
const PINYIN = [
  'zhèng',
  'fǔ',
  'xìn',
  'yòng',
  'guǎn',
  'lǐ',
  'shè',
  'huì',
  'jīng',
  'jì',
  'fǎ',
  'zhì',
  'hé',
  'guī',
  'píng',
  'jià',
  'biāo',
  'zhǔn',
  'jiān',
  'dū',
  'chéng',
  'rèn',
];

const FILLER = [
  'the',
  'of',
  'and',
  'to',
  'in',
  'a',
  'is',
  'that',
  'for',
  'it',
  'as',
  'was',
  'with',
  'be',
  'by',
  'on',
  'not',
  'this',
  'are',
  'or',
  'from',
  'at',
  'which',
  'an',
  'have',
  'has',
  'its',
  'system',
  'credit',
  'social',
  'government',
  'risk',
  'data',
  'policy',
  'report',
  'local',
  'café',
  'naïve',
  'régime',
  'Zürich',
  'credits',
  'crediting',
  'grc',
  'Grc',
  'rating',
];

export const alias = (
  text: string,
  lang: MatchableAlias['lang'],
  sensitive = false,
): MatchableAlias => ({
  text,
  lang,
  case: sensitive ? 'sensitive' : 'insensitive',
});

/** Terms shaped like the real glossary: English phrases, acronyms, Chinese, pinyin. */
export const REAL_SHAPED_ENTRIES: readonly MatchableEntry[] = [
  {
    id: 'social-credit-system',
    aliases: [
      alias('social credit system', 'en'),
      alias('社会信用体系', 'zh-Hans'),
      alias('社會信用體系', 'zh-Hant'),
      alias('shè huì xìn yòng tǐ xì', 'pinyin'),
    ],
  },
  { id: 'social-credit', aliases: [alias('social credit', 'en')] },
  {
    id: 'chengxin',
    aliases: [alias('诚信', 'zh-Hans'), alias('誠信', 'zh-Hant'), alias('chéng xìn', 'pinyin')],
  },
  {
    id: 'grc',
    aliases: [alias('GRC', 'en', true), alias('governance, risk and compliance', 'en')],
  },
  { id: 'blacklist', aliases: [alias('blacklist', 'en'), alias('失信被执行人', 'zh-Hans')] },
  { id: 'credit-score', aliases: [alias('credit score', 'en'), alias('信用评分', 'zh-Hans')] },
  { id: 'esg', aliases: [alias('ESG', 'en', true), alias('环境、社会和治理', 'zh-Hans')] },
  { id: 'compliance', aliases: [alias('compliance', 'en'), alias('合规', 'zh-Hans')] },
];

export interface Synthetic {
  /** `count` entries: 60% English phrases, 10% acronyms, 30% English + Chinese + pinyin. */
  entries(count: number): MatchableEntry[];
  /** About `length` units of mixed English and Chinese prose with terms from `pool` strewn in. */
  text(pool: readonly MatchableEntry[], length: number): string;
}

/**
 * A generator of glossaries and text. Both methods draw from one seeded sequence, so the same
 * calls in the same order give the same output on every run and in every runtime.
 */
export function createSynthetic(seed = DEFAULT_SEED): Synthetic {
  const random = seeded(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const between = (lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1));

  function pseudoWord(): string {
    let word = '';
    for (let s = between(2, 4); s > 0; s--) word += pick(ONSETS) + pick(NUCLEI);
    return word;
  }

  /** Common Han characters (U+4E00–U+9FA5 holds the everyday ones). */
  function hanString(length: number): string {
    let s = '';
    for (let i = 0; i < length; i++) s += String.fromCharCode(0x4e00 + between(0, 0x51a5));
    return s;
  }

  function entries(count: number): MatchableEntry[] {
    const made: MatchableEntry[] = [];
    for (let i = 0; i < count; i++) {
      const roll = random();
      let aliases: MatchableAlias[];
      if (roll < 0.6) {
        const words = Array.from({ length: between(1, 3) }, pseudoWord);
        aliases = [alias(words.join(' '), 'en')];
      } else if (roll < 0.7) {
        const letters = Array.from({ length: between(3, 5) }, () =>
          String.fromCharCode(65 + between(0, 25)),
        );
        aliases = [alias(letters.join(''), 'en', true)];
      } else {
        const han = hanString(between(2, 4));
        const syllables = Array.from({ length: han.length }, () => pick(PINYIN));
        aliases = [
          alias(pseudoWord() + ' ' + pseudoWord(), 'en'),
          alias(han, 'zh-Hans'),
          alias(syllables.join(' '), 'pinyin'),
        ];
      }
      made.push({ id: `synthetic-${i}`, aliases });
    }
    return made;
  }

  function text(pool: readonly MatchableEntry[], length: number): string {
    const parts: string[] = [];
    let size = 0;
    const termText = (): string => pick(pick(pool).aliases).text;
    while (size < length) {
      let paragraph: string;
      if (random() < 0.15) {
        const pieces: string[] = [];
        for (let k = between(5, 15); k > 0; k--) {
          pieces.push(random() < 0.2 ? termText() : hanString(between(2, 12)));
        }
        paragraph = pieces.join(random() < 0.5 ? '，' : '') + '。';
      } else {
        const words: string[] = [];
        for (let k = between(30, 120); k > 0; k--) {
          const roll = random();
          words.push(roll < 0.02 ? termText() : roll < 0.3 ? pseudoWord() : pick(FILLER));
        }
        paragraph = words.join(random() < 0.05 ? '\u00a0' : ' ') + '.';
      }
      parts.push(paragraph);
      size += paragraph.length + 2;
    }
    return parts.join('\n\n').slice(0, length);
  }

  return { entries, text };
}
