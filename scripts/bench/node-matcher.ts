/**
 * Matcher throughput in Node, set against what it could be and against the obvious alternatives,
 * all on the same text in the same run:
 * - the bare loop: `charCodeAt` over every unit and nothing else, the ceiling for any matcher
 *   that reads the text once;
 * - our matcher (`compileMatcher(...).find`) with the bundled glossary, then with synthetic terms
 *   added up to 1,000 and 10,000 entries;
 * - one combined case-insensitive Unicode RegExp alternation of every alias (`giu`);
 * - a naive scan: `indexOf` for every alias over the lower-cased text.
 *
 *   npx tsx scripts/bench/node-matcher.ts [--quick]
 *
 * The text is the prose of the saved corpus pages (`../shared/corpus/pages`), one string per page
 * (its runs joined by newlines), or seeded synthetic pages when the corpus is absent. Throughput
 * is MB of UTF-16 text per second: chars × 2 / 1e6 per second. Figures are medians of repeated
 * runs after warm-ups. Baselines that would take too long (the RegExp at thousands of terms takes
 * minutes) are timed on a prefix of every page and extrapolated; they are marked "estimated".
 *
 * Prints a table, and as its last line one JSON object with every figure; `measureNodeMatcher`
 * returns the same object for a caller that merges several benchmarks.
 */
import { pathToFileURL } from 'node:url';
import type { GlossaryEntry } from '../../lib/glossary/schema';
import { compileMatcher, type MatchableEntry, type TermMatcher } from '../../lib/match/index';
import { corpusPages } from '../support/corpus-text';
import { createSynthetic } from './synthetic';
import { escapeRegExp, median, time } from './timing';

export interface NodeMatcherOptions {
  /** Timed runs per figure (the median is reported). */
  repeats?: number;
  /** Untimed runs first, so the JIT has optimised the hot loops before the clock starts. */
  warmUps?: number;
  /** A baseline whose full runs would take longer than this is estimated from a sample. */
  baselineBudgetMs?: number;
  /** Total entries of the synthetic glossaries (bundled entries included). */
  sizes?: readonly number[];
  /** Progress lines; stderr by default, so stdout stays the table and the JSON. */
  progress?: (line: string) => void;
}

export interface Throughput {
  /** Milliseconds for the whole text (extrapolated when `estimated`). */
  ms: number;
  mbPerS: number;
  /** True when only a sample of `measuredChars` units was timed and the rest extrapolated. */
  estimated: boolean;
  measuredChars: number;
  /** Timed runs behind the median. */
  runs: number;
  /** What the scan counted (matches, or the checksum of the bare loop), for sanity. */
  count: number;
}

export interface GlossaryFigures {
  label: string;
  entries: number;
  bundledEntries: number;
  aliases: number;
  /** Distinct folded search strings in the automaton. */
  patterns: number;
  /** The first compile of this glossary (for the bundled one, the first in the process, before
   * the JIT has warmed up, as in a content script), then the median of the repeats. */
  compileColdMs: number;
  compileMs: number;
  /** The bare loop, timed in turns with the matcher: a busy machine slows both alike. */
  ceiling: Throughput;
  /** `percentOfCeiling`: the median, over rounds, of bare-loop time / matcher time, × 100. */
  matcher: Throughput & { percentOfCeiling: number };
  regex: Throughput & { compileMs: number; slowerThanMatcher: number };
  indexOf: Throughput & { slowerThanMatcher: number };
}

export interface NodeMatcherResult {
  bench: 'node-matcher';
  runtime: string;
  date: string;
  text: { source: 'corpus' | 'synthetic'; pages: number; chars: number; mb: number };
  repeats: number;
  warmUps: number;
  /** The bare loop at the start; each glossary also has its own, timed next to it. */
  ceiling: Throughput;
  glossaries: GlossaryFigures[];
  /**
   * Fastest over slowest matcher throughput across the glossaries, each as its share of the bare
   * loop timed in turns with it (so load that changes between rows cancels out); target ≤ 1.25.
   */
  flatness: number;
  targets: { percentOfCeiling: 40; flatness: 1.25; met: boolean };
}

