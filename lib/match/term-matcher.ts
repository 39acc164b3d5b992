import { Automaton, type AutomatonOptions } from './aho-corasick';
import { isWordChar } from './char-class';
import { hasExactCase } from './exact-case';
import {
  FOLD_DROP,
  FOLD_HIGH_SURROGATE,
  FOLD_SPACE,
  foldCode,
  foldedForm,
  originalEnd,
} from './fold';
import { selectLeftmostLongest } from './leftmost-longest';
import { derivePatterns, type MatchableEntry, type PatternReading } from './patterns';
import type { TermMatch, TermMatcher } from './types';
import { activeMatchWork } from './work';

/** Map buffers up to this many entries are kept between calls; bigger ones are let go. */
const SCRATCH_LIMIT = 1 << 20;

/**
 * The word-boundary marker: a noncharacter, which no glossary alias contains. The automaton
 * reads it after every character that is not a word character (and before the text), and a
 * pattern that starts with a word character starts with it, so "credit" can only begin where a
 * word does. Inside a word the automaton then idles at the root instead of following every
 * suffix of the word, which keeps its busy states few (and in the CPU cache) however many terms
 * there are. A U+FFFF in a page is read as what it is, a character in no pattern.
 */
const MARKER = 0xffff;

/*
 * What one original code unit means to the scanning loop, in one read of the automaton's heap
 * (whose first 0x10000 entries the matcher reserves for this table, "kinds"). A kind >= 0 is a
 * unit that folds to exactly one unit whose class has a dense column (see `aho-corasick.ts`):
 * `class << 17 | isWhitespace << 16 | foldedUnit`, whitespace folding to a space. The negative
 * kinds are dropped units (marks), units of the classes without dense columns (the CJK units of
 * the glossary), for `foldRunSlow`, and the rest (several units, surrogates), for `foldRare`. The
 * table starts all "unknown" and learns each unit the first time it is seen, from `foldCode`.
 */
const KINDS = 0x10000;
const KIND_UNKNOWN = -1;
const KIND_DROP = -2;
const KIND_OTHER = -3;
/** A unit that folds to one unit of a class without a dense column: `KIND_WIDE - class`. */
const KIND_WIDE = -16;
const KIND_SPACE_BIT = 1 << 16;
const KIND_CLASS_SHIFT = 17;
const SPACE_UNIT = 0x20;
const NONE = -1;

// `foldRun`'s state, in an Int32Array so it can be handed in and out without an object.
const RUN_N = 0; // folded units so far
const RUN_ROW = 1; // the automaton's row
const RUN_AFTER_SPACE = 2; // 1 when the last folded unit is a space
const RUN_STOP = 3; // why it stopped: STOP_*
const RUN_HOPS = 4; // sparse rows and wide classes stepped on, for the complexity tests
const RUN_CLASS = 5; // with STOP_WALK: the class to step on
const RUN_UNITS = 6; // text units read, for the complexity tests
const RUN_SIZE = 7;
/** At the end of the text. */
const STOP_END = 0;
/** After a unit where a pattern ends: record it, go on with the next unit. */
const STOP_HIT = 1;
/** At a unit that needs the slow path (nothing done yet). */
const STOP_RARE = 2;
/** Where the automaton is past its dense rows: go on with `foldRunSlow`. */
const STOP_SPARSE = 3;
/** Where `foldRunSlow` has made enough dense steps in a row: go on with `foldRun`. */
const STOP_DENSE = 4;
/** At a unit that is folded but whose step is in no table: step it with the automaton. */
const STOP_WALK = 5;
/** Dense steps in a row after which `foldRunSlow` hands back to `foldRun`. */
const CALM_STEPS = 32;
/**
 * The wide-class step cache at the end of the heap: direct-mapped slots of (row, class, step),
 * for CJK text, where every unit of a glossary alias steps on a class without a dense column.
 */
