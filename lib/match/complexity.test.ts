import { describe, expect, it } from 'vitest';
import { foldText } from './fold';
import type { MatchableAlias, MatchableEntry } from './patterns';
import { compileMatcher } from './term-matcher';
import { activeMatchWork, countMatchWork, totalWork } from './work';

/*
 * Guards the matcher's complexity by counting operations, not milliseconds, so it holds on a
 * loaded CI machine: the work of `find` (units read, steps off the dense tables, occurrences
 * checked, readings tried; see work.ts) must grow with the text and not with the glossary. A
 * regression to scanning once per term multiplies the work per unit by the number of terms, and
 * the last test shows that such an implementation, counting its work the same way, fails.
 */

/** mulberry32, so every run builds the same glossaries and text. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const next = seeded(5);
const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
const SYLLABLES = [
  'ba',
  'ce',
  'di',
  'fo',
  'gu',
  'ha',
  'ke',
  'li',
  'mo',
  'nu',
  'pa',
  're',
  'si',
  'to',
];
const word = (): string =>
  Array.from({ length: 2 + Math.floor(next() * 3) }, () => pick(SYLLABLES)).join('');
const han = (): string =>
  Array.from({ length: 2 + Math.floor(next() * 3) }, () =>
    String.fromCharCode(0x4e00 + Math.floor(next() * 0x5000)),
  ).join('');
const alias = (text: string, lang: MatchableAlias['lang'], sensitive = false): MatchableAlias => ({
  text,
  lang,
  case: sensitive ? 'sensitive' : 'insensitive',
});

const TEN: MatchableEntry[] = [
  { id: 'scs', aliases: [alias('social credit system', 'en'), alias('社会信用体系', 'zh-Hans')] },
  { id: 'sc', aliases: [alias('social credit', 'en')] },
  { id: 'cx', aliases: [alias('诚信', 'zh-Hans'), alias('chéng xìn', 'pinyin')] },
  { id: 'grc', aliases: [alias('GRC', 'en', true)] },
  { id: 'bl', aliases: [alias('blacklist', 'en')] },
  { id: 'score', aliases: [alias('credit score', 'en')] },
  { id: 'esg', aliases: [alias('ESG', 'en', true)] },
  { id: 'comp', aliases: [alias('compliance', 'en'), alias('合规', 'zh-Hans')] },
  { id: 'reg', aliases: [alias('régime', 'en')] },
  { id: 'data', aliases: [alias('data governance', 'en')] },
];

/** The ten terms, then generated ones: phrases of made-up words, acronyms, Chinese with pinyin. */
const TEN_THOUSAND: MatchableEntry[] = [
  ...TEN,
  ...Array.from({ length: 9_990 }, (_, i): MatchableEntry => {
    const roll = next();
    const aliases =
      roll < 0.6
        ? [alias(Array.from({ length: 1 + Math.floor(next() * 3) }, word).join(' '), 'en')]
        : roll < 0.7
          ? [alias(word().toUpperCase(), 'en', true)]
          : [alias(han(), 'zh-Hans'), alias(`${word()} ${word()}`, 'pinyin')];
    return { id: `t${i}`, aliases };
  }),
];

/** Prose with the ten terms, made-up words (some of them generated terms) and Chinese in it. */
const TEXT = Array.from({ length: 3_000 }, () => {
  const roll = next();
  if (roll < 0.03) return pick(pick(TEN).aliases).text;
  if (roll < 0.06) return han();
  if (roll < 0.4) return word();
  return pick(['the', 'of', 'and', 'credit', 'social', 'system', 'Zürich', 'data', 'a', 'is']);
}).join(' ');

const workPerUnit = (find: (text: string) => unknown, text: string): number =>
  totalWork(countMatchWork(() => find(text))) / text.length;

/** The two ratios the guard bounds, for any `find` that reports its work through work.ts. */
function ratios(build: (entries: readonly MatchableEntry[]) => (text: string) => unknown): {
  twiceTheText: number;
  thousandTimesTheTerms: number;
  unitsRead: number;
} {
  const small = build(TEN);
  const large = build(TEN_THOUSAND);
  const once = countMatchWork(() => large(TEXT));
  return {
    twiceTheText: totalWork(countMatchWork(() => large(`${TEXT}\n${TEXT}`))) / totalWork(once),
    thousandTimesTheTerms: totalWork(once) / TEXT.length / workPerUnit(small, TEXT),
    unitsRead: once.units,
  };
}

const ours = (entries: readonly MatchableEntry[]): ((text: string) => unknown) => {
  const matcher = compileMatcher(entries);
  return (text) => matcher.find(text);
};

/**
 * The obvious slow matcher: look for every alias in the folded text in turn. It counts its work
 * as the matcher does, one unit per text unit read, and `indexOf` reads the whole text.
 */
const perAliasScan = (entries: readonly MatchableEntry[]): ((text: string) => unknown) => {
  const aliases = entries.flatMap((entry) => entry.aliases.map((a) => foldText(a.text).folded));
  return (text) => {
    const { folded } = foldText(text);
    const work = activeMatchWork();
    let found = 0;
    for (const a of aliases) {
      if (work) work.units += folded.length;
      for (let at = folded.indexOf(a); at !== -1; at = folded.indexOf(a, at + 1)) found++;
    }
    if (work) work.candidates += found;
    return found;
  };
};

describe('matcher complexity (counted, not timed)', () => {
  const measured = ratios(ours);

  it('does about twice the work on twice the text', () => {
    expect(measured.twiceTheText).toBeGreaterThanOrEqual(1.8);
    expect(measured.twiceTheText).toBeLessThanOrEqual(2.2);
  });

  it('does not do more than 3× the work per character with 10,000 terms as with 10', () => {
    expect(measured.thousandTimesTheTerms).toBeLessThan(3);
  });

  it('reads every text unit once, whatever the glossary', () => {
    expect(measured.unitsRead).toBe(TEXT.length);
  });

  it('would catch a per-alias scan: its work grows with the glossary', () => {
    const naive = ratios(perAliasScan);
    expect(naive.twiceTheText).toBeGreaterThanOrEqual(1.8); // linear in the text, like ours…
    expect(naive.thousandTimesTheTerms).toBeGreaterThan(100); // …but not in the terms
  });
});