const DEFAULT_SIZES = [1_000, 10_000];
/** Synthetic pages when the corpus is absent: about the corpus's size, in page-sized pieces. */
const SYNTHETIC_CHARS = 1_400_000;
const SYNTHETIC_PAGE = 20_000;
/** A sample run must take this long before it is trusted to extrapolate from. */
const SAMPLE_MIN_MS = 150;

type GlossaryModule = typeof import('../../e2e/support/glossary');

/**
 * The bundled glossary, read by the e2e helper (same files and schema as the extension). While
 * someone edits the JSON it may briefly fail to parse, so failures are retried; the query string
 * makes each attempt a fresh module, since Node caches a module whose evaluation threw.
 */
async function loadBundledGlossary(
  progress: (line: string) => void,
  attempts = 20,
  waitMs = 3_000,
): Promise<readonly GlossaryEntry[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      const url = `../../e2e/support/glossary.ts?attempt=${attempt}`;
      const loaded = (await import(url)) as GlossaryModule;
      return loaded.glossaryEntries;
    } catch (error) {
      if (attempt >= attempts) throw error;
      progress(`bundled glossary did not load (${String(error).slice(0, 120)}); retrying`);
      await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
  }
}

function benchTexts(pool: readonly MatchableEntry[]): {
  source: 'corpus' | 'synthetic';
  pages: string[];
} {
  const corpus = corpusPages();
  if (corpus.length > 0) {
    return { source: 'corpus', pages: corpus.map((page) => page.runs.join('\n')) };
  }
  const all = createSynthetic(7).text(pool, SYNTHETIC_CHARS);
  const pages: string[] = [];
  for (let at = 0; at < all.length; at += SYNTHETIC_PAGE) {
    pages.push(all.slice(at, at + SYNTHETIC_PAGE));
  }
  return { source: 'synthetic', pages };
}

const charsOf = (pages: readonly string[]): number => pages.reduce((n, t) => n + t.length, 0);
const mbPerS = (chars: number, ms: number): number => (chars * 2) / 1e6 / (ms / 1000);

/**
 * A flat copy. `slice` returns a view into the page (a V8 "sliced string"), and a hot loop that
 * has met those is compiled for both kinds and runs several times slower on flat strings too:
 * probing on slices made the bare loop 6× slower. JSON.parse builds a fresh flat string.
 */
const flatCopy = (text: string): string => JSON.parse(JSON.stringify(text)) as string;

/** The same share of every page, from its start, so a sample has every page's kind of text. */
function samplePages(pages: readonly string[], share: number): string[] {
  return pages.map((page) => flatCopy(page.slice(0, Math.ceil(page.length * share))));
}

interface MeasureOptions {
  repeats: number;
  warmUps: number;
  /** Full runs only when warm-ups plus repeats would fit in this; otherwise extrapolate. */
  budgetMs: number;
}

/** Median time of `scan` over `pages`, or over a sample of them when the full text is too slow. */
function measure(
  scan: (pages: readonly string[]) => number,
  pages: readonly string[],
  { repeats, warmUps, budgetMs }: MeasureOptions,
): Throughput {
  const chars = charsOf(pages);
  // Probe on growing samples, from about 2,000 units, until one takes long enough to predict.
  let share = Math.min(1, 2_000 / chars);
  let sample = samplePages(pages, share);
  let sampleMs = time(() => scan(sample));
  while (sampleMs < SAMPLE_MIN_MS && share < 1) {
    share = Math.min(1, share * 4);
    sample = samplePages(pages, share);
    sampleMs = time(() => scan(sample));
  }
  const sampleChars = charsOf(sample);
  const predictedMs = (sampleMs * chars) / sampleChars;
  const full = predictedMs * (repeats + warmUps) <= budgetMs;
  const timed = full ? pages : sample;
  const timedChars = full ? chars : sampleChars;
  // A sample that already took seconds is not worth repeating many times.
  const runs = full ? repeats : Math.max(1, Math.min(repeats, Math.floor(budgetMs / sampleMs)));
  let count = 0;
  if (full) for (let r = 0; r < warmUps; r++) count = scan(timed);
  const times: number[] = [];
  for (let r = 0; r < runs; r++) times.push(time(() => (count = scan(timed))));
  const ms = (median(times) * chars) / timedChars;
  return {
    ms,
    mbPerS: mbPerS(chars, ms),
    estimated: !full,
    measuredChars: timedChars,
    runs,
    count,
  };
}