const CACHE_SLOTS = 4096;
const CACHE_ENTRIES = 3;

/**
 * The hot loop: folds and scans `text` from `from` until the end or a unit it leaves to its
 * caller (see STOP_*), and returns that unit's index. Per unit: one read of the kinds table, one
 * write of the map back to the original offset, one read of the automaton's dense row (see the
 * heap in `aho-corasick.ts`). It is a free function of one typed array and numbers, with no
 * calls, so V8 compiles it to the same tight loop whatever glossary or text came before, and
 * keeps the array's base in a register. Measured in Node 20: a second and third array (folded
 * units, tables apart from the kinds), a call into the automaton once its slow path had run, or
 * the loop over sparse rows inlined here (now in `foldRunSlow`) each cost a tenth to a third of
 * the speed.
 *
 * Its common path has no branch that depends on the text (a mispredicted branch, one per word at
 * a space, costs more than all the table reads): a whitespace run is collapsed by not advancing
 * the output after a space, and the automaton (built with `spaceRuns`) stays put on a space
 * after a space.
 */
function foldRun(
  text: string,
  from: number,
  heap: Int32Array,
  rowLimit: number,
  map: Uint32Array,
  state: Int32Array,
): number {
  // Module constants as locals, read once rather than (as module bindings) in every pass.
  const drop = KIND_DROP;
  const classShift = KIND_CLASS_SHIFT;
  const len = text.length;
  let n = state[RUN_N] as number;
  let row = state[RUN_ROW] as number;
  let afterSpace = state[RUN_AFTER_SPACE] as number;
  let stop = STOP_END;
  let i = from;
  for (; i < len; i++) {
    if (row >= rowLimit) {
      stop = STOP_SPARSE;
      break;
    }
    const kind = heap[text.charCodeAt(i)] as number;
    if (kind < 0) {
      if (kind === drop) continue; // a dropped mark does not end a space run: "a \u0301 b"
      stop = STOP_RARE;
      break;
    }
    const space = (kind >> 16) & 1;
    map[n] = i;
    n += 1 - (space & afterSpace);
    afterSpace = space;
    const next = heap[row + (kind >>> classShift)] as number;
    row = next >> 1;
    if ((next & 1) === 1) {
      stop = STOP_HIT;
      i++;
      break;
    }
  }
  state[RUN_N] = n;
  state[RUN_ROW] = row;
  state[RUN_AFTER_SPACE] = afterSpace;
  state[RUN_STOP] = stop;
  state[RUN_UNITS] = (state[RUN_UNITS] as number) + i - from;
  return i;
}

/**
 * `foldRun` for the rest: while the automaton is past its dense rows (deep in a long term of a
 * large glossary), a state's own (class, step) pairs, else its failure target's, down to a dense
 * row; and for units of classes without dense columns (CJK text), a cache of their steps, which
 * the caller fills on a miss (STOP_WALK). It does dense steps too, and hands back to `foldRun`
 * once it has done `CALM_STEPS` of them in a row.
 */
