/**
 * Benchmarks the glossary matcher (lib/match) against the obvious alternative, one big
 * case-insensitive RegExp alternation, on ~1 MB of synthetic page text.
 *
 *   npx tsx scripts/bench-match.ts                (Node)
 *   npx tsx scripts/bench-match-browser.ts        (the same, in Chromium and Firefox)
 *
 * Everything is generated from a fixed seed, so runs are comparable. The regex baseline gets
 * slower with every term it holds, and at thousands of terms it takes minutes per megabyte, so it
 * is first timed on a slice and only run on the whole text when that predicts < 20 s.
 */

import { compileMatcher, type MatchableAlias, type MatchableEntry } from '../lib/match/index';

const SIZES = [10, 100, 1_000, 10_000];
const TEXT_LENGTH = 1_000_000;
const FIND_REPEATS = 7;
/** Untimed runs first, so the JIT has optimised the hot loops before the clock starts. */
const WARM_UPS = 3;
const BASELINE_LIMIT_MS = 20_000;

/** mulberry32: a tiny seeded generator, so the text and terms are the same on every run. */
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

const random = seeded(20240611);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const between = (lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1));

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
];
const PINYIN_MORE = ['hé', 'guī', 'píng', 'jià', 'biāo', 'zhǔn', 'jiān', 'dū', 'chéng', 'rèn'];

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

const alias = (text: string, lang: MatchableAlias['lang'], sensitive = false): MatchableAlias => ({
  text,
  lang,
  case: sensitive ? 'sensitive' : 'insensitive',
});

/** Terms shaped like the real glossary: English phrases, acronyms, Chinese, pinyin. */
const REAL: MatchableEntry[] = [
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

function syntheticEntries(count: number): MatchableEntry[] {
  const entries: MatchableEntry[] = [];
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
      const syllables = Array.from({ length: han.length }, () => pick([...PINYIN, ...PINYIN_MORE]));
      aliases = [
        alias(pseudoWord() + ' ' + pseudoWord(), 'en'),
        alias(han, 'zh-Hans'),
        alias(syllables.join(' '), 'pinyin'),
      ];
    }
    entries.push({ id: `synthetic-${i}`, aliases });
  }
  return entries;
}

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

/** ~1 MB of mixed English and Chinese prose with terms from `pool` strewn in. */
function syntheticText(pool: readonly MatchableEntry[]): string {
  const parts: string[] = [];
  let length = 0;
  const termText = (): string => pick(pick(pool).aliases).text;
  while (length < TEXT_LENGTH) {
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
    length += paragraph.length + 2;
  }
  return parts.join('\n\n').slice(0, TEXT_LENGTH);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function time(run: () => void): number {
  const t0 = performance.now();
  run();
  return performance.now() - t0;
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function countRegexMatches(re: RegExp, text: string): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(text) !== null) n++;
  return n;
}

interface BaselineResult {
  compileMs: number;
  findMs: number | undefined;
  estimateMs: number;
  matches: number | undefined;
}

function runBaseline(entries: readonly MatchableEntry[], text: string): BaselineResult {
  const terms = entries.flatMap((e) => e.aliases.map((a) => a.text));
  // Longest first, so the alternation prefers "social credit system" over "social credit" as our
  // matcher does; V8 compiles a regex lazily, so the first exec is part of its compile time.
  terms.sort((a, b) => b.length - a.length);
  let re!: RegExp;
  const compileMs = time(() => {
    re = new RegExp(terms.map(escapeRegExp).join('|'), 'giu');
    re.exec('warm up');
  });
  // Time growing slices until one takes long enough to extrapolate from.
  let slice = 2_000;
  let sliceMs = 0;
  for (;;) {
    sliceMs = time(() => countRegexMatches(re, text.slice(0, slice)));
    if (sliceMs >= 200 || slice >= text.length) break;
    slice = Math.min(text.length, slice * 4);
  }
  const estimateMs = (sliceMs * text.length) / slice;
  if (estimateMs > BASELINE_LIMIT_MS) {
    return { compileMs, findMs: undefined, estimateMs, matches: undefined };
  }
  let matches = 0;
  const repeats = estimateMs > 2_000 ? 1 : FIND_REPEATS;
  const runs: number[] = [];
  for (let r = 0; r < repeats; r++) runs.push(time(() => (matches = countRegexMatches(re, text))));
  return { compileMs, findMs: median(runs), estimateMs, matches };
}

/** Where the benchmark runs: it is also bundled into a page by `bench-match-browser.ts`. */
function runtime(): string {
  return typeof process !== 'undefined' && process.versions?.node
    ? `node ${process.version}`
    : navigator.userAgent;
}

function main(): void {
  const synthetic = syntheticEntries(Math.max(...SIZES));
  const text = syntheticText([...REAL, ...synthetic]);
  console.log(
    `Text: ${text.length.toLocaleString('en')} UTF-16 units; ${runtime()}; ` +
      `median of ${FIND_REPEATS} runs after ${WARM_UPS} warm-ups.\n`,
  );
  const rows: string[][] = [
    [
      'terms',
      'patterns',
      'compile',
      'find (median)',
      'MB/s',
      'matches',
      'regex compile',
      'regex find',
      'regex matches',
      'regex / ours',
    ],
  ];
  for (const size of SIZES) {
    const entries = [...REAL, ...synthetic.slice(0, size)];
    const compileRuns: number[] = [];
    let matcher = compileMatcher(entries);
    for (let r = 0; r < 3; r++) compileRuns.push(time(() => (matcher = compileMatcher(entries))));
    let matches = 0;
    for (let r = 0; r < WARM_UPS; r++) matches = matcher.find(text).length;
    const findRuns: number[] = [];
    for (let r = 0; r < FIND_REPEATS; r++) {
      findRuns.push(time(() => (matches = matcher.find(text).length)));
    }
    const findMs = median(findRuns);
    const baseline = runBaseline(entries, text);
    const ms = (v: number): string => `${v.toFixed(v < 10 ? 2 : 0)} ms`;
    rows.push([
      `${size.toLocaleString('en')} + ${REAL.length}`,
      matcher.patternCount.toLocaleString('en'),
      ms(median(compileRuns)),
      ms(findMs),
      (text.length / 1e6 / (findMs / 1000)).toFixed(1),
      matches.toLocaleString('en'),
      ms(baseline.compileMs),
      baseline.findMs === undefined
        ? `skipped (>20 s, est. ${(baseline.estimateMs / 1000).toFixed(0)} s)`
        : ms(baseline.findMs),
      baseline.matches?.toLocaleString('en') ?? '–',
      `${((baseline.findMs ?? baseline.estimateMs) / findMs).toFixed(1)}×${baseline.findMs === undefined ? ' (est.)' : ''}`,
    ]);
  }
  const widths = (rows[0] as string[]).map((_, c) =>
    Math.max(...rows.map((row) => (row[c] as string).length)),
  );
  for (const [i, row] of rows.entries()) {
    console.log(row.map((cell, c) => cell.padStart(widths[c] as number)).join(' | '));
    if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  }
  console.log(
    '\nMatch counts differ by design: the regex has no word boundaries, pinyin spacings, ' +
      'accent or width folding, and ignores case on acronyms.',
  );
}

main();