/**
 * The matcher and the bare loop, timed in turns: each round times one pass of each, so a busy
 * machine slows both alike, and the share of the ceiling is the median of the rounds' ratios.
 */
function measurePaired(
  scan: (pages: readonly string[]) => number,
  pages: readonly string[],
  repeats: number,
  warmUps: number,
): { ours: Throughput; ceiling: Throughput; percent: number } {
  const chars = charsOf(pages);
  let count = 0;
  let sum = 0;
  for (let r = 0; r < warmUps; r++) {
    count = scan(pages);
    sum = bareLoop(pages);
  }
  const oursMs: number[] = [];
  const bareMs: number[] = [];
  const ratios: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const bare = time(() => (sum = bareLoop(pages)));
    const ours = time(() => (count = scan(pages)));
    bareMs.push(bare);
    oursMs.push(ours);
    ratios.push(bare / ours);
  }
  const throughput = (ms: number, counted: number): Throughput => ({
    ms,
    mbPerS: mbPerS(chars, ms),
    estimated: false,
    measuredChars: chars,
    runs: repeats,
    count: counted,
  });
  return {
    ours: throughput(median(oursMs), count),
    ceiling: throughput(median(bareMs), sum),
    percent: 100 * median(ratios),
  };
}

/** The ceiling: read every unit and do the least that cannot be optimised away. */
function bareLoop(pages: readonly string[]): number {
  let sum = 0;
  for (const page of pages) {
    for (let i = 0; i < page.length; i++) sum = (sum + page.charCodeAt(i)) | 0;
  }
  return sum;
}

function aliasTexts(entries: readonly MatchableEntry[]): string[] {
  const texts = new Set<string>();
  for (const entry of entries) for (const alias of entry.aliases) texts.add(alias.text);
  return [...texts].filter((text) => text.length > 0);
}

/**
 * One alternation of every alias, longest first (so it prefers "social credit system" to "social
 * credit" as the matcher does); V8 compiles a regex lazily, so a first exec is part of compiling.
 */
function compileRegex(aliases: readonly string[]): RegExp {
  const sorted = [...aliases].sort((a, b) => b.length - a.length);
  const re = new RegExp(sorted.map(escapeRegExp).join('|'), 'giu');
  re.exec('warm up');
  return re;
}

function regexScan(re: RegExp): (pages: readonly string[]) => number {
  return (pages) => {
    let n = 0;
    for (const page of pages) {
      re.lastIndex = 0;
      while (re.exec(page) !== null) n++;
    }
    return n;
  };
}

/** What one writes first: lower-case the text, then look for every alias in turn. */
function indexOfScan(aliases: readonly string[]): (pages: readonly string[]) => number {
  const lower = aliases.map((alias) => alias.toLowerCase());
  return (pages) => {
    let n = 0;
    for (const page of pages) {
      const text = page.toLowerCase();
      for (const alias of lower) {
        for (let at = text.indexOf(alias); at !== -1; at = text.indexOf(alias, at + 1)) n++;
      }
    }
    return n;
  };
}

function runtime(): string {
  return `node ${process.version} (V8 ${process.versions.v8}) on ${process.platform}/${process.arch}`;
}