function foldRunSlow(
  text: string,
  from: number,
  heap: Int32Array,
  rowLimit: number,
  cacheAt: number,
  map: Uint32Array,
  state: Int32Array,
): number {
  const drop = KIND_DROP;
  const wide = KIND_WIDE;
  const classShift = KIND_CLASS_SHIFT;
  const cacheMask = CACHE_SLOTS - 1;
  const len = text.length;
  let n = state[RUN_N] as number;
  let row = state[RUN_ROW] as number;
  let afterSpace = state[RUN_AFTER_SPACE] as number;
  let hops = 0;
  let calm = 0;
  let stop = STOP_END;
  let i = from;
  for (; i < len; i++) {
    const kind = heap[text.charCodeAt(i)] as number;
    let next = 0;
    if (kind >= 0) {
      if (row < rowLimit && calm >= CALM_STEPS) {
        stop = STOP_DENSE;
        break;
      }
      const space = (kind >> 16) & 1;
      map[n] = i;
      n += 1 - (space & afterSpace);
      afterSpace = space;
      const cls = kind >>> classShift;
      if (row < rowLimit) {
        calm++;
        next = heap[row + cls] as number;
      } else {
        calm = 0;
        for (let r = row; ;) {
          hops++;
          let k = r + 2;
          const end = k + 2 * (heap[r + 1] as number);
          while (k < end && heap[k] !== cls) k += 2;
          if (k < end) {
            next = heap[k + 1] as number;
            break;
          }
          r = heap[r] as number;
          if (r < rowLimit) {
            next = heap[r + cls] as number;
            break;
          }
        }
      }
    } else if (kind <= wide) {
      calm = 0;
      hops++;
      const cls = wide - kind;
      map[n++] = i;
      afterSpace = 0;
      const slot = cacheAt + CACHE_ENTRIES * ((Math.imul(row, 31) + cls) & cacheMask);
      if (heap[slot] !== row || heap[slot + 1] !== cls) {
        state[RUN_CLASS] = cls;
        stop = STOP_WALK;
        break;
      }
      next = heap[slot + 2] as number;
    } else {
      if (kind === drop) continue;
      stop = STOP_RARE;
      break;
    }
    row = next >> 1;
    if ((next & 1) === 1) {
      stop = STOP_HIT;
      i++;
      break;
    }
  }
  state[RUN_N] = n;
  state[RUN_ROW] = row;
  state[RUN_AFTER_SPACE] = afterSpace;
  state[RUN_STOP] = stop;
  state[RUN_HOPS] = (state[RUN_HOPS] as number) + hops;
  state[RUN_UNITS] = (state[RUN_UNITS] as number) + i - from;
  return i;
}

/** A match whose offsets are still in the folded text. */
interface Candidate {
  readonly start: number;
  readonly end: number;
  readonly entryId: string;
}

/** The entry of the first reading that accepts this occurrence, if any. */
function firstFittingReading(
  readings: readonly PatternReading[],
  text: string,
  map: Uint32Array,
  start: number,
  end: number,
): string | undefined {
  for (const reading of readings) {
    if (reading.exact === null) return reading.entryId;
    // Case-sensitive: the original characters decide, not the lower-cased folded ones.
    if (hasExactCase(text, map[start] as number, originalEnd(map, end), reading.exact)) {
      return reading.entryId;
    }
  }
  return undefined;
}

function grown<T extends Uint32Array | Int32Array>(array: T, minLength: number): T {
  const bigger = new (array.constructor as new (length: number) => T)(
    Math.max(minLength, array.length * 2),
  );
  bigger.set(array);
  return bigger;
}

const isSurrogate = (unit: number): boolean => unit >= 0xd800 && unit <= 0xdfff;
const isHigh = (unit: number): boolean => unit >= 0xd800 && unit <= 0xdbff;
const isLow = (unit: number): boolean => unit >= 0xdc00 && unit <= 0xdfff;
const pair = (high: number, low: number): number =>
  ((high - 0xd800) << 10) + (low - 0xdc00) + 0x10000;

/** The folded form of the code point at `origin` (a surrogate pair read whole). */
function foldedFormAt(text: string, origin: number): string {
  const c = text.charCodeAt(origin);
  if (isHigh(c)) {
    const low = text.charCodeAt(origin + 1);
    return isLow(low) ? foldedForm(pair(c, low)) : String.fromCharCode(c);
  }
  return foldedForm(c);
}

/**
 * Folded unit `j`. The scan keeps only the map back to the original, so the few units the rules
 * look at are folded again: from the kinds table when its code point folds to one unit, else as
 * the (j - first)th unit of the folded form of that code point, `first` being its first unit.
 */
