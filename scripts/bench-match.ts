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
import { compileMatcher, type MatchableEntry } from '../lib/match/index';
import { createSynthetic, REAL_SHAPED_ENTRIES as REAL } from './bench/synthetic';
import { escapeRegExp, median, time } from './bench/timing';

const SIZES = [10, 100, 1_000, 10_000];
const TEXT_LENGTH = 1_000_000;
const FIND_REPEATS = 7;
/** Untimed runs first, so the JIT has optimised the hot loops before the clock starts. */
const WARM_UPS = 3;
const BASELINE_LIMIT_MS = 20_000;

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
  const generate = createSynthetic();
  const synthetic = generate.entries(Math.max(...SIZES));
  const text = generate.text([...REAL, ...synthetic], TEXT_LENGTH);
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