export async function measureNodeMatcher(
  options: NodeMatcherOptions = {},
): Promise<NodeMatcherResult> {
  const repeats = options.repeats ?? 7;
  const warmUps = options.warmUps ?? 3;
  const budgetMs = options.baselineBudgetMs ?? 15_000;
  const sizes = options.sizes ?? DEFAULT_SIZES;
  const progress = options.progress ?? ((line: string) => console.error(line));

  const bundled = await loadBundledGlossary(progress);
  const synthetic = createSynthetic().entries(Math.max(0, ...sizes.map((s) => s - bundled.length)));
  const glossaries: { label: string; entries: readonly MatchableEntry[] }[] = [
    { label: 'bundled', entries: bundled },
    ...sizes.map((size) => ({
      label: `${size.toLocaleString('en')} terms`,
      entries: [...bundled, ...synthetic.slice(0, Math.max(0, size - bundled.length))],
    })),
  ];

  progress('reading the text…');
  const { source, pages } = benchTexts([...bundled, ...synthetic]);
  const chars = charsOf(pages);
  progress(`${pages.length} pages, ${chars.toLocaleString('en')} units (${source})`);

  const full: MeasureOptions = { repeats, warmUps, budgetMs: Infinity };
  // The bare loop takes a couple of milliseconds, so more repeats steady its median.
  const measureCeiling = (): Throughput =>
    measure(bareLoop, pages, { ...full, repeats: repeats * 5, warmUps: warmUps * 5 });
  const ceiling = measureCeiling();
  progress(`ceiling: ${ceiling.mbPerS.toFixed(0)} MB/s`);

  const figures: GlossaryFigures[] = [];
  for (const { label, entries } of glossaries) {
    progress(`${label}: compiling…`);
    let matcher!: TermMatcher;
    const compileColdMs = time(() => (matcher = compileMatcher(entries)));
    const compileRuns: number[] = [];
    for (let r = 0; r < Math.max(3, Math.min(repeats, 5)); r++) {
      compileRuns.push(time(() => (matcher = compileMatcher(entries))));
    }
    const find = (texts: readonly string[]): number => {
      let n = 0;
      for (const text of texts) n += matcher.find(text).length;
      return n;
    };
    progress(`${label}: matcher…`);
    // A pass takes milliseconds: more warm-ups let the JIT settle, more repeats steady the median.
    const {
      ours,
      ceiling: nearCeiling,
      percent,
    } = measurePaired(find, pages, repeats * 3, warmUps * 5);
    const aliases = aliasTexts(entries);
    progress(`${label}: RegExp…`);
    let re = /$^/gu;
    const regexCompileMs = time(() => (re = compileRegex(aliases)));
    const regex = measure(regexScan(re), pages, { repeats, warmUps, budgetMs });
    progress(`${label}: indexOf…`);
    const naive = measure(indexOfScan(aliases), pages, { repeats, warmUps, budgetMs });
    figures.push({
      label,
      entries: entries.length,
      bundledEntries: bundled.length,
      aliases: aliases.length,
      patterns: matcher.patternCount,
      compileColdMs,
      compileMs: median(compileRuns),
      ceiling: nearCeiling,
      matcher: { ...ours, percentOfCeiling: percent },
      regex: { ...regex, compileMs: regexCompileMs, slowerThanMatcher: regex.ms / ours.ms },
      indexOf: { ...naive, slowerThanMatcher: naive.ms / ours.ms },
    });
  }

  // From the shares of the ceiling rather than raw MB/s: each share was timed in turns with the
  // bare loop, so a machine that got busier between rows does not pass for a slower matcher.
  const shares = figures.map((f) => f.matcher.percentOfCeiling);
  const flatness = Math.max(...shares) / Math.min(...shares);
  const met = flatness <= 1.25 && figures.every((f) => f.matcher.percentOfCeiling >= 40);
  return {
    bench: 'node-matcher',
    runtime: runtime(),
    date: new Date().toISOString(),
    text: { source, pages: pages.length, chars, mb: (chars * 2) / 1e6 },
    repeats,
    warmUps,
    ceiling,
    glossaries: figures,
    flatness,
    targets: { percentOfCeiling: 40, flatness: 1.25, met },
  };
}