function foldedUnitAt(text: string, map: Uint32Array, j: number, kinds: Int32Array): number {
  const origin = map[j] as number;
  const kind = kinds[text.charCodeAt(origin)] as number;
  if (kind >= 0) return kind & 0xffff; // the common case: a unit that folds to one unit
  let first = j;
  while (first > 0 && map[first - 1] === origin) first--;
  return foldedFormAt(text, origin).charCodeAt(j - first);
}

/** The folded code point that ends at folded offset `index`, or -1 at the start. */
function foldedCodePointBefore(
  text: string,
  map: Uint32Array,
  index: number,
  kinds: Int32Array,
): number {
  if (index <= 0) return -1;
  const last = foldedUnitAt(text, map, index - 1, kinds);
  if (isLow(last) && index >= 2) {
    const first = foldedUnitAt(text, map, index - 2, kinds);
    if (isHigh(first)) return pair(first, last);
  }
  return last;
}

/** The folded code point that starts at folded offset `index`, or -1 at `length`. */
function foldedCodePointAt(
  text: string,
  map: Uint32Array,
  length: number,
  index: number,
  kinds: Int32Array,
): number {
  if (index >= length) return -1;
  const first = foldedUnitAt(text, map, index, kinds);
  if (isHigh(first) && index + 1 < length) {
    const last = foldedUnitAt(text, map, index + 1, kinds);
    if (isLow(last)) return pair(first, last);
  }
  return first;
}

/**
 * A pattern as the automaton reads it: the marker after each non-word character, and before a
 * pattern that starts with a word character.
 */
function withMarkers(pattern: string): string {
  let marked = '';
  let first = true;
  for (const ch of pattern) {
    const word = isWordChar(ch.codePointAt(0) as number);
    if (first && word) marked += String.fromCharCode(MARKER);
    first = false;
    marked += word ? ch : ch + String.fromCharCode(MARKER);
  }
  return marked;
}

/**
 * Compiles glossary entries into a matcher. Matching happens on folded text (see `fold.ts`) with
 * one Aho–Corasick pass; then each candidate must pass the rules:
 * - word boundaries: an edge of the pattern that is a (non-CJK) letter or digit must not touch
 *   another such character in the text, so "credit" is not found in "credits", while Chinese,
 *   which has no spaces, matches anywhere, and "的GRC报告" still yields GRC;
 * - case-sensitive aliases must appear with their exact case;
 * and the survivors are reduced to leftmost-longest, non-overlapping matches.
 *
 * Folding and the automaton run in the same loop, a few table reads per text unit, so the text
 * is read once; the rules run afterwards on the few occurrences found.
 */
export function compileMatcher(entries: readonly MatchableEntry[]): TermMatcher {
  return compileTunedMatcher(entries, {});
}

/** `compileMatcher` with the automaton's table sizes set, so tests can reach its sparse paths. */
export function compileTunedMatcher(
  entries: readonly MatchableEntry[],
  tuning: Pick<AutomatonOptions, 'denseBudget' | 'maxWidth'>,
): TermMatcher {
  const matcher = new CompiledMatcher(entries, tuning);
  return { find: (text) => matcher.find(text), patternCount: matcher.patternCount };
}

class CompiledMatcher {
  readonly patternCount: number;
  private readonly automaton: Automaton;
  /** The automaton's heap: the kinds table first, the wide-class step cache last. */
  private readonly heap: Int32Array;
  private readonly cacheAt: number;
  private readonly lengths: Int32Array;
  private readonly needsBoundaryBefore: Uint8Array;
  private readonly needsBoundaryAfter: Uint8Array;
  private readonly readings: readonly (readonly PatternReading[])[];

  // Buffers reused between calls: the map from folded to original offsets, and the automaton's
  // reports as (row, folded end) pairs.
  private map = new Uint32Array(0);
  private hits = new Int32Array(64);
  private hitCount = 0;
  /** Set by `foldAndScan`: the map it filled (maybe let go since), and the folded length. */
  private lastMap = this.map;
  private foldedLength = 0;
  /** What `foldRun` reads and writes: see RUN_*. */
  private readonly state = new Int32Array(RUN_SIZE);

  constructor(
    entries: readonly MatchableEntry[],
    tuning: Pick<AutomatonOptions, 'denseBudget' | 'maxWidth'>,
  ) {
    const specs = derivePatterns(entries);
    this.automaton = new Automaton(
      specs.map((spec) => withMarkers(spec.pattern)),
      {
        ...tuning,
        spaceRuns: true,
        marker: { unit: MARKER, after: (unit) => !isSurrogate(unit) && !isWordChar(unit) },
      },
      KINDS,
      CACHE_SLOTS * CACHE_ENTRIES,
    );
    this.heap = this.automaton.heap;
    this.heap.fill(KIND_UNKNOWN, 0, KINDS);
    this.cacheAt = this.automaton.tailAt;
    this.heap.fill(NONE, this.cacheAt); // no row is -1: every slot empty
    const count = specs.length;
    this.patternCount = count;
    this.lengths = new Int32Array(count);
    // A boundary is checked only on a side where the pattern itself ends in a word character:
    // for "GRC" on both sides, for "诚信" on neither, for "A股" only before the A. The marker
    // already sees to the side before, except around surrogates that folding brings together.
    this.needsBoundaryBefore = new Uint8Array(count);
    this.needsBoundaryAfter = new Uint8Array(count);
    this.readings = specs.map((spec) => spec.readings);
    specs.forEach(({ pattern }, p) => {
      this.lengths[p] = pattern.length;
      const codePoints = [...pattern]; // by code point: an astral Han edge is one character
      this.needsBoundaryBefore[p] = isWordChar(codePoints[0]?.codePointAt(0) ?? -1) ? 1 : 0;
      this.needsBoundaryAfter[p] = isWordChar(codePoints.at(-1)?.codePointAt(0) ?? -1) ? 1 : 0;
    });
  }

  /** The class of a folded BMP unit that is not a surrogate. */
  private classOfUnit(unit: number): number {
    const cls = unit === MARKER ? 0 : (this.automaton.classOf[unit] as number);
    return cls === 0 && !isWordChar(unit) ? this.automaton.markedOtherClass : cls;
  }

  private learn(unit: number): number {
    // A surrogate's word boundary depends on its pair: the slow path reads pairs whole.
    if (isSurrogate(unit)) return KIND_OTHER;
    const { width } = this.automaton;
    const code = foldCode(unit);
    if (code >= 0) {
      const cls = this.classOfUnit(code);
      return cls < width ? (cls << KIND_CLASS_SHIFT) | code : KIND_WIDE - cls;
    }
    if (code === FOLD_SPACE) {
      const cls = this.classOfUnit(SPACE_UNIT);
      return cls < width ? (cls << KIND_CLASS_SHIFT) | KIND_SPACE_BIT | SPACE_UNIT : KIND_OTHER;
    }
    return code === FOLD_DROP ? KIND_DROP : KIND_OTHER;
  }

  /**
   * Folds `text` into the map and steps the automaton on each folded unit as it is made:
   * `foldRun` and `foldRunSlow` do the common units and stop for anything else, done here.
   */
  private foldAndScan(text: string): void {
    const len = text.length;
    const { heap, state } = this;
    const { rowLimit } = this.automaton;
    this.map = this.map.length > len ? this.map : new Uint32Array(len + 1);
    this.hitCount = 0;
    state[RUN_N] = 0;
    state[RUN_ROW] = this.automaton.startRow;
    state[RUN_AFTER_SPACE] = 0;
    state[RUN_HOPS] = 0;
    state[RUN_UNITS] = 0;
    let i = foldRun(text, 0, heap, rowLimit, this.map, state);
    while (state[RUN_STOP] !== STOP_END) {
      i = this.resume(text, i);
      if (state[RUN_STOP] === STOP_END) break;
      i = foldRun(text, i, heap, rowLimit, this.map, state); // the map may have grown
    }
    const n = state[RUN_N] as number;
    this.map[n] = len;
    this.lastMap = this.map;
    this.foldedLength = n;
    if (this.map.length > SCRATCH_LIMIT) this.map = new Uint32Array(0);
  }