/** The readable table (without the JSON line). */
export function formatNodeMatcher(result: NodeMatcherResult): string[] {
  const ms = (v: number): string =>
    v >= 10_000 ? `${(v / 1000).toFixed(0)} s` : `${v.toFixed(v < 10 ? 2 : 0)} ms`;
  const speed = (t: Throughput): string =>
    `${t.mbPerS.toFixed(t.mbPerS < 10 ? 2 : 0)}${t.estimated ? ' (est.)' : ''}`;
  const times = (x: number, estimated: boolean): string =>
    `${x.toFixed(x < 10 ? 1 : 0)}×${estimated ? ' (est.)' : ''}`;
  const { text, ceiling } = result;
  const lines = [
    `Matcher in Node: ${result.runtime}`,
    `Text: ${text.pages} ${text.source} pages, ${text.chars.toLocaleString('en')} UTF-16 units ` +
      `(${text.mb.toFixed(2)} MB); medians of ${result.repeats} runs after ${result.warmUps} ` +
      `warm-ups (the matcher: ${result.repeats * 3} rounds after ${result.warmUps * 5}); ` +
      'MB/s = MB of UTF-16 text per second.',
    `Ceiling (bare charCodeAt loop): ${ceiling.mbPerS.toFixed(0)} MB/s ` +
      `(${ms(ceiling.ms)} for the text). Each matcher row times it again, in turns with the ` +
      'matcher ("ceiling MB/s"); "% ceiling" is the median of those rounds\' ratios.',
    '',
  ];
  const rows: string[][] = [
    [
      'glossary',
      'entries',
      'aliases',
      'patterns',
      'first compile',
      'compile',
      'find',
      'MB/s',
      'ceiling MB/s',
      '% ceiling',
      'matches',
      'RegExp MB/s',
      'RegExp / ours',
      'indexOf MB/s',
      'indexOf / ours',
    ],
  ];
  for (const g of result.glossaries) {
    rows.push([
      g.label,
      g.entries.toLocaleString('en'),
      g.aliases.toLocaleString('en'),
      g.patterns.toLocaleString('en'),
      ms(g.compileColdMs),
      ms(g.compileMs),
      ms(g.matcher.ms),
      speed(g.matcher),
      speed(g.ceiling),
      `${g.matcher.percentOfCeiling.toFixed(0)}%`,
      g.matcher.count.toLocaleString('en'),
      speed(g.regex),
      times(g.regex.slowerThanMatcher, g.regex.estimated),
      speed(g.indexOf),
      times(g.indexOf.slowerThanMatcher, g.indexOf.estimated),
    ]);
  }
  const widths = (rows[0] as string[]).map((_, c) =>
    Math.max(...rows.map((row) => (row[c] as string).length)),
  );
  for (const [i, row] of rows.entries()) {
    lines.push(row.map((cell, c) => cell.padStart(widths[c] as number)).join(' | '));
    if (i === 0) lines.push(widths.map((w) => '-'.repeat(w)).join('-|-'));
  }
  lines.push(
    '',
    `Flatness (fastest / slowest matcher throughput, as shares of the ceiling): ` +
      `${result.flatness.toFixed(2)} ` +
      `(target ≤ ${result.targets.flatness}); ≥ ${result.targets.percentOfCeiling}% of the ` +
      `ceiling: ${result.glossaries.every((g) => g.matcher.percentOfCeiling >= 40) ? 'yes' : 'no'}.`,
    'The synthetic glossaries are the bundled entries plus seeded synthetic ones (words, acronyms, ' +
      'Chinese with pinyin). "(est.)": timed on a prefix of every page and extrapolated. ' +
      'Match counts differ by design: the baselines have no word boundaries, folding or pinyin ' +
      'spacings, and the RegExp ignores case on acronyms.',
  );
  return lines;
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;

if (invokedDirectly) {
  const quick = process.argv.includes('--quick');
  const result = await measureNodeMatcher(
    quick ? { repeats: 3, warmUps: 1, baselineBudgetMs: 3_000 } : {},
  );
  for (const line of formatNodeMatcher(result)) console.log(line);
  console.log(JSON.stringify(result));
}