  /**
   * Does what `foldRun` stopped for (see STOP_*), running `foldRunSlow` for as long as it is
   * needed, and returns the index for `foldRun` to go on from.
   */
  private resume(text: string, from: number): number {
    const { heap, state, cacheAt } = this;
    const { rowLimit } = this.automaton;
    let i = from;
    let slow = false;
    for (;;) {
      const stop = state[RUN_STOP];
      if (stop === STOP_END || stop === STOP_DENSE) return i;
      if (stop === STOP_HIT) {
        this.record(state[RUN_ROW] as number, state[RUN_N] as number);
      } else if (stop === STOP_WALK) {
        this.walk(state[RUN_CLASS] as number);
        i++; // the unit `foldRunSlow` folded and stopped at
        state[RUN_UNITS] = (state[RUN_UNITS] as number) + 1;
      } else if (stop === STOP_SPARSE) {
        slow = true;
      } else if ((heap[text.charCodeAt(i)] as number) <= KIND_WIDE) {
        slow = true; // STOP_RARE at a unit of a class without a dense column
      } else {
        const rare = this.foldRare(text, i) + 1; // the map may grow
        state[RUN_UNITS] = (state[RUN_UNITS] as number) + rare - i;
        i = rare;
      }
      if (!slow) return i;
      i = foldRunSlow(text, i, heap, rowLimit, cacheAt, this.map, state);
    }
  }

  /** A step `foldRunSlow` found in no table: by the automaton, then kept in the cache. */
  private walk(cls: number): void {
    const { state, heap } = this;
    const row = state[RUN_ROW] as number;
    const next = this.automaton.step(row, cls);
    const slot = this.cacheAt + CACHE_ENTRIES * ((Math.imul(row, 31) + cls) & (CACHE_SLOTS - 1));
    heap[slot] = row;
    heap[slot + 1] = cls;
    heap[slot + 2] = next;
    state[RUN_ROW] = next >> 1;
    if ((next & 1) === 1) this.record(next >> 1, state[RUN_N] as number);
  }

  /** Steps the automaton outside `foldRun`, and records a report. */
  private step(cls: number): void {
    const state = this.state;
    const next = this.automaton.step(state[RUN_ROW] as number, cls);
    state[RUN_ROW] = next >> 1;
    if ((next & 1) === 1) this.record(next >> 1, state[RUN_N] as number);
  }

  /** Keeps a report of the automaton: the row where a pattern ends, and the folded end. */
  private record(row: number, end: number): void {
    if (this.hitCount + 2 > this.hits.length) this.hits = grown(this.hits, this.hitCount + 2);
    this.hits[this.hitCount++] = row;
    this.hits[this.hitCount++] = end;
  }

  /**
   * `foldAndScan` for a unit that `foldRun` cannot do: one not seen yet, one that folds to
   * several units, surrogates, or a unit without a dense column. Returns the index of the last
   * unit it read.
   */
  private foldRare(text: string, at: number): number {
    const { heap, state, automaton } = this;
    const c = text.charCodeAt(at);
    let i = at;
    if (heap[c] === KIND_UNKNOWN) {
      heap[c] = this.learn(c);
      return i - 1; // read it again, now known
    }
    let form: string;
    if (foldCode(c) === FOLD_HIGH_SURROGATE && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (isLow(low)) {
        form = foldedForm(pair(c, low));
        i++;
      } else {
        form = String.fromCharCode(c); // a lone high surrogate: kept, it matches nothing
      }
    } else {
      form = foldedForm(c);
    }
    if (form.length === 0) return i;
    if (form === ' ') {
      if (state[RUN_AFTER_SPACE] === 1) return i;
      state[RUN_AFTER_SPACE] = 1;
    } else {
      state[RUN_AFTER_SPACE] = 0;
    }
    // Every later input unit yields at most one output unit, so this leaves room for them.
    const needed = (state[RUN_N] as number) + form.length + (text.length - i - 1) + 1;
    if (needed > this.map.length) this.map = grown(this.map, needed);
    for (let k = 0; k < form.length;) {
      const codePoint = form.codePointAt(k) as number; // a lone surrogate gives itself
      const size = codePoint > 0xffff ? 2 : 1;
      const surrogates = isSurrogate(form.charCodeAt(k));
      for (let q = 0; q < size; q++) {
        const unit = form.charCodeAt(k + q);
        const n = state[RUN_N] as number;
        this.map[n] = at;
        state[RUN_N] = n + 1;
        // Surrogates step plainly; any other unit's class says whether the marker follows it.
        this.step(surrogates ? (automaton.classOf[unit] as number) : this.classOfUnit(unit));
      }
      // The marker follows a whole code point that is not a word character: pair or lone half.
      if (surrogates && !isWordChar(codePoint)) this.step(automaton.markerClass);
      k += size;
    }
    return i;
  }

  /** The rules, on the occurrences `foldAndScan` reported. */
  private candidatesOf(text: string): {
    candidates: Candidate[];
    reported: number;
    readingsTried: number;
  } {
    const { lastMap: m, foldedLength: length, hits, hitCount } = this;
    const { lengths, needsBoundaryBefore, needsBoundaryAfter, readings, heap: kinds } = this;
    const candidates: Candidate[] = [];
    let reported = 0;
    let readingsTried = 0;
    let end = 0;
    const check = (p: number): void => {
      reported++;
      const start = end - (lengths[p] as number);
      if (
        needsBoundaryBefore[p] === 1 &&
        isWordChar(foldedCodePointBefore(text, m, start, kinds))
      ) {
        return;
      }
      if (
        needsBoundaryAfter[p] === 1 &&
        isWordChar(foldedCodePointAt(text, m, length, end, kinds))
      ) {
        return;
      }
      const patternReadings = readings[p] as PatternReading[];
      readingsTried += patternReadings.length;
      const entryId = firstFittingReading(patternReadings, text, m, start, end);
      if (entryId !== undefined) candidates.push({ start, end, entryId });
    };
    for (let k = 0; k < hitCount; k += 2) {
      end = hits[k + 1] as number;
      this.automaton.reportsAt(hits[k] as number, check);
    }
    return { candidates, reported, readingsTried };
  }

  find(text: string): TermMatch[] {
    if (this.patternCount === 0 || text.length === 0) return [];
    const { counts } = this.automaton;
    const slowStepsBefore = counts.slowSteps;
    this.foldAndScan(text);
    const slowSteps = counts.slowSteps - slowStepsBefore + (this.state[RUN_HOPS] as number);
    if (this.hitCount === 0) {
      countWork(this.state[RUN_UNITS] as number, slowSteps, 0, 0);
      return [];
    }
    const { candidates, reported, readingsTried } = this.candidatesOf(text);
    countWork(this.state[RUN_UNITS] as number, slowSteps, reported, readingsTried);
    const m = this.lastMap;
    return selectLeftmostLongest(candidates).map(({ start, end, entryId }) => ({
      start: m[start] as number,
      end: originalEnd(m, end),
      entryId,
    }));
  }
}

function countWork(units: number, slowSteps: number, candidates: number, readings: number): void {
  const work = activeMatchWork();
  if (work === null) return;
  work.units += units;
  work.slowSteps += slowSteps;
  work.candidates += candidates;
  work.readings += readings;
}
